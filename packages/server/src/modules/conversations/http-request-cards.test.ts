import { toPlainText, type TMessageDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat } from '../../security/security-fixtures';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';
import { createConversationsStore } from './conversations.store';
import { DUE_LEASE_MS } from './due-steps';
import { startJsonApi } from './json-api.test-helper';

const clock = createFakeClock();
const say = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const SORRY = 'We could not check your plan.';

/** hi → the HTTP request card → "Plan {{plan}}, {{seats}} seats." on next, SORRY on failed → end. */
function callingFlow(card: Record<string, unknown>) {
  return (doc: Record<string, unknown>) => {
    doc.variables = [
      { key: 'plan', label: 'Plan', type: 'text' },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'company_code', label: 'Company code', type: 'text' },
    ];
    doc.flow = {
      startNodeId: 'hi',
      nodes: [
        { id: 'hi', type: 'message', content: say('Hello!') },
        {
          id: 'call',
          type: 'http_request',
          method: 'GET',
          timeoutSeconds: 2,
          mapping: [
            { path: 'data.plan', variable: 'plan' },
            { path: 'data.seats', variable: 'seats' },
          ],
          ...card,
        },
        { id: 'ok', type: 'message', content: say('Plan {{plan}}, {{seats}} seats.') },
        { id: 'sorry', type: 'message', content: say(SORRY) },
        { id: 'end', type: 'end', outcome: 'neutral', crm: noCrm() },
      ],
      edges: [
        { id: 'e1', from: { nodeId: 'hi', port: 'next' }, to: { nodeId: 'call' } },
        { id: 'e2', from: { nodeId: 'call', port: 'next' }, to: { nodeId: 'ok' } },
        { id: 'e3', from: { nodeId: 'call', port: 'failed' }, to: { nodeId: 'sorry' } },
        { id: 'e4', from: { nodeId: 'ok', port: 'next' }, to: { nodeId: 'end' } },
        { id: 'e5', from: { nodeId: 'sorry', port: 'next' }, to: { nodeId: 'end' } },
      ],
    };
  };
}

/**
 * HTTP request cards on a real server (issue 18) against a real JSON API on 127.0.0.1, allowed
 * through the webhooks' private-targets setting: the call runs on the server when the due sweep
 * takes the step on, maps the answer into variables or takes the failed exit, and goes through the
 * webhooks' SSRF guard (refused targets get nothing).
 */
