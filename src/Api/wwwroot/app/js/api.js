// The API as the pages call it: one function per operation, typed by the OpenAPI document (types.js). Credentials go
// in the Authorization header only, never in an address. Every POST carries an Idempotency-Key.
import { newKey } from "./dom.js";

/** @typedef {import("./types.js").Paths} Paths */
/** @typedef {import("./types.js").Schemas} Schemas */
/** @typedef {import("./types.js").Problem} Problem */

/** A refusal: the problem's `code` is what a page acts on. */
export class ApiError extends Error {
  /** @param {number} status @param {Problem | null} problem */
  constructor(status, problem) {
    super(problem?.detail ?? (status === 0 ? "The server cannot be reached." : `The server answered ${status}.`));
    this.status = status;
    this.problem = problem;
  }

  get code() {
    return this.problem?.code ?? (this.status === 0 ? "network" : "");
  }
}

/**
 * An address of the contract with its parameters filled in: the template must be a path of the OpenAPI document.
 * @param {keyof Paths} template
 * @param {Record<string, string | number>} [parameters]
 */
function address(template, parameters = {}) {
  return template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(String(parameters[name] ?? "")));
}

/**
 * @param {"GET" | "POST" | "PUT" | "DELETE"} method
 * @param {string} path
 * @param {{ token?: string | null, body?: unknown, key?: string, accept?: string }} [init]
 * @returns {Promise<Response>}
 */
