// A plot of a kept result's columns, drawn in the page: a scatter of two columns and a histogram of one with
// uPlot (bundled from the npm registry, pinned), a map of the sky (RA, Dec) in the Aitoff or Hammer projection on
// a canvas of its own (uPlot has no projections). The rows come from the result-page endpoint, the first
// PLOT_ROWS of the table in its order at most, and the figure says how many of how many it shows: a text
// alternative with the columns, the rows and the ranges, which is also its caption.
import uPlot from "uplot";
import { defaultBins, extent, graticule, histogram, MAX_BINS, MIN_BINS, skyPoint } from "./plot-math.js";
import { hasUcd, isNumeric, unitSuffix } from "./result-values.js";

/** The most rows a plot reads (ten requests of 1,000). */
export const PLOT_ROWS = 10_000;

const INK = "#1f5fa8";
const POINTS = "rgba(31, 95, 168, 0.45)";
const GRID = "#c9ced6";
const LABELS = "#545d6b";

let ids = 0;

/** An element with attributes and a text (as textContent). */
function build(tag, attributes = {}, text) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    e.setAttribute(name, value);
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

/** A labelled select of columns, the one named `chosen` selected. */
function columnChoice(label, columns, chosen) {
  const id = `plot-${++ids}`;
  const wrap = build("div", { class: "field" });
  const select = build("select", { id });
  for (const c of columns) {
    const option = build("option", { value: c.name }, c.name + unitSuffix(c));
    option.selected = c.name === chosen;
    select.append(option);
  }
  wrap.append(build("label", { for: id }, label), select);
  return { wrap, select };
}

function count(n) {
  return n.toLocaleString("en-US");
}

function fixed(v) {
  return Number.isInteger(v) ? String(v) : String(+v.toPrecision(4));
}

/**
 * The plot of a result, in section: a form to choose the kind and the columns, then the figure.
 * @param columns  the result's columns
 * @param loadRows (wanted, progress) => {data, rows (the result's), order (how the rows are ordered, in words)}
 */
export class ResultPlot {
  constructor(section, columns, loadRows) {
    this.section = section;
    this.loadRows = loadRows;
    this.numeric = columns.map((c, i) => ({ ...c, index: i })).filter(isNumeric);
    this.chart = null;
    this.resize = new ResizeObserver(() => this.fit());
    this.build();
  }

