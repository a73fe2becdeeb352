// node --test test/results.test.mjs (run by the Maven build with the unit tests): the result view's pure parts:
// page arithmetic, value formatting, sky projections, histogram bins, SAMP's XML-RPC.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ariaSort, choosePage, chunks, errorText, nextOrder, pageCount, pageOf, pageOffset, pageQuery, rowRange }
  from "../src/result-pages.js";
import { columnAbout, formatValue, hasUcd, isNumeric, isSortable, unitSuffix } from "../src/result-values.js";
import { centredLongitude, defaultBins, extent, graticule, histogram, numbers, skyPoint } from "../src/plot-math.js";
import { SampFault, encodeValue, escapeXml, methodCall, parseResponse } from "../src/samp.js";
import { previewsOf } from "../src/previews.js";

test("pages of 100 rows: how many, where each starts, which one a row is on", () => {
  assert.equal(pageCount(100_000), 1000);
  assert.equal(pageCount(100_001), 1001);
  assert.equal(pageCount(1), 1);
  assert.equal(pageCount(0), 1, "an empty result has one (empty) page");
  assert.equal(pageOffset(1), 0);
  assert.equal(pageOffset(1000), 99_900);
  assert.equal(pageOf(0), 1);
  assert.equal(pageOf(99), 1);
  assert.equal(pageOf(100), 2);
  assert.equal(pageOf(99_900), 1000);
  assert.equal(pageOffset(pageOf(12_345)), 12_300);
});

test("a typed page number: within the pages, or none", () => {
  assert.equal(choosePage("7", 1000), 7);
  assert.equal(choosePage(" 12 ", 1000), 12);
  assert.equal(choosePage("5000", 1000), 1000, "past the last page: the last");
  assert.equal(choosePage("0", 1000), 1);
  assert.equal(choosePage("-3", 1000), 1);
  assert.equal(choosePage("2.6", 1000), 3);
  assert.equal(choosePage("", 1000), null);
  assert.equal(choosePage("abc", 1000), null);
  assert.equal(choosePage("Infinity", 1000), null);
});

test("the rows a page shows, in words", () => {
  assert.equal(rowRange(0, 100, 100_000), "rows 1\u2013100 of 100,000");
  assert.equal(rowRange(99_900, 100, 100_000), "rows 99,901\u2013100,000 of 100,000");
  assert.equal(rowRange(100, 5, 105), "rows 101\u2013105 of 105");
  assert.equal(rowRange(0, 1, 1), "row 1 of 1");
  assert.equal(rowRange(0, 0, 0), "no rows");
  assert.equal(rowRange(500, 0, 20), "no rows here: the result has 20");
});

test("a click on a header sorts by it, a second click turns the order round", () => {
  const none = { sort: null, order: "asc" };
  const vmagUp = nextOrder(none, "vmag");
  assert.deepEqual(vmagUp, { sort: "vmag", order: "asc" });
  assert.deepEqual(nextOrder(vmagUp, "vmag"), { sort: "vmag", order: "desc" });
  assert.deepEqual(nextOrder(nextOrder(vmagUp, "vmag"), "vmag"), { sort: "vmag", order: "asc" });
  assert.deepEqual(nextOrder({ sort: "vmag", order: "desc" }, "ra"), { sort: "ra", order: "asc" });
  assert.equal(ariaSort(vmagUp, "vmag"), "ascending");
  assert.equal(ariaSort({ sort: "vmag", order: "desc" }, "vmag"), "descending");
  assert.equal(ariaSort(vmagUp, "ra"), "none");
});

test("a page request's query string", () => {
  assert.equal(pageQuery({ offset: 200, limit: 100, sort: null, order: "asc" }), "offset=200&limit=100");
  assert.equal(pageQuery({ offset: 0, limit: 100, sort: "b v", order: "desc" }),
    "offset=0&limit=100&sort=b+v&order=desc");
  assert.equal(pageQuery({ sort: "ra", order: "asc" }), "sort=ra&order=asc", "a download's order alone");
});

test("a plot's rows in requests of at most 1,000", () => {
  assert.deepEqual(chunks(100_000, 10_000).length, 10);
  assert.deepEqual(chunks(100_000, 10_000)[9], { offset: 9000, limit: 1000 });
  assert.deepEqual(chunks(2500, 10_000), [{ offset: 0, limit: 1000 }, { offset: 1000, limit: 1000 },
    { offset: 2000, limit: 500 }]);
  assert.deepEqual(chunks(0, 10_000), []);
});

