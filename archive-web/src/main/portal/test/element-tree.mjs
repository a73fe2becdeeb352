// Element trees for the readers of the services' XML documents (catalog.js, functions.js, examples.js), which
// use only localName, children, getAttribute and textContent: Node has no DOMParser, the browser test reads the
// real documents. el(name, attributes, ...content): content is text or elements, in document order.
export function el(localName, attributes = {}, ...content) {
  const element = {
    localName,
    children: content.filter((c) => typeof c !== "string"),
    getAttribute: (name) => (name in attributes ? attributes[name] : null),
  };
  Object.defineProperty(element, "textContent", {
    get: () => content.map((c) => (typeof c === "string" ? c : c.textContent)).join(""),
  });
  return element;
}
