// The Jobs page: the caller's async TAP jobs, a page at a time, newest first, with live phases, and one job's
// view (?job=ID) with its query, error message and result (result-view.js). Everything comes from UWS at /tap/async:
// a signed-in caller's jobs from the job list (which holds their own jobs only), an anonymous caller's from the
// ids this browser kept (job-ids.js). Every text is set with textContent; nothing from the service is HTML.
import { element } from "./dom.js";
import { formatDuration, formatInstant, formatRows, jobDuration, jobName, resultRows } from "./job-format.js";
import { forgetJobs, isJobId, rememberJob, rememberedJobs } from "./job-ids.js";
import { PhaseWatch } from "./phase-watch.js";
import { tableNameFor, tableNameProblem } from "./personal-tables.js";
import { showJobResult } from "./result-view.js";
import { errorMessage } from "./tap.js";
import { ACTIVE, FINAL, abortJob, createJob, deleteJob, getJob, listJobs, parameter, renameJob } from "./uws.js";

const page = document.getElementById("jobs-page");
const asyncUrl = page.dataset.tapAsync;
const jobsPage = page.dataset.jobs;
const queryPage = page.dataset.query;
const myTables = page.dataset.myTables;
const signedIn = page.dataset.caller !== "";
const pageSize = Number(page.dataset.pageSize);
const maxListed = Number(page.dataset.maxListed);
const statusLine = document.getElementById("jobs-status");
const news = document.getElementById("phase-news");
const listSection = document.getElementById("job-list");
const tbody = document.querySelector("#jobs-table tbody");
const viewSection = document.getElementById("job-view");

/** Job documents asked at once while a page of the list fills (the phase watch has requests of its own). */
const DETAILS_AT_ONCE = 3;

const jobUrl = (id) => `${asyncUrl}/${encodeURIComponent(id)}`;
const storage = window.localStorage;

/** The jobs shown, by id: their latest documents. */
const shown = new Map();
const watch = new PhaseWatch(jobUrl, (job) => changed(job), (id) => gone(id));
let view = null; // the job of the job view, if that is what the page shows
const keptAway = new Set(); // the jobs whose result this page kept as a table (it is the job's no longer)

function say(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle("error", isError);
}

/** Says a phase change once, politely (the table's cells change silently). */
function announce(job) {
  const rows = job.phase === "COMPLETED" ? resultRows(job.progress) : null;
  const count = rows ? `, ${formatRows(rows)} row${rows.rows === 1 && !rows.more ? "" : "s"}` : "";
  news.textContent = `${jobName(job)} is ${job.phase}${count}.`;
}

function instant(iso, sameDayAs) {
  if (!iso) {
    return element("span", "");
  }
  const time = element("time", formatInstant(iso, sameDayAs));
  time.dateTime = iso;
  time.title = `${iso} (UTC)`;
  return time;
}

function phaseBadge(phase) {
  return element("span", phase, `phase phase-${phase}`);
}

