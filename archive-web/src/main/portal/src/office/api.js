// The admin API as the back office calls it: JSON in and out, same-origin, the session cookie as credential.
import { AccountError, call } from "../account-api.js";

export { AccountError as ApiError };

const json = (body) => JSON.stringify(body);

/** The metadata admin API under `base` (/admin/metadata). */
export function metadataApi(base) {
  const get = (path) => call(`${base}/${path}`, "GET");
  const put = (path, body) => call(`${base}/${path}`, "PUT", json(body), "application/json");
  return {
    get,
    put,
    post: (path) => call(`${base}/${path}`, "POST"),
    del: (path) => call(`${base}/${path}`, "DELETE"),
    /** A table's path below the API: tables/SCHEMA.TABLE */
    table: (schema, table) => `tables/${encodeURIComponent(schema)}.${encodeURIComponent(table)}`,
    schema: (schema) => `schemas/${encodeURIComponent(schema)}`,
    query: (parameters) => new URLSearchParams(parameters).toString(),
  };
}

/** What a failed call says for the page: a 401 needs a new sign-in (the session ended). */
export function problem(e) {
  if (e instanceof AccountError && e.status === 401) {
    return `${e.message} Reload the page to sign in again.`;
  }
  return e.message;
}

/** The schemas the archive writes itself (TAP_SCHEMA, ivoa), as the page names them: not withdrawn from here. */
export function generatedSchemas(main) {
  return new Set((main.dataset.generated || "").split(" ").filter((n) => n));
}
