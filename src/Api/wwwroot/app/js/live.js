// Keeps a page current. For now it reads again on a short interval; each page's `read` is a catch-up that is safe to
// run any number of times (the order is read whole, the kitchen pages with ?after= from the last ticket it holds), so
// a missed beat or a lost connection loses nothing and repeats nothing.

/**
 * @typedef {object} Follow
 * @property {() => Promise<void>} now  reads at once (after the page's own change, say)
 * @property {() => void} stop
 */

/**
 * @param {() => Promise<void>} read
 * @param {{ intervalMs?: number, onState?: (state: "live" | "reconnecting") => void }} [options]
 * @returns {Follow}
 */
export function follow(read, options = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let stopped = false;
  /** @type {Promise<void> | null} */
  let running = null;
  let again = false;

  async function tick() {
    clearTimeout(timer);
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        await read();
        options.onState?.("live");
      } catch (error) {
        options.onState?.("reconnecting");
        console.warn("live: reading failed; trying again", error instanceof Error ? error.message : "");
      } finally {
        running = null;
        if (!stopped) timer = setTimeout(tick, again ? 0 : intervalMs);
        again = false;
      }
    })();
    return running;
  }

  void tick();
  return {
    now: tick,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
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
