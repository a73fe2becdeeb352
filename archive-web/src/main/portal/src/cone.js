// The query page's cone search (portal.ConeSearchForm renders it, hidden, for the tables whose cone search the
// caller may use). It calls the table's own Simple Cone Search (GET /scs/schema/table with RA, DEC, SR, MAXREC and
// RESPONSEFORMAT=json) rather than writing ADQL itself: the archive describes a cone search by its settings (the
// ID and position columns, the columns of each verbosity, the largest radius and result), which the cone search
// service applies and turns into ADQL (scs.ConeSearchQuery) on the TAP path; ADQL written here would repeat that
// translation and skip its limits. The result's JSON carries the ADQL the service ran, which goes into the
// editor, to refine and run again.
import { CoordinateError, parseDec, parseRa, parseRadius } from "./coords.js";
import { say } from "./status.js";
import { describe } from "./results.js";

/**
 * @param maxrec the most rows the page shows
 * @param search (url, table) => runs the cone search as the page's run: a promise of its JSON result, whose rows
 *               the page shows (and whose ADQL it puts into the editor)
 */
export function coneSearch({ maxrec, search }) {
  const section = document.getElementById("cone-search");
  if (!section) {
    return;
  }
  const form = document.getElementById("cone-form");
  const table = document.getElementById("cone-table");
  const ra = document.getElementById("cone-ra");
  const dec = document.getElementById("cone-dec");
  const radius = document.getElementById("cone-radius");
  const unit = document.getElementById("cone-unit");
  const limit = document.getElementById("cone-maxrec");
  const status = document.getElementById("cone-status");
  const button = document.getElementById("cone-run");
  section.hidden = false;

  const tell = (text, isError) => say(status, text, isError);
  // a cone known to find rows in the table (its cone search's test query) is the position to start from; a
  // position the user typed stays when the table changes
  let defaults = { ra: "", dec: "" };
  const startPosition = () => {
    const option = table.selectedOptions[0];
    const next = { ra: option?.dataset.ra ?? "", dec: option?.dataset.dec ?? "" };
    if (ra.value === defaults.ra && dec.value === defaults.dec) {
      ra.value = next.ra;
      dec.value = next.dec;
    }
    defaults = next;
  };
  table.addEventListener("change", startPosition);
  startPosition();

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const option = table.selectedOptions[0];
    let parameters;
    try {
      parameters = coneParameters({ ra: ra.value, dec: dec.value, radius: radius.value, unit: unit.value, maxSR: option.dataset.maxSr, limit: limit.value, maxrec });
    } catch (e) {
      if (!(e instanceof CoordinateError)) {
        throw e;
      }
      tell(`Not searched: ${e.message}.`, true);
      return;
    }
    button.disabled = true;
    tell(`Searching ${option.value}\u2026`, false);
    try {
      const result = await search(`${option.dataset.scs}?${parameters}`, option.value);
      tell(`${describe(result)} within ${parameters.get("SR")}\u00b0 of RA ${parameters.get("RA")}, Dec `
        + `${parameters.get("DEC")} in ${option.value}; the ADQL it ran is in the editor.`, false);
    } catch (e) {
      tell(e.name === "AbortError" ? "" : `The cone search failed: ${e.message}`, e.name !== "AbortError");
    } finally {
      button.disabled = false;
    }
  });
}

/**
 * The cone search's parameters (SCS 1.03 and DALI): RA, DEC and SR in decimal degrees, MAXREC at most the page's
 * (and the one given, if any), RESPONSEFORMAT=json. Throws a CoordinateError for a value the search cannot take.
 */
export function coneParameters({ ra, dec, radius, unit, maxSR, limit, maxrec }) {
  const sr = parseRadius(radius, unit);
  if (maxSR && sr > Number(maxSR)) {
    throw new CoordinateError(`this table's cone search takes a radius of at most ${maxSR} degrees`);
  }
  let rows = maxrec;
  if (String(limit ?? "").trim()) {
    if (!/^\d+$/.test(String(limit).trim())) {
      throw new CoordinateError(`at most rows must be a whole number, not ${limit}`);
    }
    rows = Math.min(Number(limit), maxrec);
  }
  return new URLSearchParams({ RA: String(parseRa(ra)), DEC: String(parseDec(dec)), SR: String(sr),
    MAXREC: String(rows), RESPONSEFORMAT: "json" });
}
