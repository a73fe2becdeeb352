"""HTTP client code the bench/ scripts share: the loads (cones, async jobs, OAI harvests) and their
statistics, written once so that bench/side-by-side runs exactly the loads of bench/scs, bench/tap-async
and bench/oai against any server (the archive, DaCHS), given its base URL and the paths of its services.

Only the Python standard library: the scripts run with Debian's /usr/bin/python3 and no virtualenv.
"""
import http.client
import itertools
import math
import os
import random
import statistics
import subprocess
import threading
import time
import urllib.parse
import xml.parsers.expat
import xml.etree.ElementTree as ET

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
OAI = {"o": "http://www.openarchives.org/OAI/2.0/"}


def connection(base, timeout=120):
    """A keep-alive connection to the server of a base URL (http://host:port[/prefix])."""
    url = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(url.hostname, url.port or 80, timeout=timeout)


def prefix(base):
    """The path a base URL puts before every service path ('' for http://host:port)."""
    return urllib.parse.urlparse(base).path.rstrip("/")


def request(conn, method, path, body=None):
    """One request on a kept-alive connection: (status, Location header, body bytes)."""
    conn.request(method, path, body=urllib.parse.urlencode(body) if body else None, headers=FORM if body else {})
    r = conn.getresponse()
    data = r.read()
    return r.status, r.getheader("Location"), data


def run_parallel(base, units, clients, timeout=120):
    """Runs the units (callables taking a connection and returning a number) from the iterable `units` on
    `clients` threads, each with its own kept-alive connection, until the iterable ends. Returns (the latency
    of each unit in seconds, units per second, the sum of what the units returned). The first failure ends
    the run with SystemExit naming it: a benchmark that half failed has no figure."""
    latencies, total, errors, lock = [], [0], [], threading.Lock()
    units = iter(units)

    def client():
        conn = connection(base, timeout)
        while not errors:
            with lock:
                unit = next(units, None)
            if unit is None:
                return
            t0 = time.perf_counter()
            try:
                result = unit(conn)
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)
                return
            with lock:
                latencies.append(time.perf_counter() - t0)
                total[0] += result or 0
    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"failed: {errors[0]!r}")
    return latencies, len(latencies) / (time.perf_counter() - start), total[0]


def for_seconds(unit, seconds):
    """The same unit over and over until `seconds` have passed (for loads whose rate differs by orders of
    magnitude between servers: a fixed duration instead of a fixed count)."""
    deadline = time.perf_counter() + seconds
    return itertools.takewhile(lambda _: time.perf_counter() < deadline, itertools.repeat(unit))


