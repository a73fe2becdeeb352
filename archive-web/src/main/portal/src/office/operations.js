// The operations page (/admin/operations, administrators only): the job queues with their executing and queued
// jobs per owner (Abort ends any of them, through UWS's own abort), the usage statistics per day and per table,
// what each user stores (jobs and personal tables, of their quota) with the groups' quotas to edit, the
// maintenance tasks, the tables' statistics and the OAI-PMH repository's sets. Read from the admin API
// (/admin/operations/*, /admin/maintenance, /admin/storage, /admin/groups); the queues refresh every few seconds,
// the rest with Refresh.
import { call, shownTime } from "../account-api.js";
import { problem } from "./api.js";
import { busy, el, place, say } from "./dom.js";
import { KINDS, byOwner, bytes, exactBytes, interval, parseBytes, pivot } from "./figures.js";

/** How often the queues are read again while the page is open. */
const QUEUES_EVERY_MS = 5000;

const table = (id, headings, rows) => el("div", { className: "table-scroll" }, el("table", { id },
  el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", { scope: "col", text: h })))),
  el("tbody", {}, ...rows)));

/** Fills a section with what `render` makes of the API's answer at `url`, or says what failed. */
async function fill(element, url, what, render) {
  try {
    element.replaceChildren(...[render(await call(url, "GET"))].flat());
  } catch (e) {
    element.replaceChildren(el("p", { className: "status error", text: `${what} cannot be read: ${problem(e)}` }));
  }
}

const cell = (text, className) => el("td", { className, text: text === undefined || text === null ? "" : String(text) });

