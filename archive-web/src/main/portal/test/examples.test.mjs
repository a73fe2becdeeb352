// node --test test/examples.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readExamples } from "../src/examples.js";
import { el } from "./element-tree.mjs";

// a DALI examples document as /tap/examples writes it, and as other services do (CURIE types, content
// attributes, nested resources, properties spread over several elements)
const DOCUMENT = el("html", {}, el("body", { vocab: "http://www.ivoa.net/rdf/examples#" },
  el("h1", {}, "Query examples"),
  el("div", { id: "pleiades-cone", resource: "#pleiades-cone", typeof: "example" },
    el("h2", { property: "name" }, "Bright stars\n   near the Pleiades"),
    el("p", {}, "Stars brighter than V = 6."),
    el("pre", { property: "query" }, "\nSELECT name FROM demo.bsc5\nWHERE vmag < 6\n"),
    el("p", {}, "Table: ", el("span", { property: "table" }, "demo.bsc5"))),
  el("div", { id: "cross", typeof: "ex:example" },
    el("h2", { property: "name", content: "Cross-match" }, "ignored text"),
    el("div", { typeof: "foaf:Person" }, el("span", { property: "name" }, "Not the example's name")),
    el("pre", { property: "query" }, "SELECT * FROM TAP_UPLOAD.mine"),
    el("span", { property: "table" }, "demo.kstars"), el("span", { property: "table" }, "TAP_UPLOAD.mine")),
  el("div", { resource: "#no-query", typeof: "example" }, el("h2", { property: "name" }, "Nothing to run")),
  el("div", { resource: "#unnamed", typeof: "http://www.ivoa.net/rdf/examples#example" },
    el("pre", { property: "query" }, "SELECT 1"))));

test("each example with its name, query and tables, in document order", () => {
  assert.deepEqual(readExamples(DOCUMENT), [
    { id: "pleiades-cone", name: "Bright stars near the Pleiades", query: "SELECT name FROM demo.bsc5\nWHERE vmag < 6",
      tables: ["demo.bsc5"] },
    { id: "cross", name: "Cross-match", query: "SELECT * FROM TAP_UPLOAD.mine", tables: ["demo.kstars", "TAP_UPLOAD.mine"] },
    { id: "unnamed", name: "unnamed", query: "SELECT 1", tables: [] },
  ]);
});

test("a document without examples has none", () => {
  assert.deepEqual(readExamples(el("html", {}, el("body", {}, el("p", { property: "query" }, "SELECT 2")))), []);
});
