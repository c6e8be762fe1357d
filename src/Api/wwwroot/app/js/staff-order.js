// A table's order on the waiter tablet: its lines by state, adding with options, course, diner and hold; sending,
// firing held courses; voiding and comping with a reason; the bill and cash tenders; cancelling an empty order.
import * as api from "./api.js";
import { append, button, fill, h, lineLabel, money, newKey, say } from "./dom.js";
import { optionPicker } from "./options.js";
import { lineItem } from "./table-order.js";
import { billTable, sharesTable } from "./table-bill.js";
import { askReason } from "./staff-reason.js";

/** @typedef {import("./types.js").Order} Order */
/** @typedef {import("./types.js").OrderLine} OrderLine */
/** @typedef {import("./types.js").Menu} Menu */

/** @param {string} orderId @param {string} key @param {Menu} menu @param {HTMLElement} message */
export function orderPanel(orderId, key, menu, message) {
  const summary = h("p", { class: "order-state" });
  const lines = h("div", { class: "order-lines" });
  const actions = h("div", { class: "actions" });
  const bill = h("div", { class: "order-bill" });
  const add = addForm();
  const element = h("div", { class: "order-panel" }, summary, lines, add, actions, bill);
  let version = -1;
  let closed = false;

  /** @param {() => Promise<unknown>} work @param {string} done */
  async function act(work, done) {
    try {
      const result = await work();
      if (done) say(message, done);
      if (result && typeof result === "object" && "version" in result) show(/** @type {Order} */ (result));
      else await refresh();
    } catch (error) {
      say(message, error instanceof Error ? error.message : "That did not work.", "error");
    }
  }

  async function refresh() {
    if (closed) return;
    show(await api.getOrder(orderId, key));
  }

  /** @param {Order} order */
  function show(order) {
    if (order.version <= version) return;
    version = order.version;
    const open = order.status === "open";
    summary.textContent = `Order ${order.status}${order.guests ? ` · ${order.guests} guests` : ""}${order.balance !== null ? ` · ${money(order.balance, menu.currency)} due` : ""}`;
    add.hidden = !open;
    const parts = [];
    /** @param {OrderLine} line */
    const removable = (line) => open
      ? button("Remove", () => act(() => api.changeItems(order.id, { remove: [line.lineId] }, key), ""), { class: "small", "aria-label": `Remove ${lineLabel(line)}` })
      : null;
    if (order.held.length > 0) parts.push(h("h3", {}, "Held"), list(order.held, removable));
    if (order.pending.length > 0) parts.push(h("h3", {}, "Not sent yet"), list(order.pending, removable));
    for (const ticket of order.tickets) {
      const title = ticket.kind === "void" ? `Ticket ${ticket.number} · cancellation` : `Ticket ${ticket.number}`;
      parts.push(h("h3", {}, title), list(ticket.lines, (line) => ticket.kind === "order" ? sentLineActions(order, line) : null));
    }
    if (parts.length === 0) parts.push(h("p", { class: "hint" }, "Nothing ordered yet."));
    fill(lines, ...parts);

    fill(actions);
    if (open) {
      if (order.pending.length > 0) append(actions, button("Send to kitchen", () => act(() => api.submitOrder(order.id, key), "Sent to the kitchen."), { class: "primary" }));
      const courses = [...new Set(order.held.map((l) => l.course))].sort((a, b) => a - b);
      for (const course of courses)
        append(actions, button(`Fire course ${course}`, () => act(() => api.fireOrder(order.id, { course }, key), `Course ${course} fired.`)));
      const billable = order.pending.length === 0 && order.held.length === 0 && order.tickets.length > 0;
      if (billable) append(actions, button("Bill", () => act(() => api.billOrder(order.id, key), "Billed.")));
      const withKitchen = order.tickets.some((t) => t.kind === "order" && t.lines.some((l) => l.status !== "voided"));
      if (!withKitchen && order.payments.length === 0)
        append(actions, button("Cancel order", () => act(() => api.cancelOrder(order.id, key), "Order cancelled.")));
    }
    renderBill(order);
  }

  /** @param {OrderLine[]} items @param {(line: OrderLine) => Node | null} extra */
  function list(items, extra) {
    const ul = h("ul", { class: "lines" });
    for (const line of items) {
      const audit = line.comp ? h("span", { class: "hint" }, `Comped: ${line.comp.reason}`)
        : line.void ? h("span", { class: "hint" }, `Voided: ${line.void.reason}`) : null;
      ul.append(lineItem(line, audit, extra(line)));
    }
    return ul;
  }

  /** @param {Order} order @param {OrderLine} line */
  function sentLineActions(order, line) {
    if (order.status !== "open" || line.status === "voided") return null;
    const box = h("span", { class: "line-actions" });
    box.append(button("Void", async () => {
      const answer = await askReason(`Void ${lineLabel(line)}`, line.quantity);
      if (answer) await act(() => api.voidLines(order.id, { lines: [{ lineId: line.lineId, quantity: answer.quantity }], reason: answer.reason }, key), "Voided; the kitchen is told.");
    }, { class: "small", "aria-label": `Void ${lineLabel(line)}` }));
    if (!line.comp)
      box.append(button("Comp", async () => {
        const answer = await askReason(`Comp ${lineLabel(line)}`, null);
        if (answer) await act(() => api.compLines(order.id, { lines: [line.lineId], reason: answer.reason }, key), "On the house.");
      }, { class: "small", "aria-label": `Comp ${lineLabel(line)}` }));
    return box;
  }

  /** @param {Order} order */
  function renderBill(order) {
    if (!order.bill) {
      fill(bill);
      return;
    }
    const currency = order.bill.currency;
    fill(bill, h("h3", {}, "Bill"), billTable(order.bill, currency), sharesTable(order.bill, currency, null));
    const balance = order.balance ?? 0;
    if (order.status !== "billed" || balance <= 0) return;
    const amount = h("input", { id: "cash-amount", type: "number", min: "0.01", step: "0.01", value: balance.toFixed(2), inputmode: "decimal" });
    append(bill, h("div", { class: "cash" }, h("label", { for: "cash-amount" }, "Cash"), amount,
      button("Take cash", () => {
        const total = Math.round(Number(amount.value) * 100) / 100;
        if (!(total > 0)) return say(message, "Enter the amount of cash.", "error");
        return act(() => api.payOrder(order.id, { orderId: order.id, total, payments: [{ amount: total, paymentMethod: "cash" }] }, key, newKey()), `Took ${money(total, currency)} in cash.`);
      }, { class: "primary" })));
  }

  function addForm() {
    const form = h("form", { class: "add", novalidate: true, "aria-labelledby": "add-heading" }, h("h3", { id: "add-heading" }, "Add"));
    const select = h("select", { id: "add-item" });
    for (const category of [...new Set(menu.items.map((i) => i.category))]) {
      const group = h("optgroup", { label: category });
      for (const item of menu.items.filter((i) => i.category === category))
        group.append(h("option", { value: item.id, disabled: !item.available }, `${item.name} · ${money(item.price, menu.currency)}`));
      select.append(group);
    }
    const options = h("div");
    const quantity = h("input", { id: "add-quantity", type: "number", min: 1, max: 50, value: 1, inputmode: "numeric" });
    const course = h("input", { id: "add-course", type: "number", min: 1, max: 20, inputmode: "numeric" });
    const diner = h("input", { id: "add-diner", maxlength: 40 });
    const hold = h("input", { id: "add-hold", type: "checkbox" });
    const error = h("p", { class: "field-error", role: "alert" });
    let picker = choose();
    select.addEventListener("change", () => { picker = choose(); });
    function choose() {
      const item = menu.items.find((i) => i.id === select.value) ?? menu.items[0];
      if (!item) throw new Error("the menu is empty");
      course.value = String(item.course);
      const made = optionPicker(item, `staff-${item.id}`, menu.currency);
      fill(options, made.element);
      return { item, picker: made };
    }
    append(form, h("label", { for: "add-item" }, "Dish"), select, options,
      h("div", { class: "row" },
        h("div", {}, h("label", { for: "add-quantity" }, "How many"), quantity),
        h("div", {}, h("label", { for: "add-course" }, "Course"), course)),
      h("label", { for: "add-diner" }, "For (optional)"), diner,
      h("div", { class: "choice" }, hold, h("label", { for: "add-hold" }, "Hold until fired")),
      error, h("button", { type: "submit", class: "primary" }, "Add to order"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const chosen = picker.picker.read();
      if (chosen.error) {
        error.textContent = chosen.error;
        chosen.invalid?.focus();
        return;
      }
      error.textContent = "";
      const name = diner.value.trim();
      await act(() => api.changeItems(orderId, {
        add: [{ menuItemId: picker.item.id, quantity: Number(quantity.value), options: chosen.options, course: Number(course.value), hold: hold.checked, diner: name === "" ? null : name }],
      }, key), `Added ${picker.item.name}.`);
    });
    return form;
  }

  return {
    element,
    refresh,
    close() {
      closed = true;
    },
  };
}

