// What the database changed since a schema's last discovery (the admin API's schemas/NAME/changes), in words.
import { el } from "./dom.js";

const WORDS = {
  TABLE_ADDED: "new table", TABLE_REMOVED: "table gone", COLUMN_ADDED: "new column", COLUMN_REMOVED: "column gone",
  TYPE_CHANGED: "type changed", INDEX_CHANGED: "index changed",
};

/** The changes as a list (or a sentence saying there are none). */
export function changeList(changes) {
  if (!changes.length) {
    return el("p", { className: "no-changes", text: "No changes: the metadata has what the database has." });
  }
  return el("ul", { className: "changes" }, ...changes.map((c) => el("li", { dataset: { kind: c.kind } },
    el("span", { className: "change-kind", text: WORDS[c.kind] || c.kind }), " ",
    el("code", { text: c.column ? `${c.table}.${c.column}` : c.table }),
    c.metadata || c.database ? `: ${c.metadata ?? "\u2014"} \u2192 ${c.database ?? "\u2014"}` : "")));
}
