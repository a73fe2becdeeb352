"""pyvo (the Debian python3-pyvo package) as a real TAP client of the running archive.

Runs synchronous queries in every output format and with uploads, and checks that
every format and the upload round trip agree on the values; then async queries
through UWS (run_async, submit_job/run/wait/fetch_result, abort, delete, errors). Usage:
    python3 tap_pyvo.py http://localhost:8080/tap
Exits non-zero on the first disagreement.
"""
import io
import json
import re
import sys
import time

import numpy as np
import pyvo
from astropy.io import ascii as astropy_ascii
from astropy.table import Table

BASE = sys.argv[1]
QUERY = "SELECT TOP 20 hr, name, ra, dec, vmag FROM demo.bsc5 ORDER BY hr"
service = pyvo.dal.TAPService(BASE)


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


def values(column):
    """A column as plain Python values, masked entries as None."""
    out = []
    for v in column:
        if v is np.ma.masked or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        elif isinstance(v, (bytes, np.bytes_)):
            out.append(v.decode())
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out


def same(a, b, what):
    check(len(a) == len(b), f"{what}: {len(a)} vs {len(b)} values")
    for x, y in zip(a, b):
        if isinstance(x, float) or isinstance(y, float):
            check(x is not None and y is not None and abs(x - y) < 1e-6 or x is None and y is None, f"{what}: {x} != {y}")
        else:
            check(x == y or (x in (None, "") and y in (None, "")), f"{what}: {x!r} != {y!r}")


reference = service.run_sync(QUERY).to_table()
check(len(reference) == 20, "20 rows")
check(reference["ra"].unit == "deg", "ra carries its unit")
# astropy reads a NULL string as '' (not masked), so NULL and '' compare equal below
check(any(v in (None, "") for v in values(reference["name"])), "the first stars include unnamed ones (NULL)")
columns = ["hr", "name", "ra", "dec", "vmag"]

for fmt in ["votable", "votable/b", "votable/td", "application/x-votable+xml;serialization=BINARY2"]:
    table = service.run_sync(QUERY, responseformat=fmt).to_table()
    for c in columns:
        same(values(reference[c]), values(table[c]), f"{fmt} {c}")
    print("ok run_sync", fmt)


def raw(fmt):
    job = pyvo.dal.tap.TAPQuery(BASE, QUERY, mode="sync", responseformat=fmt)
    return job.submit().content


tables = {
    "csv": Table.read(io.BytesIO(raw("csv")), format="ascii.csv"),
    "tsv": astropy_ascii.read(raw("tsv").decode(), format="tab"),
    "fits": Table.read(io.BytesIO(raw("fits")), format="fits"),
}
document = json.loads(raw("json"))
check(document["queryStatus"] == "OK", "json queryStatus")
tables["json"] = Table(rows=document["data"], names=[c["name"] for c in document["columns"]])
for fmt, table in tables.items():
    for c in columns:
        same(values(reference[c]), [None if isinstance(v, str) and v.strip() == "" else
                                    v.strip() if isinstance(v, str) else v for v in values(table[c])], f"{fmt} {c}")
    print("ok", fmt)

# uploads: the server reads back what pyvo sends, and joins it with a published table
mine = Table({"hr": reference["hr"][:10], "label": ["star %d ✓" % i for i in range(10)]})
joined = service.run_sync(
    "SELECT m.hr, m.label, b.name, b.vmag FROM TAP_UPLOAD.mine AS m JOIN demo.bsc5 AS b ON b.hr = m.hr ORDER BY m.hr",
    uploads={"mine": mine}).to_table()
same(values(joined["hr"]), values(reference["hr"][:10]), "upload join hr")
same(values(joined["label"]), list(mine["label"]), "upload unicode labels")
same(values(joined["name"]), values(reference["name"][:10]), "upload join names")
same(values(joined["vmag"]), values(reference["vmag"][:10]), "upload join vmag")
print("ok run_sync with upload")

