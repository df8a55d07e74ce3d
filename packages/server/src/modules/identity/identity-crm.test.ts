import type { TPanelLeadCreatedDto, TRotatedIdentitySecretDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLiveChat, startChat } from '../../security/security-fixtures';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';
import { identityHashOf } from './identity-secrets';

const CEO = 'ceo@customer.example';

/**
 * What an identity is allowed to do for the team (issue 24): a verified one pre-fills the panel
 * and matches the CRM person with the email the company's server set; an unverified one, or an
 * email only the browser passed, never does. Attributes fill the
 * playbook's custom variables; a verified identity goes out as the `visitor.identified` webhook.
 */
describe('identity in the CRM, playbooks and webhooks', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let agent: TestUser;
  let playbook: { id: string; publicId: string };
  let secret: string;
  let personId: string;

  const identify = (token: string, payload: Record<string, unknown>) =>
    server.request({
      method: 'POST',
      url: '/api/v1/widget/identify',
      headers: { authorization: `Visitor ${token}` },
      payload,
    });
  /** A visitor who identified with `payload`, then asked for a person: the conversation waits in Unassigned. */
  const waitingChat = async (payload: Record<string, unknown>) => {
    const visitor = await connectVisitor(baseUrl);
    expect((await identify(visitor.token, payload)).statusCode).toBe(200);
    const conversationId = await startChat(visitor, playbook.publicId);
    await requestLiveChat(visitor, conversationId);
    await visitor.client.close();
    return conversationId;
  };
  const leadFrom = async (conversationId: string) => {
    const res = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/panel/lead`,
      as: agent,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TPanelLeadCreatedDto>();
  };

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
    agent = await server.createUser('regular');
    await goOnline(server, agent);
    playbook = await createActivePlaybook(server, admin, {
      mutate: (doc) => {
        (doc.variables as unknown[]).push({ key: 'plan', label: 'Plan', type: 'text' });
      },
    });
    secret = (
      await server.request({ method: 'POST', url: '/api/v1/settings/identity/rotate', as: admin })
    ).json<TRotatedIdentitySecretDto>().secret;
    await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    const hook = await server.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: { url: 'http://127.0.0.1:9/hook', events: ['visitor.identified'] },
    });
    expect(hook.statusCode, hook.body).toBe(201);
    const person = await server.request({
      method: 'POST',
      url: '/api/v1/crm/persons',
      as: agent,
      payload: { name: 'The Real CEO', emails: [CEO] },
    });
    expect(person.statusCode, person.body).toBe(201);
    personId = person.json<{ id: string }>().id;
  });
  afterAll(() => server.close());

  it('never matches an unverified identity to the CRM person with its email', async () => {
    const conversationId = await waitingChat({ name: 'Mallory', email: CEO });
    const panel = await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as: agent });
    expect(panel.json()).toMatchObject({ person: { name: null, email: null } });
    const created = await leadFrom(conversationId);
    expect(created.matched.person).toBe(false);
    expect(created.lead.person).toBeNull();
    const verified = await server.request({
      url: `/api/v1/crm/persons/${personId}/verified-identities`,
      as: agent,
    });
    expect(verified.json()).toEqual([]);
  });

  it('never matches the email a verified browser passed: only the one the company server set', async () => {
    const conversationId = await waitingChat({
      userId: 'ceo-1',
      userHash: identityHashOf(secret, 'ceo-1'),
      name: 'Real CEO',
      email: CEO,
    });
    // The userHash signs the userId only: the email came from the browser and proves nothing.
    const panelUrl = `/api/v1/conversations/${conversationId}/panel`;
    let panel = await server.request({ url: panelUrl, as: agent });
    expect(panel.json()).toMatchObject({ person: { name: 'Real CEO', email: null } });
    const personUrl = `/api/v1/crm/persons/${personId}/verified-identities`;
    expect((await server.request({ url: personUrl, as: agent })).json()).toEqual([]);
    const unconfirmed = await server.request({ url: '/api/v1/visitor-identities/ceo-1', as: agent });
    expect(unconfirmed.json()).toMatchObject({ email: CEO, emailVerified: false });

    // The shop's server confirms it over REST: now it pre-fills the panel and matches the person.
    const confirmed = await server.request({
      method: 'PUT',
      url: '/api/v1/visitor-identities/ceo-1',
      as: admin,
      payload: { email: CEO },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ email: CEO, emailVerified: true });
    panel = await server.request({ url: panelUrl, as: agent });
    expect(panel.json()).toMatchObject({ person: { name: 'Real CEO', email: CEO } });
    const created = await leadFrom(conversationId);
    expect(created.matched.person).toBe(true);
    expect(created.lead.person?.id).toBe(personId);
    // The CRM person is marked verified: the user met in their conversation, with their email.
    expect((await server.request({ url: personUrl, as: agent })).json()).toEqual([
      expect.objectContaining({ userId: 'ceo-1', email: CEO, emailVerified: true }),
    ]);
  });

  it('fills the playbook variables the attributes name', async () => {
    const visitor = await connectVisitor(baseUrl);
    await identify(visitor.token, {
      userId: 'plan-1',
      userHash: identityHashOf(secret, 'plan-1'),
      attributes: { plan: 'enterprise', seats: 40 },
    });
    const conversationId = await startChat(visitor, playbook.publicId);
    await visitor.client.close();
    const facts = await server.charla.services.conversations.access.getFacts(conversationId);
    expect(facts.capturedVars).toMatchObject({ plan: 'enterprise' });
    expect(facts.capturedVars).not.toHaveProperty('seats');
    expect(facts.visitorContext.identity?.attributes).toEqual({ plan: 'enterprise', seats: 40 });
  });

  it('sends visitor.identified once per binding or change, never for an unverified identity', async () => {
    const token = (await connectVisitor(baseUrl)).token;
    const payload = {
      userId: 'hook-1',
      userHash: identityHashOf(secret, 'hook-1'),
      email: 'hook@customer.example',
    };
    await identify(token, payload);
    await identify(token, payload);
    await identify(token, { ...payload, attributes: { plan: 'pro' } });
    await identify((await connectVisitor(baseUrl)).token, {
      name: 'Unsigned',
      email: 'unsigned@customer.example',
    });
    const bodies = async () =>
      (
        await server.charla.services.database.db
          .selectFrom('webhook_deliveries')
          .select('body')
          .where('event', '=', 'visitor.identified')
          .execute()
      ).map((r) => JSON.parse(r.body) as { data: { identity: Record<string, unknown> } });
    let rows = await bodies();
    for (let i = 0; i < 100 && rows.filter((r) => r.data.identity.userId === 'hook-1').length < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      rows = await bodies();
    }
    const mine = rows.filter((r) => r.data.identity.userId === 'hook-1').map((r) => r.data.identity);
    expect(mine).toEqual([
      expect.objectContaining({ email: 'hook@customer.example', attributes: {} }),
      expect.objectContaining({ email: 'hook@customer.example', attributes: { plan: 'pro' } }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('unsigned@customer.example');
  });
});
