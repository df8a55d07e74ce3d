/** How often a client pings its socket, and how long it waits for the pong before giving up on it. */
export const HEARTBEAT = { pingEveryMs: 25_000, pongTimeoutMs: 10_000 } as const;

export type Heartbeat = { start: () => void; pong: () => void; stop: () => void };

/**
 * A socket's heartbeat, the same for the widget and the inbox: while started it pings every 25 s,
 * and a ping left unanswered for 10 s calls `onSilent` (the caller drops the connection and its
 * usual backoff reconnects). A half-open connection (a sleeping laptop, a dead proxy) is noticed in
 * at most 35 s instead of whenever the operating system gives up on it. `ping` returns false when
 * nothing could be sent (no connection): then no pong is awaited.
 */
export function createHeartbeat(ping: () => boolean, onSilent: () => void, timing = HEARTBEAT): Heartbeat {
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
  };
  return {
    start(): void {
      stop();
      pingTimer = setInterval(() => {
        if (!ping()) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(onSilent, timing.pongTimeoutMs);
      }, timing.pingEveryMs);
    },
    pong: (): void => clearTimeout(pongTimer),
    stop,
  };
}
