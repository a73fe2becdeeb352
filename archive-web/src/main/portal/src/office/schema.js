// A schema in the back office: publish or withdraw it, describe it (description, credits), its access levels
// and groups with what each of its tables then shows to whom, its tables, and what the database changed since
// its last discovery (and discovering it again).
import { generatedSchemas, metadataApi, problem } from "./api.js";
import { busy, clearFieldErrors, el, place, say } from "./dom.js";
import { DESCRIPTION_FIELDS, descriptionForm, recordLabel } from "./describe.js";
import { CREDIT_FIELDS, creditLabel, creditsForm } from "./credits.js";
import { LEVEL_NOTE, levelsForm, saveLevelsAndGroups } from "./access.js";
import { changeList } from "./changes.js";
import { conflictBox } from "./conflict.js";
import { editSection, saveVersioned } from "./versioned.js";

const RECORD_FIELDS = [...DESCRIPTION_FIELDS, "published", "dataAccess", "metadataAccess"];

export async function schemaPage(main) {
  const api = metadataApi(main.dataset.api);
  const root = main.dataset.root;
  const name = main.dataset.schema;
  const path = api.schema(name);
  const pageStatus = document.getElementById("office-status");
  const generated = generatedSchemas(main);

  async function load() {
    const [record, credits, groups] = await Promise.all([api.get(path), api.get(`${path}/credits`),
      api.get(`${path}/groups`)]);
    return { record, credits, groups: { groups } };
  }
  let state;
  let allGroups;
  try {
    [state, allGroups] = await Promise.all([load(), api.get("groups")]);
  } catch (e) {
    say(pageStatus, `The schema cannot be read: ${problem(e)}`, true);
    return;
  }
  const parts = (current) => [
    { name: "record", label: recordLabel, base: state.record, current: current.record, fields: RECORD_FIELDS },
    { name: "credits", label: creditLabel, base: state.credits, current: current.credits, fields: CREDIT_FIELDS },
    { name: "groups", label: () => "Groups", base: state.groups, current: current.groups, fields: ["groups"] },
  ];
  const renderAll = () => {
    showPublication();
    description.show(state.record);
    credits.show(state.credits);
    levels.show(state.record, state.groups.groups);
  };
  const save = (options) => saveVersioned({ state, version: (s) => s.record.version, reload: load, renderAll, ...options,
    where: { what: `the schema ${name}`, parts, ...options.where } });

  // --- publication ---
  const publication = place("publication");
  const publicationStatus = el("p", { className: "status", role: "status", "aria-live": "polite" });
  const publicationBox = conflictBox();
  function showPublication() {
    if (generated.has(name)) {
      publication.replaceChildren(el("p", { className: "state" }, el("strong", { id: "schema-state",
        text: state.record.published ? "Published" : "Not published" }), " \u00b7 written by the archive itself, which"
        + " keeps it published"));
      return;
    }
    const toggle = el("button", { type: "button", id: "publish-schema", className: state.record.published ? "secondary" : "",
      text: state.record.published ? "Withdraw the schema" : "Publish the schema" });
    toggle.addEventListener("click", () => busy(toggle, () => save({ part: "record", fields: ["published"],
      mine: { ...state.record, published: !state.record.published }, partial: true,
      send: (body, version) => api.put(path, { ...body, version }), saved: (s, answer) => { s.record = answer; },
      render: () => { showPublication(); showTables(); },
      where: { box: publicationBox, status: publicationStatus, form: publication, labels: recordLabel } })));
    publication.replaceChildren(el("p", { className: "state" }, el("strong", { id: "schema-state",
      text: state.record.published ? "Published" : "Not published" }),
    ` \u00b7 version ${state.record.version} \u00b7 a table is published when it and its schema both are`),
    el("div", { className: "actions" }, toggle, el("a", { href: `${root}landing/${name}`, text: "Landing page" })),
    publicationStatus, publicationBox);
  }

  // --- description ---
  const description = descriptionForm();
  const saveDescription = el("button", { type: "submit", id: "save-description", text: "Save the description" });
  const descriptionParts = editSection(place("description"), description.form, saveDescription);
  description.form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(saveDescription, () => save({ part: "record", fields: DESCRIPTION_FIELDS, mine: description.read(),
      partial: true, send: (body, version) => api.put(path, { ...body, version }),
      saved: (s, answer) => { s.record = answer; }, render: () => { description.show(state.record); showPublication(); },
      where: { box: descriptionParts.box, status: descriptionParts.status, form: description.form,
        labels: recordLabel } }));
  });

  // --- credits ---
  const credits = creditsForm();
  const saveCredits = el("button", { type: "submit", id: "save-credits", text: "Save the credits" });
  const creditsParts = editSection(place("credits"), credits.form, saveCredits);
  credits.form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(saveCredits, () => save({ part: "credits", fields: CREDIT_FIELDS, mine: credits.read(), partial: false,
      send: (body, version) => api.put(`${path}/credits`, { ...body, version }),
      saved: (s, answer) => { s.credits = answer; s.record = { ...s.record, version: answer.version }; },
      render: () => credits.show(state.credits),
      where: { box: creditsParts.box, status: creditsParts.status, form: credits.form, labels: creditLabel } }));
  });

  // --- access ---
  const accessPlace = place("access");
  const levels = levelsForm(allGroups, "the schema");
  const accessForm = el("form", { className: "fields access-form", novalidate: true },
    el("p", { className: "note", text: `${LEVEL_NOTE} A table is never more open than its schema.` }), levels.element);
  const saveAccess = el("button", { type: "submit", id: "save-access", text: "Save the access" });
  const accessParts = editSection(accessPlace, accessForm, saveAccess);
  const tableSights = el("div", { id: "tables-access", "aria-live": "polite" });
  accessPlace.append(el("h3", { text: "Who sees what of its tables" }), tableSights);
  accessForm.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(saveAccess, async () => {
      clearFieldErrors(accessForm);
      const saved = await saveLevelsAndGroups({ state, levels: "record", mine: levels.read(), save, put: api.put,
        query: api.query, path, groupsPath: `${path}/groups`,
        where: { box: accessParts.box, status: accessParts.status, form: levels.element, labels: recordLabel } });
      showPublication();
      if (saved === null) {
        return;
      }
      say(accessParts.status, saved ? "Saved the access." : "Nothing changed: nothing to save.");
      showTables();
    });
  });

  // --- tables and their access ---
  const tablesPlace = place("tables");
  async function showTables() {
    try {
      const tables = (await api.get("tables")).filter((t) => t.schema === name);
      const sights = await Promise.all(tables.map((t) => api.get(`${api.table(name, t.name)}/access`)));
      tablesPlace.replaceChildren(tables.length ? el("div", { className: "table-scroll" }, el("table", { id: "schema-tables" },
        el("thead", {}, el("tr", {}, ...["Table", "Title", "Rows", "Published"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, ...tables.map((t) => el("tr", {},
          el("td", {}, el("a", { href: `${root}admin/tables/${name}.${t.name}` }, el("code", { text: t.name }))),
          el("td", { text: t.title || "" }), el("td", { className: "n", text: t.nrows ?? "" }),
          el("td", { text: t.published ? "yes" : "no" }))))))
        : el("p", { className: "note", text: "No tables are described in this schema." }));
      tableSights.replaceChildren(tables.length ? el("ul", { className: "sights" }, ...tables.map((t, i) =>
        el("li", {}, el("code", { text: t.name }), `: ${sights[i].published ? "" : "(not published) "}${sights[i].summary}`)))
        : el("p", { className: "note", text: "No tables." }));
    } catch (e) {
      tablesPlace.replaceChildren(el("p", { className: "status error", text: `The tables cannot be read: ${problem(e)}` }));
    }
  }

  // --- changes since the last discovery ---
  const changesPlace = place("changes");
  const changesList = el("div", { id: "schema-changes" });
  const discover = el("button", { type: "button", id: "discover-again", className: "secondary",
    text: "Discover the schema again" });
  const discoverStatus = el("p", { className: "status", role: "status", "aria-live": "polite" });
  changesPlace.append(el("p", { className: "note", text: "What the database has now that its last discovery did not"
    + " record. Discovering again takes it in (types, columns, tables) and keeps what was curated." }),
  changesList, el("div", { className: "actions" }, discover), discoverStatus);
  async function showChanges() {
    try {
      changesList.replaceChildren(changeList(await api.get(`${path}/changes`)));
    } catch (e) {
      changesList.replaceChildren(el("p", { className: "status error", text: problem(e) }));
    }
  }
  discover.addEventListener("click", () => busy(discover, async () => {
    try {
      const r = await api.post(`discover?${api.query({ schema: name })}`);
      say(discoverStatus, `Discovered ${r.tables} tables with ${r.columns} columns and ${r.foreignKeys} foreign keys;`
        + ` ${r.tablesRemoved} tables left the metadata.`);
      await Promise.all([showChanges(), showTables()]);
    } catch (e) {
      say(discoverStatus, `Not discovered: ${problem(e)}`, true);
    }
  }));

  renderAll();
  await Promise.all([showTables(), showChanges()]);
}
