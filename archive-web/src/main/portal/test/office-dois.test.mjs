// node --test test/office-dois.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { el } from "./element-tree.mjs";
import { recordFacts } from "../src/office/dois.js";

test("a DataCite record's facts are read from its XML, the empty ones left out", () => {
  const resource = el("resource", {},
    el("identifier", { identifierType: "DOI" }, "10.5072/x"),
    el("creators", {}, el("creator", {}, el("creatorName", {}, "Doe, Jane"),
      el("nameIdentifier", {}, "0000-0002-1825-0097"), el("affiliation", {}, "Example Observatory"))),
    el("titles", {}, el("title", {}, "Plates"), el("title", { titleType: "AlternativeTitle" }, "demo.plates")),
    el("publisher", {}, "Demo site"),
    el("publicationYear", {}, "2024"),
    el("resourceType", { resourceTypeGeneral: "Dataset" }, "Table"),
    el("dates", {}, el("date", { dateType: "Issued" }, "2024-05-01")),
    el("relatedIdentifiers", {}, el("relatedIdentifier", { relatedIdentifierType: "arXiv", relationType: "IsDescribedBy" },
      "2101.00001")),
    el("version", {}, ""));
  assert.deepEqual(recordFacts(resource), [
    ["DOI", ["10.5072/x"]],
    ["Titles", ["Plates", "demo.plates (AlternativeTitle)"]],
    ["Creators", ["Doe, Jane [0000-0002-1825-0097], Example Observatory"]],
    ["Publisher", ["Demo site"]],
    ["Publication year", ["2024"]],
    ["Resource type", ["Dataset: Table"]],
    ["Dates", ["Issued 2024-05-01"]],
    ["Related identifiers", ["IsDescribedBy arXiv 2101.00001"]],
  ]);
});
