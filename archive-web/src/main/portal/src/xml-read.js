// Reading the services' XML documents (VOSI tables, capabilities, DALI examples) as data: elements by their
// local name, whatever their namespace prefix, and their text. Works on DOMParser's documents and on any
// element tree with the same few properties (localName, children, textContent), which the unit tests build.

/** The child elements of that local name. */
export function children(element, name) {
  return element ? [...element.children].filter((c) => c.localName === name) : [];
}

/** The elements of that local name below element, outermost first (none inside one that matched). */
export function descendants(element, name) {
  const found = [];
  for (const child of element ? element.children : []) {
    if (child.localName === name) {
      found.push(child);
    } else {
      found.push(...descendants(child, name));
    }
  }
  return found;
}

/** The trimmed text of the first child element of that local name, or "". */
export function childText(element, name) {
  const child = children(element, name)[0];
  return child ? child.textContent.trim() : "";
}
