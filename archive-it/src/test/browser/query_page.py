#!/usr/bin/env python3
"""The ADQL query page in a real browser: Debian's headless Chromium driven by Selenium (python3-selenium)
through Debian's chromium-driver. Nothing is downloaded: the browser and its driver are the packages'.

It types queries into the editor as a person would (keys, not scripts), then checks:
  - the page loads under its Content-Security-Policy with no error in the browser's console;
  - the editor is labelled and Tab leaves it for the Run button;
  - Ctrl+Enter runs a query and the table shows exactly the rows TAP sync gives for it (asked here directly);
  - names complete from the tables the caller may see (VOSI tables);
  - a query naming an unknown column is marked at that column's line and column while it is typed (the
    archive's check endpoint), and the status line says where; Run then shows the DALI error's message,
    not XML; the page's own POSTs pass the cross-site request filter.
Screenshots of each step go to --screenshots (and one of the page as it was when a check failed).

Usage: python3 query_page.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from chromium import check, main, no_console_errors, session, tap_rows

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


def steps(driver, wait, base, shots):
    driver.get(base + "/query")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cm-editor .cm-content"))
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

    no_console_errors(driver, "the query page", [RUN_REFUSED])
    print("ok: no console errors under the page's Content-Security-Policy")


def run(base, shots):
    return session("query", shots, lambda driver, wait: steps(driver, wait, base, shots), [RUN_REFUSED])


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "query page"))
