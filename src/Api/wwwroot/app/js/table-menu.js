// The menu on a phone: dishes by category with their allergens and dietary tags, filters that leave dishes out
// ("no gluten", "vegan only"), and a dialog to choose a dish's options before adding it.
import * as api from "./api.js";
import { ApiError } from "./api.js";
import { append, byId, fill, h, money, say } from "./dom.js";
import { optionPicker } from "./options.js";

/** @typedef {import("./types.js").MenuItem} MenuItem */
/** @typedef {import("./table.js").TableContext} TableContext */

/** @param {string} text */
const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * @param {HTMLElement} filters @param {HTMLElement} list @param {TableContext} context
 * @returns {{ setOpen: (open: boolean) => void }}
 */
export function renderMenu(filters, list, context) {
  const { menu } = context;
  const allergens = [...new Set(menu.items.flatMap((item) => item.allergens))].sort();
  const dietary = [...new Set(menu.items.flatMap((item) => item.dietary))].sort();
  /** @type {Set<string>} */
  const without = new Set();
  /** @type {Set<string>} */
  const only = new Set();
  /** @type {{ item: MenuItem, card: HTMLElement, add: HTMLButtonElement }[]} */
  const cards = [];

  const filterSet = h("fieldset", { class: "filters" }, h("legend", {}, "Filter the menu"));
  for (const allergen of allergens) filterSet.append(toggle(`no-${allergen}`, `No ${allergen}`, without, allergen));
  for (const tag of dietary) filterSet.append(toggle(`only-${tag}`, `${capitalized(tag)} only`, only, tag));
  fill(filters, filterSet);

  /** @param {string} id @param {string} label @param {Set<string>} set @param {string} value */
  function toggle(id, label, set, value) {
    const input = h("input", { type: "checkbox", id: `filter-${id}` });
    input.addEventListener("change", () => {
      if (input.checked) set.add(value);
      else set.delete(value);
      applyFilters();
    });
    return h("div", { class: "choice" }, input, h("label", { for: `filter-${id}` }, label));
  }

  function applyFilters() {
    for (const { item, card } of cards)
      card.hidden = item.allergens.some((a) => without.has(a)) || [...only].some((tag) => !item.dietary.includes(tag));
  }

  fill(list);
  const categories = [...new Set(menu.items.map((item) => item.category))];
  for (const category of categories) {
    const items = h("ul", { class: "dishes" });
    for (const item of menu.items.filter((i) => i.category === category)) {
      const add = h("button", { type: "button", class: "primary", "aria-label": `Add ${item.name}`, disabled: !item.available }, item.available ? "Add" : "Sold out");
      add.addEventListener("click", () => openAdd(item));
      const card = h("li", { class: "dish", "data-item": item.id },
        h("div", { class: "dish-head" }, h("h4", {}, item.name), h("span", { class: "price" }, money(item.price, menu.currency))),
        item.description ? h("p", { class: "hint" }, item.description) : null,
        tags(item),
        add);
      items.append(card);
      cards.push({ item, card, add });
    }
    append(list, h("section", { class: "category", "aria-label": capitalized(category) }, h("h3", {}, capitalized(category)), items));
  }

  return {
    setOpen(open) {
      for (const { item, add } of cards) add.disabled = !open || !item.available;
    },
  };

  /** @param {MenuItem} item */
  function openAdd(item) {
    const dialog = /** @type {HTMLDialogElement} */ (byId("add-dialog"));
    const form = /** @type {HTMLFormElement} */ (byId("add-form"));
    const quantity = /** @type {HTMLInputElement} */ (byId("add-quantity"));
    const note = /** @type {HTMLInputElement} */ (byId("add-note"));
    const error = byId("add-error");
    byId("add-title").textContent = `${item.name} · ${money(item.price, menu.currency)}`;
    const picker = optionPicker(item, `add-${item.id}`, menu.currency);
    fill(byId("add-options"), picker.element);
    quantity.value = "1";
    note.value = "";
    error.textContent = "";
    byId("add-cancel").onclick = () => dialog.close();
    form.onsubmit = async (event) => {
      event.preventDefault();
      const chosen = picker.read();
      const count = Number(quantity.value);
      if (chosen.error) {
        error.textContent = chosen.error;
        chosen.invalid?.focus();
        return;
      }
      if (!Number.isInteger(count) || count < 1 || count > 50) {
        error.textContent = "Choose between 1 and 50.";
        quantity.focus();
        return;
      }
      const confirm = /** @type {HTMLButtonElement} */ (byId("add-confirm"));
      confirm.disabled = true;
      try {
        const text = note.value.trim();
        const order = await api.changeItems(context.session.orderId, {
          add: [{ menuItemId: item.id, quantity: count, options: chosen.options, note: text === "" ? null : text }],
        }, context.session.token);
        dialog.close();
        say(context.message, `Added ${count}× ${item.name}.`);
        context.show(order);
      } catch (failure) {
        error.textContent = failure instanceof ApiError && failure.code === "item_unavailable"
          ? "Sorry, that is sold out just now."
          : failure instanceof Error ? failure.message : "Adding failed.";
      } finally {
        confirm.disabled = false;
      }
    };
    dialog.showModal();
    const first = dialog.querySelector("input:not([disabled])");
    if (first instanceof HTMLElement) first.focus();
  }
}

/** The item's allergens and dietary tags. @param {{ allergens: string[], dietary: string[] }} item */
export function tags(item) {
  if (item.allergens.length === 0 && item.dietary.length === 0) return null;
  const list = h("ul", { class: "tags" });
  for (const allergen of item.allergens) list.append(h("li", { class: "tag allergen" }, `Contains ${allergen}`));
  for (const tag of item.dietary) list.append(h("li", { class: "tag dietary" }, tag));
  return list;
}
