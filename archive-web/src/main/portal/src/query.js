// The ADQL query page: the page's plain form (a text area posting to /tap/sync) becomes an editor with ADQL
// highlighting, completion of the caller's schemas, tables and columns and of the service's functions, and the
// archive's own check marking problems as one types; Run (or Ctrl+Enter) runs the query through TAP sync and
// shows the rows. Beside it: the caller's tables (VOSI tables, read once for the browser and the completion
// alike), the service's examples, and a cone search; below it, tables of the user's own to upload and Run as job.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Compartment, Prec } from "@codemirror/state";
import { sql } from "@codemirror/lang-sql";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { adqlDialect } from "./adql.js";
import { adqlLinter, recheck } from "./check.js";
import { namespaceOf } from "./catalog.js";
import { coneSearch } from "./cone.js";
import { keywordCompletion, udfNames } from "./functions.js";
import { errorRange, positionInMessage } from "./position.js";
import { describe, showResult } from "./results.js";
import { jsonResult, loadCatalog, loadExamples, loadFeatures, runQuery } from "./tap.js";
import { tableBrowser } from "./table-browser.js";
import { tableQuery } from "./prefill.js";
import { say } from "./status.js";
import { jobControls } from "./run-job.js";
import { referencedUploads, uploadControls } from "./uploads.js";

const page = document.getElementById("query-page");
const form = document.getElementById("query-form");
const textarea = document.getElementById("query");
const label = document.getElementById("query-label");
const checkStatus = document.getElementById("check-status");
const runStatus = document.getElementById("run-status");
const resultBox = document.getElementById("result");
const endpoints = { sync: page.dataset.tapSync, tables: page.dataset.tapTables, check: page.dataset.check,
  capabilities: page.dataset.tapCapabilities, examples: page.dataset.tapExamples };
const maxrec = Number(page.dataset.maxrec);
const language = new Compartment();

const runKeys = [
  { key: "Ctrl-Enter", run: () => (run(), true) },
  { key: "Mod-Enter", run: () => (run(), true) }, // Cmd+Enter on a Mac
];

// the uploaded tables the query names go with its check and its runs
const uploads = uploadControls({ maxBytes: Number(page.dataset.uploadMaxBytes), onChange: () => uploadsChanged() });
const queryUploads = () => referencedUploads(view.state.doc.toString(), uploads.uploads());

/** The ADQL language: the engine's words, the service's functions, the names the caller may query. */
function adqlLanguage({ catalog = null, features = [] } = {}) {
  const dialect = adqlDialect(page.dataset.adqlKeywords, `${page.dataset.adqlFunctions} ${udfNames(features)}`);
  const schema = catalog ? namespaceOf(catalog) : undefined;
  if (schema) { // the chosen uploads complete as tables of TAP_UPLOAD (their columns are known once checked)
    schema.TAP_UPLOAD = Object.fromEntries(uploads.uploads().map((u) => [u.name, []]));
  }
  return sql({ dialect, schema, upperCaseKeywords: true, keywordCompletion: keywordCompletion(features) });
}

// a table named in the address (the Query buttons of the home and landing pages) starts with a query on it
const view = new EditorView({
  doc: tableQuery(window.location.search) ?? textarea.value,
  extensions: [
    basicSetup, // no Tab binding: Tab still leaves the editor, as keyboard users expect
    Prec.highest(keymap.of(runKeys)), // before basicSetup's Mod-Enter (insert a blank line)
    language.of(adqlLanguage()),
    adqlLinter(endpoints.check, queryUploads, (text, isError) => say(checkStatus, text, isError)),
    lintGutter(),
    EditorView.lineWrapping,
    EditorView.cspNonce.of(page.dataset.styleNonce || ""),
    EditorView.contentAttributes.of({ "aria-labelledby": "query-label", "aria-describedby": "check-status" }),
  ],
});
textarea.hidden = true;
textarea.after(view.dom);
label.addEventListener("click", () => view.focus());
view.focus();

