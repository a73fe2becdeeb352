// The TAP service's DALI examples (DALI 1.1 section 2.3: XHTML with RDFa at /tap/examples) as the query page
// lists them: each element typed "example" (typeof, as a term of the vocabulary or a CURIE/IRI ending in
// "example") with its properties name, query and table, read as text (RDFa: an element's content attribute, else
// its textContent; a property belongs to the nearest typed element around it). readExamples works on any
// DOM-like element tree (localName, children, getAttribute, textContent), so it is tested with node --test; the
// page hands it DOMParser's document. Nothing of the document is ever inserted as HTML.

/**
 * The examples in document order: [{id, name, query, tables: [...]}]; those without a query are left out (there
 * is nothing to put into the editor), one without a name is named by its id.
 */
export function readExamples(root) {
  const examples = [];
  visit(root, null, examples);
  return examples.filter((e) => e.query.trim()).map((e) => ({ ...e, name: e.name || e.id || "Example" }));
}

/** @param current the example the element's properties belong to, or null */
function visit(element, current, examples) {
  let example = current;
  const types = (element.getAttribute("typeof") || "").split(/\s+/).filter(Boolean);
  if (types.length) {
    example = types.some(isExampleType) ? {
      id: (element.getAttribute("resource") || element.getAttribute("about") || "").replace(/^#/, "")
        || element.getAttribute("id") || "",
      name: "", query: "", tables: [],
    } : null; // another resource: its properties are not the example's
    if (example) {
      examples.push(example);
    }
  }
  const properties = (element.getAttribute("property") || "").split(/\s+/).filter(Boolean).map(term);
  // a typed element's own property links the enclosing resource to it: no text of the example's
  if (current && properties.length && !types.length) {
    const value = element.getAttribute("content") ?? element.textContent;
    for (const p of properties) {
      if (p === "name" && !current.name) {
        current.name = value.trim().replace(/\s+/g, " ");
      } else if (p === "query" && !current.query) {
        current.query = value.trim();
      } else if (p === "table") {
        current.tables.push(value.trim());
      }
    }
  }
  for (const child of element.children) {
    visit(child, example, examples);
  }
}

function isExampleType(type) {
  return term(type) === "example";
}

/** The term of a vocabulary word, an IRI or a CURIE: what follows its last #, / or :. */
function term(word) {
  return word.replace(/^.*[#/:]/, "");
}
