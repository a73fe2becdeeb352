// node --test test/prefill.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { tableQuery } from "../src/prefill.js";

test("a table in the address gives a query on it", () => {
  assert.equal(tableQuery("?table=demo.bsc5"), "SELECT TOP 10 *\nFROM demo.bsc5");
  assert.equal(tableQuery("?x=1&table=TAP_SCHEMA.tables"), "SELECT TOP 10 *\nFROM TAP_SCHEMA.tables");
  assert.equal(tableQuery("?table=demo%2Ekstars"), "SELECT TOP 10 *\nFROM demo.kstars", "decoded first");
});

test("no table, or anything that is no table name, gives no query", () => {
  for (const search of ["", "?", "?table=", "?table=demo.", "?table=1abc", "?table=demo.bsc5;DROP",
    "?table=demo.bsc5%0AWHERE%201=1", "?table=a.b.c.d", "?table=%22odd%22.t", "?table=demo.bsc5%20--"]) {
    assert.equal(tableQuery(search), null, search);
  }
});