describe('HTTP request cards', () => {
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let api: Awaited<ReturnType<typeof startJsonApi>>;

  const allowPrivate = async (allowed: boolean) => {
    const res = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: allowed },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const playbook = async (card: Record<string, unknown>) =>
    (await createActivePlaybook(server, admin, { templateId: 'blank', mutate: callingFlow(card) })).publicId;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    baseUrl = await server.listen();
    admin = await server.createUser('admin');
    api = await startJsonApi();
    await allowPrivate(true);
  });
  afterAll(async () => {
    await api.close();
    await server.close();
  });

  async function botTexts(conversationId: string): Promise<string[]> {
    const res = await server.request({ url: `/api/v1/conversations/${conversationId}/messages`, as: admin });
    return res
      .json<{ items: TMessageDto[] }>()
      .items.filter((m) => m.author.kind === 'bot' && !m.event)
      .map((m) => toPlainText(m.body));
  }

  /** A visitor (identified with `attributes`, if any) starts a chat; the bot says hello and works. */
  async function startVisitor(publicId: string, attributes?: Record<string, string>) {
    const visitor = await connectVisitor(baseUrl);
    if (attributes) {
      const res = await server.request({
        method: 'POST',
        url: '/api/v1/widget/identify',
        headers: { authorization: `Visitor ${visitor.token}` },
        payload: { attributes },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const conversationId = await startChat(visitor, publicId);
    await visitor.client.close();
    return { conversationId, visitorId: visitor.visitorId };
  }

  /** Starts a chat, lets the due sweep take the card on, and returns what the bot said. */
  async function run(card: Record<string, unknown>, attributes?: Record<string, string>) {
    const { conversationId } = await startVisitor(await playbook(card), attributes);
    expect(await botTexts(conversationId)).toEqual(['Hello!']);
    await server.charla.services.runner.continueDue();
    return botTexts(conversationId);
  }

  it('POSTs with the values URL-encoded and JSON-escaped, and maps the answer into variables', async () => {
    const card = {
      method: 'POST',
      url: `${api.url}/plan?code={{company_code}}`,
      body: '{"code": "{{company_code}}", "source": "charla"}',
    };
    const { conversationId, visitorId } = await startVisitor(await playbook(card), {
      company_code: 'ACME "1"',
    });
    // The bot works on the call: the widget shows it typing and takes no answer meanwhile.
    const working = await server.charla.services.conversations.getForVisitor(visitorId, conversationId);
    expect(working).toMatchObject({ botWorking: true, botAwaitingInput: false });
    const before = api.requests.length;
    await server.charla.services.runner.continueDue();
    expect(await botTexts(conversationId)).toEqual(['Hello!', 'Plan pro, 12 seats.']);
    const sent = api.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/plan?code=ACME%20%221%22' });
    expect(sent[0]?.headers).toMatchObject({ accept: 'application/json', 'user-agent': 'Charla-Playbook/1' });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ code: 'ACME "1"', source: 'charla' });
    const done = await server.charla.services.conversations.getForVisitor(visitorId, conversationId);
    expect(done).toMatchObject({ botWorking: false, outcome: 'neutral' });
  });

  it('takes the failed exit on a timeout, a 500, a body that is not JSON, a redirect and a huge answer', async () => {
    const paths = ['/slow', '/boom', '/html', '/moved', '/big'];
    for (const path of paths) {
      expect(await run({ url: `${api.url}${path}`, timeoutSeconds: 1 }), path).toEqual(['Hello!', SORRY]);
    }
    // The redirect was not followed.
    expect(api.requests.filter((r) => r.path === '/plan')).toHaveLength(0);
  });

  it('refuses targets the guard refuses, sending nothing, once private targets are no longer allowed', async () => {
    const local = await playbook({ url: `https://127.0.0.1:${new URL(api.url).port}/plan` });
    const plain = await playbook({ url: `${api.url}/plan` });
    const metadata = await playbook({ url: 'https://169.254.169.254/latest/meta-data' });
    await allowPrivate(false);
    try {
      const before = api.requests.length;
      for (const publicId of [local, plain, metadata]) {
        const { conversationId } = await startVisitor(publicId);
        await server.charla.services.runner.continueDue();
        expect(await botTexts(conversationId)).toEqual(['Hello!', SORRY]);
      }
      expect(api.requests.length).toBe(before);
    } finally {
      await allowPrivate(true);
    }
  });

  it('validates URLs with the private-targets setting', async () => {
    const doc = (await createActivePlaybook(server, admin, { templateId: 'blank' })).id;
    const document = (await server.request({ url: `/api/v1/playbooks/${doc}`, as: admin })).json<{
      document: Record<string, unknown>;
    }>().document;
    callingFlow({ url: `${api.url}/plan` })(document);
    const codes = async () =>
      (
        await server.request({
          method: 'POST',
          url: '/api/v1/playbooks/validate',
          as: admin,
          payload: { document },
        })
      )
        .json<{ findings: { code: string }[] }>()
        .findings.map((f) => f.code);
    expect(await codes()).not.toContain('HTTP_URL_PRIVATE');
    await allowPrivate(false);
    try {
      expect(await codes()).toContain('HTTP_URL_PRIVATE');
    } finally {
      await allowPrivate(true);
    }
  });

  it('survives a process that claimed the call and died: the lease runs out and the run moves on once', async () => {
    const { conversationId } = await startVisitor(await playbook({ url: `${api.url}/plan` }));
    const before = api.requests.length;
    // Another process leased the step and died before calling.
    const store = createConversationsStore(server.charla.services.database.db);
    expect(await store.claimOfflineDue(clock.now(), DUE_LEASE_MS, 50)).toHaveLength(1);
    expect(await server.charla.services.runner.continueDue()).toBe(0);
    expect(await botTexts(conversationId)).toEqual(['Hello!']);
    clock.advance(DUE_LEASE_MS + 1);
    expect(await server.charla.services.runner.continueDue()).toBe(1);
    expect(await server.charla.services.runner.continueDue()).toBe(0);
    expect(await botTexts(conversationId)).toEqual(['Hello!', 'Plan pro, 12 seats.']);
    expect(api.requests.length - before).toBe(1);
  });
});

function noCrm() {
  return {
    person: { mode: 'none' },
    organization: { mode: 'none' },
    record: { kind: 'none' },
    owner: { strategy: 'unassigned' },
    saveTranscript: false,
  };
}
