// node --test test/jobs.test.mjs (run by the Maven build with the unit tests): the Jobs page's pure parts
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatBytes, formatDuration, formatInstant, formatLabel, formatName, formatRows, jobDuration, jobName,
  resultRows } from "../src/job-format.js";
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
  assert.equal(formatName("application/vnd.apache.parquet"), "Parquet");
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

test("live phases: never more than the limit of requests at once, every active job asked in turn", async () => {
  const { PhaseWatch } = await import("../src/phase-watch.js");
  const phases = new Map(Array.from({ length: 10 }, (_, i) => [`job${i}`, "EXECUTING"]));
  let out = 0;
  let most = 0;
  const asked = [];
  const seen = [];
  // a WAIT answered after `wait` milliseconds (for seconds), or given up when its signal says so
  const get = (url, { wait, phase, signal }) => new Promise((resolve, reject) => {
    out += 1;
    most = Math.max(most, out);
    const id = url.split("/").pop();
    asked.push({ id, wait, phase });
    const timer = setTimeout(() => {
      out -= 1;
      resolve({ id, phase: phases.get(id) });
    }, wait);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      out -= 1;
      reject(Object.assign(new Error("aborted"), { name: "AbortError" }));
    });
  });
  const watch = new PhaseWatch((id) => `/tap/async/${id}`, (job) => seen.push(job), () => {}, 3, get);
  for (const id of phases.keys()) {
    watch.watch({ id, phase: "QUEUED" });
  }
  await new Promise((resolve) => setTimeout(resolve, 30));
  for (const id of phases.keys()) {
    phases.set(id, "COMPLETED");
  }
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.equal(most, 3, "three requests at most");
  assert.deepEqual(new Set(asked.slice(0, 10).map((a) => a.id)), new Set(phases.keys()), "each job asked in turn");
  assert.equal(asked[0].phase, "QUEUED", "WAIT in the phase the page knows");
  assert.equal(asked[0].wait, 30, "a long wait while each job has a request of its own");
  assert.ok(asked.slice(3, 13).every((a) => a.wait === 2), "short waits once the jobs take turns (the long ones gave way)");
  assert.ok(asked.some((a) => a.phase === "EXECUTING"), "then in the phase the service said");
  assert.equal(watch.jobs.size, 0, "completed jobs are no longer watched");
  assert.ok(seen.filter((job) => job.phase === "COMPLETED").length === 10, "each completion reported");
  const later = asked.length;
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(asked.length, later, "nothing asked once every job is final");
  watch.watch({ id: "done", phase: "ERROR" });
  assert.equal(watch.jobs.size, 0, "a final job is not watched");
  watch.stop();
});

test("live phases: one job waits long; a job the service no longer has is reported gone", async () => {
  const { PhaseWatch } = await import("../src/phase-watch.js");
  const asked = [];
  const gone = [];
  const get = async (url, { wait }) => {
    asked.push(wait);
    const error = new Error("no such job");
    error.status = 404;
    throw error;
  };
  const watch = new PhaseWatch((id) => id, () => {}, (id) => gone.push(id), 3, get);
  watch.watch({ id: "j1", phase: "EXECUTING" });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(asked, [30]);
  assert.deepEqual(gone, ["j1"]);
  assert.equal(watch.jobs.size, 0);
});

test("the TAP service's output formats in words", () => {
  assert.equal(formatLabel({ mime: "application/x-votable+xml", aliases: ["votable", "votable/b2", "votableb2", "binary2"] }),
    "VOTable (BINARY2)");
  assert.equal(formatLabel({ mime: "application/x-votable+xml;serialization=TABLEDATA", aliases: ["votable/td"] }),
    "VOTable (TABLEDATA)");
  assert.equal(formatLabel({ mime: "application/x-votable+xml", aliases: [] }), "VOTable");
  assert.equal(formatLabel({ mime: "text/csv;header=present", aliases: ["csv"] }), "CSV");
  assert.equal(formatLabel({ mime: "application/fits", aliases: ["fits"] }), "FITS");
});
