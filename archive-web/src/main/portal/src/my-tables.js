// The "My tables" page (/tables/mine, signed-in callers): the caller's personal tables, listed from
// /account/storage with the storage they take of the quota; a new table from a file (VOTable: PUT with its rows;
// CSV or TSV: the page reads the header and the first rows, proposes the columns' types, the person edits them,
// then PUT of a VOSI table document and POST /tap/load); and one table's view (?table=NAME): its facts, its
// description and columns' units, UCDs and descriptions edited in place (POST of a VOSI table document), who may
// read it (POST /tap/permissions), rows loaded from a file (POST /tap/load, or a /tap/load-jobs job above the
// request limit, followed live), Query (the query page with the table) and Drop (DELETE, after a question).
// Every call is to the archive's public interfaces, as any client makes them; their refusals (text/plain) are
// shown as they are. Text goes in with textContent only, never as HTML.
import { element } from "./dom.js";
import { formatBytes, formatInstant } from "./job-format.js";
import { readTable, typeText } from "./catalog.js";
import { COLUMN_NAME, COLUMN_TYPES, SAMPLE_BYTES, changedColumns, fileFormat, headerKept, loadMode, permissionsText,
  proposeColumns, qualified, readDelimited, readPermissions, sharedWith, storageFigures, tableNameFor, tableNameProblem,
  votableType, vosiTable } from "./personal-tables.js";
import { PhaseWatch } from "./phase-watch.js";
import { errorMessage } from "./tap.js";
import { createJob } from "./uws.js";

const page = document.getElementById("my-tables-page");
const api = {
  storage: page.dataset.storage, me: page.dataset.me, tables: page.dataset.tables, load: page.dataset.load,
  loadJobs: page.dataset.loadJobs, permissions: page.dataset.permissions, query: page.dataset.query,
  self: page.dataset.self,
};
const loadMax = Number(page.dataset.loadMax) || 0;
const statusLine = document.getElementById("tables-status");
const byId = (id) => document.getElementById(id);

/** A refusal of the archive, with its status and its own words. */
class RequestError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The form whose work is being said: its own line beside its button shows the news too, in sight. */
let near = null;

/**
 * Says what happened in the page's live region (read out once), and shows it beside the form at work (that line
 * is hidden from screen readers: it would say it twice); an error in the error's colours.
 */
function say(text, isError = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle("error", isError);
  for (const line of document.querySelectorAll(".near-status")) {
    line.textContent = line === near ? text : "";
    line.classList.toggle("error", line === near && isError);
  }
}

/** The form at work from now on (null: none, the page's own line only). */
function working(id) {
  near = id ? byId(id) : null;
}

/** A request to the archive; resolves to {response, text}, rejects with the service's message. */
async function send(url, method, body, contentType) {
  const headers = { Accept: "text/plain, application/json, text/xml" };
  if (contentType) {
    headers["Content-Type"] = contentType;
  }
  const response = await fetch(url, { method, body, headers, credentials: "same-origin" });
  const text = await response.text();
  if (!response.ok) {
    throw new RequestError(response.status, errorMessage(response, text));
  }
  return { response, text };
}

const getJson = async (url) => JSON.parse((await send(url, "GET")).text);
const tableUrl = (name) => `${api.tables}/${encodeURIComponent(name)}`;

