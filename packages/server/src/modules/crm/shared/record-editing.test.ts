import type { TCrmChangeDto, TCrmPipelineDto, TPage } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { countCrmRows, crmClient, type CrmRecord, type ErrorResponse } from './crm.fixtures';

type Entity = 'persons' | 'organizations' | 'leads' | 'deals' | 'activities';

describe('editing CRM records: one PATCH per change, version check, change history', () => {
  let server: TestServer;
  let ana: TestUser;
  let ben: TestUser;
  let crm: ReturnType<typeof crmClient>;
  let benCrm: ReturnType<typeof crmClient>;
  let stages: TCrmPipelineDto['stages'];

  beforeAll(async () => {
    server = await startTestServer();
    ana = await server.createUser('regular', 'Ana Editor');
    ben = await server.createUser('regular', 'Ben Other');
    crm = crmClient(server, ana);
    benCrm = crmClient(server, ben);
    const pipelines = await crm.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines');
    stages = pipelines.body[0]?.stages ?? [];
  });
  afterAll(() => server.close());

  const patch = (entity: Entity, id: string, body: unknown, client = crm) =>
    client.call('PATCH', `/api/v1/crm/${entity}/${id}`, body);
  const history = async (entity: Entity, id: string) =>
    (await crm.call<TPage<TCrmChangeDto>>('GET', `/api/v1/crm/${entity}/${id}/history`)).body.items;

  it('edits every field of a deal and records who changed which field from what to what', async () => {
    const org = await crm.create('organizations', { name: 'Globex' });
    const person = await crm.create('persons', { name: 'Hank Scorpio' });
    const deal = await crm.create('deals', {
      title: 'Hammocks',
      value: { amountMinor: 1150000, currency: 'EUR' },
    });
    expect(deal.version).toBe(1);
    const res = await patch('deals', deal.id, {
      version: 1,
      title: 'Hammocks for all',
      value: { amountMinor: 1200000, currency: 'USD' },
      expectedCloseDate: '2026-12-24',
      stageId: stages[1]?.id,
      status: 'lost',
      lostReason: 'Budget',
      personId: person.id,
      organizationId: org.id,
      ownerId: ben.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 2,
      title: 'Hammocks for all',
      value: { amountMinor: 1200000, currency: 'USD' },
      expectedCloseDate: '2026-12-24',
      stage: { id: stages[1]?.id },
      status: 'lost',
      lostReason: 'Budget',
      person: { id: person.id, name: 'Hank Scorpio' },
      organization: { id: org.id, name: 'Globex' },
      ownerId: ben.id,
    });
    const changes = await history('deals', deal.id);
    const byField = new Map(changes.map((c) => [c.field, c]));
    expect([...byField.keys()].sort()).toEqual(
      [
        'expectedCloseDate',
        'lostReason',
        'organization',
        'ownerId',
        'person',
        'stage',
        'status',
        'title',
        'value',
      ].sort(),
    );
    expect(byField.get('value')).toMatchObject({
      from: { amountMinor: 1150000, currency: 'EUR' },
      to: { amountMinor: 1200000, currency: 'USD' },
      by: { id: ana.id, name: 'Ana Editor' },
      version: 2,
    });
    expect(byField.get('ownerId')).toMatchObject({ from: null, to: { id: ben.id, name: 'Ben Other' } });
    expect(byField.get('stage')).toMatchObject({ from: { id: stages[0]?.id }, to: { id: stages[1]?.id } });
    expect(byField.get('title')).toMatchObject({ from: 'Hammocks', to: 'Hammocks for all' });

    // Reopening drops the lost reason: it only means something while the deal is lost.
    const reopened = await patch('deals', deal.id, { version: 2, status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', lostReason: null, version: 3 });
  });

  it.each<[Entity, Record<string, unknown>, Record<string, unknown>]>([
    [
      'persons',
      { name: 'Ana García' },
      {
        name: 'Ana García-López',
        emails: ['ana@example.com'],
        phones: ['+34 600 111 222'],
        notes: 'Prefers mornings',
      },
    ],
    ['organizations', { name: 'Initech' }, { name: 'Initech S.L.', address: 'Calle Mayor 1, Madrid' }],
    [
      'leads',
      { title: 'Inbound' },
      {
        title: 'Inbound: 40 seats',
        value: { amountMinor: 4000, currency: 'EUR' },
        expectedCloseDate: '2026-06-30',
        labels: ['hot'],
        status: 'archived',
      },
    ],
    [
      'activities',
      { type: 'call', subject: 'Call back' },
      {
        subject: 'Call back Ana',
        type: 'meeting',
        dueAt: 1_800_000_000_000,
        done: true,
        note: 'Bring the offer',
      },
    ],
  ])('edits a %s and keeps its history', async (entity, created, changed) => {
    const record = await crm.create(entity, created);
    const res = await patch(entity, record.id, { version: 1, ...changed, ownerId: undefined });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2 });
    const fields = (await history(entity, record.id)).map((c) => c.field).sort();
    expect(fields).toEqual(Object.keys(changed).sort());
  });

  it('sets the owner of a person, organization and lead and the assignee of an activity, by name in the history', async () => {
    for (const [entity, created, field] of [
      ['persons', { name: 'Owned' }, 'ownerId'],
      ['organizations', { name: 'Owned Org' }, 'ownerId'],
      ['leads', { title: 'Owned lead' }, 'ownerId'],
      ['activities', { type: 'task', subject: 'Owned task' }, 'assigneeId'],
    ] as const) {
      const record = await crm.create(entity, created);
      const res = await patch(entity, record.id, { version: 1, [field]: ben.id });
      expect(res.body).toMatchObject({ [field]: ben.id });
      expect((await history(entity, record.id))[0]).toMatchObject({
        field,
        to: { id: ben.id, name: 'Ben Other' },
      });
    }
  });

  it('refuses a change made on an old version with 409 and the current record, writing nothing', async () => {
    const deal = await crm.create('deals', { title: 'Contended' });
    const first = await patch('deals', deal.id, { version: 1, expectedCloseDate: '2026-01-31' }, benCrm);
    expect(first.status).toBe(200);
    const before = await countCrmRows(server);
    const stale = await patch('deals', deal.id, { version: 1, expectedCloseDate: '2026-02-28' });
    expect(stale.status).toBe(409);
    const error = (stale.body as unknown as ErrorResponse).error;
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({
      current: { id: deal.id, version: 2, expectedCloseDate: '2026-01-31' },
    });
    expect(await countCrmRows(server)).toEqual(before);
    expect((await crm.call<CrmRecord>('GET', `/api/v1/crm/deals/${deal.id}`)).body).toMatchObject({
      expectedCloseDate: '2026-01-31',
    });
  });

  it('lets exactly one of two simultaneous changes on the same version win', async () => {
    const lead = await crm.create('leads', { title: 'Race' });
    const results = await Promise.all([
      patch('leads', lead.id, { version: 1, title: 'Ana wins' }),
      patch('leads', lead.id, { version: 1, title: 'Ben wins' }, benCrm),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await history('leads', lead.id)).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no version', { title: 'x' }],
    ['a version as a string', { version: '1', title: 'x' }],
    ['a version of zero', { version: 0, title: 'x' }],
    ['a fractional version', { version: 1.5, title: 'x' }],
    ['an unknown field', { version: 1, colour: 'red' }],
    ['a read-only field', { version: 1, source: 'api' }],
    ['a creation time', { version: 1, createdAt: 1 }],
    ['a title of the wrong type', { version: 1, title: 42 }],
    ['a value of the wrong type', { version: 1, value: 12 }],
    ['a lost reason of the wrong type', { version: 1, lostReason: ['no'] }],
  ])('refuses a deal patch with %s (422) and changes nothing', async (_label, body) => {
    const deal = await crm.create('deals', { title: 'Strict' });
    const res = await patch('deals', deal.id, body);
    expect(res.status).toBe(422);
    expect((res.body as unknown as ErrorResponse).error.code).toBe('VALIDATION_FAILED');
    expect((await crm.call<CrmRecord>('GET', `/api/v1/crm/deals/${deal.id}`)).body).toEqual(deal);
    expect(await history('deals', deal.id)).toEqual([]);
  });

  it.each<Entity>(['persons', 'organizations', 'leads', 'deals', 'activities'])(
    'answers 404 for the history and a patch of a %s that does not exist',
    async (entity) => {
      const unknown = '01890000-0000-7000-8000-000000000000';
      expect((await crm.call('GET', `/api/v1/crm/${entity}/${unknown}/history`)).status).toBe(404);
      expect((await patch(entity, unknown, { version: 1 })).status).toBe(404);
    },
  );

  it('refuses an owner who is not a user, and a history cursor that is not ours', async () => {
    const org = await crm.create('organizations', { name: 'Ownerless' });
    const res = await patch('organizations', org.id, {
      version: 1,
      ownerId: '01890000-0000-7000-8000-000000000000',
    });
    expect((res.body as unknown as ErrorResponse).error.code).toBe('CRM_REFERENCE_NOT_FOUND');
    const cursor = await crm.call('GET', `/api/v1/crm/organizations/${org.id}/history?cursor=nope`);
    expect(cursor.status).toBe(422);
  });
});
