// DOIs (/admin/dois): what has a DOI (doi.AdminDoisResource), and one's DataCite record as registration sends
// it: rendered from the record's own XML (read with xml-read.js), the XML itself as text, its validity against
// the DataCite 4.5 schema as the server checked it, and where the DOI stands at DataCite; administrators
// register it (/admin/doi/register) where DataCite is configured.
import { call } from "../account-api.js";
import { children, childText, descendants } from "../xml-read.js";
import { problem } from "./api.js";
import { busy, el, place, say } from "./dom.js";

const STATES = {
  "not-configured": "DataCite registration is not configured on this archive",
  "not-registered": "not registered",
  draft: "draft",
  registered: "registered (not findable)",
  findable: "findable",
  failed: "failed",
};

/** The record's facts, read from its XML: [label, values] pairs, the values as text. */
export function recordFacts(resource) {
  const list = (wrapper, item, text) => descendants(resource, wrapper).flatMap((w) => children(w, item)).map(text);
  const attribute = (e, name) => e.getAttribute(name) || "";
  return [
    ["DOI", [childText(resource, "identifier")]],
    ["Titles", list("titles", "title", (t) => t.textContent.trim()
      + (attribute(t, "titleType") ? ` (${attribute(t, "titleType")})` : ""))],
    ["Creators", list("creators", "creator", (c) => childText(c, "creatorName")
      + children(c, "nameIdentifier").map((n) => ` [${n.textContent.trim()}]`).join("")
      + children(c, "affiliation").map((a) => `, ${a.textContent.trim()}`).join(""))],
    ["Contributors", list("contributors", "contributor", (c) => `${childText(c, "contributorName")}`
      + ` (${attribute(c, "contributorType")})`)],
    ["Publisher", [childText(resource, "publisher")]],
    ["Publication year", [childText(resource, "publicationYear")]],
    ["Resource type", children(resource, "resourceType").map((t) => `${attribute(t, "resourceTypeGeneral")}: `
      + t.textContent.trim())],
    ["Dates", list("dates", "date", (d) => `${attribute(d, "dateType")} ${d.textContent.trim()}`)],
    ["Related identifiers", list("relatedIdentifiers", "relatedIdentifier", (r) => `${attribute(r, "relationType")}`
      + ` ${attribute(r, "relatedIdentifierType")} ${r.textContent.trim()}`)],
    ["Alternate identifiers", list("alternateIdentifiers", "alternateIdentifier", (a) =>
      `${attribute(a, "alternateIdentifierType")}: ${a.textContent.trim()}`)],
    ["Rights", list("rightsList", "rights", (r) => r.textContent.trim())],
    ["Formats", list("formats", "format", (f) => f.textContent.trim())],
    ["Sizes", list("sizes", "size", (s) => s.textContent.trim())],
    ["Version", [childText(resource, "version")]],
    ["Descriptions", list("descriptions", "description", (d) => `${attribute(d, "descriptionType")}: `
      + d.textContent.trim())],
  ].map(([label, values]) => [label, values.filter((v) => v)]).filter(([, values]) => values.length);
}

export async function doisPage(main) {
  const status = document.getElementById("office-status");
  const listPlace = place("dois");
  const recordPlace = place("record");
  const admin = main.dataset.admin !== undefined;
  let listing;
  try {
    listing = await call(main.dataset.dois, "GET");
  } catch (e) {
    say(status, `The DOIs cannot be read: ${problem(e)}`, true);
    return;
  }

  async function show(id) {
    recordPlace.replaceChildren(el("p", { className: "note", text: `Reading the record of ${id}\u2026` }));
    let view;
    try {
      view = await call(`${main.dataset.dois}/record?${new URLSearchParams({ ID: id })}`, "GET");
    } catch (e) {
      recordPlace.replaceChildren(el("p", { className: "status error", text: problem(e) }));
      return;
    }
    const resource = new DOMParser().parseFromString(view.xml, "application/xml").documentElement;
    const facts = el("dl", { className: "record-facts" }, ...recordFacts(resource).flatMap(([label, values]) =>
      [el("dt", { text: label }), ...values.map((v) => el("dd", { text: v }))]));
    const validity = el("p", { id: "record-validity", className: view.valid ? "status valid" : "status error" },
      el("strong", { text: view.valid ? "valid" : "invalid" }),
      view.valid ? " against the DataCite 4.5 schema." : " against the DataCite 4.5 schema:");
    const problems = view.valid ? null : el("ul", { className: "problems" },
      ...view.problems.map((p) => el("li", { text: p })));
    const state = el("p", { id: "record-registration", dataset: { state: view.registration.state } },
      "Registration: ", el("strong", { text: STATES[view.registration.state] || view.registration.state }),
      view.registration.reason ? ` \u2013 ${view.registration.reason}` : "");
    const parts = [el("h3", {}, el("code", { text: id }), ` \u2013 DOI ${view.doi}`), validity, problems, state];
    if (admin && view.registration.state !== "not-configured") {
      const event = listing.registration;
      const register = el("button", { type: "button", id: "record-register",
        text: event === "publish" ? "Register as findable" : event === "register" ? "Register" : "Register as draft" });
      const outcome = el("p", { className: "status", role: "status" });
      register.addEventListener("click", () => busy(register, async () => {
        try {
          const r = await call(`${main.dataset.register}?${new URLSearchParams({ ID: id })}`, "POST");
          say(outcome, `DataCite answered HTTP ${r.dataciteStatus}.`);
          await show(id);
        } catch (e) {
          say(outcome, `Registration failed: ${problem(e)}`, true);
        }
      }));
      parts.push(el("div", { className: "actions" }, register), outcome);
    }
    parts.push(el("h3", { text: "As registration sends it" }), facts,
      el("h3", { text: "XML" }), el("pre", { id: "record-xml", className: "xml", text: view.xml }));
    recordPlace.replaceChildren(...parts.filter((p) => p));
  }

  if (!listing.dois.length) {
    listPlace.replaceChildren(el("p", { className: "note", id: "no-dois", text: "Nothing published has a DOI yet:"
      + " give a schema or table one on its page (or an object a #doi link) and publish it." }));
  } else {
    listPlace.replaceChildren(el("div", { className: "table-scroll" }, el("table", { id: "doi-list" },
      el("thead", {}, el("tr", {}, ...["ID", "Kind", "DOI", "Title", ""].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...listing.dois.map((d) => {
        const open = el("button", { type: "button", className: "secondary", text: "Record",
          "aria-label": `The DataCite record of ${d.id}` });
        open.addEventListener("click", () => busy(open, () => show(d.id)));
        return el("tr", { dataset: { id: d.id } }, el("td", {}, el("code", { text: d.id })),
          el("td", { text: d.kind }), el("td", {}, el("code", { text: d.doi })), el("td", { text: d.title || "" }),
          el("td", {}, open));
      })))));
  }
  const wanted = new URLSearchParams(window.location.search).get("ID");
  if (wanted) {
    await show(wanted);
  } else {
    recordPlace.replaceChildren(el("p", { className: "note", text: "Choose a record above." }));
  }
}
