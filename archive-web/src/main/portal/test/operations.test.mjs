// node --test test/operations.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { byOwner, bytes, exactBytes, interval, parseBytes, pivot } from "../src/office/figures.js";

test("a queue's jobs are grouped by owner with their executing and queued counts", () => {
  const groups = byOwner([
    { id: "1", owner: "bob", phase: "EXECUTING" }, { id: "2", owner: "anonymous (network 192.0.2.0/24)", phase: "QUEUED" },
    { id: "3", owner: "bob", phase: "QUEUED" }]);
  assert.deepEqual(groups.map((g) => [g.owner, g.executing, g.queued, g.jobs.map((j) => j.id)]), [
    ["anonymous (network 192.0.2.0/24)", 0, 1, ["2"]], ["bob", 1, 1, ["1", "3"]]]);
});

test("usage is summed per day (newest first) and per table (busiest first)", () => {
  const counts = [
    { day: "2026-12-04", kind: "TAP_SYNC", table: "demo.stars", requests: 2 },
    { day: "2026-12-05", kind: "TAP_SYNC", table: "demo.stars", requests: 1 },
    { day: "2026-12-05", kind: "CONE_SEARCH", table: "demo.plates", requests: 5 },
    { day: "2026-12-05", kind: "RESULT_DOWNLOAD", table: "", requests: 1 }];
  const days = pivot(counts, "day");
  assert.deepEqual(days.map((d) => [d.name, d.TAP_SYNC, d.CONE_SEARCH, d.RESULT_DOWNLOAD, d.total]),
    [["2026-12-05", 1, 5, 1, 7], ["2026-12-04", 2, 0, 0, 2]]);
  assert.deepEqual(pivot(counts, "table").map((t) => [t.name, t.total]),
    [["demo.plates", 5], ["demo.stars", 3], ["(none)", 1]]);
});

test("sizes and intervals in words", () => {
  assert.equal(bytes(512), "512 B");
  assert.equal(bytes(1536), "1.5 KiB");
  assert.equal(bytes(50 * 1024 * 1024), "50 MiB");
  assert.equal(bytes(null), "");
  assert.equal(interval(0), "off");
  assert.equal(interval(3600), "every 1 h");
  assert.equal(interval(86400), "every 1 d");
  assert.equal(interval(90), "every 90 s");
});

test("a typed size in bytes: decimal and binary units, empty for the default, anything else refused", () => {
  assert.equal(parseBytes("1000000"), 1e6);
  assert.equal(parseBytes("50 GB"), 50e9);
  assert.equal(parseBytes("2.5GiB"), 2.5 * 1024 ** 3);
  assert.equal(parseBytes(" 3 kb "), 3000);
  assert.equal(parseBytes(""), null);
  assert.equal(parseBytes(null), null);
  assert.ok(Number.isNaN(parseBytes("-1")));
  assert.ok(Number.isNaN(parseBytes("5 parsecs")));
  assert.ok(Number.isNaN(parseBytes("GB")));
});

test("a quota shown for editing reads back as the same bytes", () => {
  for (const n of [50e9, 2 * 1024 ** 3, 1234, 1536, 1e12, 0]) {
    assert.equal(parseBytes(exactBytes(n)), n, exactBytes(n));
  }
  assert.equal(exactBytes(50e9), "50 GB");
  assert.equal(exactBytes(2 * 1024 ** 3), "2 GiB");
  assert.equal(exactBytes(1536), "1536", "not a whole number of any unit");
});