test("the endpoint's error message, never its raw body", () => {
  assert.equal(errorText(400, '{"error":"cannot sort by pos: it is an array"}'), "cannot sort by pos: it is an array");
  assert.equal(errorText(502, "<html><body>Bad gateway</body></html>"), "the archive answered HTTP 502");
  assert.equal(errorText(404, '{"other": 1}'), "the archive answered HTTP 404");
});

test("columns: numbers, sortable, units, what is said about them", () => {
  const ra = { name: "ra", datatype: "double", unit: "deg", ucd: "pos.eq.ra;meta.main", description: "Right ascension" };
  const name = { name: "name", datatype: "char", arraysize: "*" };
  const point = { name: "pos", datatype: "double", arraysize: "2", xtype: "point", unit: "deg" };
  assert.ok(isNumeric(ra));
  assert.ok(!isNumeric(name));
  assert.ok(!isNumeric(point), "a point is two numbers, not one");
  assert.ok(isSortable(ra) && isSortable(name) && isSortable({ name: "b", datatype: "boolean" }));
  assert.ok(!isSortable(point), "arrays are not sorted");
  assert.equal(unitSuffix(ra), " [deg]");
  assert.equal(unitSuffix(name), "");
  assert.deepEqual(columnAbout(ra), ["Right ascension", "UCD pos.eq.ra;meta.main", "type double", "unit deg"]);
  assert.deepEqual(columnAbout(point), ["type double[2] (point)", "unit deg"]);
  assert.ok(hasUcd(ra, "pos.eq.ra"));
  assert.ok(hasUcd({ ucd: "POS.EQ.DEC; meta.main" }, "pos.eq.dec"));
  assert.ok(!hasUcd({ ucd: "pos.eq.ra.err" }, "pos.eq.ra"), "a word, not a prefix");
  assert.ok(!hasUcd({}, "pos.eq.ra"));
});

test("values as the cells show them: the service's digits, arrays spaced, null as nothing", () => {
  assert.equal(formatValue(0.1234567890123), "0.1234567890123");
  assert.equal(formatValue(1e-7), "1e-7");
  assert.equal(formatValue(42), "42");
  assert.equal(formatValue(true), "true");
  assert.equal(formatValue("HD 1234"), "HD 1234");
  assert.equal(formatValue([10.5, -3.25]), "10.5 -3.25");
  assert.equal(formatValue(null), "");
  assert.equal(formatValue([1, null, 3]), "1  3");
});