/** A button whose name says which job it acts on ("Delete" is seen, "Delete job X" is heard). */
function actionButton(label, job, onClick, className) {
  const button = element("button", label, `small ${className || "secondary"}`);
  button.type = "button";
  button.append(element("span", ` ${jobName(job)}`, "visually-hidden"));
  // busy while its request runs: aria-disabled, not disabled, which would take the keyboard's focus away
  button.addEventListener("click", async () => {
    if (button.getAttribute("aria-disabled") === "true") {
      return;
    }
    button.setAttribute("aria-disabled", "true");
    try {
      await onClick();
    } catch (e) {
      say(`${label} ${jobName(job)}: ${e.message}`, true);
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });
  return button;
}

function editorLink(job) {
  const a = element("a", "Open in editor", "button small secondary");
  a.href = `${queryPage}?job=${encodeURIComponent(job.id)}`;
  a.append(element("span", ` ${jobName(job)}`, "visually-hidden"));
  return a;
}

/**
 * The actions on a job: abort (while it can still change), delete, rename, run again, open in the editor; in the
 * job's view, a signed-in owner's completed job may also keep its result as a table of theirs.
 */
function actions(job, inView = false) {
  const all = [];
  if (!FINAL.has(job.phase)) {
    all.push(actionButton("Abort", job, () => abort(job), "danger"));
  }
  all.push(actionButton("Delete", job, () => remove(job), "danger"));
  all.push(actionButton("Rename", job, () => rename(job)));
  if (parameter(job, "QUERY") !== null) {
    all.push(actionButton("Run again", job, () => runAgain(job)));
    all.push(editorLink(job));
  }
  if (inView && signedIn && job.ownerId && job.phase === "COMPLETED" && !keptAway.has(job.id)) {
    all.push(actionButton("Keep as table", job, () => keep(job)));
  }
  return all;
}

/**
 * Replaces a job's actions; if one of them had the keyboard's focus, the new one of the same name gets it (an
 * Abort that is gone gives it to Delete), so that a live update never throws the focus back to the page's top.
 */
function replaceActions(container, job) {
  const focused = container.contains(document.activeElement) ? document.activeElement.firstChild.textContent : null;
  const fresh = actions(job, container.id === "job-actions");
  container.replaceChildren(...fresh);
  if (focused !== null) {
    (fresh.find((a) => a.firstChild.textContent === focused) || fresh[0]).focus();
  }
}

async function abort(job) {
  const after = await abortJob(jobUrl(job.id));
  changed(after);
}

async function rename(job) {
  const name = window.prompt(`A new name for ${jobName(job)}:`, job.runId || "");
  if (name === null || name.trim() === "" || name.trim() === job.runId) {
    return;
  }
  changed(await renameJob(jobUrl(job.id), name.trim()));
}

async function remove(job) {
  if (!window.confirm(`Delete ${jobName(job)} and its result? This cannot be undone.`)) {
    return;
  }
  await deleteJob(jobUrl(job.id));
  watch.forget(job.id);
  forgetJobs(storage, [job.id]);
  shown.delete(job.id);
  if (view) {
    window.history.replaceState(null, "", jobsPage);
    view = null;
    viewSection.hidden = true;
    await showList(1, `Deleted ${jobName(job)}.`);
  } else {
    await showList(currentPage, `Deleted ${jobName(job)}.`);
  }
}

/**
 * Makes the job's result a personal table of the caller's (POST {job}/keep, TABLE=name): renamed in place, it
 * stays when the job goes, and is listed on My tables.
 */
async function keep(job) {
  const asked = window.prompt(`Keep the result of ${jobName(job)} as a table of yours, named (lower-case letters,`
    + " digits and _):", tableNameFor(job.runId || `result_${job.id}`));
  if (asked === null || asked.trim() === "") {
    return;
  }
  const name = asked.trim();
  const problem = tableNameProblem(name);
  if (problem) {
    throw new Error(problem);
  }
  const response = await fetch(`${jobUrl(job.id)}/keep`, { method: "POST", body: new URLSearchParams({ TABLE: name }),
    headers: { Accept: "text/xml, text/plain" } });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(errorMessage(response, text));
  }
  const location = response.headers.get("Location") || "";
  const table = decodeURIComponent(location.slice(location.lastIndexOf("/") + 1)) || name;
  say(`The result of ${jobName(job)} is now your table ${table}: it stays when the job goes.`);
  const link = element("a", "See it on My tables.");
  link.href = `${myTables}?table=${encodeURIComponent(name)}`;
  statusLine.append(" ", link);
  keptAway.add(job.id);
  replaceActions(document.getElementById("job-actions"), job);
  link.focus(); // the button is gone: the focus goes where the news is

}

/** A new job with the parameters of this one (not its uploads, which were its own), started at once. */
async function runAgain(job) {
  if (job.parameters.some((p) => p.id.toUpperCase() === "UPLOAD")) {
    throw new Error("it had uploaded tables, which only it has: run it again from your TAP client");
  }
  const parameters = job.parameters.filter((p) => !p.byReference && p.id.toUpperCase() !== "PHASE")
    .map((p) => [p.id, p.value]);
  parameters.push(["PHASE", "RUN"]);
  const again = await createJob(asyncUrl, parameters);
  if (!again.ownerId) {
    rememberJob(storage, again.id);
  }
  window.location.assign(`${jobsPage}?job=${encodeURIComponent(again.id)}`);
}

/** A job's new document: its row or view updated, its phase said if it changed. */
function changed(job) {
  const before = shown.get(job.id);
  shown.set(job.id, job);
  if (before && before.phase !== job.phase) {
    announce(job);
  }
  watch.watch(job);
  if (view && view.id === job.id) {
    const completedNow = job.phase === "COMPLETED" && (!before || before.phase !== "COMPLETED");
    view = job;
    renderView(job);
    if (completedNow) {
      loadResult(job);
    }
  } else {
    renderRow(job);
  }
}

