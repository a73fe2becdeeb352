"""Personal tables (issue 22) through the requests of the clients that speak youcat's interface: pyvo and cadc-tap.

Debian bookworm's python3-pyvo (1.2.1) has none of pyvo's table methods: create_table, remove_table, load_table and
create_index arrived in pyvo 1.4 (astropy/pyvo PR #274), behind pyvo.utils.activate_features('cadc-tb-upload').
This script therefore sends their exact requests (astropy/pyvo @64fbf2f, pyvo/dal/tap.py, cited line by line
below) with requests, the library pyvo itself sends them with, on a requests.Session as pyvo's TAPService holds
one: so headers, body streaming (a file object: Content-Length; a generator: chunked) and redirect handling are
pyvo's own. The index job is then followed with this pyvo's AsyncTAPJob exactly as create_index does. Where the
installed pyvo has TAPService.create_table, the life cycle runs a second time through pyvo itself.
It also sends cadc-tap's permission body (opencadc/cadctools cadctap/core.py l.710-723) and a chunked load (what
cadc-tap sends for stdin), and queries the tables with pyvo's run_sync (a cone, a cross-match with demo.kstars)
and run_async, as the owner, a member of the group the table is shared with, a user outside it and anonymously.

Usage:
    python3 personal_tables_pyvo.py http://localhost:8080
with the archive's ARCHIVE_DB_* settings in the environment (deploy/test exports them; deploy/user needs them).
Exits non-zero on the first failed check; removes its tables and users at the end, whatever happened.
"""
import io
import re
import sys
import xml.etree.ElementTree as ET

import pyvo
import requests
from astropy.table import Table
from astropy.io.votable import from_table
from pyvo.dal.tap import AsyncTAPJob

from archive_fixtures import answered, check, delete_users, make_user, owner_sql, password

BASE = sys.argv[1].rstrip("/")
TAP = BASE + "/tap"
GROUP = "pyvo_pt_readers"
OWNER = "pyvo-pt-owner"
MEMBER = "pyvo-pt-member"
OUTSIDER = "pyvo-pt-outsider"
CAPABILITIES = {"ivo://ivoa.net/std/VOSI#tables-1.1": "tables",
                "ivo://ivoa.net/std/VOSI#table-load-sync-1.x": "load",
                "ivo://ivoa.net/std/VOSI#table-update-async-1.x": "table-update",
                "ivo://ivoa.net/std/VOSI#table-permissions-1.x": "permissions"}
VOSI = "http://www.ivoa.net/xml/VOSITables/v1.0"


def endpoints():
    """The URLs as cadc-tap finds them: by capability standardID, each accessURL use="base" (core.py l.95-111)."""
    doc = ET.fromstring(answered(requests.get(f"{TAP}/capabilities"), 200, "capabilities").content)
    found = {}
    for capability in doc.iter("capability"):
        name = CAPABILITIES.get(capability.get("standardID"))
        if name:
            url = capability.find("interface/accessURL")
            found[name] = url.text.strip()
            check(name == "tables" or url.get("use") == "base", f"{name}: accessURL use=base: {url.get('use')}")
    check(set(found) == set(CAPABILITIES.values()), f"the capabilities name every endpoint: {found}")
    print("ok the capabilities declare tables, load, table-update and permissions", sorted(found))
    return found


