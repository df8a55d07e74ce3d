import { ZAgentClientFrame, ZVisitorClientFrame, type TConversationDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  type TestUser,
} from '../test/harness';
import { createActivePlaybook, goOnline } from '../test/playbook-setup';
import { connectAgent, connectVisitor, FrameClient, newClientId, text } from '../test/visitor-client';
import {
  assignedConversation,
  errorCode,
  framesAbout,
  sleep,
  snapshotDatabase,
  startChat,
  UNKNOWN_ID,
  type Visitor,
} from './security-fixtures';

// Issue #10 items 1, 2, 4 and 6: who may touch what, generated from the live route table and the
// protocol's frame unions so that a new route or frame type is covered (or fails here) at once.

const clock = createFakeClock();

/** Valid-looking bodies for every route of one conversation; a new route must add one here. */
function conversationRouteBody(method: string, url: string, intruder: TestUser): unknown {
  const key = `${method} ${url.replace(/:[A-Za-z]+/g, ':id')}`;
  const bodies: Record<string, unknown> = {
    'GET /api/v1/conversations/:id': undefined,
    'GET /api/v1/conversations/:id/messages': undefined,
    'POST /api/v1/conversations/:id/messages': { clientMsgId: newClientId(), body: text('intruder message') },
    'POST /api/v1/conversations/:id/notes': {
      clientMsgId: newClientId(),
      text: 'intruder note',
      mentions: [],
    },
    'POST /api/v1/conversations/:id/assign': undefined,
    'POST /api/v1/conversations/:id/reassign': { userId: intruder.id },
    'POST /api/v1/conversations/:id/close': undefined,
    'POST /api/v1/conversations/:id/read': { seq: 1 },
    'GET /api/v1/conversations/:id/panel': undefined,
    'GET /api/v1/conversations/:id/history': undefined,
    'PUT /api/v1/conversations/:id/panel': { person: { name: 'Intruder', email: null, phone: null } },
    'POST /api/v1/conversations/:id/panel/lead': { title: 'Stolen lead' },
    'POST /api/v1/conversations/:id/panel/deal': { title: 'Stolen deal' },
    'POST /api/v1/conversations/:id/transcript': { to: 'intruder@example.com', language: 'en' },
    // Labels (issue 16): visibility is checked before the label (labels.test.ts uses real ones).
    'POST /api/v1/conversations/:id/labels': { labelId: 'any-label' },
    'DELETE /api/v1/conversations/:id/labels/:id': undefined,
    'POST /api/v1/conversations/:id/follow-up': {
      clientMsgId: newClientId(),
      body: text('intruder follow-up'),
    },
    // Files (issue 17): an upload's body is its raw bytes; a link names an attachment.
    'POST /api/v1/conversations/:id/uploads': 'intruder bytes',
    'GET /api/v1/conversations/:id/attachments/:id/link': undefined,
    // A canned reply's files staged in the conversation: visibility comes before the response.
    'POST /api/v1/conversations/:id/uploads/from-canned': { cannedResponseId: 'any-response' },
  };
  if (!(key in bodies))
    throw new Error(`No sample body for ${key}: add one so the route is covered by the visibility walk`);
  return bodies[key];
}

