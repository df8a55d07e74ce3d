import type { TVisitorClientFrame, TVisitorServerFrame } from '@charla/protocol';
import { MAX_FRAME_BYTES, wsCloseCodes } from '../lib/protocol-runtime';
import { backoffDelay, createHeartbeat, idleReconnectDelay, reconnectDelay } from '@charla/protocol/client';

/** Handshakes failed in a row before the token is re-checked (a refused token looks like any network error). */
const RECHECK_TOKEN_AFTER = 3;

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
  /** No conversation and the chat closed: a reconnect can wait behind the live chats (issue 25). */
  isIdle?: () => boolean;
  random?: () => number;
};

function parseFrame(data: string): TVisitorServerFrame | null {
  try {
    return JSON.parse(data) as TVisitorServerFrame;
  } catch {
    return null;
  }
}

/** What to do after a close: re-check the token, reconnect slowly (server busy), or reconnect. */
function afterClose(code: number, failedHandshakes: number): 'recheck' | 'slow' | 'retry' {
  if (code === wsCloseCodes.unauthenticated || failedHandshakes >= RECHECK_TOKEN_AFTER) return 'recheck';
  return code === wsCloseCodes.rateLimited || code === wsCloseCodes.serverFull ? 'slow' : 'retry';
}

function sendOn(socket: WebSocket | null, frame: TVisitorClientFrame): boolean {
  if (!socket || socket.readyState !== WebSocket.OPEN) return false;
  const raw = JSON.stringify(frame);
  if (raw.length > MAX_FRAME_BYTES) return false;
  socket.send(raw);
  return true;
}

/**
 * How long to wait before reconnect attempt `attempt`: a full or rate-limiting server is given room;
 * a lost connection is retried quickly, an idle visitor's spread behind the live chats (issue 25).
 */
function delayBefore(attempt: number, slow: boolean, deps: TVisitorSocketDeps): number {
  const random = deps.random ?? Math.random;
  if (slow) return backoffDelay(attempt + 4, random);
  return (deps.isIdle?.() ? idleReconnectDelay : reconnectDelay)(attempt, random);
}

function watchNetwork(onOnline: () => void, onOffline: () => void): void {
  addEventListener('online', onOnline);
  addEventListener('offline', onOffline);
}

/**
 * One visitor WebSocket that stays connected: reconnects quickly then with jittered backoff, at
 * once when the browser comes back online, and drops a connection that stops answering pings.
 */
export function createVisitorSocket(deps: TVisitorSocketDeps) {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failedHandshakes = 0;
  /** The current socket got the server's `ready`: only then may messages go out (R28). */
  let isReady = false;

  const closeSilent = (): void => socket?.close(4000, 'pong timeout');
  const heartbeat = createHeartbeat(() => send({ type: 'ping' }), closeSilent);
  const clearTimers = (): void => {
    clearTimeout(retryTimer);
    heartbeat.stop();
  };

  const scheduleReconnect = (slow: boolean): void => {
    clearTimers();
    if (stopped) return;
    const delay = delayBefore(attempt, slow, deps);
    attempt += 1;
    retryTimer = setTimeout(connect, delay);
  };

  function connect(): void {
    // Already open or opening (the chat opened, the network came back): its heartbeat keeps running.
    if (socket && socket.readyState <= WebSocket.OPEN) return;
    clearTimers();
    const url = deps.url();
    if (stopped || !url) return;
    deps.onStatus('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    let ready = false;
    ws.onmessage = (event: MessageEvent<string>) => {
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === 'pong') return heartbeat.pong();
      if (frame.type === 'ready') {
        ready = isReady = true;
        attempt = failedHandshakes = 0;
        deps.onStatus('online');
        heartbeat.start();
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
      const next = afterClose(event.code, failedHandshakes);
      if (next !== 'recheck') return scheduleReconnect(next === 'slow');
      failedHandshakes = 0;
      clearTimers();
      deps.onUnauthenticated();
    };
  }

  const send = (frame: TVisitorClientFrame): boolean => sendOn(socket, frame);
  watchNetwork(
    () => {
      attempt = 0;
      connect();
    },
    () => {
      deps.onStatus('offline');
      // A dead socket can look open for a long time: close it so the outbox waits visibly.
      socket?.close(4000, 'offline');
    },
  );

  return {
    connect,
    send,
    isOpen: (): boolean => socket?.readyState === WebSocket.OPEN,
    isReady: (): boolean => isReady && socket?.readyState === WebSocket.OPEN,
    /** Drops a connection that stopped answering; the usual backoff reconnects. */
    reconnect: (): void => socket?.close(4000, 'no answer'),
    stop(): void {
      stopped = true;
      clearTimers();
      socket?.close(1000);
    },
  };
}
export type TVisitorSocket = ReturnType<typeof createVisitorSocket>;
