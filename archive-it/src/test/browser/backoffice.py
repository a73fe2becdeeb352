#!/usr/bin/env python3
"""The back office (/admin) in a real browser: Debian's headless Chromium driven by Selenium (python3-selenium)
through Debian's chromium-driver, as query_page.py does. Nothing is downloaded.

As operators would, by keys and clicks, it checks:
  - an anonymous visit to /admin is sent to the sign-in form, which comes back to the back office;
  - a fresh table (made with psql as the owner, as an operator's load would) is listed as not yet described;
    Discover describes it, unpublished;
  - an administrator describes it end to end on its page: title, description, a long description whose preview
    shows its paragraphs, a DOI and a licence; units and UCDs of the columns, taken from the suggestions the
    page offers (never filled in by themselves), principal flags, a Datalink ID column and a new column order;
    credits (a creator with an ORCID iD and an affiliation with a ROR id, a related identifier, a release);
    a cone search; and publishes it with its schema;
  - an invalid UCD and an invalid unit are refused in the form, with the server's reason beside the field;
  - the table is then what TAP_SCHEMA (TAP sync), VOSI tables, its landing page, its DataCite record and
    OAI-PMH (ListIdentifiers, GetRecord) say, and the cone search's test cone, run from the form through the
    public SCS endpoint, finds rows;
  - access for a group: the table PRIVATE for its rows (group browser_office_plates) and INTERNAL for its
    metadata, one column's rows for administrators only; the page says who sees what in plain words, and TAP
    agrees: anonymous callers do not find the table, the group's member reads its rows but not that column;
  - what changed in the database since the last discovery (a column added) shows on the schema's page, and
    discovering again takes it in;
  - two browsers (an administrator and a curator) edit the same table: the second save is refused with the
    other change shown field by field, and Re-apply stores both changes;
  - a curator describes, but user administration is closed to them: its page and API answer 403, and the
    back office does not link it; someone in neither group gets a page that says why (403);
  - no errors in the console (no CSP violations) but those the test provokes (the refused saves).
Screenshots of each page go to --screenshots as office-*.png (and one when a check failed). Makes its own users,
group and schema, and removes them at the end, also when a check fails.

Usage: python3 backoffice.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import base64
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from chromium import Failure, browser, check, main, no_console_errors, session, tap_rows
from metadata_pages import screenshot

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from archive_fixtures import delete_users, make_user, owner_sql, password  # noqa: E402

ADMIN = "browser-office-admin"
CURATOR = "browser-office-curator"
MEMBER = "browser-office-member"
GROUP = "browser_office_plates"
SCHEMA = "browser_office"
TABLE = "stars"
QUALIFIED = f"{SCHEMA}.{TABLE}"
DOI = "10.5072/browser-office.stars"
ORCID = "0000-0002-1825-0097"
ROR = "04wxnsj81"
# the saves the test makes the server refuse (400: invalid UCD, unit; 409: the conflict), as the console logs them
REFUSED = ("the server responded with a status of 400 ()", "the server responded with a status of 409 ()",
           "the server responded with a status of 400 (Bad Request)",
           "the server responded with a status of 409 (Conflict)")


def http(base, path, user=None, secret=None, data=None, accept=None):
    """Status and text of a request asked without the browser (HTTP Basic when a user is given)."""
    headers = {}
    if user:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()
    if accept:
        headers["Accept"] = accept

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    request = urllib.request.Request(base + path, data=data, headers=headers)
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def tap(base, adql, user=None, secret=None):
    """TAP sync as CSV: (status, rows or the error document)."""
    body = urllib.parse.urlencode({"LANG": "ADQL", "RESPONSEFORMAT": "csv", "QUERY": adql}).encode()
    status, text = http(base, "/tap/sync", user, secret, body)
    return status, [line.split(",") for line in text.splitlines()] if status == 200 else text


def steady(condition):
    """A wait's condition on parts the page draws again (the publication line, who sees what): an element
    replaced while it was read is a "not yet"."""
    def check_it(driver):
        try:
            return condition(driver)
        except StaleElementReferenceException:
            return False
    return check_it


def sign_in(driver, wait, base, user, secret, path="/admin"):
    """Opens a back office page anonymously: the sign-in form comes, then the page itself."""
    driver.get(base + path)
    wait.until(lambda d: d.find_elements(By.ID, "user"))
    check("/account?next=" in driver.current_url, f"an anonymous caller is sent to sign in: {driver.current_url}")
    driver.find_element(By.ID, "user").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(secret, Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.ID, "office"))
    check(driver.current_url == base + path, f"signed in, the form went back to {path}: {driver.current_url}")


def status_text(driver, section):
    """The status line of a section of a schema's or table's page."""
    return driver.find_element(By.CSS_SELECTOR, f"#{section} > .status").text


def column(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'fieldset.column[data-column="{name}"]')


def column_input(driver, name, field):
    return column(driver, name).find_element(By.CSS_SELECTOR, f'[data-field="{field}"]')


def field_error(driver, element):
    return driver.find_element(By.ID, element.get_attribute("id") + "-error")


def retype(element, text):
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    if text:
        element.send_keys(text)


def take_suggestion(driver, wait, name, ucd):
    """Clicks the UCD the page suggests for the column (it is offered, never filled in by itself). The
    suggestions are drawn again when the unit changes: a button replaced before the click is looked for again."""
    check(column_input(driver, name, "ucd").get_attribute("value") != ucd, f"{name}'s UCD is not filled in by itself")

    def click(d):
        choices = column(d, name).find_elements(By.CSS_SELECTOR, f'button.suggestion[data-ucd="{ucd}"]')
        if not choices:
            return False
        reason = choices[0].get_attribute("title")
        choices[0].click()
        return reason

    reason = wait.until(steady(click))
    check(reason.startswith("the name") or reason.startswith("the unit"), f"the suggestion says why: {reason}")
    check(column_input(driver, name, "ucd").get_attribute("value") == ucd, f"clicking the suggestion takes {ucd}")


def save(driver, wait, button, section, done=lambda d, button: d.find_element(By.ID, button).is_enabled()):
    """Clicks a section's Save button and waits for its status line to say how it went; returns what it says.
    done: when the save has ended (by default: its button is no longer busy, which it is until every call of
    the save has answered)."""
    line = driver.find_element(By.CSS_SELECTOR, f"#{section} > .status")
    driver.execute_script("arguments[0].textContent = ''", line)
    driver.find_element(By.ID, button).click()
    wait.until(lambda d: done(d, button) and re.match(r"(Saved|Not saved|Nothing)", status_text(d, section)))
    return status_text(driver, section)


def save_columns(driver, wait):
    return save(driver, wait, "save-columns", "columns")


def describe(driver, wait, base, shots):
    """The administrator's part: discover, describe, publish, check the public interfaces, then access."""
    # --- discover ---
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f'#undescribed li[data-schema="{SCHEMA}"]'))
    item = driver.find_element(By.CSS_SELECTOR, f'#undescribed li[data-schema="{SCHEMA}"]')
    check("(not described)" in item.text and TABLE in item.text, f"the new table is not yet described: {item.text}")
    check(not driver.find_elements(By.CSS_SELECTOR, '#undescribed li[data-schema="archive"], '
                                   '#undescribed li[data-schema="pg_catalog"]'), "no system schema is offered")
    screenshot(driver, os.path.join(shots, "office-home.png"))
    item.find_element(By.CSS_SELECTOR, f'button.discover-table[data-table="{TABLE}"]').click()
    wait.until(lambda d: "Discovered" in d.find_element(By.ID, "office-status").text)
    wait.until(steady(lambda d: d.find_element(By.CSS_SELECTOR, f'tr[data-table="{QUALIFIED}"] td.published').text
                      == "no"))
    check(not driver.find_elements(By.CSS_SELECTOR, f'#undescribed li[data-schema="{SCHEMA}"]'),
          "it is no longer listed as not described")
    screenshot(driver, os.path.join(shots, "office-discovered.png"))
    print(f"ok: {QUALIFIED} is offered as not yet described, and Discover describes it, unpublished")

    # --- describe ---
    driver.get(f"{base}/admin/tables/{QUALIFIED}")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "fieldset.column"))
    form = driver.find_element(By.CSS_SELECTOR, "#description form")
    values = {"title": "Browser test stars", "description": "Twenty stars the back office describes.",
              "doi": DOI, "licenseSpdx": "CC-BY-4.0", "licenseLabel": "Creative Commons Attribution 4.0",
              "licenseUrl": "https://creativecommons.org/licenses/by/4.0/"}
    for name, value in values.items():
        retype(form.find_element(By.CSS_SELECTOR, f'[data-field="{name}"]'), value)
    long_description = form.find_element(By.CSS_SELECTOR, '[data-field="longDescription"]')
    long_description.send_keys("First paragraph,", Keys.ENTER, "still the first.", Keys.ENTER, Keys.ENTER,
                               "<b>Second</b> paragraph.")
    preview = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "#long-description-preview p:not(.preview-label)")]
    check(preview == ["First paragraph, still the first.", "<b>Second</b> paragraph."],
          f"the preview shows plain paragraphs, no markup: {preview}")
    check(save(driver, wait, "save-description", "description").startswith("Saved"), "the description is saved")
    print("ok: the description is saved; the long description's preview shows its paragraphs as text")

    # units, UCDs from the suggestions, flags
    for name, unit in (("ra", "deg"), ("dec", "deg"), ("pmra", "mas/yr"), ("vmag", "mag"), ("flux", "Jy"),
                       ("flux_err", "Jy")):
        unit_input = column_input(driver, name, "unit")
        retype(unit_input, unit)
        unit_input.send_keys(Keys.TAB)  # the unit's change asks for suggestions again
    for name, ucd in (("id", "meta.id;meta.main"), ("ra", "pos.eq.ra;meta.main"), ("dec", "pos.eq.dec;meta.main"),
                      ("pmra", "pos.pm;pos.eq.ra"), ("vmag", "phot.mag;em.opt.V"), ("flux", "phot.flux"),
                      ("flux_err", "stat.error;phot.flux")):
        take_suggestion(driver, wait, name, ucd)
    for name in ("id", "ra", "dec"):
        column_input(driver, name, "principal").click()
    column_input(driver, "id", "datalink").click()

    # an invalid UCD, then an invalid unit: refused, the server's reason beside the field
    ucd = column_input(driver, "vmag", "ucd")
    retype(ucd, "phot.magnitude")
    check(save_columns(driver, wait).startswith("Not saved"), "an invalid UCD is refused")
    reason = field_error(driver, ucd)
    check(reason.is_displayed() and "'phot.magnitude' is not a UCD1+ word" in reason.text,
          f"the UCD's reason is beside it: {reason.text}")
    check(ucd.get_attribute("aria-invalid") == "true", "the field is marked invalid")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", ucd)
    driver.save_screenshot(os.path.join(shots, "office-invalid-ucd.png"))
    take_suggestion(driver, wait, "vmag", "phot.mag;em.opt.V")
    unit = column_input(driver, "flux", "unit")
    retype(unit, "furlong")
    check(save_columns(driver, wait).startswith("Not saved"), "an invalid unit is refused")
    reason = field_error(driver, unit)
    check(reason.is_displayed() and "'furlong'" in reason.text and "not a known unit" in reason.text,
          f"the unit's reason is beside it: {reason.text}")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", unit)
    driver.save_screenshot(os.path.join(shots, "office-invalid-unit.png"))
    retype(unit, "Jy")
    saved = save_columns(driver, wait)
    check(saved.startswith("Saved"), f"the columns are saved: {saved}")
    check(not field_error(driver, unit).is_displayed(), "the reason goes once the value is accepted")
    print("ok: an invalid UCD and an invalid unit are refused with the server's reason beside the field;"
          " units, the suggested UCDs and flags are saved")

    # the order: name (the last) second, by its Up button
    for _ in range(6):
        column(driver, "name").find_elements(By.CSS_SELECTOR, "button.move")[0].click()
    order = [f.get_attribute("data-column") for f in driver.find_elements(By.CSS_SELECTOR, "fieldset.column")]
    check(order[:3] == ["id", "name", "ra"], f"name moved up: {order}")
    check(driver.find_element(By.ID, "save-order").is_enabled(), "the new order may be saved")
    # the button stays disabled once the order is saved: nothing more to save
    check(save(driver, wait, "save-order", "columns", lambda d, button: True).startswith("Saved"), "the order is saved")
    check(not driver.find_element(By.ID, "save-order").is_enabled(), "nothing more to save")
    print("ok: the column order is saved")

    # credits
    credits = driver.find_element(By.CSS_SELECTOR, "#credits form")
    credits.find_element(By.XPATH, ".//button[text()='Add creator']").click()
    creator = credits.find_element(By.CSS_SELECTOR, ".entries-creators li")
    for field, value in (("creators[0].name", "Doe, Jane"), ("creators[0].givenName", "Jane"),
                         ("creators[0].familyName", "Doe"), ("creators[0].orcid", ORCID)):
        creator.find_element(By.CSS_SELECTOR, f'[data-field="{field}"]').send_keys(value)
    creator.find_element(By.XPATH, ".//button[text()='Add affiliation']").click()
    creator.find_element(By.CSS_SELECTOR, '[data-field="creators[0].affiliations[0].name"]').send_keys("Example University")
    creator.find_element(By.CSS_SELECTOR, '[data-field="creators[0].affiliations[0].ror"]').send_keys(
        f"https://ror.org/{ROR}")
    credits.find_element(By.XPATH, ".//button[text()='Add related identifier']").click()
    credits.find_element(By.CSS_SELECTOR, '[data-field="relatedIdentifiers[0].identifier"]').send_keys(
        "10.5072/browser-office.paper")
    credits.find_element(By.CSS_SELECTOR, '[data-field="resourceVersion"]').send_keys("1.0")
    saved = save(driver, wait, "save-credits", "credits")
    check(saved.startswith("Saved"), f"the credits are saved: {saved}")
    print("ok: credits with an ORCID iD, a ROR id and a related identifier are saved")

    # cone search: enabled with the columns the server finds from the UCDs just saved; the test cone is asked
    # for, as the archive may not read a table made with psql to find one (its loaders grant that)
    driver.refresh()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "fieldset.column"))
    check("no cone search" in driver.find_element(By.ID, "cone-state").text, "no cone search yet")
    saved = save(driver, wait, "save-cone", "conesearch")
    cone = driver.find_element(By.CSS_SELECTOR, "#conesearch form")
    test_ra = cone.find_element(By.CSS_SELECTOR, '[data-field="testQuery"]')
    check(saved.startswith("Not saved") and "give the test cone's RA, Dec and radius" in field_error(driver, test_ra).text,
          f"without a readable table the test cone is asked for, beside its field: {saved}")
    for field, value in (("testQuery", "150.05"), ("testQuery.dec", "1.95"), ("testQuery.sr", "0.1")):
        retype(cone.find_element(By.CSS_SELECTOR, f'[data-field="{field}"]'), value)
    saved = save(driver, wait, "save-cone", "conesearch")
    check(saved.startswith("Saved"), f"the cone search is enabled: {saved}")
    chosen = [Select(s).first_selected_option.get_attribute("value") for s in cone.find_elements(By.TAG_NAME, "select")]
    check(chosen == ["id", "ra", "dec"], f"the cone search's columns come from the UCDs: {chosen}")
    print("ok: the cone search is enabled with the ID, RA and Dec columns the UCDs name")

    # publish, with the schema
    driver.find_element(By.ID, "publish-schema").click()
    wait.until(lambda d: not d.find_elements(By.ID, "publish-schema"))
    driver.find_element(By.ID, "publish-table").click()
    wait.until(steady(lambda d: d.find_element(By.ID, "table-state").text == "Published"))
    screenshot(driver, os.path.join(shots, "office-table.png"))
    print("ok: the table and its schema are published")

    # the test cone, from the form, through the public SCS endpoint
    driver.find_element(By.ID, "test-cone").click()
    result = wait.until(steady(lambda d: re.search(r"\d+\+? rows? in the cone|answered|failed",
                                                   d.find_element(By.ID, "cone-result").text)
                               and d.find_element(By.ID, "cone-result").text))
    found = re.match(r"(\d+)", result)
    check(found and int(found.group(1)) > 0 and "error" not in driver.find_element(By.ID, "cone-result")
          .get_attribute("class"), f"the test cone finds rows: {result}")
    print(f"ok: Test cone: {result}")

    check_public(base)
    check_access(driver, wait, base, shots)


