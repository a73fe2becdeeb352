// What an edit changes and how it meets someone else's: pure functions over plain records, tested with node.
// Values are compared by content (lists of credits, a cone search's columns), as their canonical JSON: keys in
// order and absent, null and empty the same (the server leaves null fields out of its JSON).

/** A value with its objects' keys sorted and their null or empty values (text, lists) left out. */
export function canonical(value) {
  if (Array.isArray(value)) {
    return value.length === 0 ? null : value.map(canonical);
  }
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical(value[key]);
      if (v !== null && v !== undefined && v !== "") {
        out[key] = v;
      }
    }
    return out;
  }
  return value === undefined || value === "" ? null : value;
}

export const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * The fields of `mine` that differ from `base`, as an edit for the admin API (null there means "leave it"; the
 * empty string clears a text field, so a field emptied in the form is sent as "").
 */
export function changes(base, mine, fields) {
  const edit = {};
  for (const f of fields) {
    if (!same(base[f], mine[f])) {
      edit[f] = mine[f] === null || mine[f] === undefined ? "" : mine[f];
    }
  }
  return edit;
}

/**
 * How an edit meets another change made meanwhile, field by field: every field that someone else changed (base
 * -> current) or that this edit changes (base -> mine), with both = changed by both to different values. The
 * list shows the other change and what re-applying would do (mine wins where both changed).
 */
export function conflicts(base, current, mine, fields) {
  const rows = [];
  for (const f of fields) {
    const theirs = !same(base[f], current[f]);
    const yours = !same(base[f], mine[f]);
    if (theirs || yours) {
      rows.push({ field: f, base: base[f], current: current[f], mine: mine[f], theirs, yours,
        both: theirs && yours && !same(current[f], mine[f]) });
    }
  }
  return rows;
}

/** A value as the conflict box shows it: text, "(empty)", lists joined. */
export function shown(value) {
  if (value === null || value === undefined || value === "") {
    return "(empty)";
  }
  if (Array.isArray(value)) {
    return value.length ? value.map(shown).join("; ") : "(none)";
  }
  if (typeof value === "object") {
    if (value.name !== undefined && value.name !== null) { // an agent: its name, with its ORCID
      return value.orcid ? `${value.name} (${value.orcid})` : value.name;
    }
    if (value.contributor) {
      return `${shown(value.contributor)}, ${value.type}`;
    }
    if (value.identifier) {
      return `${value.relation} ${value.type} ${value.identifier}`;
    }
    return Object.entries(value).map(([k, v]) => `${k} ${shown(v)}`).join(", ");
  }
  return String(value);
}

/**
 * A long description as the form's preview shows it: paragraphs separated by blank lines, each
 * paragraph's lines joined; nothing in it is markup.
 */
export function paragraphs(text) {
  return (text || "").split(/\r?\n\s*\r?\n/).map((p) => p.split(/\r?\n/).map((l) => l.trim()).join(" ").trim())
    .filter((p) => p.length > 0);
}

/** Moves the item at `from` to `to` in a copy of the list. */
export function moved(list, from, to) {
  const copy = [...list];
  if (to < 0 || to >= copy.length) {
    return copy;
  }
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** A comma-separated list as names: trimmed, without empties. */
export function names(text) {
  return (text || "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
