// node --test test/jobs.test.mjs (run by the Maven build with the unit tests): the Jobs page's pure parts
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatBytes, formatDuration, formatInstant, formatName, formatRows, jobDuration, jobName, resultRows }
  from "../src/job-format.js";
import { MAX_KEPT, forgetJobs, isJobId, rememberJob, rememberedJobs } from "../src/job-ids.js";
import { RowCutter, closingTags } from "../src/votable.js";

/** localStorage's interface over a Map. */
function memoryStorage() {
  const items = new Map();
  return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)), items };
}

test("durations read as a person says them", () => {
  assert.equal(formatDuration(0), "< 1 s");
  assert.equal(formatDuration(420), "< 1 s");
  assert.equal(formatDuration(1000), "1 s");
  assert.equal(formatDuration(12_300), "12 s");
  assert.equal(formatDuration(185_000), "3 min 5 s");
  assert.equal(formatDuration(600_000), "10 min");
  assert.equal(formatDuration(8 * 3600_000), "8 h");
  assert.equal(formatDuration(2 * 3600_000 + 3 * 60_000), "2 h 3 min");
  assert.equal(formatDuration(3 * 86400_000 + 4 * 3600_000), "3 d 4 h");
  assert.equal(formatDuration(null), "");
  assert.equal(formatDuration(NaN), "");
});

test("a job's duration: start to end, to now while it executes, none before it starts", () => {
  const start = "2026-01-02T03:04:05Z";
  assert.equal(jobDuration({ startTime: start, endTime: "2026-01-02T03:04:17Z", phase: "COMPLETED" }, 0), 12_000);
  const now = Date.parse(start) + 5000;
  assert.equal(jobDuration({ startTime: start, endTime: null, phase: "EXECUTING" }, now), 5000);
  assert.equal(jobDuration({ startTime: null, endTime: null, phase: "QUEUED" }, now), null);
  assert.equal(jobDuration({ startTime: null, endTime: "2026-01-02T03:04:17Z", phase: "ABORTED" }, now), null);
});

test("instants in the reader's zone, to the second", () => {
  assert.match(formatInstant("2026-01-02T03:04:05Z"), /^2026-01-0[12] \d\d:\d\d:05$/);
  assert.match(formatInstant("2026-01-02T03:04:05Z", "2026-01-02T03:04:01Z"), /^\d\d:\d\d:05$/, "the same day: the time");
  assert.match(formatInstant("2026-01-05T03:04:05Z", "2026-01-02T03:04:01Z"), /^2026-01-0[45] /, "another day: the date");
  assert.equal(formatInstant(null), "");
  assert.equal(formatInstant("not a date"), "not a date");
});

test("rows come from the job's progress when the service gives them, else not at all", () => {
  assert.deepEqual(resultRows("1234 rows"), { rows: 1234, more: false });
  assert.deepEqual(resultRows("1 row"), { rows: 1, more: false });
  assert.deepEqual(resultRows("100000 rows (MAXREC reached: the query has more)"), { rows: 100000, more: true });
  assert.equal(resultRows(null), null);
  assert.equal(resultRows("120000 rows loaded into x, done").rows, 120000);
  assert.equal(resultRows("reading"), null);
  assert.equal(formatRows({ rows: 1234567, more: false }), "1,234,567");
  assert.equal(formatRows({ rows: 5, more: true }), "5+");
  assert.equal(formatRows(null), "");
});

test("sizes, names and formats", () => {
  assert.equal(formatBytes(1), "1 byte");
  assert.equal(formatBytes(532), "532 bytes");
  assert.equal(formatBytes(12_345), "12.3 kB");
  assert.equal(formatBytes(4_500_000), "4.5 MB");
  assert.equal(formatBytes(null), "");
  assert.equal(jobName({ id: "abc", runId: " bright stars " }), "bright stars");
  assert.equal(jobName({ id: "abc", runId: null }), "job abc");
  assert.equal(formatName("application/x-votable+xml;serialization=TABLEDATA"), "VOTable (TABLEDATA)");
  assert.equal(formatName("application/x-votable+xml"), "VOTable");
  assert.equal(formatName("text/csv;header=present"), "CSV");
  assert.equal(formatName("application/fits"), "FITS");
});

test("this browser's anonymous jobs: newest first, each once, damaged storage forgotten", () => {
  const storage = memoryStorage();
  assert.deepEqual(rememberedJobs(storage), []);
  rememberJob(storage, "aaa111");
  rememberJob(storage, "bbb222");
  rememberJob(storage, "aaa111");
  assert.deepEqual(rememberedJobs(storage), ["aaa111", "bbb222"]);
  rememberJob(storage, "../etc");
  rememberJob(storage, "a b");
  assert.deepEqual(rememberedJobs(storage), ["aaa111", "bbb222"], "no path or odd text is kept as an id");
  forgetJobs(storage, ["aaa111", "nosuch"]);
  assert.deepEqual(rememberedJobs(storage), ["bbb222"]);
  storage.setItem("voarchive.anonymous-jobs", "{not json");
  assert.deepEqual(rememberedJobs(storage), []);
  storage.setItem("voarchive.anonymous-jobs", JSON.stringify(["ok1", "<script>", 7]));
  assert.deepEqual(rememberedJobs(storage), ["ok1"]);
  for (let i = 0; i < MAX_KEPT + 5; i++) {
    rememberJob(storage, `j${i}`);
  }
  assert.equal(rememberedJobs(storage).length, MAX_KEPT);
  assert.equal(rememberedJobs(storage)[0], `j${MAX_KEPT + 4}`);
  assert.ok(isJobId("e11d4b78a071774b60afd3e6") && !isJobId("") && !isJobId(null) && !isJobId("x".repeat(65)));
});

const HEAD = '<?xml version="1.0"?>\n<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">\n'
  + '<!-- <TABLE> in a comment --><INFO name="q" value="a > b"/>\n<RESOURCE type="results"><TABLE>'
  + '<FIELD name="x" datatype="int"/><DATA><TABLEDATA>\n';
const TAIL = "</TABLEDATA></DATA></TABLE><INFO name=\"QUERY_STATUS\" value=\"OK\"/></RESOURCE></VOTABLE>\n";
const rows = (n) => Array.from({ length: n }, (_, i) => `<TR><TD>${i}</TD></TR>\n`).join("");

test("the elements open where the rows are cut are closed, innermost first", () => {
  assert.equal(closingTags(HEAD), "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");
  assert.equal(closingTags('<a x="1"><b/><c>t</c><![CDATA[<d>]]><?pi <e>?>'), "</a>");
  assert.equal(closingTags("<v:A><v:B >"), "</v:B></v:A>");
});

test("a result is read up to one row past what is wanted, whatever the chunks", () => {
  const text = HEAD + rows(5) + TAIL;
  for (const size of [1, 3, 7, 64, text.length]) {
    const cutter = new RowCutter(3);
    let stopped = false;
    for (let i = 0; i < text.length && !stopped; i += size) {
      stopped = cutter.feed(text.slice(i, i + size));
    }
    assert.ok(stopped && cutter.more, `stopped after the fourth row (chunks of ${size})`);
    assert.equal(cutter.document(), HEAD + rows(3).trimEnd() + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");
  }
  const whole = new RowCutter(5);
  assert.equal(whole.feed(text), false);
  assert.ok(!whole.more);
  assert.equal(whole.document(), text, "a result of no more rows than wanted is read whole, with its status");
});