async function send(method, path, init = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: init.accept ?? "application/json" };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (method === "POST") headers["Idempotency-Key"] = init.key ?? newKey();
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      cache: "no-store",
      credentials: "omit",
      referrerPolicy: "no-referrer",
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    /** @type {Problem | null} */
    let problem = null;
    try {
      problem = /** @type {Problem} */ (await response.json());
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** @template T @param {Response} response @returns {Promise<T>} */
async function json(response) {
  return /** @type {T} */ (await response.json());
}

/** @returns {Promise<Schemas["Menu"]>} */
export const getMenu = async () => json(await send("GET", address("/menu")));

/** @param {Schemas["CreateOrderRequest"]} body @param {string | null} [token] @returns {Promise<Schemas["Order"]>} */
export const createOrder = async (body, token = null) => json(await send("POST", address("/orders"), { body, token }));

/** @param {string} id @param {string} token @returns {Promise<Schemas["Order"]>} */
export const getOrder = async (id, token) => json(await send("GET", address("/orders/{id}", { id }), { token }));

/** @param {string} id @param {Schemas["ChangeItemsRequest"]} body @param {string} token @returns {Promise<Schemas["Order"]>} */
export const changeItems = async (id, body, token) => json(await send("POST", address("/orders/{id}/items", { id }), { body, token }));

/** @param {string} id @param {string} token @returns {Promise<Schemas["SubmitResult"]>} */
export const submitOrder = async (id, token) => json(await send("POST", address("/orders/{id}/submit", { id }), { token }));

/** @param {string} id @param {Schemas["FireRequest"]} body @param {string} token @returns {Promise<Schemas["SubmitResult"]>} */
export const fireOrder = async (id, body, token) => json(await send("POST", address("/orders/{id}/fire", { id }), { body, token }));

/** @param {string} id @param {Schemas["VoidRequest"]} body @param {string} token @returns {Promise<Schemas["Order"]>} */
export const voidLines = async (id, body, token) => json(await send("POST", address("/orders/{id}/void", { id }), { body, token }));

/** @param {string} id @param {Schemas["CompRequest"]} body @param {string} token @returns {Promise<Schemas["Order"]>} */
export const compLines = async (id, body, token) => json(await send("POST", address("/orders/{id}/comp", { id }), { body, token }));

/** @param {string} id @param {string} token @returns {Promise<Schemas["Bill"]>} */
export const billOrder = async (id, token) => json(await send("POST", address("/orders/{id}/bill", { id }), { token }));

/** @param {string} id @param {string} token @returns {Promise<Schemas["Order"]>} */
export const cancelOrder = async (id, token) => json(await send("POST", address("/orders/{id}/cancel", { id }), { token }));

/**
 * @param {string} orderId @param {Schemas["PaymentRequest"]} body @param {string} token
 * @param {string} key the same key for a resend of the same payment, so it can never be charged twice
 * @returns {Promise<Schemas["PaymentResult"]>}
 */
export const payOrder = async (orderId, body, token, key) =>
  json(await send("POST", address("/payments/{orderId}", { orderId }), { body, token, key }));

/** @param {string} id @param {Schemas["AddDiscountBody"]} body @param {string} staffKey @returns {Promise<Schemas["DiscountView"]>} */
export const addDiscount = async (id, body, staffKey) => json(await send("POST", address("/orders/{id}/discounts", { id }), { body, token: staffKey }));

/** @param {string} id @param {string} discountId @param {string} staffKey @returns {Promise<void>} */
export async function removeDiscount(id, discountId, staffKey) {
  await send("DELETE", address("/orders/{id}/discounts/{discountId}", { id, discountId }), { token: staffKey });
}

/** @param {string} id @param {Schemas["SetServiceChargeBody"]} body @param {string} staffKey @returns {Promise<Schemas["Order"]>} */
export const setServiceCharge = async (id, body, staffKey) =>
  json(await send("POST", address("/orders/{id}/service-charge", { id }), { body, token: staffKey }));

/**
 * @param {string} orderId @param {Schemas["RefundPaymentBody"]} body @param {string} staffKey
 * @param {string} key the same key for a resend of the same refund, so it can never be sent twice
 * @returns {Promise<Schemas["RefundView"]>}
 */
export const refundPayment = async (orderId, body, staffKey, key) =>
  json(await send("POST", address("/payments/{orderId}/refunds", { orderId }), { body, token: staffKey, key }));

/** The receipt as plain text (a page shows it with textContent, never as HTML). @param {string} id @param {string} staffKey */
export async function getReceipt(id, staffKey) {
  const response = await send("GET", address("/orders/{id}/receipt", { id }), { token: staffKey, accept: "text/plain" });
  return response.text();
}

/** @param {"open" | "billed" | "paid" | "cancelled"} status @param {string} staffKey @returns {Promise<Schemas["OrderSummary"][]>} */
export const listOrders = async (status, staffKey) =>
  json(await send("GET", `${address("/orders")}?${new URLSearchParams({ status, limit: "100" })}`, { token: staffKey }));

/** @param {string} staffKey @returns {Promise<Schemas["Table"][]>} */
export const listTables = async (staffKey) => json(await send("GET", address("/tables"), { token: staffKey }));

/** @param {string} id @param {string} staffKey @returns {Promise<Schemas["Table"]>} */
export const rotateTableCode = async (id, staffKey) => json(await send("POST", address("/tables/{id}/code", { id }), { token: staffKey }));

/** @param {number} after @param {string | null} station @param {string} staffKey @returns {Promise<Schemas["KitchenTicket"][]>} */
export async function getKitchenTickets(after, station, staffKey) {
  const query = new URLSearchParams({ after: String(after) });
  if (station) query.set("station", station);
  return json(await send("GET", `${address("/kitchen/tickets")}?${query}`, { token: staffKey }));
}

/**
 * @param {number} sequence @param {Schemas["TicketStatusRequest"]} body @param {string} staffKey
 * @returns {Promise<Schemas["KitchenTicket"]>}
 */
export const setTicketStatus = async (sequence, body, staffKey) =>
  json(await send("POST", address("/kitchen/tickets/{sequence}/status", { sequence }), { body, token: staffKey }));

/**
 * An event stream a page follows: its address (a path of the contract) and the credential for its Authorization header.
 * @typedef {{ path: string, token: string }} EventStream
 */

/** The order's events, for its diners (their token) and staff (the key). @param {string} id @param {string} token @returns {EventStream} */
export const orderEvents = (id, token) => ({ path: address("/orders/{id}/events", { id }), token });

/** The kitchen's ticket and line events, of one station or all. @param {string | null} station @param {string} staffKey @returns {EventStream} */
export function kitchenEvents(station, staffKey) {
  /** @type {NonNullable<Paths["/kitchen/events"]["get"]["parameters"]["query"]>} */
  const query = station ? { station } : {};
  const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
  return { path: `${address("/kitchen/events")}${search.size > 0 ? `?${search}` : ""}`, token: staffKey };
}

/**
 * Opens an event stream, resuming after `lastEventId` when given. An ApiError when the server refuses it (a server
 * without the stream answers 404) or cannot be reached (status 0).
 * @param {EventStream} stream @param {string | null} lastEventId @param {AbortSignal} signal
 * @returns {Promise<ReadableStream<string>>}
 */
export async function openEvents(stream, lastEventId, signal) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "text/event-stream", Authorization: `Bearer ${stream.token}` };
  if (lastEventId) headers["Last-Event-ID"] = lastEventId;
  const response = await fetch(stream.path, { headers, signal, cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer" })
    .catch(() => { throw new ApiError(0, null); });
  if (response.ok && response.body) return response.body.pipeThrough(new TextDecoderStream());
  /** @type {Problem | null} */
  const problem = await response.json().catch(() => null);
  throw new ApiError(response.status, problem);
}

/** A table's QR code as an SVG image (a page route, not part of the contract: PagesApi.cs). @param {string} id @param {string} staffKey */
export async function tableQrCode(id, staffKey) {
  const response = await send("GET", `/staff/tables/${encodeURIComponent(id)}/qr.svg`, { token: staffKey, accept: "image/svg+xml" });
  return response.blob();
}
