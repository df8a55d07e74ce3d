import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness';
import { seedConversation } from '../search/search.fixtures';

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