/** Replaces the editor's text (an example, a job's query, a cone search's ADQL). */
function setQuery(text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

// Run as job, and the query of a job the address names (?job=)
jobControls({ query: () => view.state.doc.toString(), uploads: queryUploads, setQuery,
  say: (text, isError) => say(runStatus, text, isError) });

// the caller's tables and the service's functions, each read once: the browser, completion and highlighting
const loaded = { catalog: null, features: [] };
const catalogRead = loadCatalog(endpoints.tables).then((catalog) => {
  loaded.catalog = catalog;
  browse(catalog);
});
const featuresRead = loadFeatures(endpoints.capabilities).then((features) => { loaded.features = features; });
catalogRead.catch((e) => {
  document.getElementById("browser").hidden = false;
  say(document.getElementById("browser-status"), `The tables could not be listed: ${e.message}`, true);
});
featuresRead.catch((e) => console.warn("no function completion:", e.message));
Promise.allSettled([catalogRead, featuresRead]).then(() => {
  view.dispatch({ effects: language.reconfigure(adqlLanguage(loaded)) });
});

function uploadsChanged() {
  // the check's verdict may change with the tables, and completion offers them
  const effects = [recheck.of(null)];
  if (loaded.catalog) {
    effects.push(language.reconfigure(adqlLanguage(loaded)));
  }
  view.dispatch({ effects });
}

function browse(catalog) {
  document.getElementById("browser").hidden = false;
  tableBrowser({
    tree: document.getElementById("table-tree"),
    filter: document.getElementById("table-filter"),
    status: document.getElementById("browser-status"),
    catalog,
    insert: (text) => view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true }),
  });
}

// the service's examples: one click puts one into the editor
loadExamples(endpoints.examples).then(showExamples).catch((e) => {
  document.getElementById("examples").hidden = false;
  say(document.getElementById("examples-status"), `The examples could not be read: ${e.message}`, true);
});

function showExamples(examples) {
  document.getElementById("examples").hidden = false;
  const status = document.getElementById("examples-status");
  const list = document.getElementById("example-list");
  say(status, examples.length ? "Choose one to put it into the editor." : "The service has no examples.", false);
  list.replaceChildren(...examples.map((example) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "example";
    button.textContent = example.name;
    button.dataset.example = example.id;
    item.append(button);
    if (example.tables.length) {
      const tables = document.createElement("span");
      tables.className = "hint tables";
      tables.textContent = example.tables.join(", ");
      item.append(" ", tables);
    }
    button.addEventListener("click", () => {
      setQuery(example.query);
      if (/\bTAP_UPLOAD\s*\./i.test(example.query)) {
        uploads.open(); // the example reads a table of the user's: where to give it
      }
      say(status, `\u201c${example.name}\u201d is in the editor: run it with Run or Ctrl+Enter.`, false);
      view.focus();
    });
    return item;
  }));
}

// a cone search shows its rows here, and the ADQL it ran goes into the editor
coneSearch({
  maxrec,
  search: (url, table) => runWith((signal) => fetch(url, { signal, headers: { Accept: "application/json" } })
    .then(jsonResult), `The cone search on ${table} `, (result) => result.query && setQuery(result.query)),
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
// Ctrl+Enter runs from anywhere on the page, not only in the editor
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !view.hasFocus) {
    event.preventDefault();
    run();
  }
});

let running = null;

/**
 * Runs a request for rows (TAP sync, a cone search) as the page's one run: the newest wins (an older one is
 * aborted), its rows replace the result, the status says how many, or why there are none.
 * @param request (signal) => a promise of a TAP JSON result
 * @param what    what runs, for the status ("The cone search on demo.bsc5 "), or "" for the editor's query
 * @param before  (result) => what to do before the rows are shown
 * @returns the result; rejects as the request did (an AbortError when a newer run took over)
 */
async function runWith(request, what = "", before = () => {}) {
  if (running) {
    running.abort();
  }
  const controller = new AbortController();
  running = controller;
  say(runStatus, "Running\u2026", false);
  resultBox.setAttribute("aria-busy", "true");
  const started = performance.now();
  try {
    const result = await request(controller.signal);
    before(result);
    showResult(resultBox, result);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(runStatus, `${what ? what + "found " : ""}${describe(result)} in ${seconds} s.`, false);
    runStatus.scrollIntoView({ block: "nearest" }); // below the panels on a narrow screen: the rows came
    return result;
  } catch (e) {
    if (e.name !== "AbortError") {
      resultBox.replaceChildren();
      say(runStatus, `${what || "The query "}failed: ${e.message}`, true);
      runStatus.scrollIntoView({ block: "nearest" });
    }
    throw e;
  } finally {
    if (running === controller) {
      running = null;
      resultBox.removeAttribute("aria-busy");
    }
  }
}

async function run() {
  const adql = view.state.doc.toString();
  try {
    await runWith((signal) => runQuery(endpoints.sync, adql, maxrec, signal, queryUploads()));
  } catch (e) {
    if (e.name !== "AbortError") {
      markError(adql, e.message);
    }
  }
}

/** Marks in the editor the position a TAP error message names, if the text is still the one that ran. */
function markError(adql, message) {
  const at = positionInMessage(message);
  if (at && view.state.doc.toString() === adql) {
    const { from, to } = errorRange(adql, at.line, at.column);
    view.dispatch(setDiagnostics(view.state, [{ from, to, severity: "error", source: "TAP", message }]));
  }
}
