// The result tables, built with DOM calls and textContent only: no value from the service or the query is
// ever parsed as HTML. showResult draws a whole result at once (the query page's rows, a job result read from
// its file); the result pages of a kept job (result-view.js) build their table from the same header and row
// cells, with sorting buttons in the header.
import { columnAbout, formatValue, isNumeric, unitSuffix } from "./result-values.js";

/** The most values of an array cell that stay on one line (a point's two, a circle's three). */
const SHORT_ARRAY = 4;

/** Shows a TAP JSON result in container, replacing what was there. */
export function showResult(container, result) {
  const columns = result.columns || [];
  const table = document.createElement("table");
  table.id = "result-table";
  const caption = table.createCaption();
  caption.className = "visually-hidden";
  caption.textContent = `Query result: ${describe(result)}`;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.append(...columnLabel(column));
    th.title = columnAbout(column).join("\n");
    head.append(th);
  }
  fillRows(table.createTBody(), columns, result.data || []);
  container.replaceChildren(scrollBox(table, "Result table (scrollable)"));
}

/** A column's name and, after it, its unit in brackets (a span of its own, styled quieter). */
export function columnLabel(column) {
  const label = [document.createTextNode(column.name)];
  if (column.unit) {
    const unit = document.createElement("span");
    unit.className = "unit";
    unit.textContent = unitSuffix(column);
    label.push(unit);
  }
  return label;
}

/**
 * Replaces the rows of a table body. decorate(td, value, column, row), if given, adds to a cell after its text
 * (links, previews); numbers are right-aligned, nulls marked.
 */
export function fillRows(tbody, columns, rows, decorate) {
  const numeric = columns.map(isNumeric);
  const fresh = document.createDocumentFragment();
  for (const row of rows) {
    const tr = document.createElement("tr");
    row.forEach((value, i) => {
      const td = document.createElement("td");
      if (value === null || value === undefined) {
        td.className = "null";
      } else {
        td.textContent = formatValue(value);
        if (numeric[i]) {
          td.className = "num";
        } else if (Array.isArray(value) && value.length > SHORT_ARRAY) {
          td.className = "long-array"; // wraps, where a few numbers (a point) stay on one line
        }
        if (decorate) {
          decorate(td, value, columns[i], row);
        }
      }
      tr.append(td);
    });
    fresh.append(tr);
  }
  tbody.replaceChildren(fresh);
}

/** A wide or long table scrolls in a box of its own, which the keyboard can reach and scroll. */
export function scrollBox(table, label) {
  const scroller = document.createElement("div");
  scroller.className = "table-scroll";
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", label);
  scroller.append(table);
  return scroller;
}

/** One line about a result: its rows, and whether MAXREC cut it. */
export function describe(result) {
  const n = (result.data || []).length;
  const rows = `${n} row${n === 1 ? "" : "s"}`;
  return result.queryStatus === "OVERFLOW" ? `${rows}: the first ${n}, the query has more (MAXREC)` : rows;
}
