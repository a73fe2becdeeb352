// node --test test/my-tables.test.mjs (run by the Maven build with the unit tests): the "My tables" page's pure parts
import { test } from "node:test";
import assert from "node:assert/strict";
import { changedColumns, fileFormat, headerKept, loadMode, permissionsText, proposeColumns, proposeType, qualified,
  readDelimited, readPermissions, sharedWith, storageFigures, tableNameFor, tableNameProblem, votableType,
  vosiTable } from "../src/personal-tables.js";

test("a file's format by its extension; other names are not guessed", () => {
  assert.equal(fileFormat("targets.vot").kind, "votable");
  assert.equal(fileFormat("Targets.XML").mediaType, "application/x-votable+xml");
  assert.equal(fileFormat("a.fits").mediaType, "application/fits");
  assert.equal(fileFormat("a.fit").kind, "fits");
  assert.equal(fileFormat("list.csv").mediaType, "text/csv");
  assert.equal(fileFormat("list.tsv").mediaType, "text/tab-separated-values");
  assert.equal(fileFormat("list.tab").kind, "tsv");
  assert.equal(fileFormat("list.txt"), null);
  assert.equal(fileFormat("list.csv.gz"), null, "compressed files are not loaded");
  assert.equal(fileFormat(undefined), null);
});

