import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { TAgentServerFrame, TMessageDto, TVisitorServerFrame } from '@charla/protocol';

type AnyFrame = TVisitorServerFrame | TAgentServerFrame;

/**
 * A frame as waiters see it: a message may reach a socket live (`message`) or inside a
 * `messages` frame (a subscribe answer or a gap the server filled from the database: the server
 * never sends one socket a seq twice), so each message of a `messages` frame also counts as a
 * `message` for `waitFor`. `frames` keeps exactly what arrived.
 */
function viewsOf<F extends AnyFrame>(frame: F): F[] {
  if (frame.type !== 'messages') return [frame];
  return [frame, ...frame.messages.map((message) => ({ type: 'message', message }) as F)];
}

/** A real WebSocket client that records every frame and can wait for one matching a predicate. */
export class FrameClient<F extends AnyFrame = AnyFrame> {
  readonly frames: F[] = [];
  private waiters: { predicate: (f: F) => boolean; resolve: (f: F) => void }[] = [];
  closeCode: number | null = null;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const frame = JSON.parse((raw as Buffer).toString('utf8')) as F;
      this.frames.push(frame);
      const views = viewsOf(frame);
      this.waiters = this.waiters.filter((w) => {
        const match = views.find((v) => w.predicate(v));
        if (!match) return true;
        w.resolve(match);
        return false;
      });
    });
    socket.on('close', (code) => {
      this.closeCode = code;
    });
  }

  static async connect<F extends AnyFrame>(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<FrameClient<F>> {
    const socket = new WebSocket(url, { headers });
    const client = new FrameClient<F>(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    return client;
  }

  send(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Resolves with the first frame (already received or future) that matches. */
  waitFor<T extends F>(predicate: (f: F) => f is T, timeoutMs?: number): Promise<T>;
  waitFor(predicate: (f: F) => boolean, timeoutMs?: number): Promise<F>;
  waitFor(predicate: (f: F) => boolean, timeoutMs = 20_000): Promise<F> {
    const seen = this.frames.flatMap(viewsOf).find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`timed out waiting for a frame; got ${JSON.stringify(this.frames.slice(-5))}`)),
        timeoutMs,
      );
      this.waiters.push({ predicate, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  /**
   * Subscribes to a conversation, as an inbox that opens it, and waits for the answer: the
   * socket gets its messages from there on (R28). Resolves with the answer's messages.
   */
  async follow(conversationId: string, lastSeq = 0): Promise<TMessageDto[]> {
    const ref = `follow-${newClientId()}`;
    const answered = this.frames.length;
    this.send({ type: 'subscribe', ref, conversationId, lastSeq });
    const reply = await this.waitFor(
      (f) =>
        this.frames.indexOf(f) >= answered &&
        ((f.type === 'messages' && f.conversationId === conversationId) ||
          (f.type === 'error' && f.ref === ref)),
    );
    if (reply.type === 'error') throw new Error(`subscribe refused: ${reply.code}`);
    return reply.type === 'messages' ? reply.messages : [];
  }

  /** Messages received through `message` and `messages` frames, deduplicated and ordered by seq. */
  messages(conversationId?: string): TMessageDto[] {
    const bySeq = new Map<string, TMessageDto>();
    for (const f of this.frames) {
      const list =
        f.type === 'message'
          ? [f.message]
          : f.type === 'messages'
            ? f.messages
            : f.type === 'ack'
              ? [f.message]
              : [];
      for (const m of list)
        if (!conversationId || m.conversationId === conversationId)
          bySeq.set(`${m.conversationId}:${m.seq}`, m);
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

/** Gets a visitor token over REST (as the widget does) and opens the visitor socket. */
export async function connectVisitor(
  baseUrl: string,
  token?: string,
): Promise<{ token: string; visitorId: string; client: FrameClient<TVisitorServerFrame> }> {
  const res = await fetch(`${baseUrl}/api/v1/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(token ? { visitorToken: token } : {}),
  });
  const body = (await res.json()) as { visitorToken: string; visitorId: string };
  const client = await FrameClient.connect<TVisitorServerFrame>(
    `${baseUrl.replace('http', 'ws')}/ws/visitor?token=${body.visitorToken}`,
  );
  await client.waitFor((f) => f.type === 'ready');
  return { token: body.visitorToken, visitorId: body.visitorId, client };
}

/** Opens the agent socket with a user's cookie and our Origin. */
export async function connectAgent(
  baseUrl: string,
  cookie: string,
  origin: string,
): Promise<FrameClient<TAgentServerFrame>> {
  const client = await FrameClient.connect<TAgentServerFrame>(`${baseUrl.replace('http', 'ws')}/ws/agent`, {
    cookie,
    origin,
  });
  await client.waitFor((f) => f.type === 'ready');
  return client;
}

export function newClientId(): string {
  return randomBytes(8).toString('hex');
}

export function text(value: string) {
  return {
    type: 'doc' as const,
    content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: value }] }],
  };
}