export async function operationsPage(main) {
  const api = main.dataset.operations;
  const status = document.getElementById("office-status");
  const queues = place("queues");
  const usage = place("usage");
  const storage = place("storage");
  const maintenance = place("maintenance");
  const statistics = place("statistics");
  const oai = place("oai");
  // not a live region: it is drawn again every few seconds; what Abort did is said in the status line
  const queueList = el("div", { id: "queue-list" });
  queues.append(queueList);

  async function abort(button, job) {
    return busy(button, async () => {
      try {
        const r = await call(`${api}/jobs/${encodeURIComponent(job.id)}/abort`, "POST");
        say(status, r.phase === "ABORTED" ? `Job ${job.id} (${job.owner}) is aborted.`
          : `Job ${job.id} was not aborted: it is ${r.phase}.`);
      } catch (e) {
        say(status, `Job ${job.id} was not aborted: ${problem(e)}`, true);
      }
      await showQueues();
    });
  }

  function jobRow(job) {
    const button = el("button", { type: "button", className: "secondary abort", text: "Abort",
      dataset: { job: job.id }, "aria-label": `Abort job ${job.id} of ${job.owner}` });
    button.addEventListener("click", () => abort(button, job));
    return el("tr", { dataset: { job: job.id, phase: job.phase } }, el("td", {}, el("code", { text: job.id })),
      cell(job.jobList), cell(job.phase, "phase"), cell(job.runId), cell(shownTime(job.created)),
      cell(job.started ? shownTime(job.started) : ""), cell(job.node, "node"), cell(job.executionDuration, "n"),
      el("td", {}, button));
  }

  async function showQueues() {
    let answer;
    try {
      answer = await call(`${api}/jobs`, "GET");
    } catch (e) {
      say(status, `The queues cannot be read: ${problem(e)}`, true);
      return;
    }
    queueList.replaceChildren(...answer.queues.map((q) => el("section", { className: "queue", dataset: { queue: q.name } },
      el("h3", {}, `Queue ${q.name}`),
      el("p", { className: "state" }, `${q.executing} executing (at most ${q.concurrency} at once on each node), ${q.queued} queued;`
        + ` executions end after ${q.maxExecutionSeconds} s at most.`),
      q.jobs.length ? byOwner(q.jobs).map((o) => el("div", { className: "owner", dataset: { owner: o.owner } },
        el("h4", {}, o.owner, el("span", { className: "note", text: ` \u00b7 ${o.executing} executing, ${o.queued} queued` })),
        table(null, ["Job", "List", "Phase", "Run id", "Created", "Started", "Node", "Limit (s)", ""], o.jobs.map(jobRow))))
        : el("p", { className: "note", text: "No job is executing or queued." }))));
  }

  function showUsage(days) {
    return fill(usage, `${api}/usage?days=${days}`, "The usage", (answer) => usageFigures(answer, days));
  }

  function usageFigures(answer, days) {
    const headings = KINDS.map(([, h]) => h);
    const rows = (key) => pivot(answer.counts, key).map((r) => el("tr", { dataset: { [key]: r.name } },
      el("td", {}, key === "table" && r.name !== "(none)" ? el("code", { text: r.name }) : r.name),
      ...KINDS.map(([k]) => cell(r[k], "n")), cell(r.total, "n")));
    const chooser = el("select", { id: "usage-days", "aria-label": "Days shown" },
      ...[7, 30, 90, 365].map((d) => el("option", { value: String(d), text: `last ${d} days` })));
    chooser.value = String(days);
    chooser.addEventListener("change", () => showUsage(Number(chooser.value)));
    return [
      el("p", { className: "note" }, chooser, ` Requests counted per day (UTC) in the ${answer.days} days to`
        + ` ${answer.today}, kept ${answer.retentionDays ? `${answer.retentionDays} days` : "for ever"}`
        + ` (archive.usage.retention-days). Client addresses are kept masked only: ${answer.masking}.`),
      answer.counts.length ? [
        el("h3", { text: "Per day" }), table("usage-days-table", ["Day", ...headings, "Total"], rows("day")),
        el("h3", { text: "Per table" }), table("usage-tables-table", ["Table", ...headings, "Total"], rows("table")),
      ] : el("p", { className: "note", id: "no-usage", text: "Nothing counted in these days." })].flat();
  }

  function showStorage() {
    return fill(storage, main.dataset.storage, "What users store", (answer) => [
      el("p", { className: "note", text: "What each user stores, most first: their jobs' results, uploads and kept"
        + " results, and their personal tables (names and sizes only). A user's limits are the largest of their"
        + " groups' quotas, else the defaults (archive.uws.user.quota-bytes, archive.usertables.max-tables)." }),
      answer.users.length ? table("storage-users", ["User", "Used", "Limit", "Used %", "Jobs", "Tables (bytes)",
        "Tables", "Largest tables"], answer.users.map((u) => el("tr", { dataset: { user: u.user } },
        cell(u.user), cell(bytes(u.usedBytes), "n"), cell(bytes(u.limitBytes), "n"),
        cell(`${u.percentUsed}%`, u.percentUsed >= 100 ? "n failed" : "n"), cell(bytes(u.jobBytes), "n"),
        cell(bytes(u.tableBytes), "n"), cell(`${u.tables} of ${u.maxTables}`, "n"),
        el("td", {}, ...u.largest.map((t, i) => [i ? ", " : "", el("code", { text: t.table }), ` (${bytes(t.bytes)})`]).flat()))))
        : el("p", { className: "note", id: "no-storage", text: "No user stores anything." }),
      el("h3", { text: "Group quotas" }),
      el("p", { className: "note", text: "Sizes as bytes or with a unit (50 GB, 2 GiB); empty: the default." }),
      table("group-quotas", ["Group", "Members", "Storage", "Tables", ""], answer.groups.map(groupRow))]);
  }

  function groupRow(g) {
    const size = el("input", { type: "text", value: g.storageBytes === null ? "" : exactBytes(g.storageBytes),
      "aria-label": `Storage quota of group ${g.name}`, size: 10 });
    const count = el("input", { type: "number", min: "0", value: g.maxTables === null ? "" : String(g.maxTables),
      "aria-label": `Most tables of group ${g.name}`, className: "tables" });
    const save = el("button", { type: "button", className: "secondary", text: "Save",
      "aria-label": `Save the quota of group ${g.name}` });
    save.addEventListener("click", () => busy(save, async () => {
      const storageBytes = parseBytes(size.value);
      const maxTables = count.value.trim() === "" ? null : Number(count.value);
      if (Number.isNaN(storageBytes) || (maxTables !== null && !(Number.isInteger(maxTables) && maxTables >= 0))) {
        say(status, `Group ${g.name}: give a size such as 50 GB and a whole number of tables, or leave them empty`
          + " for the defaults.", true);
        return;
      }
      try {
        const set = await call(`${main.dataset.groups}/${encodeURIComponent(g.name)}/quota`, "PUT",
          JSON.stringify({ storageBytes, maxTables }), "application/json");
        say(status, `Group ${g.name}: storage ${set.storageBytes === null ? "the default" : exactBytes(set.storageBytes)},`
          + ` tables ${set.maxTables === null ? "the default" : set.maxTables}.`);
        await showStorage();
      } catch (e) {
        say(status, `The quota of group ${g.name} was not changed: ${problem(e)}`, true);
      }
    }));
    return el("tr", { dataset: { group: g.name } }, cell(g.name), cell(g.members, "n"), el("td", {}, size),
      el("td", {}, count), el("td", {}, save));
  }

  function showMaintenance() {
    return fill(maintenance, main.dataset.maintenance, "The tasks", (answer) => table("maintenance-tasks", ["Task",
      "What it does", "Interval", "Last run", "Node", "Outcome", "Runs / failures", "Setting"], answer.tasks.map((t) =>
      el("tr", { dataset: { task: t.name } },
        el("td", {}, el("code", { text: t.name })), cell(t.description), cell(interval(t.intervalSeconds)),
        cell(t.lastStart ? `${shownTime(t.lastStart)} (${t.lastDurationMs} ms)` : "not yet"), cell(t.lastNode, "node"),
        cell(t.lastStart ? `${t.lastOk ? "" : "failed: "}${t.lastOutcome}` : "", t.lastStart && !t.lastOk ? "failed" : null),
        cell(`${t.runs} / ${t.failures}`, "n"), el("td", {}, el("code", { text: t.setting }))))));
  }

  function showStatistics() {
    return fill(statistics, `${api}/tables`, "The statistics", (answer) => [
      el("p", { className: "note", id: "statistics-run", text: `Row counts and sizes from PostgreSQL's statistics,`
        + ` refreshed ${interval(answer.intervalSeconds)}; last run: ${answer.lastRun
          ? `${shownTime(answer.lastRun)} on ${answer.lastNode}, ${answer.lastOutcome}` : "not yet"}.` }),
      table("table-statistics", ["Table", "Rows", "Size", "Published"], answer.tables.map((t) =>
        el("tr", { dataset: { table: `${t.schema}.${t.table}` } }, el("td", {}, el("code", { text: `${t.schema}.${t.table}` })),
          cell(t.rows, "n"), cell(bytes(t.sizeBytes), "n"), cell(t.published ? "yes" : "no"))))]);
  }

  function showOai() {
    return fill(oai, `${api}/oai`, "The OAI-PMH state", (answer) => [
      el("p", { className: "note", id: "oai-state", text: `Earliest datestamp: ${answer.earliestDatestamp
        ? shownTime(answer.earliestDatestamp) : "none (no records)"}; last reconciled: ${answer.reconciled
        ? shownTime(answer.reconciled) : "not since this was recorded (the next harvest reconciles)"}; deleted`
        + ` records: ${answer.deletedRecord}.` }),
      table("oai-sets", ["Set", "Name", "Records offered", "Tombstones"], answer.sets.map((s) =>
        el("tr", { dataset: { set: s.spec } }, el("td", {}, el("code", { text: s.spec })), cell(s.name),
          cell(s.offered, "n"), cell(s.tombstones, "n"))))]);
  }

  const refresh = el("button", { type: "button", className: "secondary", id: "operations-refresh", text: "Refresh" });
  refresh.addEventListener("click", () => busy(refresh, () => Promise.all([showQueues(), showUsage(
    Number(document.getElementById("usage-days")?.value || 30)), showStorage(), showMaintenance(), showStatistics(),
  showOai()])));
  queues.prepend(el("p", { className: "actions" }, refresh));
  await Promise.all([showQueues(), showUsage(30), showStorage(), showMaintenance(), showStatistics(), showOai()]);
  setInterval(showQueues, QUEUES_EVERY_MS);
}
