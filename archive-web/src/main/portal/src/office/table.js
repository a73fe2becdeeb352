// A table in the back office: publish or withdraw it; describe it (description, columns with units, UCDs and
// flags, their order, credits); its cone search, tried through the public SCS endpoint; and who sees what.
// Every change is a call of the admin API with the version it was based on (versioned.js).
import { ApiError, generatedSchemas, metadataApi, problem } from "./api.js";
import { busy, el, field, fieldError, clearFieldErrors, place, say, select } from "./dom.js";
import { DESCRIPTION_FIELDS, descriptionForm, recordLabel } from "./describe.js";
import { CREDIT_FIELDS, creditLabel, creditsForm } from "./credits.js";
import { LEVEL_NOTE, columnLevelsRow, levelsForm, saveLevelsAndGroups, statement } from "./access.js";
import { conflictBox } from "./conflict.js";
import { changes, moved, names, same } from "./edits.js";
import { editSection, saveVersioned } from "./versioned.js";
import { readVOTable } from "../votable.js";
import { errorMessage } from "../tap.js";

const COLUMN_FIELDS = ["description", "unit", "ucd", "utype", "principal", "std", "datalink"];
const COLUMN_LABELS = { description: "Description", unit: "Unit", ucd: "UCD", utype: "Utype", principal: "Principal",
  std: "Standard", datalink: "Datalink ID", dataAccess: "Data access", metadataAccess: "Metadata access",
  groups: "Groups" };
const CONE_FIELDS = ["idColumn", "raColumn", "decColumn", "verb1", "verb2", "maxSR", "maxRecords", "testQuery"];
const CONE_LABELS = { idColumn: "ID column", raColumn: "RA column", decColumn: "Dec column", verb1: "VERB=1 columns",
  verb2: "VERB=2 columns", maxSR: "Largest radius", maxRecords: "Largest result", testQuery: "Test cone",
  enabled: "Cone search" };
const RECORD_FIELDS = [...DESCRIPTION_FIELDS, "published", "dataAccess", "metadataAccess"];

