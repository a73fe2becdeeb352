// node --test test/office.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { canonical, changes, conflicts, moved, names, paragraphs, same, shown } from "../src/office/edits.js";
import { detailsOf } from "../src/account-api.js";

const FIELDS = ["title", "description", "doi"];

test("an edit sends the fields changed, and \"\" for one emptied (the API clears it)", () => {
  const base = { title: "Stars", description: "Bright stars", doi: null, version: 3 };
  assert.deepEqual(changes(base, { title: "Stars", description: null, doi: "10.1234/x" }, FIELDS),
    { description: "", doi: "10.1234/x" });
  assert.deepEqual(changes(base, { title: "Stars", description: "Bright stars", doi: null }, FIELDS), {});
});

test("values compare by content: keys in any order, absent, null and empty alike", () => {
  assert.ok(same({ name: "A", orcid: null, affiliations: [] }, { affiliations: [], name: "A" }));
  assert.ok(same([{ b: 1, a: 2 }], [{ a: 2, b: 1 }]));
  assert.ok(!same(["a", "b"], ["b", "a"]));
  assert.ok(same(null, []));
  assert.ok(same("", undefined));
  assert.deepEqual(canonical({ z: 1, a: { y: "", x: [1] } }), { a: { x: [1] }, z: 1 });
});

test("a conflict shows their change and mine, field by field, and where both changed", () => {
  const base = { title: "Stars", description: "old", doi: null };
  const current = { title: "Bright stars", description: "old", doi: null };
  const mine = { title: "Stars", description: "new", doi: null };
  assert.deepEqual(conflicts(base, current, mine, FIELDS), [
    { field: "title", base: "Stars", current: "Bright stars", mine: "Stars", theirs: true, yours: false, both: false },
    { field: "description", base: "old", current: "old", mine: "new", theirs: false, yours: true, both: false }]);
  const clash = conflicts(base, current, { ...mine, title: "Faint stars" }, FIELDS)[0];
  assert.ok(clash.theirs && clash.yours && clash.both);
  // both to the same value is no clash
  assert.equal(conflicts(base, current, { ...mine, title: "Bright stars" }, FIELDS)[0].both, false);
});

test("values show in words", () => {
  assert.equal(shown(null), "(empty)");
  assert.equal(shown([]), "(none)");
  assert.equal(shown([{ name: "Smith, J.", orcid: "0000-0002-1825-0097" }, { name: "AIP" }]),
    "Smith, J. (0000-0002-1825-0097); AIP");
  assert.equal(shown({ ra: 10, dec: -5, sr: 0.1 }), "ra 10, dec -5, sr 0.1");
  assert.equal(shown(false), "false");
});

test("the long description's preview: paragraphs at blank lines, lines joined, no markup", () => {
  assert.deepEqual(paragraphs("First line\nsame paragraph.\n\n  <b>Second</b>  \n\n\n"),
    ["First line same paragraph.", "<b>Second</b>"]);
  assert.deepEqual(paragraphs(null), []);
  assert.deepEqual(paragraphs("a\r\n\r\nb"), ["a", "b"]);
});

test("columns move within the list; a move past an end changes nothing", () => {
  assert.deepEqual(moved(["a", "b", "c"], 2, 0), ["c", "a", "b"]);
  assert.deepEqual(moved(["a", "b", "c"], 0, -1), ["a", "b", "c"]);
  assert.deepEqual(names(" a, ,b ,c"), ["a", "b", "c"]);
});

test("a refusal's JSON reaches the page: the field the admin API names, or the version now", () => {
  assert.deepEqual(detailsOf("application/json", '{"field":"ucd","message":"\'x\' is not a UCD1+ word"}'),
    { field: "ucd", message: "'x' is not a UCD1+ word" });
  assert.equal(detailsOf("text/plain", "{}"), null);
  assert.equal(detailsOf("application/json", "not json"), null);
});
