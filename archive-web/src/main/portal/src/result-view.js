// A completed job's result on the Jobs page. The archive keeps every completed async result as a table, which the
// result-page endpoint serves a page at a time (result-pages.js): the view shows it PAGE_SIZE rows a page, sorted
// by any column the reader clicks, with the datalinks of ID columns and their #preview images, a plot of its
// columns (plot.js), downloads in every format the TAP service declares, "Open in TOPCAT" (SAMP, samp.js) and
// where the data came from with how to cite them. A result the archive keeps no table of (an old job, one over
// the quota) is read from the job's result file instead: its first rows, as before the tables were kept.
// Everything is built with DOM calls and textContent: no value from the service is parsed as HTML.
import { copyOnClick } from "./copy.js";
import { element } from "./dom.js";
import { formatBytes, formatInstant, formatLabel, formatName, formatRows, jobName, resultRows } from "./job-format.js";
import { ResultPlot } from "./plot.js";
import { Previews } from "./previews.js";
import { MAX_LIMIT, PAGE_SIZE, ariaSort, choosePage, chunks, fetchPage, nextOrder, pageCount, pageOf, pageOffset,
  pageQuery, rowRange } from "./result-pages.js";
import { columnAbout, isSortable, unitSuffix } from "./result-values.js";
import { columnLabel, fillRows, scrollBox, showResult } from "./results.js";
import { SampHub } from "./samp.js";
import { readVOTable } from "./votable.js";

/** The rows shown of a result read from its file (the rest: download it). */
const FILE_ROWS = 1000;
/** A JSON result file larger than this is not read into the page. */
const MAX_JSON_BYTES = 20e6;
/** How long a SAMP hub has to answer a ping before the page says there is none (ms). */
const HUB_PING_MS = 2000;

function link(text, href) {
  const a = element("a", text);
  a.href = href;
  return a;
}

const byId = (id) => document.getElementById(id);

/** A Copy button; `what` names what it copies for screen readers. */
function copyButton(what) {
  const button = element("button", "Copy", "copy");
  button.type = "button";
  button.append(element("span", ` ${what}`, "visually-hidden"));
  return button;
}