test("histogram bins: equal widths from least to greatest, the greatest in the last bin", () => {
  const h = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
  assert.deepEqual(h.edges, [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(h.counts, [2, 2, 2, 2, 3]);
  assert.equal(h.counted, 11);
  const skipping = histogram([null, 1, NaN, 3, "x", 2, Infinity], 2);
  assert.equal(skipping.counted, 3, "only finite numbers are binned");
  assert.deepEqual(skipping.counts, [1, 2]);
  const same = histogram([4, 4, 4], 3);
  assert.deepEqual(same.edges.map((e) => +e.toFixed(6)), [3.5, 3.833333, 4.166667, 4.5]);
  assert.deepEqual(same.counts, [0, 3, 0]);
  assert.deepEqual(histogram([null, null], 10), { edges: [], counts: [], counted: 0 });
  assert.throws(() => histogram([1, 2], 0), RangeError);
  assert.throws(() => histogram([1, 2], 501), RangeError);
  const many = Array.from({ length: 200_000 }, (_, i) => i % 1000);
  assert.equal(histogram(many, 10).counts.reduce((a, b) => a + b), 200_000, "large inputs (no spread arguments)");
  assert.equal(defaultBins(10_000), 15);
  assert.equal(defaultBins(3), 10);
  assert.deepEqual(numbers([1, null, "2", 3.5]), [1, 3.5]);
  assert.deepEqual(extent([3, -1, 7]), { min: -1, max: 7 });
  assert.equal(extent([]), null);
});

const close = (actual, expected, what) => {
  assert.ok(Math.abs(actual[0] - expected[0]) < 1e-9 && Math.abs(actual[1] - expected[1]) < 1e-9,
    `${what}: ${actual} is not ${expected}`);
};

test("the sky projections: centre, poles, edges, east to the left", () => {
  for (const p of ["aitoff", "hammer"]) {
    close(skyPoint(0, 0, p), [0, 0], `${p}: RA 0 Dec 0 is the centre`);
    close(skyPoint(0, 90, p), [0, 1], `${p}: the north pole is the top`);
    close(skyPoint(123, -90, p), [0, -1], `${p}: the south pole is the bottom, whatever the RA`);
    close(skyPoint(179.999999999, 0, p), [-1, 0], `${p}: RA just under 180 on the left edge`);
    close(skyPoint(180.000000001, 0, p), [1, 0], `${p}: just over 180 on the right edge`);
    assert.ok(skyPoint(30, 0, p)[0] < 0, `${p}: east (greater RA) is on the left`);
    assert.ok(skyPoint(330, 0, p)[0] > 0, `${p}: west on the right`);
    close(skyPoint(-30, 10, p), skyPoint(330, 10, p), `${p}: RA -30 is RA 330`);
    close(skyPoint(390, 10, p), skyPoint(30, 10, p), `${p}: RA 390 is RA 30`);
    assert.equal(skyPoint(10, 91, p), null);
    assert.equal(skyPoint(null, 10, p), null);
  }
  // on the equator 90° east of the centre: Aitoff's x = 2·sin(45°)/sinc(45°) (of π), Hammer's sin(45°)/√(1 + cos 45°)
  const alpha = Math.PI / 4;
  close(skyPoint(90, 0, "aitoff"), [-(2 * Math.sin(alpha) / (Math.sin(alpha) / alpha)) / Math.PI, 0], "Aitoff at 90°");
  close(skyPoint(90, 0, "hammer"), [-Math.sin(Math.PI / 4) / Math.sqrt(1 + Math.cos(Math.PI / 4)), 0], "Hammer at 90°");
  // Hammer's defining equations (in its own units: x up to 2√2) for a point off the axes
  const [x, y] = skyPoint(60, 30, "hammer");
  const lambda = Math.PI / 3;
  const phi = Math.PI / 6;
  const d = Math.sqrt(1 + Math.cos(phi) * Math.cos(lambda / 2));
  close([-x * 2 * Math.SQRT2, y * Math.SQRT2], [2 * Math.SQRT2 * Math.cos(phi) * Math.sin(lambda / 2) / d,
    Math.SQRT2 * Math.sin(phi) / d], "Hammer's equations");
  assert.equal(centredLongitude(180), -Math.PI);
  assert.equal(centredLongitude(0), 0);
});

test("the graticule: meridians, parallels and the outline inside the map", () => {
  const g = graticule("aitoff", 30, 30);
  assert.equal(g.lines.length, 13 + 5, "meridians from -180 to 180, parallels -60 to 60");
  for (const line of g.lines) {
    for (const [x, y] of line) {
      assert.ok(Math.abs(x) <= 1 + 1e-9 && Math.abs(y) <= 1 + 1e-9, `inside the map: ${x}, ${y}`);
    }
  }
  const outline = g.lines[0];
  close(outline[45], [1, 0], "the -180° meridian is the right half of the outline");
  close(g.lines[12][45], [-1, 0], "+180° the left half");
  assert.deepEqual(g.labels.filter((l) => l.text.endsWith("h")).map((l) => l.text), ["0h", "4h", "8h", "12h", "16h", "20h"]);
  assert.deepEqual(g.labels.filter((l) => l.text.endsWith("\u00b0")).map((l) => l.text), ["-60\u00b0", "-30\u00b0",
    "+30\u00b0", "+60\u00b0"]);
});

test("SAMP XML-RPC: values and calls encoded", () => {
  assert.equal(escapeXml(`a<b & "c" 'd'>`), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  assert.equal(encodeValue("x&y"), "<value><string>x&amp;y</string></value>");
  assert.equal(encodeValue(["a", "b"]), "<value><array><data><value><string>a</string></value>"
    + "<value><string>b</string></value></data></array></value>");
  assert.equal(encodeValue({ "samp.name": "VO Archive" }),
    "<value><struct><member><name>samp.name</name><value><string>VO Archive</string></value></member></struct></value>");
  assert.equal(encodeValue(3), "<value><string>3</string></value>", "SAMP's scalars are strings");
  assert.throws(() => encodeValue(null), TypeError);
  const call = methodCall("samp.webhub.notifyAll", ["key-1", { "samp.mtype": "table.load.votable",
    "samp.params": { url: "http://localhost:8080/tap/async/abc/results/result?a=1&b=2", name: "job <1>" } }]);
  assert.equal(call, '<?xml version="1.0" encoding="UTF-8"?>\n<methodCall><methodName>samp.webhub.notifyAll'
    + "</methodName><params><param><value><string>key-1</string></value></param><param><value><struct>"
    + "<member><name>samp.mtype</name><value><string>table.load.votable</string></value></member>"
    + "<member><name>samp.params</name><value><struct><member><name>url</name><value><string>"
    + "http://localhost:8080/tap/async/abc/results/result?a=1&amp;b=2</string></value></member>"
    + "<member><name>name</name><value><string>job &lt;1&gt;</string></value></member></struct></value>"
    + "</member></struct></value></param></params></methodCall>\n");
});

test("SAMP XML-RPC: answers decoded, the encoded values round-trip", () => {
  const registered = `<?xml version="1.0"?>
<methodResponse>
  <params>
    <param>
      <value>
        <struct>
          <member><name>samp.private-key</name><value><string>k:7&amp;x</string></value></member>
          <member><name>samp.hub-id</name><value>hub</value></member>
          <member><name>samp.self-id</name><value>  c3  </value></member>
          <member><name>empty</name><value></value></member>
          <member><name>list</name><value><array><data>
            <value><string>a</string></value><value><i4>7</i4></value><value><boolean>1</boolean></value>
          </data></array></value></member>
        </struct>
      </value>
    </param>
  </params>
</methodResponse>`;
  assert.deepEqual(parseResponse(registered), { "samp.private-key": "k:7&x", "samp.hub-id": "hub",
    "samp.self-id": "  c3  ", empty: "", list: ["a", 7, true] });
  assert.equal(parseResponse("<methodResponse><params><param><value><string/></value></param></params>"
    + "</methodResponse>"), "", "an empty string element");
  assert.equal(parseResponse("<methodResponse><params></params></methodResponse>"), "", "no result at all");
  assert.equal(parseResponse("<methodResponse><params><param><value><string>&#233;&#x263A;</string></value>"
    + "</param></params></methodResponse>"), "\u00e9\u263a", "character references");
  const value = { "samp.mtype": "table.load.votable", "samp.params": { url: "http://h/x?a=1&b=<2>", ids: ["1", "2"] } };
  const echoed = `<methodResponse><params><param>${encodeValue(value)}</param></params></methodResponse>`;
  assert.deepEqual(parseResponse(echoed), value, "what is encoded decodes to itself");
});

test("SAMP XML-RPC: faults thrown in the hub's words, malformed answers refused", () => {
  const fault = `<methodResponse><fault><value><struct>
    <member><name>faultCode</name><value><int>1</int></value></member>
    <member><name>faultString</name><value><string>Registration denied by the user</string></value></member>
  </struct></value></fault></methodResponse>`;
  assert.throws(() => parseResponse(fault), (e) => e instanceof SampFault && e.message === "Registration denied by the user"
    && e.code === 1);
  assert.throws(() => parseResponse("<html><body>not a hub</body></html>"), SyntaxError);
  assert.throws(() => parseResponse('<!DOCTYPE x [<!ENTITY e "boom">]><methodResponse/>'), SyntaxError, "no DTDs");
  assert.throws(() => parseResponse("<methodResponse><params><param><value>&e;</value></param></params></methodResponse>"),
    SyntaxError, "no entities of its own");
  assert.throws(() => parseResponse("<methodResponse><params><param><value><string>x</value></param></params>"
    + "</methodResponse>"), SyntaxError, "unbalanced");
  assert.throws(() => parseResponse("<methodResponse><params></params></methodResponse><methodResponse/>"), SyntaxError,
    "nothing after the end");
});

test("previews: each ID's first #preview image on the page's own origin", () => {
  const columns = ["ID", "access_url", "service_def", "error_message", "semantics", "description", "content_type"]
    .map((name) => ({ name }));
  const row = (id, url, semantics, type, description = null) => [id, url, null, null, semantics, description, type];
  const answer = { columns, data: [
    row("P1", "http://archive.test/files/demo/plates/P1.fits", "#this", "image/fits"),
    row("P1", "http://archive.test/files/demo/plates/P1.png", "#preview", "image/png", "Preview of plate P1"),
    row("P1", "http://archive.test/files/demo/plates/P1-2.png", "#preview", "image/png"),
    row("P2", "https://elsewhere.test/P2.png", "#preview", "image/png"),
    row("P3", "/files/P3.jpg", "#preview", null),
    row("P4", "http://archive.test/files/P4.html", "#preview", "text/html"),
    row("P5", "http://archive.test/files/P5.png", "#preview-plot", "image/png"),
    row("P6", null, "#preview", "image/png"),
  ] };
  const found = previewsOf(answer, "http://archive.test");
  assert.deepEqual([...found.keys()], ["P1", "P3"]);
  assert.deepEqual(found.get("P1"), { url: "http://archive.test/files/demo/plates/P1.png", description: "Preview of plate P1" });
  assert.deepEqual(found.get("P3"), { url: "http://archive.test/files/P3.jpg", description: null },
    "a relative address is the archive's own");
  assert.equal(previewsOf({ columns, data: [] }, "http://archive.test").size, 0);
});
