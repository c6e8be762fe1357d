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
 * @param {"GET" | "POST" | "PUT"} method
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

/** A table's QR code as an SVG image (a page route, not part of the contract: PagesApi.cs). @param {string} id @param {string} staffKey */
export async function tableQrCode(id, staffKey) {
  const response = await send("GET", `/staff/tables/${encodeURIComponent(id)}/qr.svg`, { token: staffKey, accept: "image/svg+xml" });
  return response.blob();
}