/** Runs a button's work once at a time (aria-disabled keeps the focus where it is), saying what failed. */
function onClick(button, what, work) {
  button.addEventListener("click", async (event) => {
    event.preventDefault();
    if (button.getAttribute("aria-disabled") === "true") {
      return;
    }
    button.setAttribute("aria-disabled", "true");
    working(null);
    try {
      await work();
    } catch (e) {
      say(`${what}: ${e.message}`, true);
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });
}

let storage = null; // the answer of /account/storage
let me = null; // the answer of /account/me

// ---- storage and the list

function showStorage() {
  const f = storageFigures(storage);
  // the bar's two parts (its text says the same in words): widths through the CSSOM, which the policy allows
  // a sliver for what is stored at all, however small beside the limit
  byId("storage-jobs").style.width = `${f.jobs > 0 ? Math.max(f.jobsPercent, 0.5) : 0}%`;
  byId("storage-tables").style.width = `${f.tables > 0 ? Math.max(f.tablesPercent, 0.5) : 0}%`;
  byId("storage-text").textContent = `${formatBytes(f.used)} of ${formatBytes(f.limit)} used `
    + `(${Math.round(f.percent)}%): ${formatBytes(f.tables)} in tables, ${formatBytes(f.jobs)} in jobs' results and `
    + `uploads; ${formatBytes(f.free)} free. ${f.count} of at most ${f.maxTables} tables.`
    + (f.over ? " You are over your quota: drop tables or delete jobs before you load more." : "");
  byId("storage-text").classList.toggle("error", f.over);
}

function cell(content, className) {
  const td = element("td", null, className);
  td.append(content ?? "");
  return td;
}

function time(iso) {
  const t = element("time", formatInstant(iso));
  t.dateTime = iso;
  t.title = `${iso} (UTC)`;
  return t;
}

function viewLink(table) {
  const a = element("a", null);
  a.append(element("code", table.name));
  a.href = `${api.self}?table=${encodeURIComponent(table.name)}`;
  return a;
}

function queryLink(name) {
  const a = element("a", "Query", "button secondary small");
  a.href = `${api.query}?table=${encodeURIComponent(qualified(storage.schema, name))}`;
  a.append(element("span", ` ${name}`, "visually-hidden"));
  return a;
}

function showList() {
  const rows = storage.tables.map((t) => {
    const tr = element("tr");
    tr.dataset.table = t.name;
    const open = element("a", "Open", "button secondary small");
    open.href = `${api.self}?table=${encodeURIComponent(t.name)}`;
    open.append(element("span", ` ${t.name}`, "visually-hidden"));
    const actions = element("td", null, "row-actions");
    actions.append(open, queryLink(t.name));
    tr.append(cell(viewLink(t), "name"), cell(Number(t.rows).toLocaleString("en-US"), "n"), cell(formatBytes(t.bytes), "n"),
      cell(time(t.created)), cell(sharedWith(t)), cell((t.indexed || []).join(", ")), actions);
    return tr;
  });
  byId("tables-body").replaceChildren(...rows);
  byId("tables-scroll").hidden = rows.length === 0;
  byId("no-tables").hidden = rows.length !== 0;
}

async function readStorage() {
  storage = await getJson(api.storage);
  showStorage();
  for (const schema of document.querySelectorAll(".user-schema")) {
    schema.textContent = storage.schema;
  }
}

// ---- a new table from a file

const newForm = byId("new-table-form");
const newFile = byId("new-file");
const newName = byId("new-name");
let proposal = null; // {file, format, columns, headerBytes, sampled} of a CSV or TSV file
let fileProblem = null; // why the chosen file cannot make a table, or null

function fieldError(input, message) {
  const error = byId(`${input.id}-error`);
  error.textContent = message || "";
  error.hidden = !message;
  if (message) {
    input.setAttribute("aria-invalid", "true");
  } else {
    input.removeAttribute("aria-invalid");
  }
}

function labelled(input, label) {
  input.setAttribute("aria-label", label);
  return input;
}

/** The column editor of a delimited file: a row per column with its name, type, unit and UCD. */
function showProposal() {
  const body = byId("new-columns-body");
  body.replaceChildren(...proposal.columns.map((c, i) => {
    const tr = element("tr");
    const name = labelled(element("input"), `Name of column ${i + 1} (${c.header})`);
    name.value = c.name;
    name.maxLength = 63;
    name.spellcheck = false;
    name.addEventListener("input", () => (c.name = name.value.trim()));
    const type = labelled(element("select"), `Type of ${c.header}`);
    for (const t of COLUMN_TYPES) {
      const option = element("option", t.label);
      option.value = t.value;
      type.append(option);
    }
    type.value = c.type;
    type.addEventListener("change", () => (c.type = type.value));
    const unit = labelled(element("input"), `Unit of ${c.header}`);
    unit.addEventListener("input", () => (c.unit = unit.value.trim()));
    const ucd = labelled(element("input"), `UCD of ${c.header}`);
    ucd.addEventListener("input", () => (c.ucd = ucd.value.trim()));
    tr.append(cell(element("code", c.header)), cell(name), cell(type), cell(unit), cell(ucd));
    return tr;
  }));
  byId("new-columns").hidden = false;
  byId("new-columns-note").textContent = `Types proposed from the first ${proposal.sampled.toLocaleString("en-US")} rows`
    + " of the file: change any that is wrong before you create the table.";
}

newFile.addEventListener("change", async () => {
  proposal = null;
  byId("new-columns").hidden = true;
  const file = newFile.files[0];
  fileProblem = file ? await proposeFrom(file) : null;
  fieldError(newFile, fileProblem);
});

/** Reads a chosen file's name and, for CSV or TSV, its first rows; says why it cannot make a table, or null. */
async function proposeFrom(file) {
  const format = fileFormat(file.name);
  if (!newName.value || newName.dataset.proposed === newName.value) {
    newName.value = tableNameFor(file.name);
    newName.dataset.proposed = newName.value;
  }
  if (!format || format.kind === "fits") {
    return format ? "A FITS file loads into a table that exists: create the table from a VOTable, CSV or TSV file"
      + " first, or with your TAP client." : "Choose a VOTable (.vot, .xml), CSV (.csv) or TSV (.tsv) file.";
  }
  if (format.kind === "votable") {
    return null; // its FIELDs are the columns: sent as it is
  }
  const complete = file.size <= SAMPLE_BYTES;
  const read = readDelimited(await file.slice(0, SAMPLE_BYTES).text(), format.kind, undefined, complete);
  if (!read.header.length) {
    return "The file has no header line naming its columns.";
  }
  proposal = { file, format, headerBytes: read.headerBytes, sampled: read.rows.length,
    columns: proposeColumns(read.header, read.rows) };
  showProposal();
  return null;
}

newForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = byId("create-table");
  if (button.getAttribute("aria-disabled") === "true") {
    return;
  }
  const file = newFile.files[0];
  const name = newName.value.trim();
  const nameProblem = tableNameProblem(name);
  const problem = file ? fileProblem || (fileFormat(file.name).kind !== "votable" && !proposal
    ? "The file is still being read: try again in a moment." : null) : "Choose a file.";
  fieldError(newName, nameProblem);
  fieldError(newFile, problem);
  if (nameProblem || problem) {
    (nameProblem ? newName : newFile).focus();
    return;
  }
  button.setAttribute("aria-disabled", "true");
  working("new-status");
  try {
    await createTable(file, name, byId("new-description").value.trim());
  } catch (e) {
    say(`The table ${name} was not created: ${e.message}`, true);
  } finally {
    button.removeAttribute("aria-disabled");
  }
});

