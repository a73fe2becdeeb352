"""Leaves a user's personal table with rows in the archive, for deploy/test's backup round trip: the round trip must
find users' tables to prove they are backed up and restored (the client checks before it remove their own tables).
Made through the archive's interfaces, as a user would: PUT /tap/tables (VOSI table), then POST /tap/load (CSV).

Usage:
    python3 backup_fixture.py http://localhost:8080
with the archive's ARCHIVE_DB_* settings in the environment (deploy/test exports them; deploy/user needs them).
Idempotent: a table of the same name from an earlier run is dropped first.
"""
import sys

import requests

from archive_fixtures import answered, make_user, password

BASE = sys.argv[1].rstrip("/")
USER = "backup-check-owner"
TABLE = "backup_targets"
DEFINITION = b"""<vosi:table xmlns:vosi="http://www.ivoa.net/xml/VOSITables/v1.0"
 xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<name>ignored</name><description>Targets kept across a backup and restore</description>
<column><name>id</name><dataType xsi:type="vs:VOTableType">long</dataType></column>
<column><name>ra</name><unit>deg</unit><ucd>pos.eq.ra;meta.main</ucd><dataType xsi:type="vs:VOTableType">double</dataType></column>
<column><name>dec</name><unit>deg</unit><ucd>pos.eq.dec;meta.main</ucd><dataType xsi:type="vs:VOTableType">double</dataType></column>
<column><name>name</name><dataType xsi:type="vs:VOTableType" arraysize="*">char</dataType></column>
</vosi:table>
"""
ROWS = "id,ra,dec,name\n" + "".join(f"{i},{i * 3.6:.1f},{i - 50:.1f},target {i}\n" for i in range(100))

pw = password()
make_user(USER, pw)
session = requests.Session()
session.auth = (USER, pw)
gone = session.delete(f"{BASE}/tap/tables/{TABLE}")
if gone.status_code not in (204, 404):
    answered(gone, 204, "drop of an earlier run's table")
answered(session.put(f"{BASE}/tap/tables/{TABLE}", headers={"Content-Type": "text/xml"}, data=DEFINITION), 201,
         "create")
answered(session.post(f"{BASE}/tap/load/{TABLE}", headers={"Content-Type": "text/csv"}, data=ROWS.encode()), 200,
         "load")
print(f"ok {USER} has the personal table {TABLE} with 100 rows for the backup round trip")
