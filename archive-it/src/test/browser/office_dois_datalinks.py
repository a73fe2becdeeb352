#!/usr/bin/env python3
"""The back office's DOIs and Datalinks pages (/admin/dois, /admin/datalinks) in a real browser: Debian's headless
Chromium driven by Selenium through Debian's chromium-driver, as backoffice.py does. Nothing is downloaded.

As a curator would, it checks:
  - a datalink file uploaded on the Datalinks page is previewed before anything changes: the file is every
    stored row (read as the owner role, as the archive stores them) with one ID's description changed, one ID
    left out and one ID added, loaded with "replace"; the preview lists exactly those three IDs (replaced with
    the field that changes, removed, added) and the stored rows are still as they were;
  - Apply changes exactly those: the public {links} endpoint then gives the new description, no links of the
    removed ID and the added ID's link, and every other stored row keeps its id and date;
  - looking up an ID on the page shows its links;
  - the DOIs page lists demo.plates; its record shows rendered (title, DOI), as XML, and "valid" against the
    DataCite 4.5 schema, with its registration state; the table's back office page links that record;
  - the Export and import page: the export's link, and an import of one table's entry (another title) says it
    updated that table, which then has the title;
  - no errors in the console.
Registration with DataCite is checked by OfficeDoisDatalinksIT and DoiIT (the DataCite stand-in lives there).
Screenshots go to --screenshots as office-doi-*.png. Makes its own users and datalink rows, and removes them at
the end, also when a check fails.

Usage: python3 office_dois_datalinks.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import base64
import csv
import io
import json
import os
import sys
import tempfile
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from backoffice import sign_in
from chromium import Failure, check, main, no_console_errors, session
from metadata_pages import screenshot

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from archive_fixtures import delete_users, make_user, owner_copy, owner_sql, password  # noqa: E402

CURATOR = "browser-doidl-curator"
ADMIN = "browser-doidl-admin"
PREFIX = "browser-doidl-"
KEEP, CHANGE, GONE, NEW = PREFIX + "keep", PREFIX + "change", PREFIX + "gone", PREFIX + "new"
COLUMNS = ("ID", "access_url", "service_def", "error_message", "semantics", "description", "content_type",
           "content_length", "content_qualifier", "local_semantics", "table_name")
SCHEMA = "browser_doidl"
STORED = ("SELECT object_id AS \"ID\", access_url, service_def, error_message, semantics, description, content_type,"
          " content_length, content_qualifier, local_semantics, table_name FROM archive.datalinks ORDER BY id")


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def stored_with_ids():
    """Every stored row with its id and date, by id."""
    return {r["id"]: r for r in rows(owner_copy("SELECT * FROM archive.datalinks ORDER BY id"))}


def links(base, ids):
    """The public {links} rows of the IDs (JSON), as [dict]."""
    query = urllib.parse.urlencode([("ID", i) for i in ids] + [("RESPONSEFORMAT", "json")])
    with urllib.request.urlopen(f"{base}/datalink/links?{query}", timeout=60) as response:
        answer = json.loads(response.read().decode("utf-8"))
    names = [c["name"] for c in answer["columns"]]
    return [dict(zip(names, r)) for r in answer["data"]]


def datalinks(driver, wait, base, shots):
    # the file: every stored row as stored, CHANGE's description changed, GONE left out, NEW added
    current = rows(owner_copy(STORED))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in current:
        if r["ID"] == GONE:
            continue
        if r["ID"] == CHANGE:
            r = dict(r, description="Changed on the back office's page")
        writer.writerow(r)
    writer.writerow({"ID": NEW, "access_url": "https://example.org/new.fits", "semantics": "#this",
                     "description": "Added from the page"})
    path = os.path.join(tempfile.mkdtemp(prefix="doidl-"), "links.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(out.getvalue())
    before = stored_with_ids()

    sign_in(driver, wait, base, CURATOR, os.environ["BROWSER_DOIDL_SECRET"], "/admin/datalinks")
    driver.find_element(By.CSS_SELECTOR, "#datalink-form input[type=file]").send_keys(path)
    Select(driver.find_element(By.CSS_SELECTOR, "#datalink-form select")).select_by_value("replace")
    driver.find_element(By.CSS_SELECTOR, "#datalink-form button[type=submit]").click()
    wait.until(lambda d: d.find_elements(By.ID, "datalink-changes"))
    listed = {(tr.get_attribute("data-id"), tr.get_attribute("data-change")):
              tr.find_element(By.CSS_SELECTOR, ".fields").text
              for tr in driver.find_elements(By.CSS_SELECTOR, "#datalink-changes tbody tr")}
    check(set(listed) == {(NEW, "added"), (CHANGE, "replaced"), (GONE, "removed")},
          f"the preview lists exactly the added, replaced and removed IDs: {listed}")
    check(listed[(CHANGE, "replaced")] == "description", f"the replaced ID's changing field: {listed}")
    counts = driver.find_element(By.CSS_SELECTOR, "#datalink-preview .counts").text
    check("1 ID added, 1 replaced, 1 removed" in counts, f"the counts: {counts}")
    check(stored_with_ids() == before, "a preview changes nothing")
    screenshot(driver, os.path.join(shots, "office-doi-datalink-preview.png"))
    print(f"ok: the preview lists {NEW} added, {CHANGE} replaced (description), {GONE} removed; nothing changed yet")

    driver.find_element(By.ID, "datalink-apply").click()
    wait.until(lambda d: d.find_element(By.ID, "datalink-outcome").text)
    outcome = driver.find_element(By.ID, "datalink-outcome").text
    check(outcome.startswith("Applied: 1 added, 1 replaced, 1 removed"), f"applied: {outcome}")
    screenshot(driver, os.path.join(shots, "office-doi-datalink-applied.png"))

    got = links(base, [KEEP, CHANGE, GONE, NEW])
    by_id = {}
    for r in got:
        by_id.setdefault(r["ID"], []).append(r)
    check([r["description"] for r in by_id.get(CHANGE, [])] == ["Changed on the back office's page"],
          f"{{links}} gives the changed description: {by_id.get(CHANGE)}")
    check(all(r["access_url"] is None and r["error_message"] for r in by_id.get(GONE, [])),
          f"{{links}} has no links of the removed ID: {by_id.get(GONE)}")
    check([r["access_url"] for r in by_id.get(NEW, [])] == ["https://example.org/new.fits"],
          f"{{links}} gives the added ID's link: {by_id.get(NEW)}")
    check([r["access_url"] for r in by_id.get(KEEP, [])] == ["https://example.org/keep.fits"],
          f"{{links}} still gives the unchanged ID's link: {by_id.get(KEEP)}")
    after = stored_with_ids()
    untouched = {k: v for k, v in before.items() if v["object_id"] not in (CHANGE, GONE)}
    check(all(after.get(k) == v for k, v in untouched.items()),
          "every other stored row keeps its id and date (only the previewed IDs changed)")
    check(len(after) == len(before) + 1 - 1, f"one row out, one in: {len(before)} then {len(after)}")
    print("ok: Apply changed exactly the previewed IDs, as {links} and the stored rows show")

    field = driver.find_element(By.CSS_SELECTOR, "#links-form input")
    field.send_keys(NEW)
    driver.find_element(By.CSS_SELECTOR, "#links-form button").click()
    wait.until(lambda d: d.find_elements(By.ID, "links-table"))
    check("https://example.org/new.fits" in driver.find_element(By.ID, "links-table").text, "the lookup shows the links")
    print("ok: the lookup shows an ID's links")


def dois(driver, wait, base, shots):
    driver.get(base + "/admin/dois")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#doi-list tr[data-id='demo.plates']"))
    driver.find_element(By.CSS_SELECTOR, "#doi-list tr[data-id='demo.plates'] button").click()
    wait.until(lambda d: d.find_elements(By.ID, "record-xml"))
    xml = driver.find_element(By.ID, "record-xml").text
    check('<identifier identifierType="DOI">10.5072/voarchive.demo.plates</identifier>' in xml,
          f"the record's XML, as text: {xml[:300]}")
    validity = driver.find_element(By.ID, "record-validity").text
    check(validity.startswith("valid against the DataCite 4.5 schema"), f"the record is valid: {validity}")
    facts = driver.find_element(By.CSS_SELECTOR, ".record-facts").text
    check("10.5072/voarchive.demo.plates" in facts and "Publisher" in facts, f"the record rendered: {facts[:300]}")
    record = driver.find_element(By.ID, "record").text
    check("null" not in record.splitlines(), f"nothing shows as null: {record[:400]}")
    check(not driver.find_elements(By.ID, "record-register"), "a curator is not offered registration")
    registration = driver.find_element(By.ID, "record-registration").text
    check(registration.startswith("Registration: "), f"the registration state is shown: {registration}")
    screenshot(driver, os.path.join(shots, "office-doi-record.png"))
    print(f"ok: the DOIs page shows demo.plates' record, its XML and 'valid'; {registration}")
    # the table's page links its record
    driver.get(base + "/admin/tables/demo.plates")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".doi-link a"))
    driver.find_element(By.CSS_SELECTOR, ".doi-link a").click()
    wait.until(lambda d: d.find_elements(By.ID, "record-validity"))
    check(driver.current_url == base + "/admin/dois?ID=demo.plates", f"the table's page links its record: {driver.current_url}")
    print("ok: the table's page links its DataCite record")


def as_curator(base, path, data=None):
    """The JSON answer of an admin API call as the curator (HTTP Basic), without the browser."""
    auth = base64.b64encode(f"{CURATOR}:{os.environ['BROWSER_DOIDL_SECRET']}".encode()).decode()
    request = urllib.request.Request(base + path, data=data, headers={"Authorization": "Basic " + auth,
                                                                      "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode("utf-8"))


def exchange(driver, wait, base, shots):
    as_curator(base, f"/admin/metadata/discover?schema={SCHEMA}&table=t", data=b"")
    document = as_curator(base, "/admin/metadata/export")
    entry = next(t for t in document["tables"] if t["table"]["schema"] == SCHEMA)
    entry["table"]["title"] = "Imported from the page"
    path = os.path.join(tempfile.mkdtemp(prefix="doidl-"), "metadata.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": document["format"], "schemas": [], "tables": [entry]}, f)
    driver.get(base + "/admin/exchange")
    wait.until(lambda d: d.find_elements(By.ID, "export-link"))
    href = driver.find_element(By.ID, "export-link").get_attribute("href")
    check(href == base + "/admin/metadata/export", f"the export's link: {href}")
    driver.find_element(By.CSS_SELECTOR, "#import-form input[type=file]").send_keys(path)
    driver.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
    wait.until(lambda d: d.find_element(By.ID, "office-status").text.startswith(("Imported", "Not imported")))
    said = driver.find_element(By.ID, "office-status").text
    check(said == "Imported metadata.json: 1 table updated, 0 ObsCore mappings.", f"the import's summary: {said}")
    check(driver.find_element(By.ID, "imported-tables").text == f"{SCHEMA}.t", "the import lists the table")
    title = as_curator(base, f"/admin/metadata/tables/{SCHEMA}.t")["title"]
    check(title == "Imported from the page", f"the table has the imported title: {title}")
    screenshot(driver, os.path.join(shots, "office-doi-exchange.png"))
    print("ok: the Export and import page links the export and imports a table's entry with its summary")


def admin_view(driver, wait, base, shots):
    """An administrator's DOIs page offers registration (a curator's does not: see dois)."""
    sign_in(driver, wait, base, ADMIN, os.environ["BROWSER_DOIDL_ADMIN_SECRET"], "/admin/dois?ID=demo.plates")
    wait.until(lambda d: d.find_elements(By.ID, "record-validity"))
    check(driver.find_elements(By.ID, "record-register"), "an administrator is offered registration")
    screenshot(driver, os.path.join(shots, "office-doi-admin.png"))
    print("ok: an administrator's DOIs page offers registration")


def clean():
    owner_sql(f"DELETE FROM archive.datalinks WHERE object_id LIKE '{PREFIX}%';"
              f" DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; DELETE FROM archive.schemas WHERE name = '{SCHEMA}'")


def run(base, shots):
    secret = password()
    os.environ["BROWSER_DOIDL_SECRET"] = secret
    make_user(CURATOR, secret, "curator")
    os.environ["BROWSER_DOIDL_ADMIN_SECRET"] = admin_secret = password()
    make_user(ADMIN, admin_secret, "admin")
    clean()
    owner_sql("INSERT INTO archive.datalinks (object_id, access_url, semantics, description) VALUES"
              f" ('{KEEP}', 'https://example.org/keep.fits', '#this', 'Kept'),"
              f" ('{CHANGE}', 'https://example.org/change.fits', '#this', 'Before'),"
              f" ('{GONE}', 'https://example.org/gone.fits', '#this', 'Removed');"
              f" CREATE SCHEMA {SCHEMA}; CREATE TABLE {SCHEMA}.t (id integer PRIMARY KEY, ra double precision)")
    try:
        status = session("office-doi", shots, lambda driver, wait: (
            datalinks(driver, wait, base, shots), dois(driver, wait, base, shots), exchange(driver, wait, base, shots),
            no_console_errors(driver, "the DOIs and Datalinks pages")))
        return status or session("office-doi-admin", shots, lambda driver, wait: (
            admin_view(driver, wait, base, shots), no_console_errors(driver, "an administrator's DOIs page")))
    except Failure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    finally:
        clean()
        delete_users(CURATOR, ADMIN)


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "back office DOIs and datalinks"))
