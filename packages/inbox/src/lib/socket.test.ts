import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TAgentServerFrame } from '@charla/protocol';
import { AgentSocket } from './socket';

/** A browser WebSocket stand-in: records what the inbox sends, lets the test answer. */
class FakeWebSocket {
  static readonly OPEN = 1;
  static last: FakeWebSocket | null = null;
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.last = this;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {}
  /** The server accepts the connection. */
  open() {
    this.readyState = FakeWebSocket.OPEN;
    this.receive({ type: 'ready', userId: 'u1' } as unknown as TAgentServerFrame);
  }
  receive(frame: TAgentServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  subscribes(conversationId: string) {
    return this.sent.filter((f) => f.type === 'subscribe' && f.conversationId === conversationId);
  }
}

function connectedSocket() {
  const socket = new AgentSocket('ws://inbox.test/ws/agent', () => undefined);
  socket.start();
  const ws = FakeWebSocket.last!;
  ws.open();
  return { socket, ws };
}

const refused = (conversationId: string, code: string) =>
  ({ type: 'error', ref: `subscribe:${conversationId}`, code, message: code }) as TAgentServerFrame;

describe('the inbox socket: a refused subscribe (issue 25 review)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeWebSocket);
    vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('subscribes again after a passing refusal, from the last sequence held then', async () => {
    const { socket, ws } = connectedSocket();
    let lastSeq = 4;
    socket.subscribe('c1', () => lastSeq);
    expect(ws.subscribes('c1')).toEqual([
      { type: 'subscribe', ref: 'subscribe:c1', conversationId: 'c1', lastSeq: 4 },
    ]);
    ws.receive(refused('c1', 'SERVICE_UNAVAILABLE'));
    lastSeq = 6;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ws.subscribes('c1').map((f) => f.lastSeq)).toEqual([4, 6]);
    socket.stop();
  });

  it('gives up after a few tries, and never retries a final refusal or a closed thread', async () => {
    const { socket, ws } = connectedSocket();
    socket.subscribe('c1', () => 1);
    for (let i = 0; i < 8; i += 1) {
      ws.receive(refused('c1', 'INTERNAL'));
      await vi.advanceTimersByTimeAsync(60_000);
    }
    expect(ws.subscribes('c1')).toHaveLength(6); // the first and five retries

    socket.subscribe('c2', () => 1);
    ws.receive(refused('c2', 'CONVERSATION_NOT_FOUND'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ws.subscribes('c2')).toHaveLength(1);

    socket.subscribe('c4', () => 1);
    ws.receive(refused('c4', 'VALIDATION_FAILED'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ws.subscribes('c4')).toHaveLength(1);

    socket.subscribe('c3', () => 1);
    ws.receive(refused('c3', 'INTERNAL'));
    socket.unsubscribe('c3');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ws.subscribes('c3')).toHaveLength(1);
    socket.stop();
  });
});
