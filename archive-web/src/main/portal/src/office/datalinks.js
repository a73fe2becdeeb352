// Datalinks (/admin/datalinks): a datalink file previewed (what it changes, ID by ID) and then applied as
// previewed (office.DatalinkPreviewResource), the file sent again with the preview's token so that the archive
// applies exactly what was shown or refuses with a conflict; and the links of an ID, read from the public
// {links} endpoint (JSON) as any client reads them.
import { call } from "../account-api.js";
import { ApiError, problem } from "./api.js";
import { busy, el, field, place, say, select } from "./dom.js";

const CHANGES = { added: "added", replaced: "replaced", removed: "removed" };

/** The request's form: the file, MODE and, to apply, the preview's token. */
function upload(file, mode, token) {
  const form = new FormData();
  form.append("file", file, file.name);
  form.append("MODE", mode);
  if (token) {
    form.append("token", token);
  }
  return form;
}

/** What a preview (or an apply) says: the counts, then each changed ID with its rows and the fields that change. */
export function diffView(diff) {
  const counts = `${diff.rows} row${diff.rows === 1 ? "" : "s"} in the file: ${diff.added} ID${diff.added === 1 ? "" : "s"}`
    + ` added, ${diff.replaced} replaced, ${diff.removed} removed, ${diff.unchanged} unchanged`;
  const rows = diff.changes.map((c) => el("tr", { dataset: { id: c.id, change: c.change } },
    el("td", {}, el("code", { text: c.id })),
    el("td", { className: `change ${CHANGES[c.change] || ""}`, text: c.change }),
    el("td", { className: "n", text: String(c.storedRows) }),
    el("td", { className: "n", text: String(c.rows) }),
    el("td", { className: "fields", text: c.change === "replaced"
      ? (c.fields.length ? c.fields.join(", ") : "rows added or removed") : "" })));
  return el("div", { className: "datalink-diff" },
    el("p", { className: "counts", text: counts }),
    diff.changes.length ? el("div", { className: "table-scroll" }, el("table", { id: "datalink-changes" },
      el("thead", {}, el("tr", {}, ...["ID", "Change", "Rows now", "Rows after", "Fields that change"].map((h) =>
        el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows))) : el("p", { className: "note", text: "The file changes nothing." }),
    diff.complete ? null : el("p", { className: "note", text: "Only the first changed IDs are listed; the counts are of all." }));
}

export async function datalinksPage(main) {
  const status = document.getElementById("office-status");
  const api = main.dataset.datalinks;
  const uploadPlace = place("upload");
  const lookupPlace = place("lookup");

  const file = field("Datalink file (CSV or VOTable)", el("input", { type: "file", name: "file",
    accept: ".csv,.xml,.vot,.votable,text/csv,application/x-votable+xml" }), "file",
    "Columns as DataLink's: ID, access_url, service_def, error_message, semantics, description, content_type,"
    + " content_length, content_qualifier, local_semantics, and optionally table_name.");
  const mode = field("What the file replaces", select(["merge", "replace"], "merge"), "MODE",
    "merge: the rows of the file's IDs; replace: every stored row (IDs not in the file are removed).");
  const previewButton = el("button", { type: "submit", text: "Preview" });
  const form = el("form", { id: "datalink-form" }, file.wrapper, mode.wrapper,
    el("div", { className: "actions" }, previewButton));
  const result = el("div", { id: "datalink-preview", "aria-live": "polite" });
  uploadPlace.append(form, result);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = file.input.files[0];
    if (!chosen) {
      say(status, "Choose a datalink file first.", true);
      return;
    }
    const how = mode.input.value;
    busy(previewButton, async () => {
      result.replaceChildren();
      try {
        const diff = await call(`${api}/preview`, "POST", upload(chosen, how));
        say(status, `Preview of ${chosen.name}: nothing is changed yet.`);
        const changes = diff.added + diff.replaced + diff.removed;
        const apply = el("button", { type: "button", id: "datalink-apply", text: "Apply", disabled: changes === 0 });
        const outcome = el("p", { className: "status", id: "datalink-outcome", role: "status" });
        apply.addEventListener("click", () => busy(apply, async () => {
          try {
            const done = await call(`${api}/apply`, "POST", upload(chosen, how, diff.token));
            say(outcome, `Applied: ${done.added} added, ${done.replaced} replaced, ${done.removed} removed.`);
            apply.remove();
          } catch (e) {
            say(outcome, e instanceof ApiError && e.status === 409 ? `Not applied: ${e.message}`
              : `Not applied: ${problem(e)}`, true);
          }
        }));
        result.replaceChildren(diffView(diff), el("div", { className: "actions" }, apply), outcome);
      } catch (e) {
        say(status, `Not previewed: ${problem(e)}`, true);
      }
    });
  });

  const id = field("ID", el("input", { type: "text", name: "ID", autocomplete: "off" }), "ID");
  const lookupButton = el("button", { type: "submit", className: "secondary", text: "Look up" });
  const lookupForm = el("form", { id: "links-form" }, id.wrapper, el("div", { className: "actions" }, lookupButton));
  const links = el("div", { id: "links-result" });
  lookupPlace.append(lookupForm, links);
  lookupForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = id.input.value.trim();
    if (!value) {
      return;
    }
    busy(lookupButton, async () => {
      try {
        const answer = await call(`${main.dataset.links}?${new URLSearchParams({ ID: value, RESPONSEFORMAT: "json" })}`, "GET");
        links.replaceChildren(linkTable(answer));
      } catch (e) {
        links.replaceChildren(el("p", { className: "status error", text: problem(e) }));
      }
    });
  });
}

/** The {links} JSON answer (columns, data) as a table: its own columns, its rows as text. */
function linkTable(answer) {
  const names = answer.columns.map((c) => c.name);
  const rows = answer.data;
  if (!rows.length) {
    return el("p", { className: "note", text: "No links." });
  }
  return el("div", { className: "table-scroll" }, el("table", { id: "links-table" },
    el("thead", {}, el("tr", {}, ...names.map((n) => el("th", { scope: "col", text: n })))),
    el("tbody", {}, ...rows.map((r) => el("tr", {}, ...r.map((v) => el("td", { text: v === null ? "" : String(v) })))))));
}
