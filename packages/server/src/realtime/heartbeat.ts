import type { Connection } from './connections';

/** Heartbeats a socket may miss before it is closed: it is gone within (MISSED + 1) intervals. */
export const MISSED_PONGS_ALLOWED = 2;

/**
 * Slices of the sockets pinged in turn, one slice every interval / SLICES, so 15,000 idle sockets
 * are not all pinged in one tick: that paused every chat for ~150 ms once per interval (issue 25).
 * 20 slices still meant 750 pings in one tick, 20–40 ms on a slow machine, the event loop's p99
 * even at 250 msg/s; at 200 a tick pings 75.
 */
export const HEARTBEAT_SLICES = 200;

/**
 * R10: a laptop that leaves Wi-Fi never closes its TCP connection. Every interval each watched
 * socket is pinged (WebSocket ping, answered by every browser by itself); one that answered none
 * of the last two pings is passed to `onSilent`, so its user is offline within 3 intervals (30 s
 * by default). A socket keeps its slice while it is open: one ping per interval, whatever else
 * opens or closes.
 */
export function createHeartbeat(everyMs: number, onSilent: (connection: Connection) => void) {
  const slices = Array.from({ length: HEARTBEAT_SLICES }, () => new Set<Connection>());
  let opened = 0;
  let turn = 0;
  const timer = setInterval(
    () => {
      turn = (turn + 1) % HEARTBEAT_SLICES;
      for (const c of slices[turn] ?? []) {
        if (c.missedPongs >= MISSED_PONGS_ALLOWED) {
          onSilent(c);
          continue;
        }
        c.missedPongs += 1;
        c.socket.ping();
      }
    },
    Math.max(1, Math.round(everyMs / HEARTBEAT_SLICES)),
  );
  timer.unref();

  return {
    /** Pings this socket from now on until it closes; any pong or frame shows it is alive. */
    watch(c: Connection): void {
      const slice = slices[opened++ % HEARTBEAT_SLICES];
      slice?.add(c);
      const alive = () => {
        c.missedPongs = 0;
      };
      c.socket.on('pong', alive);
      c.socket.on('message', alive);
      c.socket.once('close', () => slice?.delete(c));
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
export type Heartbeat = ReturnType<typeof createHeartbeat>;
