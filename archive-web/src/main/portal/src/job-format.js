// How the Jobs page writes a job's facts: durations, instants, result rows, sizes, and the name a job goes by.

/**
 * A duration in milliseconds as a person reads it: < 1 s, 12 s, 3 min 5 s, 10 min, 2 h 3 min, 8 h, 3 d 4 h. UWS gives
 * instants to the second, so nothing finer is claimed.
 */
export function formatDuration(ms) {
  if (typeof ms !== "number" || !(ms >= 0)) {
    return "";
  }
  const s = Math.round(ms / 1000);
  if (s < 1) {
    return "< 1 s";
  }
  if (s < 60) {
    return `${s} s`;
  }
  const two = (big, bigUnit, small, smallUnit) => `${big} ${bigUnit}${small ? ` ${small} ${smallUnit}` : ""}`;
  if (s < 3600) {
    return two(Math.floor(s / 60), "min", s % 60, "s");
  }
  if (s < 86400) {
    return two(Math.floor(s / 3600), "h", Math.floor((s % 3600) / 60), "min");
  }
  return two(Math.floor(s / 86400), "d", Math.floor((s % 86400) / 3600), "h");
}

/**
 * How long a job ran (start to end), or has run so far (start to now) while it executes; null before it started,
 * and for a job that never started.
 */
export function jobDuration(job, now) {
  if (!job.startTime) {
    return null;
  }
  const end = job.endTime ? Date.parse(job.endTime) : job.phase === "EXECUTING" ? now : null;
  return end === null ? null : Math.max(0, end - Date.parse(job.startTime));
}

/**
 * An ISO instant in the reader's time zone, to the second: 2026-01-02 04:04:05; only the time (04:04:05) when it
 * is on the same day as the instant `sameDayAs` (a job's start and end beside its creation).
 */
export function formatInstant(iso, sameDayAs) {
  if (!iso) {
    return "";
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  const two = (n) => String(n).padStart(2, "0");
  const day = (t) => `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())}`;
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  const other = sameDayAs ? new Date(sameDayAs) : null;
  return other && !Number.isNaN(other.getTime()) && day(other) === day(d) ? time : `${day(d)} ${time}`;
}

/**
 * The rows of a job's result as the archive's job document says them (jobInfo progress "1234 rows", with
 * "(MAXREC reached ...)" when the query has more): {rows, more}, or null when the service does not say.
 */
export function resultRows(progress) {
  const match = /^(\d+) rows?\b/.exec(progress || "");
  return match ? { rows: Number(match[1]), more: /MAXREC/.test(progress) } : null;
}

/** A count of rows for a table cell: 1,234 (and a + when MAXREC cut the result). */
export function formatRows(rows) {
  return rows ? rows.rows.toLocaleString("en-US") + (rows.more ? "+" : "") : "";
}

/** A byte count: 532 bytes, 12.3 kB, 4.5 MB, 1.2 GB. */
export function formatBytes(n) {
  if (n === null || n === undefined || Number.isNaN(n)) {
    return "";
  }
  if (n < 1000) {
    return `${n} byte${n === 1 ? "" : "s"}`;
  }
  const units = ["kB", "MB", "GB", "TB"];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The name a job goes by: its RUNID, else its id. */
export function jobName(job) {
  return job.runId && job.runId.trim() ? job.runId.trim() : `job ${job.id}`;
}

/** What a result's MIME type is, in words. */
export function formatName(mimeType) {
  const type = (mimeType || "").toLowerCase();
  if (type.startsWith("application/x-votable+xml") || type.startsWith("text/xml")) {
    const serialization = /serialization=(\w+)/.exec(type);
    return serialization ? `VOTable (${serialization[1].toUpperCase()})` : "VOTable";
  }
  if (type.startsWith("text/csv")) {
    return "CSV";
  }
  if (type.startsWith("text/tab-separated-values")) {
    return "TSV";
  }
  if (type.includes("fits")) {
    return "FITS";
  }
  if (type.includes("json")) {
    return "JSON";
  }
  if (type.includes("parquet")) {
    return "Parquet";
  }
  return mimeType || "file";
}

/**
 * A TAP output format ({mime, aliases} from the capabilities) in words: "CSV", "VOTable (TABLEDATA)"; the bare
 * VOTable type is the service's default serialization, which one of its aliases names: "VOTable (BINARY2)".
 */
export function formatLabel(format) {
  const name = formatName(format.mime);
  const serialization = name === "VOTable" && format.aliases.find((a) => /^(binary2|binary|tabledata)$/i.test(a));
  return serialization ? `VOTable (${serialization.toUpperCase()})` : name;
}
