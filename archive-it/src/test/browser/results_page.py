#!/usr/bin/env python3
"""The results view of the Jobs page in a real browser: Debian's headless Chromium driven by Selenium
(python3-selenium) through Debian's chromium-driver, as jobs_page.py does. Nothing is downloaded.

As an anonymous person would, by keys and clicks, it checks:
  - an async job of 100,000 rows, made PENDING and then started as another tab would, is followed live by its
    view: PENDING, then QUEUED or EXECUTING, then COMPLETED, without a reload;
  - its kept table shows 100 rows a page ("Rows 1-100 of 100,000"), exactly TAP sync's rows in that order; Next,
    a typed page number (Enter), Last and First page through it, each page TAP's rows at that offset;
  - a click on a column's header sorts by it (aria-sort ascending, the values in order across two pages), a second
    click (the keyboard's Enter) turns the order round; an array column is not sortable and says so; a header's
    button says what its column is (UCD, description) when the keyboard reaches it;
  - the time from asking for a page to it being drawn (the page's own Performance API measures), every page;
  - downloads in the formats of the TAP capabilities: VOTable and CSV (and FITS) read with STIL (stilts tpipe)
    have the 100,000 rows; the sorted CSV starts with the greatest value;
  - a plot: scatter, histogram and sky (Hammer) each draw a canvas with ink on it, and the text alternative names
    the columns and says 10,000 of 100,000 rows; the sky plot's columns are the RA and Dec ones (their UCDs);
  - the data origin: the query, when it ran, the source table linked to its landing page, and its citation;
  - Open in TOPCAT: the result's address to paste; Send says that no SAMP hub answers when none runs, and with a
    JSAMP hub (Web Profile) and a client listening for table.load.votable, the client gets the address;
  - a result with datalink IDs (demo.plates): each ID links its links view, and its #preview image shows inline;
  - an error of the result-page endpoint (the job deleted meanwhile) is said in words, no JSON;
  - at a laptop's (1200 px) and a tablet's width (768 px) nothing scrolls sideways but the table's own box;
  - no errors in the console but the ones provoked (the missing SAMP hub, the deleted job).
With --million it also runs a 1,000,000-row job and reports the page times of that result (not part of the
standard run: it writes a large result). Screenshots go to --screenshots (results-*.png); deletes its jobs.

Usage: python3 results_page.py --base http://localhost:8080 [--screenshots DIR] [--million]
Exits non-zero at the first failed check.
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from chromium import Failure, check, main, no_console_errors, session, tap_rows
from jobs_page import http_status, phase, steady
from metadata_pages import no_sideways_scroll, screenshot

ROWS = 100_000
COLUMNS = "star_id, ra, dec, vmag, b_v, sptype, pos"
QUERY = f"SELECT TOP {ROWS} {COLUMNS} FROM demo.kstars ORDER BY star_id"
PLATES = "SELECT plate_id, field, obs_date FROM demo.plates ORDER BY plate_id"
JSAMP = "/usr/share/java/jsamp.jar"
HUB_PORT = 21012

# the failures the test provokes: no SAMP hub listening, a page asked of a job deleted meanwhile
NO_HUB = "net::ERR_CONNECTION_REFUSED"
DELETED = "Failed to load resource: the server responded with a status of 404 (Not Found)"


def create(base, adql, name, run):
    """Creates a job without the page (as another tab would), PENDING unless run; returns its id."""
    # MAXREC above the TOP: the result is the TOP's rows, not cut by MAXREC
    fields = {"LANG": "ADQL", "QUERY": adql, "RUNID": name, "RESPONSEFORMAT": "votable/td", "MAXREC": "2000000"}
    if run:
        fields["PHASE"] = "RUN"

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(base + "/tap/async", urllib.parse.urlencode(fields).encode(),
                                                     timeout=30)
    except urllib.error.HTTPError as e:
        check(e.code == 303, f"the job list answers 303 to a new job, not {e.code}")
        return e.headers["Location"].rsplit("/", 1)[1]
    raise Failure("the job list did not answer 303")


def start(base, job):
    body = urllib.parse.urlencode({"PHASE": "RUN"}).encode()
    try:
        urllib.request.urlopen(f"{base}/tap/async/{job}/phase", body, timeout=30)
    except urllib.error.HTTPError as e:
        check(e.code == 303, f"PHASE=RUN answers 303, not {e.code}")


def remember(driver, jobs):
    """Keeps the ids where this browser's pages keep the ids of the anonymous jobs they made."""
    driver.execute_script("""const ids = JSON.parse(localStorage.getItem('voarchive.anonymous-jobs') || '[]');
        localStorage.setItem('voarchive.anonymous-jobs', JSON.stringify(arguments[0].concat(ids)));""", jobs)


