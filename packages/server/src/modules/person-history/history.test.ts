import type { TConversationHistoryDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { seedConversation, seedVisitor } from '../search/search.fixtures';

describe('person history beside a conversation', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;

  const history = async (as: TestUser, id: string) =>
    server.request({ url: `/api/v1/conversations/${id}/history`, as });

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
  });
  afterAll(() => server.close());

  it('lists the same visitor’s earlier conversations the viewer may see, never another user’s (R14)', async () => {
    const visitor = await seedVisitor(server);
    const day = 86_400_000;
    const old = await seedConversation(server, {
      messages: ['first visit'],
      status: 'closed',
      visitorId: visitor,
      at: Date.now() - 3 * day,
    });
    const bobs = await seedConversation(server, {
      messages: ['private'],
      status: 'assigned',
      assigneeId: bob.id,
      visitorId: visitor,
      at: Date.now() - 2 * day,
    });
    const current = await seedConversation(server, {
      messages: ['again'],
      status: 'waiting',
      visitorId: visitor,
    });
    const forAlice = await history(alice, current);
    expect(forAlice.statusCode, forAlice.body).toBe(200);
    expect(forAlice.json<TConversationHistoryDto>().conversations.map((c) => c.id)).toEqual([old]);
    const forBob = (await history(bob, current)).json<TConversationHistoryDto>();
    expect(forBob.conversations.map((c) => c.id)).toEqual([bobs, old]);
    expect((await history(alice, bobs)).statusCode).toBe(404);
  });

  it('follows the person across visitors by email and shows their leads, deals and open activities', async () => {
    const first = await seedConversation(server, { messages: ['hola'], status: 'closed' });
    const panel = {
      value: null,
      expectedCloseDate: null,
      person: { name: 'Marta Ibáñez', email: 'marta@ibanez.es', phone: null },
      organization: { name: null, address: null },
      notes: '',
    };
    const lead = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${first}/panel/lead`,
      as: alice,
      payload: { panel },
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const { lead: created } = lead.json<{ lead: { id: string; person: { id: string } } }>();
    const activity = await server.request({
      method: 'POST',
      url: '/api/v1/crm/activities',
      as: alice,
      payload: { type: 'call', subject: 'Call Marta back', personId: created.person.id },
    });
    expect(activity.statusCode, activity.body).toBe(201);

    const second = await seedConversation(server, { messages: ['otra vez'], status: 'waiting' });
    const put = await server.request({
      method: 'PUT',
      url: `/api/v1/conversations/${second}/panel`,
      as: alice,
      payload: panel,
    });
    expect(put.statusCode, put.body).toBe(200);
    const fromSecond = (await history(alice, second)).json<TConversationHistoryDto>();
    expect(fromSecond.conversations).toMatchObject([{ id: first, displayName: 'Marta Ibáñez' }]);
    const fromFirst = (await history(alice, first)).json<TConversationHistoryDto>();
    expect(fromFirst.conversations.map((c) => c.id)).toEqual([second]);
    expect(fromFirst.leads).toMatchObject([{ id: created.id, status: 'open' }]);
    expect(fromFirst.activities).toMatchObject([{ subject: 'Call Marta back', type: 'call' }]);
  });

  it('refuses bad ids and strangers', async () => {
    expect((await history(alice, 'x'.repeat(65))).statusCode).toBe(422);
    expect((await history(alice, 'no-such-conversation')).statusCode).toBe(404);
    const anonymous = await server.request({ url: '/api/v1/conversations/abc/history' });
    expect(anonymous.statusCode).toBe(401);
  });
});
