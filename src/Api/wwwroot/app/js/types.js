// The API's types, straight from its OpenAPI document (clients/typescript/src/api.d.ts, which test.sh generates from
// the served /openapi/v1.json): tsc checks the pages against them, so a contract change that breaks a page breaks the
// build. Nothing here runs; the file only names the types the pages use.

/** @typedef {import("../../../../../clients/typescript/src/api").paths} Paths */
/** @typedef {import("../../../../../clients/typescript/src/api").components["schemas"]} Schemas */
/** @typedef {Schemas["Menu"]} Menu */
/** @typedef {Schemas["MenuItem"]} MenuItem */
/** @typedef {Schemas["OptionGroup"]} OptionGroup */
/** @typedef {Schemas["Order"]} Order */
/** @typedef {Schemas["OrderLine"]} OrderLine */
/** @typedef {Schemas["Ticket"]} Ticket */
/** @typedef {Schemas["KitchenTicket"]} KitchenTicket */
/** @typedef {Schemas["Bill"]} Bill */
/** @typedef {Schemas["Table"]} Table */
/** @typedef {Schemas["PaymentResult"]} PaymentResult */
/** @typedef {Schemas["Tender"]} Tender */
/** @typedef {Schemas["ProblemDetails"]} Problem */
/** @typedef {Schemas["LineToAdd"]} LineToAdd */
/** @typedef {Schemas["ChangeItemsRequest"]} ChangeItemsRequest */
/** @typedef {Schemas["CreateOrderRequest"]} CreateOrderRequest */
/** @typedef {Schemas["PaymentRequest"]} PaymentRequest */
/** @typedef {Schemas["VoidRequest"]} VoidRequest */
/** @typedef {Schemas["CompRequest"]} CompRequest */
/** @typedef {Schemas["FireRequest"]} FireRequest */
/** @typedef {Schemas["TicketStatusRequest"]} TicketStatusRequest */
/** @typedef {Schemas["SubmitResult"]} SubmitResult */

export {};
