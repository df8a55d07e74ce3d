import type { TPage } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { countCrmRows, crmClient, type CrmRecord } from './crm.fixtures';

describe('crm search and pagination', () => {
  let server: TestServer;
  let user: TestUser;
  let crm: ReturnType<typeof crmClient>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    user = await server.createUser('regular');
    crm = crmClient(server, user);
    const acme = await crm.create('organizations', { name: 'ACME Widgets' });
    ids.acme = acme.id;
    ids.zoe = (
      await crm.create('persons', {
        name: 'Zoë Ümlaut',
        emails: ['Zoe@Example.ORG'],
        organizationId: acme.id,
      })
    ).id;
    ids.percent = (await crm.create('persons', { name: '100% Percent', phones: ['+49 151 2345678'] })).id;
    ids.underscore = (await crm.create('persons', { name: 'under_score' })).id;
    ids.quote = (await crm.create('persons', { name: "O'Brien" })).id;
    ids.plain = (await crm.create('persons', { name: 'Plain Person' })).id;
    ids.lead = (await crm.create('leads', { title: 'Website redesign', personId: ids.zoe })).id;
  });
  afterAll(() => server.close());

  const search = async (path: string, q: string) =>
    (await crm.list(path, `q=${encodeURIComponent(q)}`)).items.map((i) => i.id);

  it('matches names case-insensitively, also beyond ASCII', async () => {
    expect(await search('persons', 'ZOË')).toEqual([ids.zoe]);
    expect(await search('persons', 'ümlaut')).toEqual([ids.zoe]);
  });

  it('matches emails, phones (in any format) and the organization name', async () => {
    expect(await search('persons', 'example.org')).toEqual([ids.zoe]);
    expect(await search('persons', '+49 (151) 234')).toEqual([ids.percent]);
    expect(await search('persons', 'acme')).toEqual([ids.zoe]);
  });

  it('finds leads through their person’s email and their organization', async () => {
    expect(await search('leads', 'zoe@example')).toEqual([ids.lead]);
    expect(await search('leads', 'REDESIGN')).toEqual([ids.lead]);
    expect(await search('leads', 'nothing like it')).toEqual([]);
  });

  it('searches words, not characters: symbols alone find nothing, "o\'b" finds O\'Brien', async () => {
    for (const q of ['%', '_', "'", '!', '\\']) expect(await search('persons', q)).toEqual([]);
    expect(await search('persons', "o'b")).toEqual([ids.quote]);
    expect(await search('persons', 'under_sc')).toEqual([ids.underscore]);
  });

  it('is the full-text search: accent-folded both ways and ranked, on every list page', async () => {
    const garcia = (await crm.create('persons', { name: 'Lucía García' })).id;
    const mention = (await crm.create('persons', { name: 'Pedro Ruiz', notes: 'garcia referred him' })).id;
    const deal = (await crm.create('deals', { title: 'García renewal' })).id;
    const twice = (await crm.create('leads', { title: 'GARCIA garcía follow-up' })).id;
    const once = (await crm.create('leads', { title: 'Follow-up for García and many other words here' })).id;
    expect(await search('persons', 'garcia')).toEqual(expect.arrayContaining([garcia, mention]));
    expect(await search('persons', 'GARCÍA luc')).toEqual([garcia]);
    expect(await search('deals', 'garcía')).toEqual([deal]);
    expect(await search('leads', 'garcia')).toEqual([twice, once]);
    expect(await search('organizations', 'widgets acm')).toEqual([ids.acme]);
  });

  it('survives injection attempts without errors or extra rows', async () => {
    const before = await countCrmRows(server);
    for (const q of [
      "'; drop table crm_persons; --",
      "' or '1'='1",
      '" or 1=1 --',
      '%%%',
      '_%_',
      ') or (1=1',
    ]) {
      const res = await crm.call('GET', `/api/v1/crm/persons?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body?.items).toEqual([]);
    }
    expect(await countCrmRows(server)).toEqual(before);
  });

  it('pages through a list with an opaque cursor, newest first, without gaps or repeats', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1)
      created.push((await crm.create('organizations', { name: `Paged Org ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: TPage<CrmRecord> = await crm.list(
        'organizations',
        `q=paged&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
  });

  it('refuses a forged cursor and an out-of-range limit with 422', async () => {
    expect((await crm.call('GET', '/api/v1/crm/persons?cursor=bm90LWEtY3Vyc29y')).body).toMatchObject({
      error: { code: 'INVALID_CURSOR' },
    });
    expect((await crm.call('GET', '/api/v1/crm/persons?limit=0')).status).toBe(422);
    expect((await crm.call('GET', '/api/v1/crm/persons?limit=abc')).status).toBe(422);
    expect((await crm.call('GET', '/api/v1/crm/persons?sort=name')).body).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('filters persons by organization', async () => {
    expect((await crm.list('persons', `organizationId=${ids.acme}`)).items.map((i) => i.id)).toEqual([
      ids.zoe,
    ]);
  });
});
