// Elements for the pages' scripts, built with DOM calls: text goes in as textContent, never as HTML.

/** An element with a text (none for null or undefined) and a class. */
export function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) {
    e.textContent = text;
  }
  if (className) {
    e.className = className;
  }
  return e;
}