async function createTable(file, name, description) {
  const full = qualified(storage.schema, name);
  const format = fileFormat(file.name);
  if (format.kind === "votable") {
    say(`Creating ${full} from ${file.name} (${formatBytes(file.size)})\u2026`);
    await send(tableUrl(full), "PUT", file, format.mediaType);
    if (description) {
      await send(tableUrl(full), "POST", vosiTable({ name, description, columns: [] }), "text/xml");
    }
    window.location.assign(`${api.self}?table=${encodeURIComponent(name)}&created=1`);
    return;
  }
  const columns = proposal.columns;
  const names = columns.map((c) => c.name);
  const bad = names.find((n) => !COLUMN_NAME.test(n));
  if (bad !== undefined) {
    throw new Error(`the column name \u201c${bad}\u201d is not one the archive takes (a letter, then letters, digits and _)`);
  }
  say(`Creating ${full} with ${columns.length} columns\u2026`);
  await send(tableUrl(full), "PUT", vosiTable({ name, description, columns: columns.map((c) => ({
    name: c.name, unit: c.unit || null, ucd: c.ucd || null, ...votableType(c.type) })) }), "text/xml");
  // the file's own header line when it names the columns as they are; else the rows alone, in the columns' order
  const kept = headerKept(columns);
  const body = kept ? file : file.slice(proposal.headerBytes);
  const type = kept ? format.mediaType : `${format.mediaType}; header=absent`;
  try {
    await loadRows(full, body, body.size, type, `Created ${full}.`);
  } catch (e) {
    throw new Error(`${full} was created, but its rows were not loaded: ${e.message}. Load them from the table's`
      + " page once the file is right, or drop the table.");
  }
  window.location.assign(`${api.self}?table=${encodeURIComponent(name)}&created=1`);
}

/**
 * Loads rows: one request to /tap/load up to the request limit (one transaction: all rows or none), else a job of
 * /tap/load-jobs, whose progress the page follows. Resolves once the rows are in.
 */
