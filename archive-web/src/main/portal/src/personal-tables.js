// What the "My tables" page (my-tables.js) computes before it calls the archive's public interfaces for
// personal tables (VOSI tables PUT/POST/DELETE, /tap/load, /tap/load-jobs, /tap/permissions): no DOM here, so
// node --test checks it. The formats of files by their names, the first rows of a CSV or TSV file and the types
// proposed for its columns, the VOSI table document of a new table or of a description, the youcat permission
// text, and the storage figures in words. The service checks everything again: these only save a round trip
// and say what the page will send.

/** A personal table's name as the service accepts it (lower case; not job_ or pg_: those are the archive's). */
export const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** A column's name as the service accepts it. */
export const COLUMN_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
/** The rows of a CSV or TSV file the page reads to propose its columns' types. */
export const SAMPLE_ROWS = 1000;
/** The bytes read from the start of a CSV or TSV file for those rows (a longer file is cut at a record's end). */
export const SAMPLE_BYTES = 4 * 1024 * 1024;
/** The types the page proposes (and offers) for a delimited file's columns, as VOTable datatypes. */
export const COLUMN_TYPES = [
  { value: "long", label: "integer (long)" },
  { value: "double", label: "number (double)" },
  { value: "text", label: "text" },
  { value: "boolean", label: "boolean" },
];
const VOSI_TABLES = "http://www.ivoa.net/xml/VOSITables/v1.0";
const VOSI_DATASERVICE = "http://www.ivoa.net/xml/VODataService/v1.1";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

/**
 * A file's format by its name's extension: {kind: "votable"|"fits"|"csv"|"tsv", mediaType}, or null for a name
 * the page cannot tell (the service would refuse it as 415).
 */
export function fileFormat(fileName) {
  const name = String(fileName ?? "").toLowerCase();
  if (/\.(vot|votable|xml)$/.test(name)) {
    return { kind: "votable", mediaType: "application/x-votable+xml" };
  }
  if (/\.(fits|fit|fts)$/.test(name)) {
    return { kind: "fits", mediaType: "application/fits" };
  }
  if (/\.csv$/.test(name)) {
    return { kind: "csv", mediaType: "text/csv" };
  }
  if (/\.(tsv|tab)$/.test(name)) {
    return { kind: "tsv", mediaType: "text/tab-separated-values" };
  }
  return null;
}

/** A table name for a file: its base name in lower case as an identifier (My-Stars.csv -> my_stars). */
export function tableNameFor(fileName) {
  const base = String(fileName ?? "").replace(/^.*[\\/]/, "").replace(/(\.(gz|xml|vot|votable|csv|tsv|tab|fits?|fts))+$/i, "");
  let name = base.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (!/^[a-z]/.test(name) || /^(job|pg)_/.test(name)) {
    name = "t_" + name;
  }
  return name.slice(0, 63).replace(/_+$/, "") || "t";
}

/** Why a name is no personal table's name (the service's rule, said before the request), or null. */
export function tableNameProblem(name) {
  if (!TABLE_NAME.test(name)) {
    return "a table's name starts with a lower-case letter, then lower-case letters, digits and _ (at most 63)";
  }
  if (/^(job|pg)_/.test(name)) {
    return "names starting with job_ or pg_ are the archive's own";
  }
  return null;
}

/**
 * The records of the start of a CSV or TSV file: {header: [names], rows: [[values]], headerBytes} where
 * headerBytes is the length in bytes (UTF-8) of the header line with its line end, and rows are at most `limit`;
 * a record cut by the end of the text read (`complete` false) is left out. CSV as RFC 4180 (quotes, doubled
 * quotes, line ends inside quotes); TSV as IANA's text/tab-separated-values, with the \t \n \\ escapes youcat reads.
 */
export function readDelimited(text, kind, limit = SAMPLE_ROWS, complete = true) {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  const records = kind === "tsv" ? tsvRecords(body, limit + 1, complete) : csvRecords(body, limit + 1, complete);
  if (!records.length) {
    return { header: [], rows: [], headerBytes: 0 };
  }
  const [first, ...rows] = records;
  const bom = text.length - body.length ? 3 : 0;
  return { header: first.values.map((v) => v.trim()), rows: rows.map((r) => r.values),
    headerBytes: bom + new TextEncoder().encode(body.slice(0, first.end)).length };
}