/** Says a result's status; an error in the error's colours. */
function say(text, isError = false) {
  const status = byId("result-status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

/** The order in words: "in the result's order", "sorted by vmag, descending". */
function orderWords(order) {
  return order.sort ? `sorted by ${order.sort}, ${order.order === "desc" ? "descending" : "ascending"}`
    : "in the result's order";
}

/**
 * Shows a completed job's result in the view's result section.
 * @param job     the job's UWS document (uws.js)
 * @param page    the page's main element (its data- attributes name the endpoints)
 * @param jobUrl  the job's UWS address
 */
export async function showJobResult(job, page, jobUrl) {
  const result = job.results[0];
  const resultUrl = result ? `${jobUrl}/results/${encodeURIComponent(result.id)}` : null;
  const keptUrl = `${page.dataset.results}/${encodeURIComponent(job.id)}`;
  const view = new KeptResult(job, page, keptUrl);
  let kept = false;
  let failed = false;
  try {
    kept = await view.start();
  } catch (e) {
    say(`The result's table could not be shown: ${e.message}. Its file is below.`, true);
    failed = true; // the job's own result file is still there to download
  }
  downloads(job, page, kept ? view : null, resultUrl);
  topcat(job, page, kept ? `${keptUrl}/download?FORMAT=votable` : null, resultUrl, result);
  origin(job, page, kept ? view.firstPage : null);
  if (!kept && !failed) {
    await showFile(job, result, resultUrl);
  }
}

/** The kept table of a result, a page at a time. */
class KeptResult {
  constructor(job, page, url) {
    this.job = job;
    this.page = page;
    this.url = url;
    this.order = { sort: null, order: "asc" };
    this.offset = 0;
    this.total = 0;
    this.request = null;
    this.previews = new Previews(page.dataset.datalinkLinks);
    this.plotRows = null; // {key, promise}: the rows read for the plot, in one order of the table
    this.onOrder = [];
  }

  /** Reads and shows the first page; false when the archive keeps no table of this result (404). */
  async start() {
    say("Reading the result\u2026");
    try {
      await this.show(0, this.order, true);
    } catch (e) {
      if (e.status === 404) {
        return false;
      }
      throw e;
    }
    return true;
  }

  /**
   * Reads the page at offset in an order and shows it. The first page's failure is thrown (the caller falls back
   * to the file); later ones are said in the status line, the page shown stays.
   */
  async show(offset, order, first = false) {
    if (this.request) {
      this.request.abort(); // the newest click wins
    }
    const request = new AbortController();
    this.request = request;
    const box = byId("result");
    box.setAttribute("aria-busy", "true");
    const started = performance.now();
    let data;
    try {
      data = await fetchPage(this.url, { offset, limit: PAGE_SIZE, sort: order.sort, order: order.order },
        request.signal);
    } catch (e) {
      if (e.name === "AbortError") {
        return;
      }
      if (first) {
        throw e;
      }
      say(`${e.status === 400 ? "That cannot be shown" : "The page could not be read"}: ${e.message}`, true);
      return;
    } finally {
      if (this.request === request) {
        this.request = null;
        box.removeAttribute("aria-busy");
      }
    }
    if (first) {
      this.firstPage = data;
      this.columns = data.columns;
      this.build();
    }
    const orderChanged = data.sort !== this.order.sort || (data.sort && data.order !== this.order.order);
    this.offset = data.offset;
    this.total = data.rows;
    this.order = { sort: data.sort || null, order: data.order === "desc" ? "desc" : "asc" };
    this.render(data);
    if (orderChanged) {
      this.onOrder.forEach((f) => f(this.order));
    }
    // shown: measured when the browser has drawn it (the next frame), for the figures of the result pages
    window.requestAnimationFrame(() => {
      performance.measure("result-page", { start: started, end: performance.now(),
        detail: { offset: this.offset, sort: this.order.sort, order: this.order.order } });
    });
  }

  /** The table's head (sort buttons), the pager and the plot: once, the columns never change. */
  build() {
    const table = element("table", null, "sortable");
    table.id = "result-table";
    this.caption = table.createCaption();
    this.caption.className = "visually-hidden";
    const notes = element("div");
    notes.hidden = true; // read through aria-describedby only; the line above the table shows them
    // the line above the table says what the column under the pointer or the keyboard's focus holds; shown from
    // the start, one line high, so that nothing moves under a click when it changes
    const about = byId("column-about");
    const hint = "Point at a column's name, or Tab to it, for what it holds; click it (or press Enter) to sort.";
    about.textContent = hint;
    about.hidden = false;
    const head = table.createTHead().insertRow();
    this.headers = this.columns.map((column, i) => {
      const th = element("th");
      th.scope = "col";
      const facts = columnAbout(column);
      th.title = facts.join("\n");
      const note = element("span", facts.join("; "));
      note.id = `column-note-${i}`;
      notes.append(note);
      const button = element("button", null, "sort");
      button.type = "button";
      button.append(...columnLabel(column));
      button.setAttribute("aria-describedby", note.id);
      const sortable = isSortable(column);
      if (!sortable) {
        button.setAttribute("aria-disabled", "true");
      }
      const tell = () => {
        about.textContent = `${column.name}${unitSuffix(column)}: ${facts.join("; ")}`
          + (sortable ? "" : " (not sortable: it holds arrays)");
      };
      button.addEventListener("focus", tell);
      th.addEventListener("mouseenter", tell);
      button.addEventListener("click", () => {
        if (!sortable) {
          say(`The table cannot be sorted by ${column.name}: its values are arrays.`, true);
          return;
        }
        this.show(0, nextOrder(this.order, column.name));
      });
      th.append(button);
      head.append(th);
      return th;
    });
    this.tbody = table.createTBody();
    this.scroller = scrollBox(table, "Result table (scrollable)");
    byId("result").replaceChildren(this.scroller, notes);
    this.buildPager();
    const plot = byId("result-plot");
    plot.hidden = false;
    this.plot = new ResultPlot(plot, this.columns, (wanted, progress) => this.rowsForPlot(wanted, progress));
  }

  buildPager() {
    const nav = byId("result-pager");
    const button = (id, label, hidden) => {
      const b = element("button", label, "small secondary");
      b.type = "button";
      b.id = id;
      b.append(element("span", ` ${hidden}`, "visually-hidden"));
      b.addEventListener("click", () => {
        if (b.getAttribute("aria-disabled") !== "true") {
          this.go(this.target(id));
        }
      });
      return b;
    };
    const form = element("form", null, "page-form");
    const input = element("input");
    input.id = "page-number";
    input.type = "number";
    input.min = "1";
    input.inputMode = "numeric";
    const label = element("label", "Page");
    label.htmlFor = input.id;
    this.pageCount = element("span");
    this.pageCount.id = "page-count";
    const go = element("button", "Go", "small");
    go.type = "submit";
    go.append(element("span", " to the page", "visually-hidden"));
    form.append(label, input, this.pageCount, go);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = choosePage(input.value, pageCount(this.total));
      if (chosen === null) {
        say("Type a page number.", true);
        input.focus();
        return;
      }
      this.go(chosen);
    });
    this.pageInput = input;
    this.rows = element("span", null, "page-rows");
    this.rows.id = "page-rows";
    this.buttons = [button("page-first", "First", "page"), button("page-previous", "Previous", "page")];
    this.buttons.push(button("page-next", "Next", "page"), button("page-last", "Last", "page"));
    nav.replaceChildren(this.buttons[0], this.buttons[1], form, this.buttons[2], this.buttons[3], this.rows);
    nav.hidden = false;
  }

  target(id) {
    const current = pageOf(this.offset);
    const last = pageCount(this.total);
    return { "page-first": 1, "page-previous": current - 1, "page-next": current + 1, "page-last": last }[id];
  }

  go(pageNo) {
    this.show(pageOffset(Math.min(Math.max(1, pageNo), pageCount(this.total))), this.order);
  }

  render(data) {
    this.previews.reset();
    fillRows(this.tbody, this.columns, data.data, (td, value, column) => this.decorate(td, value, column));
    this.scroller.scrollTop = 0;
    const current = pageOf(this.offset);
    const last = pageCount(this.total);
    const range = rowRange(this.offset, data.data.length, this.total);
    this.headers.forEach((th, i) => th.setAttribute("aria-sort", ariaSort(this.order, this.columns[i].name)));
    this.pageInput.max = String(last);
    this.pageInput.value = String(current);
    this.pageCount.textContent = `of ${last.toLocaleString("en-US")}`;
    this.rows.textContent = range;
    for (const b of this.buttons) {
      const t = this.target(b.id);
      const disabled = t < 1 || t > last || t === current;
      if (disabled) {
        b.setAttribute("aria-disabled", "true");
      } else {
        b.removeAttribute("aria-disabled");
      }
    }
    const sorted = this.order.sort ? `, ${orderWords(this.order)}` : "";
    this.caption.textContent = `Result of ${jobName(this.job)}: ${range}${sorted}`;
    say(`${range.charAt(0).toUpperCase()}${range.slice(1)}${sorted}.${data.overflow
      ? " The query reached MAXREC: it has more rows than its result." : ""}`);
  }

  /** A datalink ID cell links the ID's links view and shows its #preview image when it has one. */
  decorate(td, value, column) {
    if (!column.datalink || typeof value !== "string") {
      return;
    }
    td.textContent = "";
    const a = link(value, `${this.page.dataset.datalinkView}?ID=${encodeURIComponent(value)}`);
    a.title = `The datalinks of ${value}`;
    td.append(a);
    td.classList.add("datalink");
    this.previews.observe(td, value);
  }

  /** The first rows of the table in its order (for the plot), read once for each order. */
  rowsForPlot(wanted, progress) {
    const key = `${this.order.sort}|${this.order.order}`;
    if (!this.plotRows || this.plotRows.key !== key) {
      const order = { ...this.order };
      const parts = chunks(this.total, wanted, MAX_LIMIT);
      const total = this.total;
      const promise = (async () => {
        const pieces = new Array(parts.length);
        let done = 0;
        let next = 0;
        // two requests at a time: the table's own page requests need the others
        const worker = async () => {
          for (let i = next++; i < parts.length; i = next++) {
            const got = await fetchPage(this.url, { ...parts[i], sort: order.sort, order: order.order });
            pieces[i] = got.data;
            done += got.data.length;
            progress(done, Math.min(total, wanted));
          }
        };
        await Promise.all([worker(), worker()]);
        return { data: pieces.flat(), rows: total, order: orderWords(order) };
      })();
      this.plotRows = { key, promise };
      promise.catch(() => {
        if (this.plotRows && this.plotRows.promise === promise) {
          this.plotRows = null; // asked again next time
        }
      });
    }
    return this.plotRows.promise;
  }
}

