// Copying a text to the clipboard: the Clipboard API where the browser allows it (secure contexts: https and
// localhost), else the text is selected for the person to copy.

/**
 * Copies text; if the browser refuses, selects the element's contents instead.
 * @returns {Promise<boolean>} whether the text is on the clipboard
 */
export async function copyText(text, element) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      console.warn("the clipboard refused the text:", e.message);
    }
  }
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return false;
}

/**
 * Makes a button copy the text of an element when clicked, its label saying for a while what happened (its first
 * text node only: a name for screen readers after it stays).
 */
export function copyOnClick(button, source) {
  const label = button.firstChild.textContent;
  let restore = null;
  button.addEventListener("click", async () => {
    const copied = await copyText(source.textContent, source);
    button.firstChild.textContent = copied ? "Copied" : "Selected: press Ctrl+C";
    clearTimeout(restore);
    restore = setTimeout(() => (button.firstChild.textContent = label), 4000);
  });
}
