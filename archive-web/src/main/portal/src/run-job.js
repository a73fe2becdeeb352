// The query page's Run as job: the query in the editor becomes an async TAP job (UWS at /tap/async: QUERY,
// LANG=ADQL, the job name as RUNID, the queue if the service has several, RESPONSEFORMAT=votable/td so that
// the Jobs page can show its rows, PHASE=RUN, and the tables it uploads, multipart), and the page goes on to the
// job on the Jobs page, on the page's own origin whatever host name archive.base-url gives (uws.createJob). An
// anonymous job's id is kept in this browser (job-ids.js), which is the only way to find it again. The page's address
// may name one of the caller's jobs (/query?job=ID, the Jobs page's "Open in editor"): its query, read from
// UWS, replaces the editor's text.
import { isJobId, rememberJob } from "./job-ids.js";
import { jobName } from "./job-format.js";
import { createJob, getJob, parameter } from "./uws.js";
import { requestBody } from "./uploads.js";

/** The format of the page's jobs: a VOTable whose rows are text, which the Jobs page reads and any VO client too. */
export const JOB_FORMAT = "votable/td";

/**
 * Sets up the controls the page rendered hidden (portal.JobControls), if any.
 * @param query    () => the editor's text
 * @param uploads  () => the uploaded tables the query reads ([{name, file}])
 * @param setQuery (text) => replaces the editor's text
 * @param say      (text, isError) => the page's status line
 */
export function jobControls({ query, uploads, setQuery, say }) {
  const controls = document.getElementById("job-controls");
  if (!controls) {
    return;
  }
  const asyncUrl = controls.dataset.tapAsync;
  const name = document.getElementById("job-name");
  const queue = document.getElementById("job-queue");
  const button = document.getElementById("run-job");
  controls.hidden = false;

  button.addEventListener("click", async () => {
    const parameters = [["LANG", "ADQL"], ["QUERY", query()], ["RESPONSEFORMAT", JOB_FORMAT]];
    if (name.value.trim()) {
      parameters.push(["RUNID", name.value.trim()]);
    }
    if (queue) {
      parameters.push(["QUEUE", queue.value]);
    }
    parameters.push(["PHASE", "RUN"]);
    button.disabled = true;
    say("Starting the job\u2026", false);
    try {
      const job = await createJob(asyncUrl, requestBody(parameters, uploads()));
      if (!job.ownerId) {
        rememberJob(window.localStorage, job.id);
      }
      window.location.assign(`${controls.dataset.jobs}?job=${encodeURIComponent(job.id)}`);
    } catch (e) {
      say(`The job could not be started: ${e.message}`, true);
      button.disabled = false;
    }
  });

  const id = new URLSearchParams(window.location.search).get("job");
  if (isJobId(id)) {
    getJob(`${asyncUrl}/${encodeURIComponent(id)}`)
      .then((job) => {
        const text = parameter(job, "QUERY");
        if (text === null) {
          say(`${jobName(job)} has no query.`, true);
          return;
        }
        setQuery(text);
        if (job.runId) {
          name.value = job.runId;
        }
        say(`The query of ${jobName(job)}: run it, or run it as a new job.`, false);
      })
      .catch((e) => say(`The job's query could not be read: ${e.message}`, true));
  }
}
