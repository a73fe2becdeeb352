"""pyvo (the Debian python3-pyvo package) as a real Datalink client of the running archive.

TAP results on demo.plates carry a {links} service descriptor: iter_datalinks()
finds each plate's scan, preview and DOI, and the scan URL serves the FITS file the
link describes. DatalinkService and DatalinkResults.from_result_url read the links
of plates, schemas and tables, and unknown IDs give NotFoundFault rows. Usage:
    python3 datalink_pyvo.py http://localhost:8080
Exits non-zero on the first disagreement.
"""
import sys

import pyvo
import requests
from pyvo.dal.adhoc import DatalinkResults, DatalinkService

BASE = sys.argv[1].rstrip("/")
DOI = BASE + "/datalink/semantics#doi"


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


tap = pyvo.dal.TAPService(BASE + "/tap")
plates = tap.run_sync("SELECT plate_id, field FROM demo.plates ORDER BY plate_id")
check(len(plates) == 12, f"12 demo plates: {len(plates)}")
seen = 0
for row, links in zip(plates, plates.iter_datalinks()):
    check(isinstance(links, DatalinkResults), "iter_datalinks gives DatalinkResults")
    scans = list(links.bysemantics("#this", include_narrower=False))
    previews = list(links.bysemantics("#preview", include_narrower=False))
    dois = [r for r in links if r.semantics == DOI]
    check(len(scans) == 1 and len(previews) == 1 and len(dois) == 1, f"{row['plate_id']}: scan, preview, DOI")
    check(all(r["ID"] == row["plate_id"] for r in links), "the links are the row's")
    check(dois[0].access_url.startswith("https://doi.org/10.5072/"), f"test DOI: {dois[0].access_url}")
    seen += 1
check(seen == 12, f"links for every plate: {seen}")
scan = next(plates.iter_datalinks()).bysemantics("#this", include_narrower=False)
scan = list(scan)[0]
fits = requests.get(scan.access_url)
check(fits.status_code == 200 and fits.content.startswith(b"SIMPLE  ="), "the scan is a FITS file")
check(len(fits.content) == int(scan.content_length), f"content_length {scan.content_length} = {len(fits.content)}")
check(scan.content_type == "image/fits", scan.content_type)
print("ok iter_datalinks over TAP results")

service = DatalinkService(BASE + "/datalink/links")
table = service.run_sync("demo.plates")
check([r.semantics for r in table][:2] == [DOI, "#documentation"], f"a table's DOI and landing page: {table.to_table()}")
landing = requests.get(table[1].access_url)
check(landing.status_code == 200 and "10.5072/voarchive.demo.plates" in landing.text, "the landing page shows the DOI")
unknown = DatalinkResults.from_result_url(BASE + "/datalink/links?ID=no-such-object")
check(len(unknown) == 1 and unknown[0]["error_message"].startswith("NotFoundFault"), "NotFoundFault row")
print("ok DatalinkService, from_result_url, NotFoundFault")
print("pyvo datalink: all checks passed")