test("a table name from a file's name, as the service takes it", () => {
  assert.equal(tableNameFor("My-Stars.csv"), "my_stars");
  assert.equal(tableNameFor("C:\\data\\2MASS sample.tsv"), "t_2mass_sample");
  assert.equal(tableNameFor("job_123.vot"), "t_job_123", "job_ is the kept results' prefix");
  assert.equal(tableNameFor("pg_x.fits"), "t_pg_x");
  assert.equal(tableNameFor("....csv"), "t");
  assert.equal(tableNameFor("X".repeat(80) + ".csv"), "x".repeat(63));
  for (const name of ["my_stars", "t_2mass_sample", "t_job_123", "t", "x".repeat(63)]) {
    assert.equal(tableNameProblem(name), null, name);
  }
  assert.match(tableNameProblem("Stars"), /lower-case/);
  assert.match(tableNameProblem("1stars"), /starts with/);
  assert.match(tableNameProblem("job_1"), /archive's own/);
  assert.match(tableNameProblem("x".repeat(64)), /at most 63/);
});

test("CSV: a header, quoted values with commas, quotes and line ends, CRLF, a BOM; rows cut at the last whole one", () => {
  const text = '\ufeffid,ra,dec,name\r\n1,10.68,41.27,M31\r\n2,83.82,-5.39,"Orion, M42"\r\n3,1,2,"say ""hi""\nthere"\r\n4,5,6,cut';
  const whole = readDelimited(text, "csv");
  assert.deepEqual(whole.header, ["id", "ra", "dec", "name"]);
  assert.deepEqual(whole.rows, [["1", "10.68", "41.27", "M31"], ["2", "83.82", "-5.39", "Orion, M42"],
    ["3", "1", "2", 'say "hi"\nthere'], ["4", "5", "6", "cut"]]);
  assert.equal(whole.headerBytes, 3 + "id,ra,dec,name\r\n".length, "the BOM and the line end count");
  const part = readDelimited(text, "csv", 1000, false);
  assert.equal(part.rows.length, 3, "the last record may be cut by the end of the part read");
  assert.equal(readDelimited(text, "csv", 2).rows.length, 2, "at most the limit");
  assert.deepEqual(readDelimited("", "csv"), { header: [], rows: [], headerBytes: 0 });
  assert.deepEqual(readDelimited("a,b\n\n1,2\n", "csv").rows, [["1", "2"]], "blank lines are no rows");
});

test("TSV: tabs split, youcat's escapes read, no quoting; headerBytes counts UTF-8 bytes", () => {
  const text = "n\u00e4me\tmag\nVega\t0.03\na\\tb\t\"1\"\n";
  const read = readDelimited(text, "tsv");
  assert.deepEqual(read.header, ["n\u00e4me", "mag"]);
  assert.deepEqual(read.rows, [["Vega", "0.03"], ["a\tb", '"1"']]);
  assert.equal(read.headerBytes, "name\tmag\n".length + 1, "\u00e4 is two bytes");
  assert.equal(readDelimited("a\tb\n1\t2", "tsv", 1000, false).rows.length, 0, "a line without its end may be cut");
});

test("types proposed from the values: long, double, boolean, text; empty values do not count", () => {
  assert.equal(proposeType(["1", "-2", "", "+30"]), "long");
  assert.equal(proposeType(["9223372036854775807"]), "long");
  assert.equal(proposeType(["9223372036854775808"]), "double", "beyond a long");
  assert.equal(proposeType(["1", "2.5", "1e-3", "NaN", ".5"]), "double");
  assert.equal(proposeType(["true", "False"]), "boolean");
  assert.equal(proposeType(["1", "x"]), "text");
  assert.equal(proposeType(["", "  "]), "text", "no values: text");
  assert.equal(proposeType(["0x1F"]), "text");
});

test("columns from a header: names the service accepts, unique after case folding, types from the rows", () => {
  const columns = proposeColumns(["id", "RA (deg)", "ra_deg", "2mass", "", "name"],
    [["1", "10.5", "3", "x", "", "M31"], ["2", "11", "4", "y", "", ""]]);
  assert.deepEqual(columns.map((c) => [c.name, c.type]), [["id", "long"], ["RA_deg", "double"], ["ra_deg_2", "long"],
    ["c_2mass", "text"], ["c_5", "text"], ["name", "text"]]);
  assert.equal(headerKept(columns), false);
  assert.equal(headerKept(proposeColumns(["a", "b"], [])), true);
  assert.deepEqual(votableType("text"), { datatype: "char", arraysize: "*" });
  assert.deepEqual(votableType("double"), { datatype: "double", arraysize: "" });
});

test("the VOSI table document of a new table: every column typed, texts escaped", () => {
  const doc = vosiTable({ name: "targets", description: "Targets <2027A> & more", columns: [
    { name: "id", datatype: "long" },
    { name: "ra", datatype: "double", unit: "deg", ucd: "pos.eq.ra;meta.main" },
    { name: "name", datatype: "char", arraysize: "*", description: 'a "name"' }] });
  assert.match(doc, /^<vosi:table xmlns:vosi="http:\/\/www.ivoa.net\/xml\/VOSITables\/v1.0" /);
  assert.match(doc, /<name>targets<\/name>\n {2}<description>Targets &lt;2027A&gt; &amp; more<\/description>/);
  assert.match(doc, /<column><name>id<\/name><dataType xsi:type="vs:VOTableType">long<\/dataType><\/column>/);
  assert.match(doc, /<column><name>ra<\/name><unit>deg<\/unit><ucd>pos.eq.ra;meta.main<\/ucd><dataType xsi:type="vs:VOTableType">double/);
  assert.match(doc, /<description>a &quot;name&quot;<\/description><dataType xsi:type="vs:VOTableType" arraysize="\*">char</);
  assert.match(doc, /<\/vosi:table>\n$/);
});

test("a description sends only the edited columns, with their types as they are; a cleared unit is sent empty", () => {
  const before = [{ name: "ra", datatype: "double", arraysize: "", xtype: "", unit: "deg", ucd: "pos.eq.ra", description: "" },
    { name: "pos", datatype: "double", arraysize: "2", xtype: "point", unit: "deg", ucd: "", description: "" }];
  const after = [{ ...before[0], unit: "" }, { ...before[1], description: "where" }];
  const changed = changedColumns(before, after);
  assert.deepEqual(changed.map((c) => [c.name, c.unit, c.description]), [["ra", "", ""], ["pos", "deg", "where"]]);
  assert.deepEqual(changedColumns(before, before.map((c) => ({ ...c }))), [], "nothing edited, nothing sent");
  const doc = vosiTable({ name: "t", description: "d", columns: changed });
  assert.match(doc, /<column><name>ra<\/name><description><\/description><unit><\/unit><ucd>pos.eq.ra<\/ucd><dataType xsi:type="vs:VOTableType">double<\/dataType><\/column>/);
  assert.match(doc, /<dataType xsi:type="vs:VOTableType" arraysize="2" extendedType="point">double<\/dataType>/);
});

test("permissions: youcat's text written and read; group URIs named by their group", () => {
  assert.equal(permissionsText(true, []), "public=true\nr-group=\n");
  assert.equal(permissionsText(false, new Set(["astro", "survey"])), "public=false\nr-group=astro survey\n");
  assert.deepEqual(readPermissions("owner=alice\npublic=false\nr-group=ivo://example.org/gms?astro ivo://example.org/gms?survey\nrw-group=\n"),
    { owner: "alice", isPublic: false, groups: ["astro", "survey"] });
  assert.deepEqual(readPermissions("owner=bob\r\npublic=true\r\nr-group=\r\n"), { owner: "bob", isPublic: true, groups: [] });
});

test("who may read, in words", () => {
  assert.equal(sharedWith({ public: true, readGroups: ["a"] }), "Public");
  assert.equal(sharedWith({ public: false, readGroups: ["survey", "astro"] }), "Groups: astro, survey");
  assert.equal(sharedWith({ public: false, readGroups: [] }), "Only you");
  assert.equal(sharedWith({ public: false }), "Only you");
});

test("storage figures: jobs and tables of the limit, capped for the bar, over the limit said", () => {
  const f = storageFigures({ limitBytes: 1000, usedBytes: 600, jobBytes: 200, maxTables: 100, tables: [{}, {}] });
  assert.deepEqual([f.used, f.jobs, f.tables, f.free, f.percent, f.jobsPercent, f.tablesPercent, f.over, f.count],
    [600, 200, 400, 400, 60, 20, 40, false, 2]);
  const over = storageFigures({ limitBytes: 1000, usedBytes: 1500, jobBytes: 100, maxTables: 1, tables: [] });
  assert.deepEqual([over.percent, over.free, over.over], [100, 0, true]);
  assert.equal(storageFigures({ limitBytes: 0, usedBytes: 0, jobBytes: 0, tables: [] }).percent, 100, "no room at all");
});

test("a load goes as one request up to the limit, as a job above it", () => {
  assert.equal(loadMode(10, 100), "sync");
  assert.equal(loadMode(100, 100), "sync");
  assert.equal(loadMode(101, 100), "job");
  assert.equal(loadMode(101, 0), "sync", "no limit known: the service says");
  assert.equal(qualified("user_alice", "t"), "user_alice.t");
  assert.equal(qualified("user_alice", "user_alice.t"), "user_alice.t");
});
