import { SQLDialect } from "@codemirror/lang-sql";

/**
 * ADQL as a CodeMirror SQL dialect. The words come from the server's ADQL engine (the page's data
 * attributes), so highlighting never disagrees with the parser: reserved words are keywords (a name that is
 * one must be quoted), ADQL's functions and the standard UDFs are built-ins. The remaining settings are
 * SQLDialect's defaults, which are ADQL's: '' escapes quotes (no backslash escapes), -- comments only,
 * "..." delimits identifiers. Regular identifiers are case-insensitive in ADQL, so completions need no
 * quotes for upper-case names such as TAP_SCHEMA.
 */
export function adqlDialect(keywords, functions) {
  return SQLDialect.define({
    keywords,
    builtin: functions,
    caseInsensitiveIdentifiers: true,
  });
}
