import { toPlainText, type TVisitorServerFrame } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat } from '../../security/security-fixtures';
import { startTestServer, type TestServer } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';

const say = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/**
 * Condition and set variable cards on a real server (issue 18): the custom attributes a visitor
 * passed to Charla.identify() pick the branch, and a set variable card feeds a later message.
 */
describe('condition and set variable cards', () => {
  let server: TestServer;
  let baseUrl: string;
  let publicId: string;

  beforeAll(async () => {
    server = await startTestServer();
    baseUrl = await server.listen();
    const admin = await server.createUser('admin');
    ({ publicId } = await createActivePlaybook(server, admin, {
      templateId: 'blank',
      mutate: (doc) => {
        doc.variables = [{ key: 'tier', label: 'Tier', type: 'text' }];
        doc.flow = {
          startNodeId: 'hi',
          nodes: [
            { id: 'hi', type: 'message', content: say('Hello!') },
            {
              id: 'plan',
              type: 'condition',
              rules: [
                {
                  id: 'pro',
                  input: { kind: 'visitor_attribute', key: 'plan' },
                  operator: 'equals',
                  value: 'PRO',
                },
                {
                  id: 'big',
                  input: { kind: 'visitor_attribute', key: 'seats' },
                  operator: 'greater_than',
                  value: '10',
                },
              ],
            },
            { id: 'set', type: 'set_variable', variable: 'tier', value: 'priority' },
            { id: 'pro_msg', type: 'message', content: say('You get {{tier}} support.') },
            { id: 'big_msg', type: 'message', content: say('Big team!') },
            { id: 'free_msg', type: 'message', content: say('Upgrade to Pro?') },
            { id: 'end', type: 'end', outcome: 'neutral', crm: noCrm() },
          ],
          edges: [
            { id: 'e1', from: { nodeId: 'hi', port: 'next' }, to: { nodeId: 'plan' } },
            { id: 'e2', from: { nodeId: 'plan', port: 'rule:pro' }, to: { nodeId: 'set' } },
            { id: 'e3', from: { nodeId: 'set', port: 'next' }, to: { nodeId: 'pro_msg' } },
            { id: 'e4', from: { nodeId: 'plan', port: 'rule:big' }, to: { nodeId: 'big_msg' } },
            { id: 'e5', from: { nodeId: 'plan', port: 'otherwise' }, to: { nodeId: 'free_msg' } },
            { id: 'e6', from: { nodeId: 'pro_msg', port: 'next' }, to: { nodeId: 'end' } },
            { id: 'e7', from: { nodeId: 'big_msg', port: 'next' }, to: { nodeId: 'end' } },
            { id: 'e8', from: { nodeId: 'free_msg', port: 'next' }, to: { nodeId: 'end' } },
          ],
        };
      },
    }));
  });
  afterAll(() => server.close());

  /** A widget visitor who identified with `attributes` (if any) runs the playbook to its end. */
  async function botSays(attributes?: Record<string, unknown>): Promise<string[]> {
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
    await visitor.client.waitFor(
      (f: TVisitorServerFrame) =>
        f.type === 'conversation' && f.conversation.id === conversationId && f.conversation.outcome !== null,
    );
    const texts = () =>
      visitor.client
        .messages(conversationId)
        .filter((m) => m.author.kind === 'bot')
        .map((m) => toPlainText(m.body));
    // Every branch says two things. The conversation frame with the outcome may overtake the
    // replay of the bot's last message on a busy machine (seen in a loaded run): wait for both.
    await expect.poll(() => texts().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await visitor.client.close();
    return texts();
  }

  it('sends plan=pro down the pro branch, where a set variable card fills the next message', async () => {
    expect(await botSays({ plan: 'pro' })).toEqual(['Hello!', 'You get priority support.']);
  });

  it('sends plan=free down the other branch', async () => {
    expect(await botSays({ plan: 'free' })).toEqual(['Hello!', 'Upgrade to Pro?']);
  });

  it('compares a numeric attribute as a number, and takes otherwise without attributes', async () => {
    expect(await botSays({ plan: 'free', seats: 25 })).toEqual(['Hello!', 'Big team!']);
    expect(await botSays()).toEqual(['Hello!', 'Upgrade to Pro?']);
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
