#!/usr/bin/env python3
"""The Jobs page and the query page's Run as job in a real browser: Debian's headless Chromium driven by
Selenium (python3-selenium) through Debian's chromium-driver, as query_page.py does. Nothing is downloaded.

As an anonymous person would, by keys and clicks, it checks:
  - Run as job on the query page (with a job name) starts an async TAP job and opens its view on the Jobs
    page, where its phase changes from EXECUTING to COMPLETED without a reload, said politely (aria-live);
  - a completed job shows its rows (its kept table's first page), exactly those TAP sync gives for the query, and a
    download of its result (results_page.py checks the rest of the results view);
  - the list has the browser's jobs, newest first, with name, phase, queue, times, duration and rows; Tab
    reaches each job's actions;
  - Open in editor puts the job's query into the query page's editor (?job=, read from UWS);
  - Run again makes a new job with the same query; Abort (by keyboard) stops a long one (ABORTED), and the
    focus stays in its row;
  - a failing query's job shows the service's message (no XML);
  - Delete removes a job (the service answers 404 for it afterwards);
  - with 60 jobs more the list has pages of 50: Older jobs leads to the rest, Newer jobs back;
  - a second browser profile sees none of these anonymous jobs (they live in the first one's storage);
  - signed in (a user of its own, made with deploy/user as account_page.py does), a job run from the query
    page is the user's: the Jobs page lists it from the UWS job list, and this browser's storage keeps no id;
  - no errors in the console (no CSP violations, no failed loads).
Screenshots of each step go to --screenshots (and one of the page as it was when a check failed). Deletes every
job and the user it made, also when a check fails.

Usage: python3 jobs_page.py --base http://localhost:8080 [--screenshots DIR]
Exits non-zero at the first failed check.
"""
import base64
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from chromium import Failure, browser, check, main, no_console_errors, session, tap_rows
from metadata_pages import screenshot
from query_page import editor_lines, type_query

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from archive_fixtures import delete_users, make_user, password  # noqa: E402

USER = "browser-jobs-user"

GOOD = ["SELECT TOP 5 hr, name, vmag", "FROM demo.bsc5", "WHERE vmag < 1", "ORDER BY vmag"]
# a couple of seconds of work (41 million pairs counted): long enough to watch its phase change
SLOW = ["SELECT COUNT(*) AS pairs", "FROM demo.bsc5 AS a, demo.bsc5 AS b", "WHERE a.vmag < b.vmag"]
# minutes of work, stopped by Abort
ENDLESS = ["SELECT COUNT(*) AS n", "FROM demo.bsc5 AS a, demo.bsc5 AS b, demo.bsc5 AS c"]
BAD_COLUMN = "nosuchcolumn"
BAD = ["SELECT TOP 5 hr, name", "FROM demo.bsc5", f"WHERE {BAD_COLUMN} > 1"]


def http_status(url, method="GET", user=None, secret=None):
    """The status of a request asked without the browser (a DELETE's is the 303 to the job list)."""
    headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()} if user else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method, headers=headers), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def submit(base, adql, name):
    """Starts a job without the page, as another tab of the same browser would; returns its id."""
    body = urllib.parse.urlencode({"LANG": "ADQL", "QUERY": adql, "RUNID": name, "PHASE": "RUN",
                                   "RESPONSEFORMAT": "votable/td"}).encode()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(base + "/tap/async", body, timeout=30)
    except urllib.error.HTTPError as e:
        check(e.code == 303, f"the job list answers 303 to a new job, not {e.code}")
        return e.headers["Location"].rsplit("/", 1)[1]
    raise Failure("the job list did not answer 303")


def steady(driver):
    """A wait that reads again what the page redrew while it was read (rows replaced, editor lines)."""
    return WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,))


def job_id(driver):
    """The id of the job the Jobs page shows (?job=)."""
    return driver.current_url.split("job=")[1].split("&")[0]


