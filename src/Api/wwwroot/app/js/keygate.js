// The staff key, entered once per tab and kept in its session storage only (never in an address or a log). Both the
// waiter tablet and the kitchen display ask for it.
import { ApiError } from "./api.js";
import { byId, say } from "./dom.js";

const storageKey = "restaurant.staffKey";

/** Forgets the key (it was refused, or staff signed out). */
export function forgetStaffKey() {
  sessionStorage.removeItem(storageKey);
}

/**
 * Resolves with a staff key the server accepts: the one this tab holds, or one entered in the page's #key form.
 * @param {(key: string) => Promise<unknown>} check a staff-only read
 * @returns {Promise<string>}
 */
export async function staffKey(check) {
  const stored = sessionStorage.getItem(storageKey);
  if (stored) {
    try {
      await check(stored);
      return stored;
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
      forgetStaffKey();
    }
  }
  const section = byId("key");
  const form = /** @type {HTMLFormElement} */ (byId("key-form"));
  const input = /** @type {HTMLInputElement} */ (byId("key-input"));
  const message = byId("message");
  section.hidden = false;
  input.focus();
  return new Promise((resolve) => {
    form.onsubmit = async (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      try {
        await check(key);
      } catch (error) {
        say(message, error instanceof ApiError && (error.status === 401 || error.status === 403)
          ? "That key was not accepted." : "The server cannot be reached.", "error");
        input.select();
        return;
      }
      sessionStorage.setItem(storageKey, key);
      input.value = "";
      section.hidden = true;
      say(message, "");
      resolve(key);
    };
  });
}
