// Tables of the user's own, chosen as local files (VOTable, CSV, FITS) and queried as TAP_UPLOAD.name: the page
// keeps the File objects, and every request of a query that names one (the check, the run, the job) sends it as
// TAP does, multipart, UPLOAD=name,param:name with the file as the part of that name (TAP 1.1 section 2.5.4,
// DALI's UPLOAD). Nothing is kept on the server beyond the request (or the job). The pure functions (names,
// which uploads a query reads, the request body) are tested with node --test.
import { say } from "./status.js";

/** An upload's name: an ADQL regular identifier of at most 63 characters, as the service accepts. */
export const UPLOAD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** A name for the table of a file: its base name as an identifier (my-stars.vot.gz -> my_stars). */
export function uploadName(fileName) {
  const base = String(fileName ?? "").replace(/^.*[\\/]/, "").replace(/(\.(gz|xml|vot|votable|csv|fits?))+$/i, "");
  let name = base.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (!/^[A-Za-z]/.test(name)) {
    name = "t_" + name;
  }
  return name.slice(0, 63).replace(/_+$/, "") || "t";
}

/** The uploads the query names as TAP_UPLOAD.name (or TAP_UPLOAD."name"), case-insensitively, each once. */
export function referencedUploads(query, uploads) {
  const named = new Set();
  for (const m of String(query).matchAll(/\bTAP_UPLOAD\s*\.\s*(?:"([^"]+)"|([A-Za-z][A-Za-z0-9_]*))/gi)) {
    named.add((m[1] ?? m[2]).toLowerCase());
  }
  return uploads.filter((u) => named.has(u.name.toLowerCase()));
}

/**
 * A request's body: form-encoded parameters ([name, value] pairs), or, with uploads ([{name, file}]), the same
 * parameters and UPLOAD as multipart with each file as the part its UPLOAD names.
 */
export function requestBody(parameters, uploads = []) {
  if (!uploads.length) {
    return new URLSearchParams(parameters);
  }
  const body = new FormData();
  for (const [name, value] of parameters) {
    body.append(name, value);
  }
  body.append("UPLOAD", uploads.map((u) => `${u.name},param:${u.name}`).join(";"));
  for (const u of uploads) {
    body.append(u.name, u.file, u.file.name || u.name);
  }
  return body;
}

/** A size as people read it: 812 bytes, 14.2 kB, 3.1 MB. */
export function sizeText(bytes) {
  return bytes < 1000 ? `${bytes} bytes` : bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB`
    : `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * The page's upload controls (portal.QueryPage renders them hidden): a name and a file, added to the list; each
 * listed table can be removed. Refuses what the service would (a name that is no identifier or is taken, a file
 * over the upload limit) before anything is sent.
 * @param maxBytes the service's upload limit for all tables of a request
 * @param onChange () => the list changed (the page checks the query again)
 * @returns {{uploads: () => Array<{name, file}>, open: () => void}}
 */
export function uploadControls({ maxBytes, onChange }) {
  const box = document.getElementById("uploads");
  const nameField = document.getElementById("upload-name");
  const fileField = document.getElementById("upload-file");
  const add = document.getElementById("upload-add");
  const status = document.getElementById("upload-status");
  const list = document.getElementById("upload-list");
  const uploads = [];
  box.hidden = false;

  const tell = (text, isError) => say(status, text, isError);
  fileField.addEventListener("change", () => {
    if (fileField.files.length && !nameField.value.trim()) {
      nameField.value = uploadName(fileField.files[0].name);
    }
  });
  add.addEventListener("click", () => {
    const file = fileField.files[0];
    const name = nameField.value.trim();
    const total = uploads.reduce((sum, u) => sum + u.file.size, 0) + (file ? file.size : 0);
    const problem = !file ? "Choose a file first."
      : !UPLOAD_NAME.test(name) ? `${name ? `"${name}"` : "An empty name"} is no table name: a letter, then letters,`
        + " digits or _ (at most 63)."
      : uploads.some((u) => u.name.toLowerCase() === name.toLowerCase()) ? `TAP_UPLOAD.${name} is chosen already.`
      : total > maxBytes ? `Your tables would have ${sizeText(total)}; the service takes at most ${sizeText(maxBytes)}.`
      : null;
    if (problem) {
      tell(problem, true);
      return;
    }
    uploads.push({ name, file });
    nameField.value = "";
    fileField.value = "";
    tell(`${file.name} is TAP_UPLOAD.${name}.`, false);
    render();
    onChange();
  });

  function render() {
    list.replaceChildren(...uploads.map((u) => {
      const item = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = `TAP_UPLOAD.${u.name}`;
      const about = document.createElement("span");
      about.className = "hint";
      about.textContent = ` ${u.file.name}, ${sizeText(u.file.size)} `;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "secondary small";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", `Remove TAP_UPLOAD.${u.name}`);
      remove.addEventListener("click", () => {
        uploads.splice(uploads.indexOf(u), 1);
        tell(`TAP_UPLOAD.${u.name} is removed.`, false);
        render();
        onChange();
        nameField.focus();
      });
      item.append(code, about, remove);
      return item;
    }));
  }

  return { uploads: () => uploads.slice(), open: () => { box.open = true; } };
}
