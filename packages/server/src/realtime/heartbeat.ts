import type { Connection } from './connections';

/** Heartbeats a socket may miss before it is closed: it is gone within (MISSED + 1) intervals. */
export const MISSED_PONGS_ALLOWED = 2;

/**
 * R10: a laptop that leaves Wi-Fi never closes its TCP connection. Every interval each socket is
 * pinged (WebSocket ping, answered by every browser by itself); one that answered none of the
 * last two pings is terminated, so its user is offline within 3 intervals (30 s by default).
 */
export function startHeartbeat(
  connections: () => Iterable<Connection>,
  everyMs: number,
  onSilent: (connection: Connection) => void,
): () => void {
  const timer = setInterval(() => {
    for (const c of connections()) {
      if (c.missedPongs >= MISSED_PONGS_ALLOWED) {
        onSilent(c);
        continue;
      }
      c.missedPongs += 1;
      c.socket.ping();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Any pong or frame shows the other side is alive. */
export function watchAlive(c: Connection): void {
  const alive = () => {
    c.missedPongs = 0;
  };
  c.socket.on('pong', alive);
  c.socket.on('message', alive);
}
