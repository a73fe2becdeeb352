// The result table, built with DOM calls and textContent only: no value from the service or the query is
// ever parsed as HTML.

const NUMERIC = new Set(["short", "int", "long", "float", "double", "unsignedByte"]);

/** Shows a TAP JSON result in container, replacing what was there. */
export function showResult(container, result) {
  const columns = result.columns || [];
  const rows = result.data || [];
  const table = document.createElement("table");
  table.id = "result-table";
  const caption = table.createCaption();
  caption.className = "visually-hidden";
  caption.textContent = `Query result: ${describe(result)}`;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.name;
    if (column.unit) {
      const unit = document.createElement("span");
      unit.className = "unit";
      unit.textContent = ` [${column.unit}]`;
      th.append(unit);
    }
    const about = [column.description, column.ucd && `UCD ${column.ucd}`, column.datatype].filter(Boolean);
    th.title = about.join("\n");
    head.append(th);
  }
  const numeric = columns.map((c) => NUMERIC.has(c.datatype) && !c.arraysize);
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const td = tr.insertCell();
      if (value === null || value === undefined) {
        td.className = "null";
      } else {
        td.textContent = Array.isArray(value) ? value.join(" ") : typeof value === "object" ? JSON.stringify(value)
          : String(value);
        if (numeric[i]) {
          td.className = "num";
        }
      }
    });
  }
  // a wide or long result scrolls in its own box, which the keyboard can reach and scroll
  const scroller = document.createElement("div");
  scroller.className = "table-scroll";
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", "Result table (scrollable)");
  scroller.append(table);
  container.replaceChildren(scroller);
}

/** One line about a result: its rows, and whether MAXREC cut it. */
export function describe(result) {
  const n = (result.data || []).length;
  const rows = `${n} row${n === 1 ? "" : "s"}`;
  return result.queryStatus === "OVERFLOW" ? `${rows}: the first ${n}, the query has more (MAXREC)` : rows;
}
