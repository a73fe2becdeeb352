// The browser beside the editor: the caller's schemas, tables and columns (catalog.js) as an ARIA tree
// (WAI-ARIA Authoring Practices' tree view: one tab stop, arrow keys move, Right opens and Left closes, Home and
// End, Enter acts), with a filter box. A click on a name, or Enter on it, inserts it at the editor's cursor: a
// table's qualified name, a column's own name (what a select list and a condition take; a column qualified by
// its schema and table would be wrong once the query gives the table an alias). Each column shows its type,
// unit, UCD and description. Built with DOM calls and textContent only. Fast with hundreds of tables: the
// tables' items are made once, a table's columns only when it is first opened, and filtering hides items.
import { filterCatalog, typeText } from "./catalog.js";

let nextId = 0;

/**
 * @param tree    the element with role=tree
 * @param filter  the filter's input
 * @param status  the browser's status line
 * @param catalog what catalog.js read
 * @param insert  (text) => inserts the name at the editor's cursor
 */
export function tableBrowser({ tree, filter, status, catalog, insert }) {
  const tables = new Map(); // qualified name -> {table, item, group, columnsMade}
  const schemaItems = [];
  for (const schema of catalog.schemas) {
    const { item, group } = node({ level: 1, label: schema.name, about: schema.description, kind: "schema",
      insertText: schema.name, expanded: true });
    for (const table of schema.tables) {
      const made = node({ level: 2, label: table.local, about: table.description, kind: "table",
        insertText: table.name, expanded: false, extra: table.nrows !== null ? rowsText(table.nrows) : "" });
      made.item.dataset.table = table.name;
      tables.set(table.name, { table, item: made.item, group: made.group, columnsMade: false });
      group.append(made.item);
    }
    schemaItems.push({ schema, item });
    tree.append(item);
  }
  const count = tables.size;
  const first = tree.querySelector("[role=treeitem]");
  if (first) {
    first.tabIndex = 0;
  }
  status.textContent = `${count} table${count === 1 ? "" : "s"}${count ? ": open one for its columns" : ""}.`;

  function columns(entry) {
    if (!entry.columnsMade) {
      entry.group.append(...entry.table.columns.map((c) => column(c)));
      entry.columnsMade = true;
    }
  }

  function setExpanded(item, open) {
    if (!item.hasAttribute("aria-expanded")) {
      return;
    }
    if (open && item.dataset.table) {
      columns(tables.get(item.dataset.table));
    }
    item.setAttribute("aria-expanded", String(open));
    groupOf(item).hidden = !open;
  }

  // ---- filtering: the matching tables, and of tables found by their columns, those columns
  let filterTimer = null;
  filter.addEventListener("input", () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(applyFilter, 120); // typing fast filters once
  });
  filter.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { // from the filter into the tree
      event.preventDefault();
      focusItem(visibleItems()[0]);
    }
  });

  function applyFilter() {
    const text = filter.value.trim();
    const found = filterCatalog(catalog, text);
    for (const [name, entry] of tables) {
      const match = found.tables.get(name);
      entry.item.hidden = !found.tables.has(name);
      if (!text) {
        entry.item.querySelectorAll("[role=treeitem]").forEach((c) => { c.hidden = false; });
        continue;
      }
      if (match instanceof Set) { // found by columns: open, with those columns only
        columns(entry);
        for (const c of entry.group.children) {
          c.hidden = !match.has(c.dataset.column);
        }
        setExpanded(entry.item, true);
      } else if (entry.columnsMade) {
        entry.group.querySelectorAll("[role=treeitem]").forEach((c) => { c.hidden = false; });
      }
    }
    for (const { schema, item } of schemaItems) {
      item.hidden = !schema.tables.some((t) => found.tables.has(t.name));
    }
    status.textContent = text ? `${found.count} of ${count} tables match \u201c${text}\u201d.`
      : `${count} table${count === 1 ? "" : "s"}.`;
    const active = tree.querySelector("[role=treeitem][tabindex='0']");
    if (!active || !visibleItems().includes(active)) {
      const firstVisible = visibleItems()[0];
      if (firstVisible) {
        makeActive(firstVisible);
      }
    }
  }

  // ---- the keyboard and the mouse
  tree.addEventListener("keydown", (event) => {
    const item = event.target.closest("[role=treeitem]");
    if (!item || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const items = visibleItems();
    const index = items.indexOf(item);
    const expandable = item.hasAttribute("aria-expanded");
    const open = item.getAttribute("aria-expanded") === "true";
    switch (event.key) {
      case "ArrowDown":
        focusItem(items[index + 1]);
        break;
      case "ArrowUp":
        focusItem(items[index - 1]);
        break;
      case "Home":
        focusItem(items[0]);
        break;
      case "End":
        focusItem(items[items.length - 1]);
        break;
      case "ArrowRight":
        if (expandable && !open) {
          setExpanded(item, true);
        } else if (expandable) {
          focusItem(items[index + 1]?.parentElement.closest("[role=treeitem]") === item ? items[index + 1] : null);
        }
        break;
      case "ArrowLeft":
        if (expandable && open) {
          setExpanded(item, false);
        } else {
          focusItem(item.parentElement.closest("[role=treeitem]"));
        }
        break;
      case "Enter":
        insertName(item);
        break;
      case " ":
        if (!expandable) {
          return;
        }
        setExpanded(item, !open);
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  tree.addEventListener("click", (event) => {
    const item = event.target.closest("[role=treeitem]");
    if (!item) {
      return;
    }
    makeActive(item);
    if (event.target.closest(".twisty")) {
      setExpanded(item, item.getAttribute("aria-expanded") !== "true");
    } else if (event.target.closest(".name")) {
      insertName(item);
    }
  });

  function insertName(item) {
    insert(item.dataset.insert);
    status.textContent = `Inserted ${item.dataset.insert} into the query.`;
  }

  function visibleItems() {
    return [...tree.querySelectorAll("[role=treeitem]")].filter((item) => !item.closest("[hidden]"));
  }

  function makeActive(item) {
    tree.querySelectorAll("[role=treeitem][tabindex='0']").forEach((i) => { i.tabIndex = -1; });
    item.tabIndex = 0;
  }

  function focusItem(item) {
    if (item) {
      makeActive(item);
      item.focus();
    }
  }
}

/** The group of an item's children. */
function groupOf(item) {
  return item.querySelector(":scope > [role=group]");
}

/**
 * An item of the tree: a row with the name (and for parents a twisty), a line about it, and for parents a group
 * for the children, hidden while closed. Labelled by its name and what it is, not by its whole subtree.
 */
function node({ level, label, about, kind, insertText, expanded, extra = "" }) {
  const item = document.createElement("li");
  item.setAttribute("role", "treeitem");
  item.setAttribute("aria-level", String(level));
  item.setAttribute("aria-expanded", String(expanded));
  item.tabIndex = -1;
  item.className = kind;
  item.dataset.insert = insertText;
  const row = document.createElement("span");
  row.className = "row";
  const twisty = document.createElement("span");
  twisty.className = "twisty";
  twisty.setAttribute("aria-hidden", "true");
  const name = document.createElement("span");
  name.className = "name";
  name.id = `tree-${++nextId}`;
  name.textContent = label;
  row.append(twisty, name);
  if (extra) {
    const facts = document.createElement("span");
    facts.className = "facts";
    facts.textContent = extra;
    row.append(" ", facts);
  }
  item.append(row);
  item.setAttribute("aria-labelledby", name.id);
  if (about) {
    const line = description(about);
    line.title = about; // cut to one line here: all of it on hover
    item.append(line);
    item.setAttribute("aria-describedby", line.id);
  }
  const group = document.createElement("ul");
  group.setAttribute("role", "group");
  group.hidden = !expanded;
  item.append(group);
  return { item, group };
}

/** A column's item: its name, type and unit, and a line with its description and UCD. */
function column(c) {
  const item = document.createElement("li");
  item.setAttribute("role", "treeitem");
  item.setAttribute("aria-level", "3");
  item.tabIndex = -1;
  item.className = "column";
  item.dataset.insert = c.name;
  item.dataset.column = c.name;
  const row = document.createElement("span");
  row.className = "row";
  row.id = `tree-${++nextId}`;
  item.setAttribute("aria-labelledby", row.id); // name, type and unit; the line below describes it
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = c.name;
  const type = document.createElement("span");
  type.className = "type";
  type.textContent = typeText(c);
  row.append(name, " ", type);
  if (c.unit) {
    const unit = document.createElement("span");
    unit.className = "unit";
    unit.textContent = `[${c.unit}]`;
    row.append(" ", unit);
  }
  item.append(row);
  const about = [c.description, c.ucd && `UCD ${c.ucd}`].filter(Boolean).join(" \u00b7 ");
  if (about) {
    const line = description(about);
    item.append(line);
    item.setAttribute("aria-describedby", line.id);
  }
  return item;
}

function description(text) {
  const line = document.createElement("span");
  line.className = "about";
  line.id = `tree-${++nextId}`;
  line.textContent = text;
  return line;
}

function rowsText(n) {
  return `${n.toLocaleString("en")} row${n === 1 ? "" : "s"}`;
}