/** A result the archive keeps no table of: its first rows, read from the job's result file. */
async function showFile(job, result, url) {
  const box = byId("result");
  if (!result) {
    say("The job completed without a result.");
    return;
  }
  const type = (result.mimeType || "").toLowerCase();
  const known = resultRows(job.progress);
  say("Reading the result\u2026");
  box.setAttribute("aria-busy", "true");
  try {
    let shownRows;
    let more;
    if (type.includes("votable") || type.startsWith("text/xml")) {
      const response = await fetch(url);
      if (!response.ok) {
        throw new Error(`the result answered HTTP ${response.status}`);
      }
      const table = await readVOTable(response, FILE_ROWS);
      showResult(box, { columns: table.columns, data: table.data, queryStatus: "OK" });
      shownRows = table.data.length;
      more = table.more;
    } else if (type.includes("json") && result.size !== null && result.size <= MAX_JSON_BYTES) {
      const response = await fetch(url);
      const all = await response.json();
      const data = (all.data || []).slice(0, FILE_ROWS);
      showResult(box, { columns: all.columns || [], data, queryStatus: "OK" });
      shownRows = data.length;
      more = (all.data || []).length > FILE_ROWS;
    } else {
      box.replaceChildren();
      say(`The result is ${formatName(result.mimeType)}: this page shows VOTable (TABLEDATA) and JSON results;`
        + " download it, or open it in a VO client such as TOPCAT.");
      return;
    }
    const total = known ? known.rows : null;
    let text = more
      ? `The first ${shownRows.toLocaleString("en-US")} rows${total === null ? "" : ` of ${formatRows(known)}`}: download`
        + " the result for all of them."
      : `${shownRows.toLocaleString("en-US")} row${shownRows === 1 ? "" : "s"}.`;
    if (known && known.more) {
      text += " The query reached MAXREC: it has more rows than its result.";
    }
    say(text);
  } catch (e) {
    box.replaceChildren();
    say(`The result could not be shown: ${e.message}. Download it instead.`, true);
  } finally {
    box.removeAttribute("aria-busy");
  }
}

