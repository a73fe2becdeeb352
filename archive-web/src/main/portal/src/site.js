// The archive's pages without a script of their own (home, landing pages): Copy buttons. The page renders
// each button hidden, with data-copy naming the element whose text it copies; without this script the text
// is still there to select.
import { copyOnClick } from "./copy.js";

for (const button of document.querySelectorAll("button.copy[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  if (!source) {
    continue;
  }
  copyOnClick(button, source);
  button.hidden = false;
}
