import {
  errorCatalogue,
  isErrorCode,
  wsCloseCodes,
  type TAgentClientFrame,
  type TAgentServerFrame,
} from '@charla/protocol';
import { backoffDelay, createHeartbeat, reconnectDelay } from '@charla/protocol/client';

export type SocketStatus = 'connecting' | 'open' | 'offline';
type FrameListener = (frame: TAgentServerFrame) => void;
type StatusListener = (status: SocketStatus, reconnected: boolean) => void;
type CloseListener = (code: number) => void;

/** A subscribe's ref names its conversation, so a refusal can be told apart and retried. */
const SUBSCRIBE_REF = 'subscribe:';
/** A refusal a retry may change: the server's trouble (5xx) or too many requests, by the catalogue. */
const passing = (code: string) =>
  isErrorCode(code) && (errorCatalogue[code].status >= 500 || code === 'RATE_LIMITED');
/** A subscribe refused for a passing reason (the database busy or restarting) is sent again. */
const SUBSCRIBE_RETRIES = 5;
type SubscribeRetry = { count: number; timer: ReturnType<typeof setTimeout> | null };

/**
 * The inbox's one WebSocket to /ws/agent. It reconnects with backoff, re-subscribes every open
 * conversation with the last sequence it has seen (the server replays what was missed), and
 * reports status so the UI can show a banner. Frames that fail while offline are the caller's
 * to retry (sends are idempotent by clientMsgId).
 */
export class AgentSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private everOpened = false;
  private stopped = true;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** A ping unanswered for 10 s drops the connection (a half-open one would otherwise look open). */
  private readonly heartbeat = createHeartbeat(
    () => this.send({ type: 'ping' }),
    () => this.reconnect(),
  );
  private readonly frameListeners = new Set<FrameListener>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly closeListeners = new Set<CloseListener>();
  /** conversationId → a getter for the last sequence we hold, read at (re)subscribe time. */
  private readonly subscriptions = new Map<string, () => number>();
  /** conversationId → subscribes refused in a row for a passing reason, and the timer of the next. */
  private readonly subscribeRetries = new Map<string, SubscribeRetry>();
  status: SocketStatus = 'offline';

  constructor(
    private readonly url: string,
    private readonly onSessionEnded: () => void,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.heartbeat.stop();
    this.ws?.close(1000);
    this.ws = null;
    this.setStatus('offline', false);
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onClose(listener: CloseListener): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Open and the server said `ready`: only then may messages go out (R28). */
  isReady(): boolean {
    return this.status === 'open' && this.ws?.readyState === WebSocket.OPEN;
  }

  /** Drops a connection that stopped answering; the usual backoff reconnects. */
  reconnect(): void {
    this.ws?.close(4000, 'no answer');
  }

  /** Sends a frame when connected; returns false when it could not be sent (caller retries). */
  send(frame: TAgentClientFrame): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  subscribe(conversationId: string, lastSeq: () => number): void {
    this.subscriptions.set(conversationId, lastSeq);
    // Before `ready` the subscription waits: the ready handler subscribes everything.
    if (this.isReady()) this.sendSubscribe(conversationId);
  }

  unsubscribe(conversationId: string): void {
    this.forgetRetry(conversationId);
    if (!this.subscriptions.delete(conversationId)) return;
    this.send({ type: 'unsubscribe', conversationId });
  }

  private sendSubscribe(conversationId: string): void {
    const lastSeq = this.subscriptions.get(conversationId);
    if (lastSeq)
      this.send({
        type: 'subscribe',
        ref: `${SUBSCRIBE_REF}${conversationId}`,
        conversationId,
        lastSeq: lastSeq(),
      });
  }

  /**
   * A subscribe the server refused for a passing reason (a database error, a restart under way)
   * goes again after a jittered backoff, a few times: the open thread would otherwise stay without
   * live messages until the next reconnect. Refusals a retry cannot change are left alone.
   */
  private retrySubscribe(frame: Extract<TAgentServerFrame, { type: 'error' }>): void {
    const conversationId = frame.ref?.startsWith(SUBSCRIBE_REF)
      ? frame.ref.slice(SUBSCRIBE_REF.length)
      : null;
    if (conversationId === null || !this.subscriptions.has(conversationId)) return;
    const count = this.subscribeRetries.get(conversationId)?.count ?? 0;
    this.forgetRetry(conversationId);
    if (!passing(frame.code)) return;
    // Past the last try the count stays, so a late refusal does not start over (a reconnect does).
    const resend = () => {
      if (this.isReady()) this.sendSubscribe(conversationId);
    };
    const timer = count < SUBSCRIBE_RETRIES ? setTimeout(resend, backoffDelay(count + 1)) : null;
    this.subscribeRetries.set(conversationId, { count: count + 1, timer });
  }

  private forgetRetry(conversationId: string): void {
    const timer = this.subscribeRetries.get(conversationId)?.timer;
    if (timer) clearTimeout(timer);
    this.subscribeRetries.delete(conversationId);
  }

  private readonly reconnectNow = (): void => {
    if (this.stopped || this.status === 'open') return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.connect();
  };

  private connect(): void {
    this.setStatus('connecting', false);
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onmessage = (event: MessageEvent<string>) => {
      let frame: TAgentServerFrame;
      try {
        frame = JSON.parse(event.data) as TAgentServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'ready') this.onReady();
      if (frame.type === 'pong') this.heartbeat.pong();
      if (frame.type === 'error') this.retrySubscribe(frame);
      for (const listener of this.frameListeners) listener(frame);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.heartbeat.stop();
      for (const listener of this.closeListeners) listener(event.code);
      if (this.stopped) return;
      if (event.code === wsCloseCodes.unauthenticated || event.code === wsCloseCodes.sessionEnded) {
        this.stop();
        this.onSessionEnded();
        return;
      }
      this.setStatus('offline', false);
      this.retryTimer = setTimeout(() => this.connect(), reconnectDelay(this.attempt));
      this.attempt += 1;
    };
  }

  /** The server accepted the connection: resubscribe, then report "open" (sends may go out now). */
  private onReady(): void {
    const reconnected = this.everOpened;
    this.everOpened = true;
    this.attempt = 0;
    for (const conversationId of this.subscriptions.keys()) {
      this.forgetRetry(conversationId);
      this.sendSubscribe(conversationId);
    }
    this.heartbeat.start();
    this.setStatus('open', reconnected);
  }

  private setStatus(status: SocketStatus, reconnected: boolean): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status, reconnected);
  }
}

export function agentSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws/agent`;
}
