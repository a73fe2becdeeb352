// The archive's public interfaces as the page calls them: TAP sync (JSON results, DALI error documents),
// the ADQL check, and the VOSI tables. Same-origin requests only; the archive's cross-site filter lets the
// page's POSTs through because the browser names the archive itself as their Origin.

/** A failure to show: the service's own message, never a raw document. */
export class ServiceError extends Error {}

/**
 * Runs ADQL through TAP sync (POST, RESPONSEFORMAT=json). Resolves to the JSON result
 * ({columns, data, queryStatus, ...}); rejects with a ServiceError carrying the DALI error message.
 */
export async function runQuery(url, adql, maxrec, signal) {
  const body = new URLSearchParams({ LANG: "ADQL", QUERY: adql, RESPONSEFORMAT: "json", MAXREC: String(maxrec) });
  const response = await fetch(url, { method: "POST", body, signal, headers: { Accept: "application/json" } });
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

/** Asks the archive whether ADQL would be accepted: {ok} or {ok: false, message, line, column}. */
export async function checkQuery(url, adql, signal) {
  const response = await fetch(url, { method: "POST", body: new URLSearchParams({ QUERY: adql }), signal,
    headers: { Accept: "application/json" } });
  const text = await response.text();
  if (!(response.headers.get("Content-Type") || "").includes("json")) {
    throw new ServiceError(errorMessage(response, text));
  }
  return JSON.parse(text);
}

/**
 * The schemas, tables and columns the caller may query, from VOSI tables, as CodeMirror's SQL completion
 * takes them: {schema: {table: [column, ...]}}. Table names in VOSI are qualified; the schema part goes.
 */
export async function loadNamespace(url) {
  const response = await fetch(url + "?detail=max");
  if (!response.ok) {
    throw new ServiceError(`VOSI tables answered HTTP ${response.status}`);
  }
  const doc = new DOMParser().parseFromString(await response.text(), "application/xml");
  const namespace = {};
  for (const schema of children(doc.documentElement, "schema")) {
    const schemaName = childText(schema, "name");
    const tables = {};
    for (const table of children(schema, "table")) {
      let tableName = childText(table, "name");
      if (tableName.toLowerCase().startsWith(schemaName.toLowerCase() + ".")) {
        tableName = tableName.slice(schemaName.length + 1);
      }
      tables[tableName] = children(table, "column").map((c) => childText(c, "name"));
    }
    namespace[schemaName] = tables;
  }
  return namespace;
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

function children(element, name) {
  return element ? [...element.children].filter((c) => c.localName === name) : [];
}

function childText(element, name) {
  const child = children(element, name)[0];
  return child ? child.textContent.trim() : "";
}
