#!/usr/bin/env python3
"""The ADQL query page in a real browser: Debian's headless Chromium driven by Selenium (python3-selenium)
through Debian's chromium-driver. Nothing is downloaded: the browser and its driver are the packages'.

It types queries into the editor as a person would (keys, not scripts), then checks:
  - the page loads under its Content-Security-Policy with no error in the browser's console; its first
    contentful paint (Performance API) is printed;
  - the editor is labelled and Tab leaves it for the Run button;
  - Ctrl+Enter runs a query and the table shows exactly the rows TAP sync gives for it (asked here directly);
  - names complete from the tables the caller may see (VOSI tables), functions with their signatures and
    descriptions (the capabilities' user-defined functions);
  - a query naming an unknown column is marked at that column's line and column while it is typed (the
    archive's check endpoint), and the status line says where; Run then shows the DALI error's message,
    not XML; the page's own POSTs pass the cross-site request filter;
  - the table browser is a tree (roles, aria-expanded) the keyboard opens and walks: a column shows its type,
    unit, UCD and description, Enter inserts its name at the cursor, a click inserts a table's qualified name;
    the filter narrows it to the tables that match, by name or by their columns;
  - an example from /tap/examples (read here too) goes into the editor with one click and runs;
  - the cone search form takes a sexagesimal position, returns the rows the table's cone search gives (Sirius
    first) and puts the ADQL it ran into the editor;
  - a query on TAP_UPLOAD with a chosen local VOTable is unknown before the file is added and valid after, and
    runs with it (the rows matched in demo.kstars);
  - Run as job from a page opened under another host name than archive.base-url's (127.0.0.1 for localhost,
    or the reverse) starts the job with the upload, its name and queue, and opens it on the Jobs page of the
    page's own origin; the job completes with the same rows (read from UWS);
  - at 1200 and 768 pixels wide nothing scrolls sideways;
  - signed in (a session from the account page's form), the browser and the home page list a PRIVATE table of
    the user's group, which they do not list before: the page's requests carry the session.
Makes its own users and a scratch collection for the signed-in check (deploy/user and the admin API, with the
archive's settings in the environment as deploy/test exports them) and deletes them at the end.
Screenshots of each step go to --screenshots (and one of the page as it was when a check failed).

Usage: python3 query_page.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import base64
import json
import os
import re
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from chromium import check, main, no_console_errors, session, tap_rows
from metadata_pages import no_sideways_scroll, screenshot, until

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from archive_fixtures import delete_users, make_user, owner_sql, password  # noqa: E402

GOOD = ["SELECT TOP 5 hr, name, vmag", "FROM demo.bsc5", "WHERE vmag < 1", "ORDER BY vmag"]
BAD_COLUMN = "nosuchcolumn"
BAD = ["SELECT TOP 5 hr, name", "FROM demo.bsc5", f"WHERE {BAD_COLUMN} > 1"]


def type_query(driver, lines):
    """Replaces the editor's text by typing the lines (Escape closes a completion before Enter could take it)."""
    content = driver.find_element(By.CSS_SELECTOR, ".cm-content")
    content.click()
    content.send_keys(Keys.CONTROL, "a")
    content.send_keys(Keys.DELETE)
    for i, line in enumerate(lines):
        content.send_keys(line)
        content.send_keys(Keys.ESCAPE)
        if i < len(lines) - 1:
            content.send_keys(Keys.ENTER)
    return content


def editor_lines(driver):
    return [line.text for line in driver.find_elements(By.CSS_SELECTOR, ".cm-content .cm-line")]


# the 400 of running the bad query, which the test provokes
RUN_REFUSED = "/tap/sync - Failed to load resource: the server responded with a status of 400 (Bad Request)"

EXAMPLE = "Bright stars within 2 degrees of the Pleiades"
UPLOAD_EXAMPLE = "Cross-match your own positions with the KStars catalogue"
# the positions to upload as TAP_UPLOAD.mine: Sirius and Vega, each within 0.01 degrees of a demo.kstars star
MINE = """<?xml version="1.0" encoding="UTF-8"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE name="mine">
<FIELD name="ra" datatype="double" unit="deg" ucd="pos.eq.ra"/>
<FIELD name="dec" datatype="double" unit="deg" ucd="pos.eq.dec"/>
<DATA><TABLEDATA><TR><TD>101.287</TD><TD>-16.716</TD></TR><TR><TD>279.2347</TD><TD>38.7837</TD></TR></TABLEDATA></DATA>
</TABLE></RESOURCE></VOTABLE>
"""
XHTML = "{http://www.w3.org/1999/xhtml}"


