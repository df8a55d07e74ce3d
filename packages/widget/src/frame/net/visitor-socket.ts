import type { TVisitorClientFrame, TVisitorServerFrame } from '@charla/protocol';
import { MAX_FRAME_BYTES, wsCloseCodes } from '../lib/protocol-runtime';
import { backoffDelay } from '@charla/protocol/client';

const PING_EVERY_MS = 25_000;
/** Handshakes failed in a row before the token is re-checked (a refused token looks like any network error). */
const RECHECK_TOKEN_AFTER = 3;
const PONG_TIMEOUT_MS = 10_000;

export type TSocketStatus = 'connecting' | 'online' | 'offline';

export type TVisitorSocketDeps = {
  url: () => string | null;
  onFrame: (frame: TVisitorServerFrame) => void;
  /** Called once the server said `ready`: resubscribe and flush the outbox here. */
  onReady: () => void;
  onStatus: (status: TSocketStatus) => void;
  /** The socket closed with this code (after `onStatus`). */
  onClosed?: (code: number) => void;
  /**
   * The token may have been refused (the server answers the upgrade with 401, which a browser
   * reports as a plain failed connection): re-check it over HTTP, then call `connect` again.
   */
  onUnauthenticated: () => void;
  random?: () => number;
};

/**
 * One visitor WebSocket that stays connected: reconnects with jittered exponential backoff, at
 * once when the browser comes back online, and drops a connection that stops answering pings.
 */
export function createVisitorSocket(deps: TVisitorSocketDeps) {
  const random = deps.random ?? Math.random;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failedHandshakes = 0;
  /** The current socket got the server's `ready`: only then may messages go out (R28). */
  let isReady = false;

  const clearTimers = (): void => {
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
  };

  const scheduleReconnect = (slow: boolean): void => {
    clearTimers();
    if (stopped) return;
    const delay = backoffDelay(attempt + (slow ? 4 : 0), random);
    attempt += 1;
    retryTimer = setTimeout(connect, delay);
  };

  function connect(): void {
    clearTimers();
    const url = deps.url();
    if (stopped || !url) return;
    if (socket && socket.readyState <= WebSocket.OPEN) return;
    deps.onStatus('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    let ready = false;
    ws.onmessage = (event: MessageEvent<string>) => {
      let frame: TVisitorServerFrame;
      try {
        frame = JSON.parse(event.data) as TVisitorServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'pong') {
        clearTimeout(pongTimer);
        return;
      }
      if (frame.type === 'ready') {
        ready = true;
        isReady = true;
        attempt = 0;
        failedHandshakes = 0;
        deps.onStatus('online');
        pingTimer = setInterval(() => {
          if (!send({ type: 'ping' })) return;
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => ws.close(4000, 'pong timeout'), PONG_TIMEOUT_MS);
        }, PING_EVERY_MS);
        deps.onReady();
      }
      deps.onFrame(frame);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      isReady = false;
      deps.onStatus(navigator.onLine === false ? 'offline' : 'connecting');
      deps.onClosed?.(event.code);
      if (!ready) failedHandshakes += 1;
      if (event.code === wsCloseCodes.unauthenticated || failedHandshakes >= RECHECK_TOKEN_AFTER) {
        failedHandshakes = 0;
        clearTimers();
        deps.onUnauthenticated();
        return;
      }
      const slow = event.code === wsCloseCodes.rateLimited || event.code === wsCloseCodes.serverFull;
      scheduleReconnect(slow);
    };
  }

  function send(frame: TVisitorClientFrame): boolean {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    const raw = JSON.stringify(frame);
    if (raw.length > MAX_FRAME_BYTES) return false;
    socket.send(raw);
    return true;
  }

  addEventListener('online', () => {
    attempt = 0;
    connect();
  });
  addEventListener('offline', () => {
    deps.onStatus('offline');
    // A dead socket can look open for a long time: close it so the outbox waits visibly.
    socket?.close(4000, 'offline');
  });

  return {
    connect,
    send,
    isOpen: (): boolean => socket?.readyState === WebSocket.OPEN,
    isReady: (): boolean => isReady && socket?.readyState === WebSocket.OPEN,
    /** Drops a connection that stopped answering; the usual backoff reconnects. */
    reconnect(): void {
      socket?.close(4000, 'no answer');
    },
    stop(): void {
      stopped = true;
      clearTimers();
      socket?.close(1000);
    },
  };
}
export type TVisitorSocket = ReturnType<typeof createVisitorSocket>;
