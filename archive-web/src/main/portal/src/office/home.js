// The back office's first page: what the database has that the metadata does not describe yet (discover a
// schema or one table), and what it describes, schema by schema (publish, withdraw, open, changes since the
// last discovery).
import { ApiError, generatedSchemas, metadataApi, problem } from "./api.js";
import { busy, el, place, say } from "./dom.js";
import { changeList } from "./changes.js";

export async function homePage(main) {
  const api = metadataApi(main.dataset.api);
  const root = main.dataset.root;
  const status = document.getElementById("office-status");
  const undescribed = place("undescribed");
  const described = place("described");
  const generated = generatedSchemas(main);

  async function discover(button, schema, table) {
    return busy(button, async () => {
      try {
        const r = await api.post(`discover?${api.query(table ? { schema, table } : { schema })}`);
        const what = table ? `${schema}.${table}` : `the schema ${schema}`;
        status.replaceChildren(`Discovered ${what}: ${r.tables} table${r.tables === 1 ? "" : "s"} with ${r.columns}`
          + " columns, unpublished. ", table ? el("a", { href: `${root}admin/tables/${schema}.${table}`,
          text: `Describe ${schema}.${table}` }) : el("a", { href: `${root}admin/schemas/${schema}`, text: `Open ${schema}` }));
        status.classList.remove("error");
        await show();
      } catch (e) {
        say(status, `Not discovered: ${problem(e)}`, true);
      }
    });
  }

  async function publish(button, path, record, what) {
    return busy(button, async () => {
      try {
        await api.put(path, { published: !record.published, version: record.version });
        say(status, `${what} is ${record.published ? "withdrawn" : "published"}.`);
      } catch (e) {
        say(status, `Not saved: ${problem(e)}${e instanceof ApiError && e.status === 409
          ? " (the list now shows it as it is)" : ""}`, true);
      }
      await show();
    });
  }

  function showUndescribed(list) {
    if (!list.length) {
      undescribed.replaceChildren(el("p", { className: "note", id: "nothing-undescribed",
        text: "The metadata describes every table of the database." }));
      return;
    }
    undescribed.replaceChildren(el("ul", { className: "undescribed" }, ...list.map((s) => {
      const whole = el("button", { type: "button", className: "secondary discover-schema", dataset: { schema: s.schema },
        text: s.described ? "Discover the schema again" : "Discover the schema" });
      whole.addEventListener("click", () => discover(whole, s.schema));
      return el("li", { dataset: { schema: s.schema } }, el("code", { text: s.schema }),
        el("span", { className: "note", text: s.described ? " (described; these tables are not)" : " (not described)" }),
        " ", whole,
        s.tables.length ? el("ul", {}, ...s.tables.map((t) => {
          const one = el("button", { type: "button", className: "secondary discover-table", text: "Discover",
            dataset: { schema: s.schema, table: t }, "aria-label": `Discover ${s.schema}.${t}` });
          one.addEventListener("click", () => discover(one, s.schema, t));
          return el("li", { dataset: { table: t } }, el("code", { text: t }), " ", one);
        })) : el("p", { className: "note", text: "No tables." }));
    })));
  }

  function showDescribed(schemas, tables) {
    described.replaceChildren(...schemas.map((s) => {
      const own = tables.filter((t) => t.schema === s.name);
      const archives = generated.has(s.name);
      const toggle = archives ? el("span", { className: "note", text: "written by the archive itself" })
        : el("button", { type: "button", className: s.published ? "secondary" : "", text: s.published ? "Withdraw" : "Publish",
          "aria-label": `${s.published ? "Withdraw" : "Publish"} the schema ${s.name}` });
      if (!archives) {
        toggle.addEventListener("click", () => publish(toggle, api.schema(s.name), s, `The schema ${s.name}`));
      }
      const changes = el("div", { className: "changes-place" });
      const check = el("button", { type: "button", className: "secondary", text: "Changes",
        "aria-label": `Changes of ${s.name} since its last discovery` });
      check.addEventListener("click", () => busy(check, async () => {
        try {
          changes.replaceChildren(changeList(await api.get(`${api.schema(s.name)}/changes`)));
        } catch (e) {
          changes.replaceChildren(el("p", { className: "status error", text: problem(e) }));
        }
      }));
      return el("section", { className: "schema-card", dataset: { schema: s.name } },
        el("h3", {}, el("a", { href: `${root}admin/schemas/${s.name}` }, el("code", { text: s.name })),
          s.title ? ` \u2013 ${s.title}` : ""),
        el("p", { className: "state" }, el("strong", { text: s.published ? "Published" : "Not published" }),
          ` \u00b7 data ${s.dataAccess}, metadata ${s.metadataAccess} `, toggle, " ", check),
        changes,
        own.length ? el("div", { className: "table-scroll" }, el("table", { className: "described-tables" },
          el("thead", {}, el("tr", {}, ...["Table", "Title", "Rows", "Access", "Published", ""].map((h) =>
            el("th", { scope: "col", text: h })))),
          el("tbody", {}, ...own.map((t) => {
            const button = archives ? "" : el("button", { type: "button", className: t.published ? "secondary" : "",
              text: t.published ? "Withdraw" : "Publish", dataset: { table: `${t.schema}.${t.name}` },
              "aria-label": `${t.published ? "Withdraw" : "Publish"} ${t.schema}.${t.name}` });
            if (!archives) {
              button.addEventListener("click", () => publish(button, api.table(t.schema, t.name), t,
                `${t.schema}.${t.name}`));
            }
            return el("tr", { dataset: { table: `${t.schema}.${t.name}` } },
              el("td", {}, el("a", { href: `${root}admin/tables/${t.schema}.${t.name}` }, el("code", { text: t.name }))),
              el("td", { text: t.title || "" }), el("td", { className: "n", text: t.nrows ?? "" }),
              el("td", { text: `${t.dataAccess}/${t.metadataAccess}` }),
              el("td", { className: "published", text: t.published && s.published ? "yes"
                : t.published ? "yes (schema not)" : "no" }),
              el("td", {}, button));
          }))))
          : el("p", { className: "note", text: "No tables described." }));
    }));
  }

  async function show() {
    try {
      const [list, schemas, tables] = await Promise.all([api.get("undescribed"), api.get("schemas"), api.get("tables")]);
      showUndescribed(list);
      showDescribed(schemas, tables);
    } catch (e) {
      say(status, `The metadata cannot be read: ${problem(e)}`, true);
    }
  }

  await show();
}
