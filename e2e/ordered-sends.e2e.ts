import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { TMessageDto } from '@charla/protocol';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  launchBrowser,
  loginContext,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  unassignedConversation,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';
import { timelineTexts } from './timeline-texts';

// R28 with real browsers: a visitor (widget) and a user (inbox) keep typing while the server is
// killed with SIGKILL and started again. Every message is stored once, in the order it was typed.

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  await context.addInitScript(() => localStorage.setItem('charla.notificationPromptDismissed', '1'));
  return context.newPage();
}

function plain(message: TMessageDto): string {
  return message.body.content
    .map((b) => (b.type === 'paragraph' ? (b.content ?? []).map((n) => n.text).join('') : ''))
    .join('\n');
}

async function stored(conversationId: string): Promise<TMessageDto[]> {
  const page = await api.call<{ items: TMessageDto[] }>(
    'GET',
    `/api/v1/conversations/${conversationId}/messages?limit=500`,
  );
  return page.items;
}

/** A visitor in live chat with the admin, and the admin's inbox open on that conversation. */
async function liveChat(): Promise<{ visitor: Page; frame: Frame; agent: Page; conversationId: string }> {
  const playbook = await createLiveChatPlaybook(api, 'en');
  await api.call('PUT', '/api/v1/me/online', { online: true });
  const agent = await newPage();
  await loginContext(agent.context(), charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  await agent.goto(`${charla.baseUrl}/inbox/unassigned`);

  const visitor = await newPage();
  await visitor.goto(
    `${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${playbook.publicId}`,
  );
  await clickLauncher(visitor);
  const frame = await widgetFrame(visitor);
  await frame.getByRole('button', { name: 'Talk to someone' }).click();
  await frame.getByText('Waiting for someone from our team').waitFor();
  const conversation = await unassignedConversation(api);
  await api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
  await frame.getByRole('log').getByText('Admin joined the conversation').waitFor();
  await agent.goto(`${charla.baseUrl}/inbox/mine/${conversation.id}`);
  await agent.getByTestId('composer-input').waitFor();
  return { visitor, frame, agent, conversationId: conversation.id };
}

describe('ordered sends across a server crash (R28)', () => {
  it(
    'stores what both sides typed in typed order, none lost, none doubled',
    { timeout: 300_000 },
    async () => {
      const { frame, agent, conversationId } = await liveChat();
      const visitorTyped: string[] = [];
      const agentTyped: string[] = [];
      const visitorSays = async (text: string) => {
        visitorTyped.push(text);
        const box = frame.getByRole('textbox', { name: 'Message' });
        await box.fill(text);
        await box.press('Enter');
      };
      const agentSays = async (text: string) => {
        agentTyped.push(text);
        const box = agent.getByTestId('composer-input');
        await box.fill(text);
        await box.press('Enter');
      };
      const round = async (label: string, count: number) => {
        for (let i = 1; i <= count; i += 1) {
          await visitorSays(`visitor ${label} ${i}`);
          await agentSays(`agent ${label} ${i}`);
        }
      };

      await round('before', 3);
      await charla.crash();
      await round('while down', 4);
      await charla.restart();
      // Typed at once, while the older messages still wait for a connection: they must not overtake.
      await round('after', 4);

      await waitFor(
        'both outboxes to drain',
        async () =>
          (await frame.locator('.row.out.pending, .row.out.failed').count()) === 0 &&
          (await agent.getByTestId('message-pending').count()) === 0,
        90_000,
      );
      const messages = await stored(conversationId);
      const texts = (kind: 'visitor' | 'user') =>
        messages.filter((m) => m.author.kind === kind && !m.event).map(plain);
      expect(texts('visitor')).toEqual(['Talk to someone', ...visitorTyped]);
      expect(texts('user')).toEqual(agentTyped);
      // The server's order is the order everyone sees: seq strictly increasing, no message twice.
      const seqs = messages.map((m) => m.seq);
      expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
      const ids = messages.map((m) => m.clientMsgId).filter((id) => id !== null);
      expect(new Set(ids).size).toBe(ids.length);

      // Both screens show the stored order too (after the replay merged with what they had). The
      // inbox's timeline is windowed: it is read item by item while scrolling through it.
      const agentShown = await timelineTexts(agent, '.msg--user .msg__bubble');
      expect(agentShown).toEqual(agentTyped);
      const visitorShown = await frame.locator('.log .row.out .bubble').allInnerTexts();
      expect(visitorShown).toEqual(['Talk to someone', ...visitorTyped]);
    },
  );
});

describe('message size limit in both composers', () => {
  it(
    'blocks a 100 KB paste with a clear reason instead of sending a frame the server refuses',
    { timeout: 300_000 },
    async () => {
      const { frame, agent, conversationId } = await liveChat();
      const before = (await stored(conversationId)).length;

      const huge = 'x'.repeat(100 * 1024);
      await agent.getByTestId('composer-input').fill(huge);
      await agent
        .getByTestId('composer-size')
        .getByText(/Too long by 97[\d,.]* characters/)
        .waitFor();
      expect(await agent.getByTestId('send').isDisabled()).toBe(true);
      await agent.getByTestId('composer-input').press('Enter');
      await screenshot(agent, 'inbox-desktop-en-composer-too-long');

      const box = frame.getByRole('textbox', { name: 'Message' });
      await box.fill('y'.repeat(6000));
      await frame.getByText('Too long by 1000 characters. Shorten it to send.').waitFor();
      expect(await frame.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
      await box.press('Enter');
      await screenshot(frame.page(), 'widget-desktop-composer-too-long');

      // Near the limit the counter shows and Send works.
      await box.fill('z'.repeat(4600));
      await frame.getByText('400 characters left').waitFor();
      await box.press('Enter');
      await waitFor('the long message to be stored', async () =>
        (await stored(conversationId)).some((m) => plain(m) === 'z'.repeat(4600)),
      );
      expect((await stored(conversationId)).length).toBe(before + 1);
      expect(await agent.getByTestId('message-pending').count()).toBe(0);
    },
  );
});