def editor_text(driver):
    return "\n".join(editor_lines(driver))


def check_status(driver):
    return driver.find_element(By.ID, "check-status").text


def result_rows(driver):
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")]


def result_header(driver):
    return [th.text.split(" [")[0] for th in driver.find_elements(By.CSS_SELECTOR, "#result-table thead th")]


def run_and_wait(driver, wait, what):
    """Runs the editor's query (the Run button) and waits for its status; the status line's text."""
    driver.execute_script("document.getElementById('run-status').textContent = ''")
    driver.find_element(By.ID, "run").click()
    return until(wait, lambda d: d.find_element(By.ID, "run-status").text not in ("", "Running\u2026")
                 and d.find_element(By.ID, "run-status").text, what)


def other_host(base):
    """The archive under another name of this machine than archive.base-url's (which the capabilities' TAP
    accessURL gives): 127.0.0.1 for localhost and the reverse."""
    with urllib.request.urlopen(base + "/tap/capabilities", timeout=30) as response:
        access = re.search(r'<accessURL use="base">([^<]+)</accessURL>', response.read().decode())
    check(access, "the capabilities name the TAP service's base URL")
    configured = urllib.parse.urlsplit(access.group(1)).hostname
    parts = urllib.parse.urlsplit(base)
    host = {"localhost": "127.0.0.1", "127.0.0.1": "localhost"}.get(configured)
    check(host, f"archive.base-url's host {configured} has no other name here: use localhost or 127.0.0.1")
    return urllib.parse.urlunsplit((parts.scheme, f"{host}:{parts.port}" if parts.port else host, parts.path, "", ""))


def examples(base):
    """The service's examples by name, read from /tap/examples without the page (RDFa: property name, query)."""
    with urllib.request.urlopen(base + "/tap/examples", timeout=30) as response:
        root = ET.fromstring(response.read())
    found = {}
    for element in root.iter():
        if element.get("typeof") == "example":
            props = {e.get("property"): "".join(e.itertext()) for e in element.iter() if e.get("property")}
            found[props["name"].strip()] = props["query"].strip()
    return found


def uws_job(base, job_id, wait=0):
    """A job's phase, RUNID, queue and parameters, from UWS without the page."""
    query = f"?WAIT={wait}" if wait else ""
    with urllib.request.urlopen(f"{base}/tap/async/{job_id}{query}", timeout=wait + 30) as response:
        root = ET.fromstring(response.read())
    uws = "{http://www.ivoa.net/xml/UWS/v1.0}"
    return {"phase": root.findtext(uws + "phase"), "runId": root.findtext(uws + "runId"),
            "queue": root.findtext("{urn:voarchive:uws}queue", default=None) or "".join(
                e.text or "" for e in root.iter() if e.tag.endswith("}queue")),
            "parameters": {p.get("id").upper(): p.text for p in root.iter(uws + "parameter")},
            "results": [r.get("{http://www.w3.org/1999/xlink}href") for r in root.iter(uws + "result")]}


