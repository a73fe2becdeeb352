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
