import {
  findHtmlSafetyViolation,
  renderHtml,
  XSS_PAYLOADS,
  XSS_URLS,
  type TMessageDto,
  type TRichText,
} from '@charla/protocol';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeClock,
  startTestServer,
  TEST_ORIGIN,
  type TestServer,
  type TestUser,
} from '../test/harness';
import { createActivePlaybook, goOnline } from '../test/playbook-setup';
import { connectAgent, connectVisitor, newClientId, text } from '../test/visitor-client';
import { assignedConversation, snapshotDatabase, startChat, type Visitor } from './security-fixtures';

// Issue #10 item 8 (server half): every hostile string goes in through every text field that is
// shown somewhere and comes back as inert data — the exact string inside JSON, or rich text as an
// AST — never as HTML. The browser half (no script runs in inbox or widget) is e2e/security.e2e.ts.

const clock = createFakeClock();

/** Every rich-text document anywhere in a JSON value. */
function richTextDocs(value: unknown, out: TRichText[] = []): TRichText[] {
  if (Array.isArray(value)) for (const v of value) richTextDocs(v, out);
  else if (value && typeof value === 'object') {
    if (
      (value as { type?: unknown }).type === 'doc' &&
      Array.isArray((value as { content?: unknown }).content)
    )
      out.push(value as TRichText);
    else for (const v of Object.values(value)) richTextDocs(v, out);
  }
  return out;
}

/** Inert: JSON (never text/html), the string verbatim, no HTML field, and any rich text renders safely. */
function expectInert(res: LightMyRequestResponse, payloads: readonly string[]): void {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const json = res.json<unknown>();
  const flat = JSON.stringify(json);
  for (const p of payloads) expect(flat).toContain(JSON.stringify(p).slice(1, -1));
  expect(flat).not.toMatch(/"html"\s*:/i);
  for (const doc of richTextDocs(json)) expect(findHtmlSafetyViolation(renderHtml(doc))).toBeNull();
}

const fit = (p: string, max: number) => p.slice(0, max).trim();

// NUL cannot be stored in PostgreSQL text: it is refused at the edge (400 BAD_REQUEST) on both
// databases. Every other payload must be stored and returned verbatim.
const WITH_NUL = XSS_PAYLOADS.filter((p) => p.includes('\u0000'));
const PAYLOADS = XSS_PAYLOADS.filter((p) => !p.includes('\u0000'));

