// The ADQL functions the service declares in its capabilities (TAPRegExt languageFeatures of the ADQL language):
// the user-defined functions (type ...#features-udf: the standard ivo_ ones and the operators' own, each a form
// such as "ivo_hasword(haystack TEXT, needle TEXT) -> INTEGER" with a description) and ADQL's optional
// features (POINT, CONTAINS, LOWER ...). The editor highlights and completes their names and shows a
// function's signature and description. readFeatures works on any DOM-like element tree, so it is tested with
// node --test; the page hands it DOMParser's document of /tap/capabilities.
import { childText, children, descendants } from "./xml-read.js";

/** TAPRegExt's feature type of user-defined functions. */
export const UDF = "ivo://ivoa.net/std/TAPRegExt#features-udf";

/** A TAPRegExt form "name(arg TYPE, ...) -> TYPE" as {name, args, returns}; null for a form that is no call. */
export function parseForm(form) {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([^()]*)\)\s*(?:->\s*([A-Za-z][\w ]*?(?:\s*\([^()]*\))?))?\s*$/
    .exec(String(form ?? ""));
  if (!match) {
    return null;
  }
  return { name: match[1], args: match[2].trim(), returns: match[3] || "" };
}

/**
 * The features of the ADQL language in a capabilities document: [{name, form, args, returns, description, udf}],
 * a user-defined function with its signature, any other feature by the word of its form (POINT, ILIKE ...).
 * Features whose form is neither (WITH, OFFSET are words too, but no functions) stay in as words: the editor's
 * dialect knows which words are keywords.
 */
export function readFeatures(root) {
  const features = [];
  for (const language of descendants(root, "language")) {
    if (childText(language, "name").toUpperCase() !== "ADQL") {
      continue;
    }
    for (const list of descendants(language, "languageFeatures")) {
      const udf = list.getAttribute("type") === UDF;
      for (const feature of children(list, "feature")) {
        const form = childText(feature, "form");
        const call = parseForm(form);
        const word = /^[A-Za-z_][A-Za-z0-9_]*$/.test(form) ? form : null;
        if (!call && !word) {
          continue;
        }
        features.push({
          name: call ? call.name : word,
          form,
          args: call ? call.args : null,
          returns: call ? call.returns : null,
          description: childText(feature, "description"),
          udf,
        });
      }
    }
  }
  return features;
}

/** The names of the user-defined functions, lower case, space-separated, as a CodeMirror dialect's builtins. */
export function udfNames(features) {
  return features.filter((f) => f.udf).map((f) => f.name.toLowerCase()).join(" ");
}

/**
 * CodeMirror lang-sql's keywordCompletion option: how a word of the dialect is offered. A declared function
 * shows its signature beside its name and its description below; a user-defined one is written as its form
 * writes it (ivo_hasword, not IVO_HASWORD), ADQL's own in upper case as the editor writes keywords.
 */
export function keywordCompletion(features) {
  const byName = new Map(features.map((f) => [f.name.toLowerCase(), f]));
  return (label, type) => {
    const feature = byName.get(label.toLowerCase());
    if (!feature) {
      return { label, type, boost: -1 };
    }
    return {
      label: feature.udf ? feature.name : label,
      type: feature.args !== null || feature.udf ? "function" : type,
      detail: feature.args !== null ? `(${feature.args})${feature.returns ? " \u2192 " + feature.returns : ""}`
        : undefined,
      info: feature.description || undefined,
    };
  };
}
