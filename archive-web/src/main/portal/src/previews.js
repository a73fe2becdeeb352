// The #preview images of a result page's datalink IDs, shown inline: for the cells that come into view only (an
// IntersectionObserver), asked from the archive's {links} endpoint as JSON, several IDs a request and at most
// PARALLEL requests at once, each ID once per page view (answers are kept while the view lives). Only a preview
// on the page's own origin is shown (the pages' img-src is 'self'), and only an image.

const BATCH = 25;
const PARALLEL = 2;

/** The #preview link of each ID in a {links} JSON answer: Map id => {url, description}. */
export function previewsOf(answer, origin) {
  const names = (answer.columns || []).map((c) => c.name);
  const col = (name) => names.indexOf(name);
  const [id, url, semantics, type, description] = ["ID", "access_url", "semantics", "content_type", "description"]
    .map(col);
  const found = new Map();
  for (const row of answer.data || []) {
    if (row[semantics] !== "#preview" || !row[url] || found.has(row[id])) {
      continue;
    }
    if (row[type] && !/^image\//i.test(row[type])) {
      continue;
    }
    let address;
    try {
      address = new URL(row[url], origin);
    } catch (e) {
      continue;
    }
    if (address.origin === origin) {
      found.set(row[id], { url: address.href, description: row[description] || null });
    }
  }
  return found;
}

export class Previews {
  /** @param linksUrl the {links} endpoint (/datalink/links) */
  constructor(linksUrl) {
    this.linksUrl = linksUrl;
    this.known = new Map(); // id => {url, description} | null (none)
    this.cells = new Map(); // id => cells waiting for it
    this.queue = [];
    this.running = 0;
    this.controller = new AbortController();
    this.observer = new IntersectionObserver((entries) => this.seen(entries), { rootMargin: "200px" });
  }

  /** Shows the preview of id in the cell once the cell is (nearly) in view. */
  observe(cell, id) {
    cell.dataset.previewId = id;
    this.observer.observe(cell);
  }

  seen(entries) {
    for (const entry of entries) {
      if (!entry.isIntersecting) {
        continue;
      }
      const cell = entry.target;
      this.observer.unobserve(cell);
      const id = cell.dataset.previewId;
      if (this.known.has(id)) {
        this.show(cell, this.known.get(id));
        continue;
      }
      if (!this.cells.has(id)) {
        this.cells.set(id, []);
        this.queue.push(id);
      }
      this.cells.get(id).push(cell);
    }
    this.work();
  }

  work() {
    while (this.running < PARALLEL && this.queue.length) {
      const batch = this.queue.splice(0, BATCH);
      this.running += 1;
      this.ask(batch).finally(() => {
        this.running -= 1;
        this.work();
      });
    }
  }

  async ask(ids) {
    const query = new URLSearchParams([["RESPONSEFORMAT", "json"], ...ids.map((id) => ["ID", id])]);
    const signal = this.controller.signal;
    let found;
    try {
      const response = await fetch(`${this.linksUrl}?${query}`, { signal, headers: { Accept: "application/json" } });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }
      found = previewsOf(await response.json(), window.location.origin);
    } catch (e) {
      if (e.name !== "AbortError") {
        console.warn(`no previews for ${ids.length} IDs:`, e.message);
        ids.forEach((id) => this.cells.delete(id));
      }
      return;
    }
    for (const id of ids) {
      const preview = found.get(id) || null;
      this.known.set(id, preview);
      for (const cell of this.cells.get(id) || []) {
        this.show(cell, preview);
      }
      this.cells.delete(id);
    }
  }

  show(cell, preview) {
    if (!preview || !cell.isConnected || cell.querySelector("img.preview")) {
      return;
    }
    const img = document.createElement("img");
    img.className = "preview";
    img.alt = preview.description || `Preview of ${cell.dataset.previewId}`;
    img.loading = "lazy";
    img.decoding = "async";
    img.src = preview.url;
    cell.append(img);
  }

  /** A new page: the cells of the old one are forgotten, its requests still running are dropped. */
  reset() {
    this.observer.disconnect();
    this.controller.abort();
    this.controller = new AbortController();
    this.cells.clear();
    this.queue = [];
  }
}
