// Keeps a page current. Each page gives a `read` that catches up and is safe to run any number of times (a phone
// reads the order whole; the kitchen reads tickets with ?after= from the last one it holds and keeps them by
// sequence), so a missed event or a lost connection loses nothing and repeats nothing.
// With `events`, the page follows the server's event stream (api.openEvents: fetch with a streaming reader, so the
// credential goes in the Authorization header, never in an address) and reads when the stream opens (what happened
// before it) and on each event the page wants. After a drop it reopens with Last-Event-ID, so the stream resumes
// with exactly the events after the last one seen. Reading on an interval is only the fallback: while the stream is
// being reopened, and for good when the server refuses it (a server without the stream answers 404). A stream
// silent for longer than three keep-alives (docs/api.md "Events": one every 15 s) is taken for dead and reopened.
import { ApiError, openEvents } from "./api.js";

/**
 * @typedef {object} Follow
 * @property {() => Promise<void>} now  reads at once (after the page's own change, say)
 * @property {() => void} stop
 */

/** @typedef {"live" | "reconnecting"} LiveState */
/** @typedef {"stream" | "polling"} LiveVia */

/**
 * @typedef {object} EventsOptions
 * @property {import("./api.js").EventStream} stream  the stream to follow (api.orderEvents, api.kitchenEvents)
 * @property {(type: string, data: unknown) => boolean | void} [onEvent]  before the read an event triggers; false: the
 *   event tells the page nothing new, so no read
 */

const silenceMs = 45_000;

/**
 * @param {() => Promise<void>} read
 * @param {{ intervalMs?: number, onState?: (state: LiveState, via: LiveVia) => void, events?: EventsOptions }} [options]
 * @returns {Follow}
 */
export function follow(read, options = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  /** While true, reads happen on events only; otherwise on the interval. */
  let streaming = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let stopped = false;
  /** @type {Promise<void> | null} */
  let running = null;
  let again = false;
  /** @type {AbortController | null} the open stream's connection */
  let connection = null;

  const via = () => (streaming ? "stream" : "polling");

  async function tick() {
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(timer);
    running = (async () => {
      let failed = false;
      try {
        await read();
        options.onState?.("live", via());
      } catch (error) {
        failed = true;
        options.onState?.("reconnecting", via());
        console.warn("live: reading failed; trying again", error instanceof Error ? error.message : "");
      } finally {
        running = null;
        // A failed read is tried again soon, even while a stream is open: the stream may not have noticed yet.
        if (!stopped && (again || failed || !streaming)) timer = setTimeout(tick, again ? 0 : Math.min(intervalMs, 2000));
        again = false;
      }
    })();
    return running;
  }

  /** Follows the stream until the page stops or the server refuses it. @param {EventsOptions} events */
  async function listen(events) {
    /** @type {string | null} */
    let lastId = null;
    let delay = 1000;
    while (!stopped) {
      connection = new AbortController();
      try {
        const body = await openEvents(events.stream, lastId, connection.signal);
        streaming = true;
        delay = 1000;
        void tick(); // whatever happened before the stream opened
        await readEvents(body, connection, (id, type, data) => {
          lastId = id ?? lastId;
          if (events.onEvent?.(type, data) !== false) void tick();
        });
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
          console.warn(`live: the event stream was refused (${error.status}); reading every ${intervalMs} ms instead`);
          streaming = false;
          void tick();
          return;
        }
        console.warn("live: the event stream dropped; reopening", error instanceof Error ? error.message : "");
      }
      if (stopped) return;
      // Until it is open again, the page reads on the interval (and shows whether those reads get through).
      streaming = false;
      options.onState?.("reconnecting", "polling");
      void tick();
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }

  void tick();
  if (options.events) void listen(options.events);
  return {
    now: tick,
    stop() {
      stopped = true;
      clearTimeout(timer);
      connection?.abort();
    },
  };
}

/**
 * Reads one Server-Sent Events stream until it ends (or has been silent too long: then its connection is aborted).
 * @param {ReadableStream<string>} body @param {AbortController} connection
 * @param {(id: string | null, type: string, data: unknown) => void} onEvent
 */
async function readEvents(body, connection, onEvent) {
  const reader = body.getReader();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let watchdog;
  const watch = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => connection.abort(), silenceMs);
  };
  let buffer = "";
  /** @type {{ id: string | null, type: string, data: string[] }} */
  let event = { id: null, type: "message", data: [] };
  try {
    for (watch(); ; watch()) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.search(/\r\n|\r|\n/); end >= 0; end = buffer.search(/\r\n|\r|\n/)) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(buffer.startsWith("\r\n", end) ? end + 2 : end + 1);
        if (line === "") {
          if (event.data.length > 0) onEvent(event.id, event.type, parse(event.data.join("\n")));
          event = { id: null, type: "message", data: [] };
          continue;
        }
        if (line.startsWith(":")) continue; // a keep-alive comment
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") event.id = text;
        else if (field === "event") event.type = text;
        else if (field === "data") event.data.push(text);
      }
    }
  } finally {
    clearTimeout(watchdog);
    connection.abort();
  }
}

/** @param {string} text @returns {unknown} */
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Shows "Live" or "Reconnecting…" in a status element, and in its data-via whether the page follows the event
 * stream or reads on an interval. @param {Element} element
 */
export function showLiveState(element) {
  /** @param {LiveState} state @param {LiveVia} via */
  return (state, via) => {
    element.setAttribute("data-via", via);
    element.setAttribute("title", via === "stream" ? "Following the server's events" : "Reading every few seconds");
    if (element.getAttribute("data-state") === state) return;
    element.textContent = state === "live" ? "Live" : "Reconnecting…";
    element.setAttribute("data-state", state);
  };
}
