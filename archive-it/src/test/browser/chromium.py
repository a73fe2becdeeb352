"""What the browser tests share: Debian's headless Chromium driven by Selenium (python3-selenium) through Debian's
chromium-driver (nothing downloaded: the browser and its driver are the packages'), checks that stop a test with
its message, and the browser console's errors."""
import argparse
import os
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1366,900", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--lang=en-US",
                     f"--user-data-dir={tempfile.mkdtemp(prefix='archive-page-chromium-')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # the driver of Debian's package, named explicitly: Selenium must not look for (or fetch) another one
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)


def console_errors(driver, expected=()):
    """Errors in the console but those a test provokes on purpose (messages ending with one of `expected`)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
            and not any(entry["message"].endswith(e) for e in expected)]


def no_console_errors(driver, expected=()):
    """The last check of every page test: nothing in the console but what the test provoked (no CSP violations)."""
    errors = console_errors(driver, expected)
    check(not errors, f"no errors in the browser console (CSP violations, scripts): {errors}")
    print("ok: no console errors under the page's Content-Security-Policy")


def failed(driver, shots, page, error, expected=()):
    """Reports a failed check with a screenshot of the page as it was; the test's exit status."""
    path = os.path.join(shots, f"{page}-failure.png")
    driver.save_screenshot(path)
    print(f"FAIL: {str(error) or 'timed out waiting for the page'} (screenshot {path}; console: "
          f"{console_errors(driver, expected)})", file=sys.stderr)
    return 1


def main(description, run, page):
    """Runs a page's test, run(base, screenshots directory) -> exit status, with the command line every browser
    test takes: --base (the archive's base URL) and --screenshots (archive-it/target/browser-screenshots)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--base", required=True, help="the archive's base URL, e.g. http://localhost:8080")
    parser.add_argument("--screenshots", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                              "../../../target/browser-screenshots"))
    args = parser.parse_args()
    shots = os.path.abspath(args.screenshots)
    os.makedirs(shots, exist_ok=True)
    started = time.monotonic()
    status = run(args.base.rstrip("/"), shots)
    if status == 0:
        print(f"{page}: all checks passed in {time.monotonic() - started:.0f} s; screenshots in {shots}")
    return status
