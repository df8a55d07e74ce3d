import type {
  TConversationDto,
  TMyNotificationSettingsDto,
  TPushPayload,
  TPushSubscriptionDto,
} from '@charla/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '../../realtime/bus-events';
import { startTestServer, TEST_ORIGIN, type TestUser } from '../../test/harness';
import { testDialect } from '../../test/test-db';
import { connectAgent } from '../../test/visitor-client';
import { startLocalReceiver, waitFor, type ReceivedRequest } from '../webhooks/local-receiver.test-helper';
import { conversationDtoFixture, messageDtoFixture } from './conversation.fixture';
import { insertConversationRow, setConversationState } from './conversation-rows.test-helper';
import { decideNotification, type NotifyingDomainEvent, type NotifyingEvent } from './decide-notification';
import { createTestPushKeys, decryptWebPush, type TestPushKeys } from './web-push-decrypt.test-helper';

const BOT = { status: 'bot', assigneeId: null } as const;
/** `decideNotification` for a payload without `previous` (no rule reads it). */
function decide(name: NotifyingEvent, payload: object) {
  return decideNotification({ name, payload: { previous: BOT, ...payload } } as NotifyingDomainEvent);
}

type Notify = Extract<BusEvent, { type: 'notify' }>;
type Device = { user: TestUser; path: string; keys: TestPushKeys };

