import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT } from '@charla/protocol/client';
import { createVisitorSocket } from './visitor-socket';

/** A stand-in for the browser's WebSocket: records what is sent, opens when told. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  receive(frame: object): void {
    this.readyState = FakeSocket.OPEN;
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

describe('the visitor socket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.made = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('addEventListener', () => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps its heartbeat when asked to connect while already open (the chat opened)', () => {
    const socket = createVisitorSocket({
      url: () => 'ws://chat.example/ws/visitor?token=t',
      onFrame: () => undefined,
      onReady: () => undefined,
      onStatus: () => undefined,
      onUnauthenticated: () => undefined,
    });
    socket.connect();
    const [ws] = FakeSocket.made;
    ws?.receive({ type: 'ready', visitorId: 'v1' });
    socket.connect();
    vi.advanceTimersByTime(HEARTBEAT.pingEveryMs + 1);
    expect(FakeSocket.made).toHaveLength(1);
    expect(ws?.sent.map((raw) => (JSON.parse(raw) as { type: string }).type)).toContain('ping');
  });
});
