// The query page's status lines (role=status): what happened, in words, and whether it went wrong.

/** Says text in a status line, marked as an error or not. */
export function say(element, text, isError) {
  element.textContent = text;
  element.classList.toggle("error", Boolean(isError));
}
