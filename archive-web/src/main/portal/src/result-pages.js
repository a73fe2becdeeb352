// A kept job result, a page at a time: the arithmetic of pages and sorting (pure, tested with node --test) and
// the archive's result-page endpoint (portal.ResultsResource: GET {results}/{job}?offset&limit&sort&order, JSON),
// whose errors are JSON {"error": "..."} with the HTTP status saying what kind (400 a bad request, 401/403 not
// the caller's job, 404 no kept table, 409 not completed).

/** Rows a page of the table. */
export const PAGE_SIZE = 100;
/** The most rows one request may ask for (the endpoint's limit). */
export const MAX_LIMIT = 1000;

/** The pages of a result of `rows` rows: at least one, also for an empty result. */
export function pageCount(rows, size = PAGE_SIZE) {
  return Math.max(1, Math.ceil(rows / size));
}

/** The offset of a page's first row (pages count from 1). */
export function pageOffset(page, size = PAGE_SIZE) {
  return (page - 1) * size;
}

/** The page a row offset falls on. */
export function pageOf(offset, size = PAGE_SIZE) {
  return Math.floor(offset / size) + 1;
}

/**
 * The page a person typed: a whole number from 1 to the last page (a number past the last is the last, one
 * below 1 the first); null for anything that is no number.
 */
export function choosePage(text, pages) {
  const n = Number(String(text).trim());
  if (String(text).trim() === "" || !Number.isFinite(n)) {
    return null;
  }
  return Math.min(pages, Math.max(1, Math.round(n)));
}

/** "rows 101–200 of 100,000", "no rows", "row 1 of 1". */
export function rowRange(offset, shown, total) {
  if (total === 0 || shown === 0) {
    return total === 0 ? "no rows" : `no rows here: the result has ${count(total)}`;
  }
  const last = offset + shown;
  return shown === 1 ? `row ${count(offset + 1)} of ${count(total)}` : `rows ${count(offset + 1)}\u2013${count(last)}`
    + ` of ${count(total)}`;
}

function count(n) {
  return n.toLocaleString("en-US");
}

/**
 * The order after a click on a column's header: the same column toggles between ascending and descending, another
 * column starts ascending. order: {sort: column name or null, order: "asc" | "desc"}.
 */
export function nextOrder(current, column) {
  return current.sort === column && current.order === "asc" ? { sort: column, order: "desc" }
    : { sort: column, order: "asc" };
}

/** aria-sort of a column's header under an order. */
export function ariaSort(current, column) {
  return current.sort !== column ? "none" : current.order === "desc" ? "descending" : "ascending";
}

/** The query string of a page request (or a download's sort order, without offset and limit). */
export function pageQuery({ offset, limit, sort, order }) {
  const query = new URLSearchParams();
  if (offset !== undefined) {
    query.set("offset", String(offset));
  }
  if (limit !== undefined) {
    query.set("limit", String(limit));
  }
  if (sort) {
    query.set("sort", sort);
    query.set("order", order === "desc" ? "desc" : "asc");
  }
  return query.toString();
}

/**
 * The requests that read the first `wanted` rows of `total` (a plot's rows): [{offset, limit}], each at most
 * MAX_LIMIT rows.
 */
export function chunks(total, wanted, size = MAX_LIMIT) {
  const rows = Math.min(total, wanted);
  const all = [];
  for (let offset = 0; offset < rows; offset += size) {
    all.push({ offset, limit: Math.min(size, rows - offset) });
  }
  return all;
}

/** A failed request for a result page, with the endpoint's words and the HTTP status. */
export class ResultPageError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** The endpoint's message from an error body, or what the status says when the body is not its JSON. */
export function errorText(status, body) {
  try {
    const parsed = JSON.parse(body);
    if (parsed && typeof parsed.error === "string" && parsed.error.trim()) {
      return parsed.error.trim();
    }
  } catch (e) {
    // not the endpoint's JSON (a proxy's page, say): never shown as it is
  }
  return `the archive answered HTTP ${status}`;
}

/**
 * A page of a kept result: {job, rows, overflow, offset, limit, sort, order, query, sourceTables, columns, data}.
 * Rejects with a ResultPageError.
 */
export async function fetchPage(jobResultsUrl, request, signal) {
  const response = await fetch(`${jobResultsUrl}?${pageQuery(request)}`, { signal,
    headers: { Accept: "application/json" } });
  const body = await response.text();
  if (!response.ok) {
    throw new ResultPageError(errorText(response.status, body), response.status);
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new ResultPageError("the result page could not be read", response.status);
  }
}