async function loadRows(full, body, size, mediaType, before = "") {
  if (loadMode(size, loadMax) === "sync") {
    say(`${before} Loading ${formatBytes(size)} of rows\u2026`.trim());
    const { text } = await send(`${api.load}/${encodeURIComponent(full)}`, "POST", body, mediaType);
    say(text.trim());
    return;
  }
  const form = new FormData();
  form.append("TABLE", full);
  form.append("FORMAT", mediaType);
  form.append("data", body, "data");
  form.append("PHASE", "RUN");
  say(`${before} Sending ${formatBytes(size)} to a load job (larger than ${formatBytes(loadMax)}, the most one request`
    .trim() + " loads)\u2026");
  const job = await createJob(api.loadJobs, form);
  await new Promise((resolve, reject) => {
    const jobUrl = (id) => `${api.loadJobs}/${encodeURIComponent(id)}`;
    const follow = (j) => {
      if (j.phase === "COMPLETED") {
        watch.stop();
        say(`Load job ${j.id}: ${j.progress || "done"}.`);
        resolve();
      } else if (j.phase === "ERROR" || j.phase === "ABORTED") {
        watch.stop();
        reject(new Error(j.phase === "ERROR" ? (j.error && j.error.message) || "the load job failed" : "the load job was aborted"));
      } else {
        say(`Load job ${j.id} is ${j.phase}${j.progress ? `: ${j.progress}` : ""}.`);
      }
    };
    const watch = new PhaseWatch(jobUrl, follow, () => reject(new Error(`the load job ${job.id} is gone`)));
    follow(job);
    watch.watch(job); // watches only a job still active (PhaseWatch.watch)
  });
}

// ---- one table

async function showTable(name) {
  const entry = storage.tables.find((t) => t.name === name);
  byId("table-list").hidden = true;
  byId("new-table").hidden = true;
  const view = byId("table-view");
  view.hidden = false;
  if (!entry) {
    byId("view-heading").textContent = name;
    say(`You have no table ${name}: it was dropped, or its name is another.`, true);
    byId("table-parts").hidden = true;
    return;
  }
  const full = qualified(storage.schema, name);
  byId("view-heading").replaceChildren(element("code", full));
  document.title = `${full} \u2013 ${document.title.split(" \u2013 ").slice(-1)[0]}`;
  showFacts(entry);
  byId("query-table").href = `${api.query}?table=${encodeURIComponent(full)}`;
  onClick(byId("drop-table"), `Dropping ${full}`, () => drop(full));
  const { text } = await send(tableUrl(full), "GET", undefined);
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) {
    throw new Error("the table's description (VOSI) could not be read");
  }
  const table = readTable(doc.documentElement, storage.schema);
  describeForm(full, name, table);
  shareForm(full, entry);
  loadForm(full);
}

/** A table's facts as /account/storage gives them. */
function showFacts(entry) {
  const facts = byId("table-facts");
  facts.replaceChildren();
  const fact = (term, value, id) => {
    const dd = element("dd");
    dd.append(value ?? "");
    dd.id = id;
    facts.append(element("dt", term), dd);
  };
  fact("Rows", Number(entry.rows).toLocaleString("en-US"), "fact-rows");
  fact("Size", formatBytes(entry.bytes), "fact-size");
  fact("Created", time(entry.created), "fact-created");
  fact("Made by", { created: "creating it", upload: "keeping a TAP upload", kept: "keeping a job's result" }[entry.origin]
    || entry.origin, "fact-origin");
  fact("Shared with", sharedWith(entry), "fact-shared");
  fact("Indexed columns", (entry.indexed || []).join(", ") || "none", "fact-indexed");
}

async function drop(full) {
  if (!window.confirm(`Drop the table ${full} with all its rows? This cannot be undone.`)) {
    return;
  }
  await send(tableUrl(full), "DELETE");
  window.location.assign(`${api.self}?dropped=${encodeURIComponent(full)}`);
}

