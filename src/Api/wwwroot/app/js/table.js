// The table app (/t/{table}?code=…, the address on the table's QR code): join the table's order with a name, order
// from the menu, follow the dishes, see the bill and pay a share of it. The table's code and the diner's token live
// in this tab's session storage, never in the address bar.
import * as api from "./api.js";
import { ApiError } from "./api.js";
import { byId, say } from "./dom.js";
import { follow, showLiveState } from "./live.js";
import { renderMenu } from "./table-menu.js";
import { renderOrder } from "./table-order.js";
import { renderBill } from "./table-bill.js";

/** @typedef {import("./types.js").Order} Order */
/** @typedef {{ orderId: string, token: string, diner: string }} Session */
/**
 * What the parts of the page share.
 * @typedef {object} TableContext
 * @property {import("./types.js").Menu} menu
 * @property {Session} session
 * @property {HTMLElement} message
 * @property {(order: Order) => void} show  renders an order this page just received
 * @property {() => Promise<void>} refresh  reads the order again now
 */

const table = decodeURIComponent(location.pathname.split("/")[2] ?? "");
const codeKey = `restaurant.table.${table}.code`;
const sessionKey = `restaurant.table.${table}.session`;

// The code leaves the address bar and the history at once (the page is served with no Referer either).
const scanned = new URLSearchParams(location.search).get("code");
if (scanned) sessionStorage.setItem(codeKey, scanned);
if (location.search) history.replaceState(null, "", location.pathname);

const message = byId("message");
byId("title").textContent = `Table ${table}`;
document.title = `Table ${table}`;

/** @returns {Session | null} */
function readSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(sessionKey) ?? "null");
    if (stored && typeof stored.orderId === "string" && typeof stored.token === "string" && typeof stored.diner === "string")
      return { orderId: stored.orderId, token: stored.token, diner: stored.diner };
  } catch {
    // A damaged entry is as good as none.
  }
  return null;
}

const menu = await api.getMenu().catch((error) => {
  say(message, "The menu cannot be loaded right now. Reload the page in a moment.", "error");
  throw error;
});

const session = readSession();
if (session) start(session);
else showJoin();

function showJoin() {
  byId("app").hidden = true;
  const join = byId("join");
  join.hidden = false;
  const form = /** @type {HTMLFormElement} */ (byId("join-form"));
  const name = /** @type {HTMLInputElement} */ (byId("join-name"));
  name.focus();
  form.onsubmit = async (event) => {
    event.preventDefault();
    const diner = name.value.trim();
    if (!diner) {
      say(message, "Please enter your name.", "error");
      name.focus();
      return;
    }
    const code = sessionStorage.getItem(codeKey);
    if (!code) {
      say(message, "Scan the QR code on your table to join it.", "error");
      return;
    }
    try {
      const order = await api.createOrder({ table, code, diner });
      if (!order.accessToken) throw new ApiError(500, null);
      /** @type {Session} */
      const joined = { orderId: order.id, token: order.accessToken, diner };
      sessionStorage.setItem(sessionKey, JSON.stringify(joined));
      join.hidden = true;
      say(message, `Welcome, ${diner}.`);
      start(joined);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid_table_code")
        say(message, "This table's code has changed. Scan the QR code on the table again.", "error");
      else say(message, error instanceof Error ? error.message : "Joining failed.", "error");
    }
  };
}

/** @param {Session} session */
function start(session) {
  byId("app").hidden = false;
  let version = -1;
  /** @type {TableContext} */
  const context = {
    menu,
    session,
    message,
    show(order) {
      if (order.version < version) return;
      version = order.version;
      renderOrder(byId("order"), order, context);
      renderBill(byId("bill"), order, context);
      menuView.setOpen(order.status === "open");
      // Once billed, nothing more can be ordered: the bill comes first on a phone.
      byId("menu-section").hidden = order.status !== "open";
    },
    refresh: async () => live.now(),
  };
  const menuView = renderMenu(byId("filters"), byId("menu"), context);
  const live = follow(async () => {
    try {
      context.show(await api.getOrder(session.orderId, session.token));
    } catch (error) {
      if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
        live.stop();
        sessionStorage.removeItem(sessionKey);
        say(message, "This table's order is closed. Join again to start a new one.");
        showJoin();
        return;
      }
      throw error;
    }
  }, {
    onState: showLiveState(byId("live")),
    events: {
      stream: api.orderEvents(session.orderId, session.token),
      // A new stream starts with the order's kept history: the versions this page already shows need no read.
      onEvent: (_type, data) => !isOrderEvent(data) || data.version > version,
    },
  });
}

/** Whether an event's data carries the order's version after the change (docs/api.md "Events"). @param {unknown} data @returns {data is { version: number }} */
function isOrderEvent(data) {
  return typeof data === "object" && data !== null && "version" in data && typeof data.version === "number";
}
