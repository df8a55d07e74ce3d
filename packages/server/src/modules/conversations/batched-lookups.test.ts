import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { startTestServer } from '../../test/harness';
import { testDialect } from '../../test/test-db';
import { seedConversation } from '../search/search.fixtures';
import { createConversationLookups } from './conversation-lookups.store';
import { createConversationsStore } from './conversations.store';

/**
 * Issue 25 (round trips per chat message on PostgreSQL): the conversation reads many messages ask
 * in the same turn (the row before each send, the state when its notification goes out) are one
 * statement; each still reads the database as it is.
 */
describe.runIf(testDialect === 'postgres')('conversation reads on PostgreSQL', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  // Its own connections to the server's database: the server's jobs never count among its statements.
  let database: DatabaseHandle;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    for (const status of ['waiting', 'assigned', 'closed'] as const)
      ids.push(await seedConversation(server, { messages: ['hello'], status }));
    database = await server.database.open();
  });
  afterAll(async () => {
    await database?.close();
    await server?.close();
  });

  /** The statements `database` sent while `work` ran. */
  async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = database.statements();
    const result = await work();
    return { result, statements: database.statements() - before };
  }

  it('reads the rows asked together with one statement, each row its own', async () => {
    const store = createConversationsStore(database.db);
    const { result, statements } = await statementsOf(() =>
      Promise.all([...ids, 'missing', ids[0] as string].map((id) => store.findById(id))),
    );
    expect(statements).toBe(1); // five without
    expect(result.map((row) => row?.id ?? null)).toEqual([...ids, null, ids[0]]);
    expect(result.map((row) => row?.status ?? null)).toEqual([
      'waiting',
      'assigned',
      'closed',
      null,
      'waiting',
    ]);
    expect(result[4]).not.toBe(result[0]);
  });

  it('reads states asked together with one statement, and a change made since', async () => {
    const db = database.db;
    const lookups = createConversationLookups(db);
    const { result, statements } = await statementsOf(() =>
      Promise.all([...ids, ...ids].map((id) => lookups.stateOf(id))),
    );
    expect(statements).toBe(1); // six without
    expect(result.map((s) => s?.status)).toEqual([
      'waiting',
      'assigned',
      'closed',
      'waiting',
      'assigned',
      'closed',
    ]);
    await db
      .updateTable('conversations')
      .set({ status: 'closed' })
      .where('id', '=', ids[0] as string)
      .execute();
    expect((await lookups.stateOf(ids[0] as string))?.status).toBe('closed');
    expect(await lookups.stateOf('missing')).toBeNull();
  });
});
