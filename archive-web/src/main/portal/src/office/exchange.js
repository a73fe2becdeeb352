// Export and import (/admin/exchange): the curated metadata as one document (the admin API's
// /admin/metadata/export), and an import of one (/admin/metadata/import) with what it changed or why it was
// refused (nothing is changed then: the import is all or nothing).
import { call } from "../account-api.js";
import { problem } from "./api.js";
import { busy, el, field, place, say } from "./dom.js";

export async function exchangePage(main) {
  const status = document.getElementById("office-status");
  const exportPlace = place("export");
  const importPlace = place("import");

  exportPlace.append(el("p", {}, el("a", { id: "export-link", href: `${main.dataset.api}/export`,
    download: "metadata.json", text: "Download the export" }), " (JSON: every described schema and table with its"
    + " columns, credits, access groups, cone search settings and ObsCore mappings)."));

  const file = field("Metadata document (JSON, as exported)", el("input", { type: "file", name: "document",
    accept: ".json,application/json" }), "document");
  const button = el("button", { type: "submit", text: "Import" });
  const form = el("form", { id: "import-form" }, file.wrapper, el("div", { className: "actions" }, button));
  const outcome = el("div", { id: "import-outcome", "aria-live": "polite" });
  importPlace.append(form, outcome);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = file.input.files[0];
    if (!chosen) {
      say(status, "Choose a metadata document first.", true);
      return;
    }
    busy(button, async () => {
      outcome.replaceChildren();
      let document;
      try {
        document = JSON.parse(await chosen.text());
      } catch (e) {
        say(status, `Not imported: ${chosen.name} is no JSON document (${e.message}).`, true);
        return;
      }
      try {
        const r = await call(`${main.dataset.api}/import`, "POST", JSON.stringify(document), "application/json");
        const names = (document.tables || []).map((t) => `${t.table.schema}.${t.table.name}`);
        say(status, `Imported ${chosen.name}: ${r.tables} table${r.tables === 1 ? "" : "s"} updated, ${r.obscore}`
          + ` ObsCore mapping${r.obscore === 1 ? "" : "s"}.`);
        outcome.replaceChildren(names.length ? el("ul", { id: "imported-tables" },
          ...names.map((n) => el("li", {}, el("a", { href: `${main.dataset.root}admin/tables/${n}` }, el("code", { text: n })))))
          : el("p", { className: "note", text: "The document names no tables." }));
      } catch (e) {
        say(status, `Not imported, nothing changed: ${problem(e)}`, true);
      }
    });
  });
}
