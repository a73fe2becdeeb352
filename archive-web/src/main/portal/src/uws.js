// UWS 1.1 as the pages call it, on the archive's own job list (/tap/async): the job list with its filters, a
// job's document (with WAIT for the next phase change), creation, abort and deletion. Every answer is read as
// data (DOMParser on the XML, text of elements only); a failure is a ServiceError with the service's words
// (UWS errors are plain text here), never a raw document.
import { ServiceError, errorMessage } from "./tap.js";

const UWS = "http://www.ivoa.net/xml/UWS/v1.0";
const XLINK = "http://www.w3.org/1999/xlink";
const ARCHIVE = "urn:voarchive:uws";

/** Phases a job can still leave by itself: WAIT waits on these. */
export const ACTIVE = new Set(["PENDING", "QUEUED", "EXECUTING"]);
/** Phases a job never leaves. */
export const FINAL = new Set(["COMPLETED", "ERROR", "ABORTED", "ARCHIVED"]);

/** A failed request to the job list, with its HTTP status (404: no such job, or no longer). */
export class UwsError extends ServiceError {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function call(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { Accept: "text/xml, text/plain", ...init.headers } });
  const text = await response.text();
  if (!response.ok) {
    throw new UwsError(errorMessage(response, text), response.status);
  }
  return { response, text };
}

function parseXml(text, what) {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) {
    throw new ServiceError(`the service's ${what} could not be read`);
  }
  return doc;
}

function child(element, name, ns = UWS) {
  for (const c of element.children) {
    if (c.localName === name && c.namespaceURI === ns) {
      return c;
    }
  }
  return null;
}

/** An element's text, or null when it is absent or nil. */
function text(element, name, ns = UWS) {
  const c = element && child(element, name, ns);
  return c && c.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil") !== "true" ? c.textContent.trim()
    : null;
}

/**
 * The job list, newest first: [{id, phase, runId, creationTime}]. last: the most recent this many (LAST);
 * phases: only these (PHASE, repeated); after: created after this ISO instant (AFTER).
 */
export async function listJobs(listUrl, { last, phases = [], after, signal } = {}) {
  const query = new URLSearchParams();
  if (last) {
    query.set("LAST", String(last));
  }
  for (const phase of phases) {
    query.append("PHASE", phase);
  }
  if (after) {
    query.set("AFTER", after);
  }
  const q = query.toString();
  const { text: body } = await call(listUrl + (q ? "?" + q : ""), { signal });
  const doc = parseXml(body, "job list");
  return [...doc.getElementsByTagNameNS(UWS, "jobref")].map((ref) => ({
    id: ref.getAttribute("id"),
    phase: text(ref, "phase"),
    runId: text(ref, "runId"),
    creationTime: text(ref, "creationTime"),
  }));
}

/** A job document as an object; see readJob. */
export function parseJob(body) {
  return readJob(parseXml(body, "job document").documentElement);
}

/**
 * {id, runId, ownerId, phase, creationTime, startTime, endTime, executionDuration, destruction,
 *  parameters: [{id, value, byReference}], results: [{id, size, mimeType}], error: {type, message} | null,
 *  queue, progress}
 */
function readJob(job) {
  if (!job || job.localName !== "job" || job.namespaceURI !== UWS) {
    throw new ServiceError("the service's answer is not a UWS job document");
  }
  const parameters = [...(child(job, "parameters")?.children ?? [])].map((p) => ({
    id: p.getAttribute("id"), value: p.textContent, byReference: p.getAttribute("byReference") === "true" }));
  const results = [...(child(job, "results")?.children ?? [])].map((r) => ({
    id: r.getAttribute("id"), href: r.getAttributeNS(XLINK, "href"),
    size: r.hasAttribute("size") ? Number(r.getAttribute("size")) : null, mimeType: r.getAttribute("mime-type") }));
  const summary = child(job, "errorSummary");
  const info = child(job, "jobInfo");
  return {
    id: text(job, "jobId"),
    runId: text(job, "runId"),
    ownerId: text(job, "ownerId"),
    phase: text(job, "phase"),
    creationTime: text(job, "creationTime"),
    startTime: text(job, "startTime"),
    endTime: text(job, "endTime"),
    executionDuration: Number(text(job, "executionDuration")),
    destruction: text(job, "destruction"),
    parameters,
    results,
    error: summary ? { type: summary.getAttribute("type"), message: text(summary, "message") ?? "" } : null,
    queue: text(info, "queue", ARCHIVE),
    progress: text(info, "progress", ARCHIVE),
  };
}

/** The first value of a job parameter, by name as DALI compares names (case-insensitively), or null. */
export function parameter(job, name) {
  const p = job.parameters.find((q) => q.id.toUpperCase() === name.toUpperCase());
  return p ? p.value : null;
}

/**
 * A job's document. wait: seconds to wait for its phase to change (UWS WAIT; the service caps it); phase: wait
 * only while the job is in this phase (UWS's PHASE with WAIT), so a change already made answers at once.
 */
export async function getJob(jobUrl, { wait, phase, signal } = {}) {
  const query = new URLSearchParams();
  if (wait) {
    query.set("WAIT", String(wait));
    if (phase && ACTIVE.has(phase)) {
      query.set("PHASE", phase);
    }
  }
  const q = query.toString();
  const { text: body } = await call(jobUrl + (q ? "?" + q : ""), { signal });
  return parseJob(body);
}

/**
 * Creates a job with these parameters ([name, value] pairs or URLSearchParams; PHASE=RUN to start it at once), or
 * a FormData that also holds the files of inline uploads (UPLOAD=name,param:part). Resolves to the new job. It asks
 * for the job's document itself (RFC 7240 Prefer: return=representation) instead of UWS's 303: the redirect
 * names the job at archive.base-url, another origin when the page was reached under another host name, which
 * a fetch may not follow.
 */
export async function createJob(listUrl, parameters) {
  const body = parameters instanceof FormData ? parameters : new URLSearchParams(parameters);
  const { text } = await call(listUrl, { method: "POST", body, headers: { Prefer: "return=representation" } });
  return parseJob(text);
}

/** Asks a job to stop (PHASE=ABORT); resolves to the job afterwards (its document itself, as for createJob). */
export async function abortJob(jobUrl) {
  const { text: body } = await call(jobUrl + "/phase", { method: "POST", body: new URLSearchParams({ PHASE: "ABORT" }),
    headers: { Prefer: "return=representation" } });
  return parseJob(body);
}

/**
 * Renames a job: its RUNID, which this archive lets change in any phase (a label, not an input of the job);
 * resolves to the job afterwards.
 */
export async function renameJob(jobUrl, name) {
  const { text } = await call(jobUrl, { method: "POST", body: new URLSearchParams({ RUNID: name }),
    headers: { Prefer: "return=representation" } });
  return parseJob(text);
}

/** Deletes a job with its results (the service answers 303 to the job list, which is not read). */
export async function deleteJob(jobUrl) {
  const response = await fetch(jobUrl, { method: "DELETE", redirect: "manual" });
  if (response.type !== "opaqueredirect" && !response.ok) {
    throw new UwsError(errorMessage(response, await response.text()), response.status);
  }
}
