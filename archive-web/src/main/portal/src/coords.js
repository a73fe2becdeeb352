// Positions as astronomers type them into the cone search form: decimal degrees (101.2875, -16.7161) or
// sexagesimal (RA in hours: 06:45:09.25, 6h45m09.25s, 6 45 9.25; Dec in degrees: -16:42:58, -16d42m58s), and a
// radius in degrees, arcminutes or arcseconds. Pure functions of strings: tested with node --test.

/** A value the form cannot use; its message says which field and why, for the page's status line. */
export class CoordinateError extends Error {}

const DECIMAL = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(°|d|deg|h)?$/;
// sign, then two or three parts separated by white space, colons or the unit letters and symbols
const SEXAGESIMAL =
  /^([+-])?\s*(\d{1,3})\s*(?:[:\s]|h|d|°)\s*(\d{1,2})(?:\s*(?:[:\s]|m|'|′)\s*(\d{1,2}(?:\.\d*)?))?\s*(?:s|"|″)?$/;

/**
 * RA in decimal degrees, from degrees (a plain or "d"/"°" number), hours ("h" after a number) or sexagesimal
 * hours; within [0, 360].
 */
export function parseRa(text) {
  return parseAngle(text, "RA", true);
}

/** Dec in decimal degrees, from degrees or sexagesimal degrees; within [-90, 90]. */
export function parseDec(text) {
  return parseAngle(text, "Dec", false);
}

function parseAngle(text, what, isRa) {
  const value = String(text ?? "").trim().replace(/\u2212/g, "-"); // a typographic minus, as copied from papers
  if (!value) {
    throw new CoordinateError(`${what} is missing`);
  }
  let degrees;
  const decimal = DECIMAL.exec(value);
  const sexagesimal = decimal ? null : SEXAGESIMAL.exec(value);
  if (decimal) {
    if (decimal[2] === "h" && !isRa) {
      throw new CoordinateError(`${what} is in degrees, not hours: ${value}`);
    }
    degrees = Number(decimal[1]) * (decimal[2] === "h" ? 15 : 1);
  } else if (sexagesimal) {
    const [, sign, whole, minutes, seconds = "0"] = sexagesimal;
    if (Number(minutes) >= 60 || Number(seconds) >= 60) {
      throw new CoordinateError(`${what} ${value}: minutes and seconds must be below 60`);
    }
    if (isRa && (sign === "-" || Number(whole) >= 24)) {
      throw new CoordinateError(`${what} ${value}: sexagesimal RA is in hours, from 0 to 24`);
    }
    const magnitude = Number(whole) + Number(minutes) / 60 + Number(seconds) / 3600;
    degrees = (sign === "-" ? -magnitude : magnitude) * (isRa ? 15 : 1);
  } else {
    throw new CoordinateError(`${what} ${value} is neither decimal degrees nor sexagesimal (${isRa
      ? "06:45:09.2" : "-16:42:58"})`);
  }
  const [min, max] = isRa ? [0, 360] : [-90, 90];
  if (!(degrees >= min && degrees <= max)) {
    throw new CoordinateError(`${what} ${value} is out of range: ${isRa ? "0 to 360 degrees (24 h)"
      : "-90 to +90 degrees"}`);
  }
  return round(degrees);
}

const PER_DEGREE = { deg: 1, arcmin: 60, arcsec: 3600 };

/** A radius in decimal degrees from a positive number in unit (deg, arcmin, arcsec); at most 180 degrees. */
export function parseRadius(text, unit) {
  const value = String(text ?? "").trim();
  if (!PER_DEGREE[unit]) {
    throw new CoordinateError(`the unit ${unit} is not degrees, arcmin or arcsec`);
  }
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(value)) {
    throw new CoordinateError(value ? `the radius ${value} is not a positive number` : "the radius is missing");
  }
  const degrees = Number(value) / PER_DEGREE[unit];
  if (!(degrees > 0 && degrees <= 180)) {
    throw new CoordinateError(`the radius must be above 0 and at most 180 degrees, not ${value} ${unit}`);
  }
  return round(degrees);
}

/** To 1e-9 degrees (5 micro-arcseconds): no binary noise such as 101.28750000000001 in a request. */
function round(degrees) {
  return Number(degrees.toFixed(9));
}