function extension(mimeType) {
  const type = (mimeType || "").toLowerCase();
  return type.includes("votable") || type.startsWith("text/xml") ? "vot" : type.startsWith("text/csv") ? "csv"
    : type.startsWith("text/tab-separated") ? "tsv" : type.includes("fits") ? "fits" : type.includes("json") ? "json"
      : type.includes("parquet") ? "parquet" : "dat";
}

/** The output formats the TAP service declares (VOSI capabilities): [{mime, aliases}]. */
export async function outputFormats(capabilitiesUrl) {
  const response = await fetch(capabilitiesUrl);
  if (!response.ok) {
    throw new Error(`the capabilities answered HTTP ${response.status}`);
  }
  const doc = new DOMParser().parseFromString(await response.text(), "application/xml");
  if (doc.getElementsByTagName("parsererror").length) {
    throw new Error("the capabilities could not be read");
  }
  const text = (e) => e.textContent.trim();
  return [...doc.getElementsByTagNameNS("*", "outputFormat")].map((f) => ({
    mime: [...f.children].filter((c) => c.localName === "mime").map(text)[0],
    aliases: [...f.children].filter((c) => c.localName === "alias").map(text),
  })).filter((f) => f.mime);
}

/** Downloads: the job's own result file, and the kept table in every format of the service, in the table's order. */
function downloads(job, page, kept, resultUrl) {
  const section = byId("result-downloads");
  const list = byId("result-links");
  const note = byId("downloads-note");
  section.hidden = false;
  const fileName = job.runId && /^[\w.-]{1,80}$/.test(job.runId) ? job.runId : job.id;
  const own = job.results.map((r) => {
    const a = link(`Download ${r.id} (${formatName(r.mimeType)}${r.size === null ? "" : `, ${formatBytes(r.size)}`})`,
      `${page.dataset.tapAsync}/${encodeURIComponent(job.id)}/results/${encodeURIComponent(r.id)}`);
    a.download = `${fileName}-${r.id}.${extension(r.mimeType)}`;
    const li = element("li");
    li.append(a, element("span", ": the job's result as it wrote it", "note"));
    return li;
  });
  list.replaceChildren(...own);
  if (!kept) {
    note.textContent = resultUrl ? "" : "The job has no result to download.";
    return;
  }
  note.textContent = "Reading the service's formats\u2026";
  outputFormats(page.dataset.capabilities).then((formats) => {
    const links = formats.map((f) => {
      const a = link(`Download as ${formatLabel(f)}`, "#");
      a.dataset.format = f.aliases[0] || f.mime;
      a.className = "format";
      const li = element("li");
      li.append(a);
      return li;
    });
    list.append(...links);
    const update = (order) => {
      for (const a of list.querySelectorAll("a.format")) {
        a.href = `${kept.url}/download?${new URLSearchParams({ FORMAT: a.dataset.format })}`
          + (order.sort ? `&${pageQuery(order)}` : "");
      }
      note.textContent = `The formats download the whole result in the table's order: ${order.sort
        ? orderWords(order) : "the result's own"}.`;
    };
    update(kept.order);
    kept.onOrder.push(update);
  }).catch((e) => {
    note.textContent = `The service's other formats could not be read (${e.message}): the job's result is above.`;
  });
}