# a cone cross-match against the upload's positions
positions = Table({"ra": reference["ra"][:5], "dec": reference["dec"][:5]})
matched = service.run_sync(
    "SELECT p.ra, b.hr FROM TAP_UPLOAD.p AS p JOIN demo.bsc5 AS b "
    "ON 1 = CONTAINS(POINT(b.ra, b.dec), CIRCLE(p.ra, p.dec, 1.0/3600)) ORDER BY b.hr",
    uploads={"p": positions}).to_table()
same(values(matched["hr"]), values(reference["hr"][:5]), "positional cross-match")
print("ok cross-match upload")

try:
    service.run_sync("SELECT nosuchcolumn FROM demo.bsc5")
    check(False, "an ADQL error must raise")
except pyvo.dal.DALQueryError as e:
    check("nosuchcolumn" in str(e), f"the error names the column: {e}")
    print("ok error:", e)
# async (UWS): run_async, the job API step by step, abort and delete
table = service.run_async(QUERY).to_table()
for c in columns:
    same(values(reference[c]), values(table[c]), f"run_async {c}")
print("ok run_async")

table = service.run_async(
    "SELECT m.hr, m.label FROM TAP_UPLOAD.mine AS m ORDER BY m.hr", uploads={"mine": mine}).to_table()
same(values(table["label"]), list(mine["label"]), "run_async inline upload")
print("ok run_async with upload")

job = service.submit_job(QUERY, runid="pyvo-run", responseformat="votable/td")
check(job.phase == "PENDING", f"a submitted job waits for RUN: {job.phase}")
job.execution_duration = 120
check(round(job.execution_duration.sec) == 120, f"execution duration: {job.execution_duration}")
job.run()
job.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=120)
check(job.phase == "COMPLETED", f"phase after wait: {job.phase}")
job.raise_if_error()
table = job.fetch_result().to_table()
for c in columns:
    same(values(reference[c]), values(table[c]), f"submit_job {c}")
url = job.url
job.delete()
try:
    pyvo.dal.AsyncTAPJob(url).phase
    check(False, "a deleted job must be gone")
except pyvo.dal.DALServiceError as e:
    print("ok deleted job is gone:", str(e).splitlines()[0])
print("ok submit_job, run, wait, fetch_result, delete")

endless = service.submit_job("SELECT COUNT(*) FROM demo.bsc5 AS a, demo.bsc5 AS b, demo.bsc5 AS pyvo_abort")
endless.run()
# not wait(phases=["EXECUTING"]): pyvo sends WAIT=-1, which UWS 1.1 blocks while the job is EXECUTING
for _ in range(600):
    if endless.phase != "QUEUED":
        break
    time.sleep(0.1)
check(endless.phase == "EXECUTING", f"the endless job runs: {endless.phase}")
endless.abort()
check(endless.phase == "ABORTED", f"phase after abort: {endless.phase}")
endless.delete()
print("ok abort")

failing = service.submit_job("SELECT nosuchcolumn FROM demo.bsc5")
failing.run()
failing.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=60)
check(failing.phase == "ERROR", f"a bad query ends in ERROR: {failing.phase}")
# pyvo 1.2.1 reads the errorSummary message as empty: the error document has it
error = failing._session.get(failing.url + "/error").text
check("nosuchcolumn" in error and 'value="ERROR"' in error, f"the job's error document names the column: {error}")
print("ok async error document")
failing.delete()
# the service's DALI examples as pyvo reads them (RDFa in /examples); each one runs and finds rows, an
# example's TAP_UPLOAD tables being the positions above (the demo cross-match example uploads positions)
examples = service.examples
check(len(examples) >= 4, f"pyvo reads the examples: {len(examples)}")
for example in examples:
    query = example["QUERY"]
    uploads = {name: positions for name in re.findall(r"TAP_UPLOAD\.(\w+)", query, re.IGNORECASE)}
    rows = service.run_sync(query, uploads=uploads or None).to_table()
    check(len(rows) > 0, f"the example finds rows: {query}")
    print("ok example:", " ".join(query.split())[:70])
for table in ["demo.bsc5", "demo.kstars", "demo.plates"]:
    check(any(table in example["QUERY"] for example in examples), f"an example uses {table}")
print("pyvo: all checks passed")