def steps(driver, wait, base, shots):
    driver.get(base + "/query")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cm-editor .cm-content"))
    paint = driver.execute_script(
        "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : null")
    check(paint is not None, "the browser reports the page's first contentful paint")
    loaded = driver.execute_script("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    print(f"ok: first contentful paint of the query page {paint:.0f} ms (DOMContentLoaded {loaded:.0f} ms), "
          "a fresh browser profile")
    check(not driver.find_element(By.ID, "query").is_displayed(), "the text area gives way to the editor")
    content = driver.find_element(By.CSS_SELECTOR, ".cm-content")
    check(content.get_attribute("aria-labelledby") == "query-label", "the editor is labelled by 'ADQL query'")
    check(driver.find_element(By.ID, "query-label").text == "ADQL query", "the label's text")
    # the initial query is checked without typing anything
    wait.until(lambda d: "valid ADQL" in d.find_element(By.ID, "check-status").text)

    # keyboard: Tab leaves the editor for the Run button (no focus trap)
    content.click()
    content.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("id") == "run",
          f"Tab from the editor reaches Run, not {driver.switch_to.active_element.tag_name}")

    # a good query, run with Ctrl+Enter: the table holds exactly TAP's rows
    content = type_query(driver, GOOD)
    check(editor_lines(driver)[0] == GOOD[0], f"the typed query is in the editor: {editor_lines(driver)}")
    wait.until(lambda d: "valid ADQL" in d.find_element(By.ID, "check-status").text)
    content.send_keys(Keys.CONTROL, Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr"))
    header, expected = tap_rows(base, "\n".join(editor_lines(driver)))
    check(len(expected) == 5, f"TAP gives the five brightest stars: {expected}")
    shown_header = [th.text.split(" [")[0] for th in driver.find_elements(By.CSS_SELECTOR, "#result-table thead th")]
    check(shown_header == header, f"the page's columns {shown_header} are TAP's {header}")
    shown = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
             for tr in driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")]
    check(shown == expected, f"the page's rows {shown} are TAP's {expected}")
    check(expected[0][0] == "2491", f"Sirius (HR 2491) is first: {expected[0]}")
    status = driver.find_element(By.ID, "run-status").text
    check(status.startswith("5 rows"), f"the run status counts the rows: {status!r}")
    check("[mag]" in driver.find_element(By.CSS_SELECTOR, "#result-table thead").text, "units in the header")
    driver.save_screenshot(os.path.join(shots, "query-results.png"))
    print(f"ok: Ctrl+Enter ran the query; the page shows TAP's {len(shown)} rows ({shown[0]} first)")

    # completion of the caller's tables from VOSI tables
    content = type_query(driver, ["SELECT * FROM demo.bs"])
    content.send_keys(Keys.CONTROL, Keys.SPACE)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li"))
    options = [o.text for o in driver.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li")]
    check(any(o.startswith("bsc5") for o in options), f"demo.bs completes to bsc5: {options}")
    driver.save_screenshot(os.path.join(shots, "query-completion.png"))
    content.send_keys(Keys.ESCAPE)
    print(f"ok: completion offers {options}")

    # a bad column on line 3: marked where the archive's check says, while typing, before any run
    type_query(driver, BAD)
    lines = editor_lines(driver)
    line = next(i for i, text in enumerate(lines) if BAD_COLUMN in text) + 1
    column = lines[line - 1].index(BAD_COLUMN) + 1
    check(line == 3, f"the bad column is on line 3: {lines}")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cm-lintRange-error"))
    marks = driver.find_elements(By.CSS_SELECTOR, ".cm-lintRange-error")
    check([m.text for m in marks] == [BAD_COLUMN], f"exactly the bad column is marked: {[m.text for m in marks]}")
    marked_line = marks[0].find_element(
        By.XPATH, "./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' cm-line ')]")
    check(driver.find_elements(By.CSS_SELECTOR, ".cm-content .cm-line").index(marked_line) == line - 1,
          "the mark is on line 3")
    check_status = driver.find_element(By.ID, "check-status")
    check(check_status.text.startswith(f"Line {line}, column {column}: ") and BAD_COLUMN in check_status.text,
          f"the status says where: {check_status.text!r} (expected line {line}, column {column})")
    check("error" in check_status.get_attribute("class"), "the status is shown as an error")
    check(driver.find_elements(By.CSS_SELECTOR, ".cm-gutter-lint .cm-lint-marker-error"), "a marker in the gutter")
    driver.save_screenshot(os.path.join(shots, "query-error-marked.png"))
    print(f"ok: the unknown column is marked at line {line}, column {column}: {check_status.text!r}")

    # Run anyway (the button): the DALI error's message, in words, not the XML document
    driver.find_element(By.ID, "run").click()
    wait.until(lambda d: "error" in d.find_element(By.ID, "run-status").get_attribute("class"))
    message = driver.find_element(By.ID, "run-status").text
    check(message.startswith("The query failed: ") and BAD_COLUMN in message, f"the TAP error: {message!r}")
    check("<" not in message and "VOTABLE" not in message, f"no XML in the message: {message!r}")
    check(not driver.find_elements(By.CSS_SELECTOR, "#result-table"), "the old rows are gone")
    driver.save_screenshot(os.path.join(shots, "query-error-run.png"))
    print(f"ok: Run shows the service's message: {message!r}")

    browse(driver, wait, shots)
    complete_functions(driver, wait, shots)
    example(driver, wait, base, shots)
    cone_search(driver, wait, base, shots)
    upload(driver, wait, base, shots)
    job_from_another_host(driver, wait, base, shots)
    widths(driver, base, shots)
    no_console_errors(driver, "the query page", [RUN_REFUSED])
    print("ok: no console errors under the page's Content-Security-Policy")


def tree_item(driver, table):
    return driver.find_element(By.CSS_SELECTOR, f"#table-tree [role=treeitem][data-table='{table}']")


def active(driver):
    return driver.switch_to.active_element


def browse(driver, wait, shots):
    """The tree of the caller's tables: keyboard, filter, and the names it inserts into the query."""
    until(wait, lambda d: d.find_elements(By.CSS_SELECTOR, "#table-tree[role=tree] [role=treeitem][data-table]"),
          "the table browser's tables")
    bsc5 = tree_item(driver, "demo.bsc5")
    check(bsc5.get_attribute("aria-expanded") == "false" and bsc5.get_attribute("aria-level") == "2",
          "a table is a closed tree item of level 2")
    check(driver.find_element(By.ID, "browser").get_attribute("hidden") is None, "the browser is shown")
    type_query(driver, ["SELECT TOP 3 "])
    # the filter keeps the tables that match; arrow keys go from it into the tree and walk it
    filter_box = driver.find_element(By.ID, "table-filter")
    check(driver.find_element(By.CSS_SELECTOR, "label[for=table-filter]").text == "Filter", "the filter is labelled")
    filter_box.send_keys("bsc5")
    until(wait, lambda d: re.match(r"1 of \d+ tables match", d.find_element(By.ID, "browser-status").text),
          "the filter's count")
    shown = [e.get_attribute("data-table") for e in driver.find_elements(By.CSS_SELECTOR, "#table-tree [data-table]")
             if e.is_displayed()]
    check(shown == ["demo.bsc5"], f"the filter shows only demo.bsc5: {shown}")
    filter_box.send_keys(Keys.ARROW_DOWN)
    check(active(driver).get_attribute("data-insert") == "demo", "Down from the filter reaches the first item")
    active(driver).send_keys(Keys.ARROW_DOWN)
    check(active(driver).get_attribute("data-table") == "demo.bsc5", "Down moves to the table")
    active(driver).send_keys(Keys.ARROW_RIGHT)
    check(bsc5.get_attribute("aria-expanded") == "true", "Right opens the table")
    active(driver).send_keys(Keys.ARROW_RIGHT)
    check(active(driver).get_attribute("data-column") == "hr", "Right again moves to its first column")
    for _ in range(10):
        if active(driver).get_attribute("data-column") == "vmag":
            break
        active(driver).send_keys(Keys.ARROW_DOWN)
    vmag = active(driver)
    check(vmag.get_attribute("data-column") == "vmag", "Down walks the columns to vmag")
    for fact in ("vmag", "float", "[mag]", "UCD phot.mag;em.opt.V", "Visual magnitude"):
        check(fact in vmag.text, f"the column shows {fact!r}: {vmag.text!r}")
    check(driver.find_elements(By.CSS_SELECTOR, "#table-tree [role=treeitem][tabindex='0']") == [vmag],
          "one tab stop in the tree: the active item")
    vmag.send_keys(Keys.ENTER)
    check(editor_text(driver) == "SELECT TOP 3 vmag",
          f"Enter inserted the column at the cursor: {editor_text(driver)!r}")
    check(driver.find_element(By.ID, "browser-status").text == "Inserted vmag into the query.", "and says so")
    # a click on a table's name inserts its qualified name
    content = driver.find_element(By.CSS_SELECTOR, ".cm-content")
    content.click()
    content.send_keys(Keys.CONTROL, Keys.END)
    content.send_keys(" FROM ")
    content.send_keys(Keys.ESCAPE)
    bsc5.find_element(By.CSS_SELECTOR, ".row .name").click()
    check(editor_text(driver) == "SELECT TOP 3 vmag FROM demo.bsc5",
          f"the click inserted the table: {editor_text(driver)!r}")
    bsc5.send_keys(Keys.ARROW_LEFT)
    check(bsc5.get_attribute("aria-expanded") == "false", "Left closes the table")
    # found by a column's UCD: the tables open with the matching columns only
    filter_box.clear()
    filter_box.send_keys("phot.mag;em.opt.V")
    until(wait, lambda d: tree_item(d, "demo.kstars").is_displayed() and not tree_item(d, "demo.plates").is_displayed(),
          "the tables with a V magnitude column")
    columns = [e.get_attribute("data-column") for e in bsc5.find_elements(By.CSS_SELECTOR, "[data-column]")
               if e.is_displayed()]
    check(bsc5.get_attribute("aria-expanded") == "true" and columns == ["vmag"],
          f"demo.bsc5 opens with the matching column only: {columns}")
    driver.save_screenshot(os.path.join(shots, "query-browser.png"))
    filter_box.clear()
    filter_box.send_keys(" ")  # an input event: the filter is empty again
    until(wait, lambda d: tree_item(d, "demo.plates").is_displayed(), "all tables again")
    until(wait, lambda d: "valid ADQL" in check_status(d), "the check of the query the browser wrote")
    status = run_and_wait(driver, wait, "the rows of the query the browser wrote")
    check(status.startswith("3 rows") and result_header(driver) == ["vmag"], f"it runs: {status!r}")
    print(f"ok: the browser's tree took keys and clicks and wrote {editor_text(driver)!r}")


def complete_functions(driver, wait, shots):
    """A function completes with its signature and description, from the capabilities."""
    content = type_query(driver, ["SELECT ivo_hasw"])
    content.send_keys(Keys.CONTROL, Keys.SPACE)
    # read in one script: the list is drawn again as the completion settles
    option = until(wait, lambda d: d.execute_script(
        "return [...document.querySelectorAll('.cm-tooltip-autocomplete li')].map(li => li.textContent)"
        ".find(t => t.startsWith('ivo_hasword'))"), "ivo_hasword offered")
    check("(haystack TEXT, needle TEXT) \u2192 INTEGER" in option, f"with its signature: {option!r}")
    info = until(wait, lambda d: d.execute_script(
        "const i = document.querySelector('.cm-completionInfo'); return i && i.textContent"), "its description")
    check("needle occurs as a word" in info, f"and its description: {info!r}")
    driver.save_screenshot(os.path.join(shots, "query-function-completion.png"))
    content.send_keys(Keys.ENTER)
    check(editor_text(driver) == "SELECT ivo_hasword", f"Enter completes the name: {editor_text(driver)!r}")
    print(f"ok: ivo_hasw completes to {option!r}: {info!r}")


def example(driver, wait, base, shots):
    """One click puts a service example into the editor; it runs, with TAP's rows."""
    expected = examples(base)[EXAMPLE]
    until(wait, lambda d: d.find_elements(By.CSS_SELECTOR, "#example-list button.example"), "the examples")
    names = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#example-list button.example")]
    check(EXAMPLE in names and UPLOAD_EXAMPLE in names, f"the service's examples are listed by name: {names}")
    driver.find_element(By.XPATH, f"//ul[@id='example-list']//button[.='{EXAMPLE}']").click()
    # (lines as Selenium reads them: without their leading spaces)
    check(editor_lines(driver) == [line.strip() for line in expected.splitlines()],
          f"the example's query is in the editor: {editor_text(driver)!r}")
    until(wait, lambda d: "valid ADQL" in check_status(d), "the example's check")
    status = run_and_wait(driver, wait, "the example's rows")
    header, rows = tap_rows(base, expected)
    # (cells as the page shows them: runs of spaces, as in the star names' "27    Tau", are one)
    rows = [[" ".join(cell.split()) for cell in row] for row in rows]
    check(result_header(driver) == header and result_rows(driver) == rows and rows,
          f"the example's rows are TAP's {len(rows)}: {status!r}")
    driver.save_screenshot(os.path.join(shots, "query-example.png"))
    print(f"ok: the example {EXAMPLE!r} ran: {status!r}")


def cone_search(driver, wait, base, shots):
    """The cone search form: a sexagesimal position around Sirius on demo.bsc5."""
    Select(driver.find_element(By.ID, "cone-table")).select_by_value("demo.bsc5")
    for field, value in (("cone-ra", "06:45:08.9"), ("cone-dec", "-16:42:58"), ("cone-radius", "2")):
        driver.find_element(By.ID, field).clear()
        driver.find_element(By.ID, field).send_keys(value)
    Select(driver.find_element(By.ID, "cone-unit")).select_by_value("deg")
    driver.find_element(By.ID, "cone-run").click()
    status = until(wait, lambda d: d.find_element(By.ID, "run-status").text.startswith(
        "The cone search on demo.bsc5 found") and d.find_element(By.ID, "run-status").text, "the cone search's rows")
    rows = result_rows(driver)
    check(rows and rows[0][0] == "2491", f"Sirius (HR 2491) is nearest: {rows[:2]}")
    scs = urllib.parse.urlencode({"RA": "101.287083333", "DEC": "-16.716111111", "SR": "2", "MAXREC": "1000",
                                  "RESPONSEFORMAT": "csv"})
    with urllib.request.urlopen(f"{base}/scs/demo/bsc5?{scs}", timeout=60) as response:
        expected = [line.split(",")[0] for line in response.read().decode().splitlines()[1:]]
    check([r[0] for r in rows] == expected, f"the rows are the cone search's: {[r[0] for r in rows]} vs {expected}")
    adql = editor_text(driver)
    check("CIRCLE(101.287083333, -16.716111111, 2" in adql and "FROM demo.bsc5" in adql,
          f"the ADQL it ran is in the editor: {adql!r}")
    cone_status = driver.find_element(By.ID, "cone-status").text
    check(cone_status.startswith(f"{len(rows)} rows within 2\u00b0"), f"the form says what it found: {cone_status!r}")
    driver.save_screenshot(os.path.join(shots, "query-cone.png"))
    print(f"ok: {status!r}; the editor has its ADQL")


def add_upload(driver, wait):
    """Chooses a local file mine.vot (MINE) as a table to upload, under the name the page proposes (the file's)."""
    path = os.path.join(tempfile.mkdtemp(prefix="query-page-"), "mine.vot")
    with open(path, "w", encoding="utf-8") as f:
        f.write(MINE)
    driver.find_element(By.ID, "upload-file").send_keys(path)
    check(driver.find_element(By.ID, "upload-name").get_attribute("value") == "mine", "the file's name is proposed")
    driver.find_element(By.ID, "upload-add").click()
    until(wait, lambda d: "TAP_UPLOAD.mine" in d.find_element(By.ID, "upload-list").text, "the chosen table")


def upload(driver, wait, base, shots):
    """A query on TAP_UPLOAD: unknown without the file, valid with it, and it runs with it."""
    driver.find_element(By.XPATH, f"//ul[@id='example-list']//button[.='{UPLOAD_EXAMPLE}']").click()
    check(driver.find_element(By.ID, "uploads").get_attribute("open") is not None, "the uploads open for the example")
    until(wait, lambda d: "TAP_UPLOAD.mine" in check_status(d) and "error" in d.find_element(
        By.ID, "check-status").get_attribute("class"), "the check's verdict without the table")
    print(f"ok: without the file, the check says {check_status(driver)!r}")
    add_upload(driver, wait)
    until(wait, lambda d: "valid ADQL" in check_status(d), "the check with the uploaded table")
    driver.save_screenshot(os.path.join(shots, "query-upload.png"))
    status = run_and_wait(driver, wait, "the rows of the cross-match")
    rows = result_rows(driver)
    header = result_header(driver)
    check(status.startswith("2 rows") and header[:3] == ["my_ra", "my_dec", "star_id"],
          f"both positions matched a star: {status!r} {header}")
    check(sorted(r[0] for r in rows) == ["101.287", "279.2347"], f"the uploaded positions came back: {rows}")
    print(f"ok: the upload checked and ran: {rows}")


def job_from_another_host(driver, wait, base, shots):
    """Run as job on a page whose host name is not archive.base-url's: the job starts, on the page's origin."""
    other = other_host(base)
    driver.get(other + "/query")
    until(wait, lambda d: d.find_elements(By.CSS_SELECTOR, "#example-list button.example"), "the examples")
    driver.find_element(By.XPATH, f"//ul[@id='example-list']//button[.='{UPLOAD_EXAMPLE}']").click()
    add_upload(driver, wait)
    until(wait, lambda d: "valid ADQL" in check_status(d), "the check with the uploaded table")
    name = "query page cross-match"
    driver.find_element(By.ID, "job-name").send_keys(name)
    queues = driver.find_elements(By.ID, "job-queue")
    queue = None
    if queues:
        select = Select(queues[0])
        queue = select.options[-1].get_attribute("value")
        select.select_by_value(queue)
    driver.find_element(By.ID, "run-job").click()
    until(wait, lambda d: "/jobs?job=" in d.current_url, "the Jobs page")
    url = urllib.parse.urlsplit(driver.current_url)
    check(url.hostname == urllib.parse.urlsplit(other).hostname,
          f"the page stayed on its own origin: {driver.current_url}")
    job_id = urllib.parse.parse_qs(url.query)["job"][0]
    kept = driver.execute_script("return localStorage.getItem('voarchive.anonymous-jobs')") or ""
    check(job_id in kept, "the anonymous job's id is kept in this browser")
    job = uws_job(base, job_id)
    for _ in range(12):
        if job["phase"] not in ("PENDING", "QUEUED", "EXECUTING"):
            break
        job = uws_job(base, job_id, wait=10)
    check(job["phase"] == "COMPLETED", f"the job completed: {job}")
    check(job["runId"] == name and (queue is None or job["queue"] == queue), f"with its name and queue: {job}")
    check(job["parameters"].get("UPLOAD") == "mine,param:mine", f"and the upload: {job['parameters']}")
    result = urllib.parse.urlsplit(job["results"][0])
    with urllib.request.urlopen(base + result.path, timeout=30) as response:
        votable = response.read().decode()
    check(votable.count("<TR>") == 2, "the job's result has both matches")
    time.sleep(1)  # the Jobs page has shown the job
    driver.save_screenshot(os.path.join(shots, "query-job-other-host.png"))
    request = urllib.request.Request(f"{base}/tap/async/{job_id}", method="DELETE")
    try:
        urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as e:  # the 303 to the job list, which urllib does not follow for a DELETE
        check(e.code == 303, f"the job is deleted: {e.code}")
    print(f"ok: Run as job on {other} started job {job_id} ({job['phase']}, {job['runId']!r}, queue {job['queue']}) "
          "on the page's own origin")


def widths(driver, base, shots):
    """Readable on a laptop and on a tablet: nothing scrolls sideways at 1200 and 768 pixels."""
    driver.get(base + "/query")
    until(WebDriverWait(driver, 30), lambda d: d.find_elements(By.CSS_SELECTOR, "#table-tree [data-table]"),
          "the table browser")
    for width in (1200, 768):
        driver.set_window_size(width, 1000)
        time.sleep(0.3)
        no_sideways_scroll(driver, f"the query page at {width} pixels")
        screenshot(driver, os.path.join(shots, f"query-{width}.png"))
    driver.set_window_size(1366, 900)
    print("ok: nothing scrolls sideways at 1200 and 768 pixels")


# the signed-in check's own users, group and collection (a PRIVATE table of the group)
ADMIN = "browser-query-admin"
MEMBER = "browser-query-member"
GROUP = "browser_query_group"
SCHEMA = "browser_query"
PRIVATE_TABLE = SCHEMA + ".group_only"


def admin_call(base, method, path, body, secret):
    """The admin API as the operators use it (HTTP Basic as the check's admin); the answer's JSON text."""
    request = urllib.request.Request(base + path, method=method, data=None if body is None else body.encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Basic "
                                              + base64.b64encode(f"{ADMIN}:{secret}".encode()).decode()})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read().decode()


def private_collection(base, secret):
    """A collection with a PUBLIC table and a PRIVATE one of GROUP, described and published as operators do."""
    owner_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; DELETE FROM archive.schemas WHERE name = '{SCHEMA}';"
              f"CREATE SCHEMA {SCHEMA}; CREATE TABLE {SCHEMA}.everyone (id integer PRIMARY KEY);"
              f"CREATE TABLE {PRIVATE_TABLE} (id integer PRIMARY KEY, secret text)")
    admin_call(base, "POST", f"/admin/metadata/discover?schema={SCHEMA}", None, secret)
    owner_sql(f"UPDATE archive.schemas SET published = true WHERE name = '{SCHEMA}';"
              "UPDATE archive.tables SET published = true WHERE schema_id = "
              f"(SELECT id FROM archive.schemas WHERE name = '{SCHEMA}')")
    table = json.loads(admin_call(base, "GET", f"/admin/metadata/tables/{PRIVATE_TABLE}", None, secret))
    admin_call(base, "PUT", f"/admin/metadata/tables/{PRIVATE_TABLE}", json.dumps(
        {"dataAccess": "PRIVATE", "metadataAccess": "PRIVATE", "version": table["version"]}), secret)
    admin_call(base, "PUT", f"/admin/metadata/tables/{PRIVATE_TABLE}/groups", json.dumps([GROUP]), secret)


