/**
 * Open live feeds (SSE) by the session that opened them, so logging out closes them at once and a
 * feed never outlives its session's expiry (issue 13). Keys are session-token digests.
 */
export class SessionFeeds {
  readonly #bySession = new Map<string, Set<() => void>>();

  /**
   * Registers a feed's `close`; it is called at logout or when `expiresAt` passes, whichever comes
   * first. Returns the function that unregisters it (call it when the feed ends by itself).
   */
  add(sessionKey: string, expiresAt: string | null, nowMs: number, close: () => void): () => void {
    let set = this.#bySession.get(sessionKey);
    if (!set) this.#bySession.set(sessionKey, (set = new Set()));
    let timer: NodeJS.Timeout | null = null;
    const end = () => {
      remove();
      close();
    };
    const remove = () => {
      if (timer) clearTimeout(timer);
      set.delete(end);
      if (set.size === 0) this.#bySession.delete(sessionKey);
    };
    set.add(end);
    if (expiresAt !== null) {
      const ms = Math.max(0, Date.parse(expiresAt) - nowMs);
      // Timers hold at most ~24.8 days; a longer session is re-checked by the client's reconnect.
      if (ms < 2 ** 31 - 1) {
        timer = setTimeout(end, ms);
        timer.unref();
      }
    }
    return remove;
  }

  /** Closes every feed of the session (logout). */
  closeSession(sessionKey: string): number {
    const set = this.#bySession.get(sessionKey);
    if (!set) return 0;
    const ends = [...set];
    for (const end of ends) end();
    return ends.length;
  }

  /** Open feeds (for tests and health). */
  get size(): number {
    let n = 0;
    for (const s of this.#bySession.values()) n += s.size;
    return n;
  }
}
