// What the operations page computes from the admin API's answers before showing them (no DOM here, so that
// node --test checks it): jobs grouped by owner, usage summed by kind and by table, sizes in words.

/** The kinds of counted requests (usage.UsageKind), in the page's order, with their headings. */
export const KINDS = [
  ["TAP_SYNC", "TAP sync"], ["TAP_ASYNC", "TAP async"], ["CONE_SEARCH", "Cone searches"],
  ["RESULT_DOWNLOAD", "Result downloads"], ["FILE_DOWNLOAD", "File downloads"],
];

/** A queue's jobs by owner, owners in name order: [{owner, executing, queued, jobs}]. */
export function byOwner(jobs) {
  const owners = new Map();
  for (const job of jobs) {
    const o = owners.get(job.owner) || { owner: job.owner, executing: 0, queued: 0, jobs: [] };
    o.jobs.push(job);
    if (job.phase === "EXECUTING") {
      o.executing += 1;
    } else if (job.phase === "QUEUED") {
      o.queued += 1;
    }
    owners.set(job.owner, o);
  }
  return [...owners.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}

/**
 * The counts as rows of (day or table) x kind: key "day" gives one row per day, newest first; key "table" one
 * row per table over all days, busiest first. A request that read no table counts under "(none)".
 */
export function pivot(counts, key) {
  const rows = new Map();
  for (const c of counts) {
    const name = key === "day" ? c.day : c.table || "(none)";
    const row = rows.get(name) || { name, total: 0, ...Object.fromEntries(KINDS.map(([k]) => [k, 0])) };
    row[c.kind] = (row[c.kind] || 0) + c.requests;
    row.total += c.requests;
    rows.set(name, row);
  }
  const all = [...rows.values()];
  return key === "day" ? all.sort((a, b) => b.name.localeCompare(a.name))
    : all.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/** Bytes in the binary unit that keeps the figure short: "1.5 MiB". */
export function bytes(n) {
  if (n === undefined || n === null) {
    return "";
  }
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${n} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** An interval in seconds as words: "every 1 h", "off". */
export function interval(seconds) {
  if (!seconds) {
    return "off";
  }
  if (seconds % 86400 === 0) {
    return `every ${seconds / 86400} d`;
  }
  if (seconds % 3600 === 0) {
    return `every ${seconds / 3600} h`;
  }
  return seconds % 60 === 0 ? `every ${seconds / 60} min` : `every ${seconds} s`;
}

const BYTE_UNITS = { "": 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3,
  tib: 1024 ** 4 };

/**
 * A size an administrator types ("50 GB", "2.5 GiB", "1000000"): its bytes; null for an empty text (the
 * default), NaN for anything else.
 */
export function parseBytes(text) {
  const t = String(text ?? "").trim();
  if (t === "") {
    return null;
  }
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(t);
  const unit = m ? BYTE_UNITS[m[2].toLowerCase()] : undefined;
  return unit === undefined ? NaN : Math.round(Number(m[1]) * unit);
}

/** Bytes as an administrator would type them, exactly (parseBytes reads it back): "50 GB", "2 GiB", "1234". */
export function exactBytes(n) {
  for (const unit of ["TiB", "TB", "GiB", "GB", "MiB", "MB", "KiB", "kB"]) {
    const size = BYTE_UNITS[unit.toLowerCase()];
    if (n >= size && n % size === 0) {
      return `${n / size} ${unit}`;
    }
  }
  return String(n);
}
