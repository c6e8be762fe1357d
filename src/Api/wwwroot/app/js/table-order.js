// The table's order as every phone at it sees it: what is not sent yet (anyone may remove it or send it all to the
// kitchen), what the waiter holds back, and each dish with the kitchen and its status.
import * as api from "./api.js";
import { button, fill, h, lineLabel, say } from "./dom.js";

/** @typedef {import("./types.js").Order} Order */
/** @typedef {import("./types.js").OrderLine} OrderLine */
/** @typedef {import("./table.js").TableContext} TableContext */

/** What a diner reads for each of a line's statuses. */
export const statusText = /** @type {const} */ ({
  pending: "Not sent yet",
  held: "Held",
  sent: "Sent to the kitchen",
  preparing: "Preparing",
  ready: "Ready",
  served: "Served",
  voided: "Cancelled",
});

/** @param {OrderLine} line @param {...(Node | null)} extra */
export function lineItem(line, ...extra) {
  const who = line.diner ? ` · ${line.diner}` : "";
  return h("li", { class: "line", "data-line": line.lineId, "data-status": line.status },
    h("span", { class: "line-text" }, `${lineLabel(line)}${who}`),
    line.note ? h("span", { class: "hint" }, `“${line.note}”`) : null,
    h("span", { class: `status status-${line.status}` }, statusText[line.status]),
    ...extra);
}

/** @param {HTMLElement} container @param {Order} order @param {TableContext} context */
export function renderOrder(container, order, context) {
  const { session } = context;
  const sent = order.tickets.filter((t) => t.kind === "order").flatMap((t) => t.lines);
  if (order.pending.length === 0 && order.held.length === 0 && sent.length === 0) {
    fill(container, h("p", { class: "hint" }, "Nothing ordered yet. Add dishes from the menu; everyone at the table sees them here."));
    return;
  }
  const open = order.status === "open";
  const parts = [];
  if (order.pending.length > 0) {
    const list = h("ul", { class: "lines" });
    for (const line of order.pending) {
      const remove = open
        ? button("Remove", async () => {
          try {
            context.show(await api.changeItems(order.id, { remove: [line.lineId] }, session.token));
          } catch (error) {
            say(context.message, error instanceof Error ? error.message : "Removing failed.", "error");
          }
        }, { class: "small", "aria-label": `Remove ${lineLabel(line)}` })
        : null;
      list.append(lineItem(line, remove));
    }
    const units = order.pending.reduce((n, line) => n + line.quantity, 0);
    parts.push(h("h3", {}, "Not sent yet"), list,
      open ? button(`Send to the kitchen (${units})`, async () => {
        try {
          const result = await api.submitOrder(order.id, session.token);
          say(context.message, result.ticket ? "Sent to the kitchen." : "Nothing was waiting to be sent.");
          await context.refresh();
        } catch (error) {
          say(context.message, error instanceof Error ? error.message : "Sending failed.", "error");
        }
      }, { class: "primary wide" }) : null);
  }
  if (order.held.length > 0) {
    const list = h("ul", { class: "lines" });
    for (const line of order.held) list.append(lineItem(line));
    parts.push(h("h3", {}, "Coming later (the waiter sends it)"), list);
  }
  if (sent.length > 0) {
    const list = h("ul", { class: "lines" });
    for (const line of sent) list.append(lineItem(line));
    parts.push(h("h3", {}, "With the kitchen"), list);
  }
  fill(container, ...parts);
}