/** Open in TOPCAT: the result's address to paste, and a SAMP send when a hub runs on the reader's machine. */
function topcat(job, page, keptVOTable, resultUrl, result) {
  const section = byId("result-topcat");
  const isVOTable = result && /votable|^text\/xml/i.test(result.mimeType || "");
  const path = isVOTable ? resultUrl : keptVOTable;
  if (!path) {
    section.hidden = true;
    return;
  }
  const address = new URL(path, window.location.href).href;
  const heading = byId("topcat-heading");
  const intro = element("p", "TOPCAT loads the result (VOTable) from this address: File \u2192 Load Table \u2192"
    + " Location, or paste it into TOPCAT's load window.");
  const copyable = element("div", null, "copyable");
  const code = element("code", address);
  code.id = "topcat-url";
  const copy = copyButton("the address");
  copyOnClick(copy, code);
  const p = element("p");
  p.append(code);
  copyable.append(p, copy);
  const parts = [heading, intro, copyable];
  if (job.ownerId) {
    parts.push(element("p", `The result is ${job.ownerId}'s only: TOPCAT asks for the user name and password (or a`
      + " personal token as the password) when it loads it.", "note"));
  }
  const send = element("button", "Send to TOPCAT (SAMP)", "secondary");
  send.type = "button";
  send.id = "samp-send";
  const status = element("p", null, "note");
  status.id = "samp-status";
  status.setAttribute("role", "status");
  const actions = element("div", null, "actions");
  actions.append(send);
  parts.push(actions, status);
  section.replaceChildren(...parts);
  section.hidden = false;

  const hub = new SampHub(page.dataset.sampHub);
  send.addEventListener("click", async () => {
    if (send.getAttribute("aria-disabled") === "true") {
      return;
    }
    send.setAttribute("aria-disabled", "true");
    status.classList.remove("error");
    status.textContent = "Looking for a SAMP hub\u2026";
    try {
      if (!(await hub.answers(HUB_PING_MS))) {
        status.textContent = `No SAMP hub answers at ${hub.url} (TOPCAT runs one, with its Web Profile on): start`
          + " TOPCAT and try again, or paste the address above into it.";
        return;
      }
      status.textContent = "Sending\u2026 Your SAMP hub may first ask you to allow this page.";
      const to = await hub.sendVOTable({ appName: page.dataset.siteName || "VO archive", url: address,
        description: `The results of jobs on ${window.location.origin}`, tableId: job.id, name: jobName(job) });
      status.textContent = to.length
        ? `Sent to ${to.length} SAMP client${to.length === 1 ? "" : "s"}: TOPCAT loads it now.`
        : "The SAMP hub has no client that loads VOTables: start TOPCAT, or paste the address above into it.";
    } catch (e) {
      status.textContent = `The SAMP hub did not take the table: ${e.message}`;
      status.classList.add("error");
    } finally {
      send.removeAttribute("aria-disabled");
    }
  });
}