def check_public(base):
    """What the public interfaces say of the published table, asked without the browser."""
    header, rows = tap_rows(base, "SELECT column_name, unit, ucd, principal FROM tap_schema.columns"
                                  f" WHERE table_name = '{QUALIFIED}' ORDER BY column_index")
    check([r[0] for r in rows][:2] == ["id", "name"], f"TAP_SCHEMA has the new order: {rows}")
    expected = {"ra": ["deg", "pos.eq.ra;meta.main", "1"], "pmra": ["mas/yr", "pos.pm;pos.eq.ra", "0"],
                "vmag": ["mag", "phot.mag;em.opt.V", "0"], "flux_err": ["Jy", "stat.error;phot.flux", "0"],
                "id": ["", "meta.id;meta.main", "1"]}
    for r in rows:
        if r[0] in expected:
            check(r[1:] == expected[r[0]], f"TAP_SCHEMA.columns of {r[0]}: {r[1:]}, not {expected[r[0]]}")
    header, rows = tap_rows(base, f"SELECT description FROM tap_schema.tables WHERE table_name = '{QUALIFIED}'")
    check(rows == [["Twenty stars the back office describes."]], f"TAP_SCHEMA.tables: {rows}")
    status, columns = http(base, f"/admin/metadata/tables/{QUALIFIED}/columns", ADMIN,
                           os.environ["BROWSER_OFFICE_ADMIN_SECRET"])
    flagged = [c["name"] for c in json.loads(columns) if c.get("datalink")]
    check(status == 200 and flagged == ["id"], f"id is the Datalink ID column: {flagged}")
    print("ok: TAP_SCHEMA (TAP sync) has the units, UCDs, principal flags, order and description; id is the"
          " Datalink ID column")

    status, vosi = http(base, "/tap/tables")
    check(status == 200 and f"<name>{QUALIFIED}</name>" in vosi and "<ucd>pos.pm;pos.eq.ra</ucd>" in vosi
          and "<unit>mas/yr</unit>" in vosi, "VOSI tables lists the table with its UCDs and units")
    print("ok: VOSI tables lists it")

    status, landing = http(base, f"/landing/{QUALIFIED}")
    for text in ("Browser test stars", DOI, "Doe, Jane", ORCID, "Example University",
                 "Creative Commons Attribution 4.0", "First paragraph,\nstill the first.",
                 "&lt;b&gt;Second&lt;/b&gt; paragraph."):
        check(text in landing, f"the landing page has {text!r}")
    print("ok: the landing page has the title, DOI, creator with ORCID iD, affiliation, licence, long description")

    status, record = http(base, f"/doi/datacite/{QUALIFIED}")
    check(status == 200, f"a DataCite record: {status} {record[:300]}")
    for text in (f'<identifier identifierType="DOI">{DOI}</identifier>', "<creatorName nameType=\"Personal\">Doe, Jane",
                 f"https://orcid.org/{ORCID}", f"https://ror.org/{ROR}", "<title>Browser test stars</title>",
                 "10.5072/browser-office.paper", "<version>1.0</version>"):
        check(text in record, f"the DataCite record has {text!r}: {record[:2000]}")
    print("ok: its DataCite record has the DOI, the creator with ORCID iD and ROR, title, related identifier, version")

    status, listing = http(base, "/oai?verb=ListIdentifiers&metadataPrefix=oai_datacite&set=tables")
    ids = re.findall(r"<identifier>([^<]+)</identifier>", listing)
    mine = [i for i in ids if i.endswith(":" + QUALIFIED)]
    check(status == 200 and len(mine) == 1, f"OAI-PMH ListIdentifiers lists it: {ids}")
    status, got = http(base, "/oai?" + urllib.parse.urlencode({"verb": "GetRecord", "metadataPrefix": "oai_datacite",
                                                                 "identifier": mine[0]}))
    check(status == 200 and DOI in got and "Doe, Jane" in got, f"OAI-PMH GetRecord: {got[:500]}")
    print(f"ok: OAI-PMH lists {mine[0]} and GetRecord gives its DataCite record")


