// The seed's story, played by a client generated from the served OpenAPI document (src/api.d.ts, made by
// openapi-typescript): staff set up the table; John's phone opens its order with the table's code and Jane's joins
// it; John orders the salad & juice, Jane the omelet, Derek a coffee; billed together that is 20.00, not 24.00.
// Then the table pays with a card that is declined and pays the remainder with another.
//
//   node dist/story.js http://127.0.0.1:5080 [staff key]
//
// Every call is typed by the document: a path, body or field the document does not describe does not compile.
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type Line = components["schemas"]["LineToAdd"];
type Bill = components["schemas"]["Bill"];
type Order = components["schemas"]["Order"];
type ItemsChanged = components["schemas"]["ItemsChanged"];

const baseUrl = process.argv[2] ?? "http://127.0.0.1:5080";
const staffKey = process.argv[3] ?? "dev-staff-key";

let passed = 0;
let failed = 0;

function check(step: string, ok: boolean, detail: unknown = ""): void {
  if (ok) {
    passed++;
    console.log(`ok - ${step}`);
  } else {
    failed++;
    console.log(`not ok - ${step} ${JSON.stringify(detail)}`);
  }
}

/** The body of a successful answer, or the end of the story with what the server said instead. */
function expect<T>(step: string, answer: { data?: T; error?: unknown; response: Response }, status: number): T {
  const ok = answer.data !== undefined && answer.response.status === status;
  check(`${step} (${answer.response.status})`, ok, answer.error ?? answer.data);
  if (answer.data === undefined || !ok) {
    finish();
    throw new Error(`${step}: expected ${status}, got ${answer.response.status}`);
  }
  return answer.data;
}

/** An addition answered with the whole order (no `Prefer: return=minimal`), or the end of the story. */
function wholeOrder(step: string, answer: Order | ItemsChanged): Order {
  if ("id" in answer) return answer;
  check(`${step}: the whole order, as no minimal answer was asked for`, false, answer);
  finish();
  throw new Error(`${step}: a minimal answer nobody asked for`);
}

const cents = (amount: number): number => Math.round(amount * 100);
const key = (): { "Idempotency-Key": string } => ({ "Idempotency-Key": randomUUID() });

function finish(): void {
  console.log(`client: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

const anonymous = createClient<paths>({ baseUrl });
const staff = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${staffKey}` } });

// The menu lists every item of the story, and the two bundles that make it cheaper.
const menu = expect("read the menu", await anonymous.GET("/menu"), 200);
const storyItems = ["salad", "juice", "omelet", "coffee"];
check("the menu has the story's items", storyItems.every((id) => menu.items.some((item) => item.id === id && item.available)));
check("the menu has the story's bundles", ["salad-juice", "omelet-coffee"].every((id) => menu.bundles.some((b) => b.id === id)));

// Staff set the table up; its code is printed on it as a QR code.
const table = `ts-${Date.now().toString(36)}-${randomUUID().slice(0, 4)}`;
const floorTable = expect("set the table up", await staff.PUT("/tables/{id}", { params: { path: { id: table } }, body: { seats: 4 } }), 201);
check("the new table has a code and no order", floorTable.code.length === 22 && floorTable.order === null, floorTable);

// John's phone opens the table's order with the code: the answer carries his own access token, shown only this once.
const opened = expect("open the table's order",
  await anonymous.POST("/orders", { body: { table, code: floorTable.code, guests: 3, diner: "John" }, headers: key() }), 201);
const token = opened.accessToken;
if (token === undefined) throw new Error("POST /orders answered no accessToken");
check("the new order is open and empty", opened.status === "open" && opened.paymentStatus === "unpaid" && opened.pending.length === 0 && opened.bill === null);
const diners = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
const order = { params: { path: { id: opened.id } } };

// Jane's phone scans the same code and joins the order, with a token of her own.
const joined = expect("join the table's order from a second phone",
  await anonymous.POST("/orders", { body: { table, code: floorTable.code, diner: "Jane" }, headers: key() }), 200);
