import type { TConversationSearchResult, TCrmSearchResult } from '@charla/protocol';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createConversationsStore } from '../conversations/index';
import { testDialect } from '../../test/test-db';
import { newId } from '../../lib/ids';
import { indexQueuedMessages } from './message-indexer.store';
import { seedConversation } from './search.fixtures';

const filler = (i: number) => `message number ${i} about shipping and invoices`;

describe('inbox search', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  const ids: Record<string, string> = {};

  const search = async (as: TestUser, q: string, extra = '') => {
    const res = await server.request({
      url: `/api/v1/search/conversations?q=${encodeURIComponent(q)}${extra}`,
      as,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TConversationSearchResult>();
  };

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
    const old = Date.UTC(2025, 0, 15);
    const long = Array.from({ length: 500 }, (_, i) =>
      i === 0 ? 'Hello, my order zeppelinous arrived broken' : filler(i),
    );
    ids.old = await seedConversation(server, { messages: long, status: 'closed', at: old });
    ids.garcia = await seedConversation(server, {
      messages: ['Buenos días'],
      status: 'waiting',
      visitorName: 'Lucía García',
    });
    ids.bobs = await seedConversation(server, {
      messages: ['secret quokka project, please call me'],
      status: 'assigned',
      assigneeId: bob.id,
      visitorName: 'Quentin Quokka',
    });
    ids.alices = await seedConversation(server, {
      messages: ['the quokka shipment is late'],
      status: 'assigned',
      assigneeId: alice.id,
    });
  }, 120_000);
  afterAll(() => server.close());

  it('finds a word from the first of 500 messages of an old closed conversation', async () => {
    const result = await search(alice, 'zeppelinous');
    expect(result.items.map((i) => i.conversation.id)).toEqual([ids.old]);
    const hit = result.items[0]?.match;
    expect(hit).toMatchObject({ field: 'message', seq: 1 });
    expect(hit?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['zeppelinous']);
    expect((await search(alice, 'zeppelinous', '&folder=closed')).items).toHaveLength(1);
    expect((await search(alice, 'zeppelinous', '&folder=unassigned')).items).toHaveLength(0);
  });

  it('folds accents and case both ways: "garcia" finds "García" and "GARCÍA" too', async () => {
    for (const q of ['garcia', 'GARCÍA', 'lucia garc']) {
      const result = await search(alice, q);
      expect(result.items.map((i) => i.conversation.id)).toEqual([ids.garcia]);
      expect(result.items[0]?.match.field).toBe('profile');
      expect(result.items[0]?.conversation.visitor.displayName).toBe('Lucía García');
    }
    const marked = (await search(alice, 'garcia')).items[0]?.match.snippet.filter((s) => s.match);
    expect(marked?.map((s) => s.text)).toEqual(['García']);
  });

  it('never returns another user’s assigned conversation (R14), by message or by name', async () => {
    const forAlice = await search(alice, 'quokka');
    expect(forAlice.items.map((i) => i.conversation.id)).toEqual([ids.alices]);
    expect((await search(alice, 'quentin')).items).toEqual([]);
    expect((await search(alice, 'quokka', '&folder=mine')).items.map((i) => i.conversation.id)).toEqual([
      ids.alices,
    ]);
    const forBob = await search(bob, 'quokka');
    expect(forBob.items.map((i) => i.conversation.id)).toEqual([ids.bobs]);
  });

  it('finds what the side panel says about the person, and shows it as the conversation’s name', async () => {
    const put = await server.request({
      method: 'PUT',
      url: `/api/v1/conversations/${ids.old}/panel`,
      as: alice,
      payload: {
        value: null,
        expectedCloseDate: null,
        person: { name: 'Émile Zola', email: 'emile@example.fr', phone: '+33 6 12 34 56 78' },
        organization: { name: 'Rougon Macquart', address: null },
        notes: 'Prefers calls',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    for (const q of ['emile zola', 'emile@example.fr', '33612345678', 'macquart', 'prefers'])
      expect(
        (await search(alice, q)).items.map((i) => i.conversation.id),
        q,
      ).toEqual([ids.old]);
    const detail = await server.request({ url: `/api/v1/conversations/${ids.old}`, as: alice });
    expect(detail.json<{ visitor: { displayName: string; email: string } }>().visitor).toMatchObject({
      displayName: 'Émile Zola',
      email: 'emile@example.fr',
    });
  });

  it('treats query syntax as words and refuses an empty query', async () => {
    for (const q of ['"', 'NEAR(', '*', 'a OR', '-', "'); drop table messages; --"]) {
      const res = await server.request({
        url: `/api/v1/search/conversations?q=${encodeURIComponent(q)}`,
        as: alice,
      });
      expect(res.statusCode, q).toBe(200);
    }
    const empty = await server.request({ url: '/api/v1/search/conversations?q=', as: alice });
    expect(empty.statusCode).toBe(422);
    expect(empty.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    const unknown = await server.request({ url: '/api/v1/search/conversations?q=x&sort=1', as: alice });
    expect(unknown.statusCode).toBe(422);
    const anonymous = await server.request({ url: '/api/v1/search/conversations?q=x' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('never turns message text into markup: highlights are plain-text segments', async () => {
    const id = await seedConversation(server, {
      messages: ['<b>bold</b> xylophone <img src=x onerror=alert(1)>'],
      status: 'waiting',
    });
    const hit = (await search(alice, 'xylophone')).items.find((i) => i.conversation.id === id);
    expect(hit?.match.snippet).toEqual([
      { text: '<b>bold</b> ', match: false },
      { text: 'xylophone', match: true },
      { text: ' <img src=x onerror=alert(1)>', match: false },
    ]);
  });
});

describe('the message index (issue 25: SQLite indexes new messages in batches)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let user: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    user = await server.createUser('admin');
  });
  afterAll(() => server.close());

  const db = () => server.charla.services.database.db;
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    Number((await query.execute(db())).rows[0]?.n);
  const queued = () => count(sql<{ n: number }>`select count(*) as n from search_pending`);
  const indexed = (messageId: string) =>
    count(sql<{ n: number }>`select count(*) as n from search_messages where message_id = ${messageId}`);
  const message = (conversationId: string, seq: number, text: string) => ({
    id: newId(),
    conversation_id: conversationId,
    seq,
    author_kind: 'visitor' as const,
    author_id: null,
    author_name: 'Visitor',
    author_avatar_url: null,
    client_msg_id: null,
    body: JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    }),
    meta: null,
    created_at: Date.now(),
  });

  it('finds a message as soon as it is stored: a search indexes the queue first', async () => {
    const id = await seedConversation(server, {
      messages: ['the narwhal invoice is wrong'],
      status: 'waiting',
    });
    const res = await server.request({ url: '/api/v1/search/conversations?q=narwhal', as: user });
    expect(res.json<TConversationSearchResult>().items.map((i) => i.conversation.id)).toEqual([id]);
    if (testDialect === 'sqlite') expect(await queued()).toBe(0);
  });

  // A handle of its own, so the server's background jobs do not count.
  async function statementsOfOneMessage(text: string, withinWrites: boolean) {
    const conversationId = await seedConversation(server, { messages: ['first'], status: 'waiting' });
    const own = await server.database.open();
    try {
      const { seq: _unset, ...fresh } = message(conversationId, 0, text);
      const before = own.statements();
      const stored = await createConversationsStore(own.db).appendMessage(
        { ...fresh, client_msg_id: newId() },
        {},
        undefined,
        async () => undefined,
        withinWrites,
      );
      const statements = own.statements() - before;
      expect(stored?.message.seq).toBe(2);
      if (testDialect === 'postgres') expect(await indexed(stored?.message.id ?? '')).toBe(1);
      const res = await server.request({ url: `/api/v1/search/conversations?q=${text}`, as: user });
      expect(res.json<TConversationSearchResult>().items.map((i) => i.conversation.id)).toEqual([
        conversationId,
      ]);
      return statements;
    } finally {
      await own.close();
    }
  }

  it('stores a chat message in one statement inside its transaction, search entry included', async () => {
    // BEGIN, the CTE (sequence number, message, index entry), COMMIT on PostgreSQL; on SQLite
    // the UPDATE and the INSERT apart (the trigger queues the index entry), no round trips.
    expect(await statementsOfOneMessage('manatee', true)).toBe(testDialect === 'postgres' ? 3 : 4);
  });

  it('stores a chat message with nothing else to write as one statement alone on PostgreSQL', async () => {
    // No BEGIN and COMMIT around the CTE: one round trip. SQLite keeps its commit group.
    expect(await statementsOfOneMessage('dugong', false)).toBe(testDialect === 'postgres' ? 1 : 4);
  });

  it.runIf(testDialect === 'sqlite')(
    'drops a message erased before its batch, and indexes the one that takes its rowid',
    async () => {
      const conversationId = await seedConversation(server, { messages: ['first'], status: 'waiting' });
      const erased = message(conversationId, 2, 'walrus');
      const next = message(conversationId, 3, 'pelican');
      // One transaction, so the background batch cannot run in between: the newest message is
      // erased and the next insert takes its rowid again while it is still queued.
      await db()
        .transaction()
        .execute(async (tx) => {
          await tx.insertInto('messages').values(erased).execute();
          await tx.deleteFrom('messages').where('id', '=', erased.id).execute();
          await tx.insertInto('messages').values(next).execute();
        });
      await indexQueuedMessages(db());
      expect(await queued()).toBe(0);
      expect(await indexed(erased.id)).toBe(0);
      expect(await indexed(next.id)).toBe(1);
    },
  );
});

describe('crm search', () => {
  let server: TestServer;
  let user: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    user = await server.createUser('regular');
  });
  afterAll(() => server.close());

  const post = async (path: string, payload: Record<string, unknown>) => {
    const res = await server.request({ method: 'POST', url: `/api/v1/crm/${path}`, as: user, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  const search = async (q: string) =>
    (
      await server.request({ url: `/api/v1/search/crm?q=${encodeURIComponent(q)}`, as: user })
    ).json<TCrmSearchResult>().items;

  it('covers every text field, folds accents and follows edits', async () => {
    const person = await post('persons', { name: 'José Núñez', emails: ['jose@nunez.es'] });
    const org = await post('organizations', { name: 'Viñedos Sol', address: 'Camino Real 5, Logroño' });
    await post('leads', { title: 'Barrels order', personId: person.id });
    expect((await search('nunez')).map((h) => h.type).sort()).toEqual(['lead', 'person']);
    expect((await search('logrono')).map((h) => h.id)).toEqual([org.id]);
    const patch = await server.request({
      method: 'PATCH',
      url: `/api/v1/crm/organizations/${org.id}`,
      as: user,
      payload: { version: org.version, address: 'Gran Vía 1, Haro' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await search('logrono')).toEqual([]);
    const [hit] = await search('haro');
    expect(hit).toMatchObject({ type: 'organization', id: org.id, title: 'Viñedos Sol' });
    expect(hit?.snippet.some((s) => s.match && s.text === 'Haro')).toBe(true);
  });
});
