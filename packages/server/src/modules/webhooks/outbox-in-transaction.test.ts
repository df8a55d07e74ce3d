import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignedConversation } from '../../security/security-fixtures';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { text } from '../../test/visitor-client';
import { newId } from '../../lib/ids';
import { domainEvent } from '../../lib/domain-events';
import { leadFixture } from './lead.fixture';

/**
 * The webhook outbox row is written in the transaction of the change it reports: a change that
 * rolls back leaves no row, and a committed one has its row before any listener runs (so a crash
 * right after the commit loses nothing).
 */
describe('webhook outbox rows live and die with the change they report', () => {
  let server: TestServer;
  let admin: TestUser;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
    const allow = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    expect(allow.statusCode).toBe(200);
    const hook = await server.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: {
        url: 'http://127.0.0.1:9/hook',
        events: ['lead.created', 'conversation.assigned', 'conversation.closed', 'message.created'],
      },
    });
    expect(hook.statusCode, hook.body).toBe(201);
  });
  afterAll(() => server?.close());

  const outboxRows = (event: string, orderKey?: string) => {
    let q = server.charla.services.database.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'body'])
      .where('event', '=', event);
    if (orderKey) q = q.where('order_key', '=', orderKey);
    return q.execute();
  };

  it('writes no row for an event recorded in a transaction that rolls back', async () => {
    const { database, events } = server.charla.services;
    const lead = leadFixture('lead-rolled-back', 'Rolled back');
    let seenInside = 0;
    await expect(
      database.db.transaction().execute(async (tx) => {
        await events.record(tx, [domainEvent('lead.created', { lead })]);
        seenInside = (
          await tx
            .selectFrom('webhook_deliveries')
            .select('body')
            .where('event', '=', 'lead.created')
            .execute()
        ).filter((r) => r.body.includes('lead-rolled-back')).length;
        throw new Error('the change fails after its events were recorded');
      }),
    ).rejects.toThrow('the change fails');
    expect(seenInside).toBe(1);
    const after = (await outboxRows('lead.created')).filter((r) => r.body.includes('lead-rolled-back'));
    expect(after).toHaveLength(0);
  });

  it('rolls a conversation change back with its outbox rows, and commits them together', async () => {
    const alice = await server.createUser('regular', 'Alice');
    const bob = await server.createUser('regular', 'Bob');
    const playbook = await createActivePlaybook(server, admin);
    await goOnline(server, alice);
    const { conversationId, visitor } = await assignedConversation(server, baseUrl, playbook.publicId, alice);
    await visitor.client.close();
    const before = await server.charla.services.conversations.getRow(conversationId);
    const assignedRows = (await outboxRows('conversation.assigned', conversationId)).length;

    // A durable listener that fails: the reassignment must not happen at all.
    const off = server.charla.services.events.onDurable(async (_tx, event) => {
      if (event.name === 'conversation.assigned') throw new Error('outbox write failed');
    });
    const failed = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/reassign`,
      as: alice,
      payload: { userId: bob.id },
    });
    off();
    expect(failed.statusCode).toBe(500);
    const unchanged = await server.charla.services.conversations.getRow(conversationId);
    expect(unchanged).toMatchObject({ status: 'assigned', assignee_id: alice.id, last_seq: before.last_seq });
    expect(await outboxRows('conversation.assigned', conversationId)).toHaveLength(assignedRows);

    // The same change, committed: state, timeline rows and outbox rows all exist.
    const seenAtPublish: number[] = [];
    const offListener = server.charla.services.events.on(
      'conversation.assigned',
      async ({ conversation }) => {
        if (conversation.id === conversationId)
          seenAtPublish.push((await outboxRows('conversation.assigned', conversationId)).length);
      },
    );
    const ok = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/reassign`,
      as: alice,
      payload: { userId: bob.id },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const moved = await server.charla.services.conversations.getRow(conversationId);
    // reassigned + joined timeline rows
    expect(moved).toMatchObject({ status: 'assigned', assignee_id: bob.id, last_seq: before.last_seq + 2 });
    expect(await outboxRows('conversation.assigned', conversationId)).toHaveLength(assignedRows + 1);
    // The listener runs after the commit: the row was already there when it was told.
    await expect.poll(() => seenAtPublish).toEqual([assignedRows + 1]);
    offListener();
  });

  it('stores a chat message with its outbox row, or neither (the subscribed endpoint keeps its transaction)', async () => {
    const carol = await server.createUser('regular', 'Carol');
    const playbook = await createActivePlaybook(server, admin);
    await goOnline(server, carol);
    const { conversationId, visitor } = await assignedConversation(server, baseUrl, playbook.publicId, carol);
    await visitor.client.close();
    const send = (words: string) =>
      server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: carol,
        payload: { clientMsgId: newId(), body: text(words) },
      });
    const before = await server.charla.services.conversations.getRow(conversationId);
    const messageRows = (await outboxRows('message.created', conversationId)).length;

    const off = server.charla.services.events.onDurable(async (_tx, event) => {
      if (event.name === 'message.created') throw new Error('outbox write failed');
    });
    const failed = await send('never stored');
    off();
    expect(failed.statusCode).toBe(500);
    expect(await server.charla.services.conversations.getRow(conversationId)).toMatchObject({
      last_seq: before.last_seq,
    });
    expect(await outboxRows('message.created', conversationId)).toHaveLength(messageRows);

    const ok = await send('stored with its row');
    expect(ok.statusCode, ok.body).toBe(201);
    const rows = await outboxRows('message.created', conversationId);
    expect(rows).toHaveLength(messageRows + 1);
    expect(rows.some((r) => r.body.includes('stored with its row'))).toBe(true);
  });
});