def table(driver):
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")]


def header(driver):
    return [th.text.split(" [")[0] for th in driver.find_elements(By.CSS_SELECTOR, "#result-table thead th")]


def status(driver):
    return driver.find_element(By.ID, "result-status").text


def shown(driver, wait, text, what):
    """Waits until the result's status says text (the page it names is drawn then)."""
    steady(driver).until(lambda d: status(d) == text, f"{what}: the status says {text!r}")


def page_measures(driver):
    return driver.execute_script("return performance.getEntriesByName('result-page').map(e => e.duration)")


def column(driver, name):
    return header(driver).index(name)


def ink(driver, css):
    """How many pixels of the canvases matching css have been drawn on (not transparent)."""
    return driver.execute_script("""let n = 0;
        for (const c of document.querySelectorAll(arguments[0])) {
          const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; }
        }
        return n;""", css)


def stilts_count(path, fmt):
    """The rows STIL reads from a file (stilts tpipe omode=count: "columns: C   rows: R")."""
    done = subprocess.run(["stilts", "tpipe", f"in={path}", f"ifmt={fmt}", "omode=count"], capture_output=True,
                          text=True, timeout=300)
    check(done.returncode == 0, f"STIL reads {path} as {fmt}: {done.stderr[-500:]}")
    words = done.stdout.split()
    return int(words[words.index("rows:") + 1])


def download(url, path):
    with urllib.request.urlopen(url, timeout=300) as response, open(path, "wb") as out:
        shutil.copyfileobj(response, out)
        return response.headers.get("Content-Disposition", "")


def port_free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


