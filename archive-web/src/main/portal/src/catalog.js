// The schemas, tables and columns the caller may query, read once from VOSI tables (one request, detail=max:
// the page's session goes with it, so a signed-in user's INTERNAL and PRIVATE tables are there too), for the
// table browser and the editor's name completion alike. readTableset works on any DOM-like element tree (only
// localName, children, getAttribute and textContent), so its mapping is tested with node --test; the page hands
// it DOMParser's document. Nothing from the document is ever parsed as HTML.
import { childText, children } from "./xml-read.js";

/**
 * {schemas: [{name, description, tables: [{name, schema, local, type, description, nrows,
 *   columns: [{name, description, unit, ucd, datatype, arraysize, xtype}]}]}]}
 * Table names are qualified, as VOSI writes them (schema.table); local is the name without its schema.
 */
export function readTableset(root) {
  const schemas = [];
  for (const schema of children(root, "schema")) {
    const schemaName = childText(schema, "name");
    const tables = children(schema, "table").map((table) => readTable(table, schemaName));
    schemas.push({ name: schemaName, description: childText(schema, "description"), tables });
  }
  return { schemas };
}

/**
 * One table element (of a tableset, or a VOSI table document's root, as GET {tap}/tables/{name} answers) as
 * readTableset gives its tables; columns also say whether they are indexed (VODataService's flag).
 */
export function readTable(table, schemaName) {
  const name = childText(table, "name");
  const prefix = schemaName.toLowerCase() + ".";
  return {
    name,
    schema: schemaName,
    local: name.toLowerCase().startsWith(prefix) ? name.slice(prefix.length) : name,
    type: table.getAttribute("type") || "table",
    description: childText(table, "description"),
    nrows: childText(table, "nrows") ? Number(childText(table, "nrows")) : null,
    columns: children(table, "column").map(readColumn),
  };
}

function readColumn(column) {
  const type = children(column, "dataType")[0];
  return {
    name: childText(column, "name"),
    description: childText(column, "description"),
    unit: childText(column, "unit"),
    ucd: childText(column, "ucd"),
    datatype: type ? type.textContent.trim() : "",
    arraysize: type ? type.getAttribute("arraysize") || "" : "",
    xtype: type ? type.getAttribute("extendedType") || "" : "",
    indexed: children(column, "flag").some((f) => f.textContent.trim() === "indexed"),
  };
}

/** A column's type as people read it: double, char(*), double[2] point. */
export function typeText(column) {
  const size = column.arraysize ? (column.datatype.toLowerCase().includes("char") ? `(${column.arraysize})`
    : `[${column.arraysize}]`) : "";
  return [column.datatype + size, column.xtype].filter(Boolean).join(" ");
}

/**
 * The catalogue as CodeMirror's SQL completion takes it: {schema: {table: [column, ...]}}; tables under their
 * unqualified names (the schema is the level above), columns with their type, unit and description.
 */
export function namespaceOf(catalog) {
  const namespace = {};
  for (const schema of catalog.schemas) {
    const tables = {};
    for (const table of schema.tables) {
      tables[table.local] = table.columns.map((c) => ({
        label: c.name,
        type: "property",
        detail: [typeText(c), c.unit && `[${c.unit}]`].filter(Boolean).join(" "),
        info: c.description || undefined,
      }));
    }
    namespace[schema.name] = tables;
  }
  return namespace;
}

/**
 * What a filter text leaves of the catalogue, case-insensitively: every table whose qualified name or
 * description contains it (with all its columns), every table of a schema whose name contains it, and the
 * tables with columns whose name, UCD or description contains it (with those columns only). An empty text
 * leaves everything.
 * @returns {{tables: Map<string, Set<string>|null>, count: number}} table name -> the matching columns' names, or
 *          null for all of them
 */
export function filterCatalog(catalog, text) {
  const words = String(text ?? "").trim().toLowerCase();
  const tables = new Map();
  for (const schema of catalog.schemas) {
    const schemaMatches = !words || schema.name.toLowerCase().includes(words);
    for (const table of schema.tables) {
      if (schemaMatches || contains(words, table.name, table.description)) {
        tables.set(table.name, null);
        continue;
      }
      const columns = table.columns.filter((c) => contains(words, c.name, c.ucd, c.description));
      if (columns.length) {
        tables.set(table.name, new Set(columns.map((c) => c.name)));
      }
    }
  }
  return { tables, count: tables.size };
}

function contains(words, ...texts) {
  return texts.some((t) => t && t.toLowerCase().includes(words));
}
