// A VOTable result's first rows in the browser, without reading the rest: the text is read from the response
// as it streams until one row more than wanted has come (or the document ends), cut after the last wanted row,
// closed with the end tags of the elements still open there, and parsed with DOMParser. Only TABLEDATA rows are
// text; other serializations (BINARY, BINARY2, FITS) are for a VO client. Values are never parsed as HTML.

const ROW_END = /<\/(?:[\w.-]+:)?TR\s*>/g;
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const NON_TEXT = new Set(["boolean", "bit", "unsignedByte", "short", "int", "long", "float", "double",
  "floatComplex", "doubleComplex"]);

/**
 * Counts TABLEDATA rows in text that grows chunk by chunk: feed(chunk) returns true once more than max rows
 * have come; then cut() is the text up to the end of row max.
 */
export class RowCutter {
  constructor(max) {
    this.max = max;
    this.text = "";
    this.rows = 0;
    this.from = 0;
    this.cutAt = -1;
  }

  feed(chunk) {
    this.text += chunk;
    ROW_END.lastIndex = this.from;
    for (let m = ROW_END.exec(this.text); m; m = ROW_END.exec(this.text)) {
      this.rows += 1;
      this.from = ROW_END.lastIndex;
      if (this.rows === this.max) {
        this.cutAt = this.from;
      }
      if (this.rows > this.max) {
        return true;
      }
    }
    this.from = Math.max(this.from, this.text.length - 64); // an end tag split between two chunks is found next time
    return false;
  }

  /** Whether more rows came than wanted. */
  get more() {
    return this.rows > this.max;
  }

  /** The document: whole if it had no more rows than wanted, else cut after row max and closed. */
  document() {
    if (!this.more) {
      return this.text;
    }
    const prefix = this.text.slice(0, this.cutAt);
    return prefix + closingTags(prefix);
  }
}

/** The end tags of the elements open at the end of an XML text, innermost first. */
export function closingTags(prefix) {
  const open = [];
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(prefix); m; m = MARKUP.exec(prefix)) {
    if (!m[2]) {
      continue; // a comment, CDATA section, processing instruction or DOCTYPE
    }
    if (m[1]) {
      open.pop();
    } else if (!m[4]) {
      open.push(m[2]);
    }
  }
  return open.reverse().map((name) => `</${name}>`).join("");
}

/**
 * Reads at most max rows of a VOTable response: {columns, data, more, queryStatus, error}. more: the result has
 * further rows, not read; queryStatus and error: the document's QUERY_STATUS after the table, when it was read.
 */
export async function readVOTable(response, max) {
  const cutter = new RowCutter(max);
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      cutter.feed(decoder.decode());
      break;
    }
    if (cutter.feed(decoder.decode(value, { stream: true }))) {
      reader.cancel().catch(() => {}); // enough: the rest is never read
      break;
    }
  }
  return parseVOTable(cutter.document(), cutter.more);
}

function children(element, name) {
  return element ? [...element.children].filter((c) => c.localName === name) : [];
}

/** The first TABLE of a VOTable document as {columns, data, more, queryStatus, error}. */
export function parseVOTable(text, more) {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length || doc.documentElement.localName !== "VOTABLE") {
    throw new Error("the result is not a VOTable this page can read");
  }
  const table = doc.getElementsByTagNameNS("*", "TABLE")[0];
  if (!table) {
    throw new Error("the result has no table");
  }
  const columns = children(table, "FIELD").map((f) => ({
    name: f.getAttribute("name"),
    datatype: f.getAttribute("datatype"),
    arraysize: f.getAttribute("arraysize"),
    unit: f.getAttribute("unit"),
    ucd: f.getAttribute("ucd"),
    description: children(f, "DESCRIPTION")[0]?.textContent.trim() ?? null,
  }));
  const binary = children(table, "DATA").some((d) => children(d, "TABLEDATA").length === 0);
  if (binary) {
    throw new Error("the result's rows are binary (not TABLEDATA): open it in a VO client such as TOPCAT");
  }
  const data = children(children(children(table, "DATA")[0], "TABLEDATA")[0], "TR").map((tr) =>
    children(tr, "TD").map((td, i) => {
      const value = td.textContent;
      const column = columns[i];
      // an empty cell of a number is null; of a string, an empty string
      return value === "" && column && NON_TEXT.has(column.datatype) ? null : value;
    }));
  let queryStatus = null;
  let error = null;
  for (const info of doc.getElementsByTagNameNS("*", "INFO")) {
    if (info.getAttribute("name") === "QUERY_STATUS") {
      queryStatus = info.getAttribute("value"); // the last one: after the table, when the end was read
      if (queryStatus === "ERROR") {
        error = info.textContent.trim();
      }
    }
  }
  return { columns, data, more, queryStatus, error };
}
