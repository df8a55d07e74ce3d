import type { TConversationDto, TRotatedIdentitySecretDto, TVerifiedIdentityDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, snapshotDatabase, startChat } from '../../security/security-fixtures';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';
import { identityHashOf } from './identity-secrets';

// The userHash signs the userId only (issue 24): attributes from the browser are flagged as
// unverified, attributes the company's server set over REST are verified, and a replayed hash
// cannot change those.
describe('signed identity: which attributes the signature covers', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let agent: TestUser;
  let playbook: { id: string; publicId: string };
  let secret: string;

  const identify = (token: string, userId: string, extra: Record<string, unknown>) =>
    server.request({
      method: 'POST',
      url: '/api/v1/widget/identify',
      headers: { authorization: `Visitor ${token}` },
      payload: { userId, userHash: identityHashOf(secret, userId), ...extra },
    });
  const verifiedOf = async (userId: string) =>
    (
      await server.request({ url: `/api/v1/visitor-identities/${userId}`, as: agent })
    ).json<TVerifiedIdentityDto>();

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
    agent = await server.createUser('regular');
    playbook = await createActivePlaybook(server, admin);
    const rotated = await server.request({
      method: 'POST',
      url: '/api/v1/settings/identity/rotate',
      as: admin,
    });
    secret = rotated.json<TRotatedIdentitySecretDto>().secret;
  });
  afterAll(() => server.close());

  it('flags browser attributes as unverified, server ones as verified, in the API and on the conversation', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, playbook.publicId);
    const first = await identify(visitor.token, 'attr-1', { attributes: { plan: 'free', theme: 'dark' } });
    expect(first.statusCode).toBe(200);
    expect(await verifiedOf('attr-1')).toMatchObject({
      attributes: { plan: 'free', theme: 'dark' },
      unverifiedAttributes: ['plan', 'theme'],
    });
    const put = await server.request({
      method: 'PUT',
      url: '/api/v1/visitor-identities/attr-1',
      as: admin,
      payload: { attributes: { plan: 'pro', seats: 5 } },
    });
    expect(put.json()).toMatchObject({
      attributes: { plan: 'pro', theme: 'dark', seats: 5 },
      unverifiedAttributes: ['theme'],
    });
    const conversation = (
      await server.request({ url: `/api/v1/conversations/${conversationId}`, as: agent })
    ).json<TConversationDto>();
    expect(conversation.visitor.context.identity).toMatchObject({
      verified: true,
      attributes: { plan: 'pro', theme: 'dark', seats: 5 },
      verifiedAttributes: ['plan', 'seats'],
    });
    await visitor.client.close();
  });

  it('refuses a replayed hash that changes a server-set attribute, and changes nothing', async () => {
    const token = (
      await server.request({ method: 'POST', url: '/api/v1/widget/session', payload: {} })
    ).json<{ visitorToken: string }>().visitorToken;
    const before = await snapshotDatabase(server);
    const replay = await identify(token, 'attr-1', { attributes: { plan: 'enterprise', theme: 'light' } });
    expect([replay.statusCode, errorCode(replay)]).toEqual([409, 'IDENTITY_ATTRIBUTE_CHANGED']);
    expect(await snapshotDatabase(server)).toEqual(before);
    // The same server value with browser attributes beside it: accepted, the browser's stay unverified.
    const same = await identify(token, 'attr-1', { attributes: { plan: 'pro', theme: 'light', lang: 'es' } });
    expect(same.statusCode).toBe(200);
    expect(await verifiedOf('attr-1')).toMatchObject({
      attributes: { plan: 'pro', theme: 'light', seats: 5, lang: 'es' },
      unverifiedAttributes: ['theme', 'lang'],
    });
  });
});
