// The archive's public interfaces as the page calls them: TAP sync (JSON results, DALI error documents),
// the ADQL check, and the XML documents the page reads as data (VOSI tables, the TAP capabilities, the DALI
// examples). Same-origin requests only; the archive's cross-site filter lets the page's POSTs through because
// the browser names the archive itself as their Origin. A query naming uploaded tables sends them along
// (uploads.js), as TAP takes them.
import { readTableset } from "./catalog.js";
import { readExamples } from "./examples.js";
import { readFeatures } from "./functions.js";
import { requestBody } from "./uploads.js";

/** A failure to show: the service's own message, never a raw document. */
export class ServiceError extends Error {}

/**
 * Runs ADQL through TAP sync (POST, RESPONSEFORMAT=json), with the uploads it reads ([{name, file}]). Resolves to
 * the JSON result ({columns, data, queryStatus, ...}); rejects with a ServiceError carrying the DALI error message.
 */
export async function runQuery(url, adql, maxrec, signal, uploads = []) {
  const body = requestBody([["LANG", "ADQL"], ["QUERY", adql], ["RESPONSEFORMAT", "json"], ["MAXREC", String(maxrec)]],
    uploads);
  const response = await fetch(url, { method: "POST", body, signal, headers: { Accept: "application/json" } });
  return jsonResult(response);
}

/**
 * A TAP JSON result (TAP sync, a cone search with RESPONSEFORMAT=json), or a ServiceError with the service's
 * message: the error document's, or the query's failure after its first rows (queryStatus ERROR).
 */
export async function jsonResult(response) {
  const text = await response.text();
  if (!response.ok) {
    throw new ServiceError(errorMessage(response, text));
  }
  let result;
  try {
    result = JSON.parse(text);
  } catch (e) {
    throw new ServiceError(`the service answered HTTP ${response.status} with something that is not a result`);
  }
  if (result.queryStatus === "ERROR") { // the query failed after its first rows were sent
    throw new ServiceError(result.error || "the query failed while its rows were read");
  }
  return result;
}

/**
 * Asks the archive whether ADQL would be accepted, with the uploads it reads: {ok} or {ok: false, message, line,
 * column} (no line for a problem of an upload).
 */
export async function checkQuery(url, adql, signal, uploads = []) {
  const response = await fetch(url, { method: "POST", body: requestBody([["QUERY", adql]], uploads), signal,
    headers: { Accept: "application/json" } });
  const text = await response.text();
  if (!(response.headers.get("Content-Type") || "").includes("json")) {
    throw new ServiceError(errorMessage(response, text));
  }
  return JSON.parse(text);
}

/** The schemas, tables and columns the caller may query, from VOSI tables ({@link readTableset}). */
export async function loadCatalog(url) {
  return readTableset(await xmlDocument(url + "?detail=max", "table list (VOSI tables)"));
}

/** The ADQL functions and features the service declares in its capabilities ({@link readFeatures}). */
export async function loadFeatures(url) {
  return readFeatures(await xmlDocument(url, "capabilities"));
}

/** The service's DALI examples ({@link readExamples}). */
export async function loadExamples(url) {
  return readExamples(await xmlDocument(url, "examples"));
}

/** The root element of an XML document the service gives, parsed as data. */
async function xmlDocument(url, what) {
  const response = await fetch(url, { headers: { Accept: "application/xml, text/xml, application/xhtml+xml" } });
  const text = await response.text();
  if (!response.ok) {
    throw new ServiceError(`the ${what} could not be read: ${errorMessage(response, text)}`);
  }
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) {
    throw new ServiceError(`the service's ${what} is not well-formed XML`);
  }
  return doc.documentElement;
}

/** What went wrong, in words: the DALI error document's QUERY_STATUS message, or the body's text. */
export function errorMessage(response, text) {
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("xml")) {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    for (const info of doc.getElementsByTagNameNS("*", "INFO")) {
      if (info.getAttribute("name") === "QUERY_STATUS" && info.getAttribute("value") === "ERROR") {
        return info.textContent.trim();
      }
    }
  } else if (type.startsWith("text/plain") && text.trim()) {
    return text.trim();
  } else if (type.includes("json")) {
    try {
      return JSON.parse(text).message || `HTTP ${response.status}`;
    } catch (e) {
      // not JSON after all: the status below
    }
  }
  return `the service answered HTTP ${response.status} ${response.statusText}`.trim();
}
