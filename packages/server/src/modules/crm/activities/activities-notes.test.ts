import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { countCrmRows, crmClient } from '../shared/crm.fixtures';

const UNKNOWN_ID = '01890000-0000-7000-8000-000000000000';
const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('crm activities and notes', () => {
  let server: TestServer;
  let user: TestUser;
  let crm: ReturnType<typeof crmClient>;

  beforeAll(async () => {
    server = await startTestServer();
    user = await server.createUser('regular');
    crm = crmClient(server, user);
  });
  afterAll(() => server.close());

  it('creates, completes, filters and deletes an activity', async () => {
    const person = await crm.create('persons', { name: 'Activity Target' });
    const activity = await crm.create('activities', {
      type: 'meeting',
      subject: 'Kick-off',
      dueAt: Date.UTC(2026, 1, 1),
      assigneeId: user.id,
      personId: person.id,
    });
    expect(activity).toMatchObject({
      type: 'meeting',
      done: false,
      assigneeId: user.id,
      personId: person.id,
      source: 'manual',
    });
    const done = await crm.call('PATCH', `/api/v1/crm/activities/${activity.id}`, {
      version: 1,
      done: true,
    });
    expect(done.body).toMatchObject({ done: true });
    expect((await crm.list('activities', `done=true&personId=${person.id}`)).items.map((a) => a.id)).toEqual([
      activity.id,
    ]);
    expect((await crm.list('activities', `done=false&personId=${person.id}`)).items).toEqual([]);
    expect((await crm.list('activities', 'q=KICK')).items.map((a) => a.id)).toEqual([activity.id]);
    expect((await crm.call('DELETE', `/api/v1/crm/activities/${activity.id}`)).status).toBe(204);
  });

  it.each([
    ['an unknown type', { type: 'lunch', subject: 'S' }, 'VALIDATION_FAILED'],
    ['a missing subject', { type: 'call' }, 'VALIDATION_FAILED'],
    ['a due date as text', { type: 'call', subject: 'S', dueAt: 'tomorrow' }, 'VALIDATION_FAILED'],
    ['a negative due date', { type: 'call', subject: 'S', dueAt: -1 }, 'VALIDATION_FAILED'],
    ['done as a string', { type: 'call', subject: 'S', done: 'yes' }, 'VALIDATION_FAILED'],
    ['a source', { type: 'call', subject: 'S', source: 'chatbot' }, 'VALIDATION_FAILED'],
    [
      'an unknown assignee',
      { type: 'call', subject: 'S', assigneeId: UNKNOWN_ID },
      'CRM_REFERENCE_NOT_FOUND',
    ],
    ['an unknown lead', { type: 'call', subject: 'S', leadId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
    ['an unknown deal', { type: 'call', subject: 'S', dealId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
  ])('refuses an activity with %s and writes nothing', async (_label, payload, code) => {
    const before = await countCrmRows(server);
    const res = await crm.call('POST', '/api/v1/crm/activities', payload);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code } });
    expect(await countCrmRows(server)).toEqual(before);
  });

  it('creates a rich-text note, searches its text and updates it', async () => {
    const org = await crm.create('organizations', { name: 'Noted Org' });
    const note = await crm.create('notes', { body: doc('Budget approved for Q3'), organizationId: org.id });
    expect(note).toMatchObject({
      authorId: user.id,
      organizationId: org.id,
      body: doc('Budget approved for Q3'),
    });
    expect((await crm.list('notes', 'q=budget%20APPROVED')).items.map((n) => n.id)).toEqual([note.id]);
    const edited = await crm.call('PATCH', `/api/v1/crm/notes/${note.id}`, {
      body: doc('Budget moved to Q4'),
    });
    expect(edited.body).toMatchObject({ body: doc('Budget moved to Q4') });
    expect((await crm.list('notes', 'q=approved')).items).toEqual([]);
  });

  it.each([
    ['raw HTML instead of the document', { body: '<b>hi</b>' }, 'VALIDATION_FAILED'],
    [
      'an unknown block',
      { body: { type: 'doc', content: [{ type: 'script', text: 'x' }] } },
      'VALIDATION_FAILED',
    ],
    [
      'a javascript: link',
      {
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'x', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }],
            },
          ],
        },
      },
      'VALIDATION_FAILED',
    ],
    ['an author', { body: doc('x'), authorId: UNKNOWN_ID }, 'VALIDATION_FAILED'],
    ['an unknown person', { body: doc('x'), personId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
    ['an unknown conversation', { body: doc('x'), conversationId: UNKNOWN_ID }, 'CRM_REFERENCE_NOT_FOUND'],
  ])('refuses a note with %s and writes nothing', async (_label, payload, code) => {
    const before = await countCrmRows(server);
    const res = await crm.call('POST', '/api/v1/crm/notes', payload);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code } });
    expect(await countCrmRows(server)).toEqual(before);
  });

  it('documents every CRM route in OpenAPI under the crm tag', async () => {
    const res = await server.request({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> }>()
      .paths;
    const crmPaths = Object.keys(paths).filter(
      (p) => p.startsWith('/api/v1/crm/') || p.endsWith('/panel') || p.includes('/panel/'),
    );
    for (const entity of ['persons', 'organizations', 'leads', 'deals', 'activities', 'notes']) {
      expect(crmPaths).toContain(`/api/v1/crm/${entity}`);
      expect(crmPaths).toContain(`/api/v1/crm/${entity}/{id}`);
    }
    expect(crmPaths).toEqual(
      expect.arrayContaining([
        '/api/v1/crm/leads/{id}/convert',
        '/api/v1/crm/pipelines',
        '/api/v1/conversations/{id}/panel',
        '/api/v1/conversations/{id}/panel/lead',
      ]),
    );
    for (const path of crmPaths)
      for (const operation of Object.values(paths[path] ?? {})) expect(operation.tags).toContain('crm');
  });
});
