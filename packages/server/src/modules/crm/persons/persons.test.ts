import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../test/harness';
import { countCrmRows, crmClient, type ErrorResponse } from '../shared/crm.fixtures';

describe('crm persons and organizations', () => {
  let server: TestServer;
  let user: TestUser;
  let crm: ReturnType<typeof crmClient>;

  beforeAll(async () => {
    server = await startTestServer();
    user = await server.createUser('regular');
    crm = crmClient(server, user);
  });
  afterAll(() => server.close());

  it('creates, reads, updates and deletes a person with normalized emails and phones', async () => {
    const org = await crm.create('organizations', { name: 'Acme GmbH', address: 'Hauptstr. 1, Berlin' });
    const person = await crm.create('persons', {
      name: 'Ana García',
      emails: ['Ana@Example.COM'],
      phones: ['+49 (151) 234-5678'],
      organizationId: org.id,
      ownerId: user.id,
    });
    expect(person).toMatchObject({
      name: 'Ana García',
      emails: ['ana@example.com'],
      phones: ['+491512345678'],
      organization: { id: org.id, name: 'Acme GmbH' },
      ownerId: user.id,
      source: 'manual',
      conversationIds: [],
    });

    const read = await crm.call('GET', `/api/v1/crm/persons/${person.id}`);
    expect(read.body).toEqual(person);

    const patched = await crm.call('PATCH', `/api/v1/crm/persons/${person.id}`, {
      version: 1,
      name: 'Ana G.',
      phones: [],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Ana G.', phones: [], emails: ['ana@example.com'] });

    const deleted = await crm.call('DELETE', `/api/v1/crm/persons/${person.id}`);
    expect(deleted.status).toBe(204);
    expect((await crm.call('GET', `/api/v1/crm/persons/${person.id}`)).body).toMatchObject({
      error: { code: 'RECORD_NOT_FOUND' },
    });
  });

  it.each([
    ['a bad email', { name: 'X', emails: ['not-an-email'] }, 'VALIDATION_FAILED'],
    ['a bad phone', { name: 'X', phones: ['call me maybe'] }, 'VALIDATION_FAILED'],
    ['a too short phone', { name: 'X', phones: ['12'] }, 'VALIDATION_FAILED'],
    ['an empty name', { name: '   ' }, 'VALIDATION_FAILED'],
    ['a name of the wrong type', { name: 42 }, 'VALIDATION_FAILED'],
    ['emails that are not a list', { name: 'X', emails: 'a@b.co' }, 'VALIDATION_FAILED'],
    ['an unknown field', { name: 'X', nickname: 'Y' }, 'VALIDATION_FAILED'],
    ['a client-chosen id', { name: 'X', id: '01890000-0000-7000-8000-000000000000' }, 'VALIDATION_FAILED'],
    ['a client-chosen source', { name: 'X', source: 'chatbot' }, 'VALIDATION_FAILED'],
    ['a client-chosen createdAt', { name: 'X', createdAt: 1 }, 'VALIDATION_FAILED'],
    ['a malformed organization id', { name: 'X', organizationId: 'acme' }, 'VALIDATION_FAILED'],
    [
      'an unknown organization',
      { name: 'X', organizationId: '01890000-0000-7000-8000-000000000000' },
      'CRM_REFERENCE_NOT_FOUND',
    ],
    [
      'an unknown owner',
      { name: 'X', ownerId: '01890000-0000-7000-8000-000000000001' },
      'CRM_REFERENCE_NOT_FOUND',
    ],
  ])('refuses a person with %s (422 %s) and writes nothing', async (_label, payload, code) => {
    const before = await countCrmRows(server);
    const res = await crm.call<ErrorResponse>('POST', '/api/v1/crm/persons', payload);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code } });
    expect(res.body.error.details).toBeDefined();
    expect(await countCrmRows(server)).toEqual(before);
  });

  it('refuses a bad patch and leaves the person unchanged', async () => {
    const person = await crm.create('persons', { name: 'Unchanged', emails: ['u@example.com'] });
    for (const patch of [
      { emails: ['nope'] },
      { organizationId: '01890000-0000-7000-8000-000000000000' },
      { updatedAt: 5 },
      { name: null },
    ]) {
      const res = await crm.call('PATCH', `/api/v1/crm/persons/${person.id}`, { version: 1, ...patch });
      expect(res.status).toBe(422);
    }
    expect((await crm.call('GET', `/api/v1/crm/persons/${person.id}`)).body).toEqual(person);
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a name of the wrong type', { name: ['Acme'] }],
    ['an unknown field', { name: 'Acme', website: 'x' }],
    ['an address of the wrong type', { name: 'Acme', address: 7 }],
  ])('refuses an organization with %s and writes nothing', async (_label, payload) => {
    const before = await countCrmRows(server);
    const res = await crm.call('POST', '/api/v1/crm/organizations', payload);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await countCrmRows(server)).toEqual(before);
  });

  it('deleting an organization keeps its persons, without the organization', async () => {
    const org = await crm.create('organizations', { name: 'Gone Ltd' });
    const person = await crm.create('persons', { name: 'Stays', organizationId: org.id });
    expect((await crm.call('DELETE', `/api/v1/crm/organizations/${org.id}`)).status).toBe(204);
    expect((await crm.call('GET', `/api/v1/crm/persons/${person.id}`)).body).toMatchObject({
      organization: null,
    });
  });

  it('refuses anonymous callers with 401', async () => {
    const res = await server.request({ method: 'GET', url: '/api/v1/crm/persons' });
    expect(res.statusCode).toBe(401);
  });
});
