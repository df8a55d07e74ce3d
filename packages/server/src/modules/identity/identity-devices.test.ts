import type {
  TConversationDto,
  TIdentifyResponse,
  TMessageDto,
  TRotatedIdentitySecretDto,
  TVisitorServerFrame,
} from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignedConversation, errorCode, type Visitor } from '../../security/security-fixtures';
import { sendWithRef } from '../../test/chat-steps';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectVisitor, newClientId, text } from '../../test/visitor-client';
import { identityHashOf } from './identity-secrets';

type MessageFrame = Extract<TVisitorServerFrame, { type: 'message' }>;

/**
 * One history across devices (issue 24, R14, R20, R28): a verified user's second browser becomes
 * their visitor, sees the earlier conversation and continues it; messages reach every device once
 * and in order; nobody else gains sight of anything.
 */
describe('a verified user across devices', () => {
  let server: TestServer;
  let baseUrl: string;
  let owner: TestUser;
  let colleague: TestUser;
  let playbook: { id: string; publicId: string };
  let secret: string;
  let deviceA: Visitor;
  let conversationId: string;
  let deviceB: Visitor;

  const identify = async (token: string, userId: string, hash = identityHashOf(secret, userId)) =>
    server.request({
      method: 'POST',
      url: '/api/v1/widget/identify',
      headers: { authorization: `Visitor ${token}` },
      payload: { userId, userHash: hash, name: 'Dana Verified', email: 'dana@customer.example' },
    });
  const seqsOf = (visitor: Visitor) =>
    visitor.client.frames
      .filter((f): f is MessageFrame => f.type === 'message' && f.message.conversationId === conversationId)
      .map((f) => f.message.seq);
  const send = (visitor: Visitor, body: string) =>
    sendWithRef(visitor.client, {
      type: 'send',
      conversationId,
      clientMsgId: newClientId(),
      body: text(body),
    });

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    const admin = await server.createUser('admin');
    owner = await server.createUser('regular', 'Owner');
    colleague = await server.createUser('regular', 'Colleague');
    await goOnline(server, owner);
    playbook = await createActivePlaybook(server, admin);
    const rotated = await server.request({
      method: 'POST',
      url: '/api/v1/settings/identity/rotate',
      as: admin,
    });
    secret = rotated.json<TRotatedIdentitySecretDto>().secret;
  });
  afterAll(async () => {
    await deviceA?.client.close();
    await deviceB?.client.close();
    await server.close();
  });

  it('binds the first device and marks its conversation verified for the team', async () => {
    ({ visitor: deviceA, conversationId } = await assignedConversation(
      server,
      baseUrl,
      playbook.publicId,
      owner,
    ));
    const res = await identify(deviceA.token, 'dana-1');
    expect(res.json<TIdentifyResponse>()).toEqual({
      verified: true,
      visitorToken: null,
      visitorId: deviceA.visitorId,
      conversationId,
    });
    const dto = (
      await server.request({ url: `/api/v1/conversations/${conversationId}`, as: owner })
    ).json<TConversationDto>();
    expect(dto.visitor.displayName).toBe('Dana Verified');
    expect(dto.visitor.context.identity).toMatchObject({
      verified: true,
      userId: 'dana-1',
      email: 'dana@customer.example',
    });
  });

  it('takes a second device to the same visitor, with the earlier conversation to continue', async () => {
    const fresh = await connectVisitor(baseUrl);
    const res = (await identify(fresh.token, 'dana-1')).json<TIdentifyResponse>();
    await fresh.client.close();
    expect(res).toMatchObject({ verified: true, visitorId: deviceA.visitorId, conversationId });
    expect(res.visitorToken).toEqual(expect.any(String));
    expect(res.visitorToken).not.toBe(deviceA.token);
    deviceB = await connectVisitor(baseUrl, res.visitorToken as string);
    expect(deviceB.visitorId).toBe(deviceA.visitorId);
    deviceB.client.send({ type: 'subscribe', conversationId, lastSeq: 0 });
    const history = await deviceB.client.waitFor(
      (f): f is Extract<TVisitorServerFrame, { type: 'messages' }> =>
        f.type === 'messages' && f.conversationId === conversationId,
    );
    expect(history.messages.length).toBeGreaterThan(0);
    expect(history.messages.map((m: TMessageDto) => m.seq)).toEqual(
      [...history.messages.map((m: TMessageDto) => m.seq)].sort((a, b) => a - b),
    );
  });

  it('delivers each device’s messages to the other and to the team exactly once, in order', async () => {
    const startA = seqsOf(deviceA).length;
    const startB = seqsOf(deviceB).length;
    const sent: number[] = [];
    for (const [i, device] of [deviceB, deviceA, deviceB, deviceA].entries()) {
      const ack = await send(device, `from device ${i}`);
      expect(ack.type).toBe('ack');
      if (ack.type === 'ack') sent.push(ack.message.seq);
    }
    const reply = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      as: owner,
      payload: { clientMsgId: newClientId(), body: text('Hello on both devices') },
    });
    expect(reply.statusCode).toBe(201);
    const last = reply.json<TMessageDto>().seq;
    for (const device of [deviceA, deviceB]) {
      await device.client.waitFor((f) => f.type === 'message' && f.message.seq === last);
    }
    // Each device sees the other's messages and the reply once; its own come back as acks (and may be echoed once).
    for (const [device, start] of [
      [deviceA, startA],
      [deviceB, startB],
    ] as const) {
      const seen = seqsOf(device).slice(start);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen).toEqual(
        expect.arrayContaining([...sent.filter((_, i) => (device === deviceA) === (i % 2 === 0)), last]),
      );
    }
  });

  it('shares the read position between the devices', async () => {
    const seq = Math.max(...seqsOf(deviceA));
    deviceA.client.send({ type: 'read', conversationId, seq });
    const frame = await deviceB.client.waitFor(
      (f) =>
        f.type === 'read' && f.conversationId === conversationId && f.side === 'visitor' && f.seq === seq,
    );
    expect(frame).toMatchObject({ side: 'visitor', seq });
    const state = await sendWithRef(deviceB.client, { type: 'subscribe', conversationId, lastSeq: seq });
    expect(state).toMatchObject({ type: 'conversation', conversation: { visitorReadSeq: seq } });
  });

  it('keeps the conversation out of sight of everyone else (R14)', async () => {
    const stranger = await connectVisitor(baseUrl);
    const subscribe = await sendWithRef(stranger.client, { type: 'subscribe', conversationId, lastSeq: 0 });
    expect(subscribe).toMatchObject({ type: 'error', code: 'CONVERSATION_NOT_FOUND' });
    const forged = await identify(stranger.token, 'dana-1', identityHashOf('guess', 'dana-1'));
    expect(errorCode(forged)).toBe('IDENTITY_HASH_INVALID');
    const again = await sendWithRef(stranger.client, { type: 'subscribe', conversationId, lastSeq: 0 });
    expect(again).toMatchObject({ type: 'error', code: 'CONVERSATION_NOT_FOUND' });
    await stranger.client.close();
    const bystander = await server.request({ url: `/api/v1/conversations/${conversationId}`, as: colleague });
    expect(bystander.statusCode).toBe(404);
  });

  it('shows a closed conversation read-only on every device (R20)', async () => {
    const closed = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/close`,
      as: owner,
    });
    expect(closed.statusCode).toBe(200);
    expect(await send(deviceB, 'after close')).toMatchObject({ type: 'error', code: 'CONVERSATION_CLOSED' });
    const third = await connectVisitor(baseUrl);
    const res = (await identify(third.token, 'dana-1')).json<TIdentifyResponse>();
    await third.client.close();
    expect(res.conversationId).toBe(conversationId);
    const deviceC = await connectVisitor(baseUrl, res.visitorToken as string);
    const shown = await sendWithRef(deviceC.client, { type: 'subscribe', conversationId, lastSeq: 0 });
    expect(shown).toMatchObject({ type: 'conversation', conversation: { status: 'closed' } });
    await deviceC.client.close();
  });

  it('forgets a device’s token on Charla.reset(), leaving the other devices signed in', async () => {
    const reset = await server.request({
      method: 'DELETE',
      url: '/api/v1/widget/session',
      headers: { authorization: `Visitor ${deviceB.token}` },
    });
    expect(reset.statusCode).toBe(204);
    const resumed = await server.request({
      method: 'POST',
      url: '/api/v1/widget/session',
      payload: { visitorToken: deviceB.token },
    });
    expect(resumed.json<{ visitorId: string }>().visitorId).not.toBe(deviceA.visitorId);
    const stillA = await server.request({
      method: 'POST',
      url: '/api/v1/widget/session',
      payload: { visitorToken: deviceA.token },
    });
    expect(stillA.json<{ visitorId: string }>().visitorId).toBe(deviceA.visitorId);
  });
});
