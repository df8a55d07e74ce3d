import type { TConvertCrmLeadResponse, TCrmPipelineDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { countCrmRows, crmClient } from '../shared/crm.fixtures';

const UNKNOWN_ID = '01890000-0000-7000-8000-000000000000';

describe('crm leads, deals, conversion and pipelines', () => {
  let server: TestServer;
  let admin: TestUser;
  let user: TestUser;
  let crm: ReturnType<typeof crmClient>;
  let adminCrm: ReturnType<typeof crmClient>;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin');
    user = await server.createUser('regular');
    crm = crmClient(server, user);
    adminCrm = crmClient(server, admin);
  });
  afterAll(() => server.close());

  it('seeds a default pipeline with stages that every user can read', async () => {
    const res = await crm.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines');
    expect(res.status).toBe(200);
    const [first] = res.body;
    expect(first).toMatchObject({ isDefault: true, name: 'Sales' });
    expect(first?.stages.length).toBeGreaterThanOrEqual(3);
  });

  it('creates a lead with money in minor units and updates its labels and status', async () => {
    const lead = await crm.create('leads', {
      title: 'Big order',
      value: { amountMinor: 125050, currency: 'EUR' },
      expectedCloseDate: '2026-03-31',
      labels: ['hot', 'hot', 'b2b'],
    });
    expect(lead).toMatchObject({
      value: { amountMinor: 125050, currency: 'EUR' },
      expectedCloseDate: '2026-03-31',
      labels: ['hot', 'b2b'],
      status: 'open',
      source: 'manual',
      convertedDealId: null,
    });
    const archived = await crm.call('PATCH', `/api/v1/crm/leads/${lead.id}`, {
      version: 1,
      status: 'archived',
      labels: ['cold'],
    });
    expect(archived.body).toMatchObject({ status: 'archived', labels: ['cold'] });
    expect((await crm.list('leads', 'status=archived')).items.map((l) => l.id)).toContain(lead.id);
    expect((await crm.list('leads', 'status=open')).items.map((l) => l.id)).not.toContain(lead.id);
  });

  it.each([
    ['a negative value', { title: 'L', value: { amountMinor: -1, currency: 'EUR' } }, 'VALIDATION_FAILED'],
    [
      'a fractional minor amount',
      { title: 'L', value: { amountMinor: 10.5, currency: 'EUR' } },
      'VALIDATION_FAILED',
    ],
    [
      'an unknown currency',
      { title: 'L', value: { amountMinor: 100, currency: 'XYZ' } },
      'VALIDATION_FAILED',
    ],
    [
      'a lower-case currency',
      { title: 'L', value: { amountMinor: 100, currency: 'eur' } },
      'VALIDATION_FAILED',
    ],
    ['a value as a string', { title: 'L', value: '100 EUR' }, 'VALIDATION_FAILED'],
    ['a malformed date', { title: 'L', expectedCloseDate: '31/03/2026' }, 'VALIDATION_FAILED'],
    ['an impossible date', { title: 'L', expectedCloseDate: '2026-02-30' }, 'VALIDATION_FAILED'],
    ['a status on create', { title: 'L', status: 'converted' }, 'VALIDATION_FAILED'],
    ['a source', { title: 'L', source: 'api' }, 'VALIDATION_FAILED'],
    ['a converted deal id', { title: 'L', convertedDealId: UNKNOWN_ID }, 'VALIDATION_FAILED'],
    ['a title of the wrong type', { title: { text: 'L' } }, 'VALIDATION_FAILED'],
    ['an unknown person', { title: 'L', personId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
    ['an unknown organization', { title: 'L', organizationId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
    ['an unknown owner', { title: 'L', ownerId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
  ])('refuses a lead with %s and writes nothing', async (_label, payload, code) => {
    const before = await countCrmRows(server);
    const res = await crm.call('POST', '/api/v1/crm/leads', payload);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code } });
    expect(await countCrmRows(server)).toEqual(before);
  });

  it.each([
    ['a negative value', { title: 'D', value: { amountMinor: -100, currency: 'USD' } }, 'VALIDATION_FAILED'],
    [
      'an unknown currency',
      { title: 'D', value: { amountMinor: 100, currency: 'BTC' } },
      'VALIDATION_FAILED',
    ],
    ['a malformed date', { title: 'D', expectedCloseDate: '2026-1-1' }, 'VALIDATION_FAILED'],
    ['an unknown status', { title: 'D', status: 'maybe' }, 'VALIDATION_FAILED'],
    ['a lead id', { title: 'D', leadId: UNKNOWN_ID }, 'VALIDATION_FAILED'],
    ['an unknown pipeline', { title: 'D', pipelineId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
    ['an unknown stage', { title: 'D', stageId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
    ['an unknown person', { title: 'D', personId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
  ])('refuses a deal with %s and writes nothing', async (_label, payload, code) => {
    const before = await countCrmRows(server);
    const res = await crm.call('POST', '/api/v1/crm/deals', payload);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code } });
    expect(await countCrmRows(server)).toEqual(before);
  });

  it('puts a deal without placement in the default pipeline’s first stage, and moves it between stages', async () => {
    const [pipeline] = (await crm.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines')).body;
    const deal = await crm.create('deals', {
      title: 'Default placed',
      value: { amountMinor: 5000, currency: 'JPY' },
    });
    expect(deal).toMatchObject({
      pipelineId: pipeline?.id,
      stage: { id: pipeline?.stages[0]?.id, name: pipeline?.stages[0]?.name },
      status: 'open',
    });
    const moved = await crm.call('PATCH', `/api/v1/crm/deals/${deal.id}`, {
      version: 1,
      stageId: pipeline?.stages[1]?.id,
      status: 'won',
    });
    expect(moved.body).toMatchObject({ stage: { id: pipeline?.stages[1]?.id }, status: 'won' });
    expect((await crm.list('deals', `stageId=${pipeline?.stages[1]?.id}`)).items.map((d) => d.id)).toContain(
      deal.id,
    );
  });

  it('refuses a stage from another pipeline with CRM_STAGE_NOT_IN_PIPELINE', async () => {
    const [defaultPipeline] = (await crm.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines')).body;
    const other = await adminCrm.create<TCrmPipelineDto>('pipelines', {
      name: 'Partners',
      stages: [{ name: 'Intro' }, { name: 'Signed' }],
    });
    const res = await crm.call('POST', '/api/v1/crm/deals', {
      title: 'Mismatch',
      pipelineId: defaultPipeline?.id,
      stageId: other.stages[1]?.id,
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'CRM_STAGE_NOT_IN_PIPELINE' } });
  });

  it('converts a lead into a deal keeping person, organization, value, notes and activities', async () => {
    const org = await crm.create('organizations', { name: 'Convert Co' });
    const person = await crm.create('persons', { name: 'Carla Convert', organizationId: org.id });
    const lead = await crm.create('leads', {
      title: 'To convert',
      personId: person.id,
      organizationId: org.id,
      value: { amountMinor: 99900, currency: 'GBP' },
      ownerId: user.id,
    });
    const note = await crm.create('notes', {
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Asked for a demo' }] }],
      },
      leadId: lead.id,
    });
    const activity = await crm.create('activities', { type: 'call', subject: 'Call back', leadId: lead.id });

    const res = await crm.call<TConvertCrmLeadResponse>('POST', `/api/v1/crm/leads/${lead.id}/convert`, {});
    expect(res.status).toBe(200);
    const { lead: converted, deal } = res.body;
    expect(converted).toMatchObject({ status: 'converted', convertedDealId: deal.id });
    expect(deal).toMatchObject({
      title: 'To convert',
      person: { id: person.id },
      organization: { id: org.id },
      value: { amountMinor: 99900, currency: 'GBP' },
      ownerId: user.id,
      leadId: lead.id,
    });
    expect((await crm.call('GET', `/api/v1/crm/notes/${note.id}`)).body).toMatchObject({
      leadId: lead.id,
      dealId: deal.id,
    });
    expect((await crm.call('GET', `/api/v1/crm/activities/${activity.id}`)).body).toMatchObject({
      leadId: lead.id,
      dealId: deal.id,
    });

    const again = await crm.call('POST', `/api/v1/crm/leads/${lead.id}/convert`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'CRM_LEAD_NOT_OPEN' } });
    const reopen = await crm.call('PATCH', `/api/v1/crm/leads/${lead.id}`, { version: 2, status: 'open' });
    expect(reopen.body).toMatchObject({ error: { code: 'CRM_LEAD_NOT_OPEN' } });
  });

  it('converts into a chosen pipeline and refuses an unknown one without writing', async () => {
    const lead = await crm.create('leads', { title: 'Pipeline choice' });
    const before = await countCrmRows(server);
    const bad = await crm.call('POST', `/api/v1/crm/leads/${lead.id}/convert`, { pipelineId: UNKNOWN_ID });
    expect(bad.body).toMatchObject({ error: { code: 'CRM_REFERENCE_NOT_FOUND' } });
    expect(await countCrmRows(server)).toEqual(before);
    expect((await crm.call('GET', `/api/v1/crm/leads/${lead.id}`)).body).toMatchObject({ status: 'open' });

    const partners = await adminCrm.create<TCrmPipelineDto>('pipelines', {
      name: 'Converted here',
      stages: [{ name: 'First' }],
    });
    const ok = await crm.call<TConvertCrmLeadResponse>('POST', `/api/v1/crm/leads/${lead.id}/convert`, {
      pipelineId: partners.id,
    });
    expect(ok.body.deal).toMatchObject({ pipelineId: partners.id, stage: { id: partners.stages[0]?.id } });
  });

  it('lets only admins edit pipelines: regular 403, anonymous 401', async () => {
    const [pipeline] = (await crm.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines')).body;
    const attempts: ['POST' | 'PATCH' | 'DELETE', string, Record<string, unknown> | undefined][] = [
      ['POST', '/api/v1/crm/pipelines', { name: 'Nope', stages: [{ name: 'A' }] }],
      ['PATCH', `/api/v1/crm/pipelines/${pipeline?.id}`, { name: 'Renamed' }],
      ['DELETE', `/api/v1/crm/pipelines/${pipeline?.id}`, undefined],
      ['POST', `/api/v1/crm/pipelines/${pipeline?.id}/stages`, { name: 'Extra' }],
      ['PATCH', `/api/v1/crm/stages/${pipeline?.stages[0]?.id}`, { name: 'Renamed' }],
      ['DELETE', `/api/v1/crm/stages/${pipeline?.stages[0]?.id}`, undefined],
    ];
    for (const [method, url, payload] of attempts) {
      const asUser = await server.request({
        method,
        url,
        as: user,
        ...(payload ? { payload } : {}),
      });
      expect(asUser.statusCode, `${method} ${url}`).toBe(403);
      const anonymous = await server.request({
        method,
        url,
        ...(payload ? { payload } : {}),
      });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await crm.call('GET', `/api/v1/crm/pipelines/${pipeline?.id}`)).body).toEqual(pipeline);
  });

  it('lets admins manage stages, but not delete a used stage, the last stage or the default pipeline', async () => {
    const pipeline = await adminCrm.create<TCrmPipelineDto>('pipelines', {
      name: 'Admin edits',
      stages: [{ name: 'One' }],
    });
    const withTwo = await adminCrm.call<TCrmPipelineDto>(
      'POST',
      `/api/v1/crm/pipelines/${pipeline.id}/stages`,
      {
        name: 'Two',
      },
    );
    expect(withTwo.body.stages.map((s) => s.name)).toEqual(['One', 'Two']);
    const [one, two] = withTwo.body.stages;
    const deal = await crm.create('deals', { title: 'Blocks stage', stageId: two?.id });
    expect((await adminCrm.call('DELETE', `/api/v1/crm/stages/${two?.id}`)).body).toMatchObject({
      error: { code: 'CRM_STAGE_IN_USE' },
    });
    expect((await adminCrm.call('DELETE', `/api/v1/crm/pipelines/${pipeline.id}`)).body).toMatchObject({
      error: { code: 'CRM_STAGE_IN_USE' },
    });
    await crm.call('DELETE', `/api/v1/crm/deals/${deal.id}`);
    expect((await adminCrm.call('DELETE', `/api/v1/crm/stages/${two?.id}`)).status).toBe(200);
    expect((await adminCrm.call('DELETE', `/api/v1/crm/stages/${one?.id}`)).body).toMatchObject({
      error: { code: 'CRM_PIPELINE_NEEDS_STAGE' },
    });

    const made = await adminCrm.call('PATCH', `/api/v1/crm/pipelines/${pipeline.id}`, {
      isDefault: true,
      name: 'Now default',
    });
    expect(made.body).toMatchObject({ isDefault: true, name: 'Now default' });
    const all = (await crm.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines')).body;
    expect(all.filter((p) => p.isDefault)).toHaveLength(1);
    expect((await adminCrm.call('DELETE', `/api/v1/crm/pipelines/${pipeline.id}`)).body).toMatchObject({
      error: { code: 'CRM_DEFAULT_PIPELINE' },
    });
  });

  it('refuses a pipeline without stages', async () => {
    const res = await adminCrm.call('POST', '/api/v1/crm/pipelines', { name: 'Empty', stages: [] });
    expect(res.status).toBe(422);
  });
});