def check_access(driver, wait, base, shots):
    """Rows for one group, metadata for signed-in users, one column's rows for administrators only."""
    secret = os.environ["BROWSER_OFFICE_MEMBER_SECRET"]
    access = driver.find_element(By.CSS_SELECTOR, "#access form")
    Select(access.find_element(By.CSS_SELECTOR, '.levels [data-field="dataAccess"]')).select_by_value("PRIVATE")
    Select(access.find_element(By.CSS_SELECTOR, '.levels [data-field="metadataAccess"]')).select_by_value("INTERNAL")
    access.find_element(By.CSS_SELECTOR, f'input[data-group="{GROUP}"]').click()
    row = access.find_element(By.CSS_SELECTOR, 'tr[data-column="flux_err"]')
    Select(row.find_element(By.CSS_SELECTOR, '[data-field="dataAccess"]')).select_by_value("PRIVATE")
    row.find_element(By.CSS_SELECTOR, '[data-field="groups"]').send_keys("admin")
    saved = save(driver, wait, "save-access", "access")
    check(saved.startswith("Saved"), f"the access is saved: {saved}")
    expected = (f"anonymous: no; signed-in users: metadata only; group {GROUP}: rows and columns except flux_err;"
                " administrators: rows and all columns")
    wait.until(steady(lambda d: d.find_element(By.CSS_SELECTOR, "#access-statement .summary").text == expected))
    sights = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#access-statement li")]
    check(f"group {GROUP}: rows and columns except flux_err" in sights, f"the statement per audience: {sights}")
    driver.execute_script("document.getElementById('access-section').scrollIntoView()")
    driver.save_screenshot(os.path.join(shots, "office-access.png"))
    print(f"ok: the page says who sees what: {expected}")

    status, answer = tap(base, f"SELECT COUNT(*) AS n FROM {QUALIFIED}")
    check(status == 400 and TABLE in answer, f"anonymous callers do not find the table: {status} {answer[:300]}")
    status, rows = tap(base, f"SELECT COUNT(*) AS n FROM {QUALIFIED}", MEMBER, secret)
    check(status == 200 and rows[1] == ["20"], f"the group's member reads its rows: {status} {rows}")
    status, answer = tap(base, f"SELECT flux_err FROM {QUALIFIED}", MEMBER, secret)
    check(status == 400 and "flux_err" in answer, f"but not flux_err: {status} {answer[:300]}")
    status, rows = tap(base, f"SELECT table_name FROM tap_schema.tables WHERE table_name = '{QUALIFIED}'",
                       CURATOR, os.environ["BROWSER_OFFICE_CURATOR_SECRET"])
    check(status == 200 and rows[1:] == [[QUALIFIED]], f"any signed-in user sees its metadata: {rows}")
    print("ok: TAP agrees: anonymous callers do not find it, the member reads rows but not flux_err,"
          " a signed-in user sees its metadata")

    # what changed in the database since the last discovery, on the schema's page
    owner_sql(f"ALTER TABLE {QUALIFIED} ADD COLUMN parallax real")
    driver.get(f"{base}/admin/schemas/{SCHEMA}")
    change = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#schema-changes li[data-kind="COLUMN_ADDED"]'))
    check(f"{TABLE}.parallax" in change[0].text and "float" in change[0].text,
          f"the new column is a change since the last discovery: {change[0].text}")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#schema-tables tbody tr"))
    screenshot(driver, os.path.join(shots, "office-schema.png"))
    driver.find_element(By.ID, "discover-again").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#schema-changes .no-changes"))
    print("ok: the schema's page shows the column added since the last discovery; discovering again takes it in")


