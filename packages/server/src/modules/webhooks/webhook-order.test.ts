import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TCreatedWebhookDto, TWebhookBody } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignedConversation } from '../../security/security-fixtures';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { newClientId, text } from '../../test/visitor-client';
import { waitFor } from './local-receiver.test-helper';
import { DELIVERY_TIMEOUT_MS } from './webhook-outbox';
import { leadFixture } from './lead.fixture';
import { conversationDtoFixture, messageDtoFixture } from '../notifications/conversation.fixture';

type Received = { path: string; id: string; timestamp: number; body: TWebhookBody };

/**
 * A real receiver: records every delivery; `answer(path, index)` picks 2xx/5xx, or 'hang' to
 * hold the request past Charla's delivery timeout (released at close).
 */
async function startReceiver(answer: (path: string, index: number) => number | 'hang') {
  const received: Received[] = [];
  const hung: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const status = answer(path, received.filter((r) => r.path === path).length);
      received.push({
        path,
        id: String(req.headers['charla-webhook-id']),
        timestamp: Number(req.headers['charla-webhook-timestamp']),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as TWebhookBody,
      });
      if (status === 'hang') hung.push(res);
      else res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('webhook delivery order, retries and timeouts', () => {
  const clock = createFakeClock();
  let server: TestServer;
  let admin: TestUser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const failing = new Set<string>();

  beforeAll(async () => {
    server = await startTestServer({ clock });
    admin = await server.createUser('admin');
    receiver = await startReceiver((path, index) =>
      path === '/slow' && index === 0 ? 'hang' : failing.has(path) ? 500 : 200,
    );
    const res = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });

  async function createWebhook(path: string, events: string[]): Promise<TCreatedWebhookDto> {
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: { url: `${receiver.url}${path}`, events },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TCreatedWebhookDto>();
  }
  const deliverAll = () => server.charla.services.webhookOutbox.deliverDue();
  const seqOf = (r: Received) => (r.body.data as { message?: { seq: number } }).message?.seq;
  const keyAndSeq = (r: Received) => [
    (r.body.data as { conversation: { id: string } }).conversation.id,
    seqOf(r),
  ];

  it('sends conversation.created once and first, then the messages in sequence order', async () => {
    await createWebhook('/live', [
      'conversation.created',
      'conversation.live_chat_requested',
      'conversation.assigned',
      'message.created',
    ]);
    const baseUrl = await server.listen();
    const alice = await server.createUser('regular');
    const playbook = await createActivePlaybook(server, admin);
    await goOnline(server, alice);
    const { visitor, conversationId } = await assignedConversation(server, baseUrl, playbook.publicId, alice);
    for (let i = 0; i < 5; i += 1) {
      const ref = `m${i}`;
      visitor.client.send({
        type: 'send',
        ref,
        conversationId,
        clientMsgId: newClientId(),
        body: text(`hi ${i}`),
      });
      await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === ref);
    }
    await visitor.client.close();
    await waitFor(async () => {
      await deliverAll();
      return receiver.at('/live').filter((r) => r.body.event === 'message.created').length >= 5;
    }, 30_000);
    await deliverAll();

    const mine = receiver.at('/live').filter((r) => {
      const data = r.body.data as { conversation?: { id: string } };
      return data.conversation?.id === conversationId;
    });
    const events = mine.map((r) => r.body.event);
    expect(events[0]).toBe('conversation.created');
    expect(events.filter((e) => e === 'conversation.created')).toHaveLength(1);
    expect(events.indexOf('conversation.live_chat_requested')).toBeLessThan(
      events.indexOf('conversation.assigned'),
    );
    const seqs = mine.map(seqOf).filter((s): s is number => s !== undefined);
    expect(seqs.length).toBeGreaterThanOrEqual(5);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // Each delivery once: the ids are distinct.
    expect(new Set(mine.map((r) => r.id)).size).toBe(mine.length);
  });

  it('holds a conversation’s later events while an earlier one is retrying; other conversations flow', async () => {
    await createWebhook('/held', ['message.created']);
    const emit = (conversationId: string, seq: number) =>
      server.charla.services.events.emit('message.created', {
        conversation: conversationDtoFixture({ id: conversationId }),
        message: { ...messageDtoFixture(conversationId, 'visitor'), seq },
      });
    failing.add('/held');
    emit('conv-a', 1);
    emit('conv-a', 2);
    emit('conv-b', 1);
    emit('conv-a', 3);
    await waitFor(async () => {
      await deliverAll();
      return receiver.at('/held').length >= 2;
    });
    // One attempt each for the heads of conv-a and conv-b; conv-a 2 and 3 wait behind the failure.
    const firstRound = receiver.at('/held').map(keyAndSeq);
    expect(firstRound).toHaveLength(2);
    expect(firstRound).toEqual(
      expect.arrayContaining([
        ['conv-a', 1],
        ['conv-b', 1],
      ]),
    );

    failing.delete('/held');
    clock.advance(30_000);
    await deliverAll();
    const delivered = receiver.at('/held').slice(2).map(keyAndSeq);
    expect(delivered.filter(([id]) => id === 'conv-a')).toEqual([
      ['conv-a', 1],
      ['conv-a', 2],
      ['conv-a', 3],
    ]);
    expect(delivered.filter(([id]) => id === 'conv-b')).toEqual([['conv-b', 1]]);
    // The retry is the same delivery: same id as the first attempt.
    // (Both heads are retried; which conversation goes first in a round is not defined.)
    const headAttempts = receiver.at('/held').filter((r) => keyAndSeq(r)[0] === 'conv-a' && seqOf(r) === 1);
    expect(headAttempts).toHaveLength(2);
    expect(headAttempts[1]?.id).toBe(headAttempts[0]?.id);
  });

  it(`counts an answer later than ${DELIVERY_TIMEOUT_MS / 1000} s as a failure and retries with the same id and a fresh timestamp`, async () => {
    await createWebhook('/slow', ['lead.created']);
    server.charla.services.events.emit('lead.created', { lead: leadFixture('lead-slow', 'Slow') });
    await waitFor(async () => {
      await deliverAll();
      return receiver.at('/slow').length === 1;
    }, DELIVERY_TIMEOUT_MS + 10_000);
    // deliverDue returns once the attempt timed out.
    await waitFor(async () => (await deliverAll()) === 0 && receiver.at('/slow').length === 1);
    clock.advance(30_000);
    await deliverAll();
    const [first, retry] = receiver.at('/slow');
    expect(retry?.id).toBe(first?.id);
    expect(retry?.body).toEqual(first?.body);
    expect(retry!.timestamp).toBeGreaterThan(first!.timestamp);
  }, 240_000);
});
