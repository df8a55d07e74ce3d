import type { TConversationDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConversationState } from '../modules/notifications/conversation-rows.test-helper';
import { startTestServer, type TestServer, type TestUser } from '../test/harness';
import { startChat } from '../test/chat-steps';
import { createActivePlaybook } from '../test/playbook-setup';
import { connectVisitor, newClientId } from '../test/visitor-client';

/**
 * Two processes on one PostgreSQL database and one Redis bus (issue 25): the rows every message
 * reads come from memory, and a change made on one process shows on the other at once, not after
 * a TTL (they were 2 and 5 s).
 */
describe('shared caches across processes', () => {
  let one: TestServer & Awaited<ReturnType<typeof startTestServer>>;
  let two: TestServer;
  let admin: TestUser;
  let baseUrl: string;
  let publicId: string;

  beforeAll(async () => {
    one = await startTestServer();
    two = await startTestServer({ database: one.database, busChannel: one.busChannel });
    admin = await one.createUser('admin', 'Ada');
    baseUrl = await one.listen();
    publicId = (await createActivePlaybook(one, admin)).publicId;
  });
  afterAll(async () => {
    await two.close();
    await one.close();
    await one.database.drop();
  });

  /** Everything `one` published before this has reached `two` (one connection, in order). */
  async function busCaughtUp(): Promise<void> {
    const marker = `marker-${newClientId()}`;
    const arrived = new Promise<void>((resolve) => {
      const off = two.charla.services.bus.subscribe((event) => {
        if (event.type === 'presence.changed' && event.userId === marker) {
          off();
          resolve();
        }
      });
    });
    await one.charla.services.bus.publish({ type: 'presence.changed', userId: marker });
    await arrived;
  }

  async function conversationOn(server: TestServer, id: string): Promise<TConversationDto> {
    const res = await server.request({ url: `/api/v1/conversations/${id}`, as: admin });
    expect(res.statusCode).toBe(200);
    return res.json<TConversationDto>();
  }

  it("shows the visitor's new page on the other process as soon as the bus carried the change", async () => {
    const visitor = await connectVisitor(baseUrl);
    const id = await startChat(visitor.client, publicId);
    expect((await conversationOn(two, id)).visitor.context.pageUrl).toBe(
      'https://www.customer.example/pricing',
    );

    visitor.client.send({
      type: 'page',
      pageUrl: 'https://www.customer.example/checkout',
      pageTitle: 'Checkout',
    });
    // Stored once the process holding the socket shows it (it forgot its own memory when it wrote).
    await expect
      .poll(async () => (await conversationOn(one, id)).visitor.context.pageTitle, { timeout: 30_000 })
      .toBe('Checkout');
    await busCaughtUp();
    expect((await conversationOn(two, id)).visitor.context).toMatchObject({
      pageUrl: 'https://www.customer.example/checkout',
      pageTitle: 'Checkout',
    });
    await visitor.client.close();
  });

  it("shows a user's new name on the other process's conversations as soon as the bus carried it", async () => {
    const visitor = await connectVisitor(baseUrl);
    const id = await startChat(visitor.client, publicId);
    await visitor.client.close();
    await setConversationState(one.charla.services.database.db, id, {
      status: 'assigned',
      assigneeId: admin.id,
    });
    expect((await conversationOn(two, id)).assignee?.name).toBe('Ada');
    const renamed = await one.request({
      method: 'PATCH',
      url: '/api/v1/me',
      as: admin,
      payload: { name: 'Ada Lovelace' },
    });
    expect(renamed.statusCode).toBe(200);
    await busCaughtUp();
    expect((await conversationOn(two, id)).assignee?.name).toBe('Ada Lovelace');
    expect((await conversationOn(one, id)).assignee?.name).toBe('Ada Lovelace');
  });
});
