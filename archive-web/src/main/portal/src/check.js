import { linter } from "@codemirror/lint";
import { StateEffect } from "@codemirror/state";
import { checkQuery } from "./tap.js";
import { errorRange } from "./position.js";

/** Dispatched when what the check depends on besides the text changed (the uploaded tables): check again. */
export const recheck = StateEffect.define();

/**
 * The editor's ADQL check: half a second after the last change, the archive checks the query (parse, names
 * against the tables the caller may see, translation: the TAP path itself) and the editor marks a problem at
 * its line and column. The uploaded tables the query names go with it (uploads() gives them), so that a query on
 * TAP_UPLOAD is checked against them. report(text, isError) says the verdict in words, for the page's status line.
 */
export function adqlLinter(url, uploads, report) {
  return linter(async (view) => {
    const doc = view.state.doc;
    const text = doc.toString();
    if (!text.trim()) {
      report("", false);
      return [];
    }
    let verdict;
    try {
      verdict = await checkQuery(url, text, undefined, uploads());
    } catch (e) {
      if (view.state.doc === doc) {
        report(`The query could not be checked: ${e.message}`, true);
      }
      return [];
    }
    if (view.state.doc !== doc) {
      return []; // typed on meanwhile: the linter drops this answer, and so does the status line
    }
    if (verdict.ok) {
      report("The query is valid ADQL for this archive.", false);
      return [];
    }
    if (!verdict.line) {
      report(verdict.message, true);
      return [];
    }
    report(`Line ${verdict.line}, column ${verdict.column}: ${verdict.message}`, true);
    const { from, to } = errorRange(text, verdict.line, verdict.column);
    return [{ from, to, severity: "error", source: "ADQL", message: verdict.message }];
  }, {
    delay: 500,
    needsRefresh: (update) => update.transactions.some((t) => t.effects.some((e) => e.is(recheck))),
  });
}