def vosi_table(description, columns):
    """A VOSI table document, as pyvo's users write them (pyvo's docs, TAPService.create_table)."""
    cols = "".join(
        f"<column><name>{name}</name>" + (f"<unit>{unit}</unit>" if unit else "") + (f"<ucd>{ucd}</ucd>" if ucd else "")
        + f"<dataType xsi:type=\"vs:VOTableType\"{arraysize}>{datatype}</dataType></column>\n"
        for name, datatype, arraysize, unit, ucd in columns)
    return ("<vosi:table xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\" "
            "xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            f"<name>ignored</name><description>{description}</description>\n{cols}</vosi:table>\n").encode()


TARGET_COLUMNS = [("id", "long", "", None, None),
                  ("ra", "double", "", "deg", "pos.eq.ra;meta.main"),
                  ("dec", "double", "", "deg", "pos.eq.dec;meta.main"),
                  ("name", "char", " arraysize=\"*\"", None, None)]


# ---- pyvo's requests (astropy/pyvo @64fbf2f, pyvo/dal/tap.py)

def create_table(session, urls, name, definition, fmt="VOSITable"):
    """l.565-592: PUT {tables}/{name}, Content-Type from TABLE_DEF_FORMAT (l.42), data= the stream; any 2xx."""
    content_type = {"VOSITable": "text/xml", "VOTable": "application/x-votable+xml"}[fmt]
    response = session.put(f"{urls['tables']}/{name}", headers={"Content-Type": content_type}, data=definition)
    response.raise_for_status()
    return response


def remove_table(session, urls, name):
    """l.594-612: DELETE {tables}/{name}, no body; any 2xx."""
    response = session.delete(f"{urls['tables']}/{name}")
    response.raise_for_status()
    return response


def load_table(session, urls, name, source, fmt="tsv"):
    """l.614-643: POST {load}/{name}, Content-Type from TABLE_UPLOAD_FORMAT (l.38), data= the stream; any 2xx."""
    content_type = {"tsv": "text/tab-separated-values", "csv": "text/csv", "FITSTable": "application/fits"}[fmt]
    response = session.post(f"{urls['load']}/{name}", headers={"Content-Type": content_type}, data=source)
    response.raise_for_status()
    return response


def create_index(session, urls, table_name, column_name, unique=False):
    """l.645-684: POST {table-update} form table/index/unique, allow_redirects=False; exactly 303 and a Location,
    then AsyncTAPJob(location).run().wait() and raise_if_error (l.729-790, 1005, 1031-1089). Returns the job."""
    response = session.post(urls["table-update"], data={"table": table_name, "index": column_name,
                                                        "unique": "true" if unique else "false"},
                            allow_redirects=False)
    check(response.status_code == 303, f"create_index: pyvo needs 303, got {response.status_code}: {response.text}")
    location = response.headers.get("Location")
    check(location, "create_index: a Location")
    job = AsyncTAPJob(location, session=session)
    check(job.phase == "PENDING", f"the index job waits for RUN: {job.phase}")
    job.run().wait()
    return job


# ---- the checks

def queryable(service, sql):
    """The rows of a sync query, or None where the table is unknown to the caller (a DAL query error)."""
    try:
        return service.run_sync(sql).to_table()
    except pyvo.dal.DALQueryError:
        return None


def run():
    urls = endpoints()
    passwords = {user: password() for user in (OWNER, MEMBER, OUTSIDER)}
    make_user(OWNER, passwords[OWNER], GROUP)
    make_user(MEMBER, passwords[MEMBER], GROUP)
    make_user(OUTSIDER, passwords[OUTSIDER])
    sessions = {}
    for user in passwords:
        sessions[user] = requests.Session()
        sessions[user].auth = (user, passwords[user])
    owner = sessions[OWNER]
    services = {user: pyvo.dal.TAPService(TAP, session=s) for user, s in sessions.items()}
    anonymous = pyvo.dal.TAPService(TAP)

    # anonymous writes: 401 with the challenge, never an anonymous table
    refused = requests.put(f"{urls['tables']}/nobody.t", headers={"Content-Type": "text/xml"},
                           data=vosi_table("x", TARGET_COLUMNS))
    check(refused.status_code == 401 and refused.headers.get("WWW-Authenticate", "").startswith("Basic realm="),
          f"anonymous PUT: 401 with a challenge: {refused.status_code} {refused.headers} {refused.text}")
    print("ok an anonymous create is a 401")

    # create: an unqualified name is the caller's own schema; the Location names it
    created = create_table(owner, urls, "targets", io.BytesIO(vosi_table("Targets for a proposal", TARGET_COLUMNS)))
    check(created.status_code == 201, f"create: 201 (VOSI 1.2 WD), got {created.status_code}")
    location = created.headers.get("Location", "")
    match = re.fullmatch(re.escape(urls["tables"]) + r"/(user_[a-z0-9_]+)\.targets", location)
    check(match, f"create: Location {location}")
    schema = match.group(1)
    table = f"{schema}.targets"
    described = ET.fromstring(created.content)
    check(described.tag == f"{{{VOSI}}}table" and described.findtext("name") == table,
          f"create: the VOSI table answered: {created.text}")
    check(answered(owner.get(location), 200, "GET the new table").content == created.content,
          "create: the body is what GET answers")
    check(answered(owner.get(f"{urls['tables']}/targets"), 200, "GET by the bare name").content == created.content,
          "a bare name is the caller's own schema's table")
    print("ok create_table (VOSITable) ->", created.status_code, location)

    # load: CSV from a file object (Content-Length), TSV from a generator (chunked, as cadc-tap sends stdin)
    stars = services[OWNER].run_sync("SELECT TOP 3 ra, dec FROM demo.kstars ORDER BY ra, dec").to_table()
    check(len(stars) == 3, f"three demo.kstars stars: {stars}")
    csv = "id,ra,dec,name\n" + "".join(f"{i + 1},{float(s['ra'])},{float(s['dec'])},\"star {i + 1}, near\"\n"
                                       for i, s in enumerate(stars))
    loaded = load_table(owner, urls, table, io.BytesIO(csv.encode()), "csv")
    check(loaded.text.strip() == f"Inserted 3 rows to table {table}", f"load csv: {loaded.status_code} {loaded.text}")

    def tsv_chunks():
        yield b"name\tid\tra\tdec\n"
        yield b"far away\t4\t1.5\t-80.25\n"
    loaded = load_table(owner, urls, table, tsv_chunks(), "tsv")
    check(loaded.text.strip() == f"Inserted 1 row to table {table}", f"load tsv (chunked): {loaded.text}")
    bad = owner.post(f"{urls['load']}/{table}", headers={"Content-Type": "text/csv"},
                     data=b"id,ra,dec\n5,1,2\n6,x41.2,3\n")
    check(bad.status_code == 400 and "line 3" in bad.text and "ra" in bad.text,
          f"a bad row: 400 naming line and column: {bad.status_code} {bad.text}")
    count = services[OWNER].run_sync(f"SELECT COUNT(*) AS n FROM {table}").to_table()
    check(int(count["n"][0]) == 4, f"four rows, the bad load changed nothing: {count}")
    print("ok load_table csv (Content-Length) and tsv (chunked): 4 rows; a bad value is a 400 naming line 3")

    # a second table from a VOTable with rows (format='VOTable'), its FIELDs the columns
    votable = io.BytesIO()
    from_table(Table({"obj": ["a", "b"], "mag": [1.5, 2.5]})).to_xml(votable)
    votable.seek(0)
    made = create_table(owner, urls, f"{schema}.mags", votable, "VOTable")
    check(made.status_code == 201, f"create from a VOTable: {made.status_code} {made.text}")
    mags = services[OWNER].run_sync(f"SELECT obj, mag FROM {schema}.mags ORDER BY obj").to_table()
    check([str(o) for o in mags["obj"]] == ["a", "b"], f"the VOTable's rows: {mags}")
    print("ok create_table (VOTable) with its rows")

    # index: the ra/dec pair by its UCDs, pyvo's lower-case form, 303, PENDING, RUN, COMPLETED
    job = create_index(owner, urls, table, "ra")
    job.raise_if_error()
    check(job.phase == "COMPLETED", f"the index job: {job.phase}")
    indexed = services[OWNER].run_sync("SELECT column_name, indexed FROM TAP_SCHEMA.columns WHERE table_name = '"
                                       + table + "' ORDER BY column_name").to_table()
    flags = {str(r["column_name"]): int(r["indexed"]) for r in indexed}
    check(flags.get("ra") == 1 and flags.get("dec") == 1, f"TAP_SCHEMA: ra and dec indexed: {flags}")
    failed = create_index(owner, urls, table, "nosuchcolumn")
    check(failed.phase == "ERROR", f"an unknown column: the job ends in ERROR: {failed.phase}")
    try:
        failed.raise_if_error()
        check(False, "raise_if_error raised nothing")
    except pyvo.dal.DALQueryError:
        pass
    summary = answered(owner.get(failed.url), 200, "the failed job").text
    check("nosuchcolumn" in summary, f"the errorSummary names the column: {summary}")
    print("ok create_index: 303, RUN, COMPLETED, ra and dec indexed; an unknown column ends in ERROR naming it")

    # queries: a cone and a cross-match with demo.kstars, sync and async
    star = stars[0]
    cone = (f"SELECT id FROM {table} WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), "
            f"CIRCLE('ICRS', {float(star['ra'])}, {float(star['dec'])}, 0.0001))")
    check([int(i) for i in services[OWNER].run_sync(cone).to_table()["id"]] == [1], "the cone finds target 1")
    xmatch = (f"SELECT u.id FROM {table} AS u JOIN demo.kstars AS k ON 1 = CONTAINS(POINT('ICRS', u.ra, u.dec), "
              "CIRCLE('ICRS', k.ra, k.dec, 1.0/3600)) ORDER BY u.id")
    matched = sorted({int(i) for i in services[OWNER].run_sync(xmatch).to_table()["id"]})
    check(matched == [1, 2, 3], f"the cross-match pairs the three targets near stars: {matched}")
    matched = sorted({int(i) for i in services[OWNER].run_async(xmatch).to_table()["id"]})
    check(matched == [1, 2, 3], f"async: the same: {matched}")
    print("ok run_sync cone and cross-match, run_async cross-match")

    # describe: a column's unit changed (POST, 204), visible in VOSI
    update = vosi_table("Targets, described", [("name", "char", " arraysize=\"*\"", "none", "meta.id")])
    answered(owner.post(location, headers={"Content-Type": "text/xml"}, data=update), 204, "describe")
    doc = ET.fromstring(answered(owner.get(location), 200, "GET after describe").content)
    units = {c.findtext("name"): c.findtext("unit") for c in doc.iter("column")}
    check(units.get("name") == "none" and doc.findtext("description") == "Targets, described",
          f"describe: the new unit and description: {ET.tostring(doc)}")
    print("ok describe (POST) -> 204, shown by GET")

    # sharing: nobody else sees it; a bare group name; cadc-tap's body with its URI and public=true; cleared
    perms = answered(owner.get(f"{urls['permissions']}/{table}"), 200, "permissions").text
    check(f"owner={OWNER}" in perms and "public=false" in perms, f"new tables are the owner's alone: {perms}")
    check(queryable(services[MEMBER], f"SELECT id FROM {table}") is None, "the member cannot see it yet")
    shared = answered(owner.post(f"{urls['permissions']}/{table}", headers={"Content-Type": "text/plain"},
                                 data=f"r-group={GROUP}\n"), 200, "r-group by name").text
    group_uri = re.search(r"^r-group=(ivo://\S+\?" + GROUP + ")$", shared, re.M)
    check(group_uri, f"the group as a GMS URI: {shared}")
    check(len(queryable(services[MEMBER], f"SELECT id FROM {table}")) == 4, "the group member reads the rows")
    seen = answered(sessions[MEMBER].get(f"{urls['permissions']}/{table}"), 200, "permissions for a member").text
    check(f"owner={OWNER}" in seen and group_uri.group(0) in seen, f"a member sees who owns and shares it: {seen}")
    answered(sessions[OUTSIDER].get(f"{urls['permissions']}/{table}"), 404, "permissions for an outsider")
    check(queryable(services[OUTSIDER], f"SELECT id FROM {table}") is None, "the outsider does not")
    check(queryable(anonymous, f"SELECT id FROM {table}") is None, "anonymous does not")
    check(answered(sessions[MEMBER].post(f"{urls['permissions']}/{table}", headers={"Content-Type": "text/plain"},
                                         data="public=true\n"), 403, "a member shares").text, "403 text")
    answered(sessions[MEMBER].delete(f"{urls['tables']}/{table}"), 403, "a member drops")
    cadc_tap_body = f"public=true\nr-group={group_uri.group(1)}\n"  # cadctap/core.py l.710-723
    answered(owner.post(f"{urls['permissions']}/{table}", headers={"Content-Type": "text/plain"}, data=cadc_tap_body),
             200, "cadc-tap's permission body")
    check(len(queryable(anonymous, f"SELECT id FROM {table}")) == 4, "public: anonymous reads the rows")
    answered(owner.post(f"{urls['permissions']}/{table}", headers={"Content-Type": "text/plain"},
                        data="public=false\nr-group=\n"), 200, "clearing")
    check(queryable(services[MEMBER], f"SELECT id FROM {table}") is None, "cleared: the member no longer sees it")
    print("ok permissions: owner only, r-group (member yes, outsider and anonymous no), public, cleared")

    # drop: 204, then unknown everywhere
    for name in (table, f"{schema}.mags"):
        dropped = remove_table(owner, urls, name)
        check(dropped.status_code == 204, f"drop {name}: 204, got {dropped.status_code}")
        answered(owner.get(f"{urls['tables']}/{name}"), 404, f"GET {name} after the drop")
        check(queryable(services[OWNER], f"SELECT * FROM {name}") is None, f"{name}: no table after the drop")
    print("ok remove_table -> 204; the tables are gone from VOSI and ADQL")

    if hasattr(pyvo.dal.TAPService, "create_table"):
        through_pyvo(services[OWNER], table)
    else:
        print(f"skip the run through pyvo's own methods: pyvo {pyvo.__version__} has no TAPService.create_table")
    return schema


def through_pyvo(service, table):
    """The same life cycle through pyvo's own methods (pyvo 1.4 and later)."""
    pyvo.utils.activate_features("cadc-tb-upload")
    service.create_table(table, io.BytesIO(vosi_table("through pyvo", TARGET_COLUMNS)), format="VOSITable")
    service.load_table(table, io.BytesIO(b"id\tra\tdec\tname\n1\t10.5\t20.5\tone\n"), format="tsv")
    service.create_index(table, "id", unique=True)
    check(len(service.run_sync(f"SELECT * FROM {table}").to_table()) == 1, "pyvo: the row")
    service.remove_table(table)
    print("ok the life cycle through pyvo", pyvo.__version__)


def clean_up():
    for user in (OWNER, MEMBER, OUTSIDER):
        owner_sql(f"DELETE FROM archive.tables WHERE owner = '{user}'; DELETE FROM archive.schemas WHERE owner = '{user}'")
    owner_sql("DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'user_pyvo_pt_%'"
              " LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$;"
              f" DELETE FROM archive.groups WHERE name = '{GROUP}'")
    delete_users(OWNER, MEMBER, OUTSIDER)


try:
    run()
finally:
    clean_up()
print("all personal-table checks passed")