export async function tablePage(main) {
  const api = metadataApi(main.dataset.api);
  const root = main.dataset.root;
  const schemaName = main.dataset.schema;
  const tableName = main.dataset.table;
  const qualified = `${schemaName}.${tableName}`;
  const path = api.table(schemaName, tableName);
  const pageStatus = document.getElementById("office-status");
  const generated = generatedSchemas(main);

  async function load() {
    const [record, credits, cone, groups, columns, columnGroups, schema] = await Promise.all([api.get(path),
      api.get(`${path}/credits`), api.get(`${path}/conesearch`), api.get(`${path}/groups`),
      api.get(`${path}/columns`), api.get(`${path}/column-groups`), api.get(api.schema(schemaName))]);
    return { record, credits, cone, groups: { groups }, columns, columnGroups, schema, order: order(columns) };
  }
  const order = (columns) => ({ order: columns.map((c) => c.name) });

  let state;
  let allGroups;
  try {
    [state, allGroups] = await Promise.all([load(), api.get("groups")]);
  } catch (e) {
    say(pageStatus, `The table cannot be read: ${problem(e)}`, true);
    return;
  }

  /** The table's parts as a conflict compares them: all that moves the table's version. */
  const tableParts = (current) => [
    { name: "record", label: recordLabel, base: state.record, current: current.record, fields: RECORD_FIELDS },
    { name: "credits", label: creditLabel, base: state.credits, current: current.credits, fields: CREDIT_FIELDS },
    { name: "cone", label: (f) => CONE_LABELS[f] || f, base: state.cone, current: current.cone,
      fields: ["enabled", ...CONE_FIELDS] },
    { name: "groups", label: () => "Groups", base: state.groups, current: current.groups, fields: ["groups"] },
    { name: "order", label: () => "Column order", base: state.order, current: current.order, fields: ["order"] },
  ];
  const tableVersion = (s) => s.record.version;
  const renderAll = () => {
    showPublication();
    description.show(state.record);
    showColumns();
    credits.show(state.credits);
    showCone();
    showAccess();
  };
  /** Saves a part of the table (anything under the table's version). */
  const saveTablePart = (options) => saveVersioned({ state, version: tableVersion, reload: load, renderAll,
    ...options, where: { what: `the table ${qualified}`, parts: tableParts, ...options.where } });

  // --- publication ---------------------------------------------------------------------------------------
  const publication = place("publication");
  const publicationStatus = el("p", { className: "status", role: "status", "aria-live": "polite" });
  const publicationBox = conflictBox();
  function showPublication() {
    const r = state.record;
    const schemaPublished = state.schema.published;
    if (generated.has(schemaName)) {
      publication.replaceChildren(el("p", { className: "state" }, el("strong", { id: "table-state",
        text: r.published ? "Published" : "Not published" }), " \u00b7 written by the archive itself, which keeps it"
        + " published"));
      return;
    }
    const toggle = el("button", { type: "button", id: "publish-table", className: r.published ? "secondary" : "",
      text: r.published ? "Withdraw the table" : "Publish the table" });
    toggle.addEventListener("click", () => busy(toggle, () => saveTablePart({
      part: "record", fields: ["published"], mine: { ...state.record, published: !state.record.published },
      partial: true, send: (body, version) => api.put(path, { ...body, version }),
      saved: (s, answer) => { s.record = answer; },
      render: () => { showPublication(); refreshAccess(); },
      where: { box: publicationBox, status: publicationStatus, form: publication, labels: recordLabel } })));
    const parts = [el("p", { className: "state" }, el("strong", { id: "table-state",
      text: r.published && schemaPublished ? "Published" : r.published ? "Published, but its schema is not"
        : "Not published" }), ` \u00b7 ${r.nrows ?? "?"} rows \u00b7 version ${r.version}`), el("div", { className: "actions" },
      toggle, el("a", { href: `${root}landing/${qualified}`, text: "Landing page" }),
      el("a", { href: `${root}tap/tables`, text: "VOSI tables" }))];
    if (!schemaPublished) {
      const publishSchema = el("button", { type: "button", id: "publish-schema", className: "secondary",
        text: `Publish the schema ${schemaName} too` });
      publishSchema.addEventListener("click", () => busy(publishSchema, async () => {
        try {
          state.schema = await api.put(api.schema(schemaName), { published: true, version: state.schema.version });
          showPublication();
          refreshAccess();
          say(publicationStatus, `The schema ${schemaName} is published.`);
        } catch (e) {
          say(publicationStatus, `Not saved: ${problem(e)}${e instanceof ApiError && e.status === 409
            ? " Reload the page to see the schema as it is now." : ""}`, true);
        }
      }));
      parts.push(el("p", { className: "note" }, `Its schema ${schemaName} is not published: nobody sees the table`
        + " before it is. ", publishSchema));
    }
    publication.replaceChildren(...parts, publicationStatus, publicationBox);
  }

  // --- description ---------------------------------------------------------------------------------------
  const description = descriptionForm();
  const saveDescription = el("button", { type: "submit", id: "save-description", text: "Save the description" });
  const descriptionParts = editSection(place("description"), description.form, saveDescription);
  description.form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(saveDescription, () => saveTablePart({
      part: "record", fields: DESCRIPTION_FIELDS, mine: description.read(), partial: true,
      send: (body, version) => api.put(path, { ...body, version }), saved: (s, answer) => { s.record = answer; },
      render: () => { description.show(state.record); showPublication(); },
      where: { box: descriptionParts.box, status: descriptionParts.status, form: description.form,
        labels: recordLabel } }));
  });

  // --- columns -------------------------------------------------------------------------------------------
  const columnsPlace = place("columns");
  columnsPlace.append(el("p", { className: "note", text: "Types and indexes come from the database (discovery)."
    + " A UCD must be UCD1+ and a unit VOUnit: the server says why it refuses one. Suggested UCDs come from the"
    + " column's name and unit; click one to take it. The order is TAP_SCHEMA's and every result's." }));
  const columnsForm = el("form", { className: "columns-form", novalidate: true });
  const columnList = el("ol", { className: "column-list", id: "column-list" });
  const saveColumns = el("button", { type: "submit", id: "save-columns", text: "Save the columns" });
  const saveOrder = el("button", { type: "button", id: "save-order", className: "secondary", text: "Save the order",
    disabled: true });
  columnsForm.append(columnList);
  const columnsParts = editSection(columnsPlace, columnsForm, saveColumns, saveOrder);
  let columnEditors = [];

  function columnEditor(column) {
    const c = column;
    const type = `${c.datatype}${c.arraysize ? `[${c.arraysize}]` : ""}${c.xtype ? ` (${c.xtype})` : ""}`;
    const up = el("button", { type: "button", className: "secondary move", text: "\u2191", "aria-label": `Move ${c.name} up` });
    const down = el("button", { type: "button", className: "secondary move", text: "\u2193",
      "aria-label": `Move ${c.name} down` });
    const descriptionField = field("Description", el("input", { name: "description" }), "description");
    const unit = field("Unit", el("input", { name: "unit", placeholder: "VOUnit: deg, mas/yr, mag" }), "unit");
    const ucd = field("UCD", el("input", { name: "ucd", placeholder: "UCD1+: pos.eq.ra;meta.main" }), "ucd");
    const utype = field("Utype", el("input", { name: "utype" }), "utype");
    const flag = (name, label, hint) => {
      const box = el("input", { type: "checkbox", name, dataset: { field: name } });
      return { box, element: el("label", { className: "check", title: hint }, box, ` ${label}`) };
    };
    const principal = flag("principal", "Principal", "Of principal interest: shown first, in VERB=2 cone searches");
    const std = flag("std", "Standard", "Defined by a standard (std in TAP_SCHEMA)");
    const datalink = flag("datalink", "Datalink ID", "Its values are Datalink IDs: results get a {links} service");
    const suggestions = el("div", { className: "suggestions", "aria-live": "polite" });
    const box = conflictBox();
    const status = el("p", { className: "status column-status", role: "status" });
    const fieldset = el("fieldset", { className: "column", dataset: { column: c.name } },
      el("legend", {}, el("code", { text: c.name }), el("span", { className: "type", text: ` ${type}` }),
        c.indexed ? el("span", { className: "badge", text: "indexed" }) : null),
      el("div", { className: "move-buttons" }, up, down),
      descriptionField.wrapper,
      el("div", { className: "row" }, unit.wrapper, ucd.wrapper, utype.wrapper),
      suggestions,
      el("div", { className: "flags" }, principal.element, std.element, datalink.element),
      status, box);
    const show = (record) => {
      descriptionField.input.value = record.description ?? "";
      unit.input.value = record.unit ?? "";
      ucd.input.value = record.ucd ?? "";
      utype.input.value = record.utype ?? "";
      principal.box.checked = Boolean(record.principal);
      std.box.checked = Boolean(record.std);
      datalink.box.checked = Boolean(record.datalink);
    };
    const text = (input) => (input.value.trim() === "" ? null : input.value.trim());
    const read = () => ({ description: text(descriptionField.input), unit: text(unit.input), ucd: text(ucd.input),
      utype: text(utype.input), principal: principal.box.checked, std: std.box.checked,
      datalink: datalink.box.checked });
    const suggest = async () => {
      try {
        const found = (await api.get(`ucd-suggestions?${api.query({ column: c.name, unit: unit.input.value.trim() })}`))
          .filter((s) => s.ucd !== ucd.input.value.trim()); // the UCD it has is no suggestion
        suggestions.replaceChildren(...(found.length ? [el("span", { className: "note", text: "Suggested UCDs: " }),
          ...found.map((s) => {
            const choice = el("button", { type: "button", className: "suggestion secondary", text: s.ucd, title: s.reason,
              dataset: { ucd: s.ucd } });
            choice.addEventListener("click", () => {
              ucd.input.value = s.ucd;
              fieldError(ucd.input, null);
              ucd.input.focus();
            });
            return el("span", { className: "choice" }, choice, el("span", { className: "reason", text: s.reason }));
          })] : []));
      } catch (e) {
        suggestions.replaceChildren(el("span", { className: "note", text: `No suggestions: ${problem(e)}` }));
      }
    };
    unit.input.addEventListener("change", suggest);
    const editor = { name: c.name, fieldset, show, read, box, status, suggest };
    up.addEventListener("click", () => moveColumn(editor, -1));
    down.addEventListener("click", () => moveColumn(editor, 1));
    show(c);
    return editor;
  }

  function moveColumn(editor, by) {
    const at = columnEditors.indexOf(editor);
    columnEditors = moved(columnEditors, at, at + by);
    columnList.replaceChildren(...columnEditors.map((e) => el("li", {}, e.fieldset)));
    const changed = !same(columnEditors.map((e) => e.name), state.order.order);
    saveOrder.disabled = !changed;
    say(columnsParts.status, changed ? "The order changed: Save the order to keep it." : "");
    editor.fieldset.querySelector(by < 0 ? "button.move" : "button.move:last-child").focus();
  }

  function showColumns() {
    columnEditors = state.columns.map(columnEditor);
    columnList.replaceChildren(...columnEditors.map((e) => el("li", {}, e.fieldset)));
    saveOrder.disabled = true;
    columnsForm.removeAttribute("aria-busy");
    for (const e of columnEditors) {
      e.suggest();
    }
  }

  /** Saves one column under its own version; its conflicts and refusals show in its fieldset. */
  const saveColumn = (editor) => {
    const at = () => state.columns.findIndex((c) => c.name === editor.name);
    const columnState = { column: state.columns[at()] };
    return saveVersioned({ state: columnState, part: "column", fields: COLUMN_FIELDS, mine: editor.read(), partial: true,
      version: (s) => s.column.version,
      send: (body, version) => api.put(`${path}/columns/${encodeURIComponent(editor.name)}`, { ...body, version }),
      saved: (s, answer) => { s.column = answer; state.columns[at()] = answer; },
      render: (s) => editor.show(s.column),
      reload: async () => ({ column: (await api.get(`${path}/columns`)).find((c) => c.name === editor.name) }),
      renderAll: (s) => { state.columns[at()] = s.column; editor.show(s.column); },
      where: { box: editor.box, status: editor.status, form: editor.fieldset, what: `the column ${editor.name}`,
        labels: (f) => COLUMN_LABELS[f] || f,
        parts: (current) => [{ name: "column", label: (f) => COLUMN_LABELS[f] || f, base: columnState.column,
          current: current.column, fields: COLUMN_FIELDS }] } });
  };

  columnsForm.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(saveColumns, async () => {
      const changed = columnEditors.filter((e) => Object.keys(changes(
        state.columns.find((c) => c.name === e.name), e.read(), COLUMN_FIELDS)).length > 0);
      if (!changed.length) {
        say(columnsParts.status, "Nothing changed: nothing to save.");
        return;
      }
      for (const e of columnEditors) {
        say(e.status, "");
      }
      let saved = 0;
      for (const editor of changed) {
        if (await saveColumn(editor)) {
          saved += 1;
        } else {
          // the column says why (beside the field, or its conflict box); the others after it are not sent
          say(columnsParts.status, `Not saved: the column ${editor.name}: ${editor.status.textContent}`
            + (saved ? ` (${saved} column${saved === 1 ? "" : "s"} before it ${saved === 1 ? "was" : "were"} saved)` : ""),
          true);
          editor.fieldset.scrollIntoView({ block: "nearest" });
          return;
        }
      }
      say(columnsParts.status, `Saved ${saved} column${saved === 1 ? "" : "s"}: ${changed.map((e) => e.name).join(", ")}.`);
      refreshAccess();
    });
  });

  saveOrder.addEventListener("click", () => busy(saveOrder, async () => {
    say(columnsParts.status, "Saving the order\u2026");
    const mine = { order: columnEditors.map((e) => e.name) };
    const done = await saveTablePart({ part: "order", fields: ["order"], mine, partial: true,
      send: (body, version) => api.put(`${path}/column-order`, { columns: body.order, version }),
      saved: (s, answer) => { s.record = answer; s.order = mine; },
      render: () => {},
      where: { box: columnsParts.box, status: columnsParts.status, form: columnsForm, labels: () => "Column order" } });
    if (done) {
      state.columns = mine.order.map((name) => state.columns.find((c) => c.name === name));
    }
  }).then(() => {
    saveOrder.disabled = same(columnEditors.map((e) => e.name), state.order.order); // nothing more to save
  }));

  // --- credits -------------------------------------------------------------------------------------------
  const credits = creditsForm();
  const saveCredits = el("button", { type: "submit", id: "save-credits", text: "Save the credits" });
  const creditsPlace = place("credits");
  creditsPlace.append(el("p", { className: "note", text: "Who made the table, in DataCite's terms: its DataCite"
    + " record, landing page and every result's Data Origin say so. ORCID iDs and ROR ids are checked." }));
  const creditsParts = editSection(creditsPlace, credits.form, saveCredits);
  credits.form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(saveCredits, () => saveTablePart({
      part: "credits", fields: CREDIT_FIELDS, mine: credits.read(), partial: false,
      send: (body, version) => api.put(`${path}/credits`, { ...body, version }),
      saved: (s, answer) => { s.credits = answer; s.record = { ...s.record, version: answer.version }; },
      render: () => credits.show(state.credits),
      where: { box: creditsParts.box, status: creditsParts.status, form: credits.form, labels: creditLabel } }));
  });

  // --- cone search ---------------------------------------------------------------------------------------
  const conePlace = place("conesearch");
  const coneState = el("p", { className: "state", id: "cone-state" });
  const columnNames = () => state.columns.map((c) => c.name);
  const idColumn = field("ID column", select([]), "idColumn");
  const raColumn = field("RA column (ICRS, degrees)", select([]), "raColumn");
  const decColumn = field("Dec column (ICRS, degrees)", select([]), "decColumn");
  const verb1 = field("Columns at VERB=1", el("input", { placeholder: "none but ID, RA, Dec" }), "verb1",
    "Comma-separated; ID, RA and Dec always come.");
  const verb2 = field("Columns at VERB=2", el("input", { placeholder: "the principal columns" }), "verb2",
    "The default verbosity. Comma-separated; empty: the principal columns.");
  const maxSR = field("Largest radius (degrees)", el("input", { type: "number", step: "any", min: "0" }), "maxSR");
  const maxRecords = field("Largest result (rows)", el("input", { type: "number", step: "1", min: "1" }), "maxRecords");
  const testRa = field("Test cone RA", el("input", { type: "number", step: "any" }), "testQuery");
  const testDec = field("Dec", el("input", { type: "number", step: "any" }), "testQuery.dec");
  const testSr = field("Radius", el("input", { type: "number", step: "any", min: "0" }), "testQuery.sr");
  const coneForm = el("form", { className: "fields cone-form", novalidate: true },
    el("div", { className: "row" }, idColumn.wrapper, raColumn.wrapper, decColumn.wrapper),
    el("div", { className: "row" }, verb1.wrapper, verb2.wrapper),
    el("div", { className: "row" }, maxSR.wrapper, maxRecords.wrapper),
    el("fieldset", { className: "test-query" }, el("legend", { text: "A cone known to hold rows (SCS's test query)" }),
      el("div", { className: "row" }, testRa.wrapper, testDec.wrapper, testSr.wrapper)));
  const saveCone = el("button", { type: "submit", id: "save-cone", text: "Save the cone search" });
  const withdrawCone = el("button", { type: "button", id: "withdraw-cone", className: "secondary",
    text: "Withdraw the cone search" });
  const testCone = el("button", { type: "button", id: "test-cone", className: "secondary", text: "Test cone" });
  const coneResult = el("p", { className: "cone-result", id: "cone-result", "aria-live": "polite" });
  conePlace.append(coneState);
  const coneParts = editSection(conePlace, coneForm, saveCone, withdrawCone, testCone);
  conePlace.insertBefore(coneResult, coneParts.status);

  const number = (input) => (input.value.trim() === "" ? null : Number(input.value));
  function showCone() {
    const c = state.cone;
    for (const s of [idColumn, raColumn, decColumn]) {
      s.input.replaceChildren(el("option", { value: "", text: "(found from the UCDs)" }),
        ...columnNames().map((n) => el("option", { value: n, text: n })));
    }
    idColumn.input.value = c.idColumn ?? "";
    raColumn.input.value = c.raColumn ?? "";
    decColumn.input.value = c.decColumn ?? "";
    verb1.input.value = (c.verb1 || []).join(", ");
    verb2.input.value = (c.verb2 || []).join(", ");
    maxSR.input.value = c.maxSR ?? "";
    maxRecords.input.value = c.maxRecords ?? "";
    testRa.input.value = c.testQuery?.ra ?? "";
    testDec.input.value = c.testQuery?.dec ?? "";
    testSr.input.value = c.testQuery?.sr ?? "";
    coneState.textContent = c.enabled
      ? `The table has a cone search: ${root}scs/${schemaName}/${tableName} (public once the table is).`
      : "The table has no cone search. Saving enables one with these settings (empty ones are found from the"
        + " columns' UCDs, the principal columns and the table's rows).";
    saveCone.textContent = c.enabled ? "Save the cone search" : "Enable the cone search";
    withdrawCone.hidden = !c.enabled;
  }
  const readCone = () => {
    const test = [number(testRa.input), number(testDec.input), number(testSr.input)];
    return { idColumn: idColumn.input.value || null, raColumn: raColumn.input.value || null,
      decColumn: decColumn.input.value || null, verb1: names(verb1.input.value), verb2: names(verb2.input.value),
      maxSR: number(maxSR.input), maxRecords: number(maxRecords.input),
      testQuery: test.every((v) => v === null) ? null : { ra: test[0], dec: test[1], sr: test[2] } };
  };
  coneForm.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(saveCone, () => saveTablePart({
      part: "cone", fields: CONE_FIELDS, mine: readCone(), partial: false, force: !state.cone.enabled,
      send: (body, version) => api.put(`${path}/conesearch`, { ...body, enabled: null, version }),
      saved: (s, answer) => { s.cone = answer; s.record = { ...s.record, version: answer.version }; },
      render: showCone,
      where: { box: coneParts.box, status: coneParts.status, form: coneForm, labels: (f) => CONE_LABELS[f] || f } }));
  });
  withdrawCone.addEventListener("click", () => busy(withdrawCone, async () => {
    try {
      await api.del(`${path}/conesearch?${api.query({ version: state.record.version })}`);
      const [record, cone] = await Promise.all([api.get(path), api.get(`${path}/conesearch`)]);
      Object.assign(state, { record, cone });
      showCone();
      say(coneParts.status, "The cone search is withdrawn.");
    } catch (e) {
      say(coneParts.status, `Not withdrawn: ${problem(e)}${e instanceof ApiError && e.status === 409
        ? " Reload the page to see the table as it is now." : ""}`, true);
    }
  }));
  testCone.addEventListener("click", () => busy(testCone, async () => {
    const test = readCone().testQuery || state.cone.testQuery;
    if (!test || test.ra === null || test.dec === null || test.sr === null) {
      say(coneResult, "Give the test cone's RA, Dec and radius first.", true);
      return;
    }
    const url = `${root}scs/${encodeURIComponent(schemaName)}/${encodeURIComponent(tableName)}?${new URLSearchParams({
      RA: test.ra, DEC: test.dec, SR: test.sr, VERB: "1" })}`;
    say(coneResult, `Asking ${url}\u2026`);
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) {
        say(coneResult, `The public cone search answered: ${errorMessage(response, await response.text())}`, true);
        return;
      }
      const result = await readVOTable(response, 10000);
      if (result.error) {
        say(coneResult, `The public cone search answered: ${result.error}`, true);
        return;
      }
      const rows = result.data.length;
      say(coneResult, `${rows}${result.more ? "+" : ""} row${rows === 1 ? "" : "s"} in the cone of ${test.sr}\u00b0`
        + ` around RA ${test.ra}, Dec ${test.dec} (public cone search, VERB=1: ${result.columns.map((c) => c.name)
          .join(", ")}).`, rows === 0);
    } catch (e) {
      say(coneResult, `The test cone failed: ${e.message}`, true);
    }
  }));

  // --- access --------------------------------------------------------------------------------------------
  const accessPlace = place("access");
  const schemaLevels = el("p", { className: "note", id: "schema-levels" });
  const levels = levelsForm(allGroups, "the table");
  const columnRows = el("tbody");
  const groupList = el("datalist", { id: "office-groups" }, ...allGroups.map((g) => el("option", { value: g })));
  const columnLevels = el("div", { className: "table-scroll" }, el("table", { id: "column-access" },
    el("caption", { text: "Columns (a column without groups of its own has the table's)" }),
    el("thead", {}, el("tr", {}, ...["Column", "Data access", "Metadata access", "Groups"].map((h) =>
      el("th", { scope: "col", text: h })))), columnRows));
  const accessForm = el("form", { className: "fields access-form", novalidate: true }, schemaLevels,
    el("p", { className: "note", text: LEVEL_NOTE }), levels.element, columnLevels, groupList);
  const saveAccess = el("button", { type: "submit", id: "save-access", text: "Save the access" });
  const accessParts = editSection(accessPlace, accessForm, saveAccess);
  const explanation = el("div", { id: "access-statement", "aria-live": "polite" });
  accessPlace.append(el("h3", { text: "Who sees what" }), explanation);
  let columnAccess = [];

  function showAccess() {
    const s = state.schema;
    schemaLevels.replaceChildren(`The schema `, el("a", { href: `${root}admin/schemas/${schemaName}`, text: schemaName }),
      ` has data ${s.dataAccess}, metadata ${s.metadataAccess}: the table can be no more open than its schema.`);
    levels.show(state.record, state.groups.groups);
    columnAccess = state.columns.map((c) => {
      const row = columnLevelsRow(c.name, "office-groups");
      row.show(c, state.columnGroups[c.name]);
      return { name: c.name, row };
    });
    columnRows.replaceChildren(...columnAccess.map((c) => c.row.element));
    refreshAccess();
  }

  async function refreshAccess() {
    try {
      explanation.replaceChildren(statement(await api.get(`${path}/access`)));
    } catch (e) {
      explanation.replaceChildren(el("p", { className: "status error", text: `Cannot say who sees what: ${problem(e)}` }));
    }
  }

  accessForm.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(saveAccess, async () => {
      clearFieldErrors(accessForm);
      const tableSaved = await saveLevelsAndGroups({ state, levels: "record", mine: levels.read(), save: saveTablePart,
        put: api.put, query: api.query, path, groupsPath: `${path}/groups`,
        where: { box: accessParts.box, status: accessParts.status, form: levels.element, labels: recordLabel } });
      showPublication();
      if (tableSaved === null) {
        return;
      }
      let changedSomething = tableSaved;
      for (const { name, row } of columnAccess) {
        const at = state.columns.findIndex((c) => c.name === name);
        const columnPath = `${path}/columns/${encodeURIComponent(name)}`;
        const columnState = { column: state.columns[at], groups: { groups: state.columnGroups[name] || [] } };
        const keep = (s) => {
          state.columns[at] = s.column;
          state.columnGroups[name] = s.groups.groups;
        };
        const columnSaved = await saveLevelsAndGroups({ state: columnState, levels: "column", mine: row.read(),
          put: api.put, query: api.query, path: columnPath, groupsPath: `${columnPath}/groups`,
          where: { box: accessParts.box, status: accessParts.status, form: row.element },
          save: (options) => saveVersioned({ state: columnState, version: (s) => s.column.version,
            reload: async () => {
              const [columns, columnGroups] = await Promise.all([api.get(`${path}/columns`),
                api.get(`${path}/column-groups`)]);
              return { column: columns.find((c) => c.name === name), groups: { groups: columnGroups[name] || [] } };
            },
            renderAll: (s) => { keep(s); row.show(s.column, s.groups.groups); },
            ...options,
            where: { ...options.where, what: `the column ${name}`, labels: (f) => `${name}: ${COLUMN_LABELS[f] || f}`,
              parts: (current) => [
                { name: "column", label: (f) => COLUMN_LABELS[f] || f, base: columnState.column,
                  current: current.column, fields: ["dataAccess", "metadataAccess"] },
                { name: "groups", label: () => "Groups", base: columnState.groups, current: current.groups,
                  fields: ["groups"] }] } }) });
        keep(columnState);
        if (columnSaved === null) {
          return;
        }
        changedSomething = changedSomething || columnSaved;
      }
      say(accessParts.status, changedSomething ? "Saved the access." : "Nothing changed: nothing to save.");
      refreshAccess();
    });
  });

  renderAll();
  say(pageStatus, "");
  return state;
}
