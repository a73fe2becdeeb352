// Access levels and groups of a schema, a table and its columns, and what they mean in words: the server's
// explanation (curation.TableAccess, computed with the rules every reader of the metadata applies), shown as
// it says it, never recomputed here.
import { el, field, select } from "./dom.js";
import { changes, names, same } from "./edits.js";

export const LEVELS = ["PUBLIC", "INTERNAL", "PRIVATE"];

const LEVEL_FIELDS = ["dataAccess", "metadataAccess"];

export const LEVEL_NOTE = "PUBLIC: anyone; INTERNAL: any signed-in user; PRIVATE: the groups ticked (and"
  + " administrators). Metadata is what TAP_SCHEMA, VOSI and the landing pages show; data are the rows queries read.";

/** Data and metadata access of an object with its groups: {element, show(levels, groups), read()}. */
export function levelsForm(allGroups, what) {
  const data = field("Data access", select(LEVELS), "dataAccess");
  const metadata = field("Metadata access", select(LEVELS), "metadataAccess");
  const boxes = allGroups.map((g) => el("input", { type: "checkbox", value: g, dataset: { group: g } }));
  const groups = el("fieldset", { className: "groups" }, el("legend", { text: `Groups that may see ${what} when PRIVATE` }),
    ...(allGroups.length ? boxes.map((b) => el("label", { className: "check" }, b, ` ${b.value}`))
      : [el("p", { className: "note", text: "No groups yet (deploy/user makes them)." })]));
  groups.dataset.field = "groups";
  return {
    element: el("div", { className: "levels" }, el("div", { className: "row" }, data.wrapper, metadata.wrapper), groups),
    show(record, list) {
      data.input.value = record.dataAccess;
      metadata.input.value = record.metadataAccess;
      for (const b of boxes) {
        b.checked = list.includes(b.value);
      }
    },
    read: () => ({ dataAccess: data.input.value, metadataAccess: metadata.input.value,
      groups: boxes.filter((b) => b.checked).map((b) => b.value) }),
  };
}

/** A column's row of the access table: {element, show(column, groups), read()}. */
export function columnLevelsRow(column, listId) {
  const data = select(LEVELS);
  const metadata = select(LEVELS);
  const groups = el("input", { list: listId, placeholder: "the table's", "aria-label": `Groups of ${column}` });
  data.setAttribute("aria-label", `Data access of ${column}`);
  metadata.setAttribute("aria-label", `Metadata access of ${column}`);
  data.dataset.field = "dataAccess";
  metadata.dataset.field = "metadataAccess";
  groups.dataset.field = "groups";
  const error = el("p", { className: "field-error", hidden: true, role: "alert" });
  for (const input of [data, metadata, groups]) {
    input.id = `access-${listId}-${column}-${input.dataset.field}`.replace(/[^\w-]/g, "_");
  }
  error.id = `${groups.id}-error`;
  return {
    element: el("tr", { dataset: { column } }, el("th", { scope: "row" }, el("code", { text: column })),
      el("td", {}, data), el("td", {}, metadata), el("td", {}, groups, error)),
    show(c, own) {
      data.value = c.dataAccess;
      metadata.value = c.metadataAccess;
      groups.value = (own || []).join(", ");
    },
    read: () => ({ dataAccess: data.value, metadataAccess: metadata.value, groups: names(groups.value) }),
  };
}

/** The server's explanation of who sees what of a table, in words. */
export function statement(access) {
  return el("div", { className: "statement" },
    access.published ? null : el("p", { className: "unpublished", text: "Not published yet: nobody sees it in TAP,"
      + " VOSI, the landing pages or OAI-PMH until it and its schema are. Once published:" }),
    el("ul", { className: "sights" }, ...access.sights.map((s) => el("li", { dataset: { audience: s.audience,
      group: s.group || "" } }, el("strong", { text: s.who }), `: ${s.statement}`))),
    el("p", { className: "summary", text: access.summary }));
}

/**
 * Saves an object's access levels, then its groups, each only if the form changed it and each under the
 * version it was based on (a schema's, a table's or a column's).
 *   state: the object's state, with its part `levels` (the record with the levels and the version) and its
 *          part `groups` ({groups: [...]}); save(options): the object's saveVersioned (with its state, version,
 *          reload and conflict parts); path, groupsPath: the object's and its groups' API paths; put, query: the API's
 *   mine: the form's {dataAccess, metadataAccess, groups}; where: the form's place for messages
 * Resolves to null if a save was refused (its message is shown), else whether anything changed.
 */
export async function saveLevelsAndGroups({ state, levels, mine, save, put, query, path, groupsPath, where }) {
  let changed = false;
  if (Object.keys(changes(state[levels], mine, LEVEL_FIELDS)).length) {
    if (!await save({ part: levels, fields: LEVEL_FIELDS, mine, partial: true,
      send: (body, version) => put(path, { ...body, version }), saved: (s, answer) => { s[levels] = answer; },
      render: () => {}, where })) {
      return null;
    }
    changed = true;
  }
  if (!same(state.groups.groups, mine.groups)) {
    if (!await save({ part: "groups", fields: ["groups"], mine: { groups: mine.groups }, partial: true,
      send: (body, version) => put(`${groupsPath}?${query({ version })}`, body.groups),
      saved: (s, answer) => {
        s.groups = { groups: answer };
        // a grant with a version moves it on by one, as every edit does
        s[levels] = { ...s[levels], version: s[levels].version + 1 };
      },
      render: () => {}, where })) {
      return null;
    }
    changed = true;
  }
  return changed;
}
