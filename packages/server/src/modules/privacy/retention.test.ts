import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat, waitForQuestion } from '../../test/chat-steps';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';

const DAY = 86_400_000;

describe('retention: closed conversations and delivery logs past their days', () => {
  const clock = createFakeClock();
  const t0 = clock.now();
  let server: TestServer;
  let admin: TestUser;
  let baseUrl: string;
  let playbook: { publicId: string };

  async function conversation(close: boolean): Promise<string> {
    const visitor = await connectVisitor(baseUrl);
    const id = await startChat(visitor.client, playbook.publicId);
    await waitForQuestion(visitor.client, id);
    await visitor.client.close();
    if (close) {
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${id}/close`,
        as: admin,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    return id;
  }
  const mail = () =>
    server.charla.services.mail.enqueue('test', { to: 'log@example.com', language: 'en', params: {} });
  const count = async (table: 'messages' | 'conversations' | 'mail_outbox', where?: [string, string]) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let q = (server.charla.services.database.db as any)
      .selectFrom(table)
      .select((eb: any) => eb.fn.countAll().as('n'));
    if (where) q = q.where(where[0], '=', where[1]);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    playbook = await createActivePlaybook(server, admin);
  });
  afterAll(() => server.close());

  it('keeps everything until an admin sets days; then deletes exactly what is due, in batches', async () => {
    const oldClosed = [await conversation(true), await conversation(true)];
    const oldOpen = await conversation(false);
    await mail();
    await mail();
    clock.set(t0 + 20 * DAY);
    const recentClosed = await conversation(true);
    await mail();
    clock.set(t0 + 40 * DAY);
    const before = { conversations: await count('conversations'), mails: await count('mail_outbox') };
    expect(await server.charla.services.privacy.runRetention(1, 10)).toEqual({
      conversations: 0,
      visitors: 0,
      webhookDeliveries: 0,
      mails: 0,
    });

    const invalid = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/privacy/settings',
      as: admin,
      payload: { closedConversationDays: 0, deliveryLogDays: 30, privacyUrl: null },
    });
    expect(invalid.statusCode).toBe(422);
    const settings = {
      closedConversationDays: 30,
      deliveryLogDays: 30,
      privacyUrl: 'https://shop.example/privacy',
    };
    const saved = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/privacy/settings',
      as: admin,
      payload: settings,
    });
    expect(saved.json()).toEqual(settings);

    // Batches of one: the two old closed conversations go in two batches, the rest stays.
    expect(await server.charla.services.privacy.runRetention(1, 10)).toEqual({
      conversations: 2,
      visitors: 2,
      webhookDeliveries: 0,
      mails: 2,
    });
    expect(await count('conversations')).toBe(before.conversations - 2);
    expect(await count('mail_outbox')).toBe(before.mails - 2);
    for (const id of oldClosed) {
      expect(await count('messages', ['conversation_id', id])).toBe(0);
      expect(await count('conversations', ['id', id])).toBe(0);
    }
    for (const id of [oldOpen, recentClosed])
      expect(await count('messages', ['conversation_id', id])).toBeGreaterThan(0);

    const log = await server.request({ url: '/api/v1/admin/audit-log', as: admin });
    expect(log.json()).toMatchObject({
      items: [
        { action: 'retention.run', actorId: null, details: { conversations: 2, mails: 2 } },
        { action: 'retention.update', actorName: 'Ada Admin', details: settings },
      ],
    });
  });
});
