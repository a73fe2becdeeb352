#!/usr/bin/env python3
"""The "My tables" page (/tables/mine) and the Jobs page's Keep as table in a real browser: Debian's headless
Chromium driven by Selenium (python3-selenium) through Debian's chromium-driver, as jobs_page.py does. Nothing is
downloaded.

As a signed-in user would, by keys and clicks, it checks:
  - an anonymous visit is sent to the sign-in form, which comes back to the page; the site menu then has
    "My tables"; the empty list explains how to send tables from pyvo or curl;
  - a new table from a CSV file: the page reads the header and proposes the columns' types (long, double,
    text), one of which the test changes (long to double) and one unit it sets, then creates the table: TAP
    finds its rows and TAP_SCHEMA the edited type and unit;
  - rows loaded from a VOTable into it (the page says the service's "Inserted 2 rows"), counted by TAP;
  - a column's unit and UCD edited in place: the VOSI table document says the new ones;
  - shared with a group by keyboard only (Tab, Space, Enter): a member of the group, in a second browser
    profile, finds the table in the query page's table browser; a user outside the group does not;
  - Keep as table on a completed job's view (the Jobs page): the result becomes a table on My tables;
  - the storage bar and its words agree with /account/storage (jobs and tables of the quota, tables of the most);
  - the operations page's Storage section (an administrator) lists the owner with their two tables and the
    largest by name, and sets the group's quota (1 GB, 5 tables), which the owner's /account/storage then says;
  - Drop asks first, naming the table (Cancel keeps it), then drops it: gone from the list and from VOSI (404);
  - no errors in the console (no CSP violations, no failed loads).
Screenshots go to --screenshots as my-tables-*.png (and one of the page when a check failed). Makes its own
users and group, and removes their tables, jobs and the users at the end, also when a check fails.

Usage: python3 my_tables_page.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import base64
import csv
import io
import json
import os
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from xml.etree import ElementTree

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from chromium import Failure, browser, check, main, no_console_errors, session
from metadata_pages import screenshot
from query_page import tree_tables

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from archive_fixtures import delete_users, make_user, owner_sql, password  # noqa: E402

OWNER = "browser-tables-owner"
MEMBER = "browser-tables-member"
OUTSIDER = "browser-tables-outsider"
ADMIN = "browser-tables-admin"
GROUP = "browser_tables_team"

CSV = ("id,ra,dec,name,mag\n"
       "1,10.684708,41.26875,M31,3\n"
       "2,83.822083,-5.391111,\"Orion, M42\",4\n"
       "3,201.365063,-43.019113,Cen A,7\n"
       "4,187.705931,12.391123,M87,9\n")
VOTABLE = """<?xml version="1.0" encoding="UTF-8"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
 <RESOURCE type="results"><TABLE>
  <FIELD name="id" datatype="long"/><FIELD name="ra" datatype="double" unit="deg"/>
  <FIELD name="dec" datatype="double" unit="deg"/><FIELD name="name" datatype="char" arraysize="*"/>
  <FIELD name="mag" datatype="double"/>
  <DATA><TABLEDATA>
   <TR><TD>5</TD><TD>148.968458</TD><TD>69.679703</TD><TD>M82</TD><TD>8.4</TD></TR>
   <TR><TD>6</TD><TD>13.186583</TD><TD>-72.828636</TD><TD>SMC</TD><TD>2.7</TD></TR>
  </TABLEDATA></DATA>
 </TABLE></RESOURCE>
</VOTABLE>
"""


def call(base, path, user, secret, method="GET", data=None, content_type=None):
    """Status and text of a request asked without the browser, with HTTP Basic as the user."""
    headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(base + path, method=method, headers=headers,
                                     data=data.encode() if isinstance(data, str) else data)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def tap_rows(base, user, secret, adql):
    """TAP sync's rows as the user sees them (CSV, header first)."""
    status, text = call(base, "/tap/sync", user, secret, "POST",
                        urllib.parse.urlencode({"LANG": "ADQL", "RESPONSEFORMAT": "csv", "QUERY": adql}),
                        "application/x-www-form-urlencoded")
    check(status == 200, f"TAP answers {adql!r}: {status} {text[:300]}")
    return list(csv.reader(io.StringIO(text)))


def storage(base, secret):
    status, text = call(base, "/account/storage", OWNER, secret)
    check(status == 200, f"/account/storage answers the owner: {status} {text[:300]}")
    return json.loads(text)


def steady(driver):
    return WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,))


