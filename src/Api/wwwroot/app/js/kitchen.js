// The kitchen display (/kitchen?station=…): the station's tickets in the order they were sent, cancellations (void
// tickets) shown as such, and each line bumped to preparing, ready and served. It reads with ?after= from the last
// ticket it holds and keeps tickets by sequence, so a reconnect neither loses nor repeats one.
import * as api from "./api.js";
import { ApiError } from "./api.js";
import { append, button, byId, fill, h, lineLabel, say } from "./dom.js";
import { staffKey } from "./keygate.js";
import { follow, showLiveState } from "./live.js";
import { statusText } from "./table-order.js";

/** @typedef {import("./types.js").KitchenTicket} KitchenTicket */
/** @typedef {import("./types.js").OrderLine} OrderLine */

const pageSize = 200;
const station = new URLSearchParams(location.search).get("station");
const message = byId("message");
const dismissedKey = `restaurant.kitchen.${station ?? "all"}.dismissed`;
/** @type {Set<number>} void tickets the cooks have acknowledged (kept across a reload of this tab) */
const dismissed = new Set(JSON.parse(sessionStorage.getItem(dismissedKey) ?? "[]"));
/** @type {Map<number, KitchenTicket>} */
const tickets = new Map();
let after = 0;

/** What a bump moves a line to, and the button's words. */
const next = /** @type {const} */ ({ sent: ["preparing", "Start"], preparing: ["ready", "Ready"], ready: ["served", "Served"] });

const title = station ? `Kitchen · ${station}` : "Kitchen · all stations";
byId("title").textContent = title;
document.title = title;

const key = await staffKey(api.listTables);
byId("app").hidden = false;
const menu = await api.getMenu();
const stations = [...new Set(menu.items.map((item) => item.station))].sort();
const nav = byId("stations");
fill(nav, ...[null, ...stations].map((s) => h("a", {
  href: s ? `/kitchen?station=${encodeURIComponent(s)}` : "/kitchen",
  "aria-current": s === station ? "page" : false,
  class: "station",
}, s ?? "All stations")));

/** @param {OrderLine[]} lines */
const atStation = (lines) => (station ? lines.filter((line) => line.station === station) : lines);

/** @param {KitchenTicket} ticket */
function isActive(ticket) {
  if (ticket.kind === "void") return !dismissed.has(ticket.sequence);
  return ticket.lines.some((line) => line.status === "sent" || line.status === "preparing" || line.status === "ready");
}

/** Brings the order tickets of an order up to date (a void splits or cancels their lines). @param {string} orderId */
async function refreshOrder(orderId) {
  const order = await api.getOrder(orderId, key);
  for (const ticket of tickets.values()) {
    if (ticket.orderId !== orderId || ticket.kind !== "order") continue;
    const fresh = order.tickets.find((t) => t.number === ticket.number);
    if (fresh) ticket.lines = atStation(fresh.lines);
  }
}

/** @type {Set<string>} orders whose lines moved or were voided elsewhere (another screen, the waiter) */
const stale = new Set();

async function read() {
  let changed = stale.size > 0;
  for (const orderId of [...stale]) {
    stale.delete(orderId);
    await refreshOrder(orderId);
  }
  for (;;) {
    const page = await api.getKitchenTickets(after, station, key);
    /** @type {Set<string>} */
    const voided = new Set();
    for (const ticket of page) {
      after = Math.max(after, ticket.sequence);
      if (tickets.has(ticket.sequence)) continue;
      tickets.set(ticket.sequence, ticket);
      changed = true;
      if (ticket.kind === "void") voided.add(ticket.orderId);
    }
    for (const orderId of voided) await refreshOrder(orderId);
    if (page.length < pageSize) break;
  }
  if (changed) render();
}

/** @param {KitchenTicket} ticket @param {OrderLine} line */
function lineRow(ticket, line) {
  const move = ticket.kind === "order" && (line.status === "sent" || line.status === "preparing" || line.status === "ready")
    ? next[line.status] : null;
  const bump = move
    ? button(move[1], () => setStatus(ticket, line, move[0]), { class: "primary", "aria-label": `${move[1]}: ${lineLabel(line)}, table ${ticket.table}` })
    : null;
  const allergens = line.allergens.length > 0 ? h("span", { class: "tag allergen" }, `Allergens: ${line.allergens.join(", ")}`) : null;
  const reason = ticket.kind === "void" && line.void ? h("span", { class: "hint" }, `Reason: ${line.void.reason}`) : null;
  return h("li", { class: "line", "data-line": line.lineId, "data-status": line.status },
    h("span", { class: "line-text" }, lineLabel(line)),
    line.note ? h("span", { class: "hint" }, `“${line.note}”`) : null,
    allergens, reason,
    ticket.kind === "order" ? h("span", { class: `status status-${line.status}` }, line.status === "sent" ? "New" : statusText[line.status]) : null,
    bump);
}

/** @param {KitchenTicket} ticket */
function card(ticket) {
  const time = new Date(ticket.submittedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const cancelled = ticket.kind === "void";
  const heading = cancelled ? `Cancelled · table ${ticket.table}` : `Table ${ticket.table} · ticket ${ticket.number}`;
  const item = h("li", { class: cancelled ? "ticket void" : "ticket", "data-sequence": ticket.sequence, "data-kind": ticket.kind, "aria-label": heading },
    h("div", { class: "ticket-head" }, h("h3", {}, heading), h("time", { datetime: ticket.submittedAt }, time)));
  const lines = h("ul", { class: "lines" });
  for (const line of ticket.lines) lines.append(lineRow(ticket, line));
  append(item, lines);
  if (cancelled && !dismissed.has(ticket.sequence))
    item.append(button("Got it", () => {
      dismissed.add(ticket.sequence);
      sessionStorage.setItem(dismissedKey, JSON.stringify([...dismissed]));
      render();
    }, { "aria-label": `Got it: cancellation for table ${ticket.table}` }));
  return item;
}

function render() {
  const ordered = [...tickets.values()].sort((a, b) => a.sequence - b.sequence);
  const active = ordered.filter(isActive);
  const done = ordered.filter((t) => !isActive(t)).slice(-30).reverse();
  fill(byId("tickets"), ...(active.length > 0 ? active.map(card) : [h("li", { class: "hint" }, "No tickets waiting.")]));
  fill(byId("done-tickets"), ...done.map(card));
  byId("done-summary").textContent = `Done (${ordered.length - active.length})`;
}

/** @param {KitchenTicket} ticket @param {OrderLine} line @param {"preparing" | "ready" | "served"} status */
async function setStatus(ticket, line, status) {
  try {
    const fresh = await api.setTicketStatus(ticket.sequence, { status, lineIds: [line.lineId] }, key);
    ticket.lines = atStation(fresh.lines);
  } catch (error) {
    if (error instanceof ApiError && error.code === "invalid_status_change") {
      say(message, "That line has already moved on (or was cancelled).", "error");
      await refreshOrder(ticket.orderId);
    } else {
      say(message, error instanceof Error ? error.message : "That did not work.", "error");
    }
  }
  render();
}

render();
follow(read, {
  onState: showLiveState(byId("live")),
  events: {
    stream: api.kitchenEvents(station, key),
    onEvent(type, data) {
      // A new ticket comes with the read (?after=); a line moved elsewhere (another screen) is read from its order.
      if (type === "ticket") return true;
      if (!data || typeof data !== "object" || !("orderId" in data) || typeof data.orderId !== "string") return false;
      const orderId = data.orderId;
      if (![...tickets.values()].some((t) => t.orderId === orderId)) return false;
      stale.add(orderId);
      return true;
    },
  },
});