def process_cpu_seconds(pid):
    """A process's user and system CPU time so far, in seconds (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def backends_cpu_seconds(client_pid, port=5432):
    """The CPU time so far, by process id, of the PostgreSQL backends serving the connections of process
    `client_pid` (a server's pools), found by their TCP ports with ss (root: the sockets of other users'
    processes). Compare two readings pid by pid: a backend that started between them counts from zero, one
    that ended takes its time with it."""
    out = subprocess.run(["ss", "-tnpH", "state", "established"], capture_output=True, text=True, check=True).stdout
    mine, backends = set(), {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 5 or "pid=" not in fields[-1]:
            continue
        local, peer, pid = fields[-3], fields[-2], int(fields[-1].split("pid=")[1].split(",")[0])
        if pid == int(client_pid) and peer.rsplit(":", 1)[1] == str(port):
            mine.add(local.rsplit(":", 1)[1])
        elif local.rsplit(":", 1)[1] == str(port):
            backends[peer.rsplit(":", 1)[1]] = pid
    cpu = {}
    for client_port, pid in backends.items():
        if client_port in mine:
            try:
                cpu[pid] = process_cpu_seconds(pid)
            except OSError:  # ended meanwhile
                pass
    return cpu


def p99(values):
    return sorted(values)[max(0, int(len(values) * 0.99) - 1)]


def median(values):
    return statistics.median(values)


# ---- cone search


def cone_centres(n, seed=42):
    """n positions uniform on the sphere, the same for every server and run (seeded)."""
    rng = random.Random(seed)
    return [(rng.uniform(0, 360), math.degrees(math.asin(rng.uniform(-1, 1)))) for _ in range(n)]


def cone_adql(table, ra, dec, sr, columns="id, ra, dec, mag"):
    """The ADQL of a cone on `table`, nearest first: the TAP counterpart of a Simple Cone Search."""
    return ("SELECT %s, DISTANCE(POINT(ra, dec), POINT(%r, %r)) AS d FROM %s"
            " WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(%r, %r, %r)) ORDER BY d") % (
        columns, ra, dec, table, ra, dec, sr)


def tap_sync_path(tap, adql, response_format="votable/td"):
    return tap + "/sync?" + urllib.parse.urlencode({"LANG": "ADQL", "QUERY": adql, "RESPONSEFORMAT": response_format})


def table_rows(path):
    """A unit fetching a TABLEDATA VOTable: the number of its rows (fails unless it is a 200 with a TABLE)."""
    def unit(conn):
        status, _, body = request(conn, "GET", path)
        if status != 200 or b"<TABLE" not in body:
            raise AssertionError((path, status, body[:300]))
        return body.count(b"<TR>")
    return unit


# ---- async TAP (UWS)


def phase_of(doc):
    return doc.split(b"<uws:phase>")[1].split(b"</uws:phase>")[0].decode()


def async_job(tap, query, run_at_creation=True):
    """A unit running one async job to its end: create -> run -> GET ?WAIT until final -> GET the result ->
    DELETE. With run_at_creation the creating POST carries PHASE=RUN (UWS 1.1); without, a second POST to
    the job's phase starts it (the form every UWS server honours)."""
    def unit(conn):
        status, location, _ = request(conn, "POST", tap + "/async",
                                      {"LANG": "ADQL", "QUERY": query, **({"PHASE": "RUN"} if run_at_creation else {})})
        assert status == 303, status
        job = urllib.parse.urlparse(location).path
        if not run_at_creation:
            status, _, _ = request(conn, "POST", job + "/phase", {"PHASE": "RUN"})
            assert status == 303, status
        while True:
            status, _, doc = request(conn, "GET", job + "?WAIT=30")
            if phase_of(doc) not in ("PENDING", "QUEUED", "EXECUTING"):
                break
        assert phase_of(doc) == "COMPLETED", doc
        status, _, result = request(conn, "GET", job + "/results/result")
        assert status == 200 and b"<TABLE" in result, (status, result[:300])
        request(conn, "DELETE", job)
        return 1
    return unit


def sync_query(tap, query):
    """A unit running the query through /sync (the reference of async jobs)."""
    def unit(conn):
        status, _, result = request(conn, "GET", tap + "/sync?" + urllib.parse.urlencode({"LANG": "ADQL", "QUERY": query}))
        assert status == 200 and b"<TABLE" in result, (status, result[:300])
        return 1
    return unit


# ---- OAI-PMH


OAI_NS = "http://www.openarchives.org/OAI/2.0/ "


def oai_page(body, item):
    """Counts an OAI-PMH page's items (record or header elements) and reads its resumption token and error, with
    expat's events: the whole page is parsed (well-formed, or the harvest fails) without building its tree, as
    ElementTree's objects took this client as long as the server took to write the records."""
    page = {"items": 0, "token": "", "error": None}
    inside = []

    def start(name, attrs):
        inside.append(name)
        if name == OAI_NS + item:
            page["items"] += 1
        elif name == OAI_NS + "error":
            page["error"] = attrs.get("code", "error")

    def text(data):
        if inside and inside[-1] == OAI_NS + "resumptionToken":
            page["token"] += data

    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: inside.pop()
    parser.CharacterDataHandler = text
    parser.Parse(body, True)
    return page


def harvest(base, oai, verb, query):
    """Harvests a whole list (ListRecords or ListIdentifiers) page by page as a harvester does, checking
    every page is well-formed and not an OAI error. Returns (seconds, records, pages, seconds of the first
    request)."""
    conn = connection(base, 300)
    query = {"verb": verb, **query}
    records = pages = 0
    first = None
    t0 = time.perf_counter()
    while True:
        t = time.perf_counter()
        status, _, body = request(conn, "GET", oai + "?" + urllib.parse.urlencode(query))
        assert status == 200, (status, body[:300])
        if first is None:
            first = time.perf_counter() - t
        page = oai_page(body, "record" if verb == "ListRecords" else "header")
        assert page["error"] is None, page["error"]
        pages += 1
        records += page["items"]
        if not page["token"].strip():
            break
        query = {"verb": verb, "resumptionToken": page["token"].strip()}
    return time.perf_counter() - t0, records, pages, first
