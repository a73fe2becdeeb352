#!/usr/bin/env python3
"""The home page and the metadata (landing) pages in a real browser: Debian's headless Chromium driven by
Selenium (python3-selenium) through Debian's chromium-driver, as query_page.py does. Nothing is downloaded.

It goes where an astronomer would go, by clicking, and checks:
  - the home page has a card for the collection (schema) `demo` with its tables and rows, and a Query and a
    Metadata button, both named for the collection; on a tablet's width nothing scrolls sideways;
  - Query opens the query page with a query on one of the demo tables in the editor, and Run shows its rows;
  - Metadata opens the schema's landing page: its tables and how to cite it; a table's page (demo.plates,
    which has a DOI) has the columns table, the citation in DataCite's form with the DOI, and a BibTeX entry,
    and its Copy button puts the citation on the clipboard;
  - an object landing page of a demo plate shows its preview image, loaded (naturalWidth > 0);
  - nothing in the browser's console (no CSP violations, no failed loads) on any of them.
Screenshots of each step go to --screenshots (and one of the page as it was when a check failed).

Usage: python3 metadata_pages.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import base64
import os
import re
import sys
import urllib.parse

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By

from chromium import Failure, check, main, no_console_errors, session, tap_rows

SCHEMA = "demo"
TABLE_WITH_DOI = "demo.plates"


def until(wait, condition, what):
    """What the condition returns once it holds; a failure naming what was awaited if it never does."""
    try:
        return wait.until(condition)
    except TimeoutException:
        raise Failure(f"timed out waiting for {what}") from None


def editor_lines(driver):
    return [line.text for line in driver.find_elements(By.CSS_SELECTOR, ".cm-content .cm-line")]


def screenshot(driver, path):
    """The whole page, not only the window's part of it (Chromium's own capture, through the DevTools protocol)."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": {
        "x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def no_sideways_scroll(driver, page):
    widths = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    check(widths[0] <= widths[1], f"{page} fits the window's width, nothing scrolls sideways: {widths}")


def home(driver, wait, base, shots):
    driver.get(base + "/")
    card = until(wait, lambda d: d.find_element(By.CSS_SELECTOR, f"[data-schema='{SCHEMA}']"),
                 f"a card for the collection {SCHEMA}")
    heading = card.find_element(By.CSS_SELECTOR, "h3")
    check(heading.text.strip(), "the card has a title")
    facts = card.find_element(By.CSS_SELECTOR, ".facts").text
    check(re.search(r"\b\d+ tables?\b", facts) and re.search(r"[\d,]+ rows\b", facts),
          f"the card counts the collection's tables and rows: {facts!r}")
    query = card.find_element(By.CSS_SELECTOR, "a.button.query")
    metadata = card.find_element(By.CSS_SELECTOR, "a.button.metadata")
    check(query.text == "Query" and metadata.text == "Metadata", f"the buttons: {query.text!r}, {metadata.text!r}")
    for button in (query, metadata):
        name = button.accessible_name
        check(name.startswith(button.text) and len(name) > len(button.text),
              f"the {button.text} button's name says which collection: {name!r}")
    check(query.get_attribute("href").split("?")[0].endswith("/query"), query.get_attribute("href"))
    check(metadata.get_attribute("href").endswith("/landing/" + SCHEMA), metadata.get_attribute("href"))
    # TOPCAT and pyvo snippets name this archive's own TAP URL
    snippets = " ".join(s.text for s in driver.find_elements(By.CSS_SELECTOR, "pre.snippet"))
    check(base + "/tap" in snippets, f"the snippets name {base}/tap: {snippets!r}")
    screenshot(driver, os.path.join(shots, "home.png"))
    no_console_errors(driver, "the home page")
    # a tablet, upright: the cards stack, nothing is cut off
    driver.set_window_size(820, 1180)
    no_sideways_scroll(driver, "the home page on a tablet")
    screenshot(driver, os.path.join(shots, "home-tablet.png"))
    driver.set_window_size(1366, 900)
    print(f"ok: the home page has a card for {SCHEMA} ({facts}) with Query and Metadata")
    return card


def query_from_card(driver, wait, base, shots):
    driver.find_element(By.CSS_SELECTOR, f"[data-schema='{SCHEMA}'] a.button.query").click()
    until(wait, lambda d: d.find_elements(By.CSS_SELECTOR, ".cm-editor .cm-content .cm-line"), "the editor")
    adql = "\n".join(editor_lines(driver))
    match = re.search(r"\bFROM\s+(" + SCHEMA + r"\.\w+)", adql)
    check(match, f"the editor holds a query on a {SCHEMA} table: {adql!r}")
    until(wait, lambda d: "valid ADQL" in d.find_element(By.ID, "check-status").text, "the check of the query")
    driver.find_element(By.ID, "run").click()
    until(wait, lambda d: d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")
          or "error" in d.find_element(By.ID, "run-status").get_attribute("class"), "the query's result")
    status = driver.find_element(By.ID, "run-status").text
    shown = driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")
    header, expected = tap_rows(base, adql)
    check(shown and len(shown) == len(expected), f"Run shows TAP's {len(expected)} rows: {len(shown)} ({status!r})")
    shown_header = [th.text.split(" [")[0] for th in driver.find_elements(By.CSS_SELECTOR, "#result-table thead th")]
    check(shown_header == header, f"the page's columns {shown_header} are TAP's {header}")
    driver.save_screenshot(os.path.join(shots, "query-from-home.png"))
    no_console_errors(driver, "the query page")
    print(f"ok: Query opened {driver.current_url} with {adql!r}; Run shows {len(shown)} rows")


def citation_on_page(driver, page):
    citation = driver.find_element(By.CSS_SELECTOR, "#cite .citation").text
    check(re.match(r".+ \(\d{4}\): .+\. .+\.", citation),
          f"{page}: the citation is in DataCite's form, Creators (Year): Title. ... Publisher. Identifier: {citation!r}")
    bibtex = driver.find_element(By.CSS_SELECTOR, "#cite pre.bibtex").text
    check(bibtex.startswith("@misc{") and "title" in bibtex and "year" in bibtex and bibtex.rstrip().endswith("}"),
          f"{page}: a BibTeX @misc entry: {bibtex!r}")
    return citation, bibtex


def metadata_from_card(driver, wait, base, shots):
    driver.get(base + "/")
    driver.find_element(By.CSS_SELECTOR, f"[data-schema='{SCHEMA}'] a.button.metadata").click()
    until(wait, lambda d: d.find_elements(By.ID, "cite"), "the section How to cite")
    check(driver.current_url.endswith("/landing/" + SCHEMA), driver.current_url)
    citation, _ = citation_on_page(driver, "the schema's page")
    tables = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#tables tbody tr td:first-child a")]
    check(TABLE_WITH_DOI in tables, f"the schema's page lists its tables: {tables}")
    screenshot(driver, os.path.join(shots, "landing-schema.png"))
    no_console_errors(driver, "the schema's landing page")
    print(f"ok: Metadata opened the landing page of {SCHEMA}: tables {tables}; cited as {citation!r}")

    driver.find_element(By.LINK_TEXT, TABLE_WITH_DOI).click()
    until(wait, lambda d: d.find_elements(By.ID, "columns"), "the columns table")
    heads = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#columns thead th")]
    check(heads == ["Name", "Type", "Unit", "UCD", "Description"], f"the columns table's headings: {heads}")
    columns = {tr.find_element(By.CSS_SELECTOR, "td").text: [td.text for td in tr.find_elements(By.CSS_SELECTOR, "td")]
               for tr in driver.find_elements(By.CSS_SELECTOR, "#columns tbody tr")}
    header, _ = tap_rows(base, f"SELECT TOP 0 * FROM {TABLE_WITH_DOI}")
    check(set(header) <= set(columns), f"every column TAP gives is in the table: {header} in {list(columns)}")
    check(any(row[2] and row[3] for row in columns.values()), f"units and UCDs are shown: {columns}")
    citation, bibtex = citation_on_page(driver, f"the page of {TABLE_WITH_DOI}")
    doi = driver.find_element(By.ID, "doi").text
    check(doi.startswith("https://doi.org/10.") and citation.endswith(doi),
          f"the citation ends with the DOI {doi!r}: {citation!r}")
    check("doi" in bibtex and doi.removeprefix("https://doi.org/") in bibtex, f"the BibTeX has the DOI: {bibtex!r}")
    # Copy: the citation's text on the clipboard (the browser lets this origin write and read it)
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": base, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    button = driver.find_element(By.CSS_SELECTOR, "#cite button.copy[data-copy='citation']")
    check(button.accessible_name.startswith("Copy"), f"the Copy button is named: {button.accessible_name!r}")
    button.click()
    until(wait, lambda d: "Copied" in button.text, "the Copy button to say Copied")
    copied = driver.execute_async_script("navigator.clipboard.readText().then(arguments[0], e => arguments[0]('!' + e))")
    check(copied == citation, f"Copy put the citation on the clipboard: {copied!r}")
    screenshot(driver, os.path.join(shots, "landing-table.png"))
    no_console_errors(driver, f"the landing page of {TABLE_WITH_DOI}")
    print(f"ok: {TABLE_WITH_DOI}'s page has {len(columns)} columns, the citation {citation!r} (copied) and BibTeX")


def object_page(driver, wait, base, shots):
    _, plates = tap_rows(base, f"SELECT TOP 1 plate_id FROM {TABLE_WITH_DOI} ORDER BY plate_id")
    check(plates, "TAP gives a demo plate")
    plate = plates[0][0]
    driver.get(base + "/landing/" + urllib.parse.quote(plate))
    image = until(wait, lambda d: d.find_element(By.CSS_SELECTOR, "#preview img"), f"the preview image of {plate}")
    until(wait, lambda d: d.execute_script("return arguments[0].complete", image), "the preview to load")
    width = driver.execute_script("return arguments[0].naturalWidth", image)
    check(width > 0, f"the preview of {plate} loaded: naturalWidth {width}, src {image.get_attribute('src')}")
    check(image.get_attribute("alt"), "the preview has a text alternative")
    check(driver.find_elements(By.CSS_SELECTOR, "#links tbody tr"), "the object's datalinks are listed")
    screenshot(driver, os.path.join(shots, "landing-object.png"))
    no_console_errors(driver, f"the landing page of {plate}")
    print(f"ok: the landing page of {plate} shows its preview ({width} px wide)")


def steps(driver, wait, base, shots):
    home(driver, wait, base, shots)
    query_from_card(driver, wait, base, shots)
    metadata_from_card(driver, wait, base, shots)
    object_page(driver, wait, base, shots)


def run(base, shots):
    return session("metadata", shots, lambda driver, wait: steps(driver, wait, base, shots))


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "metadata pages"))
