// node --test test/catalog.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { filterCatalog, namespaceOf, readTable, readTableset, typeText } from "../src/catalog.js";
import { el } from "./element-tree.mjs";

// VOSI tables as /tap/tables?detail=max writes it (vs:VOTableType data types with arraysize and extendedType)
const column = (name, description, unit, ucd, datatype, size = null, xtype = null) => el("column", {},
  el("name", {}, name), el("description", {}, description), ...(unit ? [el("unit", {}, unit)] : []),
  el("ucd", {}, ucd), el("dataType", { ...(size ? { arraysize: size } : {}), ...(xtype ? { extendedType: xtype } : {}) },
    datatype), el("flag", {}, "indexed"));
const TABLESET = el("tableset", {},
  el("schema", {}, el("name", {}, "demo"), el("description", {}, "Demonstration catalogues"),
    el("table", { type: "table" }, el("name", {}, "demo.bsc5"), el("description", {}, "Yale Bright Star Catalogue"),
      el("nrows", {}, "9096"),
      column("hr", "Harvard Revised number", null, "meta.id;meta.main", "int"),
      column("vmag", "Visual magnitude V", "mag", "phot.mag;em.opt.V", "float"),
      column("pos", "Position", "deg", "pos;meta.main", "double", "2", "point")),
    el("table", { type: "view" }, el("name", {}, "demo.plates"), el("description", {}, "Photographic plates"),
      column("plate_id", "Plate identifier", null, "meta.id", "unicodeChar", "*"))),
  el("schema", {}, el("name", {}, "TAP_SCHEMA"),
    el("table", {}, el("name", {}, "TAP_SCHEMA.tables"), column("table_name", "Qualified name", null, "", "char", "*"))));

test("a tableset becomes schemas, tables and columns with their metadata", () => {
  const { schemas } = readTableset(TABLESET);
  assert.deepEqual(schemas.map((s) => s.name), ["demo", "TAP_SCHEMA"]);
  const [bsc5, plates] = schemas[0].tables;
  assert.equal(bsc5.name, "demo.bsc5");
  assert.equal(bsc5.local, "bsc5");
  assert.equal(bsc5.nrows, 9096);
  assert.equal(plates.type, "view");
  assert.equal(plates.nrows, null);
  assert.deepEqual(bsc5.columns[1], { name: "vmag", description: "Visual magnitude V", unit: "mag",
    ucd: "phot.mag;em.opt.V", datatype: "float", arraysize: "", xtype: "", indexed: true });
  assert.equal(typeText(bsc5.columns[2]), "double[2] point");
  assert.equal(typeText(plates.columns[0]), "unicodeChar(*)");
  assert.equal(schemas[1].tables[0].local, "tables", "the schema part goes whatever its case");
});

test("a VOSI table document (GET /tap/tables/{name}) reads as a tableset's table; flags other than indexed do not count", () => {
  const table = readTable(el("table", {}, el("name", {}, "user_alice.targets"), el("description", {}, "Mine"),
    el("column", {}, el("name", {}, "ra"), el("dataType", {}, "double"), el("flag", {}, "nullable"))), "user_alice");
  assert.equal(table.local, "targets");
  assert.equal(table.description, "Mine");
  assert.equal(table.columns[0].indexed, false);
});

test("completion gets the tables under their schemas and the columns with type, unit and description", () => {
  const namespace = namespaceOf(readTableset(TABLESET));
  assert.deepEqual(Object.keys(namespace), ["demo", "TAP_SCHEMA"]);
  assert.deepEqual(Object.keys(namespace.demo), ["bsc5", "plates"]);
  assert.deepEqual(namespace.demo.bsc5[1], { label: "vmag", type: "property", detail: "float [mag]",
    info: "Visual magnitude V" });
});

test("the filter keeps tables by name or description, and tables found by their columns with those columns", () => {
  const catalog = readTableset(TABLESET);
  const all = filterCatalog(catalog, "  ");
  assert.equal(all.count, 3);
  assert.ok([...all.tables.values()].every((v) => v === null));
  assert.deepEqual([...filterCatalog(catalog, "BRIGHT").tables], [["demo.bsc5", null]]);
  assert.deepEqual([...filterCatalog(catalog, "plate").tables], [["demo.plates", null]]);
  const byUcd = filterCatalog(catalog, "phot.mag");
  assert.deepEqual([...byUcd.tables.keys()], ["demo.bsc5"]);
  assert.deepEqual([...byUcd.tables.get("demo.bsc5")], ["vmag"]);
  assert.deepEqual([...filterCatalog(catalog, "tap_schema").tables.keys()], ["TAP_SCHEMA.tables"], "a schema's name");
  assert.equal(filterCatalog(catalog, "nothing like it").count, 0);
});

test("hundreds of tables filter in a few milliseconds", () => {
  const tables = Array.from({ length: 800 }, (_, i) => el("table", {}, el("name", {}, `big.t${i}`),
    el("description", {}, `Table number ${i}`),
    ...Array.from({ length: 30 }, (__, j) => column(`c${j}`, `Column ${j} of table ${i}`, "deg", "pos.eq.ra", "double"))));
  const catalog = readTableset(el("tableset", {}, el("schema", {}, el("name", {}, "big"), ...tables)));
  const started = performance.now();
  const found = filterCatalog(catalog, "t79");
  const elapsed = performance.now() - started;
  assert.equal(found.count, 11); // t79, t790 ... t799
  assert.ok(elapsed < 200, `filtering 800 tables of 30 columns took ${elapsed.toFixed(1)} ms`);
});
