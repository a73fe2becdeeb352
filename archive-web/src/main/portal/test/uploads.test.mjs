// node --test test/uploads.test.mjs (run by the Maven build with the unit tests)
import { test } from "node:test";
import assert from "node:assert/strict";
import { UPLOAD_NAME, referencedUploads, requestBody, sizeText, uploadName } from "../src/uploads.js";
import { coneParameters } from "../src/cone.js";

test("a file's name becomes a table name ADQL and the service accept", () => {
  assert.equal(uploadName("my-stars.vot.gz"), "my_stars");
  assert.equal(uploadName("C:\\data\\2mass sample.csv"), "t_2mass_sample");
  assert.equal(uploadName("positions.xml"), "positions");
  assert.equal(uploadName("....csv"), "t");
  assert.equal(uploadName("x".repeat(80) + ".fits"), "x".repeat(63));
  for (const name of ["my_stars", "t_2mass_sample", "t", "x".repeat(63)]) {
    assert.ok(UPLOAD_NAME.test(name), name);
  }
  assert.ok(!UPLOAD_NAME.test("1x") && !UPLOAD_NAME.test("a-b") && !UPLOAD_NAME.test(""));
});

test("a query reads the uploads it names, whatever their case or quoting, each once", () => {
  const uploads = [{ name: "mine" }, { name: "Other" }, { name: "unused" }];
  assert.deepEqual(referencedUploads("SELECT * FROM tap_upload.MINE AS m JOIN TAP_UPLOAD . \"Other\" AS o "
    + "ON 1=1 WHERE m.x IN (SELECT x FROM TAP_UPLOAD.mine)", uploads), [{ name: "mine" }, { name: "Other" }]);
  assert.deepEqual(referencedUploads("SELECT * FROM demo.bsc5", uploads), []);
});

test("without uploads the body is a form, with them multipart with UPLOAD naming each file's part", async () => {
  const plain = requestBody([["QUERY", "SELECT 1"], ["LANG", "ADQL"]]);
  assert.ok(plain instanceof URLSearchParams);
  assert.equal(plain.toString(), "QUERY=SELECT+1&LANG=ADQL");
  // a chosen file as the page has it (Blob plus name: Node 18, which the build may run on, has no global File)
  const file = Object.assign(new Blob(["ra,dec\n1,2\n"], { type: "text/csv" }), { name: "pos.csv" });
  const body = requestBody([["QUERY", "SELECT * FROM TAP_UPLOAD.a"]], [{ name: "a", file },
    { name: "b", file: Object.assign(new Blob(["x"]), { name: "" }) }]);
  assert.ok(body instanceof FormData);
  assert.equal(body.get("QUERY"), "SELECT * FROM TAP_UPLOAD.a");
  assert.equal(body.get("UPLOAD"), "a,param:a;b,param:b");
  assert.equal(body.get("a").name, "pos.csv");
  assert.equal(await body.get("a").text(), "ra,dec\n1,2\n");
  assert.equal(body.get("b").name, "b", "a part always has a file name: the service takes it for an upload");
});

test("sizes read as people say them", () => {
  assert.equal(sizeText(812), "812 bytes");
  assert.equal(sizeText(14_200), "14.2 kB");
  assert.equal(sizeText(3_100_000), "3.1 MB");
});

test("a cone search's parameters: degrees, the page's row limit, JSON", () => {
  const p = coneParameters({ ra: "06:45:08.917", dec: "-16:42:58.02", radius: "30", unit: "arcmin", maxSR: "",
    limit: "", maxrec: 1000 });
  assert.equal(p.toString(), "RA=101.287154167&DEC=-16.716116667&SR=0.5&MAXREC=1000&RESPONSEFORMAT=json");
  assert.equal(coneParameters({ ra: "10", dec: "20", radius: "1", unit: "deg", limit: "5", maxrec: 1000 })
    .get("MAXREC"), "5");
  assert.equal(coneParameters({ ra: "10", dec: "20", radius: "1", unit: "deg", limit: "50000", maxrec: 1000 })
    .get("MAXREC"), "1000");
  assert.throws(() => coneParameters({ ra: "10", dec: "20", radius: "3", unit: "deg", maxSR: "2.5", maxrec: 10 }),
    /at most 2.5 degrees/);
  assert.throws(() => coneParameters({ ra: "10", dec: "20", radius: "1", unit: "deg", limit: "-3", maxrec: 10 }),
    /whole number/);
});
