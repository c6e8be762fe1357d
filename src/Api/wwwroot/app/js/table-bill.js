// The bill on a phone: what the table ordered, the bundles that made it cheaper, each diner's share and what is paid;
// then paying your share, or the rest, with one of the simulated gateway's test cards. A declined card says why and
// the diner tries another.
import * as api from "./api.js";
import { ApiError } from "./api.js";
import { button, fill, h, money, newKey, say } from "./dom.js";

/** @typedef {import("./types.js").Order} Order */
/** @typedef {import("./types.js").Bill} Bill */
/** @typedef {import("./table.js").TableContext} TableContext */

/** The simulated gateway's tokens (docs/api.md, "Simulated cards"), as a diner picks one in a demo. */
export const testCards = [
  { token: "pm_card_visa", label: "Visa (approved)" },
  { token: "pm_card_mastercard", label: "Mastercard (approved)" },
  { token: "pm_card_amex", label: "American Express (approved)" },
  { token: "pm_card_chargeDeclined", label: "Card declined" },
  { token: "pm_card_chargeDeclinedInsufficientFunds", label: "Declined: insufficient funds" },
  { token: "pm_card_chargeDeclinedExpiredCard", label: "Declined: expired card" },
];

/** @param {number} amount */
const cents = (amount) => Math.round(amount * 100);

/** The choices the diner made in the payment form, kept while the bill is drawn again around them. */
const choice = { what: "share", card: "pm_card_visa" };
/** One key per payment until it is answered, so resending it after a lost answer can never charge twice. */
let payment = { signature: "", key: newKey() };

/** @param {Bill} bill @param {string} currency */
export function billTable(bill, currency) {
  const rows = h("tbody");
  for (const item of bill.items) {
    const options = item.options.length > 0 ? ` (${item.options.map((o) => o.name).join(", ")})` : "";
    rows.append(h("tr", {}, h("td", {}, `${item.quantity}× ${item.name}${options}${item.comped ? " — on the house" : ""}`),
      h("td", { class: "amount" }, money(item.amount, currency))));
  }
  for (const bundle of bill.bundles)
    rows.append(h("tr", { class: "bundle" }, h("td", {}, `${bundle.name} (bundle)`), h("td", { class: "amount" }, `−${money(bundle.savings, currency)}`)));
  /** @param {string} label @param {number} amount @param {string} [cls] */
  const total = (label, amount, cls = "") => h("tr", { class: cls }, h("th", { scope: "row" }, label), h("td", { class: "amount" }, money(amount, currency)));
  const foot = h("tfoot", {}, total("Subtotal", bill.subtotal));
  if (bill.comps > 0) foot.append(total("On the house", -bill.comps));
  if (bill.savings > 0) foot.append(total("Bundle savings", -bill.savings));
  foot.append(total("Tax", bill.tax), total("Total", bill.total, "grand"));
  return h("table", { class: "bill" }, h("caption", { class: "visually-hidden" }, "The bill"), rows, foot);
}

