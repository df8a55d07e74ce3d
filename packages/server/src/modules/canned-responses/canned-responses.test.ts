import type { TCannedResponseDto, TCannedVariablesDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import {
  assignedConversation,
  errorCode,
  snapshotDatabase,
  UNKNOWN_ID,
  type Visitor,
} from '../../security/security-fixtures';

// Canned responses (issue 16 item 1) through the real app on SQLite and PostgreSQL: CRUD, who may
// change what (server-side), bad input answered with a code and nothing written, usage counts.

describe('canned responses', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let ana: TestUser;
  let bruno: TestUser;
  let publicId: string;
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    ana = await server.createUser('regular', 'Ana Agent');
    bruno = await server.createUser('regular', 'Bruno Agent');
    publicId = (await createActivePlaybook(server, admin)).publicId;
  });
  afterAll(async () => {
    for (const visitor of visitors) await visitor.client.close();
    await server.close();
  });

  async function create(as: TestUser, body: Record<string, unknown>): Promise<TCannedResponseDto> {
    const res = await server.request({ method: 'POST', url: '/api/v1/canned-responses', as, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TCannedResponseDto>();
  }

  async function list(as: TestUser): Promise<TCannedResponseDto[]> {
    const res = await server.request({ url: '/api/v1/canned-responses', as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TCannedResponseDto[]>();
  }

  /** The request is refused with `status` and `code`, and the database is unchanged. */
  async function refused(
    request: Parameters<TestServer['request']>[0],
    status: number,
    code: string,
  ): Promise<void> {
    const before = await snapshotDatabase(server);
    const res = await server.request(request);
    expect(res.statusCode, res.body).toBe(status);
    expect(errorCode(res)).toBe(code);
    expect(await snapshotDatabase(server)).toEqual(before);
  }

  it('creates personal and team responses and lists the team’s plus the caller’s own', async () => {
    const team = await create(admin, {
      scope: 'team',
      title: 'Opening hours',
      shortcut: 'hours',
      body: 'We are open **9–18**, {{visitor.name | there}}.',
    });
    expect(team).toMatchObject({ scope: 'team', owner: null, usageCount: 0, canEdit: true });
    const mine = await create(ana, { scope: 'personal', title: 'My hello', shortcut: 'hello', body: 'Hi!' });
    expect(mine).toMatchObject({
      scope: 'personal',
      owner: { id: ana.id, name: 'Ana Agent' },
      canEdit: true,
    });

    const anas = await list(ana);
    expect(anas.map((c) => c.shortcut).sort()).toEqual(['hello', 'hours']);
    expect(anas.find((c) => c.id === team.id)?.canEdit).toBe(false);
    expect((await list(bruno)).map((c) => c.shortcut)).toEqual(['hours']);
    // Another user's personal responses are theirs alone, admins included.
    expect((await list(admin)).map((c) => c.id)).not.toContain(mine.id);
  });

  it('updates and deletes one’s own; admins change team ones', async () => {
    const mine = await create(bruno, { scope: 'personal', title: 'Bye', shortcut: 'bye', body: 'Bye' });
    const patched = await server.request({
      method: 'PATCH',
      url: `/api/v1/canned-responses/${mine.id}`,
      as: bruno,
      payload: { title: 'Goodbye', body: 'Bye, {{visitor.name}}!' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<TCannedResponseDto>()).toMatchObject({ title: 'Goodbye', shortcut: 'bye' });

    const team = await create(admin, {
      scope: 'team',
      title: 'Refunds',
      shortcut: 'refund',
      body: '30 days.',
    });
    const renamed = await server.request({
      method: 'PATCH',
      url: `/api/v1/canned-responses/${team.id}`,
      as: admin,
      payload: { shortcut: 'refunds' },
    });
    expect(renamed.json<TCannedResponseDto>().shortcut).toBe('refunds');

    const deleted = await server.request({
      method: 'DELETE',
      url: `/api/v1/canned-responses/${mine.id}`,
      as: bruno,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await list(bruno)).map((c) => c.id)).not.toContain(mine.id);
  });

  it('refuses what the caller may not do, writing nothing', async () => {
    const team = await create(admin, { scope: 'team', title: 'Team only', shortcut: 'team-only', body: 'x' });
    const anas = await create(ana, { scope: 'personal', title: 'Ana only', shortcut: 'ana-only', body: 'x' });
    const url = (id: string) => `/api/v1/canned-responses/${id}`;
    const teamBody = { scope: 'team', title: 'Sneaky', shortcut: 'sneaky', body: 'x' };
    await refused(
      { method: 'POST', url: '/api/v1/canned-responses', as: ana, payload: teamBody },
      403,
      'FORBIDDEN',
    );
    await refused(
      { method: 'PATCH', url: url(team.id), as: ana, payload: { title: 'Mine' } },
      403,
      'FORBIDDEN',
    );
    await refused({ method: 'DELETE', url: url(team.id), as: ana }, 403, 'FORBIDDEN');
    for (const intruder of [bruno, admin]) {
      const patch = { method: 'PATCH' as const, url: url(anas.id), as: intruder, payload: { title: 'x' } };
      await refused(patch, 404, 'CANNED_RESPONSE_NOT_FOUND');
      await refused({ method: 'DELETE', url: url(anas.id), as: intruder }, 404, 'CANNED_RESPONSE_NOT_FOUND');
      await refused(
        { method: 'POST', url: `${url(anas.id)}/uses`, as: intruder },
        404,
        'CANNED_RESPONSE_NOT_FOUND',
      );
    }
    await refused({ method: 'DELETE', url: url(UNKNOWN_ID), as: admin }, 404, 'CANNED_RESPONSE_NOT_FOUND');
    const anonymous = await server.request({ url: '/api/v1/canned-responses' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses bad input with a code, writing nothing', async () => {
    await create(ana, { scope: 'personal', title: 'Prices', shortcut: 'prices', body: 'From 10 €' });
    const other = await create(ana, { scope: 'personal', title: 'Other', shortcut: 'other', body: 'x' });
    const post = (payload: Record<string, unknown>) => ({
      method: 'POST' as const,
      url: '/api/v1/canned-responses',
      as: ana,
      payload: { scope: 'personal', title: 'T', shortcut: 'fresh', body: 'x', ...payload },
    });
    await refused(post({ shortcut: 'prices' }), 409, 'CANNED_SHORTCUT_TAKEN');
    await refused(post({ title: 'x'.repeat(81) }), 422, 'VALIDATION_FAILED');
    await refused(post({ body: 'x'.repeat(5001) }), 422, 'VALIDATION_FAILED');
    await refused(post({ body: 'a\n\n'.repeat(150) }), 422, 'VALIDATION_FAILED');
    await refused(post({ shortcut: 'Has Space' }), 422, 'VALIDATION_FAILED');
    await refused(post({ body: '   ' }), 422, 'VALIDATION_FAILED');
    await refused(post({ extra: true }), 422, 'VALIDATION_FAILED');
    await refused(post({ body: 'Hi {{visitor.phone}}' }), 422, 'CANNED_VARIABLE_INVALID');
    await refused(post({ body: 'Hi {{visitor.name' }), 422, 'CANNED_VARIABLE_INVALID');
    const patch = (payload: Record<string, unknown>) => ({
      method: 'PATCH' as const,
      url: `/api/v1/canned-responses/${other.id}`,
      as: ana,
      payload,
    });
    await refused(patch({ shortcut: 'prices' }), 409, 'CANNED_SHORTCUT_TAKEN');
    await refused(patch({ scope: 'team' }), 422, 'VALIDATION_FAILED');
    await refused(patch({}), 422, 'VALIDATION_FAILED');
    await refused(patch({ body: '{{Name}}' }), 422, 'CANNED_VARIABLE_INVALID');
  });

  it('lets a personal shortcut reuse a team one, and another user reuse a personal one', async () => {
    await create(admin, { scope: 'team', title: 'Team pricing', shortcut: 'pricing', body: 'Team' });
    await create(ana, { scope: 'personal', title: 'My pricing', shortcut: 'pricing', body: 'Mine' });
    await create(bruno, { scope: 'personal', title: 'My pricing', shortcut: 'pricing', body: 'Mine too' });
    const anas = (await list(ana)).filter((c) => c.shortcut === 'pricing');
    expect(anas.map((c) => c.scope).sort()).toEqual(['personal', 'team']);
  });

  it('counts uses and lists the most used first', async () => {
    const rare = await create(bruno, { scope: 'personal', title: 'A rare one', shortcut: 'rare', body: 'x' });
    const often = await create(bruno, { scope: 'personal', title: 'Z often', shortcut: 'often', body: 'y' });
    for (let i = 0; i < 3; i += 1) {
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/canned-responses/${often.id}/uses`,
        as: bruno,
      });
      expect(res.statusCode).toBe(204);
    }
    const listed = await list(bruno);
    expect(listed.find((c) => c.id === often.id)?.usageCount).toBe(3);
    expect(listed.findIndex((c) => c.id === often.id)).toBeLessThan(
      listed.findIndex((c) => c.id === rare.id),
    );
  });

  it('gives the variables of a visible conversation only (R14)', async () => {
    await goOnline(server, ana);
    const { visitor, conversationId } = await assignedConversation(server, baseUrl, publicId, ana);
    visitors.push(visitor);
    visitor.client.send({ type: 'identify', name: 'Vera Visitor', email: 'vera@example.com' });
    const url = `/api/v1/canned-responses/variables?conversationId=${conversationId}`;
    let values: TCannedVariablesDto['values'] = {};
    for (let attempt = 0; attempt < 200 && values['visitor.name'] !== 'Vera Visitor'; attempt += 1) {
      const res = await server.request({ url, as: ana });
      expect(res.statusCode, res.body).toBe(200);
      values = res.json<TCannedVariablesDto>().values;
      if (values['visitor.name'] !== 'Vera Visitor') await new Promise((r) => setTimeout(r, 25));
    }
    expect(values).toMatchObject({ 'visitor.name': 'Vera Visitor', 'user.name': 'Ana Agent' });
    expect(values['visitor.email']).toBe('vera@example.com');
    // Assigned to Ana: hidden from everyone else, admins included (R14).
    for (const other of [bruno, admin]) await refused({ url, as: other }, 404, 'CONVERSATION_NOT_FOUND');
    await refused(
      { url: '/api/v1/canned-responses/variables?conversationId=x&y=1', as: ana },
      422,
      'VALIDATION_FAILED',
    );
  });

  it('fills {{visitor.name}} and {{visitor.email}} with what the inbox shows: the side panel’s person', async () => {
    const { visitor, conversationId } = await assignedConversation(server, baseUrl, publicId, ana);
    visitors.push(visitor);
    const url = `/api/v1/canned-responses/variables?conversationId=${conversationId}`;
    const variables = async () => (await server.request({ url, as: ana })).json<TCannedVariablesDto>().values;
    // Nothing known yet: empty, so a response's fallback (`{{visitor.name | there}}`) applies.
    expect(await variables()).toMatchObject({ 'visitor.name': '', 'visitor.email': '' });
    const saved = await server.request({
      method: 'PUT',
      url: `/api/v1/conversations/${conversationId}/panel`,
      as: ana,
      payload: {
        person: { name: '  Maximiliana Fernández-Oyarzábal ', email: 'Maxi@Example.com', phone: null },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const conversation = (
      await server.request({ url: `/api/v1/conversations/${conversationId}`, as: ana })
    ).json<{
      visitor: { displayName: string; email: string | null };
    }>();
    expect(conversation.visitor).toMatchObject({
      displayName: 'Maximiliana Fernández-Oyarzábal',
      email: 'maxi@example.com',
    });
    expect(await variables()).toMatchObject({
      'visitor.name': conversation.visitor.displayName,
      'visitor.email': conversation.visitor.email,
    });
  });
});
