// Elements for the back office's forms, made with the DOM: text only ever as textContent, never as HTML.

/**
 * An element: el("input", {id: "f-title", name: "title"}, ...children). Attributes: className, text (its
 * textContent), dataset (an object), hidden, checked, disabled, value, and any other as an attribute; null and
 * false leave one out. Children: elements, or strings as text.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "className") {
      element.className = value;
    } else if (name === "text") {
      element.textContent = value;
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (name === "value" || name === "checked" || name === "hidden" || name === "disabled") {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

let fieldIds = 0;

/**
 * A labelled field with its place for the server's reason when a value is refused: {wrapper, input, error}.
 * input: an element (input, textarea, select) without an id (one is given here).
 * field: the name the admin API gives a refused value ("title", "creators[0].orcid"), on data-field.
 */
export function field(label, input, field, hint) {
  fieldIds += 1;
  const id = `office-field-${fieldIds}`;
  input.id = id;
  if (field) {
    input.dataset.field = field;
  }
  const error = el("p", { className: "field-error", id: `${id}-error`, hidden: true, role: "alert" });
  const described = [error.id];
  const hintElement = hint ? el("p", { className: "hint", id: `${id}-hint`, text: hint }) : null;
  if (hintElement) {
    described.unshift(hintElement.id);
  }
  input.setAttribute("aria-describedby", described.join(" "));
  const wrapper = el("div", { className: "field" }, el("label", { for: id, text: label }), input, hintElement, error);
  return { wrapper, input, error };
}

/** A select of these values (and a first empty choice if `empty` names it). */
export function select(values, current, empty) {
  const element = el("select");
  if (empty !== undefined) {
    element.append(el("option", { value: "", text: empty }));
  }
  for (const value of values) {
    element.append(el("option", { value, text: value }));
  }
  element.value = current ?? "";
  return element;
}

/** The values of a datalist the page has (DataCite's lists, rendered by the server). */
export function vocabulary(id) {
  const list = document.getElementById(id);
  return list ? [...list.options].map((o) => o.value) : [];
}

/** Shows the server's reason beside a field (or clears it with null). */
export function fieldError(input, message) {
  const error = document.getElementById(`${input.id}-error`);
  if (!error) {
    return;
  }
  error.textContent = message || "";
  error.hidden = !message;
  input.classList.toggle("invalid", Boolean(message));
  if (message) {
    input.setAttribute("aria-invalid", "true");
  } else {
    input.removeAttribute("aria-invalid");
  }
}

/** Clears every field's reason inside the element. */
export function clearFieldErrors(container) {
  for (const input of container.querySelectorAll("[data-field]")) {
    fieldError(input, null);
  }
}

/** Says something in a status line; an error shows as one. */
export function say(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle("error", Boolean(isError));
}

/** Disables a button while the work runs. */
export async function busy(button, work) {
  button.disabled = true;
  try {
    return await work();
  } finally {
    button.disabled = false;
  }
}

/** The section's content place, emptied and no longer busy. */
export function place(id) {
  const element = document.getElementById(id);
  element.replaceChildren();
  element.removeAttribute("aria-busy");
  return element;
}
