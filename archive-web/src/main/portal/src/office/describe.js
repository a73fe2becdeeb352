// The description of a schema or a table: title, description, long description (with a preview in plain
// paragraphs), utype, DOI and licence. One form, filled from the record and read back into its fields.
import { el, field } from "./dom.js";
import { paragraphs } from "./edits.js";

/** The record's fields this form edits, with their labels and hints. */
export const DESCRIPTION = [
  { name: "title", label: "Title", hint: "A short title for people (landing page, DataCite)." },
  { name: "description", label: "Description", hint: "A sentence or two (TAP_SCHEMA, VOSI, the home page).",
    long: true, rows: 3 },
  { name: "longDescription", label: "Long description", hint: "As long as it needs; paragraphs are separated by"
    + " an empty line. Plain text: nothing in it is markup.", long: true, rows: 8, preview: true },
  { name: "utype", label: "Utype" },
  { name: "doi", label: "DOI", hint: "Without the resolver: 10.1234/abc." },
  { name: "licenseSpdx", label: "Licence (SPDX id)", hint: "e.g. CC-BY-4.0" },
  { name: "licenseLabel", label: "Licence (in words)" },
  { name: "licenseUrl", label: "Licence URL" },
];

export const DESCRIPTION_FIELDS = DESCRIPTION.map((f) => f.name);

/** The label of a record's field (also those other forms edit: published, access levels). */
export function recordLabel(name) {
  const known = DESCRIPTION.find((f) => f.name === name);
  if (known) {
    return known.label;
  }
  return { published: "Published", dataAccess: "Data access", metadataAccess: "Metadata access" }[name] || name;
}

/** The form: {form, show(record), read()}; the caller adds its buttons to `form`. */
export function descriptionForm() {
  const inputs = {};
  const form = el("form", { className: "fields description-form", novalidate: true });
  for (const f of DESCRIPTION) {
    const input = f.long ? el("textarea", { name: f.name, rows: f.rows }) : el("input", { name: f.name });
    const { wrapper } = field(f.label, input, f.name, f.hint);
    inputs[f.name] = input;
    form.append(wrapper);
    if (f.preview) {
      const preview = el("div", { className: "preview", id: "long-description-preview", "aria-live": "polite" });
      const update = () => {
        const shown = paragraphs(input.value);
        preview.replaceChildren(el("p", { className: "preview-label", text: "Preview" }),
          ...(shown.length ? shown.map((p) => el("p", { text: p })) : [el("p", { className: "note", text: "(empty)" })]));
      };
      input.addEventListener("input", update);
      wrapper.append(preview);
      inputs[f.name].update = update;
    }
  }
  return {
    form,
    show(record) {
      for (const f of DESCRIPTION) {
        inputs[f.name].value = record[f.name] ?? "";
        if (inputs[f.name].update) {
          inputs[f.name].update();
        }
      }
    },
    read() {
      const mine = {};
      for (const f of DESCRIPTION) {
        const value = inputs[f.name].value.trim();
        mine[f.name] = value === "" ? null : value;
      }
      return mine;
    },
  };
}