function csvRecords(text, limit, complete) {
  const records = [];
  let values = [];
  let value = "";
  let quoted = false;
  let i = 0;
  while (i < text.length && records.length < limit) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
      } else {
        value += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && value === "") {
      quoted = true;
    } else if (c === ",") {
      values.push(value);
      value = "";
    } else if (c === "\r" || c === "\n") {
      const end = c === "\r" && text[i + 1] === "\n" ? i + 2 : i + 1;
      values.push(value);
      records.push({ values, end });
      values = [];
      value = "";
      i = end;
      continue;
    } else {
      value += c;
    }
    i += 1;
  }
  if (records.length < limit && complete && !quoted && (value !== "" || values.length)) {
    values.push(value);
    records.push({ values, end: text.length });
  }
  return records.filter((r) => !(r.values.length === 1 && r.values[0] === ""));
}

function tsvRecords(text, limit, complete) {
  const records = [];
  let start = 0;
  while (start < text.length && records.length < limit) {
    let lineEnd = text.indexOf("\n", start);
    if (lineEnd < 0 && !complete) {
      break;
    }
    if (lineEnd < 0) {
      lineEnd = text.length;
    }
    const line = text.slice(start, lineEnd).replace(/\r$/, "");
    if (line !== "") {
      records.push({ values: line.split("\t").map(unescapeTsv), end: Math.min(lineEnd + 1, text.length) });
    }
    start = lineEnd + 1;
  }
  return records;
}

function unescapeTsv(value) {
  return value.replace(/\\([tnr\\])/g, (_, c) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c]);
}

/** The narrowest of long, double, boolean and text that every non-empty value fits (empty values are NULL). */
export function proposeType(values) {
  const present = values.map((v) => String(v ?? "").trim()).filter((v) => v !== "");
  if (!present.length) {
    return "text";
  }
  if (present.every(isLong)) {
    return "long";
  }
  if (present.every((v) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) || /^[+-]?(inf|infinity|nan)$/i.test(v))) {
    return "double";
  }
  if (present.every((v) => /^(true|false)$/i.test(v))) {
    return "boolean";
  }
  return "text";
}

function isLong(v) {
  if (!/^[+-]?\d{1,19}$/.test(v)) {
    return false;
  }
  const n = BigInt(v);
  return n >= LONG_MIN && n <= LONG_MAX;
}

/**
 * The columns proposed for a delimited file: [{name, header, type}] in the file's order, each header made a
 * column name the service accepts (RA (deg) -> RA_deg; duplicates after case folding get _2, _3).
 */
export function proposeColumns(header, rows) {
  const taken = new Set();
  return header.map((h, i) => {
    let name = String(h).replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
    if (!/^[A-Za-z]/.test(name)) {
      name = "c_" + (name || String(i + 1));
    }
    name = name.slice(0, 60);
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n += 1) {
      unique = `${name}_${n}`;
    }
    taken.add(unique.toLowerCase());
    return { name: unique, header: h, type: proposeType(rows.map((r) => r[i])) };
  });
}

/** Whether the columns keep the file's header names (then the file is loaded with its header line). */
export function headerKept(columns) {
  return columns.every((c) => c.name === c.header);
}

/** A page type as VOTable's datatype and arraysize. */
export function votableType(type) {
  return type === "text" ? { datatype: "char", arraysize: "*" } : { datatype: type, arraysize: "" };
}

function escapeXml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/**
 * A VOSI table document (VOSI 1.2 WD, as PUT and POST on {tap}/tables/{name} take it): the table's name and
 * description, and its columns [{name, datatype, arraysize, xtype, unit, ucd, description}]. Texts that are
 * null are left out (not given); empty ones are written as empty elements (a description that clears a unit).
 */
