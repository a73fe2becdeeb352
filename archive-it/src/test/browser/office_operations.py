#!/usr/bin/env python3
"""The back office's operations page (/admin/operations) in a real browser: Debian's headless Chromium driven by
Selenium (python3-selenium) through Debian's chromium-driver, as backoffice.py does. Nothing is downloaded.

It checks, as an administrator would:
  - an anonymous visit is sent to the sign-in form, which comes back to the page;
  - a long async query of another user (a triple cross join) shows, EXECUTING, in its queue under its owner;
    Abort ends it from the page, and its owner's job document then says ABORTED; it leaves the queue;
  - the usage statistics count a TAP query and a cone search made before against their tables, per day and
    per table, and say how client addresses are masked;
  - the maintenance tasks, the tables' statistics and the OAI-PMH sets are shown;
  - a plain user is refused the page (403); no errors in the console.
Screenshots go to --screenshots as office-ops-*.png (and one when a check failed). Makes its own users and
removes them (and the job) at the end, also when a check fails.

Usage: python3 office_operations.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import os
import re
import sys
import time
import urllib.parse

from selenium.webdriver.common.by import By

from backoffice import http, sign_in, steady, tap
from chromium import check, main, no_console_errors, session
from metadata_pages import screenshot

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from archive_fixtures import delete_users, make_user, password  # noqa: E402

ADMIN = "browser-ops-admin"
OWNER = "browser-ops-owner"
# hopeless without ABORT: ~9000^3 rows
ENDLESS = "SELECT COUNT(*) FROM demo.bsc5 AS a, demo.bsc5 AS b, demo.bsc5 AS browser_ops"


def submit(base, owner_secret):
    """An async job of OWNER running ENDLESS; its URL."""
    body = urllib.parse.urlencode({"LANG": "ADQL", "QUERY": ENDLESS, "PHASE": "RUN"}).encode()
    status, text = http(base, "/tap/async", OWNER, owner_secret, body)
    check(status == 303, f"the job is created: {status} {text}")
    # urllib's opener without redirects answers the 303 as an error; its Location is in the job list
    status, jobs = http(base, "/tap/async?PHASE=QUEUED&PHASE=EXECUTING", OWNER, owner_secret)
    ids = re.findall(r'<uws:jobref id="([0-9a-f]+)"', jobs)
    check(ids, f"the owner's job list has the job: {jobs}")
    return ids[0]


def phase(base, job, owner_secret):
    return http(base, f"/tap/async/{job}/phase", OWNER, owner_secret)[1].strip()


def run(base, shots):
    admin_secret, owner_secret = password(), password()
    make_user(ADMIN, admin_secret, "admin")
    make_user(OWNER, owner_secret)
    job = None
    try:
        # usage to be counted: a TAP query and a cone search (anonymous: counted under a masked network)
        status, rows = tap(base, "SELECT TOP 2 hr FROM demo.bsc5")
        check(status == 200, f"the TAP query runs: {rows}")
        status, _ = http(base, "/scs/demo/kstars?RA=101.28&DEC=-16.71&SR=1")
        check(status == 200, "the cone search runs")
        check(http(base, "/admin/operations", OWNER, owner_secret)[0] == 403, "a plain user is refused the page")
        job = submit(base, owner_secret)
        until = time.monotonic() + 60
        while phase(base, job, owner_secret) != "EXECUTING" and time.monotonic() < until:
            time.sleep(0.5)
        check(phase(base, job, owner_secret) == "EXECUTING", "the long query is executing")

        def steps(driver, wait):
            sign_in(driver, wait, base, ADMIN, admin_secret, "/admin/operations")
            row = f'.owner[data-owner="{OWNER}"] tr[data-job="{job}"]'
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, row))
            queue = driver.find_element(By.CSS_SELECTOR, f'section.queue:has({row})')
            check(driver.find_element(By.CSS_SELECTOR, f"{row} td.phase").text == "EXECUTING",
                  "the job shows EXECUTING under its owner")
            check(re.search(r"[1-9]\d* executing", queue.text), f"its queue counts it: {queue.text}")
            print(f"ok: job {job} of {OWNER} shows EXECUTING in queue {queue.get_attribute('data-queue')}")

            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#usage-tables-table tr[data-table="demo.bsc5"]'))
            usage = driver.find_element(By.ID, "usage")
            check("IPv4 addresses as their /24, IPv6 addresses as their /48" in usage.text,
                  f"the page says how addresses are masked: {usage.text[:300]}")
            headings = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#usage-tables-table th")]
            cells = [td.text for td in driver.find_elements(
                By.CSS_SELECTOR, '#usage-tables-table tr[data-table="demo.bsc5"] td')]
            sync = int(cells[headings.index("TAP sync")])
            check(sync >= 1, f"the TAP query is counted for demo.bsc5: {dict(zip(headings, cells))}")
            cone = driver.find_elements(By.CSS_SELECTOR, '#usage-tables-table tr[data-table="demo.kstars"] td')
            check(cone and int(cone[headings.index("Cone searches")].text) >= 1, "the cone search is counted for demo.kstars")
            check(driver.find_elements(By.CSS_SELECTOR, '#usage-days-table tbody tr'), "the counts per day are shown")
            print(f"ok: usage per table shown (demo.bsc5: {sync} sync queries today or before)")

            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '#maintenance-tasks tr[data-task="table-statistics"]'))
            check(driver.find_elements(By.CSS_SELECTOR, '#table-statistics tr[data-table="demo.bsc5"]'),
                  "the tables' statistics list demo.bsc5")
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#oai-sets tbody tr"))
            check("Earliest datestamp" in driver.find_element(By.ID, "oai-state").text, "the OAI-PMH state is shown")
            screenshot(driver, os.path.join(shots, "office-ops-page.png"))
            print("ok: maintenance tasks, table statistics and OAI-PMH sets shown")

            # the queues are drawn again every few seconds: a button replaced before the click is looked for again
            wait.until(steady(lambda d: d.find_element(By.CSS_SELECTOR, f'{row} button.abort').click() or True))
            wait.until(lambda d: f"Job {job}" in d.find_element(By.ID, "office-status").text)
            said = driver.find_element(By.ID, "office-status").text
            check(said == f"Job {job} ({OWNER}) is aborted.", f"the page says the job is aborted: {said}")
            check(phase(base, job, owner_secret) == "ABORTED", "its owner sees it ABORTED")
            wait.until(steady(lambda d: not d.find_elements(By.CSS_SELECTOR, f'tr[data-job="{job}"]')))
            screenshot(driver, os.path.join(shots, "office-ops-aborted.png"))
            print(f"ok: Abort ended job {job}: ABORTED, and it left its queue")
            no_console_errors(driver, "the operations page")

        return session("office-ops", shots, steps)
    finally:
        if job:
            http(base, f"/tap/async/{job}", OWNER, owner_secret, urllib.parse.urlencode({"ACTION": "DELETE"}).encode())
        delete_users(ADMIN, OWNER)


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "office_operations.py"))
