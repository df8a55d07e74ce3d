import type {
  TConvertCrmLeadResponse,
  TCrmActivityDto,
  TCrmLeadDto,
  TCrmPipelineDto,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { countCrmRows, crmClient } from '../shared/crm.fixtures';

const UNKNOWN_ID = '01890000-0000-7000-8000-000000000000';

describe('convert dialog and My activities (issue 15)', () => {
  let server: TestServer;
  let user: TestUser;
  let other: TestUser;
  let crm: ReturnType<typeof crmClient>;

  beforeAll(async () => {
    server = await startTestServer();
    user = await server.createUser('regular');
    other = await server.createUser('regular');
    crm = crmClient(server, user);
  });
  afterAll(() => server.close());

  it('converts with the values the dialog confirmed: title, value, close date, person, organization, stage', async () => {
    const org = await crm.create('organizations', { name: 'Dialog Org' });
    const person = await crm.create('persons', { name: 'Dora Dialog' });
    const lead = await crm.create<TCrmLeadDto>('leads', {
      title: 'Dialog lead',
      value: { amountMinor: 1000, currency: 'EUR' },
      personId: person.id,
    });
    const [pipeline] = (await crm.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines')).body;
    const stage = pipeline?.stages[2];
    const res = await crm.call<TConvertCrmLeadResponse>('POST', `/api/v1/crm/leads/${lead.id}/convert`, {
      version: lead.version,
      title: 'Dialog deal',
      value: { amountMinor: 1200000, currency: 'USD' },
      expectedCloseDate: '2027-01-15',
      organizationId: org.id,
      pipelineId: pipeline?.id,
      stageId: stage?.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.deal).toMatchObject({
      title: 'Dialog deal',
      value: { amountMinor: 1200000, currency: 'USD' },
      expectedCloseDate: '2027-01-15',
      person: { id: person.id },
      organization: { id: org.id },
      stage: { id: stage?.id },
      leadId: lead.id,
    });
  });

  it('refuses a stale version, wrong types, unknown fields and unknown records, converting nothing', async () => {
    const lead = await crm.create<TCrmLeadDto>('leads', { title: 'Stale convert' });
    await crm.call('PATCH', `/api/v1/crm/leads/${lead.id}`, { version: lead.version, title: 'Changed' });
    const before = await countCrmRows(server);
    const cases: [string, unknown, number, string][] = [
      ['a stale version', { version: lead.version }, 409, 'CONFLICT'],
      ['a version as text', { version: '2' }, 422, 'VALIDATION_FAILED'],
      ['a value as a number', { value: 12 }, 422, 'VALIDATION_FAILED'],
      ['an unknown field', { status: 'won' }, 422, 'VALIDATION_FAILED'],
      ['a malformed close date', { expectedCloseDate: '15/01/2027' }, 422, 'VALIDATION_FAILED'],
      ['an unknown person', { personId: UNKNOWN_ID }, 422, 'CRM_REFERENCE_NOT_FOUND'],
    ];
    for (const [label, payload, status, code] of cases) {
      const res = await crm.call('POST', `/api/v1/crm/leads/${lead.id}/convert`, payload);
      expect(res.status, label).toBe(status);
      expect(res.body, label).toMatchObject({ error: { code } });
    }
    const conflict = await crm.call<{ error: { details: { current: TCrmLeadDto } } }>(
      'POST',
      `/api/v1/crm/leads/${lead.id}/convert`,
      { version: lead.version },
    );
    expect(conflict.body.error.details.current).toMatchObject({
      title: 'Changed',
      version: lead.version + 1,
    });
    expect(await countCrmRows(server)).toEqual(before);
    expect((await crm.call('GET', `/api/v1/crm/leads/${lead.id}`)).body).toMatchObject({ status: 'open' });
  });

  it('lists a user’s open activities by due window (overdue, today, upcoming, undated)', async () => {
    const now = Date.UTC(2030, 5, 15, 12);
    const startOfDay = Date.UTC(2030, 5, 15);
    const endOfDay = Date.UTC(2030, 5, 16);
    const make = (subject: string, dueAt: number | null, assigneeId = user.id, done = false) =>
      crm.create<TCrmActivityDto>('activities', { type: 'call', subject, dueAt, assigneeId, done });
    const overdue = await make('Overdue call', startOfDay - 3_600_000);
    const today = await make('Today call', now);
    const upcoming = await make('Upcoming call', endOfDay + 86_400_000);
    await make('Done call', now, user.id, true);
    await make('Colleague call', now, other.id);
    const undated = await make('Undated call', null);
    await make('Done undated call', null, user.id, true);
    const window = async (range: string) =>
      (await crm.list<TCrmActivityDto>('activities', `assigneeId=${user.id}&done=false&${range}`)).items.map(
        (a) => a.id,
      );
    expect(await window(`dueFrom=${startOfDay - 86_400_000 * 30}&dueBefore=${startOfDay}`)).toEqual([
      overdue.id,
    ]);
    expect(await window(`dueFrom=${startOfDay}&dueBefore=${endOfDay}`)).toEqual([today.id]);
    expect(await window(`dueFrom=${endOfDay}`)).toEqual([upcoming.id]);
    expect(await window('undated=true')).toEqual([undated.id]);
    for (const bad of [
      'dueFrom=soon',
      'dueBefore=-1',
      'dueFrom=1.5',
      'due=today',
      'undated=yes',
      'undated=',
    ]) {
      const res = await crm.call('GET', `/api/v1/crm/activities?${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.body, bad).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });
});