def run_as_job(driver, wait, base, lines, name):
    """Types the query on the query page, names the job and runs it as a job; returns the job's id."""
    driver.get(base + "/query")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".cm-editor .cm-content"))
    type_query(driver, lines)
    field = driver.find_element(By.ID, "job-name")
    field.clear()
    field.send_keys(name)
    driver.find_element(By.ID, "run-job").click()
    wait.until(lambda d: "/jobs?job=" in d.current_url, f"Run as job opens the job's view ({name})")
    wait.until(lambda d: d.find_element(By.ID, "job-heading").text == name, "the view is headed by the job's name")
    return job_id(driver)


def phase(driver):
    return driver.find_element(By.ID, "job-phase").text


def news(driver):
    return driver.find_element(By.ID, "phase-news").text


def list_rows(driver):
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in driver.find_elements(By.CSS_SELECTOR, "#jobs-table tbody tr")]


def row_of(driver, job):
    return driver.find_element(By.CSS_SELECTOR, f"#jobs-table tbody tr[data-job='{job}']")


def steps(driver, wait, base, shots, made):
    # the query page: the job's controls are labelled, and Tab goes Run, job name, queue, Run as job
    driver.get(base + "/query")
    wait.until(lambda d: d.find_element(By.ID, "run-job").is_displayed(), "the Run as job button is shown")
    check(driver.find_element(By.CSS_SELECTOR, "label[for=job-name]").text == "Job name", "the name field's label")
    driver.find_element(By.ID, "run").send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("id") == "job-name", "Tab from Run reaches the job name")
    order = []
    for _ in range(2):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        order.append(driver.switch_to.active_element.get_attribute("id"))
    check(order[-1] == "run-job", f"then Run as job (past the queue, if any): {order}")

    # a slow job: its phase changes while the view is open, and the change is said politely
    slow = run_as_job(driver, wait, base, SLOW, "pairs by magnitude")
    made.append(slow)
    first = phase(driver)
    check(first in ("QUEUED", "EXECUTING"), f"the view opens while the job runs: {first}")
    check(driver.find_element(By.ID, "phase-news").get_attribute("aria-live") == "polite", "changes are said politely")
    driver.save_screenshot(os.path.join(shots, "jobs-running.png"))
    wait.until(lambda d: phase(d) == "COMPLETED", "the phase changes to COMPLETED without a reload")
    check("/jobs?job=" + slow in driver.current_url, "no reload")
    check(news(driver) == "pairs by magnitude is COMPLETED, 1 row.", f"the change is announced: {news(driver)!r}")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr"), "the result's rows")
    header, expected = tap_rows(base, "\n".join(SLOW))
    shown = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
             for tr in driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")]
    check(shown == expected, f"the job's rows {shown} are TAP sync's {expected}")
    print(f"ok: Run as job; the view followed EXECUTING to COMPLETED live ({news(driver)!r}); rows {shown}")

    # a job with rows: exactly TAP's, the count in the facts, a download of the result
    good = run_as_job(driver, wait, base, GOOD, "brightest stars")
    made.append(good)
    wait.until(lambda d: phase(d) == "COMPLETED", "the quick job completes")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr"), "the quick job's rows")
    header, expected = tap_rows(base, "\n".join(GOOD))
    shown_header = [th.text.split(" [")[0] for th in driver.find_elements(By.CSS_SELECTOR, "#result-table thead th")]
    check(shown_header == header, f"the columns {shown_header} are TAP's {header}")
    shown = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
             for tr in driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")]
    check(shown == expected, f"the job's rows {shown} are TAP sync's {expected}")
    check(driver.find_element(By.ID, "job-rows").text == "5 rows", "the job document says how many rows")
    check(driver.find_element(By.ID, "result-status").text == "Rows 1\u20135 of 5.", "the result's status counts them")
    check(driver.find_element(By.ID, "job-query").text == "\n".join(GOOD), "the view shows the query")
    link = driver.find_element(By.CSS_SELECTOR, "#result-links a")
    check(link.text.startswith("Download result (VOTable (TABLEDATA), "), f"a download link: {link.text!r}")
    check(link.get_attribute("href") == f"{base}/tap/async/{good}/results/result", link.get_attribute("href"))
    check(http_status(link.get_attribute("href")) == 200, "the download is the job's result")
    screenshot(driver, os.path.join(shots, "jobs-result.png"))
    print(f"ok: the job's view shows TAP's {len(shown)} rows and a download link ({link.text!r})")

    # a failing query: the service's message, in words
    bad = run_as_job(driver, wait, base, BAD, "a typo")
    made.append(bad)
    wait.until(lambda d: phase(d) == "ERROR", "the bad query's job ends in ERROR")
    message = driver.find_element(By.ID, "job-error").text
    check(message.startswith("The job failed: ") and BAD_COLUMN in message, f"the error summary's message: {message!r}")
    check("<" not in message and "VOTABLE" not in message, f"no XML in the message: {message!r}")
    screenshot(driver, os.path.join(shots, "jobs-error.png"))
    print(f"ok: a failed job shows {message!r}")

    # the list: this browser's jobs, newest first, with their facts
    driver.get(base + "/jobs")
    steady(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#jobs-table tbody tr .phase")) >= 3
                         and "newest first" in d.find_element(By.ID, "jobs-status").text, "the list of the three jobs")
    rows = list_rows(driver)
    check([r[0] for r in rows[:3]] == ["a typo", "brightest stars", "pairs by magnitude"], f"newest first: {rows}")
    check([r[1] for r in rows[:3]] == ["ERROR", "COMPLETED", "COMPLETED"], f"their phases: {rows}")
    brightest = rows[1]
    check(brightest[2] == "short" or brightest[2], f"the queue: {brightest}")
    check(all(brightest[3:6]) and brightest[6].endswith(" s"), f"created, started, ended, duration: {brightest}")
    check(driver.find_element(By.ID, "newer").is_displayed() is False, "no newer page than the first")
    check(driver.find_element(By.ID, "older").is_displayed() is False, "no older page for three jobs")
    check(brightest[7] == "5" and rows[2][7] == "1" and rows[0][7] == "", f"rows where known: {rows[:3]}")
    actions = row_of(driver, good).find_elements(By.CSS_SELECTOR, "button, a.button")
    seen = [a.text.splitlines()[0] for a in actions]
    check(seen == ["Delete", "Rename", "Run again", "Open in editor"], f"a completed job's actions: {seen}")
    check(actions[0].get_attribute("textContent").strip() == "Delete brightest stars",
          "the buttons name their job for screen readers")
    link = row_of(driver, good).find_element(By.CSS_SELECTOR, "td.name a")
    link.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("textContent").startswith("Delete"),
          "Tab goes from a job's name to its actions")
    driver.save_screenshot(os.path.join(shots, "jobs-list.png"))
    print(f"ok: the list has the three jobs, newest first: {[r[:2] + r[7:8] for r in rows[:3]]}")

    # Open in editor: the job's query in the query page's editor
    row_of(driver, good).find_element(By.PARTIAL_LINK_TEXT, "Open in editor").click()
    # the editor redraws its lines as the text arrives: a line found may be gone when read
    steady(driver).until(lambda d: editor_lines(d) == GOOD, "the job's query in the editor")
    check(driver.find_element(By.ID, "job-name").get_attribute("value") == "brightest stars", "and its name")
    print("ok: Open in editor put the job's query into the editor")

    # Run again: a new job with the same query
    driver.get(base + "/jobs")
    wait.until(lambda d: row_of(d, good).find_elements(By.CSS_SELECTOR, "button"), "the list's actions")
    row_of(driver, good).find_element(By.XPATH, ".//button[starts-with(., 'Run again')]").click()
    wait.until(lambda d: "/jobs?job=" in d.current_url and job_id(d) != good, "Run again opens the new job")
    again = job_id(driver)
    made.append(again)
    wait.until(lambda d: phase(d) == "COMPLETED", "the job run again completes")
    check(driver.find_element(By.ID, "job-query").text == "\n".join(GOOD), "with the same query")
    print(f"ok: Run again made job {again} with the same query")

    # Abort a long job from the list
    endless = run_as_job(driver, wait, base, ENDLESS, "endless")
    made.append(endless)
    driver.get(base + "/jobs")
    wait.until(lambda d: row_of(d, endless).find_elements(By.XPATH, ".//button[starts-with(., 'Abort')]"),
               "an Abort button for the running job")
    row_of(driver, endless).find_element(By.XPATH, ".//button[starts-with(., 'Abort')]").send_keys(Keys.ENTER)
    steady(driver).until(lambda d: row_of(d, endless).find_element(By.CSS_SELECTOR, ".phase").text == "ABORTED",
                         "Abort (the keyboard's Enter) stops the job")
    focused = driver.switch_to.active_element
    check(focused.get_attribute("textContent") == "Delete endless", "the focus stays in the row, on Delete, "
          f"when Abort goes: {focused.tag_name} {focused.get_attribute('textContent')!r}")
    print("ok: Abort stopped the long job; the keyboard's focus stayed in its row")

    # Delete (confirmed), gone from the list and from the service
    row_of(driver, bad).find_element(By.XPATH, ".//button[starts-with(., 'Delete')]").click()
    alert = wait.until(lambda d: d.switch_to.alert, "Delete asks first")
    check("a typo" in alert.text, f"the question names the job: {alert.text!r}")
    alert.accept()
    wait.until(lambda d: "Deleted a typo." in d.find_element(By.ID, "jobs-status").text, "the list says it is deleted")
    check(not driver.find_elements(By.CSS_SELECTOR, f"#jobs-table tbody tr[data-job='{bad}']"), "gone from the list")
    check(http_status(f"{base}/tap/async/{bad}") == 404, "and from the service")
    made.remove(bad)
    driver.save_screenshot(os.path.join(shots, "jobs-after-delete.png"))
    print("ok: Delete removed the failed job")

    # Rename a COMPLETED job: its RUNID changes in the service too
    row_of(driver, good).find_element(By.XPATH, ".//button[starts-with(., 'Rename')]").click()
    alert = wait.until(lambda d: d.switch_to.alert, "Rename asks for the name")
    alert.send_keys("brightest stars, renamed")
    alert.accept()
    steady(driver).until(lambda d: row_of(d, good).find_element(By.CSS_SELECTOR, "td.name").text
                         .startswith("brightest stars, renamed"), "the row shows the new name")
    with urllib.request.urlopen(f"{base}/tap/async/{good}") as r:
        document = r.read().decode()
    check("<uws:runId>brightest stars, renamed</uws:runId>" in document, "the service has the new RUNID")
    print("ok: Rename changed a completed job's name, in the list and in the service")
    # pages of 50: sixty more jobs, as if this browser had made them (their ids where its pages keep them)
    many = [submit(base, f"SELECT hr FROM demo.bsc5 WHERE hr = {n + 1}", f"many {n:02d}") for n in range(60)]
    made.extend(many)
    driver.execute_script("""const ids = JSON.parse(localStorage.getItem('voarchive.anonymous-jobs'));
        localStorage.setItem('voarchive.anonymous-jobs', JSON.stringify(arguments[0].concat(ids)));""",
                          list(reversed(many)))
    started = time.monotonic()
    driver.get(base + "/jobs")
    wait.until(lambda d: "newest first" in d.find_element(By.ID, "jobs-status").text, "the first page of 50")
    filled = time.monotonic() - started
    rows = list_rows(driver)
    check(len(rows) == 50 and rows[0][0] == "many 59" and rows[49][0] == "many 10", f"the newest 50: {rows[:1]}...")
    check(driver.find_element(By.ID, "jobs-status").text.startswith("Jobs 1\u201350 of 64"),
          driver.find_element(By.ID, "jobs-status").text)
    check(all(r[1] for r in rows), "each row has its phase")
    driver.find_element(By.ID, "older").click()
    steady(driver).until(lambda d: "page=2" in d.current_url
                         and "newest first" in d.find_element(By.ID, "jobs-status").text, "the second page")
    rows = list_rows(driver)
    check([r[0] for r in rows[:10]] == [f"many {n:02d}" for n in range(9, -1, -1)], f"the next ten: {rows[:10]}")
    check([r[0] for r in rows[10:]] == ["endless", "brightest stars", "brightest stars, renamed", "pairs by magnitude"],
          f"then the four from before: {[r[0] for r in rows]}")
    check(not driver.find_element(By.ID, "older").is_displayed(), "no third page")
    driver.save_screenshot(os.path.join(shots, "jobs-page-2.png"))
    driver.find_element(By.ID, "newer").click()
    steady(driver).until(lambda d: list_rows(d) and list_rows(d)[0][0] == "many 59",
                         "Newer jobs leads back to the first page")
    print(f"ok: 64 jobs in pages of 50 (the first page with its 50 job documents in {filled:.1f} s)")
    no_console_errors(driver, "the Jobs and query pages")

    # another browser profile: none of these jobs, which are anonymous and known to the first profile only
    other = browser("jobs-other")
    try:
        other.get(base + "/jobs")
        WebDriverWait(other, 30).until(lambda d: d.find_element(By.ID, "jobs-status").text, "the other profile's list")
        status = other.find_element(By.ID, "jobs-status").text
        check(status.startswith("This browser has run no jobs here"), f"the other profile has no jobs: {status!r}")
        check(not other.find_elements(By.CSS_SELECTOR, "#jobs-table tbody tr"), "and lists none")
        check("known only to the browser that made them" in other.find_element(By.CSS_SELECTOR, "p.lead").text,
              "the page says why")
        other.save_screenshot(os.path.join(shots, "jobs-other-profile.png"))
        no_console_errors(other, "the other profile's Jobs page")
    finally:
        other.quit()
    print("ok: a second browser profile lists none of the first one's jobs")