def conflict(base, shots, admin_secret, curator_secret):
    """Two browsers on the same table: the second save meets the first's change, shown field by field."""
    first = browser("office-first")
    second = browser("office-second")
    try:
        waits = (WebDriverWait(first, 30), WebDriverWait(second, 30))
        sign_in(first, waits[0], base, ADMIN, admin_secret, f"/admin/tables/{QUALIFIED}")
        sign_in(second, waits[1], base, CURATOR, curator_secret, f"/admin/tables/{QUALIFIED}")
        for driver, wait in zip((first, second), waits):
            wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '#description [data-field="title"]')
                       .get_attribute("value") == "Browser test stars")
        retype(first.find_element(By.CSS_SELECTOR, '#description [data-field="title"]'), "Stars, as the first saw them")
        check(save(first, waits[0], "save-description", "description").startswith("Saved"), "the first saves")
        retype(second.find_element(By.CSS_SELECTOR, '#description [data-field="description"]'),
               "The second editor's description.")
        check(save(second, waits[1], "save-description", "description").startswith("Not saved"), "the second does not")
        box = waits[1].until(lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, "#description .conflict")
                                        if b.is_displayed()])[0]
        check("Someone else changed the table" in box.text, f"the conflict is said: {box.text}")
        theirs = box.find_element(By.CSS_SELECTOR, 'tr[data-field="title"] .theirs-value').text
        check(theirs == "Stars, as the first saw them", f"the other change is shown: title {theirs}")
        yours = box.find_element(By.CSS_SELECTOR, 'tr[data-field="description"] .yours-value').text
        check(yours == "The second editor's description.", f"beside this one: {yours}")
        check("Title: Browser test stars \u2192 Stars, as the first saw them" in box.text, box.text)
        second.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        second.save_screenshot(os.path.join(shots, "office-conflict.png"))
        box.find_element(By.CSS_SELECTOR, "button.reapply").click()
        waits[1].until(lambda d: status_text(d, "description").startswith("Saved"))
        status, record = http(base, f"/admin/metadata/tables/{QUALIFIED}", ADMIN, admin_secret)
        stored = json.loads(record)
        check(stored["title"] == "Stars, as the first saw them"
              and stored["description"] == "The second editor's description.", f"both changes are kept: {stored}")
        check(second.find_element(By.CSS_SELECTOR, '#description [data-field="title"]').get_attribute("value")
              == "Stars, as the first saw them", "the second form now shows the first's title too")
        no_console_errors(second, "the second editor's page", REFUSED)
        print("ok: two browsers: the second save shows the first's change beside its own; Re-apply keeps both")

        # a curator describes, but may not open user administration
        check(not second.find_elements(By.CSS_SELECTOR, ".office-nav a[href$='/admin/users']"),
              "the curator's back office does not link user administration")
        second.get(base + "/admin/users")
        heading = second.find_element(By.TAG_NAME, "h1").text
        check(heading == "Not open to you" and "admin" in second.find_element(By.TAG_NAME, "main").text,
              f"the page says why: {heading}")
        screenshot(second, os.path.join(shots, "office-curator-refused.png"))
        api = second.execute_async_script("const done = arguments[arguments.length - 1];"
                                          "fetch('/admin/accounts').then(r => done(r.status));")
        check(api == 403, f"the users' API answers the curator's session 403: {api}")
        first.get(base + "/admin/users")
        rows = WebDriverWait(first, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#user-list tbody tr"))
        names = [r.find_element(By.TAG_NAME, "code").text for r in rows]
        check(ADMIN in names and CURATOR in names, f"the administrator sees the users: {names}")
        screenshot(first, os.path.join(shots, "office-users.png"))
        no_console_errors(first, "the administrator's pages")
        print("ok: a curator is refused user administration (page and API 403, no link); an administrator sees it")
    except (Failure, TimeoutException, NoSuchElementException) as e:
        second.save_screenshot(os.path.join(shots, "office-conflict-failure.png"))
        first.save_screenshot(os.path.join(shots, "office-first-failure.png"))
        raise e if isinstance(e, Failure) else Failure(f"two browsers: {e.msg or 'timed out'} (at {second.current_url})")
    finally:
        first.quit()
        second.quit()


def run(base, shots):
    admin_secret, curator_secret, member_secret = password(), password(), password()
    os.environ["BROWSER_OFFICE_ADMIN_SECRET"] = admin_secret
    os.environ["BROWSER_OFFICE_MEMBER_SECRET"] = member_secret
    os.environ["BROWSER_OFFICE_CURATOR_SECRET"] = curator_secret
    make_user(ADMIN, admin_secret, "admin")
    make_user(CURATOR, curator_secret, "curator")
    make_user(MEMBER, member_secret, GROUP)
    owner_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; DELETE FROM archive.schemas WHERE name = '{SCHEMA}';"
              f" CREATE SCHEMA {SCHEMA};"
              f" CREATE TABLE {QUALIFIED} (id bigint PRIMARY KEY, ra double precision, dec double precision,"
              " pmra double precision, vmag real, flux double precision, flux_err double precision, name text);"
              f" INSERT INTO {QUALIFIED} SELECT i, 150 + i * 0.01, 2 - i * 0.01, i * 0.5, 10 + i * 0.1, i * 1e-3,"
              " i * 1e-4, 'star ' || i FROM generate_series(1, 20) AS i;"
              f" ANALYZE {QUALIFIED}")
    try:
        status = session("office", shots, lambda driver, wait: (
            sign_in(driver, wait, base, ADMIN, admin_secret), describe(driver, wait, base, shots),
            no_console_errors(driver, "the back office", REFUSED)), REFUSED)
        if status != 0:
            return status
        status, page = http(base, "/admin", MEMBER, member_secret)
        check(status == 403 and "Not open to you" in page, f"someone in neither group is told why: {status}")
        print("ok: someone in neither group gets a page that says why (403)")
        conflict(base, shots, admin_secret, curator_secret)
        return 0
    except Failure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    finally:
        owner_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; DELETE FROM archive.schemas WHERE name = '{SCHEMA}'")
        delete_users(ADMIN, CURATOR, MEMBER)
        owner_sql(f"DELETE FROM archive.groups WHERE name = '{GROUP}'")


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "back office"))
