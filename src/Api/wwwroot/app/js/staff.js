// The waiter tablet (/staff): the floor with each table's state and balance; a table's order to work on
// (staff-order.js); its code as a QR code to print. The staff key is entered once and kept in this tab only.
import * as api from "./api.js";
import { button, byId, fill, h, money, say } from "./dom.js";
import { staffKey } from "./keygate.js";
import { follow, showLiveState } from "./live.js";
import { orderPanel } from "./staff-order.js";

/** @typedef {import("./types.js").Table} Table */

const message = byId("message");
const key = await staffKey(api.listTables);
byId("app").hidden = false;
const menu = await api.getMenu();

/** @type {string | null} */
let selected = null;
/** @type {{ table: string, orderId: string | null, panel: ReturnType<typeof orderPanel> | null } | null} */
let shown = null;
let lastFloor = "";

/** @param {Table} table */
function state(table) {
  if (!table.order) return "Free";
  if (table.order.status === "billed") return table.order.balance === null ? "Billed" : `Billed · ${money(table.order.balance, menu.currency)} due`;
  return "Open";
}

/** @param {Table[]} tables */
function renderFloor(tables) {
  const floor = byId("floor");
  fill(floor, ...tables.map((table) => {
    const choose = h("button", {
      type: "button",
      class: `table-button ${table.order ? `is-${table.order.status}` : "is-free"}`,
      "aria-pressed": table.id === selected ? "true" : "false",
      "data-table": table.id,
    }, h("span", { class: "table-name" }, `Table ${table.id}`), h("span", { class: "table-state" }, state(table)),
    h("span", { class: "hint" }, `${table.seats} seats`));
    choose.addEventListener("click", () => {
      selected = table.id;
      void live.now();
    });
    return h("li", {}, choose);
  }));
}

/** @param {Table} table */
async function renderTable(table) {
  const orderId = table.order?.id ?? null;
  if (shown && shown.table === table.id && shown.orderId === orderId) {
    if (shown.panel) await shown.panel.refresh();
    return;
  }
  shown?.panel?.close();
  byId("table-heading").textContent = `Table ${table.id}`;
  const body = byId("table-body");
  const qr = h("div", { class: "qr" });
  const tools = h("div", { class: "actions" },
    button("Show QR code", () => showQr(table.id, qr)),
    button("New code", async () => {
      if (!confirm(`Give table ${table.id} a new code? The printed QR code stops working.`)) return;
      await api.rotateTableCode(table.id, key);
      say(message, `Table ${table.id} has a new code: print its QR code again.`);
      if (qr.childElementCount > 0) await showQr(table.id, qr);
    }));
  if (!orderId) {
    const open = button("Open an order", async () => {
      try {
        await api.createOrder({ table: table.id }, key);
        await live.now();
      } catch (error) {
        say(message, error instanceof Error ? error.message : "Opening failed.", "error");
      }
    }, { class: "primary" });
    fill(body, h("p", {}, "Free."), open, tools, qr);
    shown = { table: table.id, orderId, panel: null };
    return;
  }
  const panel = orderPanel(orderId, key, menu, message);
  fill(body, panel.element, tools, qr);
  shown = { table: table.id, orderId, panel };
  await panel.refresh();
}

/** @param {string} table @param {HTMLElement} into */
async function showQr(table, into) {
  try {
    const svg = await api.tableQrCode(table, key);
    const image = h("img", { src: URL.createObjectURL(svg), alt: `QR code of table ${table}`, width: 240, height: 240 });
    fill(into, h("figure", { class: "qr-print" }, image, h("figcaption", {}, `Table ${table} · scan to order`)),
      button("Print", () => window.print()));
  } catch (error) {
    say(message, error instanceof Error ? error.message : "The QR code failed.", "error");
  }
}

const live = follow(async () => {
  const tables = await api.listTables(key);
  const signature = JSON.stringify([selected, tables.map((t) => [t.id, t.seats, t.order])]);
  if (signature !== lastFloor) {
    lastFloor = signature;
    renderFloor(tables);
  }
  const table = tables.find((t) => t.id === selected);
  if (table) await renderTable(table);
}, { intervalMs: 1500, onState: showLiveState(byId("live")) });