class SampHub:
    """A JSAMP hub with its Web Profile (registrations allowed without asking: no one is there to click) and a
    JSAMP client that prints the table.load.votable messages it gets, both in a home of their own."""

    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="samp-")
        self.log = os.path.join(self.home, "snooper.log")
        java = ["java", f"-Duser.home={self.home}", "-jar", JSAMP]
        self.hub = subprocess.Popen(java + ["hub", "-mode", "no-gui", "-profiles", "std,web", "-web:auth", "true"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists(os.path.join(self.home, ".samp")) and not port_free(HUB_PORT):
                break
            time.sleep(0.2)
        with open(self.log, "w") as out:
            self.client = subprocess.Popen(java + ["snooper", "-clientname", "table-taker", "-mtype",
                                                   "table.load.votable"], stdout=out, stderr=subprocess.STDOUT)
        time.sleep(3)  # the client registers with the hub

    def heard(self):
        with open(self.log) as f:
            return f.read()

    def stop(self):
        for process in (self.client, self.hub):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self.home, ignore_errors=True)


def steps(driver, wait, base, shots, made, figures):
    # a job of 100,000 rows, PENDING, whose view is open before it runs
    job = create(base, QUERY, "hundred thousand stars", run=False)
    made.append(job)
    driver.get(base + "/jobs")
    remember(driver, [job])
    driver.get(f"{base}/jobs?job={job}")
    wait.until(lambda d: phase(d) == "PENDING", "the view opens on the PENDING job")
    start(base, job)
    seen = set()
    steady(driver).until(lambda d: seen.add(phase(d)) or phase(d) == "COMPLETED",
                         "the phase changes to COMPLETED without a reload")
    check(seen & {"QUEUED", "EXECUTING"}, f"the view followed the job through its phases: {seen}")
    print(f"ok: the view followed PENDING, {', '.join(sorted(seen - {'PENDING', 'COMPLETED'}))}, COMPLETED live")

    # the first page: 100 rows, exactly TAP's
    shown(driver, wait, "Rows 1\u2013100 of 100,000.", "the first page")
    names, expected = tap_rows(base, f"SELECT TOP 300 {COLUMNS} FROM demo.kstars ORDER BY star_id")
    check(header(driver) == names, f"the columns {header(driver)} are TAP's {names}")
    rows = table(driver)
    check(len(rows) == 100, f"100 rows a page, not {len(rows)}")
    star, vmag, pos = column(driver, "star_id"), column(driver, "vmag"), column(driver, "pos")
    ra = column(driver, "ra")
    check([r[star] for r in rows] == [r[star] for r in expected[:100]], "the rows are TAP's, in the result's order")
    check([r[ra] for r in rows] == [r[ra] for r in expected[:100]], "with TAP's values (ra)")
    check(driver.find_element(By.ID, "page-rows").text == "rows 1\u2013100 of 100,000", "the pager says the rows")
    check(driver.find_element(By.ID, "page-count").text == "of 1,000", "and the pages")
    check("[deg]" in driver.find_element(By.CSS_SELECTOR, "#result-table thead").text, "units in the header")
    screenshot(driver, os.path.join(shots, "results-table.png"))

    # paging: Next, a typed page (Enter), Last, First
    driver.find_element(By.ID, "page-next").click()
    shown(driver, wait, "Rows 101\u2013200 of 100,000.", "Next")
    check([r[star] for r in table(driver)] == [r[star] for r in expected[100:200]], "the second page is TAP's rows")
    number = driver.find_element(By.ID, "page-number")
    number.send_keys(Keys.CONTROL, "a")
    number.send_keys("537", Keys.ENTER)
    shown(driver, wait, "Rows 53,601\u201353,700 of 100,000.", "a typed page number")
    _, deep = tap_rows(base, f"SELECT TOP 53700 star_id FROM demo.kstars ORDER BY star_id")
    check([r[star] for r in table(driver)] == [r[0] for r in deep[53600:]], "page 537 is TAP's rows 53,601 on")
    driver.find_element(By.ID, "page-last").click()
    shown(driver, wait, "Rows 99,901\u2013100,000 of 100,000.", "Last")
    check(driver.find_element(By.ID, "page-next").get_attribute("aria-disabled") == "true", "no Next on the last page")
    check(driver.find_element(By.ID, "page-number").get_attribute("value") == "1000", "the page number follows")
    driver.find_element(By.ID, "page-first").send_keys(Keys.ENTER)
    shown(driver, wait, "Rows 1\u2013100 of 100,000.", "First (by keyboard)")
    check(table(driver) == rows, "back to the same first page")
    check(driver.find_element(By.ID, "page-previous").get_attribute("aria-disabled") == "true",
          "no Previous on the first page")
    print("ok: 100 rows a page; Next, page 537 typed, Last and First show TAP's rows at their offsets")

    # the plots: scatter, histogram, sky
    section = driver.find_element(By.ID, "result-plot")
    driver.execute_script("arguments[0].scrollIntoView()", section)
    kind = Select(driver.find_element(By.CSS_SELECTOR, "#plot-form select[name=kind]"))
    check([o.text for o in kind.options] == ["Scatter (x, y)", "Histogram", "Sky (RA, Dec)"], "three kinds of plot")
    selects = {s.find_element(By.XPATH, "preceding-sibling::label").get_attribute("textContent"): Select(s)
               for s in driver.find_elements(By.CSS_SELECTOR, "#plot-form .field select")}
    selects["x"].select_by_value("b_v")
    selects["y"].select_by_value("vmag")
    driver.find_element(By.ID, "plot-draw").click()
    caption = steady(driver).until(lambda d: d.find_element(By.ID, "plot-caption").text, "the scatter plot is drawn")
    check(caption.startswith("Scatter plot of vmag against b_v: 10,000 of 100,000 rows (the first 10,000 in the"
                             " result's order)"), f"its text alternative: {caption!r}")
    check(driver.find_element(By.ID, "plot-area").get_attribute("aria-label") == caption, "the figure's name is it")
    check(ink(driver, "#plot-area canvas") > 500, "the scatter's canvas has points on it")
    section.screenshot(os.path.join(shots, "results-plot-scatter.png"))
    kind.select_by_value("histogram")
    selects["Column"].select_by_value("vmag")
    bins = driver.find_element(By.CSS_SELECTOR, "#plot-form input[type=number]")
    bins.clear()
    bins.send_keys("25")
    driver.find_element(By.ID, "plot-draw").click()
    steady(driver).until(lambda d: d.find_element(By.ID, "plot-caption").text.startswith("Histogram of vmag in 25 bins"),
                         "the histogram is drawn")
    check("10,000 of 100,000 rows" in driver.find_element(By.ID, "plot-caption").text, "it says how many rows")
    check(ink(driver, "#plot-area canvas") > 500, "the histogram's canvas has bars on it")
    section.screenshot(os.path.join(shots, "results-plot-histogram.png"))
    kind.select_by_value("sky")
    check(selects["RA"].first_selected_option.get_attribute("value") == "ra", "RA: the pos.eq.ra column by default")
    check(selects["Dec"].first_selected_option.get_attribute("value") == "dec", "Dec: the pos.eq.dec column")
    Select(driver.find_element(By.XPATH, "//label[.='Projection']/following-sibling::select")).select_by_value("hammer")
    driver.find_element(By.ID, "plot-draw").click()
    steady(driver).until(lambda d: d.find_element(By.ID, "plot-caption").text.startswith("Sky plot (Hammer projection"),
                         "the sky plot is drawn")
    sky = driver.find_element(By.ID, "plot-caption").text
    check("RA ra and Dec dec" in sky and "10,000 of 100,000 rows" in sky, f"its text alternative: {sky!r}")
    check(ink(driver, "#plot-area canvas.sky") > 2000, "the sky's canvas has the graticule and the stars")
    section.screenshot(os.path.join(shots, "results-plot-sky.png"))
    print(f"ok: scatter, histogram and sky plots drawn; e.g. {sky!r}")

    # sorting: a click sorts ascending, Enter on the same header descending
    vmag_header = driver.find_elements(By.CSS_SELECTOR, "#result-table thead th")[vmag]
    vmag_header.find_element(By.TAG_NAME, "button").click()
    shown(driver, wait, "Rows 1\u2013100 of 100,000, sorted by vmag, ascending.", "sorted by vmag")
    check(vmag_header.get_attribute("aria-sort") == "ascending", "aria-sort says ascending")
    up = [float(r[vmag]) for r in table(driver)]
    check(up == sorted(up), f"vmag ascends on the page: {up[:5]}...")
    _, least = tap_rows(base, f"SELECT MIN(vmag) FROM (SELECT TOP {ROWS} vmag FROM demo.kstars ORDER BY star_id) AS r")
    check(up[0] == float(least[0][0]), f"the first is the least vmag of the result: {up[0]} {least}")
    driver.find_element(By.ID, "page-next").click()
    shown(driver, wait, "Rows 101\u2013200 of 100,000, sorted by vmag, ascending.", "the sorted second page")
    up2 = [float(r[vmag]) for r in table(driver)]
    check(up2 == sorted(up2) and up2[0] >= up[-1], "the order goes on across pages")
    screenshot(driver, os.path.join(shots, "results-sorted.png"))
    button = vmag_header.find_element(By.TAG_NAME, "button")
    button.send_keys(Keys.ENTER)
    shown(driver, wait, "Rows 1\u2013100 of 100,000, sorted by vmag, descending.", "the order turned round")
    check(vmag_header.get_attribute("aria-sort") == "descending", "aria-sort says descending")
    check(driver.switch_to.active_element == button, "the focus stays on the header's button")
    down = [float(r[vmag]) for r in table(driver)]
    check(down == sorted(down, reverse=True), f"vmag descends: {down[:5]}...")
    _, greatest = tap_rows(base, f"SELECT MAX(vmag) FROM (SELECT TOP {ROWS} vmag FROM demo.kstars ORDER BY star_id) AS r")
    check(down[0] == float(greatest[0][0]), f"the first is the greatest vmag: {down[0]} {greatest}")
    about = driver.find_element(By.ID, "column-about").text
    check(about.startswith("vmag [mag]: ") and "UCD phot.mag;em.opt.V" in about,
          f"the keyboard's header says what its column is: {about!r}")
    described = driver.find_element(By.ID, button.get_attribute("aria-describedby")).get_attribute("textContent")
    check("phot.mag;em.opt.V" in described, f"and so does its description for screen readers: {described!r}")
    driver.find_elements(By.CSS_SELECTOR, "#result-table thead th button")[pos].click()
    wait.until(lambda d: "cannot be sorted by pos" in status(d), "an array column is not sortable, and says so")
    check(driver.find_elements(By.CSS_SELECTOR, "#result-table thead th")[pos].get_attribute("aria-sort") == "none",
          "nor sorted")
    print(f"ok: sorted by vmag ascending ({up[0]} ...) and descending ({down[0]} ...); pos is not sortable")

    # downloads in the service's formats, read by STIL; the CSV in the table's order (vmag descending)
    links = {a.text: a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#result-links a")}
    for name in ("Download as VOTable (BINARY2)", "Download as CSV", "Download as FITS", "Download as JSON"):
        check(name in links, f"{name!r} among the downloads: {list(links)}")
    check(links["Download as CSV"].endswith("&sort=vmag&order=desc"), links["Download as CSV"])
    folder = tempfile.mkdtemp(prefix="results-downloads-")
    try:
        counts = {}
        for name, fmt, ext in (("Download as VOTable (BINARY2)", "votable", "vot"), ("Download as CSV", "csv", "csv"),
                               ("Download as FITS", "fits", "fits")):
            path = os.path.join(folder, f"result.{ext}")
            disposition = download(links[name], path)
            check("attachment" in disposition, f"{name} is an attachment: {disposition!r}")
            counts[fmt] = stilts_count(path, fmt)
            check(counts[fmt] == ROWS, f"STIL reads {ROWS} rows from {name}, not {counts[fmt]}")
        with open(os.path.join(folder, "result.csv")) as f:
            f.readline()
            first = f.readline().split(",")
        check(float(first[vmag]) == down[0], f"the CSV is in the table's order: {first}")
        own = os.path.join(folder, "own.vot")
        download(links[next(n for n in links if n.startswith("Download result"))], own)
        check(stilts_count(own, "votable") == ROWS, "and the job's own result file")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"ok: downloads read by STIL: {counts} rows, and the job's own VOTable")

    # where the data came from, and how to cite it
    origin = driver.find_element(By.ID, "result-origin")
    check(QUERY in origin.text, "the origin shows the query")
    landing = origin.find_element(By.LINK_TEXT, "demo.kstars").get_attribute("href")
    check(landing == f"{base}/landing/demo.kstars", f"the source table links its landing page: {landing}")
    check(http_status(landing) == 200, "which is there")
    steady(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#result-citations button.copy"),
                         "the table's citation, read from its landing page")
    citation = driver.find_element(By.CSS_SELECTOR, "#result-citations p.citation").text
    check(len(citation) > 30 and "BibTeX" in citation, f"a citation: {citation!r}")
    print(f"ok: the origin names demo.kstars, its landing page and citation ({citation[:60]!r}...)")

    # Open in TOPCAT: the address; no hub; a hub with a client that loads tables
    url = driver.find_element(By.ID, "topcat-url").text
    check(url == f"{base}/tap/async/{job}/results/result", f"the address TOPCAT loads: {url}")
    send = driver.find_element(By.ID, "samp-send")
    if port_free(HUB_PORT):
        send.click()
        steady(driver).until(lambda d: d.find_element(By.ID, "samp-status").text.startswith("No SAMP hub answers"),
                             "without a hub, the page says so")
    hub = SampHub()
    try:
        send.click()
        steady(driver).until(lambda d: d.find_element(By.ID, "samp-status").text.startswith("Sent to 1 SAMP client"),
                             "with a hub, the table goes to its client")
        steady(driver).until(lambda d: url in hub.heard(), "the client got the table's address")
        heard = hub.heard()
        check("table.load.votable" in heard and "hundred thousand stars" in heard, f"as table.load.votable: {heard}")
    finally:
        hub.stop()
    screenshot(driver, os.path.join(shots, "results-topcat.png"))
    print("ok: Open in TOPCAT gives the address; SAMP: no hub said, then sent to a JSAMP client")

    # the figures: from asking for a page to it drawn
    times = page_measures(driver)
    figures.append(("100,000 rows", times))
    print(f"ok: {len(times)} pages shown, median {statistics.median(times):.0f} ms, max {max(times):.0f} ms")

    # at a laptop's and a tablet's width
    for width, name in ((1200, "results-1200.png"), (768, "results-tablet.png")):
        driver.set_window_size(width, 1024)
        time.sleep(0.5)
        no_sideways_scroll(driver, f"the result view at {width} px")
        screenshot(driver, os.path.join(shots, name))
    driver.set_window_size(1366, 900)

    # datalinks and previews
    plates = create(base, PLATES, "plates", run=True)
    made.append(plates)
    remember(driver, [plates])
    driver.get(f"{base}/jobs?job={plates}")
    shown(driver, wait, "Rows 1\u201312 of 12.", "the plates' result")
    first = driver.find_element(By.CSS_SELECTOR, "#result-table tbody td.datalink a")
    check(first.text == "P0001" and first.get_attribute("href") == f"{base}/datalink/view?ID=P0001",
          f"a datalink ID links its links view: {first.get_attribute('href')}")
    check(http_status(first.get_attribute("href")) == 200, "which is there")
    # the previews of the cells in view are asked for (lazily: the table is below the window's fold until now)
    driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "result-table"))
    steady(driver).until(lambda d: len([i for i in d.find_elements(By.CSS_SELECTOR, "#result-table img.preview")
                                        if d.execute_script("return arguments[0].complete && arguments[0].naturalWidth",
                                                            i)]) >= 4, "the #preview images, loaded")
    image = driver.find_element(By.CSS_SELECTOR, "#result-table img.preview")
    check(image.get_attribute("src").startswith(f"{base}/files/"), f"from the archive itself: {image.get_attribute('src')}")
    check(image.get_attribute("alt").startswith("Preview of plate"), f"with a text: {image.get_attribute('alt')!r}")
    screenshot(driver, os.path.join(shots, "results-previews.png"))
    print(f"ok: datalink IDs link their links view, previews inline ({image.get_attribute('src')})")

    # the endpoint's error in words: the job deleted while its view is open
    check(http_status(f"{base}/tap/async/{plates}", "DELETE") == 303, "the plates' job deleted meanwhile")
    made.remove(plates)
    driver.find_elements(By.CSS_SELECTOR, "#result-table thead th button")[0].click()
    wait.until(lambda d: d.find_element(By.ID, "result-status").get_attribute("class") == "error",
               "the failed page is said as an error")
    words = status(driver)
    check(words.startswith("The page could not be read: ") and "{" not in words, f"in words: {words!r}")
    print(f"ok: the endpoint's error said in words: {words!r}")
    no_console_errors(driver, "the result view", expected=(NO_HUB, DELETED))


