// Keeps a page current. Each page gives a `read` that catches up and is safe to run any number of times (a phone
// reads the order whole; the kitchen reads tickets with ?after= from the last one it holds and keeps them by
// sequence), so a missed event or a lost connection loses nothing and repeats nothing. With `events`, the page
// follows the server's event stream (fetch with a streaming reader, so the credential goes in the Authorization
// header, never in an address) and reads on each event, resuming with Last-Event-ID after a drop; a server
// without the stream (404) is read on a short interval instead.

/**
 * @typedef {object} Follow
 * @property {() => Promise<void>} now  reads at once (after the page's own change, say)
 * @property {() => void} stop
 */

/**
 * @typedef {object} EventsOptions
 * @property {string} path  the stream's address
 * @property {string} token  the diner's token or the staff key
 * @property {(type: string, data: unknown) => void} [onEvent]  before the read an event triggers
 */

/**
 * @param {() => Promise<void>} read
 * @param {{ intervalMs?: number, onState?: (state: "live" | "reconnecting") => void, events?: EventsOptions }} [options]
 * @returns {Follow}
 */
export function follow(read, options = {}) {
  const pollMs = options.intervalMs ?? 1000;
  // With a stream, reading on a timer is only a safety net.
  let intervalMs = options.events ? 30_000 : pollMs;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let stopped = false;
  /** @type {Promise<void> | null} */
  let running = null;
  let again = false;
  const abort = new AbortController();

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
        options.onState?.("live");
      } catch (error) {
        failed = true;
        options.onState?.("reconnecting");
        console.warn("live: reading failed; trying again", error instanceof Error ? error.message : "");
      } finally {
        running = null;
        // A failed read is tried again soon, even when a stream is followed: the stream may not have noticed yet.
        if (!stopped) timer = setTimeout(tick, again ? 0 : failed ? Math.min(intervalMs, 2000) : intervalMs);
        again = false;
      }
    })();
    return running;
  }

  async function listen(/** @type {EventsOptions} */ events) {
    /** @type {string | null} */
    let lastId = null;
    let delay = 1000;
    while (!stopped) {
      try {
        const opened = await openStream(events, lastId, abort.signal, (id, type, data) => {
          lastId = id ?? lastId;
          delay = 1000;
          events.onEvent?.(type, data);
          void tick();
        });
        if (opened === "missing") {
          intervalMs = pollMs; // no stream on this server: read on the short interval instead
          void tick();
          return;
        }
      } catch (error) {
        if (stopped) return;
        options.onState?.("reconnecting");
        console.warn("live: the event stream dropped; reconnecting", error instanceof Error ? error.message : "");
      }
      if (stopped) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
      void tick(); // catch up on whatever happened while disconnected
    }
  }

  void tick();
  if (options.events) void listen(options.events);
  return {
    now: tick,
    stop() {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
    },
  };
}

/**
 * Reads one Server-Sent Events stream until it ends. "missing" when the server has no such stream.
 * @param {EventsOptions} events @param {string | null} lastId @param {AbortSignal} signal
 * @param {(id: string | null, type: string, data: unknown) => void} onEvent
 * @returns {Promise<"ended" | "missing">}
 */
async function openStream(events, lastId, signal, onEvent) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "text/event-stream", Authorization: `Bearer ${events.token}` };
  if (lastId) headers["Last-Event-ID"] = lastId;
  const response = await fetch(events.path, { headers, signal, cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer" });
  if (response.status === 404 || response.status === 405) return "missing";
  if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  /** @type {{ id: string | null, type: string, data: string[] }} */
  let event = { id: null, type: "message", data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return "ended";
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
}

/** @param {string} text @returns {unknown} */
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Shows "live" or "reconnecting…" in a status element. @param {Element} element */
export function showLiveState(element) {
  /** @param {"live" | "reconnecting"} state */
  return (state) => {
    if (element.getAttribute("data-state") === state) return;
    element.textContent = state === "live" ? "Live" : "Reconnecting…";
    element.setAttribute("data-state", state);
  };
}
