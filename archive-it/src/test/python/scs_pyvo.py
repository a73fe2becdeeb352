"""pyvo (the Debian python3-pyvo package) as a real Simple Cone Search client of the running archive.

Searches the demo catalogues through pyvo.dal.SCSService and reads the records the
way SCS 1.03 clients do (id, pos by the SCS UCDs); checks the rows against a TAP
query of the same cone, the metadata query, MAXREC, and that a bad cone raises
DALQueryError with the service's message. Usage:
    python3 scs_pyvo.py http://localhost:8080
Exits non-zero on the first disagreement.
"""
import sys

import pyvo
from astropy.coordinates import SkyCoord

BASE = sys.argv[1].rstrip("/")


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


bsc5 = pyvo.dal.SCSService(BASE + "/scs/demo/bsc5")
sirius = SkyCoord(101.287, -16.716, unit="deg")
results = bsc5.search(pos=sirius, radius=5)
check(len(results) > 3, f"stars within 5 degrees of Sirius: {len(results)}")
first = results[0]
check(first.id == "2491", f"the nearest star is Sirius (HR 2491): {first.id!r}")
check(first.pos.separation(sirius).deg < 0.01, f"SCSRecord.pos from the SCS UCDs: {first.pos}")
distances = [float(r["_r"]) for r in results]
check(distances == sorted(distances), "nearest first")
for record in results:
    check(record.pos.separation(sirius).deg <= 5 + 1e-9, f"{record.id} lies inside the cone")
print(f"ok search: {len(results)} stars")

tap = pyvo.dal.TAPService(BASE + "/tap")
expected = tap.run_sync("SELECT hr FROM demo.bsc5 WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(101.287, -16.716, 5))")
check(sorted(str(v) for v in expected.to_table()["hr"]) == sorted(r.id for r in results),
      "the cone search finds what TAP finds")
print("ok agrees with TAP")

kstars = pyvo.dal.SCSService(BASE + "/scs/demo/kstars")
pole = kstars.search(pos=(0, 90), radius=2, verbosity=1)
check(len(pole) > 0 and all(r.pos.dec.deg >= 88 - 1e-9 for r in pole), "around the north pole")
check(set(pole.fieldnames) == {"star_id", "ra", "dec", "_r"}, f"VERB=1 columns: {pole.fieldnames}")
wide = kstars.search(pos=(0, 90), radius=2, verbosity=3)
check(len(wide.fieldnames) > 10, f"VERB=3 is every column: {wide.fieldnames}")
capped = kstars.search(pos=sirius, radius=10, maxrec=7)
check(len(capped) == 7, f"MAXREC: {len(capped)}")
metadata = kstars.search(pos=(0, 0), radius=0)
check(len(metadata) == 0 and "star_id" in metadata.fieldnames, "SR=0 is a metadata query")
print("ok verbosity, MAXREC, metadata")

try:
    bsc5.search(pos=(10, 10), radius=200)
    check(False, "SR=200 must be refused")
except pyvo.dal.DALQueryError as e:
    check("SR=200" in str(e), f"the error names the parameter: {e}")
except pyvo.dal.DALServiceError as e:
    check(False, f"a DALQueryError with the service's message was expected, not {e!r}")
print("ok errors")
print("pyvo scs: all checks passed")
