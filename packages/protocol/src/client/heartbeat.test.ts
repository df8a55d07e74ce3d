import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHeartbeat, HEARTBEAT } from './heartbeat';

describe('createHeartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings on its interval and calls onSilent when a ping goes unanswered', () => {
    const ping = vi.fn(() => true);
    const onSilent = vi.fn();
    const heartbeat = createHeartbeat(ping, onSilent);
    heartbeat.start();
    vi.advanceTimersByTime(HEARTBEAT.pingEveryMs);
    expect(ping).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(HEARTBEAT.pongTimeoutMs - 1);
    expect(onSilent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilent).toHaveBeenCalledTimes(1);
  });

  it('stays quiet while every ping is answered', () => {
    const onSilent = vi.fn();
    const heartbeat = createHeartbeat(() => true, onSilent);
    heartbeat.start();
    for (let i = 0; i < 5; i += 1) {
      vi.advanceTimersByTime(HEARTBEAT.pingEveryMs);
      heartbeat.pong();
    }
    vi.advanceTimersByTime(HEARTBEAT.pongTimeoutMs);
    expect(onSilent).not.toHaveBeenCalled();
  });

  it('awaits no pong for a ping that could not be sent, and nothing after stop', () => {
    const onSilent = vi.fn();
    const unsent = createHeartbeat(() => false, onSilent);
    unsent.start();
    vi.advanceTimersByTime(HEARTBEAT.pingEveryMs + HEARTBEAT.pongTimeoutMs);
    expect(onSilent).not.toHaveBeenCalled();

    const ping = vi.fn(() => true);
    const stopped = createHeartbeat(ping, onSilent);
    stopped.start();
    vi.advanceTimersByTime(HEARTBEAT.pingEveryMs);
    stopped.stop();
    vi.advanceTimersByTime(HEARTBEAT.pingEveryMs * 3);
    expect(ping).toHaveBeenCalledTimes(1);
    expect(onSilent).not.toHaveBeenCalled();
  });
});