  build() {
    const numeric = this.numeric;
    if (numeric.length === 0) {
      this.section.replaceChildren(build("h4", { id: "plot-heading" }, "Plot"),
        build("p", { class: "note" }, "The result has no numeric column to plot."));
      return;
    }
    const ra = numeric.find((c) => hasUcd(c, "pos.eq.ra")) || numeric[0];
    const dec = numeric.find((c) => hasUcd(c, "pos.eq.dec")) || numeric[Math.min(1, numeric.length - 1)];
    const first = numeric[0].name;
    const second = numeric[Math.min(1, numeric.length - 1)].name;

    const form = build("form", { id: "plot-form", class: "plot-form", "aria-labelledby": "plot-heading" });
    const kindId = `plot-${++ids}`;
    const kind = build("select", { id: kindId, name: "kind" });
    for (const [value, text] of [["scatter", "Scatter (x, y)"], ["histogram", "Histogram"], ["sky", "Sky (RA, Dec)"]]) {
      kind.append(build("option", { value }, text));
    }
    const kindField = build("div", { class: "field" });
    kindField.append(build("label", { for: kindId }, "Kind"), kind);

    const x = columnChoice("x", numeric, first);
    const y = columnChoice("y", numeric, second);
    const scatter = build("fieldset", { class: "plot-fields", "data-kind": "scatter" });
    scatter.append(build("legend", { class: "visually-hidden" }, "Scatter columns"), x.wrap, y.wrap);

    const h = columnChoice("Column", numeric, first);
    const binsId = `plot-${++ids}`;
    const bins = build("input", { id: binsId, type: "number", min: String(MIN_BINS), max: String(MAX_BINS),
      step: "1", inputmode: "numeric" });
    bins.value = String(defaultBins(PLOT_ROWS));
    const binsField = build("div", { class: "field" });
    binsField.append(build("label", { for: binsId }, "Bins"), bins);
    const hist = build("fieldset", { class: "plot-fields", "data-kind": "histogram" });
    hist.append(build("legend", { class: "visually-hidden" }, "Histogram column and bins"), h.wrap, binsField);

    const r = columnChoice("RA", numeric, ra.name);
    const d = columnChoice("Dec", numeric, dec.name);
    const projId = `plot-${++ids}`;
    const projection = build("select", { id: projId });
    projection.append(build("option", { value: "aitoff" }, "Aitoff"), build("option", { value: "hammer" }, "Hammer"));
    const projField = build("div", { class: "field" });
    projField.append(build("label", { for: projId }, "Projection"), projection);
    const sky = build("fieldset", { class: "plot-fields", "data-kind": "sky" });
    sky.append(build("legend", { class: "visually-hidden" }, "Sky columns (degrees) and projection"), r.wrap, d.wrap,
      projField);

    const draw = build("button", { type: "submit", id: "plot-draw" }, "Draw");
    form.append(kindField, scatter, hist, sky, draw);
    const show = () => {
      for (const set of [scatter, hist, sky]) {
        set.hidden = set.dataset.kind !== kind.value;
      }
    };
    kind.addEventListener("change", show);
    show();

    this.status = build("p", { id: "plot-status", class: "note", role: "status" });
    this.figure = build("figure", { id: "plot-figure", class: "plot-figure" });
    this.figure.hidden = true;
    this.canvasBox = build("div", { id: "plot-area", class: "plot-area", role: "img" });
    this.caption = build("figcaption", { id: "plot-caption" });
    this.figure.append(this.canvasBox, this.caption);
    this.section.replaceChildren(build("h4", { id: "plot-heading" }, "Plot"), form, this.status, this.figure);

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const choice = { kind: kind.value, x: x.select.value, y: y.select.value, column: h.select.value,
        bins: Number(bins.value), ra: r.select.value, dec: d.select.value, projection: projection.value };
      if (choice.kind === "histogram" && !(Number.isInteger(choice.bins) && choice.bins >= MIN_BINS
        && choice.bins <= MAX_BINS)) {
        this.say(`Bins: a whole number from ${MIN_BINS} to ${MAX_BINS}.`, true);
        bins.focus();
        return;
      }
      draw.setAttribute("aria-disabled", "true");
      try {
        await this.plot(choice);
      } finally {
        draw.removeAttribute("aria-disabled");
      }
    });
  }

  say(text, isError = false) {
    this.status.textContent = text;
    this.status.classList.toggle("error", isError);
  }

  column(name) {
    return this.numeric.find((c) => c.name === name);
  }

  /** Reads the rows (once for each order of the table) and draws the chosen plot. */
  async plot(choice) {
    let loaded;
    try {
      loaded = await this.loadRows(PLOT_ROWS, (n, of) => this.say(`Reading rows for the plot: ${count(n)} of ${count(of)}\u2026`));
    } catch (e) {
      this.say(`The rows for the plot could not be read: ${e.message}`, true);
      return;
    }
    const { data, rows, order } = loaded;
    if (data.length === 0) {
      this.destroy();
      this.figure.hidden = true;
      this.say("The result has no rows to plot.");
      return;
    }
    const of = `${count(data.length)} of ${count(rows)} row${rows === 1 ? "" : "s"}${data.length < rows
      ? ` (the first ${count(data.length)} ${order})` : ""}`;
    this.destroy();
    this.figure.hidden = false;
    let text;
    if (choice.kind === "scatter") {
      text = this.scatter(this.column(choice.x), this.column(choice.y), data, of);
    } else if (choice.kind === "histogram") {
      text = this.histogram(this.column(choice.column), choice.bins, data, of);
    } else {
      text = this.sky(this.column(choice.ra), this.column(choice.dec), choice.projection, data, of);
    }
    this.canvasBox.setAttribute("aria-label", text);
    this.caption.textContent = text;
    this.say("");
    this.resize.observe(this.canvasBox);
  }

  size() {
    const width = Math.max(280, Math.min(960, this.canvasBox.clientWidth || this.section.clientWidth || 600));
    return { width, height: Math.round(Math.min(520, width * 0.62)) };
  }

  scatter(cx, cy, data, of) {
    const xs = [];
    const ys = [];
    for (const row of data) {
      const a = row[cx.index];
      const b = row[cy.index];
      if (Number.isFinite(a) && Number.isFinite(b)) {
        xs.push(a);
        ys.push(b);
      }
    }
    const { width, height } = this.size();
    this.chart = new uPlot({
      mode: 2, width, height, legend: { show: false }, cursor: { show: false },
      scales: { x: { time: false } },
      axes: [{ label: cx.name + unitSuffix(cx), stroke: LABELS, grid: { stroke: GRID } },
        { label: cy.name + unitSuffix(cy), stroke: LABELS, grid: { stroke: GRID } }],
      series: [{}, { label: `${cy.name} against ${cx.name}`, stroke: POINTS, fill: POINTS,
        facets: [{ scale: "x", auto: true }, { scale: "y", auto: true }],
        paths: uPlot.paths.points(), points: { show: false, size: 3, width: 0 } }],
    }, [null, [xs, ys]], this.canvasBox);
    const rx = extent(xs);
    const ry = extent(ys);
    return `Scatter plot of ${cy.name} against ${cx.name}: ${of}, ${count(xs.length)} with both values`
      + (rx ? `; ${cx.name} from ${fixed(rx.min)} to ${fixed(rx.max)}${unitSuffix(cx)}, ${cy.name} from`
        + ` ${fixed(ry.min)} to ${fixed(ry.max)}${unitSuffix(cy)}` : "") + ".";
  }

  histogram(column, bins, data, of) {
    const h = histogram(data.map((row) => row[column.index]), bins);
    const { width, height } = this.size();
    // a stepped line over the bins' edges: each bin's count holds from its left edge to the next
    const counts = h.counts.length ? [...h.counts, h.counts[h.counts.length - 1]] : [];
    this.chart = new uPlot({
      width, height, legend: { show: false }, cursor: { show: false },
      scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.05)] } },
      axes: [{ label: column.name + unitSuffix(column), stroke: LABELS, grid: { stroke: GRID } },
        { label: "rows", stroke: LABELS, grid: { stroke: GRID } }],
      series: [{}, { label: "rows", stroke: INK, width: 1.5, fill: "rgba(31, 95, 168, 0.25)",
        paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }],
    }, [h.edges, counts], this.canvasBox);
    if (!h.counted) {
      return `Histogram of ${column.name}: ${of}, none with a value.`;
    }
    let fullest = 0;
    h.counts.forEach((c, i) => {
      if (c > h.counts[fullest]) {
        fullest = i;
      }
    });
    return `Histogram of ${column.name} in ${bins} bin${bins === 1 ? "" : "s"} from ${fixed(h.edges[0])} to`
      + ` ${fixed(h.edges[h.edges.length - 1])}${unitSuffix(column)}: ${of}, ${count(h.counted)} with a value; the`
      + ` fullest bin, ${fixed(h.edges[fullest])} to ${fixed(h.edges[fullest + 1])}, has ${count(h.counts[fullest])}.`;
  }

  sky(cra, cdec, projection, data, of) {
    const points = [];
    for (const row of data) {
      const p = skyPoint(row[cra.index], row[cdec.index], projection);
      if (p) {
        points.push(p);
      }
    }
    const canvas = build("canvas", { class: "sky" });
    this.canvasBox.replaceChildren(canvas);
    this.skyDrawing = { canvas, points, lines: graticule(projection, 30, 30) };
    this.drawSky();
    const name = projection === "aitoff" ? "Aitoff" : "Hammer";
    return `Sky plot (${name} projection, RA ${cra.name} and Dec ${cdec.name} in degrees, RA growing to the left,`
      + ` graticule every 30\u00b0): ${of}, ${count(points.length)} position${points.length === 1 ? "" : "s"}.`;
  }

  drawSky() {
    const { canvas, points, lines } = this.skyDrawing;
    const { width } = this.size();
    const height = Math.round(width / 2 + 24);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const g = canvas.getContext("2d");
    g.scale(ratio, ratio);
    // the ellipse, 2:1, with room for the labels
    const rx = width / 2 - 28;
    const ry = rx / 2;
    const cx = width / 2;
    const cy = height / 2;
    const at = ([x, y]) => [cx + x * rx, cy - y * ry];
    g.lineWidth = 1;
    g.strokeStyle = GRID;
    for (const line of lines.lines) {
      g.beginPath();
      line.forEach((p, i) => (i ? g.lineTo(...at(p)) : g.moveTo(...at(p))));
      g.stroke();
    }
    g.fillStyle = LABELS;
    g.font = "11px system-ui, sans-serif";
    g.textBaseline = "middle";
    for (const label of lines.labels) {
      const [x, y] = at([label.x, label.y]);
      g.textAlign = label.text.endsWith("h") ? "center" : "right";
      g.fillText(label.text, label.text.endsWith("h") ? x : x - 4, label.text.endsWith("h") ? y + 9 : y);
    }
    g.fillStyle = POINTS;
    const size = points.length > 5000 ? 2 : 3;
    for (const p of points) {
      const [x, y] = at(p);
      g.fillRect(x - size / 2, y - size / 2, size, size);
    }
  }

  /** Follows the width of the page (a tablet turned, a window resized). */
  fit() {
    if (this.chart) {
      const { width, height } = this.size();
      if (Math.abs(this.chart.width - width) > 2) {
        this.chart.setSize({ width, height });
      }
    } else if (this.skyDrawing) {
      const { width } = this.size();
      if (Math.abs(parseFloat(this.skyDrawing.canvas.style.width) - width) > 2) {
        this.drawSky();
      }
    }
  }

  destroy() {
    this.resize.disconnect();
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
    this.skyDrawing = null;
    this.canvasBox.replaceChildren();
  }
}
