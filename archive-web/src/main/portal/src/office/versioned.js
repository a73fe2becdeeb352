// Saving the parts of a versioned object (a table with its credits, cone search and groups; a schema; a
// column) the way every edit of the admin API goes: the edit carries the version it was based on; a 409 means
// someone else changed the object meanwhile, and the page then shows their change beside this one
// (conflict.js) and lets the user take theirs or re-apply this edit on top.
import { ApiError, problem } from "./api.js";
import { clearFieldErrors, el, fieldError, say } from "./dom.js";
import { changes } from "./edits.js";
import { conflictBox, showConflict } from "./conflict.js";

/**
 * A form of a versioned object's part in its place, with its buttons, its own status line and its conflict
 * box after it: {status, box}.
 */
export function editSection(container, form, ...buttons) {
  const status = el("p", { className: "status", role: "status", "aria-live": "polite" });
  const box = conflictBox();
  container.append(form);
  if (buttons.length) {
    form.append(el("div", { className: "actions" }, ...buttons));
  }
  container.append(status, box);
  return { status, box };
}

/**
 * Sends what the form changed in one part of the state.
 *   state: the page's state (parts by name, as read from the API)
 *   part: the name of the part edited ("record", "credits", "cone", ...)
 *   fields: the part's fields this form edits; mine: the form's values
 *   send(body, version): the PUT; body: the changed fields only (a partial edit) or the whole part with them
 *   partial: whether the API takes the changed fields only (null leaves the others) or the whole part
 *   version(state): the version the edit is based on; saved(state, answer): takes the API's answer in
 *   render(state): shows the part saved (the other forms keep what the user typed in them)
 *   reload(): the object's state as it is now (all parts); renderAll(state): shows all of it
 *   force: send even when nothing changed (enabling a cone search with the settings proposed)
 *   where: {box (for a conflict), status, form (with its data-field inputs), what (the object in words),
 *           labels (field -> words), parts(current): the parts to compare in a conflict}
 * Resolves to true when it was saved.
 */
export async function saveVersioned({ state, part, fields, mine, send, partial, version, saved, reload, render,
  renderAll, where, force = false }) {
  const edit = changes(state[part], mine, fields);
  if (Object.keys(edit).length === 0 && !force) {
    say(where.status, "Nothing changed: nothing to save.");
    return false;
  }
  return sendEdit({ state, part, edit, send, partial, version, saved, reload, render, renderAll, where });
}

async function sendEdit({ state, part, edit, send, partial, version, saved, reload, render, renderAll, where }) {
  clearFieldErrors(where.form);
  // a partial edit clears a text field with ""; a whole part has none where it has null
  const body = partial ? { ...edit }
    : { ...state[part], ...Object.fromEntries(Object.entries(edit).map(([k, v]) => [k, v === "" ? null : v])) };
  try {
    const answer = await send(body, version(state));
    saved(state, answer);
    render(state);
    const what = Object.keys(edit).map((f) => where.labels(f)).join(", ");
    say(where.status, what ? `Saved (${what}).` : "Saved.");
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      const current = await reload();
      showConflict(where.box, {
        what: where.what,
        version: version(current),
        parts: where.parts(current).map((p) => (p.name === part ? { ...p, mine: { ...p.base, ...edit } } : p)),
        onReload: async () => {
          Object.assign(state, current);
          renderAll(state);
          say(where.status, "Reloaded: the form shows their change; yours is gone.");
        },
        onReapply: async () => {
          Object.assign(state, current);
          renderAll(state);
          await sendEdit({ state, part, edit, send, partial, version, saved, reload, render, renderAll, where });
        },
      });
      say(where.status, "Not saved: someone else changed it meanwhile (see below).", true);
      return false;
    }
    if (e instanceof ApiError && e.status === 400 && e.details && e.details.field) {
      const input = where.form.querySelector(`[data-field="${CSS.escape(e.details.field)}"]`);
      if (input) {
        fieldError(input, e.details.message);
        input.focus();
      }
      say(where.status, `Not saved: ${where.labels(e.details.field)}: ${e.details.message}`, true);
      return false;
    }
    say(where.status, `Not saved: ${problem(e)}`, true);
    return false;
  }
}