describe('stored XSS: every shown text field keeps hostile strings inert (issue #10 item 8)', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let alice: TestUser;
  let playbook: { id: string; publicId: string };
  let visitor: Visitor;
  let conversationId: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ada Admin');
    alice = await server.createUser('regular', 'Alice');
    playbook = await createActivePlaybook(server, admin);
    await goOnline(server, alice);
    ({ visitor, conversationId } = await assignedConversation(server, baseUrl, playbook.publicId, alice));
  });
  afterAll(async () => {
    await visitor.client.close();
    await server.close();
  });

  it('uses at least 50 payloads, and refuses the ones with NUL everywhere', async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(WITH_NUL.length).toBeGreaterThan(0);
    for (const payload of WITH_NUL) {
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: alice,
        payload: { clientMsgId: newClientId(), body: text(payload) },
      });
      expect(res.statusCode).toBe(400);
      expect(
        (
          await server.request({
            method: 'POST',
            url: '/api/v1/crm/persons',
            as: alice,
            payload: { name: payload },
          })
        ).statusCode,
      ).toBe(400);
      visitor.client.send({
        type: 'send',
        ref: 'nul',
        conversationId,
        clientMsgId: newClientId(),
        body: text(payload),
      });
      await visitor.client.waitFor((f) => f.type === 'error' && f.ref === 'nul' && f.code === 'BAD_REQUEST');
    }
  });

  it('stores visitor and user messages with every payload as text of the AST, and the inbox feed carries them verbatim', async () => {
    const agent = await connectAgent(baseUrl, alice.cookie, TEST_ORIGIN);
    await agent.follow(conversationId);
    for (const [i, payload] of PAYLOADS.entries()) {
      if (i % 25 === 24) clock.advance(10_001); // stays under the 30-per-10-s visitor limit
      visitor.client.send({
        type: 'send',
        ref: `v${i}`,
        conversationId,
        clientMsgId: `v-${i}-${newClientId()}`,
        body: text(payload),
      });
      await visitor.client.waitFor((f) => f.type === 'ack' && f.ref === `v${i}`);
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: alice,
        payload: { clientMsgId: `u-${i}`, body: text(payload) },
      });
      expect(res.statusCode).toBe(201);
    }
    const page = await server.request({
      url: `/api/v1/conversations/${conversationId}/messages?limit=500`,
      as: alice,
    });
    expectInert(page, PAYLOADS);
    const items = page.json<{ items: TMessageDto[] }>().items;
    for (const payload of PAYLOADS) {
      const matching = items.filter(
        (m) => m.body?.content[0]?.type === 'paragraph' && m.body.content[0].content?.[0]?.text === payload,
      );
      expect({ payload, count: matching.length }).toEqual({ payload, count: 2 });
    }
    // The live frames carry the same inert data.
    await agent.waitFor(
      (f) => f.type === 'message' && f.message.clientMsgId?.startsWith(`v-${PAYLOADS.length - 1}-`) === true,
    );
    for (const f of agent.frames)
      if (f.type === 'message' && f.message.body)
        expect(findHtmlSafetyViolation(renderHtml(f.message.body))).toBeNull();
    // Notifications and conversation previews are plain strings.
    for (const f of agent.frames)
      if (f.type === 'notification') expect(typeof f.notification.body).toBe('string');
    expectInert(await server.request({ url: `/api/v1/conversations?folder=mine`, as: alice }), []);
    // The visitor's own timeline too.
    expectInert(
      await server.request({
        url: `/api/v1/widget/conversations/${conversationId}/messages?limit=500`,
        headers: { authorization: `Visitor ${visitor.token}` },
      }),
      PAYLOADS,
    );
    await agent.close();
  });

  it('refuses every hostile URL as a link or an image in a message, over REST and WebSocket, writing nothing', async () => {
    const before = await snapshotDatabase(server);
    for (const [i, url] of XSS_URLS.entries()) {
      const link: TRichText = {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'click', marks: [{ type: 'link', href: url }] }],
          },
        ],
      };
      const image = { type: 'doc', content: [{ type: 'image', src: url, alt: 'x' }] };
      for (const body of [link, image]) {
        const res = await server.request({
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/messages`,
          as: alice,
          payload: { clientMsgId: `bad-${i}-${newClientId()}`, body },
        });
        expect({
          url,
          refused: res.statusCode === 422 || (url.includes('\u0000') && res.statusCode === 400),
        }).toEqual({ url, refused: true });
      }
      visitor.client.send({
        type: 'send',
        ref: `bad${i}`,
        conversationId,
        clientMsgId: `bad-${i}`,
        body: link,
      });
      await visitor.client.waitFor(
        (f) =>
          f.type === 'error' &&
          f.ref === `bad${i}` &&
          (f.code === 'VALIDATION_FAILED' || f.code === 'BAD_REQUEST'),
      );
    }
    // Raw HTML node types do not exist in the AST.
    for (const node of [
      { type: 'html', value: '<script>alert(1)</script>' },
      { type: 'paragraph', content: [{ type: 'html', text: '<b>x</b>' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'style', value: 'x' }] }] },
    ]) {
      const res = await server.request({
        method: 'POST',
        url: `/api/v1/conversations/${conversationId}/messages`,
        as: alice,
        payload: { clientMsgId: newClientId(), body: { type: 'doc', content: [node] } },
      });
      expect(res.statusCode).toBe(422);
    }
    expect(await snapshotDatabase(server)).toEqual(before);
  });

  it('keeps page titles and a captured visitor name verbatim (page URLs: see page-url.test.ts)', async () => {
    const hostile = PAYLOADS.slice(0, 20);
    for (const payload of hostile)
      visitor.client.send({
        type: 'page',
        pageUrl: 'https://www.customer.example/next',
        pageTitle: fit(payload, 300),
      });
    visitor.client.send({ type: 'ping' });
    await visitor.client.waitFor((f) => f.type === 'pong');
    // A fresh visitor whose start context (title, referrer, URL) is hostile; only http(s) URLs stay.
    const fresh = await connectVisitor(baseUrl);
    const freshId = await startChat(fresh, playbook.publicId, {
      pageUrl: XSS_URLS[0] ?? '',
      pageTitle: fit(PAYLOADS[1] ?? '', 300),
      referrer: PAYLOADS[2] ?? '',
    });
    const freshRes = await server.request({ url: `/api/v1/conversations/${freshId}`, as: alice });
    expectInert(freshRes, [fit(PAYLOADS[1] ?? '', 300)]);
    expect(freshRes.json()).toMatchObject({ visitor: { context: { pageUrl: null, referrer: null } } });
    await fresh.client.close();
    // The pages seen, then a captured name and organization through the panel.
    const res = await server.request({ url: `/api/v1/conversations/${conversationId}`, as: alice });
    expectInert(res, [fit(hostile[hostile.length - 1] ?? '', 300)]);
    for (const payload of PAYLOADS) {
      const put = await server.request({
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/panel`,
        as: alice,
        payload: {
          person: { name: fit(payload, 200), email: null, phone: null },
          organization: { name: fit(payload, 200), address: null },
        },
      });
      if (put.statusCode !== 200)
        expect({ payload, status: put.statusCode }).toEqual({ payload, status: 422 });
      else
        expectInert(
          await server.request({ url: `/api/v1/conversations/${conversationId}/panel`, as: alice }),
          [fit(payload, 200)],
        );
    }
  });

  it('keeps CRM names, titles, addresses, subjects and notes verbatim or refuses them', async () => {
    let accepted = 0;
    for (const payload of PAYLOADS) {
      const value = fit(payload, 200);
      if (!value) continue;
      const org = await server.request({
        method: 'POST',
        url: '/api/v1/crm/organizations',
        as: alice,
        payload: { name: value, address: value },
      });
      const person = await server.request({
        method: 'POST',
        url: '/api/v1/crm/persons',
        as: alice,
        payload: { name: value },
      });
      const lead = await server.request({
        method: 'POST',
        url: '/api/v1/crm/leads',
        as: alice,
        payload: { title: value },
      });
      const deal = await server.request({
        method: 'POST',
        url: '/api/v1/crm/deals',
        as: alice,
        payload: { title: value },
      });
      for (const res of [org, person, lead, deal]) expect(res.statusCode).toBe(201);
      const personId = person.json<{ id: string }>().id;
      const activity = await server.request({
        method: 'POST',
        url: '/api/v1/crm/activities',
        as: alice,
        payload: { type: 'call', subject: value, personId },
      });
      const note = await server.request({
        method: 'POST',
        url: '/api/v1/crm/notes',
        as: alice,
        payload: { body: text(payload), personId },
      });
      expect(activity.statusCode).toBe(201);
      expect(note.statusCode).toBe(201);
      for (const [kind, res] of [
        ['organizations', org],
        ['persons', person],
        ['leads', lead],
        ['deals', deal],
        ['activities', activity],
        ['notes', note],
      ] as const) {
        expectInert(
          await server.request({ url: `/api/v1/crm/${kind}/${res.json<{ id: string }>().id}`, as: alice }),
          kind === 'notes' ? [payload] : [value],
        );
      }
      accepted += 1;
    }
    expect(accepted).toBeGreaterThanOrEqual(50);
    for (const kind of ['organizations', 'persons', 'leads', 'deals', 'activities', 'notes'])
      expectInert(await server.request({ url: `/api/v1/crm/${kind}?limit=100`, as: alice }), []);
  });

  it('keeps playbook names, bot texts and button labels verbatim in the editor and in the public widget config', async () => {
    const payloads = PAYLOADS.filter((p) => fit(p, 80).length > 0).slice(0, 12);
    for (const payload of payloads) {
      const created = await server.request({
        method: 'POST',
        url: '/api/v1/playbooks',
        as: admin,
        payload: { name: fit(payload, 80), templateId: 'live_chat', language: 'en' },
      });
      expect(created.statusCode).toBe(201);
      const pb = created.json<{
        id: string;
        publicId: string;
        revision: number;
        document: {
          bot?: { name?: string };
          flow: {
            nodes: { type: string; content?: TRichText; answer?: { options?: { label: string }[] } }[];
          };
        };
      }>();
      const document = structuredClone(pb.document);
      for (const node of document.flow.nodes) {
        if (node.type === 'message' || node.type === 'question') node.content = text(payload);
        for (const [i, option] of (node.answer?.options ?? []).entries())
          option.label = fit(`${i} ${payload}`, 60);
      }
      const saved = await server.request({
        method: 'PUT',
        url: `/api/v1/playbooks/${pb.id}`,
        as: admin,
        payload: { document, expectedRevision: pb.revision },
      });
      if (saved.statusCode !== 200) {
        // A label the validator refuses is refused as a whole, with findings (never stored half).
        expect(saved.statusCode).toBe(422);
        continue;
      }
      expectInert(await server.request({ url: `/api/v1/playbooks/${pb.id}`, as: admin }), [
        fit(payload, 80),
        payload,
      ]);
      const activated = await server.request({
        method: 'POST',
        url: `/api/v1/playbooks/${pb.id}/activate`,
        as: admin,
      });
      expect({
        payload,
        status: activated.statusCode,
        body: activated.statusCode === 200 ? '' : activated.body,
      }).toEqual({ payload, status: 200, body: '' });
      expectInert(await server.request({ url: `/api/v1/widget/config/${pb.publicId}` }), []);
      // The bot's texts reach the visitor as AST inside the transcript.
      const reader = await connectVisitor(baseUrl);
      await startChat(reader, pb.publicId);
      const bot = await reader.client.waitFor((f) => f.type === 'messages');
      expect(JSON.stringify(bot)).toContain(JSON.stringify(payload).slice(1, -1));
      for (const doc of richTextDocs(bot)) expect(findHtmlSafetyViolation(renderHtml(doc))).toBeNull();
      await reader.client.close();
    }
    expectInert(await server.request({ url: '/api/v1/playbooks', as: alice }), []);
  });
});
