import { toPlainText, type TMessageDto } from '@charla/protocol';
import { describe, expect, it } from 'vitest';
import { startChat } from '../../security/security-fixtures';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook } from '../../test/playbook-setup';
import { createTestDatabase } from '../../test/test-db';
import { connectVisitor } from '../../test/visitor-client';

const say = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** hi → wait `seconds` → "Thanks for waiting." → end. */
function waitingFlow(seconds: number) {
  return (doc: Record<string, unknown>) => {
    doc.flow = {
      startNodeId: 'hi',
      nodes: [
        { id: 'hi', type: 'message', content: say('Hello!') },
        { id: 'pause', type: 'wait', seconds },
        { id: 'after', type: 'message', content: say('Thanks for waiting.') },
        {
          id: 'end',
          type: 'end',
          outcome: 'neutral',
          crm: {
            person: { mode: 'none' },
            organization: { mode: 'none' },
            record: { kind: 'none' },
            owner: { strategy: 'unassigned' },
            saveTranscript: false,
          },
        },
      ],
      edges: [
        { id: 'e1', from: { nodeId: 'hi', port: 'next' }, to: { nodeId: 'pause' } },
        { id: 'e2', from: { nodeId: 'pause', port: 'next' }, to: { nodeId: 'after' } },
        { id: 'e3', from: { nodeId: 'after', port: 'next' }, to: { nodeId: 'end' } },
      ],
    };
  };
}

async function botTexts(server: TestServer, admin: { cookie: string }, conversationId: string) {
  const res = await server.request({ url: `/api/v1/conversations/${conversationId}/messages`, as: admin });
  return res
    .json<{ items: TMessageDto[] }>()
    .items.filter((m) => m.author.kind === 'bot' && !m.event)
    .map((m) => toPlainText(m.body));
}

async function loginCookie(server: TestServer, user: TestUser): Promise<string> {
  const res = await server.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: user.email, password: user.password },
  });
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/**
 * Wait cards (issue 18): the pause is a deadline stored with the conversation (`offline_due`)
 * that the due sweep takes on, never a timer in memory, so a restart in the middle of the pause
 * loses nothing and the bot goes on when the pause is over, not before.
 */
describe('wait cards', () => {
  it('pause the bot for their seconds and go on after a restart in the middle of the pause', async () => {
    const clock = createFakeClock();
    const database = await createTestDatabase();
    try {
      const first = await startTestServer({ clock, database });
      const admin = await first.createUser('admin');
      const { publicId } = await createActivePlaybook(first, admin, {
        templateId: 'blank',
        mutate: waitingFlow(30),
      });
      const visitor = await connectVisitor(await first.listen());
      const conversationId = await startChat(visitor, publicId);
      await visitor.client.close();
      expect(await botTexts(first, admin, conversationId)).toEqual(['Hello!']);
      const paused = await first.charla.services.conversations.getForVisitor(
        visitor.visitorId,
        conversationId,
      );
      expect(paused).toMatchObject({ status: 'bot', botWorking: true, botAwaitingInput: false });
      clock.advance(10_000);
      expect(await first.charla.services.runner.continueDue()).toBe(0);
      await first.charla.stop();

      const second = await startTestServer({ clock, database });
      const admin2 = { cookie: await loginCookie(second, admin) };
      clock.advance(19_999);
      expect(await second.charla.services.runner.continueDue()).toBe(0);
      expect(await botTexts(second, admin2, conversationId)).toEqual(['Hello!']);
      clock.advance(1);
      expect(await second.charla.services.runner.continueDue()).toBe(1);
      expect(await botTexts(second, admin2, conversationId)).toEqual(['Hello!', 'Thanks for waiting.']);
      const after = await second.charla.services.conversations.getForVisitor(
        visitor.visitorId,
        conversationId,
      );
      expect(after).toMatchObject({ status: 'closed', botWorking: false, outcome: 'neutral' });
      // Nothing is due any more.
      clock.advance(60_000);
      expect(await second.charla.services.runner.continueDue()).toBe(0);
      await second.charla.stop();
    } finally {
      await database.drop();
    }
  });
});