def million(driver, wait, base, made, figures):
    """The page times of a 1,000,000-row result: deep pages, sorted both ways."""
    job = create(base, "SELECT TOP 1000000 a.star_id, a.ra, a.dec, a.vmag, b.hr FROM demo.kstars AS a, demo.bsc5 AS b"
                 " WHERE b.hr <= 10", "a million rows", run=True)
    made.append(job)
    driver.get(base + "/jobs")
    remember(driver, [job])
    driver.get(f"{base}/jobs?job={job}")
    steady(driver).until(lambda d: phase(d) in ("COMPLETED", "ERROR"), "the million-row job ends")
    check(phase(driver) == "COMPLETED", f"it completes: {driver.find_element(By.ID, 'job-error').text}")
    shown(driver, wait, "Rows 1\u2013100 of 1,000,000.", "its first page")

    def visit(pages, sorted_by=""):
        for page in pages:
            number = driver.find_element(By.ID, "page-number")
            number.send_keys(Keys.CONTROL, "a")
            number.send_keys(str(page), Keys.ENTER)
            first = (page - 1) * 100 + 1
            shown(driver, wait, f"Rows {first:,}\u2013{first + 99:,} of 1,000,000{sorted_by}.", f"page {page}")

    visit([5000, 9999, 1234, 7777, 2, 8888, 4321, 10000, 6000, 3000])
    button = driver.find_elements(By.CSS_SELECTOR, "#result-table thead th button")[3]
    button.click()  # the first sort by a column builds its index
    shown(driver, wait, "Rows 1\u2013100 of 1,000,000, sorted by vmag, ascending.", "sorted")
    visit([7000, 9999, 2500, 5001, 8123, 3, 6666, 1500, 9000, 4444], ", sorted by vmag, ascending")
    button.click()
    shown(driver, wait, "Rows 1\u2013100 of 1,000,000, sorted by vmag, descending.", "descending")
    driver.find_element(By.ID, "page-last").click()
    shown(driver, wait, "Rows 999,901\u20131,000,000 of 1,000,000, sorted by vmag, descending.", "its last page")
    figures.append(("1,000,000 rows", page_measures(driver)))


def run(base, shots, with_million=False):
    made = []
    figures = []
    try:
        status_ = session("results", shots, lambda driver, wait: steps(driver, wait, base, shots, made, figures),
                          expected=(NO_HUB, DELETED))
        if status_ == 0 and with_million:
            status_ = session("results-million", shots,
                              lambda driver, wait: million(driver, wait, base, made, figures))
        for what, times in figures:
            ordered = sorted(times)
            print(f"figures: result pages of {what}: {len(times)} pages, from the request to drawn: median "
                  f"{statistics.median(times):.0f} ms, 90th percentile {ordered[int(0.9 * (len(ordered) - 1))]:.0f} ms,"
                  f" max {max(times):.0f} ms (first page and first sort included); all: {[round(t) for t in times]}")
        return status_
    finally:
        for job in made:
            http_status(f"{base}/tap/async/{job}", "DELETE")


if __name__ == "__main__":
    MILLION = "--million" in sys.argv
    if MILLION:
        sys.argv.remove("--million")
    sys.exit(main(__doc__, lambda base, shots: run(base, shots, MILLION), "results page"))
