import type { SocketStatus } from '../../lib/socket';

type Timers = {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (id: never) => void;
};

/**
 * When the inbox fetches its lists, counts and team. The server registers a socket before it says
 * `ready`, so a fetch that starts after that `ready` misses nothing: what changes later comes as a
 * frame. The first fetches of a page load therefore wait for the socket's first `ready`, and that
 * `ready` needs no catch-up (one fetch per load, not two). Every later `ready` follows a gap (a
 * reconnect, or first fetches that could not wait) and must fetch everything again (R28). When the
 * socket's first attempt fails, or it is slow, the first fetches go anyway and the `ready` after
 * them catches up.
 */
export type FirstReady = {
  /** Resolves when the first fetches may go. */
  settled: Promise<void>;
  /** Takes each socket status; true when it is an `open` that must fetch everything again. */
  onStatus: (status: SocketStatus) => boolean;
};

export function createFirstReady(waitMs: number, timers: Timers = globalThis): FirstReady {
  let release: () => void = () => undefined;
  let done = false;
  const settled = new Promise<void>((resolve) => (release = resolve));
  const settle = (): boolean => {
    if (done) return false;
    done = true;
    timers.clearTimeout(timer as never);
    release();
    return true;
  };
  const timer = timers.setTimeout(settle, waitMs);
  return {
    settled,
    onStatus(status) {
      if (status === 'connecting') return false;
      // The status that settles lets the first fetches go: after it, they need no catch-up.
      if (settle()) return false;
      return status === 'open';
    },
  };
}