def signed_in(driver, wait, base, shots, secret, owned):
    driver.get(base + "/account")
    wait.until(lambda d: d.find_element(By.ID, "user")).send_keys(USER)
    driver.find_element(By.ID, "password").send_keys(secret, Keys.ENTER)
    wait.until(lambda d: d.find_element(By.ID, "account-link").text == USER, "signed in")
    mine = run_as_job(driver, wait, base, GOOD, "signed in")
    owned.append(mine)
    wait.until(lambda d: phase(d) == "COMPLETED", "the user's job completes")
    facts = driver.find_element(By.ID, "job-facts").text
    check(f"Owner\n{USER}" in facts, f"the job is the user's: {facts!r}")
    kept = driver.execute_script("return window.localStorage.getItem('voarchive.anonymous-jobs')")
    check(kept is None or mine not in kept, f"no id kept in the browser for a user's job: {kept}")
    driver.get(base + "/jobs")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#jobs-table tbody tr[data-job='{mine}'] .phase"),
               "the user's job in the list (from UWS)")
    lead = driver.find_element(By.CSS_SELECTOR, "p.lead").text
    check(f"as {USER}" in lead and "known only to the browser" not in lead, f"the page speaks to the user: {lead!r}")
    check(list_rows(driver)[0][:2] == ["signed in", "COMPLETED"], f"first in the list: {list_rows(driver)[:1]}")
    driver.save_screenshot(os.path.join(shots, "jobs-signed-in.png"))
    no_console_errors(driver, "the signed-in Jobs page")
    print(f"ok: signed in, the Jobs page lists the user's job {mine} from the UWS job list")


def run(base, shots):
    made, owned = [], []
    secret = password()
    try:
        status = session("jobs", shots, lambda driver, wait: steps(driver, wait, base, shots, made))
        if status == 0:
            make_user(USER, secret)
            status = session("jobs-user", shots,
                             lambda driver, wait: signed_in(driver, wait, base, shots, secret, owned))
        return status
    finally:
        for job in made:
            http_status(f"{base}/tap/async/{job}", "DELETE")
        for job in owned:
            http_status(f"{base}/tap/async/{job}", "DELETE", USER, secret)
        delete_users(USER)


if __name__ == "__main__":
    sys.exit(main(__doc__, run, "jobs page"))
