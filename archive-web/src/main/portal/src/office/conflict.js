// The conflict an edit meets when someone else changed the object since the form was filled (the admin API's
// 409: the version sent is no longer the object's): what the other change was, field by field, what this edit
// would do, and two ways on: take theirs (reload), or apply mine on top of theirs.
import { el, busy } from "./dom.js";
import { conflicts, shown } from "./edits.js";

/**
 * Shows the conflict in `box` (emptied first).
 * parts: [{label, base, current, mine, fields}] — each a record (or part of one) as the form read it (base),
 * as it is now (current) and as the form has it (mine; null for parts this form does not edit).
 * onReload(): takes the current state into the form. onReapply(): sends this edit again on top of it.
 */
export function showConflict(box, { what, version, parts, onReload, onReapply }) {
  const rows = [];
  for (const part of parts) {
    for (const row of conflicts(part.base, part.current, part.mine ?? part.base, part.fields)) {
      rows.push({ ...row, label: part.label(row.field) });
    }
  }
  const table = el("table", { className: "conflict-table" },
    el("caption", { className: "visually-hidden", text: "What changed, field by field" }),
    el("thead", {}, el("tr", {}, ...["Field", "When you loaded it", "Their change (now)", "Yours"].map((h) =>
      el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows.map((r) => el("tr", { className: r.both ? "both" : r.theirs ? "theirs" : "yours",
      dataset: { field: r.field } },
      el("th", { scope: "row", text: r.label }),
      el("td", { text: shown(r.base) }),
      el("td", { className: "theirs-value", text: r.theirs ? shown(r.current) : "unchanged" }),
      el("td", { className: "yours-value", text: r.yours ? shown(r.mine) : "unchanged" })))));
  const reload = el("button", { type: "button", className: "secondary reload", text: "Reload: take theirs" });
  const reapply = el("button", { type: "button", className: "reapply", text: "Re-apply my changes on top" });
  const theirs = rows.filter((r) => r.theirs);
  const both = rows.filter((r) => r.both);
  box.replaceChildren(...[
    el("p", { className: "conflict-message", text: `Someone else changed ${what} since you loaded it (it is now at`
      + ` version ${version}), so your save was refused and nothing of it was stored.` }),
    el("p", { text: theirs.length
      ? `Their change: ${theirs.map((r) => `${r.label}: ${shown(r.base)} \u2192 ${shown(r.current)}`).join("; ")}.`
      : "Their change is to parts of it this form does not show." }),
    rows.length ? el("div", { className: "table-scroll" }, table) : null,
    both.length ? el("p", { className: "both-note", text: `Both of you changed ${both.map((r) => r.label).join(", ")}:`
      + " re-applying keeps yours." }) : null,
    el("div", { className: "actions" }, reapply, reload)].filter((part) => part !== null));
  box.hidden = false;
  reload.addEventListener("click", () => busy(reload, async () => {
    box.hidden = true;
    await onReload();
  }));
  reapply.addEventListener("click", () => busy(reapply, async () => {
    box.hidden = true;
    await onReapply();
  }));
  box.scrollIntoView({ block: "nearest" });
  reapply.focus();
}

/** An empty conflict box, hidden until a save meets a conflict. */
export function conflictBox() {
  return el("div", { className: "conflict", role: "alert", hidden: true });
}
