// How a result's columns and values read in the pages (the query page's rows, a job's result pages, the plot's
// column choices): a column's header and what is said about it, its values as text, and which columns can be
// sorted and plotted. Pure functions of the columns TAP's JSON and the archive's result pages describe
// ({name, datatype, arraysize, xtype, unit, ucd, description}).

const NUMERIC = new Set(["short", "int", "long", "float", "double", "unsignedByte"]);
const TEXT = new Set(["char", "unicodeChar"]);

/** Whether a column holds one number a row (not an array of them): right-aligned, plotted. */
export function isNumeric(column) {
  return NUMERIC.has(column.datatype) && !column.arraysize;
}

/**
 * Whether the result pages can sort by a column: one value a row (a number, a text, a boolean, an instant); not
 * arrays, which include the geometries (a point is two doubles), for which no order is defined.
 */
export function isSortable(column) {
  return !column.arraysize || TEXT.has(column.datatype);
}

/** The unit as the header shows it after the name (" [deg]"), or "" for a column without one. */
export function unitSuffix(column) {
  return column.unit ? ` [${column.unit}]` : "";
}

/** What is known about a column, one fact a line: its description, UCD, type (and unit). */
export function columnAbout(column) {
  const type = column.datatype
    ? column.datatype + (column.arraysize ? `[${column.arraysize}]` : "") + (column.xtype ? ` (${column.xtype})` : "")
    : null;
  return [column.description, column.ucd && `UCD ${column.ucd}`, type && `type ${type}`,
    column.unit && `unit ${column.unit}`].filter(Boolean);
}

/** Whether the column's UCD has this word (UCDs are lists of words joined by ';', compared without case). */
export function hasUcd(column, word) {
  return (column.ucd || "").toLowerCase().split(";").map((w) => w.trim()).includes(word.toLowerCase());
}

/**
 * A value as a cell shows it: numbers with the digits the service wrote (JSON keeps a float's own digits: no
 * rounding here, a reader may need them all), arrays space-separated, null as nothing.
 */
export function formatValue(value) {
  if (value === null || value === undefined) {
    return "";
  }
  if (Array.isArray(value)) {
    return value.map(formatValue).join(" ");
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
