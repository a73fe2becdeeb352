// Live phases without flooding the archive: jobs that can still change (PENDING, QUEUED, EXECUTING) are
// watched with UWS WAIT, which the service answers when the phase changes (or when the wait is up), by at most
// a few requests at once; a browser has six connections to the archive and the page needs the others. With
// more jobs than requests, each waits briefly in turn, the least recently asked first.
import { ACTIVE, getJob } from "./uws.js";

/** WAIT in seconds: long when every watched job has a request of its own, short when they take turns. */
const LONG_WAIT = 30;
const SHORT_WAIT = 2;
/** After a failed request (not a missing job), a pause before asking again. */
const RETRY_MS = 5000;

export class PhaseWatch {
  /**
   * @param jobUrl  id => the job's URL
   * @param onJob   called with each job document a wait brings back
   * @param onGone  called with the id of a job the service no longer has (404)
   * @param limit   requests at once
   * @param get     (url, {wait, phase, signal}) => the job document (uws.getJob; another in tests)
   */
  constructor(jobUrl, onJob, onGone, limit = 3, get = getJob) {
    this.get = get;
    this.jobUrl = jobUrl;
    this.onJob = onJob;
    this.onGone = onGone;
    this.limit = limit;
    this.jobs = new Map(); // id => {phase, asked}
    this.busy = new Set();
    this.long = new Map(); // id => the controller of its long wait
    this.workers = 0;
    this.controller = new AbortController();
  }

  /** Watches a job (again) from the phase it has now; a job in a final phase is not watched. */
  watch(job) {
    if (!ACTIVE.has(job.phase)) {
      this.jobs.delete(job.id);
      return;
    }
    const known = this.jobs.get(job.id);
    this.jobs.set(job.id, { phase: job.phase, asked: known ? known.asked : 0 });
    if (this.jobs.size > this.limit) {
      // the long waits give way: each job asks again, briefly, in turn with the others
      this.long.forEach((controller) => controller.abort());
    }
    while (this.workers < this.limit && this.workers < this.jobs.size) {
      this.work();
    }
  }

  /** Stops watching one job (deleted). */
  forget(id) {
    this.jobs.delete(id);
  }

  /** Stops every request. */
  stop() {
    this.controller.abort();
    this.jobs.clear();
  }

  /** How many requests are out now (for tests and the curious). */
  get requests() {
    return this.busy.size;
  }

  /** The watched job asked least recently that has no request out, or null. */
  next() {
    let best = null;
    for (const [id, entry] of this.jobs) {
      if (!this.busy.has(id) && (best === null || entry.asked < this.jobs.get(best).asked)) {
        best = id;
      }
    }
    return best;
  }

  async work() {
    this.workers += 1;
    try {
      for (let id = this.next(); id !== null && !this.controller.signal.aborted; id = this.next()) {
        const entry = this.jobs.get(id);
        this.busy.add(id);
        entry.asked = Date.now();
        const wait = this.jobs.size <= this.limit ? LONG_WAIT : SHORT_WAIT;
        const request = new AbortController();
        const stop = () => request.abort();
        this.controller.signal.addEventListener("abort", stop);
        if (wait === LONG_WAIT) {
          this.long.set(id, request);
        }
        try {
          const job = await this.get(this.jobUrl(id), { wait, phase: entry.phase, signal: request.signal });
          if (this.jobs.has(id)) {
            if (ACTIVE.has(job.phase)) {
              this.jobs.get(id).phase = job.phase;
            } else {
              this.jobs.delete(id);
            }
            this.onJob(job);
          }
        } catch (e) {
          if (e.name === "AbortError") {
            if (this.controller.signal.aborted) {
              return;
            }
            continue; // a long wait that gave way
          }
          if (e.status === 404) {
            this.jobs.delete(id);
            this.onGone(id);
          } else {
            console.warn(`watching job ${id}:`, e.message);
            await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          }
        } finally {
          this.busy.delete(id);
          this.long.delete(id);
          this.controller.signal.removeEventListener("abort", stop);
        }
      }
    } finally {
      this.workers -= 1;
    }
  }
}