/** Where the data came from: the query, when it ran, the source tables with their landing pages and citations. */
function origin(job, page, kept) {
  const section = byId("result-origin");
  const facts = element("dl", null, "facts");
  const fact = (term, value) => {
    const dd = element("dd");
    dd.append(value);
    facts.append(element("dt", term), dd);
    return dd;
  };
  const query = kept && kept.query ? kept.query : (job.parameters.find((p) => p.id.toUpperCase() === "QUERY") || {}).value;
  if (query) {
    fact("Query", element("pre", query, "snippet"));
  }
  const ran = element("span");
  const time = (iso) => {
    const t = element("time", formatInstant(iso));
    t.dateTime = iso;
    return t;
  };
  if (job.startTime) {
    ran.append(time(job.startTime));
    if (job.endTime) {
      ran.append(" to ", time(job.endTime));
    }
  }
  ran.append(` on ${window.location.origin}${page.dataset.tapAsync.replace(/\/async$/, "")} (TAP)`);
  fact("Ran", ran);
  const parts = [byId("origin-heading"), facts];
  const tables = kept && Array.isArray(kept.sourceTables) ? kept.sourceTables : [];
  if (kept) {
    const list = element("ul", null, "source-tables");
    for (const table of tables) {
      const li = element("li");
      li.append(link(table, `${page.dataset.landing}${encodeURI(table)}`));
      list.append(li);
    }
    fact("Source tables", tables.length ? list : element("span", "none named (the query read no archive table)"));
  } else {
    fact("Source tables", element("span", "not known here: the archive keeps no table of this result"));
  }
  if (tables.length) {
    const cite = element("div");
    cite.id = "result-citations";
    cite.append(element("p", "Please cite the data you used. Each table's landing page has its citation, in text and"
      + " BibTeX:"));
    for (const table of tables) {
      cite.append(citation(table, page));
    }
    parts.push(element("h5", "How to cite"), cite);
  }
  section.replaceChildren(...parts);
  section.hidden = false;
}

/** A source table's citation, read from its landing page (its #citation), with a link to the page. */
function citation(table, page) {
  const landing = `${page.dataset.landing}${encodeURI(table)}`;
  const block = element("div", null, "copyable");
  const text = element("p", null, "citation");
  const more = link(`How to cite ${table} (landing page)`, `${landing}#cite`);
  text.append(more);
  block.append(text);
  fetch(landing, { headers: { Accept: "text/html" } })
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((html) => {
      const found = new DOMParser().parseFromString(html, "text/html").getElementById("citation");
      if (found && found.textContent.trim()) {
        const words = element("span", found.textContent.trim());
        text.replaceChildren(words, " ", link("(BibTeX and more)", `${landing}#cite`));
        const copy = copyButton(`the citation of ${table}`);
        copyOnClick(copy, words);
        block.append(copy);
      }
    })
    .catch((e) => console.warn(`no citation of ${table}:`, e.message));
  return block;
}
