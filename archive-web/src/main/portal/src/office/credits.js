// The credits of a schema or a table in DataCite's terms: creators and contributors (persons with their ORCID
// iD, organisations; affiliations with their ROR id), related identifiers and the data's release. The server
// checks them (ORCID and ROR check digits, DataCite's lists) and names a refused entry as the form does on
// data-field: creators[0].orcid, relatedIdentifiers[1].relation.
import { el, field, select, vocabulary } from "./dom.js";

export const CREDIT_FIELDS = ["creators", "contributors", "relatedIdentifiers", "resourceVersion"];

const LABELS = { creators: "Creators", contributors: "Contributors", relatedIdentifiers: "Related identifiers",
  resourceVersion: "Release of the data" };

/** Words for a credits field, also for a refused entry's name (creators[0].orcid: creator 1, ORCID iD). */
export function creditLabel(name) {
  const m = /^(\w+)\[(\d+)\](?:\.(.+))?$/.exec(name);
  if (!m) {
    return LABELS[name] || name;
  }
  const what = { creators: "creator", contributors: "contributor", relatedIdentifiers: "related identifier" }[m[1]]
    || m[1];
  return `${what} ${Number(m[2]) + 1}${m[3] ? `, ${m[3]}` : ""}`;
}

const text = (value) => {
  const v = (value || "").trim();
  return v === "" ? null : v;
};

/** A list of entries with Add and Remove; build(item, at) gives {element, read()}; at is "creators[0]". */
function listEditor(name, addLabel, blank, build) {
  const list = el("ol", { className: "entries" });
  const add = el("button", { type: "button", className: "secondary add", text: addLabel });
  const element = el("fieldset", { className: `entries-${name}` }, el("legend", { text: LABELS[name] }), list, add);
  let editors = [];
  const show = (items) => {
    editors = (items || []).map((item, i) => {
      const editor = build(item, `${name}[${i}]`);
      const remove = el("button", { type: "button", className: "secondary remove", text: "Remove",
        "aria-label": `Remove ${creditLabel(`${name}[${i}]`)}` });
      remove.addEventListener("click", () => show(read().filter((_, j) => j !== i)));
      editor.element.append(el("div", { className: "actions" }, remove));
      return editor;
    });
    list.replaceChildren(...editors.map((e) => el("li", {}, e.element)));
  };
  const read = () => editors.map((e) => e.read());
  add.addEventListener("click", () => {
    show([...read(), blank()]);
    list.lastElementChild?.querySelector("input, select")?.focus();
  });
  return { element, show, read };
}

/** An agent: a person (given and family name, ORCID iD) or an organisation, with affiliations. */
function agentEditor(agent, at) {
  const a = agent || {};
  const nameType = field("Kind", select(vocabulary("vocabulary-name-types"), a.nameType, "(not said)"), `${at}.nameType`);
  const name = field("Name", el("input", { value: a.name || "" }), `${at}.name`, "Persons: Family, Given.");
  const given = field("Given name", el("input", { value: a.givenName || "" }), `${at}.givenName`);
  const family = field("Family name", el("input", { value: a.familyName || "" }), `${at}.familyName`);
  const orcid = field("ORCID iD", el("input", { value: a.orcid || "", placeholder: "0000-0002-1825-0097" }),
    `${at}.orcid`);
  const affiliations = el("ol", { className: "affiliations-list" });
  let rows = [];
  const showAffiliations = (items) => {
    rows = items.map((f, i) => {
      const fat = `${at}.affiliations[${i}]`;
      const fname = field("Affiliation", el("input", { value: f.name || "" }), `${fat}.name`);
      const ror = field("ROR id", el("input", { value: f.ror || "", placeholder: "https://ror.org/04z8jg394" }),
        `${fat}.ror`);
      const remove = el("button", { type: "button", className: "secondary remove", text: "Remove affiliation" });
      remove.addEventListener("click", () => showAffiliations(readAffiliations().filter((_, j) => j !== i)));
      return { element: el("li", { className: "affiliation" }, fname.wrapper, ror.wrapper, remove),
        read: () => ({ name: text(fname.input.value), ror: text(ror.input.value) }) };
    });
    affiliations.replaceChildren(...rows.map((r) => r.element));
  };
  const readAffiliations = () => rows.map((r) => r.read());
  showAffiliations(a.affiliations || []);
  const addAffiliation = el("button", { type: "button", className: "secondary add", text: "Add affiliation" });
  addAffiliation.addEventListener("click", () => showAffiliations([...readAffiliations(), { name: null, ror: null }]));
  return {
    element: el("div", { className: "agent" }, el("div", { className: "row" }, nameType.wrapper, name.wrapper),
      el("div", { className: "row" }, given.wrapper, family.wrapper, orcid.wrapper), affiliations, addAffiliation),
    read: () => ({ name: text(name.input.value), nameType: text(nameType.input.value),
      givenName: text(given.input.value), familyName: text(family.input.value), orcid: text(orcid.input.value),
      affiliations: readAffiliations() }),
  };
}

const blankAgent = () => ({ name: null, nameType: "Personal", givenName: null, familyName: null, orcid: null,
  affiliations: [] });

/** The credits form: {form, show(credits), read()}. */
export function creditsForm() {
  const creators = listEditor("creators", "Add creator", blankAgent, agentEditor);
  const contributors = listEditor("contributors", "Add contributor",
    () => ({ type: "DataCurator", contributor: blankAgent() }), (c, at) => {
      const type = field("Contribution", select(vocabulary("vocabulary-contributor-types"), c.type), `${at}.type`);
      const agent = agentEditor(c.contributor, `${at}.contributor`);
      return { element: el("div", { className: "contribution" }, type.wrapper, agent.element),
        read: () => ({ type: text(type.input.value), contributor: agent.read() }) };
    });
  const related = listEditor("relatedIdentifiers", "Add related identifier",
    () => ({ identifier: null, type: "DOI", relation: "IsDocumentedBy", resourceTypeGeneral: null }), (r, at) => {
      const identifier = field("Identifier", el("input", { value: r.identifier || "" }), `${at}.identifier`);
      const type = field("Type", select(vocabulary("vocabulary-related-identifier-types"), r.type), `${at}.type`);
      const relation = field("Relation", select(vocabulary("vocabulary-relation-types"), r.relation),
        `${at}.relation`);
      const general = field("Resource type", select(vocabulary("vocabulary-resource-types"),
        r.resourceTypeGeneral, "(not said)"), `${at}.resourceTypeGeneral`);
      return { element: el("div", { className: "related row" }, identifier.wrapper, type.wrapper, relation.wrapper,
        general.wrapper),
        read: () => ({ identifier: text(identifier.input.value), type: text(type.input.value),
          relation: text(relation.input.value), resourceTypeGeneral: text(general.input.value) }) };
    });
  const release = field("Release of the data", el("input", { name: "resourceVersion" }), "resourceVersion",
    "DataCite's version, e.g. DR3 or 1.2.");
  const form = el("form", { className: "fields credits-form", novalidate: true }, creators.element,
    contributors.element, related.element, release.wrapper);
  return {
    form,
    show(credits) {
      creators.show(credits.creators);
      contributors.show(credits.contributors);
      related.show(credits.relatedIdentifiers);
      release.input.value = credits.resourceVersion || "";
    },
    read: () => ({ creators: creators.read(), contributors: contributors.read(), relatedIdentifiers: related.read(),
      resourceVersion: text(release.input.value) }),
  };
}
