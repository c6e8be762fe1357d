// Asking the waiter why (a void or a comp needs a reason) and, for a void, how many of the line's units.
import { byId } from "./dom.js";

/**
 * @param {string} title
 * @param {number | null} maxQuantity null: no quantity to ask (a comp)
 * @returns {Promise<{ reason: string, quantity: number } | null>}
 */
export function askReason(title, maxQuantity) {
  const dialog = /** @type {HTMLDialogElement} */ (byId("reason-dialog"));
  const form = /** @type {HTMLFormElement} */ (byId("reason-form"));
  const text = /** @type {HTMLInputElement} */ (byId("reason-text"));
  const quantity = /** @type {HTMLInputElement} */ (byId("reason-quantity"));
  const error = byId("reason-error");
  byId("reason-title").textContent = title;
  byId("reason-quantity-field").hidden = maxQuantity === null;
  quantity.max = String(maxQuantity ?? 1);
  quantity.value = String(maxQuantity ?? 1);
  text.value = "";
  error.textContent = "";
  return new Promise((resolve) => {
    byId("reason-cancel").onclick = () => dialog.close();
    // Closed without confirming (Cancel or Escape): nothing to do. A promise settles once, so after a confirm this is a no-op.
    dialog.onclose = () => resolve(null);
    form.onsubmit = (event) => {
      event.preventDefault();
      const reason = text.value.trim();
      const count = Number(quantity.value);
      if (!reason) {
        error.textContent = "Give a reason.";
        text.focus();
        return;
      }
      if (maxQuantity !== null && (!Number.isInteger(count) || count < 1 || count > maxQuantity)) {
        error.textContent = `Choose between 1 and ${maxQuantity}.`;
        quantity.focus();
        return;
      }
      dialog.close();
      resolve({ reason, quantity: maxQuantity === null ? 1 : count });
    };
    dialog.showModal();
    text.focus();
  });
}
