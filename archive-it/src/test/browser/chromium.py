"""What the browser tests share: Debian's headless Chromium driven by Selenium (python3-selenium) through
Debian's chromium-driver (nothing is downloaded), the failure a test stops at, the browser console's errors,
TAP rows asked without the page, and the command line (--base, --screenshots). Imported by query_page.py,
metadata_pages.py and account_page.py, which run as scripts from this directory."""
import argparse
import csv
import io
import os
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def browser(name):
    """A fresh headless Chromium with its own profile (named after the test), logging the console."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1366,900", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--lang=en-US",
                     f"--user-data-dir={tempfile.mkdtemp(prefix=name + '-chromium-')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # the driver of Debian's package, named explicitly: Selenium must not look for (or fetch) another one
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def console_errors(driver, expected=()):
    """Errors in the console but those a test provokes on purpose (messages ending with one of `expected`)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
            and not any(entry["message"].endswith(e) for e in expected)]


def no_console_errors(driver, where, expected=()):
    """A page's last check: nothing in the console but what the test provoked (no CSP violations, no failed
    loads, no script errors)."""
    errors = console_errors(driver, expected)
    check(not errors, f"no errors in the browser console on {where} (CSP violations, scripts, failed loads): {errors}")


def session(name, shots, steps, expected=()):
    """Runs steps(driver, wait) in a fresh browser. At the first failed check (or an element never found), a
    screenshot NAME-failure.png, and what failed, where, and the console's errors (but the `expected` ones the
    test provokes) on standard error. Returns the exit status."""
    driver = browser(name)
    try:
        steps(driver, WebDriverWait(driver, 30))
    except (Failure, TimeoutException, NoSuchElementException) as e:
        shot = os.path.join(shots, f"{name}-failure.png")
        driver.save_screenshot(shot)
        detail = str(e) if isinstance(e, Failure) else e.msg or "timed out waiting for the page"
        print(f"FAIL: {detail} (at {driver.current_url}; screenshot {shot}; "
              f"console: {console_errors(driver, expected)})", file=sys.stderr)
        return 1
    finally:
        driver.quit()
    return 0


def tap_rows(base, adql):
    """The rows TAP sync gives for the query, as text (CSV), asked without the page."""
    body = urllib.parse.urlencode({"LANG": "ADQL", "RESPONSEFORMAT": "csv", "QUERY": adql}).encode()
    with urllib.request.urlopen(base + "/tap/sync", body, timeout=60) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode("utf-8"))))
    return rows[0], rows[1:]


def main(doc, run, what):
    """Parses the command line, runs run(base, screenshot directory) and says how it went; its exit status."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--base", required=True, help="the archive's base URL, e.g. http://localhost:8080")
    parser.add_argument("--screenshots", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                              "../../../target/browser-screenshots"))
    args = parser.parse_args()
    shots = os.path.abspath(args.screenshots)
    os.makedirs(shots, exist_ok=True)
    started = time.monotonic()
    status = run(args.base.rstrip("/"), shots)
    if status == 0:
        print(f"{what}: all checks passed in {time.monotonic() - started:.0f} s; screenshots in {shots}")
    return status
