// node --test test/position.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { offsetOf, errorRange, positionInMessage } from "../src/position.js";

const query = "SELECT TOP 5 name\nFROM demo.bsc5\nWHERE nosuch > 1";

test("line 1, column 1 is the start", () => {
  assert.equal(offsetOf(query, 1, 1), 0);
});

test("a position on a later line counts the lines before it", () => {
  assert.equal(query.slice(offsetOf(query, 3, 7)), "nosuch > 1");
  assert.deepEqual(errorRange(query, 3, 7), { from: 33 + 6, to: 33 + 12 }); // line 3 starts at 18 + 15
  assert.equal(query.slice(errorRange(query, 2, 6).from, errorRange(query, 2, 6).to), "demo.bsc5");
});

test("columns count code points, offsets UTF-16 units", () => {
  const text = "SELECT '\u{1F52D}', x FROM t"; // a telescope: two UTF-16 units, one code point
  const range = errorRange(text, 1, 13);
  assert.equal(text.slice(range.from, range.to), "x");
});

test("positions past a line or the text are clamped to their end", () => {
  assert.equal(offsetOf(query, 1, 99), 17);
  assert.equal(offsetOf(query, 9, 1), query.length);
  assert.deepEqual(errorRange(query, 9, 1), { from: query.length, to: query.length });
});

test("a quoted name or string is marked whole", () => {
  const text = 'SELECT "my col", \'it\'\'s\' FROM t';
  assert.equal(text.slice(...Object.values(errorRange(text, 1, 8))), '"my col"');
  assert.equal(text.slice(...Object.values(errorRange(text, 1, 18))), "'it''s'");
});

test("the position in a TAP error message", () => {
  assert.deepEqual(positionInMessage("ADQL error at 3:7: unknown column nosuch"), { line: 3, column: 7 });
  assert.equal(positionInMessage("the query ran longer than the limit"), null);
});