describe('access control (issue #10 items 1, 2, 4, 6)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let playbook: { id: string; publicId: string };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
    playbook = await createActivePlaybook(server, admin);
    await goOnline(server, alice);
    await goOnline(server, bob);
  });
  afterAll(() => server.close());

  describe('1. visitor tokens', () => {
    it('issues unguessable tokens (≥128 bits, all distinct) and never adopts a token the client chose', async () => {
      const tokens = new Set<string>();
      for (let i = 0; i < 20; i += 1) {
        const res = await server.request({
          method: 'POST',
          url: '/api/v1/widget/session',
          payload: {},
          remoteAddress: `10.9.0.${i}`,
        });
        const token = res.json<{ visitorToken: string }>().visitorToken;
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
        // base64url carries 6 bits per character.
        expect(token.length * 6).toBeGreaterThanOrEqual(128);
        tokens.add(token);
      }
      expect(tokens.size).toBe(20);

      for (const chosen of [
        'chosen-by-the-client',
        'a'.repeat(43),
        // A real token with its last character changed (to a different one: never the token itself).
        (() => {
          const real = [...tokens][0] ?? '';
          return real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
        })(),
        '',
        ' ',
      ]) {
        const res = await server.request({
          method: 'POST',
          url: '/api/v1/widget/session',
          payload: { visitorToken: chosen },
          remoteAddress: '10.9.1.1',
        });
        const body = res.json<{ visitorToken: string; created: boolean }>();
        expect(body.created).toBe(true);
        expect(body.visitorToken).not.toBe(chosen);
        const list = await server.request({
          url: '/api/v1/widget/conversations',
          headers: { authorization: `Visitor ${chosen}` },
        });
        expect(list.statusCode).toBe(401);
      }
      await expect(
        FrameClient.connect(`${baseUrl.replace('http', 'ws')}/ws/visitor?token=chosen-by-the-client`),
      ).rejects.toThrow(/401/);
      await expect(FrameClient.connect(`${baseUrl.replace('http', 'ws')}/ws/visitor`)).rejects.toThrow(/401/);
    });

    it('refuses every visitor frame about another visitor’s conversation, over WebSocket and REST, changing nothing', async () => {
      const owner = await connectVisitor(baseUrl);
      const conversationId = await startChat(owner, playbook.publicId);
      const intruder = await connectVisitor(baseUrl);
      const agent = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      const before = await snapshotDatabase(server);

      const samples: Record<string, Record<string, unknown>> = {
        subscribe: { lastSeq: 0 },
        send: { clientMsgId: newClientId(), body: text('not yours') },
        answer: { clientMsgId: newClientId(), answer: { kind: 'button', optionId: 'talk' } },
        typing: { active: true, preview: 'sneaky preview' },
        read: { seq: 5 },
        leave: {},
      };
      const withConversation = ZVisitorClientFrame.options
        .filter((o) => 'conversationId' in o.shape)
        .map((o) => o.shape.type.value);
      expect(withConversation.sort()).toEqual(Object.keys(samples).sort());
      for (const type of withConversation) {
        const ref = `x-${type}`;
        const shape = ZVisitorClientFrame.options.find((o) => o.shape.type.value === type)?.shape ?? {};
        intruder.client.send({ type, ...('ref' in shape ? { ref } : {}), conversationId, ...samples[type] });
        // typing and read carry no ref: their error frame arrives without one.
        await intruder.client.waitFor(
          (f) =>
            f.type === 'error' &&
            f.code === 'CONVERSATION_NOT_FOUND' &&
            (f.ref === ref || f.ref === undefined) &&
            !intruder.client.frames.slice(0, intruder.client.frames.indexOf(f)).includes(f),
        );
      }
      intruder.client.send({ type: 'ping' });
      await intruder.client.waitFor((f) => f.type === 'pong');
      expect(intruder.client.frames.filter((f) => f.type === 'error').length).toBe(withConversation.length);
      expect(
        intruder.client.frames.some(
          (f) =>
            (f.type === 'conversation' && f.conversation.id === conversationId) ||
            ((f.type === 'messages' || f.type === 'message') && JSON.stringify(f).includes(conversationId)),
        ),
      ).toBe(false);

      // REST with the intruder's token, and with no token / a user cookie in place of one.
      const asIntruder = { authorization: `Visitor ${intruder.token}` };
      expect(
        (
          await server.request({
            url: `/api/v1/widget/conversations/${conversationId}/messages`,
            headers: asIntruder,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await server.request({ url: '/api/v1/widget/conversations', headers: asIntruder }))
          .json<{ id: string }[]>()
          .map((c) => c.id),
      ).not.toContain(conversationId);
      expect(
        (
          await server.request({
            url: `/api/v1/widget/conversations/${conversationId}/messages`,
            headers: { cookie: alice.cookie },
          })
        ).statusCode,
      ).toBe(401);
      // A visitor token opens no user route.
      expect(
        (await server.request({ url: `/api/v1/conversations/${conversationId}`, headers: asIntruder }))
          .statusCode,
      ).toBe(401);
      expect(
        (
          await server.request({
            url: '/api/v1/conversations?folder=unassigned',
            headers: { ...asIntruder, cookie: `charla_session=${intruder.token}` },
          })
        ).statusCode,
      ).toBe(401);
      // A visitor token opens no agent socket.
      await expect(
        FrameClient.connect(`${baseUrl.replace('http', 'ws')}/ws/agent?token=${intruder.token}`, {
          origin: TEST_ORIGIN,
          authorization: `Visitor ${intruder.token}`,
        }),
      ).rejects.toThrow(/401/);

      await sleep(100);
      expect(framesAbout(agent, conversationId).filter((f) => f.type === 'typing')).toEqual([]);
      expect(await snapshotDatabase(server)).toEqual(before);
      expect((await server.charla.services.conversations.getRow(conversationId)).status).toBe('bot');
      await Promise.all([owner.client.close(), intruder.client.close(), agent.close()]);
    });
  });

  describe('2. conversations assigned to someone else', () => {
    let owner: Visitor;
    let conversationId: string;
    const secret = `secret-${newClientId()}`;

    beforeAll(async () => {
      ({ visitor: owner, conversationId } = await assignedConversation(
        server,
        baseUrl,
        playbook.publicId,
        alice,
      ));
      const ref = 'secret';
      owner.client.send({
        type: 'send',
        ref,
        conversationId,
        clientMsgId: newClientId(),
        body: text(secret),
      });
      await owner.client.waitFor((f) => f.type === 'ack' && f.ref === ref);
    });
    afterAll(() => owner.client.close());

    it('answers every route of that conversation (from the route table) with 404 to any other user, admins included, changing nothing', async () => {
      const routes = server.charla.routes.filter((r) =>
        /^\/api\/v1\/conversations\/:[A-Za-z]+(\/|$)/.test(r.url),
      );
      expect(routes.length).toBeGreaterThanOrEqual(11);
      const before = await snapshotDatabase(server);
      for (const intruder of [bob, admin]) {
        for (const route of routes) {
          // An upload names its file and size in the query (checked before the handler runs).
          const query = route.url.endsWith('/uploads') ? '?name=intruder.png&size=14' : '';
          const url = route.url.replace(/:[A-Za-z]+/, conversationId) + query;
          const payload = conversationRouteBody(route.method, route.url, intruder);
          const res = await server.request({
            method: route.method,
            url,
            as: intruder,
            ...(payload === undefined ? {} : { payload: payload as object }),
          });
          const expected = route.url.endsWith('/assign')
            ? { status: 409, code: 'CONVERSATION_ALREADY_ASSIGNED' }
            : { status: 404, code: 'CONVERSATION_NOT_FOUND' };
          expect({
            route: `${route.method} ${route.url}`,
            as: intruder.name,
            status: res.statusCode,
            code: errorCode(res),
          }).toEqual({ route: `${route.method} ${route.url}`, as: intruder.name, ...expected });
          expect(res.body).not.toContain(secret);
        }
        for (const folder of ['unassigned', 'mine', 'closed']) {
          for (const q of ['', secret, 'Visitor']) {
            const list = await server.request({
              url: `/api/v1/conversations?folder=${folder}&q=${encodeURIComponent(q)}`,
              as: intruder,
            });
            expect(list.statusCode).toBe(200);
            expect(list.body).not.toContain(conversationId);
          }
        }
      }
      expect(await snapshotDatabase(server)).toEqual(before);
      // The owner still sees it (the walk did not just break the routes).
      expect(
        (await server.request({ url: `/api/v1/conversations/${conversationId}/messages`, as: alice })).body,
      ).toContain(secret);
    });

    it('refuses every agent frame type about it and sends the other user no event of it', async () => {
      const bobSocket = await connectAgent(baseUrl, bob.cookie, TEST_ORIGIN);
      const aliceSocket = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      await aliceSocket.follow(conversationId);
      const samples: Record<string, Record<string, unknown>> = {
        subscribe: { lastSeq: 0 },
        unsubscribe: {},
        send: { clientMsgId: newClientId(), body: text('intruder') },
        typing: { active: true },
        read: { seq: 1 },
      };
      const types = ZAgentClientFrame.options
        .filter((o) => 'conversationId' in o.shape)
        .map((o) => o.shape.type.value);
      expect(types.sort()).toEqual(Object.keys(samples).sort());
      for (const type of types) {
        const shape = ZAgentClientFrame.options.find((o) => o.shape.type.value === type)?.shape ?? {};
        bobSocket.send({
          type,
          ...('ref' in shape ? { ref: `b-${type}` } : {}),
          conversationId,
          ...samples[type],
        });
      }
      bobSocket.send({ type: 'ping' });
      await bobSocket.waitFor((f) => f.type === 'pong');
      await sleep(50);
      const errors = bobSocket.frames.filter((f) => f.type === 'error');
      // unsubscribe ends no subscription here; every other frame about the conversation is refused as if it did not exist.
      expect(errors.map((f) => (f.type === 'error' ? f.code : ''))).toEqual(
        types.filter((t) => t !== 'unsubscribe').map(() => 'CONVERSATION_NOT_FOUND'),
      );

      // Live traffic of the conversation reaches Alice only.
      const ref = 'live';
      owner.client.send({ type: 'typing', conversationId, active: true, preview: secret });
      owner.client.send({
        type: 'send',
        ref,
        conversationId,
        clientMsgId: newClientId(),
        body: text(`${secret} again`),
      });
      await owner.client.waitFor((f) => f.type === 'ack' && f.ref === ref);
      await aliceSocket.waitFor((f) => f.type === 'message' && f.message.conversationId === conversationId);
      await sleep(100);
      expect(framesAbout(bobSocket, conversationId)).toEqual([]);
      expect(JSON.stringify(bobSocket.frames)).not.toContain(secret);
      expect(owner.client.frames.some((f) => f.type === 'typing')).toBe(false);
      await Promise.all([bobSocket.close(), aliceSocket.close()]);
    });
  });

  it('2. revokes the previous owner’s live view at once on reassignment, and on someone else taking it', async () => {
    const { visitor, conversationId } = await assignedConversation(server, baseUrl, playbook.publicId, alice);
    const aliceSocket = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
    const bobSocket = await connectAgent(baseUrl, bob.cookie, TEST_ORIGIN);
    aliceSocket.send({ type: 'subscribe', ref: 's', conversationId, lastSeq: 0 });
    await aliceSocket.waitFor((f) => f.type === 'messages' && f.conversationId === conversationId);

    const moved = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/reassign`,
      as: alice,
      payload: { userId: bob.id },
    });
    expect(moved.statusCode).toBe(200);
    await aliceSocket.waitFor(
      (f) => f.type === 'conversation_removed' && f.conversationId === conversationId,
      2000,
    );
    const removedAt = aliceSocket.frames.length;
    await bobSocket.follow(conversationId);

    const ref = 'after';
    visitor.client.send({
      type: 'send',
      ref,
      conversationId,
      clientMsgId: newClientId(),
      body: text('only for Bob'),
    });
    await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === ref);
    await bobSocket.waitFor((f) => f.type === 'message' && f.message.conversationId === conversationId);
    await sleep(100);
    expect(JSON.stringify(aliceSocket.frames.slice(removedAt))).not.toContain('only for Bob');
    aliceSocket.send({ type: 'subscribe', ref: 's2', conversationId, lastSeq: 0 });
    await aliceSocket.waitFor(
      (f) => f.type === 'error' && f.ref === 's2' && f.code === 'CONVERSATION_NOT_FOUND',
    );
    expect(
      (await server.request({ url: `/api/v1/conversations/${conversationId}`, as: alice })).statusCode,
    ).toBe(404);

    // Bob gives it up; Alice sees it in Unassigned again, then loses it the moment Bob takes it back.
    await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/reassign`,
      as: bob,
      payload: { userId: null },
    });
    await aliceSocket.waitFor(
      (f) =>
        f.type === 'conversation' &&
        f.conversation.id === conversationId &&
        f.conversation.status === 'waiting',
    );
    const count = aliceSocket.frames.length;
    expect(
      (
        await server.request({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/assign`,
          as: bob,
        })
      ).statusCode,
    ).toBe(200);
    await aliceSocket.waitFor(
      (f) =>
        aliceSocket.frames.indexOf(f) >= count &&
        f.type === 'conversation_removed' &&
        f.conversationId === conversationId,
      2000,
    );
    await Promise.all([visitor.client.close(), aliceSocket.close(), bobSocket.close()]);
  });

  describe('4. mass assignment', () => {
    const FORBIDDEN = {
      role: 'admin',
      companyId: 'other-company',
      assigneeId: UNKNOWN_ID,
      status: 'closed',
      createdAt: 1,
      updatedAt: 1,
      id: UNKNOWN_ID,
      passwordHash: 'x',
      active: true,
      seq: 1,
    };
    type Schema = {
      type?: string;
      properties?: Record<string, Schema>;
      additionalProperties?: unknown;
      anyOf?: Schema[];
      oneOf?: Schema[];
      allOf?: Schema[];
      items?: Schema;
    };

    it('declares every JSON request body closed (additionalProperties: false, from strict schemas)', async () => {
      const doc = (await server.request({ url: '/api/docs/json' })).json<{
        paths: Record<
          string,
          Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>
        >;
      }>();
      const open: string[] = [];
      let checked = 0;
      function walk(schema: Schema | undefined, where: string): void {
        if (!schema) return;
        if (schema.type === 'object' && schema.properties) {
          checked += 1;
          if (schema.additionalProperties !== false) open.push(where);
          for (const [k, v] of Object.entries(schema.properties)) walk(v, `${where}.${k}`);
        }
        for (const s of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
          walk(s, where);
        if (schema.items) walk(schema.items, `${where}[]`);
      }
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods))
          walk(op.requestBody?.content?.['application/json']?.schema, `${method.toUpperCase()} ${path}`);
      }
      expect(checked).toBeGreaterThan(30);
      // Playbook documents are validated by their own strict schema inside the handler.
      expect(open.filter((w) => !w.includes('.document'))).toEqual([]);
    });

    it('refuses owner, role, status, id and timestamp fields on every unsafe route that takes a body (422, nothing written)', async () => {
      const before = await snapshotDatabase(server);
      // Logout has no body and would end the admin's session; everything else is walked.
      const unsafe = server.charla.routes.filter(
        (r) => r.method !== 'GET' && r.auth !== 'visitor' && r.url !== '/api/v1/auth/logout',
      );
      const namedTheField: string[] = [];
      for (const route of unsafe) {
        const url = route.url.replace(/:[A-Za-z]+/g, UNKNOWN_ID);
        for (const [field, value] of Object.entries(FORBIDDEN)) {
          const res = await server.request({
            method: route.method,
            url,
            as: admin,
            payload: { [field]: value },
            remoteAddress: '10.8.0.1',
          });
          const where = `${route.method} ${route.url} {${field}}`;
          expect({ where, status: res.statusCode < 500 }).toEqual({ where, status: true });
          // The strict schema names the extra field: the 422 is about it, not only about missing ones.
          if (
            res.statusCode === 422 &&
            JSON.stringify(res.json<{ error: { details?: unknown } }>().error.details ?? '').includes(field)
          )
            namedTheField.push(where);
        }
      }
      expect(namedTheField.length).toBeGreaterThan(300);
      expect(await snapshotDatabase(server)).toEqual(before);
    });

    it('refuses the fields on valid bodies of the routes that create and edit things', async () => {
      const { conversationId, visitor } = await assignedConversation(
        server,
        baseUrl,
        playbook.publicId,
        alice,
      );
      const person = await server.request({
        method: 'POST',
        url: '/api/v1/crm/persons',
        as: alice,
        payload: { name: 'Pat' },
      });
      const personId = person.json<{ id: string }>().id;
      const lead = await server.request({
        method: 'POST',
        url: '/api/v1/crm/leads',
        as: alice,
        payload: { title: 'Lead' },
      });
      const leadId = lead.json<{ id: string }>().id;
      const before = await snapshotDatabase(server);
      const cases: {
        as: TestUser;
        method: 'POST' | 'PUT' | 'PATCH';
        url: string;
        body: Record<string, unknown>;
        fields: (keyof typeof FORBIDDEN)[];
      }[] = [
        {
          as: bob,
          method: 'PATCH',
          url: '/api/v1/me',
          body: { name: 'Bob B' },
          fields: ['role', 'active', 'id', 'createdAt', 'companyId', 'passwordHash'],
        },
        {
          as: admin,
          method: 'POST',
          url: '/api/v1/admin/users',
          body: { email: 'mass@example.com', name: 'Mass', password: 'long password 1' },
          fields: ['id', 'createdAt', 'companyId', 'active', 'passwordHash'],
        },
        {
          as: admin,
          method: 'PATCH',
          url: `/api/v1/admin/users/${bob.id}`,
          body: { name: 'Bobby' },
          fields: ['id', 'createdAt', 'companyId', 'passwordHash'],
        },
        {
          as: alice,
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/messages`,
          body: { clientMsgId: newClientId(), body: text('hi') },
          fields: ['id', 'createdAt', 'seq', 'status', 'assigneeId'],
        },
        {
          as: alice,
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/reassign`,
          body: { userId: bob.id },
          fields: ['status', 'assigneeId', 'createdAt'],
        },
        {
          as: alice,
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/read`,
          body: { seq: 1 },
          fields: ['status', 'assigneeId'],
        },
        {
          as: alice,
          method: 'PUT',
          url: `/api/v1/conversations/${conversationId}/panel`,
          body: { person: { name: 'X', email: null, phone: null } },
          fields: ['status', 'assigneeId', 'createdAt', 'id', 'companyId'],
        },
        {
          as: alice,
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/panel/lead`,
          body: { title: 'L' },
          fields: ['status', 'assigneeId', 'createdAt', 'id'],
        },
        {
          as: alice,
          method: 'POST',
          url: '/api/v1/crm/persons',
          body: { name: 'New' },
          fields: ['id', 'createdAt', 'companyId', 'status'],
        },
        {
          as: alice,
          method: 'PATCH',
          url: `/api/v1/crm/persons/${personId}`,
          body: { name: 'Pat 2' },
          fields: ['id', 'createdAt', 'companyId'],
        },
        {
          as: alice,
          method: 'POST',
          url: '/api/v1/crm/leads',
          body: { title: 'T' },
          fields: ['id', 'createdAt', 'status', 'companyId'],
        },
        {
          as: alice,
          method: 'PATCH',
          url: `/api/v1/crm/leads/${leadId}`,
          body: { title: 'T2' },
          fields: ['id', 'createdAt', 'companyId'],
        },
        {
          as: alice,
          method: 'POST',
          url: '/api/v1/crm/notes',
          body: { body: text('n'), personId },
          fields: ['id', 'createdAt', 'companyId'],
        },
        {
          as: admin,
          method: 'POST',
          url: '/api/v1/playbooks',
          body: { name: 'P', templateId: 'blank', language: 'en' },
          fields: ['status', 'id', 'createdAt', 'companyId'],
        },
        {
          as: alice,
          method: 'PUT',
          url: '/api/v1/me/online',
          body: { online: true },
          fields: ['role', 'id'],
        },
      ];
      for (const c of cases) {
        for (const field of c.fields) {
          const res = await server.request({
            method: c.method,
            url: c.url,
            as: c.as,
            payload: { ...c.body, [field]: FORBIDDEN[field] },
          });
          expect({
            route: `${c.method} ${c.url}`,
            field,
            status: res.statusCode,
            code: errorCode(res),
          }).toEqual({ route: `${c.method} ${c.url}`, field, status: 422, code: 'VALIDATION_FAILED' });
        }
      }
      const after = await snapshotDatabase(server);
      // Reading a conversation's panel may not write; nothing else may have changed either.
      expect(after).toEqual(before);
      const me = (await server.request({ url: '/api/v1/me', as: bob })).json<{ role: string }>();
      expect(me.role).toBe('regular');
      expect((await server.charla.services.conversations.getRow(conversationId)).assignee_id).toBe(alice.id);
      await visitor.client.close();
    });
  });

  describe('6. CSRF', () => {
    it('refuses every cookie-authenticated unsafe route from a foreign or missing Origin with 403 ORIGIN_NOT_ALLOWED, changing nothing', async () => {
      const unsafe = server.charla.routes.filter(
        (r) => r.method !== 'GET' && (r.auth === 'user' || r.auth === 'admin'),
      );
      expect(unsafe.length).toBeGreaterThan(40);
      const before = await snapshotDatabase(server);
      const attacks: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: `${TEST_ORIGIN}.evil.example` },
        { origin: TEST_ORIGIN.replace('http:', 'https:') + ':444' },
        { referer: 'https://evil.example/charla.test' },
        {},
      ];
      for (const route of unsafe) {
        const url = route.url.replace(/:[A-Za-z]+/g, UNKNOWN_ID);
        for (const headers of attacks) {
          const res = await server.request({
            method: route.method,
            url,
            headers: { cookie: admin.cookie, 'content-type': 'application/json', ...headers },
            payload: '{}',
          });
          expect({
            route: `${route.method} ${route.url}`,
            headers,
            status: res.statusCode,
            code: errorCode(res),
          }).toEqual({
            route: `${route.method} ${route.url}`,
            headers,
            status: 403,
            code: 'ORIGIN_NOT_ALLOWED',
          });
        }
      }
      expect(await snapshotDatabase(server)).toEqual(before);
      // The same request from our own origin is let through (the check is not a blanket refusal).
      expect(
        (
          await server.request({
            method: 'PUT',
            url: '/api/v1/me/online',
            as: bob,
            payload: { online: true },
          })
        ).statusCode,
      ).toBe(200);
    });

    it('refuses the bodies an HTML form or a no-cors fetch can send cross-site on the public unsafe routes (login CSRF)', async () => {
      const publicUnsafe = server.charla.routes.filter((r) => r.method !== 'GET' && r.auth === 'public');
      expect(publicUnsafe.map((r) => r.url)).toEqual(
        expect.arrayContaining(['/api/v1/auth/login', '/api/v1/widget/session']),
      );
      const before = await snapshotDatabase(server);
      for (const route of publicUnsafe) {
        for (const [type, payload] of [
          ['text/plain', JSON.stringify({ email: alice.email, password: alice.password })],
          ['application/x-www-form-urlencoded', `email=${encodeURIComponent(alice.email)}&password=x`],
          [
            'multipart/form-data; boundary=x',
            '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--',
          ],
        ] as const) {
          const res = await server.request({
            method: route.method,
            url: route.url,
            headers: { 'content-type': type, origin: 'https://evil.example' },
            payload,
            remoteAddress: '10.7.0.1',
          });
          // 415 for forms; text/plain parses to a string, which no object schema takes (422).
          expect({ route: route.url, type, refused: [415, 422].includes(res.statusCode) }).toEqual({
            route: route.url,
            type,
            refused: true,
          });
          expect(res.headers['set-cookie']).toBeUndefined();
        }
      }
      expect(await snapshotDatabase(server)).toEqual(before);
    });

    it('refuses the agent socket to foreign, null and look-alike Origins (cross-site WebSocket hijacking)', async () => {
      for (const origin of ['https://evil.example', 'null', `${TEST_ORIGIN}.evil.example`]) {
        await expect(connectAgent(baseUrl, alice.cookie, origin)).rejects.toThrow(/403/);
      }
      await expect(
        FrameClient.connect(`${baseUrl.replace('http', 'ws')}/ws/agent`, { cookie: alice.cookie }),
      ).rejects.toThrow(/403/);
      const ok = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
      await ok.close();
    });
  });

  it('keeps unassigned and closed conversations visible to everyone (the walk above is about ownership, not a blanket 404)', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, playbook.publicId);
    for (const user of [alice, bob, admin])
      expect(
        (
          await server.request({ url: `/api/v1/conversations/${conversationId}`, as: user })
        ).json<TConversationDto>().id,
      ).toBe(conversationId);
    await visitor.client.close();
  });
});