def status_text(driver):
    return driver.find_element(By.ID, "tables-status").text


def sign_in(driver, wait, base, user, secret, path):
    driver.get(base + path)
    wait.until(lambda d: d.find_elements(By.ID, "user"), "the sign-in form")
    driver.find_element(By.ID, "user").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(secret, Keys.ENTER)
    # the sign-in form then loads the page it came for: the header read may go with the page
    steady(driver).until(lambda d: d.find_element(By.ID, "account-link").text == user, f"signed in as {user}")


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def async_job(base, secret, adql):
    """A completed async job of the owner's; its id."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    body = urllib.parse.urlencode({"LANG": "ADQL", "QUERY": adql, "PHASE": "RUN", "RUNID": "bright stars"}).encode()
    request = urllib.request.Request(base + "/tap/async", data=body, headers={
        "Authorization": "Basic " + base64.b64encode(f"{OWNER}:{secret}".encode()).decode()})
    try:
        urllib.request.build_opener(NoRedirect).open(request, timeout=60)
        raise Failure("the job list did not answer 303")
    except urllib.error.HTTPError as e:
        check(e.code == 303, f"the job list answers 303 to a new job, not {e.code}")
        job = e.headers["Location"].rsplit("/", 1)[1]
    for _ in range(20):
        status, text = call(base, f"/tap/async/{job}/phase", OWNER, secret)
        if text.strip() in ("COMPLETED", "ERROR", "ABORTED"):
            break
        call(base, f"/tap/async/{job}?WAIT=5", OWNER, secret)
    check(text.strip() == "COMPLETED", f"the job completes: {text}")
    return job


def row_of(driver, table):
    return driver.find_element(By.CSS_SELECTOR, f"#tables-body tr[data-table='{table}']")


def owner_steps(driver, wait, base, shots, secret, made):
    files = tempfile.mkdtemp(prefix="my-tables-")
    # anonymous: to the sign-in form and back; then the menu has My tables
    sign_in(driver, wait, base, OWNER, secret, "/tables/mine")
    wait.until(lambda d: d.find_elements(By.ID, "my-tables-page"), "the form came back to My tables")
    check(driver.current_url == base + "/tables/mine", f"back on the page: {driver.current_url}")
    menu = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "header.site nav a")]
    check("My tables" in menu, f"the site menu has My tables when signed in: {menu}")
    wait.until(lambda d: d.find_element(By.ID, "no-tables").is_displayed(), "the empty list's explanation")
    schema = storage(base, secret)["schema"]
    empty = driver.find_element(By.ID, "no-tables").text
    check("create_table('targets'" in empty and f"{schema}.targets" in empty and "curl" in empty,
          f"the empty list says how to send tables: {empty[:200]!r}")
    screenshot(driver, os.path.join(shots, "my-tables-empty.png"))
    print(f"ok: an anonymous visit signs in and comes back; the empty list explains pyvo and curl ({schema})")

    # a new table from a CSV file: proposed types, one changed, a unit set
    driver.find_element(By.ID, "new-file").send_keys(write(files, "targets.csv", CSV))
    wait.until(lambda d: d.find_element(By.ID, "new-columns").is_displayed(), "the proposed columns")
    check(driver.find_element(By.ID, "new-name").get_attribute("value") == "targets", "the name from the file's")
    rows = driver.find_elements(By.CSS_SELECTOR, "#new-columns-body tr")
    proposed = {r.find_element(By.TAG_NAME, "code").text: Select(r.find_element(By.TAG_NAME, "select"))
                .first_selected_option.get_attribute("value") for r in rows}
    check(proposed == {"id": "long", "ra": "double", "dec": "double", "name": "text", "mag": "long"},
          f"types proposed from the rows: {proposed}")
    mag = [r for r in rows if r.find_element(By.TAG_NAME, "code").text == "mag"][0]
    Select(mag.find_element(By.TAG_NAME, "select")).select_by_value("double")
    ra = [r for r in rows if r.find_element(By.TAG_NAME, "code").text == "ra"][0]
    ra.find_element(By.CSS_SELECTOR, "input[aria-label^='Unit']").send_keys("deg")
    check(mag.find_element(By.TAG_NAME, "select").get_attribute("aria-label") == "Type of mag", "labelled controls")
    screenshot(driver, os.path.join(shots, "my-tables-new-csv.png"))
    driver.find_element(By.ID, "create-table").click()
    made.append("targets")
    steady(driver).until(lambda d: "?table=targets" in d.current_url and status_text(d) == f"Created {schema}.targets.",
                         "the new table's view")
    check(driver.find_element(By.ID, "fact-rows").text == "4", f"4 rows: {driver.find_element(By.ID, 'fact-rows').text}")
    rows = tap_rows(base, OWNER, secret, f"SELECT id, name, mag FROM {schema}.targets ORDER BY id")
    check(rows[1:] == [["1", "M31", "3.0"], ["2", "Orion, M42", "4.0"], ["3", "Cen A", "7.0"], ["4", "M87", "9.0"]],
          f"TAP reads the file's rows, mag as a double: {rows}")
    columns = tap_rows(base, OWNER, secret, "SELECT column_name, datatype, unit FROM TAP_SCHEMA.columns"
                       f" WHERE table_name = '{schema}.targets' ORDER BY column_index")
    check(["mag", "double", ""] in columns and ["ra", "double", "deg"] in columns,
          f"TAP_SCHEMA has the edited type and unit: {columns}")
    print(f"ok: a CSV file made {schema}.targets with the proposed types (one edited) and a unit")

    # rows from a VOTable
    driver.find_element(By.ID, "load-file").send_keys(write(files, "more.vot", VOTABLE))
    driver.find_element(By.ID, "load-button").click()
    steady(driver).until(lambda d: status_text(d).startswith("Inserted 2 rows"), "the load's answer")
    steady(driver).until(lambda d: d.find_element(By.ID, "fact-rows").text == "6", "the facts count the new rows")
    check(tap_rows(base, OWNER, secret, f"SELECT COUNT(*) AS n FROM {schema}.targets")[1] == ["6"], "TAP counts 6 rows")
    print(f"ok: a VOTable's rows loaded: {status_text(driver)!r}")

    # a column's unit and UCD edited in place
    dec = driver.find_element(By.CSS_SELECTOR, "#columns-body tr[data-column='dec']")
    dec.find_element(By.CSS_SELECTOR, "input[name='unit']").send_keys("deg")
    dec.find_element(By.CSS_SELECTOR, "input[name='ucd']").send_keys("pos.eq.dec;meta.main")
    driver.find_element(By.ID, "save-description").click()
    steady(driver).until(lambda d: status_text(d) == f"Saved the description of {schema}.targets (dec).", "saved")
    status, vosi = call(base, f"/tap/tables/{schema}.targets", OWNER, secret)
    check(status == 200, f"VOSI describes the table: {status} {vosi[:300]}")
    described = {c.findtext("name"): (c.findtext("unit"), c.findtext("ucd"))
                 for c in ElementTree.fromstring(vosi).iter("column")}
    check(described.get("dec") == ("deg", "pos.eq.dec;meta.main") and described.get("ra", ("",))[0] == "deg",
          f"VOSI says the new unit and UCD: {described}")
    screenshot(driver, os.path.join(shots, "my-tables-view.png"))
    print("ok: dec's unit and UCD edited in place, as VOSI now says")

    # shared with the group, by keyboard only: to the list, Tab to Open, Enter; then Space on the group, Tab, Enter
    driver.get(base + "/tables/mine")
    wait.until(lambda d: row_of(d, "targets"), "the list")
    name = row_of(driver, "targets").find_element(By.CSS_SELECTOR, "td.name a")
    driver.execute_script("arguments[0].focus()", name)
    driver.switch_to.active_element.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("textContent") == "Open targets",
          f"Tab goes from the name to Open: {driver.switch_to.active_element.get_attribute('textContent')!r}")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#share-groups input"), "the view's groups")
    box = driver.find_element(By.CSS_SELECTOR, f"#share-groups input[value='{GROUP}']")
    check(driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").text == GROUP, "labelled")
    driver.execute_script("arguments[0].focus()", driver.find_element(By.ID, "share-public"))
    driver.switch_to.active_element.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("value") == GROUP, "Tab goes from Public to the group")
    driver.switch_to.active_element.send_keys(Keys.SPACE)
    driver.switch_to.active_element.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("id") == "save-sharing", "then to Save sharing")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    steady(driver).until(lambda d: status_text(d) == f"{schema}.targets is now readable by: Groups: {GROUP}.",
                         "the sharing is saved")
    check(driver.find_element(By.ID, "tables-status").get_attribute("aria-live") == "polite", "said in a live region")
    status, permissions = call(base, f"/tap/permissions/{schema}.targets", OWNER, secret)
    check(status == 200 and "public=false" in permissions and GROUP in permissions, f"youcat's text: {permissions}")
    print(f"ok: by keyboard only, {schema}.targets is shared with {GROUP}: {permissions.splitlines()}")

    # Keep as table on the Jobs page
    job = async_job(base, secret, "SELECT TOP 3 hr, name, vmag FROM demo.bsc5 ORDER BY vmag")
    made.append(("job", job))
    driver.get(f"{base}/jobs?job={job}")
    wait.until(lambda d: d.find_elements(By.XPATH, "//div[@id='job-actions']/button[starts-with(., 'Keep as table')]"),
               "Keep as table on the completed job")
    driver.find_element(By.XPATH, "//div[@id='job-actions']/button[starts-with(., 'Keep as table')]").click()
    alert = wait.until(lambda d: d.switch_to.alert, "Keep asks for the name")
    check(alert.text.startswith("Keep the result of bright stars as a table of yours"), alert.text)
    alert.send_keys("bright_stars")
    alert.accept()
    made.append("bright_stars")
    steady(driver).until(lambda d: "is now your table" in d.find_element(By.ID, "jobs-status").text, "kept")
    check(f"{schema}.bright_stars" in driver.find_element(By.ID, "jobs-status").text,
          driver.find_element(By.ID, "jobs-status").text)
    screenshot(driver, os.path.join(shots, "my-tables-keep.png"))
    driver.find_element(By.LINK_TEXT, "See it on My tables.").click()
    steady(driver).until(lambda d: d.find_element(By.ID, "fact-origin").text == "keeping a job's result", "its view")
    check(driver.find_element(By.ID, "fact-rows").text == "3", "with the job's 3 rows")
    print(f"ok: Keep as table made job {job}'s result {schema}.bright_stars")

    # the storage bar and its words, as /account/storage says
    driver.get(base + "/tables/mine")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#tables-body tr")) == 2, "the list of two tables")
    s = storage(base, secret)
    text = driver.find_element(By.ID, "storage-text").text
    percent = int(100 * s["usedBytes"] / s["limitBytes"] + 0.5)
    check(f"({percent}%)" in text and f"2 of at most {s['maxTables']} tables" in text, f"the words: {text!r} for {s}")
    width = driver.execute_script("return document.getElementById('storage-tables').style.width")
    check(width.endswith("%") and float(width[:-1]) > 0, f"the bar shows the tables: {width}")
    listed = {tr.get_attribute("data-table"): [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
              for tr in driver.find_elements(By.CSS_SELECTOR, "#tables-body tr")}
    check(listed["targets"][1] == "6" and listed["targets"][4] == f"Groups: {GROUP}", f"the list: {listed}")
    check(listed["bright_stars"][4] == "Only you", f"the kept table is the owner's alone: {listed}")
    screenshot(driver, os.path.join(shots, "my-tables-list.png"))
    no_console_errors(driver, "My tables and the Jobs page")
    print(f"ok: the storage says {text!r}")
    return schema


def member_steps(driver, wait, base, shots, user, secret, table, sees):
    sign_in(driver, wait, base, user, secret, "/account")
    driver.get(base + "/query")
    tables = tree_tables(driver, wait)
    check((table in tables) == sees, f"{user} {'sees' if sees else 'does not see'} {table}: "
          f"{sorted(t for t in tables if t.startswith('user_'))}")
    driver.save_screenshot(os.path.join(shots, f"my-tables-{'member' if sees else 'outsider'}-query.png"))
    no_console_errors(driver, f"the query page of {user}")
    print(f"ok: {user} {'finds' if sees else 'does not find'} {table} in the query page's table browser")


def operator_steps(driver, wait, base, shots, secrets, schema):
    sign_in(driver, wait, base, ADMIN, secrets[ADMIN], "/admin/operations")
    row = steady(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, f"#storage-users tr[data-user='{OWNER}']"),
                               "the owner in the Storage section")
    cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
    check(cells[6].startswith("2 of ") and f"{schema}.targets" in cells[7], f"two tables, the largest named: {cells}")
    quota = driver.find_element(By.CSS_SELECTOR, f"#group-quotas tr[data-group='{GROUP}']")
    size, count = quota.find_elements(By.TAG_NAME, "input")
    check(size.get_attribute("aria-label") == f"Storage quota of group {GROUP}", "labelled inputs")
    size.clear()
    size.send_keys("1 GB")
    count.clear()
    count.send_keys("5")
    quota.find_element(By.TAG_NAME, "button").click()
    steady(driver).until(lambda d: d.find_element(By.ID, "office-status").text
                         == f"Group {GROUP}: storage 1 GB, tables 5.", "the quota is saved")
    s = storage(base, secrets[OWNER])
    check(s["limitBytes"] == 10 ** 9 and s["maxTables"] == 5, f"the owner's limits are the group's now: {s}")
    screenshot(driver, os.path.join(shots, "my-tables-operations-storage.png"))
    status, text = call(base, f"/admin/groups/{GROUP}/quota", ADMIN, secrets[ADMIN], "PUT",
                        '{"storageBytes": null, "maxTables": null}', "application/json")
    check(status == 200 and json.loads(text)["storageBytes"] is None, f"the defaults again: {status} {text}")
    no_console_errors(driver, "the operations page")
    print(f"ok: the operations page lists {OWNER}'s storage ({cells[1]}) and set {GROUP}'s quota")


def drop_steps(driver, wait, base, shots, secret, schema, made):
    sign_in(driver, wait, base, OWNER, secret, "/tables/mine?table=bright_stars")
    wait.until(lambda d: d.find_element(By.ID, "fact-rows").text, "the table's view")
    driver.find_element(By.ID, "drop-table").click()
    alert = wait.until(lambda d: d.switch_to.alert, "Drop asks first")
    check(f"{schema}.bright_stars" in alert.text and "cannot be undone" in alert.text, alert.text)
    alert.dismiss()
    check(call(base, f"/tap/tables/{schema}.bright_stars", OWNER, secret)[0] == 200, "Cancel keeps the table")
    driver.find_element(By.ID, "drop-table").click()
    wait.until(lambda d: d.switch_to.alert, "Drop asks again").accept()
    steady(driver).until(lambda d: status_text(d) == f"Dropped {schema}.bright_stars.", "the list says it is dropped")
    check(not driver.find_elements(By.CSS_SELECTOR, "#tables-body tr[data-table='bright_stars']"), "gone from the list")
    check(call(base, f"/tap/tables/{schema}.bright_stars", OWNER, secret)[0] == 404, "and from VOSI")
    made.remove("bright_stars")
    screenshot(driver, os.path.join(shots, "my-tables-after-drop.png"))
    no_console_errors(driver, "My tables after a drop")
    print(f"ok: Drop asked first (Cancel kept it), then dropped {schema}.bright_stars")


def run(base, shots):
    secrets = {OWNER: password(), MEMBER: password(), OUTSIDER: password(), ADMIN: password()}
    make_user(ADMIN, secrets[ADMIN], "admin")
    make_user(OWNER, secrets[OWNER], GROUP)
    make_user(MEMBER, secrets[MEMBER], GROUP)
    make_user(OUTSIDER, secrets[OUTSIDER])
    made = []
    found = {}
    try:
        status = session("my-tables", shots, lambda driver, wait: found.setdefault(
            "schema", owner_steps(driver, wait, base, shots, secrets[OWNER], made)))
        if status == 0:
            table = f"{found['schema']}.targets"
            status = session("my-tables-member", shots, lambda driver, wait: member_steps(
                driver, wait, base, shots, MEMBER, secrets[MEMBER], table, True)) or session(
                "my-tables-outsider", shots, lambda driver, wait: member_steps(
                    driver, wait, base, shots, OUTSIDER, secrets[OUTSIDER], table, False)) or session(
                "my-tables-operations", shots, lambda driver, wait: operator_steps(
                    driver, wait, base, shots, secrets, found["schema"])) or session(
                "my-tables-drop", shots, lambda driver, wait: drop_steps(
                    driver, wait, base, shots, secrets[OWNER], found["schema"], made))
        return status
    finally:
        schema = found.get("schema")
        if schema is None:
            status, text = call(base, "/account/storage", OWNER, secrets[OWNER])
            schema = json.loads(text)["schema"] if status == 200 else None
        for thing in made:
            if isinstance(thing, tuple):
                call(base, f"/tap/async/{thing[1]}", OWNER, secrets[OWNER], "DELETE")
            elif schema:
                call(base, f"/tap/tables/{schema}.{thing}", OWNER, secrets[OWNER], "DELETE")
        # the personal schema's row names its owner (no cascade: deleting a user with tables fails loudly)
        owner_sql(f"DELETE FROM archive.schemas WHERE owner = '{OWNER}'; DELETE FROM archive.group_quotas WHERE group_id"
                  f" IN (SELECT id FROM archive.groups WHERE name = '{GROUP}')")
        delete_users(OWNER, MEMBER, OUTSIDER, ADMIN)


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "my tables page"))