def tree_tables(driver, wait):
    until(wait, lambda d: d.find_elements(By.CSS_SELECTOR, "#table-tree [data-table]"), "the table browser")
    return {e.get_attribute("data-table") for e in driver.find_elements(By.CSS_SELECTOR, "#table-tree [data-table]")}


def signed_in_steps(driver, wait, base, shots, member_secret):
    driver.get(base + "/query")
    anonymous = tree_tables(driver, wait)
    check(SCHEMA + ".everyone" in anonymous and PRIVATE_TABLE not in anonymous,
          f"anonymous: the public table, not the private one: {sorted(anonymous)}")
    driver.get(base + "/account")
    until(wait, lambda d: d.find_element(By.ID, "user"), "the sign-in form").send_keys(MEMBER)
    driver.find_element(By.ID, "password").send_keys(member_secret, Keys.ENTER)
    until(wait, lambda d: d.find_elements(By.ID, "user-name"), "the signed-in account page")
    driver.get(base + "/query")
    mine = tree_tables(driver, wait)
    check(PRIVATE_TABLE in mine and SCHEMA + ".everyone" in mine, f"signed in: the group's table too: {sorted(mine)}")
    tree_item(driver, PRIVATE_TABLE).find_element(By.CSS_SELECTOR, ".row .twisty").click()
    columns = [e.get_attribute("data-column") for e in tree_item(driver, PRIVATE_TABLE).find_elements(
        By.CSS_SELECTOR, "[data-column]")]
    check(columns == ["id", "secret"], f"with its columns: {columns}")
    driver.save_screenshot(os.path.join(shots, "query-signed-in.png"))
    driver.get(base + "/")
    listed = {e.get_attribute("data-table") for e in driver.find_elements(By.CSS_SELECTOR, "#tables tr[data-table]")}
    check(PRIVATE_TABLE in listed, f"the home page lists it too: {sorted(t for t in listed if t.startswith(SCHEMA))}")
    facts = driver.find_element(By.CSS_SELECTOR, f"[data-schema='{SCHEMA}'] .facts").text
    check(facts.startswith("2 tables"), f"and its card counts both tables: {facts!r}")
    no_console_errors(driver, "the pages of a signed-in user")
    print(f"ok: signed in as {MEMBER}, the browser and the home page list {PRIVATE_TABLE}; anonymous, they do not")


def run(base, shots):
    status = session("query", shots, lambda driver, wait: steps(driver, wait, base, shots), [RUN_REFUSED])
    if status:
        return status
    admin_secret, member_secret = password(), password()
    make_user(ADMIN, admin_secret, "admin")
    make_user(MEMBER, member_secret, GROUP)
    try:
        private_collection(base, admin_secret)
        return session("query-signed-in", shots,
                       lambda driver, wait: signed_in_steps(driver, wait, base, shots, member_secret))
    finally:
        owner_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; DELETE FROM archive.schemas WHERE name = '{SCHEMA}'")
        delete_users(ADMIN, MEMBER)
        owner_sql(f"DELETE FROM archive.groups WHERE name = '{GROUP}'")


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "query page"))
