// node --test test/coords.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { CoordinateError, parseDec, parseRa, parseRadius } from "../src/coords.js";

test("decimal degrees pass as they are", () => {
  assert.equal(parseRa("101.2875"), 101.2875);
  assert.equal(parseRa(" 0 "), 0);
  assert.equal(parseRa("359.5d"), 359.5);
  assert.equal(parseDec("-16.7161"), -16.7161);
  assert.equal(parseDec("+24.12°"), 24.12);
  assert.equal(parseDec("\u221216.5"), -16.5, "a typographic minus");
});

test("sexagesimal RA is in hours, Dec in degrees", () => {
  // Sirius: 06h 45m 08.917s, -16° 42′ 58.02″
  assert.equal(parseRa("06:45:08.917"), 101.287154167);
  assert.equal(parseRa("6h45m08.917s"), 101.287154167);
  assert.equal(parseRa("6 45 8.917"), 101.287154167);
  assert.equal(parseRa("06:45"), 101.25);
  assert.equal(parseRa("6.5h"), 97.5);
  assert.equal(parseDec("-16:42:58.02"), -16.716116667);
  assert.equal(parseDec("-16d42m58.02s"), -16.716116667);
  assert.equal(parseDec("-16°42′58.02″"), -16.716116667);
  assert.equal(parseDec("-00 30 00"), -0.5, "the sign of a declination between 0 and -1 degrees is kept");
  assert.equal(parseDec("+24 07"), 24.116666667);
});

test("values out of range or of no known form are refused, naming the field", () => {
  for (const [parse, text, words] of [
    [parseRa, "", /RA is missing/],
    [parseRa, "361", /out of range/],
    [parseRa, "-1", /out of range/],
    [parseRa, "24:00:01", /hours, from 0 to 24/],
    [parseRa, "-06:45:09", /hours, from 0 to 24/],
    [parseRa, "06:61:00", /below 60/],
    [parseRa, "six hours", /neither decimal degrees nor sexagesimal/],
    [parseDec, "91", /out of range/],
    [parseDec, "-90:30:00", /out of range/],
    [parseDec, "10h", /in degrees, not hours/],
    [parseDec, "12:30:60", /below 60/],
  ]) {
    assert.throws(() => parse(text), (e) => e instanceof CoordinateError && words.test(e.message), `${text}`);
  }
});

test("a radius in degrees, arcminutes or arcseconds becomes degrees", () => {
  assert.equal(parseRadius("1", "deg"), 1);
  assert.equal(parseRadius("30", "arcmin"), 0.5);
  assert.equal(parseRadius("36", "arcsec"), 0.01);
  assert.equal(parseRadius(".5", "deg"), 0.5);
  assert.throws(() => parseRadius("0", "deg"), /above 0/);
  assert.throws(() => parseRadius("181", "deg"), /at most 180/);
  assert.throws(() => parseRadius("-1", "deg"), /not a positive number/);
  assert.throws(() => parseRadius("", "arcmin"), /radius is missing/);
  assert.throws(() => parseRadius("1", "parsec"), /not degrees/);
});