export function vosiTable({ name, description, columns }) {
  const lines = [`<vosi:table xmlns:vosi="${VOSI_TABLES}" xmlns:vs="${VOSI_DATASERVICE}" xmlns:xsi="${XSI}">`,
    `  <name>${escapeXml(name)}</name>`];
  if (description !== undefined && description !== null) {
    lines.push(`  <description>${escapeXml(description)}</description>`);
  }
  for (const c of columns) {
    const parts = [`<name>${escapeXml(c.name)}</name>`];
    for (const key of ["description", "unit", "ucd"]) {
      if (c[key] !== undefined && c[key] !== null) {
        parts.push(`<${key}>${escapeXml(c[key])}</${key}>`);
      }
    }
    if (c.datatype) {
      const size = c.arraysize ? ` arraysize="${escapeXml(c.arraysize)}"` : "";
      const xtype = c.xtype ? ` extendedType="${escapeXml(c.xtype)}"` : "";
      parts.push(`<dataType xsi:type="vs:VOTableType"${size}${xtype}>${escapeXml(c.datatype)}</dataType>`);
    }
    lines.push(`  <column>${parts.join("")}</column>`);
  }
  lines.push("</vosi:table>", "");
  return lines.join("\n");
}

/**
 * The columns whose description, unit or UCD the editor changed, with their types as they are (the service
 * reads every column of a VOSI table with its dataType, and refuses another type: a description changes no
 * structure): [{name, datatype, arraysize, xtype, unit, ucd, description}].
 */
export function changedColumns(before, after) {
  const old = new Map(before.map((c) => [c.name, c]));
  return after.filter((c) => {
    const o = old.get(c.name) || {};
    return ["unit", "ucd", "description"].some((k) => (o[k] || "") !== (c[k] || ""));
  }).map((c) => ({ name: c.name, datatype: c.datatype, arraysize: c.arraysize || "", xtype: c.xtype || "",
    unit: c.unit || "", ucd: c.ucd || "", description: c.description || "" }));
}

/** The youcat permission text that gives read access to exactly these: public or not, and these groups. */
export function permissionsText(isPublic, groups) {
  return `public=${isPublic ? "true" : "false"}\nr-group=${[...groups].join(" ")}\n`;
}

/**
 * The youcat permission text the service answers, read: {owner, isPublic, groups}; a group written as its URI
 * ({authority}/gms?{group}) is named by the part after "?".
 */
export function readPermissions(text) {
  const found = { owner: null, isPublic: false, groups: [] };
  for (const line of String(text).split(/\r?\n/)) {
    const at = line.indexOf("=");
    if (at < 0) {
      continue;
    }
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (key === "owner") {
      found.owner = value || null;
    } else if (key === "public") {
      found.isPublic = value === "true";
    } else if (key === "r-group") {
      found.groups = value.split(/\s+/).filter(Boolean).map((g) => (g.includes("?") ? g.slice(g.lastIndexOf("?") + 1) : g));
    }
  }
  return found;
}

/** Who may read a table, in words: "Public", "Groups: a, b" or "Only you". */
export function sharedWith(table) {
  if (table.public) {
    return "Public";
  }
  const groups = table.readGroups || [];
  return groups.length ? `Groups: ${[...groups].sort().join(", ")}` : "Only you";
}

/**
 * The caller's storage in figures: {used, jobs, tables, limit, free, percent, jobsPercent, tablesPercent, over,
 * count, maxTables}. percent is of the limit (100 at most for the bar), over whether the use is past it.
 */
export function storageFigures(storage) {
  const limit = Math.max(0, Number(storage.limitBytes) || 0);
  const jobs = Math.max(0, Number(storage.jobBytes) || 0);
  const used = Math.max(jobs, Number(storage.usedBytes) || 0);
  const tables = used - jobs;
  const share = (n) => (limit > 0 ? Math.min(100, (100 * n) / limit) : 100);
  return {
    used, jobs, tables, limit, free: Math.max(0, limit - used), percent: share(used), jobsPercent: share(jobs),
    tablesPercent: Math.max(0, share(used) - share(jobs)), over: used > limit,
    count: (storage.tables || []).length, maxTables: storage.maxTables,
  };
}

/** How a file is loaded: "sync" (one request to /tap/load) up to the body limit, "job" (/tap/load-jobs) above. */
export function loadMode(size, maxBytes) {
  return maxBytes > 0 && size > maxBytes ? "job" : "sync";
}

/** A personal table's qualified name from the schema and the name /account/storage gives (qualified or not). */
export function qualified(schema, name) {
  return name.includes(".") ? name : `${schema}.${name}`;
}