check("the second phone is in the same order with its own token", joined.id === opened.id && joined.accessToken !== undefined && joined.accessToken !== token);
const janePhone = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${joined.accessToken}` } });

// John and Jane add at the same time, from their own phones (Jane's lines are hers by her token); then Derek.
const add = (lines: Line[]) => diners.POST("/orders/{id}/items", { ...order, body: { add: lines }, headers: key() });
const [john, jane] = await Promise.all([
  add([{ menuItemId: "salad", quantity: 1, diner: "John", note: "dressing on the side" }, { menuItemId: "juice", quantity: 1, diner: "John" }]),
  janePhone.POST("/orders/{id}/items", { ...order, body: { add: [{ menuItemId: "omelet", quantity: 1 }] }, headers: key() }),
]);
expect("John adds the salad and a juice", john, 200);
expect("Jane adds the omelet at the same time", jane, 200);
const afterDerek = wholeOrder("Derek adds a coffee", expect("Derek adds a coffee", await add([{ menuItemId: "coffee", quantity: 1, diner: "Derek" }]), 200));
check("all four lines are pending, each once",
  afterDerek.pending.map((line) => line.menuItemId).sort().join() === [...storyItems].sort().join(), afterDerek.pending);

// Everything pending goes to the kitchen as ticket 1, and the kitchen sees it.
const submitted = expect("send the order to the kitchen", await diners.POST("/orders/{id}/submit", { ...order, headers: key() }), 201);
check("ticket 1 holds the four lines", submitted.ticket?.number === 1 && submitted.ticket.lines.length === 4, submitted);
const tickets = expect("the kitchen reads its tickets", await staff.GET("/kitchen/tickets", { params: { query: { after: 0 } } }), 200);
const ours = tickets.find((ticket) => ticket.orderId === opened.id);
check("the kitchen has the table's ticket", ours?.table === table && ours.number === 1 && ours.lines.length === 4, ours);

// The bill bundles the whole table: Salad & Juice + Omelet & Coffee.
const bill: Bill = expect("ask for the bill", await diners.POST("/orders/{id}/bill", { ...order, headers: key() }), 200);
check("the bill is 20.00, not 24.00", cents(bill.subtotal) === 2400 && cents(bill.savings) === 400 && cents(bill.total) === 2000, bill);
check("the bill applies both bundles", bill.bundles.map((b) => b.bundleId).sort().join() === "omelet-coffee,salad-juice", bill.bundles);
const share = (diner: string): number => cents(bill.shares.find((s) => s.diner === diner)?.amount ?? Number.NaN);
check("the shares are John 10.00, Jane 7.50, Derek 2.50", share("John") === 1000 && share("Jane") === 750 && share("Derek") === 250, bill.shares);
check("the bill is priced optimally", bill.pricing.optimal);

// Pay the balance with two cards; one is declined, so half the bill stays open.
const pay = (total: number, payments: components["schemas"]["TenderRequest"][]) =>
  diners.POST("/payments/{orderId}", { params: { path: { orderId: opened.id } }, body: { orderId: opened.id, total, payments }, headers: key() });
const first = expect("pay with two cards, one declined", await pay(bill.balance, [
  { amount: 10, paymentMethod: "credit_card", cardToken: "pm_card_visa", tip: 1.5 },
  { amount: 10, paymentMethod: "credit_card", cardToken: "pm_card_chargeDeclined" },
]), 200);
const declined = first.results.find((tender) => tender.status === "declined");
check("the declined card says why", declined?.declineCode === "generic_decline" && declined.index === 1, first.results);
check("the order is partially paid, 10.00 left", first.status === "partially_paid" && cents(first.balance) === 1000, first);

// Paying the old total again is refused with a typed problem: only the balance is left to pay.
const stale = await pay(bill.total, [{ amount: bill.total, paymentMethod: "credit_card", cardToken: "pm_card_visa" }]);
check("a stale total is a 409 total_exceeds_balance carrying the balance",
  stale.response.status === 409 && stale.error?.code === "total_exceeds_balance" && cents(stale.error.balance ?? 0) === 1000
    && cents(stale.error.pending ?? 0) === 0, stale.error);

// The remainder, with another card.
const second = expect("pay the remainder", await pay(first.balance, [
  { amount: first.balance, paymentMethod: "credit_card", cardToken: "pm_card_mastercard" },
]), 200);
check("the order is paid", second.status === "paid" && cents(second.balance) === 0, second);
const final = expect("read the paid order", await diners.GET("/orders/{id}", order), 200);
check("the order shows three tenders and nothing left to pay",
  final.status === "paid" && final.paymentStatus === "paid" && final.payments.length === 3 && final.balance === 0, final);
const floor = expect("read the floor", await staff.GET("/tables"), 200);
check("the paid table is free again", floor.find((t) => t.id === table)?.order === null, floor.find((t) => t.id === table));

finish();
