import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness';
import { seedConversation } from '../search/search.fixtures';
import { createReportFacts } from './report-facts';
import { createReportFactsStore } from './report-facts.store';

// The background catch-up recomputes changed conversations a few at a time (issue 25: one batch
// of every live chat held SQLite for 100–200 ms); paging must still reach every one of them.
describe('report facts catch-up', () => {
  let server: TestServer;

  beforeAll(() => startTestServer().then((s) => void (server = s)));
  afterAll(() => server.close());

  it('recomputes every changed conversation across many batches, once each', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 130; i += 1)
      ids.push(await seedConversation(server, { messages: [`question ${i}`], status: 'waiting' }));
    const { facts } = server.charla.services.reports;
    expect(await facts.catchUp()).toBeGreaterThanOrEqual(130);
    const rows = await server.charla.services.database.db
      .selectFrom('report_facts')
      .select('conversation_id')
      .where('conversation_id', 'in', ids)
      .execute();
    expect(new Set(rows.map((r) => r.conversation_id))).toEqual(new Set(ids));
    // Nothing changed since: the next catch-up from where it got to finds nothing.
    expect(await facts.catchUp()).toBe(0);
  });
});

// While messages flow, a catch-up that followed every new change recomputed the same chats
// message after message (issue 25): it now ends where the conversations stood when it started.
describe('a report facts catch-up with chats written to meanwhile', () => {
  let server: TestServer;

  beforeAll(() => startTestServer().then((s) => void (server = s)));
  afterAll(() => server.close());

  it('leaves a chat written to during the run to the next run', async () => {
    const before = [
      await seedConversation(server, { messages: ['first'], status: 'waiting' }),
      await seedConversation(server, { messages: ['second'], status: 'waiting' }),
    ];
    const store = createReportFactsStore(server.charla.services.database.db);
    let meanwhile: Promise<string> | null = null;
    const facts = createReportFacts({
      ...store,
      async changedSince(...args: Parameters<typeof store.changedSince>) {
        const changed = await store.changedSince(...args);
        // A chat starts while the first batch is being read: after the run began.
        meanwhile ??= seedConversation(server, { messages: ['meanwhile'], status: 'waiting' });
        await meanwhile;
        return changed;
      },
    });
    expect(await facts.catchUp()).toBe(before.length);
    const late = await meanwhile!;
    expect(await facts.catchUp()).toBe(1);
    const rows = await server.charla.services.database.db
      .selectFrom('report_facts')
      .select('conversation_id')
      .execute();
    expect(new Set(rows.map((r) => r.conversation_id))).toEqual(new Set([...before, late]));
  });
});