describe('notifications', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let receiver: Awaited<ReturnType<typeof startLocalReceiver>>;
  const gone = new Set<string>();
  const notifies: Notify[] = [];
  const devices = new Map<string, Device>();

  async function subscribe(user: TestUser, name: string): Promise<Device> {
    const keys = createTestPushKeys();
    const path = `/push/${name}`;
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/me/push-subscriptions',
      as: user,
      payload: {
        endpoint: `${receiver.url}${path}`,
        expirationTime: null,
        keys: { p256dh: keys.p256dh, auth: keys.auth },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const device = { user, path, keys };
    devices.set(path, device);
    return device;
  }

  const pushesTo = (device: Device): ReceivedRequest[] =>
    receiver.requests.filter((r) => r.path === device.path);
  const decrypted = (device: Device): TPushPayload[] =>
    pushesTo(device).map((r) => JSON.parse(decryptWebPush(r.body, device.keys)) as TPushPayload);

  async function conversationWith(state: {
    status: TConversationDto['status'];
    assignee: TestUser | null;
  }): Promise<TConversationDto> {
    const id = await insertConversationRow(server.charla.services.database.db, {
      status: state.status,
      assigneeId: state.assignee?.id ?? null,
    });
    const assignee = state.assignee
      ? { id: state.assignee.id, name: state.assignee.name, avatarUrl: null }
      : null;
    return conversationDtoFixture({ id, status: state.status, assignee });
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin');
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
    receiver = await startLocalReceiver(({ path }) => (gone.has(path) ? 410 : 201));
    server.charla.services.bus.subscribe((event) => {
      if (event.type === 'notify') notifies.push(event);
    });
    const res = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await receiver?.close();
    await server?.close();
  });
  beforeEach(() => {
    receiver.requests.length = 0;
    notifies.length = 0;
  });

  it('creates the VAPID key pair once and serves the public key to users only', async () => {
    const a = await server.request({ url: '/api/v1/notifications/vapid-public-key', as: alice });
    const b = await server.request({ url: '/api/v1/notifications/vapid-public-key', as: bob });
    expect(a.statusCode).toBe(200);
    expect(a.json<{ publicKey: string }>().publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(b.json()).toEqual(a.json());
    expect(Buffer.from(a.json<{ publicKey: string }>().publicKey, 'base64url')[0]).toBe(4); // uncompressed P-256 point
    expect((await server.request({ url: '/api/v1/notifications/vapid-public-key' })).statusCode).toBe(401);
  });

  it('validates push subscriptions: https only, keys required, private targets only when allowed', async () => {
    const keys = createTestPushKeys();
    const body = (
      endpoint: string,
      k: Record<string, string> = { p256dh: keys.p256dh, auth: keys.auth },
    ) => ({ endpoint, keys: k });
    const post = (payload: unknown, as: TestUser | null = alice) =>
      server.request({
        method: 'POST',
        url: '/api/v1/me/push-subscriptions',
        ...(as ? { as } : {}),
        payload: payload as Record<string, unknown>,
      });
    expect(
      (await post(body('https://push.example.com/x', { p256dh: 'short', auth: keys.auth }))).statusCode,
    ).toBe(422);
    expect((await post(body('https://push.example.com/x', { p256dh: keys.p256dh }))).statusCode).toBe(422);
    expect((await post(body('not a url'))).statusCode).toBe(422);
    expect((await post(body('https://push.example.com/x'), null)).statusCode).toBe(401);

    await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: false },
    });
    try {
      for (const endpoint of [
        `${receiver.url}/push/x`,
        'http://push.example.com/x',
        'https://10.0.0.8/push',
        'https://[::1]/push',
        'https://169.254.169.254/',
      ]) {
        const res = await post(body(endpoint));
        expect(res.statusCode, endpoint).toBe(422);
        expect(res.json()).toMatchObject({ error: { code: 'PUSH_ENDPOINT_FORBIDDEN' } });
      }
      expect((await post(body('https://push.example.com/abc'))).statusCode).toBe(201);
    } finally {
      await server.request({
        method: 'PUT',
        url: '/api/v1/admin/settings/webhooks',
        as: admin,
        payload: { allowPrivateWebhookTargets: true },
      });
    }
    const mine = await server.request({ url: '/api/v1/me/push-subscriptions', as: alice });
    expect(mine.json<TPushSubscriptionDto[]>().map((s) => s.endpointOrigin)).toContain(
      'https://push.example.com',
    );
    const del = await server.request({
      method: 'DELETE',
      url: '/api/v1/me/push-subscriptions',
      as: alice,
      payload: { endpoint: 'https://push.example.com/abc' },
    });
    expect(del.statusCode).toBe(204);
    expect((await server.request({ url: '/api/v1/me/push-subscriptions', as: alice })).json()).toEqual([]);
  });

  it('sends a test notification to every device of mine, encrypted so that it decrypts with the subscription keys', async () => {
    const laptop = await subscribe(alice, 'alice-laptop');
    const phone = await subscribe(alice, 'alice-phone');
    const res = await server.request({ method: 'POST', url: '/api/v1/me/notifications/test', as: alice });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ devices: 2, delivered: 2, expired: 0, failed: 0 });
    for (const device of [laptop, phone]) {
      const [push] = pushesTo(device);
      expect(push!.headers['content-encoding']).toBe('aes128gcm');
      expect(String(push!.headers.authorization)).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
      expect(decrypted(device)).toEqual([
        {
          kind: 'test',
          title: 'Test notification',
          body: 'Notifications work on this device.',
          conversationId: null,
          url: '/',
        },
      ]);
    }
    await waitFor(() => notifies.length > 0);
    expect(notifies[0]).toMatchObject({
      userIds: [alice.id],
      notification: { kind: 'test', conversationId: null },
    });
  });

  it('tells every active user, in-app and by Web Push, when a conversation lands in Unassigned; the push names the conversation', async () => {
    const bobPhone = await subscribe(bob, 'bob-phone');
    const laptop = devices.get('/push/alice-laptop')!;
    const inactive = await server.createUser('regular', 'Gone');
    await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${inactive.id}`,
      as: admin,
      payload: { active: false },
    });
    const conversation = await conversationWith({ status: 'waiting', assignee: null });

    server.charla.services.events.emit('conversation.live_chat_requested', { conversation, previous: BOT });
    await waitFor(
      () => pushesTo(bobPhone).length === 1 && pushesTo(laptop).length === 1 && notifies.length > 0,
    );

    for (const device of [bobPhone, laptop]) {
      expect(decrypted(device)).toEqual([
        {
          kind: 'conversation_unassigned',
          title: 'New conversation waiting',
          body: 'Ada Lovelace: Hello, I need help with pricing',
          conversationId: conversation.id,
          url: `/conversations/${conversation.id}`,
        },
      ]);
    }
    const ids = notifies.flatMap((n) => n.userIds);
    expect(new Set(ids)).toEqual(new Set([admin.id, alice.id, bob.id]));
    expect(notifies[0]!.notification.conversationId).toBe(conversation.id);
  });

  it('tells only the assignee when someone else assigns a conversation, and nobody when they take it themselves', async () => {
    const bobPhone = devices.get('/push/bob-phone')!;
    const laptop = devices.get('/push/alice-laptop')!;
    const conversation = await conversationWith({ status: 'assigned', assignee: bob });
    server.charla.services.events.emit('conversation.assigned', {
      conversation,
      previous: BOT,
      assigneeId: bob.id,
      byUserId: alice.id,
    });
    await waitFor(() => pushesTo(bobPhone).length === 1);
    expect(decrypted(bobPhone)[0]).toMatchObject({
      kind: 'conversation_assigned',
      conversationId: conversation.id,
    });
    expect(pushesTo(laptop)).toHaveLength(0);

    const self = decide('conversation.assigned', {
      conversation,
      assigneeId: bob.id,
      byUserId: bob.id,
    });
    expect(self).toBeNull();
  });

  it('tells only the assignee about a new visitor message, never another user (R14)', async () => {
    const bobPhone = devices.get('/push/bob-phone')!;
    const laptop = devices.get('/push/alice-laptop')!;
    const conversation = await conversationWith({ status: 'assigned', assignee: alice });
    const message = messageDtoFixture(conversation.id, 'visitor');
    const intent = decide('message.created', { conversation, message });
    const result = await server.charla.services.notifications.deliver(intent!);
    expect(result).toEqual({ inApp: [alice.id], push: [alice.id] });
    expect(decrypted(laptop)).toEqual([
      expect.objectContaining({
        kind: 'visitor_message',
        title: 'New message from Ada Lovelace',
        conversationId: conversation.id,
      }),
    ]);
    expect(pushesTo(bobPhone)).toHaveLength(0);
  });

  it('reads only the one user a visitor message is for, and tells nobody once that user is deactivated', async () => {
    const gone = await server.createUser('regular', 'Leaving');
    const conversation = await conversationWith({ status: 'assigned', assignee: gone });
    const intent = decide('message.created', {
      conversation,
      message: messageDtoFixture(conversation.id, 'visitor'),
    });
    expect(await server.charla.services.notifications.deliver(intent!)).toEqual({
      inApp: [gone.id],
      push: [gone.id],
    });
    await server.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${gone.id}`,
      as: admin,
      payload: { active: false },
    });
    expect(await server.charla.services.notifications.deliver(intent!)).toEqual({ inApp: [], push: [] });
  });

  // Two processes share a database only on PostgreSQL runs (with Redis as the bus).
  it.runIf(testDialect === 'postgres')(
    'tells nobody on another process once the user is deactivated, although it remembered their row',
    async () => {
      const two = await startTestServer({ database: server.database, busChannel: server.busChannel });
      try {
        const gone = await server.createUser('regular', 'Leaving elsewhere');
        const socket = await connectAgent(await two.listen(), gone.cookie, TEST_ORIGIN);
        const closed = new Promise<void>((resolve) => socket.socket.once('close', () => resolve()));
        const conversation = await conversationWith({ status: 'assigned', assignee: gone });
        const intent = decide('message.created', {
          conversation,
          message: messageDtoFixture(conversation.id, 'visitor'),
        });
        expect((await two.charla.services.notifications.deliver(intent!)).inApp).toEqual([gone.id]);
        const off = await server.request({
          method: 'PATCH',
          url: `/api/v1/admin/users/${gone.id}`,
          as: admin,
          payload: { active: false },
        });
        expect(off.statusCode).toBe(200);
        // The deactivation reached the other process (its socket closed): the word that forgot the
        // user there went out before the revocation, on the same bus connection (lib/shared-caches.ts).
        await closed;
        expect(await two.charla.services.notifications.deliver(intent!)).toEqual({ inApp: [], push: [] });
      } finally {
        await two.close();
      }
    },
  );

  it('re-checks visibility at send time: nobody hears about a conversation that changed hands meanwhile', async () => {
    const conversation = await conversationWith({ status: 'waiting', assignee: null });
    await setConversationState(server.charla.services.database.db, conversation.id, {
      status: 'assigned',
      assigneeId: bob.id,
    });
    const unassigned = decide('conversation.unassigned', { conversation });
    expect(await server.charla.services.notifications.deliver(unassigned!)).toEqual({ inApp: [], push: [] });

    const assignedToAlice = conversationDtoFixture({
      id: conversation.id,
      status: 'assigned',
      assignee: { id: alice.id, name: 'Alice', avatarUrl: null },
    });
    const message = decide('message.created', {
      conversation: assignedToAlice,
      message: messageDtoFixture(conversation.id, 'visitor'),
    });
    expect(await server.charla.services.notifications.deliver(message!)).toEqual({ inApp: [], push: [] });

    const missing = decide('conversation.unassigned', {
      conversation: conversationDtoFixture({ id: '01900000-0000-7000-8000-00000000dead' }),
    });
    expect(await server.charla.services.notifications.deliver(missing!)).toEqual({ inApp: [], push: [] });
    expect(receiver.requests).toHaveLength(0);
  });

  it('follows per-user switches over company defaults, and an event disabled for everyone stays off', async () => {
    const get = async (user: TestUser) =>
      (
        await server.request({ url: '/api/v1/me/notification-settings', as: user })
      ).json<TMyNotificationSettingsDto>();
    expect((await get(alice)).visitor_message).toEqual({
      inApp: true,
      push: true,
      sound: true,
      disabled: false,
      companyDefault: 'on',
    });

    const put = await server.request({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      as: alice,
      payload: { visitor_message: { push: false, sound: false } },
    });
    expect(put.json<TMyNotificationSettingsDto>().visitor_message).toMatchObject({
      inApp: true,
      push: false,
      sound: false,
    });
    const conversation = await conversationWith({ status: 'assigned', assignee: alice });
    const intent = decide('message.created', {
      conversation,
      message: messageDtoFixture(conversation.id, 'visitor'),
    })!;
    expect(await server.charla.services.notifications.deliver(intent)).toEqual({
      inApp: [alice.id],
      push: [],
    });

    const company = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/notifications',
      as: admin,
      payload: { conversation_unassigned: 'on', conversation_assigned: 'off', visitor_message: 'disabled' },
    });
    expect(company.statusCode).toBe(200);
    expect((await get(alice)).visitor_message).toEqual({
      inApp: false,
      push: false,
      sound: false,
      disabled: true,
      companyDefault: 'disabled',
    });
    expect((await get(bob)).conversation_assigned).toMatchObject({
      inApp: false,
      push: false,
      companyDefault: 'off',
    });
    expect(await server.charla.services.notifications.deliver(intent)).toEqual({ inApp: [], push: [] });

    expect(
      (
        await server.request({
          method: 'PUT',
          url: '/api/v1/admin/settings/notifications',
          as: alice,
          payload: {
            conversation_unassigned: 'disabled',
            conversation_assigned: 'off',
            visitor_message: 'on',
          },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await server.request({
          method: 'PUT',
          url: '/api/v1/me/notification-settings',
          as: alice,
          payload: { visitor_message: { loud: true } },
        })
      ).statusCode,
    ).toBe(422);
    await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/notifications',
      as: admin,
      payload: { conversation_unassigned: 'on', conversation_assigned: 'on', visitor_message: 'on' },
    });
  });

  it('drops a subscription whose push service answers 410 Gone', async () => {
    const old = await subscribe(bob, 'bob-old-browser');
    gone.add(old.path);
    const res = await server.request({ method: 'POST', url: '/api/v1/me/notifications/test', as: bob });
    expect(res.json()).toMatchObject({ devices: 2, delivered: 1, expired: 1, failed: 0 });
    const left = await server.request({ url: '/api/v1/me/push-subscriptions', as: bob });
    expect(left.json<TPushSubscriptionDto[]>()).toHaveLength(1);
  });

  it('moves a browser endpoint to the user who subscribed it last (shared device)', async () => {
    const shared = await subscribe(alice, 'shared');
    await subscribe(bob, 'shared');
    await server.request({ method: 'POST', url: '/api/v1/me/notifications/test', as: alice });
    expect(pushesTo(shared)).toHaveLength(0); // alice's laptop and phone only: the shared browser is bob's now
    const aliceDevices = (await server.request({ url: '/api/v1/me/push-subscriptions', as: alice })).json<
      TPushSubscriptionDto[]
    >();
    expect(aliceDevices).toHaveLength(2);
  });
});
