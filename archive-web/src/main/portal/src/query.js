// The ADQL query page: the page's plain form (a text area posting to /tap/sync) becomes an editor with ADQL
// highlighting, completion of the caller's schemas, tables and columns, and the archive's own check marking
// problems as one types; Run (or Ctrl+Enter) runs the query through TAP sync and shows the rows.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Compartment, Prec } from "@codemirror/state";
import { sql } from "@codemirror/lang-sql";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { adqlDialect } from "./adql.js";
import { adqlLinter } from "./check.js";
import { errorRange, positionInMessage } from "./position.js";
import { describe, showResult } from "./results.js";
import { loadNamespace, runQuery } from "./tap.js";
import { tableQuery } from "./prefill.js";
import { jobControls } from "./run-job.js";

const page = document.getElementById("query-page");
const form = document.getElementById("query-form");
const textarea = document.getElementById("query");
const label = document.getElementById("query-label");
const checkStatus = document.getElementById("check-status");
const runStatus = document.getElementById("run-status");
const resultBox = document.getElementById("result");
const endpoints = { sync: page.dataset.tapSync, tables: page.dataset.tapTables, check: page.dataset.check };
const maxrec = Number(page.dataset.maxrec);
const dialect = adqlDialect(page.dataset.adqlKeywords, page.dataset.adqlFunctions);
const language = new Compartment();

function say(element, text, isError) {
  element.textContent = text;
  element.classList.toggle("error", Boolean(isError));
}

const runKeys = [
  { key: "Ctrl-Enter", run: () => (run(), true) },
  { key: "Mod-Enter", run: () => (run(), true) }, // Cmd+Enter on a Mac
];

// a table named in the address (the Query buttons of the home and landing pages) starts with a query on it
const view = new EditorView({
  doc: tableQuery(window.location.search) ?? textarea.value,
  extensions: [
    basicSetup, // no Tab binding: Tab still leaves the editor, as keyboard users expect
    Prec.highest(keymap.of(runKeys)), // before basicSetup's Mod-Enter (insert a blank line)
    language.of(sql({ dialect, upperCaseKeywords: true })),
    adqlLinter(endpoints.check, (text, isError) => say(checkStatus, text, isError)),
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
// Run as job, and the query of a job the address names (?job=)
jobControls({ query: () => view.state.doc.toString(), say: (text, isError) => say(runStatus, text, isError),
  setQuery: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }) });

// completion of the caller's own schemas, tables and columns, once VOSI tables has answered
loadNamespace(endpoints.tables)
  .then((schema) => view.dispatch({ effects: language.reconfigure(sql({ dialect, schema, upperCaseKeywords: true })) }))
  .catch((e) => console.warn("no name completion:", e.message));

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

async function run() {
  if (running) {
    running.abort(); // the newest query wins
  }
  const controller = new AbortController();
  running = controller;
  const adql = view.state.doc.toString();
  say(runStatus, "Running\u2026", false);
  resultBox.setAttribute("aria-busy", "true");
  const started = performance.now();
  try {
    const result = await runQuery(endpoints.sync, adql, maxrec, controller.signal);
    showResult(resultBox, result);
    say(runStatus, `${describe(result)} in ${((performance.now() - started) / 1000).toFixed(1)} s.`, false);
  } catch (e) {
    if (e.name === "AbortError") {
      return;
    }
    resultBox.replaceChildren();
    say(runStatus, `The query failed: ${e.message}`, true);
    markError(adql, e.message);
  } finally {
    if (running === controller) {
      running = null;
      resultBox.removeAttribute("aria-busy");
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
