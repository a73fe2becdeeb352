"""pyvo (the Debian python3-pyvo package) as an all-VO image search finds the demo plates: through
ivoa.obscore, as every ObsCore client asks (dataproduct_type 'image' and a footprint that INTERSECTS
a circle), then each found plate's access_url, a Datalink links document (access_format says so), read
with DatalinkResults. Usage:
    python3 obscore_pyvo.py http://localhost:8080
Exits non-zero on the first disagreement.
"""
import sys

import pyvo
from pyvo.dal.adhoc import DatalinkResults

BASE = sys.argv[1].rstrip("/")
DATALINK = "application/x-votable+xml;content=datalink"


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


tap = pyvo.dal.TAPService(BASE + "/tap")
check("ivoa.obscore" in [t.name for t in tap.tables], "the service lists ivoa.obscore")

plates = tap.run_sync("SELECT plate_id, ra, dec FROM demo.plates ORDER BY plate_id")
check(len(plates) > 0, "the demo plates are loaded")
first = plates[0]
ra, dec = float(first["ra"]), float(first["dec"])

# what an image search sends: images whose footprint meets a small circle around a position
found = tap.search(
    "SELECT obs_id, obs_publisher_did, access_url, access_format, s_ra, s_dec, s_region, t_min, t_exptime"
    " FROM ivoa.obscore"
    f" WHERE dataproduct_type = 'image' AND INTERSECTS(s_region, CIRCLE('ICRS', {ra}, {dec}, 0.5)) = 1")
ids = [str(r["obs_id"]) for r in found]
check(str(first["plate_id"]) in ids, f"the plate at ({ra}, {dec}) is found: {ids}")
print("ok ObsCore INTERSECTS finds", ids)

contains = tap.search(
    f"SELECT obs_id FROM ivoa.obscore WHERE CONTAINS(POINT('ICRS', {ra}, {dec}), s_region) = 1")
check(str(first["plate_id"]) in [str(r["obs_id"]) for r in contains], "CONTAINS finds it too")
far = tap.search(
    "SELECT obs_id FROM ivoa.obscore WHERE dataproduct_type = 'image'"
    f" AND INTERSECTS(s_region, CIRCLE('ICRS', {(ra + 180) % 360}, {-dec}, 0.5)) = 1")
check(str(first["plate_id"]) not in [str(r["obs_id"]) for r in far], "nothing of it at the antipode")

for row in found:
    check(row["access_format"] == DATALINK, f"access_format {row['access_format']}")
    check(str(row["s_region"]).startswith("POLYGON ICRS "), f"s_region as STC-S: {row['s_region']}")
    links = DatalinkResults.from_result_url(row["access_url"])
    scans = list(links.bysemantics("#this", include_narrower=False))
    check(len(scans) == 1, f"{row['obs_id']}: one scan in its links")
    check(all(r["ID"] == row["obs_id"] for r in links), "the links are the plate's")
    check(scans[0].content_type == "image/fits", f"the scan is FITS: {scans[0].content_type}")
print("ok ObsCore access_url gives each plate's Datalink links:", len(found))
