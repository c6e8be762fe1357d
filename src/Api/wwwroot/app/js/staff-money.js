// The money side of an order on the waiter tablet: discounts (a percentage or an amount, with a reason) and taking one
// back, the order's own service-charge rate (before the bill), refunds of a tender with their status (after a payment),
// and the receipt (staff-receipt.js).
import * as api from "./api.js";
import { append, button, fill, h, money, newKey, say } from "./dom.js";
import { showReceipt } from "./staff-receipt.js";

/** @typedef {import("./types.js").Order} Order */
/** @typedef {import("./types.js").Tender} Tender */
/** @typedef {(work: () => Promise<unknown>, done: string) => Promise<void>} Act */

/** @param {number} amount */
const cents = (amount) => Math.round(amount * 100);

/** "12.5%" from a rate such as 0.125. @param {number} rate */
const percent = (rate) => `${Math.round(rate * 10000) / 100}%`;

/** @param {string} orderId @param {string} key @param {string} currency @param {HTMLElement} message @param {Act} act */
export function moneyTools(orderId, key, currency, message, act) {
  const element = h("div", { class: "order-money" });
  /** One key per refund until it is answered, so resending it after a lost answer can never refund twice. */
  let refund = { signature: "", key: newKey() };

  /** @param {Order} order */
  function show(order) {
    /** @type {HTMLElement[]} */
    const parts = [];
    if (order.status === "open") parts.push(discounts(order), serviceCharge(order));
    const paid = order.payments.filter((t) => t.status === "succeeded");
    if (paid.length > 0) parts.push(refunds(order, paid));
    parts.push(h("div", { class: "actions" }, button("Receipt", () => showReceipt(orderId, key, message))));
    fill(element, ...parts);
  }

  /** @param {Order} order */
  function discounts(order) {
    const list = h("ul", { class: "lines discounts" });
    for (const discount of order.discounts) {
      const size = discount.kind === "percent" ? `${discount.value}%` : money(discount.value, currency);
      list.append(h("li", { class: "line" }, h("span", {}, `${size} off · ${discount.reason}`),
        button("Remove", () => act(() => api.removeDiscount(orderId, discount.discountId, key), "Discount taken back."),
          { class: "small", "aria-label": `Remove discount ${discount.reason}` })));
    }
    const kind = h("select", { id: "discount-kind" },
      h("option", { value: "percent" }, "Percent"), h("option", { value: "amount" }, `Amount (${currency})`));
    const value = h("input", { id: "discount-value", type: "number", min: "0.01", step: "0.01", inputmode: "decimal" });
    const reason = h("input", { id: "discount-reason", maxlength: 200 });
    const add = button("Add discount", () => {
      const size = Math.round(Number(value.value) * 100) / 100;
      const why = reason.value.trim();
      if (!(size > 0)) return say(message, "Enter the discount's size.", "error");
      if (!why) return say(message, "Give the discount a reason.", "error");
      const body = { kind: /** @type {"percent" | "amount"} */ (kind.value), value: size, reason: why };
      return act(() => api.addDiscount(orderId, body, key), "Discount added.");
    });
    return h("section", { class: "money-part", "aria-labelledby": "discounts-heading" }, h("h3", { id: "discounts-heading" }, "Discounts"),
      order.discounts.length > 0 ? list : h("p", { class: "hint" }, "None."),
      h("div", { class: "row" },
        h("div", {}, h("label", { for: "discount-kind" }, "Kind"), kind),
        h("div", {}, h("label", { for: "discount-value" }, "Size"), value)),
      h("label", { for: "discount-reason" }, "Discount reason"), reason, add);
  }

  /** @param {Order} order */
  function serviceCharge(order) {
    const own = order.serviceChargeRate;
    const rate = h("input", { id: "service-rate", type: "number", min: "0", max: "50", step: "0.01", inputmode: "decimal",
      value: own === null ? "" : String(Math.round(own * 10000) / 100) });
    return h("section", { class: "money-part", "aria-labelledby": "service-heading" }, h("h3", { id: "service-heading" }, "Service charge"),
      h("p", { class: "hint" }, own === null ? "The menu's rule applies." : `This order's own rate: ${percent(own)}.`),
      h("label", { for: "service-rate" }, "Service charge (%)"), rate,
      button("Set service charge", () => {
        const value = Number(rate.value);
        if (rate.value.trim() === "" || !(value >= 0 && value <= 50)) return say(message, "Enter a rate from 0 to 50%.", "error");
        const body = { rate: Math.round(value * 100) / 10000 };
        return act(() => api.setServiceCharge(orderId, body, key), value === 0 ? "Service charge waived." : `Service charge set to ${percent(body.rate)}.`);
      }));
  }

  /** @param {Order} order @param {Tender[]} paid */
  function refunds(order, paid) {
    /** @param {Tender} tender */
    const label = (tender) => `${tender.paymentMethod === "cash" ? "Cash" : "Card"} ${money(tender.amount + tender.tip, currency)}${tender.diner ? ` · ${tender.diner}` : ""}`;
    const list = h("ul", { class: "lines refunds" });
    for (const item of order.refunds) {
      const tender = order.payments.find((t) => t.tenderId === item.tenderId);
      list.append(h("li", { class: "line refund", "data-status": item.status },
        h("span", {}, `${money(item.amount, currency)} back${tender ? ` on ${label(tender)}` : ""} · ${item.reason}`),
        h("span", { class: `status is-${item.status}` }, item.status)));
    }
    const tender = h("select", { id: "refund-tender" });
    for (const t of paid) tender.append(h("option", { value: t.tenderId }, label(t)));
    const amount = h("input", { id: "refund-amount", type: "number", min: "0.01", step: "0.01", inputmode: "decimal" });
    const reason = h("input", { id: "refund-reason", maxlength: 200 });
    const send = button("Refund", () => {
      const total = Math.round(Number(amount.value) * 100) / 100;
      const why = reason.value.trim();
      if (!(total > 0)) return say(message, "Enter the amount to give back.", "error");
      if (!why) return say(message, "Give the refund a reason.", "error");
      const body = { tenderId: tender.value, amount: total, reason: why };
      const signature = JSON.stringify(body);
      if (signature !== refund.signature) refund = { signature, key: newKey() };
      return act(async () => {
        const done = await api.refundPayment(orderId, body, key, refund.key);
        refund = { signature: "", key: newKey() };
        say(message, `Refund of ${money(done.amount, currency)}: ${done.status}.`, done.status === "failed" ? "error" : "info");
        return done;
      }, "");
    });
    const refunded = cents(order.refunded) > 0 ? h("p", { class: "hint" }, `Refunded so far: ${money(order.refunded, currency)}`) : null;
    const section = h("section", { class: "money-part", "aria-labelledby": "refunds-heading" }, h("h3", { id: "refunds-heading" }, "Refunds"));
    append(section, order.refunds.length > 0 ? list : null, refunded,
      h("label", { for: "refund-tender" }, "Tender"), tender,
      h("div", { class: "row" },
        h("div", {}, h("label", { for: "refund-amount" }, "Amount to refund"), amount),
        h("div", {}, h("label", { for: "refund-reason" }, "Refund reason"), reason)),
      send);
    return section;
  }

  return { element, show };
}
