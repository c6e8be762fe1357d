// The receipt on the waiter tablet: fetched with the staff key as plain text and shown in a <pre> through
// textContent, so nothing on it (guests' names, notes, reasons) can become markup and the strict CSP needs no
// exception; printed with the page's print stylesheet (app.css), which shows the receipt alone.
import * as api from "./api.js";
import { byId, say } from "./dom.js";

/** @param {string} orderId @param {string} key @param {HTMLElement} message */
export async function showReceipt(orderId, key, message) {
  const dialog = /** @type {HTMLDialogElement} */ (byId("receipt-dialog"));
  let text;
  try {
    text = await api.getReceipt(orderId, key);
  } catch (error) {
    say(message, error instanceof Error ? error.message : "The receipt failed.", "error");
    return;
  }
  byId("receipt-text").textContent = text;
  byId("receipt-print").onclick = () => window.print();
  byId("receipt-close").onclick = () => dialog.close();
  dialog.onclose = () => document.body.classList.remove("printing-receipt");
  // While the receipt is open, printing prints it rather than a table's QR code.
  document.body.classList.add("printing-receipt");
  dialog.showModal();
  byId("receipt-print").focus();
}
