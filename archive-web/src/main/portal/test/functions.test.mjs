// node --test test/functions.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { UDF, keywordCompletion, parseForm, readFeatures, udfNames } from "../src/functions.js";
import { el } from "./element-tree.mjs";

const feature = (form, description) => el("feature", {}, el("form", {}, form),
  ...(description ? [el("description", {}, description)] : []));
// the ADQL language of a TAPRegExt capability, as /tap/capabilities writes it
const CAPABILITIES = el("capabilities", {}, el("capability", {},
  el("language", {}, el("name", {}, "ADQL"), el("version", {}, "2.1"),
    el("languageFeatures", { type: "ivo://ivoa.net/std/TAPRegExt#features-adqlgeo" },
      feature("POINT", "a position on the sky"), feature("CONTAINS")),
    el("languageFeatures", { type: "ivo://ivoa.net/std/TAPRegExt#features-adql-common-table" }, feature("WITH")),
    el("languageFeatures", { type: UDF },
      feature("ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER", "1 if needle occurs as a word in haystack"),
      feature("my_redshift(z DOUBLE) -> DOUBLE", "an operator's own function"),
      feature("not a form at all"))),
  el("language", {}, el("name", {}, "PQL"),
    el("languageFeatures", { type: UDF }, feature("pql_only(x INTEGER) -> INTEGER")))));

test("a TAPRegExt form is a name, its arguments and its type", () => {
  assert.deepEqual(parseForm("ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER"),
    { name: "ivo_hasword", args: "haystack TEXT, needle TEXT", returns: "INTEGER" });
  assert.deepEqual(parseForm(" gavo_to_mjd( d TIMESTAMP )->DOUBLE "), { name: "gavo_to_mjd", args: "d TIMESTAMP",
    returns: "DOUBLE" });
  assert.deepEqual(parseForm("nothing()"), { name: "nothing", args: "", returns: "" });
  assert.equal(parseForm("POINT"), null);
  assert.equal(parseForm("f(x) -> ) ("), null);
});

test("the ADQL language's features: functions with signatures, words, the operators' UDFs among them", () => {
  const features = readFeatures(CAPABILITIES);
  assert.deepEqual(features.map((f) => f.name), ["POINT", "CONTAINS", "WITH", "ivo_hasword", "my_redshift"]);
  const mine = features.find((f) => f.name === "my_redshift");
  assert.deepEqual(mine, { name: "my_redshift", form: "my_redshift(z DOUBLE) -> DOUBLE", args: "z DOUBLE",
    returns: "DOUBLE", description: "an operator's own function", udf: true });
  assert.equal(features[0].args, null);
  assert.equal(udfNames(features), "ivo_hasword my_redshift");
});

test("completion shows a function's signature and description, and writes a UDF as its form does", () => {
  const complete = keywordCompletion(readFeatures(CAPABILITIES));
  assert.deepEqual(complete("MY_REDSHIFT", "variable"), { label: "my_redshift", type: "function",
    detail: "(z DOUBLE) \u2192 DOUBLE", info: "an operator's own function" });
  assert.deepEqual(complete("POINT", "variable"), { label: "POINT", type: "variable", detail: undefined,
    info: "a position on the sky" });
  assert.deepEqual(complete("SELECT", "keyword"), { label: "SELECT", type: "keyword", boost: -1 });
});