/** The description editor: the table's description and each column's unit, UCD and description. */
function describeForm(full, name, table) {
  const description = byId("table-description");
  description.value = table.description;
  const edited = table.columns.map((c) => ({ ...c }));
  byId("columns-body").replaceChildren(...edited.map((c) => {
    const tr = element("tr");
    tr.dataset.column = c.name;
    const input = (key, label) => {
      const i = labelled(element("input"), `${label} of ${c.name}`);
      i.value = c[key] || "";
      i.name = key;
      i.maxLength = key === "description" ? 4000 : 256;
      i.addEventListener("input", () => (c[key] = i.value.trim()));
      return i;
    };
    tr.append(cell(element("code", c.name)), cell(typeText(c)), cell(input("unit", "Unit")), cell(input("ucd", "UCD")),
      cell(input("description", "Description")), cell(c.indexed ? "yes" : ""));
    return tr;
  }));
  let saved = table.columns;
  let savedDescription = table.description;
  byId("describe-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("save-description");
    if (button.getAttribute("aria-disabled") === "true") {
      return;
    }
    working("describe-status");
    const changed = changedColumns(saved, edited);
    const text = description.value.trim();
    if (!changed.length && text === savedDescription) {
      say("Nothing changed.");
      return;
    }
    button.setAttribute("aria-disabled", "true");
    try {
      await send(tableUrl(full), "POST", vosiTable({ name, description: text, columns: changed }), "text/xml");
      saved = edited.map((c) => ({ ...c }));
      savedDescription = text;
      say(`Saved the description of ${full}${changed.length ? ` (${changed.map((c) => c.name).join(", ")})` : ""}.`);
    } catch (e) {
      say(`The description of ${full} was not saved: ${e.message}`, true);
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });
}

/** Who may read: public or not, and the caller's groups, each a checkbox. */
function shareForm(full, entry) {
  const isPublic = byId("share-public");
  isPublic.checked = Boolean(entry.public);
  const groups = new Set(entry.readGroups || []);
  const mine = [...new Set([...(me.groups || []), ...groups])].sort();
  const list = byId("share-groups");
  list.replaceChildren(...mine.map((g, i) => {
    const id = `share-group-${i}`;
    const box = element("input");
    box.type = "checkbox";
    box.id = id;
    box.value = g;
    box.checked = groups.has(g);
    const label = element("label", g);
    label.htmlFor = id;
    const li = element("li");
    li.append(box, " ", label);
    return li;
  }));
  byId("no-groups").hidden = mine.length !== 0;
  byId("share-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("save-sharing");
    if (button.getAttribute("aria-disabled") === "true") {
      return;
    }
    button.setAttribute("aria-disabled", "true");
    working("share-status");
    const chosen = [...list.querySelectorAll("input:checked")].map((b) => b.value);
    try {
      const { text } = await send(`${api.permissions}/${encodeURIComponent(full)}`, "POST",
        permissionsText(isPublic.checked, chosen), "text/plain");
      // the service answers the permissions as they are now: the page shows those
      const now = readPermissions(text);
      entry.public = now.isPublic;
      entry.readGroups = now.groups;
      showFacts(entry);
      say(`${full} is now readable by: ${sharedWith(entry) === "Only you" ? "you only" : sharedWith(entry)}.`);
    } catch (e) {
      say(`The sharing of ${full} was not changed: ${e.message}`, true);
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });
}

/** Rows from a file into the table. */
function loadForm(full) {
  const input = byId("load-file");
  byId("load-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = byId("load-button");
    if (button.getAttribute("aria-disabled") === "true") {
      return;
    }
    working("load-status");
    const file = input.files[0];
    const format = file ? fileFormat(file.name) : null;
    fieldError(input, !file ? "Choose a file." : !format
      ? "Choose a VOTable (.vot, .xml), FITS (.fits), CSV (.csv) or TSV (.tsv) file." : null);
    if (!format) {
      input.focus();
      return;
    }
    button.setAttribute("aria-disabled", "true");
    try {
      await loadRows(full, file, file.size, format.mediaType);
      await readStorage();
      const entry = storage.tables.find((t) => qualified(storage.schema, t.name) === full);
      if (entry) {
        showFacts(entry);
      }
      input.value = "";
    } catch (e) {
      say(`No rows of ${file.name} were loaded into ${full}: ${e.message}`, true);
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });
}

// ---- the page

async function start() {
  say("Reading your tables\u2026");
  try {
    [me] = await Promise.all([getJson(api.me), readStorage()]);
  } catch (e) {
    say(e.status === 401 ? "Your session has ended: sign in again to see your tables."
      : `Your tables could not be read: ${e.message}`, true);
    return;
  }
  const address = new URLSearchParams(window.location.search);
  const name = address.get("table");
  if (name !== null) {
    try {
      await showTable(name);
      say(address.get("created") ? `Created ${qualified(storage.schema, name)}.` : "");
    } catch (e) {
      say(`The table ${name} could not be read: ${e.message}`, true);
    }
    return;
  }
  showList();
  const dropped = address.get("dropped");
  say(dropped ? `Dropped ${dropped}.` : storage.tables.length ? `${storage.tables.length} table`
    + `${storage.tables.length === 1 ? "" : "s"} in ${storage.schema}.` : "");
}

start();
