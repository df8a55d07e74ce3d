import type { TCrmDealDto, TCrmPipelineDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { countCrmRows, crmClient } from '../shared/crm.fixtures';

const UNKNOWN_ID = '01890000-0000-7000-8000-000000000000';

describe('pipelines are the company’s (issue 15)', () => {
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

  const pipelines = async () => (await crm.call<TCrmPipelineDto[]>('GET', '/api/v1/crm/pipelines')).body;
  const names = (p: TCrmPipelineDto) => p.stages.map((s) => s.name);

  it('seeds stages with win probabilities whose names follow the company language until renamed', async () => {
    const [seeded] = await pipelines();
    expect(seeded?.stages.map((s) => s.probability)).toEqual([10, 25, 50, 75]);
    const company = { name: 'Acme', timeZone: 'Europe/Madrid', defaultLanguage: 'es' };
    const put = await adminCrm.call('PUT', '/api/v1/settings/company', company);
    expect(put.status).toBe(200);
    const [spanish] = await pipelines();
    expect(spanish?.name).toBe('Ventas');
    expect(names(spanish as TCrmPipelineDto)).toEqual([
      'Cualificado',
      'Contacto realizado',
      'Propuesta enviada',
      'Negociación',
    ]);
    // A stage someone renamed keeps its name when the language changes again.
    const first = spanish?.stages[0];
    await adminCrm.call('PATCH', `/api/v1/crm/stages/${first?.id}`, { name: 'Primer contacto' });
    await adminCrm.call('PUT', '/api/v1/settings/company', { ...company, defaultLanguage: 'en' });
    const [english] = await pipelines();
    expect(english?.name).toBe('Sales');
    expect(names(english as TCrmPipelineDto)).toEqual([
      'Primer contacto',
      'Contact made',
      'Proposal sent',
      'Negotiation',
    ]);
  });

  it('creates stages with probabilities, inserts at a position and reorders', async () => {
    const created = await adminCrm.create<TCrmPipelineDto>('pipelines', {
      name: 'Reorder',
      stages: [{ name: 'A', probability: 10 }, { name: 'B', probability: 40 }, { name: 'C' }],
    });
    expect(created.stages.map((s) => [s.name, s.probability, s.position])).toEqual([
      ['A', 10, 0],
      ['B', 40, 1],
      ['C', 0, 2],
    ]);
    const inserted = await adminCrm.call<TCrmPipelineDto>(
      'POST',
      `/api/v1/crm/pipelines/${created.id}/stages`,
      {
        name: 'Between',
        probability: 20,
        position: 1,
      },
    );
    expect(names(inserted.body)).toEqual(['A', 'Between', 'B', 'C']);
    const c = inserted.body.stages[3];
    const moved = await adminCrm.call<TCrmPipelineDto>('PATCH', `/api/v1/crm/stages/${c?.id}`, {
      position: 0,
      probability: 90,
    });
    expect(moved.body.stages.map((s) => [s.name, s.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['Between', 2],
      ['B', 3],
    ]);
    expect(moved.body.stages[0]?.probability).toBe(90);
  });

  it('deletes a stage moving its deals to another stage, and a pipeline moving them to another pipeline', async () => {
    const pipeline = await adminCrm.create<TCrmPipelineDto>('pipelines', {
      name: 'Move out',
      stages: [{ name: 'Old' }, { name: 'Keep' }],
    });
    const [old, keep] = pipeline.stages;
    const deal = await crm.create<TCrmDealDto>('deals', { title: 'Moving deal', stageId: old?.id });
    const refused = await adminCrm.call('DELETE', `/api/v1/crm/stages/${old?.id}`);
    expect(refused.body).toMatchObject({ error: { code: 'CRM_STAGE_IN_USE' } });
    const deleted = await adminCrm.call<TCrmPipelineDto>(
      'DELETE',
      `/api/v1/crm/stages/${old?.id}?moveDealsTo=${keep?.id}`,
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body.stages.map((s) => [s.name, s.position])).toEqual([['Keep', 0]]);
    const after = (await crm.call<TCrmDealDto>('GET', `/api/v1/crm/deals/${deal.id}`)).body;
    expect(after).toMatchObject({ stage: { id: keep?.id }, version: deal.version + 1 });

    const [target] = await pipelines();
    const targetStage = target?.stages[1];
    const gone = await adminCrm.call(
      'DELETE',
      `/api/v1/crm/pipelines/${pipeline.id}?moveDealsTo=${targetStage?.id}`,
    );
    expect(gone.status).toBe(204);
    expect((await crm.call('GET', `/api/v1/crm/deals/${deal.id}`)).body).toMatchObject({
      pipelineId: target?.id,
      stage: { id: targetStage?.id },
    });
  });

  it('refuses bad input to the pipeline routes and changes nothing', async () => {
    const pipeline = await adminCrm.create<TCrmPipelineDto>('pipelines', {
      name: 'Guarded',
      stages: [{ name: 'One' }, { name: 'Two' }],
    });
    const [one, two] = pipeline.stages;
    const other = (await pipelines())[0];
    await crm.create('deals', { title: 'Guard deal', stageId: one?.id });
    const before = await countCrmRows(server);
    const cases: [string, 'POST' | 'PATCH' | 'DELETE', string, unknown, number, string][] = [
      [
        'probability over 100',
        'PATCH',
        `/api/v1/crm/stages/${one?.id}`,
        { probability: 101 },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'probability as text',
        'PATCH',
        `/api/v1/crm/stages/${one?.id}`,
        { probability: '50' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'a fractional position',
        'PATCH',
        `/api/v1/crm/stages/${one?.id}`,
        { position: 1.5 },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown stage field',
        'POST',
        `/api/v1/crm/pipelines/${pipeline.id}/stages`,
        { name: 'X', color: 'red' },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown pipeline field',
        'POST',
        '/api/v1/crm/pipelines',
        { name: 'X', stages: [{ name: 'A', id: 'x' }] },
        422,
        'VALIDATION_FAILED',
      ],
      [
        'a move target that is the stage itself',
        'DELETE',
        `/api/v1/crm/stages/${one?.id}?moveDealsTo=${one?.id}`,
        undefined,
        422,
        'CRM_MOVE_TARGET_INVALID',
      ],
      [
        'a move target in another pipeline',
        'DELETE',
        `/api/v1/crm/stages/${one?.id}?moveDealsTo=${other?.stages[0]?.id}`,
        undefined,
        422,
        'CRM_MOVE_TARGET_INVALID',
      ],
      [
        'a pipeline move target inside the pipeline',
        'DELETE',
        `/api/v1/crm/pipelines/${pipeline.id}?moveDealsTo=${two?.id}`,
        undefined,
        422,
        'CRM_MOVE_TARGET_INVALID',
      ],
      [
        'an unknown move target',
        'DELETE',
        `/api/v1/crm/stages/${one?.id}?moveDealsTo=${UNKNOWN_ID}`,
        undefined,
        422,
        'CRM_REFERENCE_NOT_FOUND',
      ],
      [
        'a malformed move target',
        'DELETE',
        `/api/v1/crm/stages/${one?.id}?moveDealsTo=nope`,
        undefined,
        422,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown query parameter',
        'DELETE',
        `/api/v1/crm/stages/${one?.id}?force=true`,
        undefined,
        422,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown stage',
        'PATCH',
        `/api/v1/crm/stages/${UNKNOWN_ID}`,
        { name: 'X' },
        404,
        'RECORD_NOT_FOUND',
      ],
    ];
    for (const [label, method, url, payload, status, code] of cases) {
      const res = await adminCrm.call(method, url, payload);
      expect(res.status, label).toBe(status);
      expect(res.body, label).toMatchObject({ error: { code } });
    }
    const asUser = await crm.call('DELETE', `/api/v1/crm/stages/${one?.id}?moveDealsTo=${two?.id}`);
    expect(asUser.status).toBe(403);
    expect(await countCrmRows(server)).toEqual(before);
    expect((await crm.call('GET', `/api/v1/crm/pipelines/${pipeline.id}`)).body).toEqual(pipeline);
  });
});