/** @param {Bill} bill @param {string} currency @param {string | null} me */
export function sharesTable(bill, currency, me) {
  const rows = h("tbody");
  for (const share of bill.shares) {
    const name = share.diner ?? "Table";
    rows.append(h("tr", { class: share.diner === me ? "mine" : "", "data-diner": name },
      h("th", { scope: "row" }, share.diner === me ? `${name} (you)` : name),
      h("td", { class: "amount" }, money(share.amount, currency)),
      h("td", { class: "amount" }, cents(share.paid) >= cents(share.amount) ? "Paid" : `${money(share.paid, currency)} paid`)));
  }
  return h("table", { class: "shares" }, h("caption", {}, "Shares"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Diner"), h("th", { scope: "col" }, "Share"), h("th", { scope: "col" }, "Paid"))), rows);
}

/** @param {HTMLElement} container @param {Order} order @param {TableContext} context */
export function renderBill(container, order, context) {
  const { session } = context;
  const bill = order.bill;
  if (!bill) {
    const sent = order.tickets.some((t) => t.kind === "order" && t.lines.some((l) => l.status !== "voided"));
    const waiting = order.pending.length + order.held.length > 0;
    fill(container,
      h("p", { class: "hint" }, waiting ? "Everything must be with the kitchen before the bill." : "Ask for the bill when the table is done; nothing can be added after it."),
      order.status === "open" ? button("Ask for the bill", async () => {
        try {
          await api.billOrder(order.id, session.token);
          await context.refresh();
        } catch (error) {
          say(context.message, error instanceof Error ? error.message : "The bill failed.", "error");
        }
      }, { class: "primary wide", disabled: !sent || waiting }) : null);
    return;
  }
  const currency = bill.currency;
  /** @type {HTMLElement[]} */
  const parts = [billTable(bill, currency), sharesTable(bill, currency, session.diner)];
  const balance = order.balance ?? bill.balance;
  if (order.status === "paid" || cents(balance) <= 0) {
    parts.push(h("p", { class: "done", role: "status" }, "Paid in full. Thank you!"));
    fill(container, ...parts);
    return;
  }
  parts.push(h("p", { class: "balance" }, `Left to pay: ${money(balance, currency)}`));
  const mine = bill.shares.find((s) => s.diner === session.diner);
  const myRest = mine ? Math.max(0, cents(mine.amount) - cents(mine.paid)) / 100 : 0;
  /** @type {{ value: string, label: string, amount: number }[]} */
  const options = [];
  if (myRest > 0 && cents(myRest) < cents(balance)) options.push({ value: "share", label: `My share: ${money(myRest, currency)}`, amount: myRest });
  options.push({ value: "rest", label: `Everything left: ${money(balance, currency)}`, amount: balance });
  if (!options.some((o) => o.value === choice.what)) choice.what = options[0]?.value ?? "rest";

  const what = h("fieldset", {}, h("legend", {}, "What to pay"));
  for (const option of options) {
    const input = h("input", { type: "radio", name: "pay-what", id: `pay-${option.value}`, value: option.value, checked: option.value === choice.what });
    input.addEventListener("change", () => {
      choice.what = option.value;
      payButton.textContent = `Pay ${money(amount(), currency)}`;
    });
    what.append(h("div", { class: "choice" }, input, h("label", { for: `pay-${option.value}` }, option.label)));
  }
  const card = h("select", { id: "pay-card" });
  for (const test of testCards) card.append(h("option", { value: test.token, selected: test.token === choice.card }, test.label));
  card.addEventListener("change", () => { choice.card = card.value; });
  const amount = () => options.find((o) => o.value === choice.what)?.amount ?? balance;
  const payButton = button(`Pay ${money(amount(), currency)}`, async () => {
    const total = amount();
    const body = { orderId: order.id, total, payments: [{ amount: total, paymentMethod: /** @type {const} */ ("credit_card"), cardToken: choice.card }] };
    const signature = JSON.stringify(body);
    if (signature !== payment.signature) payment = { signature, key: newKey() };
    try {
      const result = await api.payOrder(order.id, body, session.token, payment.key);
      payment = { signature: "", key: newKey() };
      const tender = result.results[0];
      if (tender?.status === "declined")
        say(context.message, `Declined: ${tender.message ?? "the card was refused"} (${tender.declineCode ?? "declined"}). Choose another card and try again.`, "error");
      else if (tender?.status === "pending") say(context.message, "The card is being confirmed with the bank…");
      else say(context.message, `Paid ${money(total, currency)}. Thank you!`);
      await context.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0) payment = { signature: "", key: newKey() };
      const text = error instanceof ApiError && error.code === "total_exceeds_balance"
        ? "Someone at the table just paid part of it: check what is left and pay again."
        : error instanceof Error ? error.message : "Paying failed.";
      say(context.message, text, "error");
      await context.refresh();
    }
  }, { class: "primary wide" });
  parts.push(h("form", { class: "pay", novalidate: true }, what, h("label", { for: "pay-card" }, "Test card"), card, payButton));
  fill(container, ...parts);
}