/** A job the service no longer has (deleted, or its retention period ended). */
function gone(id) {
  forgetJobs(storage, [id]);
  shown.delete(id);
  if (view && view.id === id) {
    say(`Job ${id} no longer exists: it was deleted, or its retention period ended.`, true);
    return;
  }
  const row = tbody.querySelector(`tr[data-job="${CSS.escape(id)}"]`);
  if (row) {
    row.replaceChildren(element("td", `Job ${id} no longer exists (deleted, or its retention period ended).`));
    row.firstChild.colSpan = 9;
  }
}

// ---- the list

let currentPage = 1;

function pageNumber(value) {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function emptyRow(id, ref) {
  const tr = document.createElement("tr");
  tr.dataset.job = id;
  const name = element("td", null, "name");
  const link = element("a", ref && ref.runId ? ref.runId : `job ${id}`);
  link.href = `${jobsPage}?job=${encodeURIComponent(id)}`;
  name.append(link);
  const phase = element("td");
  if (ref && ref.phase) {
    phase.append(phaseBadge(ref.phase));
  }
  const created = element("td");
  created.append(instant(ref && ref.creationTime));
  tr.append(name, phase, element("td"), created, element("td"), element("td"), element("td", null, "num"),
    element("td", null, "num"), element("td", null, "row-actions"));
  return tr;
}

function renderRow(job) {
  const tr = tbody.querySelector(`tr[data-job="${CSS.escape(job.id)}"]`);
  if (!tr) {
    return;
  }
  const [name, phase, queue, created, started, ended, duration, rows, acts] = tr.children;
  name.firstChild.textContent = jobName(job);
  phase.replaceChildren(phaseBadge(job.phase));
  if (job.phase === "ERROR" && job.error && job.error.message) {
    phase.title = job.error.message;
  }
  queue.textContent = job.queue || "";
  created.replaceChildren(instant(job.creationTime));
  started.replaceChildren(instant(job.startTime, job.creationTime));
  ended.replaceChildren(instant(job.endTime, job.creationTime));
  duration.textContent = formatDuration(jobDuration(job, Date.now()));
  rows.textContent = formatRows(resultRows(job.progress));
  replaceActions(acts, job);
}

/** Fills the rows with the jobs' documents, a few requests at a time; each active job is then watched. */
async function loadDetails(ids) {
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        changed(await getJob(jobUrl(id)));
      } catch (e) {
        if ([401, 403, 404].includes(e.status)) {
          gone(id); // deleted, destroyed, or not an anonymous job after all
        } else {
          say(`Job ${id}: ${e.message}`, true);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: DETAILS_AT_ONCE }, worker));
}

async function showList(pageNo, message) {
  currentPage = pageNo;
  listSection.hidden = false;
  say("Loading the jobs\u2026");
  const from = (pageNo - 1) * pageSize;
  let refs;
  let older;
  let total = null;
  try {
    if (signedIn) {
      // UWS pages from the newest: LAST=n is the newest n, of which this page is the last part
      const last = Math.min(pageNo * pageSize, maxListed);
      const listed = await listJobs(asyncUrl, { last });
      refs = listed.slice(from, from + pageSize);
      older = listed.length === pageNo * pageSize && pageNo * pageSize < maxListed;
    } else {
      const ids = rememberedJobs(storage);
      total = ids.length;
      refs = ids.slice(from, from + pageSize).map((id) => ({ id }));
      older = ids.length > from + pageSize;
    }
  } catch (e) {
    say(`The job list could not be read: ${e.message}`, true);
    return;
  }
  tbody.replaceChildren(...refs.map((ref) => emptyRow(ref.id, ref)));
  pager(pageNo, older, refs.length, total);
  if (refs.length === 0) {
    say(message || (pageNo > 1 ? "No jobs on this page." : signedIn ? "You have no jobs."
      : "This browser has run no jobs here (or they have all been deleted)."));
    return;
  }
  const count = `Jobs ${from + 1}\u2013${from + refs.length}${total === null ? "" : ` of ${total}`}`;
  say(message ? `${message} ${count}.` : `${count}, loading their details\u2026`);
  await loadDetails(refs.map((ref) => ref.id));
  if (!message && !statusLine.classList.contains("error")) {
    say(`${count}, newest first.`);
  }
}

