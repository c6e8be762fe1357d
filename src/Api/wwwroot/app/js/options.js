// Choosing a dish's options: one fieldset per option group, radio buttons when exactly one must be chosen, check
// boxes otherwise. A required group is enforced here before anything is sent (the server checks again).
import { h, money } from "./dom.js";

/** @typedef {import("./types.js").MenuItem} MenuItem */

/**
 * @typedef {object} Picker
 * @property {HTMLElement} element
 * @property {() => { options: string[], error: string | null, invalid: HTMLElement | null }} read
 */

/** @param {{ name: string, min: number, max: number }} group */
function rule(group) {
  if (group.min === group.max) return `choose ${group.min}`;
  if (group.min === 0) return group.max === 1 ? "optional" : `optional, up to ${group.max}`;
  return `choose ${group.min} to ${group.max}`;
}

/** @param {MenuItem} item @param {string} prefix unique per picker on the page @param {string} currency @returns {Picker} */
export function optionPicker(item, prefix, currency) {
  const element = h("div", { class: "options" });
  /** @type {{ group: MenuItem["optionGroups"][number], fieldset: HTMLFieldSetElement, inputs: HTMLInputElement[], error: HTMLElement }[]} */
  const groups = [];
  for (const group of item.optionGroups) {
    const single = group.min === 1 && group.max === 1;
    const errorId = `${prefix}-${group.id}-error`;
    const error = h("p", { class: "field-error", id: errorId });
    const fieldset = h("fieldset", { "aria-describedby": errorId }, h("legend", {}, `${group.name} (${rule(group)})`));
    /** @type {HTMLInputElement[]} */
    const inputs = [];
    for (const option of group.options) {
      const id = `${prefix}-${group.id}-${option.id}`;
      const input = h("input", {
        type: single ? "radio" : "checkbox",
        id,
        name: `${prefix}-${group.id}`,
        value: option.id,
        disabled: !option.available,
      });
      const price = option.price > 0 ? ` +${money(option.price, currency)}` : "";
      const soldOut = option.available ? "" : " (sold out)";
      fieldset.append(h("div", { class: "choice" }, input, h("label", { for: id }, `${option.name}${price}${soldOut}`)));
      inputs.push(input);
    }
    fieldset.append(error);
    element.append(fieldset);
    groups.push({ group, fieldset, inputs, error });
  }

  function read() {
    /** @type {string[]} */
    const options = [];
    /** @type {HTMLElement | null} */
    let invalid = null;
    /** @type {string | null} */
    let firstError = null;
    for (const { group, fieldset, inputs, error } of groups) {
      const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
      let message = "";
      if (chosen.length < group.min) message = `Choose ${group.min === 1 ? "one" : `at least ${group.min}`}: ${group.name}.`;
      else if (chosen.length > group.max) message = `Choose at most ${group.max}: ${group.name}.`;
      error.textContent = message;
      fieldset.toggleAttribute("aria-invalid", message !== "");
      if (message && !invalid) {
        invalid = inputs.find((input) => !input.disabled) ?? fieldset;
        firstError = message;
      }
      options.push(...chosen);
    }
    return { options, error: firstError, invalid };
  }

  return { element, read };
}
