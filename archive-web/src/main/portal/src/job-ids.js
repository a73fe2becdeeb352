// The anonymous jobs of this browser: UWS lists no anonymous jobs (whoever knows a job's id may open it, so
// ids are the only key), so the pages keep the ids of the jobs they created in the browser's localStorage,
// newest first. Another browser, or another profile of the same one, has a storage of its own and sees none of
// them. Ids of jobs the service no longer has are forgotten when a page finds them gone.

const KEY = "voarchive.anonymous-jobs";
/** Ids kept at most: beyond these, the oldest go (their jobs have long been destroyed). */
export const MAX_KEPT = 2000;
/** A job id as the archive makes them (and nothing that could be a path). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isJobId(id) {
  return typeof id === "string" && ID.test(id);
}

function read(storage) {
  try {
    const ids = JSON.parse(storage.getItem(KEY) || "[]");
    return Array.isArray(ids) ? ids.filter(isJobId) : [];
  } catch (e) {
    return []; // not ours, or damaged: start again
  }
}

function write(storage, ids) {
  try {
    storage.setItem(KEY, JSON.stringify(ids.slice(0, MAX_KEPT)));
  } catch (e) {
    console.warn("the browser's storage refused the job list:", e.message);
  }
}

/** The ids kept, newest first. */
export function rememberedJobs(storage) {
  return read(storage);
}

/** Keeps a new job's id, first. */
export function rememberJob(storage, id) {
  if (isJobId(id)) {
    write(storage, [id, ...read(storage).filter((other) => other !== id)]);
  }
}

/** Forgets ids (deleted jobs, and jobs the service no longer has). */
export function forgetJobs(storage, ids) {
  const gone = new Set(ids);
  write(storage, read(storage).filter((id) => !gone.has(id)));
}