function pager(pageNo, older, count, total) {
  const newer = document.getElementById("newer");
  const olderLink = document.getElementById("older");
  newer.hidden = pageNo === 1;
  newer.href = pageNo === 2 ? jobsPage : `${jobsPage}?page=${pageNo - 1}`;
  olderLink.hidden = !older;
  olderLink.href = `${jobsPage}?page=${pageNo + 1}`;
  const pages = total === null ? "" : ` of ${Math.max(1, Math.ceil(total / pageSize))}`;
  document.getElementById("page-info").textContent = count || pageNo > 1 ? `Page ${pageNo}${pages}` : "";
  if (signedIn && !older && pageNo * pageSize >= maxListed) {
    document.getElementById("page-info").textContent += ` (the job list holds your newest ${maxListed} jobs)`;
  }
}

// ---- one job

function fact(list, term, value) {
  const dt = element("dt", term);
  const dd = element("dd");
  if (value instanceof Node) {
    dd.append(value);
  } else {
    dd.textContent = value ?? "";
  }
  list.append(dt, dd);
  return dd;
}

function renderView(job) {
  document.getElementById("job-heading").textContent = jobName(job);
  document.title = `${jobName(job)} \u2013 ${document.title.split(" \u2013 ").slice(-1)[0]}`;
  const facts = document.getElementById("job-facts");
  facts.replaceChildren();
  fact(facts, "Phase", phaseBadge(job.phase)).id = "job-phase";
  fact(facts, "Job id", element("code", job.id));
  if (job.ownerId) {
    fact(facts, "Owner", job.ownerId);
  }
  fact(facts, "Queue", job.queue || "");
  fact(facts, "Created", instant(job.creationTime));
  fact(facts, "Started", instant(job.startTime));
  fact(facts, "Ended", instant(job.endTime));
  fact(facts, "Duration", formatDuration(jobDuration(job, Date.now()))).id = "job-duration";
  fact(facts, "Execution limit", formatDuration(job.executionDuration * 1000));
  if (job.progress) {
    fact(facts, job.phase === "COMPLETED" ? "Result" : "Progress", job.progress).id = "job-rows";
  }
  fact(facts, "Kept until", instant(job.destruction));
  const error = document.getElementById("job-error");
  error.hidden = !["ERROR", "ABORTED"].includes(job.phase);
  error.textContent = job.phase === "ERROR"
    ? `The job failed: ${job.error && job.error.message ? job.error.message : "the service gave no reason"}`
    : job.phase === "ABORTED" ? "The job was aborted." : "";
  replaceActions(document.getElementById("job-actions"), job);
  document.getElementById("job-query").textContent = parameter(job, "QUERY") ?? "";
  if (job.phase !== "COMPLETED") {
    document.getElementById("result-status").textContent = ACTIVE.has(job.phase)
      ? `No result yet: the job is ${job.phase}. This page follows it.` : "This job has no result.";
  }
}

/** A completed job's result: its kept table's pages, plot, downloads, TOPCAT and origin (result-view.js). */
function loadResult(job) {
  return showJobResult(job, page, jobUrl(job.id));
}

async function showJob(id) {
  viewSection.hidden = false;
  say("Loading the job\u2026");
  let job;
  try {
    job = await getJob(jobUrl(id));
  } catch (e) {
    if (e.status === 404) {
      forgetJobs(storage, [id]);
      say(`There is no job ${id}: it was deleted, or its retention period ended.`, true);
    } else if (e.status === 401) {
      say(`Job ${id} belongs to a user: sign in to see it.`, true);
    } else {
      say(`The job could not be read: ${e.message}`, true);
    }
    return;
  }
  say("");
  view = job;
  shown.set(job.id, job);
  renderView(job);
  watch.watch(job);
  if (job.phase === "COMPLETED") {
    await loadResult(job);
  }
}

// a running job's duration counts up
window.setInterval(() => {
  for (const job of shown.values()) {
    if (job.phase !== "EXECUTING") {
      continue;
    }
    const text = formatDuration(jobDuration(job, Date.now()));
    if (view && view.id === job.id) {
      document.getElementById("job-duration").textContent = text;
    } else {
      const row = tbody.querySelector(`tr[data-job="${CSS.escape(job.id)}"]`);
      if (row) {
        row.children[6].textContent = text;
      }
    }
  }
}, 1000);

window.addEventListener("pagehide", () => watch.stop());

const address = new URLSearchParams(window.location.search);
const requested = address.get("job");
if (requested !== null) {
  if (isJobId(requested)) {
    showJob(requested);
  } else {
    say("That is not a job id.", true);
  }
} else {
  showList(pageNumber(address.get("page")));
}
