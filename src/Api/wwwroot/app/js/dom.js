// Building the page: every piece of text goes in as textContent, never as HTML, so nothing a diner types (a name, a
// note) or the server sends can become markup.

/** @typedef {string | number | boolean | null | undefined} AttributeValue */
/** @typedef {Node | string | null | undefined | false} Child */

/**
 * An element with attributes (false, null and undefined leave one out; true sets it empty) and children (strings
 * become text nodes).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, AttributeValue>} [attributes]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

/** @param {Element} parent @param {...Child} children */
export function append(parent, ...children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. @param {Element} parent @param {...Child} children */
export function fill(parent, ...children) {
  parent.replaceChildren();
  append(parent, ...children);
}

/**
 * A button that runs an action, disabled while it runs so a double tap sends nothing twice.
 * @param {string} label
 * @param {() => unknown} action
 * @param {Record<string, AttributeValue>} [attributes]
 */
export function button(label, action, attributes = {}) {
  const element = h("button", { type: "button", ...attributes }, label);
  element.addEventListener("click", async () => {
    element.disabled = true;
    try {
      await action();
    } finally {
      element.disabled = false;
    }
  });
  return element;
}

/** The element with this id, which the page's HTML must have. @param {string} id */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element;
}

/** Says something in the page's live region (read out by screen readers). @param {Element} region @param {string} text @param {"info" | "error"} [kind] */
export function say(region, text, kind = "info") {
  region.textContent = text;
  region.setAttribute("data-kind", kind);
}

/** @param {number} amount @param {string} currency */
export function money(amount, currency) {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(amount);
}

/** "2× Burger (Medium, Cheese)" @param {{ quantity: number, name: string, options: { name: string }[] }} line */
export function lineLabel(line) {
  const options = line.options.length > 0 ? ` (${line.options.map((o) => o.name).join(", ")})` : "";
  return `${line.quantity}× ${line.name}${options}`;
}

/** A UUID for an Idempotency-Key; crypto.randomUUID needs a secure context, which a phone on the LAN's http is not. */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
