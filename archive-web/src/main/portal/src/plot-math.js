// The arithmetic of the result plots, apart from any drawing (tested with node --test): the numbers of a column,
// their range, a histogram's bins, and the all-sky projections (Aitoff, Hammer-Aitoff) with their graticule.

/** The finite numbers among values (JSON null for NULL, NaN and infinities is left out), in order. */
export function numbers(values) {
  const out = [];
  for (const v of values) {
    if (typeof v === "number" && Number.isFinite(v)) {
      out.push(v);
    }
  }
  return out;
}

/** {min, max} of numbers, without spreading them into Math.min (too many arguments for a large array). */
export function extent(values) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
  }
  return min <= max ? { min, max } : null;
}

/** The bin counts a histogram may have. */
export const MIN_BINS = 1;
export const MAX_BINS = 500;

/**
 * A histogram of values in `bins` equal bins from their least to their greatest: {edges (bins + 1 of them),
 * counts, counted (the finite values binned)}. The greatest value falls in the last bin (bins are half-open but
 * the last, closed). All values equal: one unit wide around them. No finite value: no bins.
 */
export function histogram(values, bins) {
  const n = Math.round(bins);
  if (!(n >= MIN_BINS && n <= MAX_BINS)) {
    throw new RangeError(`a histogram has ${MIN_BINS} to ${MAX_BINS} bins, not ${bins}`);
  }
  const finite = numbers(values);
  const range = extent(finite);
  if (!range) {
    return { edges: [], counts: [], counted: 0 };
  }
  let { min, max } = range;
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const width = (max - min) / n;
  const counts = new Array(n).fill(0);
  for (const v of finite) {
    counts[Math.min(n - 1, Math.floor((v - min) / width))] += 1;
  }
  const edges = Array.from({ length: n + 1 }, (_, i) => (i === n ? max : min + i * width));
  return { edges, counts, counted: finite.length };
}

/** A default bin count for n values: Sturges' rule, within bounds. */
export function defaultBins(n) {
  return Math.min(100, Math.max(10, Math.ceil(Math.log2(Math.max(1, n)) + 1)));
}

const RAD = Math.PI / 180;

/** A longitude in degrees as an angle from the map's centre (RA 0), in radians, in [-π, π). */
export function centredLongitude(degrees) {
  const d = ((degrees % 360) + 540) % 360 - 180;
  return d * RAD;
}

/**
 * The projections of the whole sky onto an ellipse twice as wide as high, scaled so that it fills [-1, 1] × [-1, 1]:
 * x grows with the longitude (the map turns it round: east is on the left as seen on the sky), y with the latitude.
 * Both take the longitude from the centre and the latitude in radians.
 */
export const PROJECTIONS = {
  aitoff(lambda, phi) {
    const alpha = Math.acos(Math.cos(phi) * Math.cos(lambda / 2));
    const sinc = alpha === 0 ? 1 : Math.sin(alpha) / alpha;
    return [(2 * Math.cos(phi) * Math.sin(lambda / 2)) / sinc / Math.PI, Math.sin(phi) / sinc / (Math.PI / 2)];
  },
  hammer(lambda, phi) {
    const d = Math.sqrt(1 + Math.cos(phi) * Math.cos(lambda / 2));
    return [(Math.cos(phi) * Math.sin(lambda / 2)) / d, Math.sin(phi) / d];
  },
};

/**
 * A position on the sky (RA and Dec in degrees) on the map: [x, y] in [-1, 1], drawn with x = -1 at the left edge
 * and y = 1 at the top; RA grows to the left (east is left, as on the sky seen from inside), from 0 at the centre.
 * Null for a position that is no position.
 */
export function skyPoint(ra, dec, projection) {
  if (!Number.isFinite(ra) || !Number.isFinite(dec) || dec < -90 || dec > 90) {
    return null;
  }
  const [x, y] = PROJECTIONS[projection](centredLongitude(ra), dec * RAD);
  return [-x, y];
}

/**
 * The graticule of a sky map in map coordinates: meridians every `meridians` degrees of RA, parallels every
 * `parallels` degrees of Dec, and the map's outline (the meridians at 180°), each a line of points [x, y];
 * plus where to label them: {lines, labels: [{text, x, y}]}.
 */
export function graticule(projection, meridians = 30, parallels = 30) {
  const project = PROJECTIONS[projection];
  const at = (lambda, phi) => {
    const [x, y] = project(lambda, phi);
    return [-x, y];
  };
  const lines = [];
  const steps = 90;
  for (let ra = -180; ra <= 180; ra += meridians) {
    const lambda = ra * RAD; // -180 and 180 stay apart here: they are the two halves of the outline
    lines.push(Array.from({ length: steps + 1 }, (_, i) => at(lambda, (-90 + (180 * i) / steps) * RAD)));
  }
  for (let dec = -90 + parallels; dec < 90; dec += parallels) {
    lines.push(Array.from({ length: 2 * steps + 1 }, (_, i) => at((-180 + (360 * i) / (2 * steps)) * RAD, dec * RAD)));
  }
  const labels = [];
  for (let ra = 0; ra < 360; ra += 2 * meridians) {
    const [x, y] = at(centredLongitude(ra), 0);
    labels.push({ text: `${ra / 15}h`, x, y });
  }
  for (let dec = -90 + parallels; dec < 90; dec += parallels) {
    if (dec !== 0) {
      const [x, y] = at(Math.PI, dec * RAD);
      labels.push({ text: `${dec > 0 ? "+" : ""}${dec}\u00b0`, x, y });
    }
  }
  return { lines, labels };
}
