import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { adminInboxContext, launchBrowser, screenshot, startCharla } from './harness';
import type { RunningCharla } from './harness';
import { visitorChats } from './visitor-chat';
import {
  adminApi,
  createLiveChatPlaybook,
  goOnline,
  userApi,
  waitFor,
  type AdminApi,
} from './widget-fixtures';

// R28 (issue 13): the inbox gets the messages of the conversation it has open; for every other
// chat it sees it gets the list row's activity (preview, time) and nothing else. A user working
// in one chat sees another move in the list, and opening it shows everything, once.

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let publicId = '';
let online: { close(): void };

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  publicId = (await createLiveChatPlaybook(api, 'en')).publicId;
  online = await goOnline(charla.baseUrl, api);
}, 120_000);

afterAll(async () => {
  online?.close();
  await browser?.close();
  await charla?.stop();
});

/** The admin's inbox in English on a laptop screen. */
const inboxContext = () =>
  adminInboxContext(browser, charla.baseUrl, { language: 'en', viewport: { width: 1280, height: 800 } });

/** Takes the waiting chat as the admin (Assign to me). */
async function assignToAdmin(conversationId: string): Promise<void> {
  const path = `/api/v1/conversations/${conversationId}`;
  await waitFor(
    'the chat waiting',
    async () => (await api.call<{ status: string }>('GET', path)).status === 'waiting',
  );
  await api.call('POST', `${path}/assign`);
}

/** Waits until the conversation's last message is `text` (the list's preview). */
async function stored(conversationId: string, text: string): Promise<void> {
  await waitFor(`“${text}” stored`, async () => {
    const path = `/api/v1/conversations/${conversationId}`;
    return (await api.call<{ lastMessagePreview: string }>('GET', path)).lastMessagePreview === text;
  });
}

describe('the list moves for the chats not open (R28)', () => {
  it('shows another chat’s new message in its row, and all of it once opened', async () => {
    const first = await visitorChats(browser, charla.baseUrl, publicId, 'Do you ship to the Canary Islands?');
    const second = await visitorChats(browser, charla.baseUrl, publicId, 'Is the blue one in stock?');
    for (const chat of [first, second]) await assignToAdmin(chat.conversationId);
    // Stored before the inbox opens (one that arrives while it connects is the next test's case).
    for (const [chat, text] of [
      [first, 'Do you ship to the Canary Islands?'],
      [second, 'Is the blue one in stock?'],
    ] as const)
      await stored(chat.conversationId, text);

    const context = await inboxContext();
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/inbox/mine/${first.conversationId}`);
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Do you ship to the Canary Islands?').waitFor();
    const secondRow = page.locator(`[data-conversation-id="${second.conversationId}"]`);
    await secondRow.getByText('Is the blue one in stock?').waitFor();

    second.send('And in size 42, please?');
    await secondRow.getByText('And in size 42, please?').waitFor({ timeout: 10_000 });
    expect(await timeline.getByText('And in size 42, please?').count()).toBe(0);
    await screenshot(page, 'list-activity-row');

    // Unread until opened; opening it reads it. The server does not echo a read to the socket that
    // reported it (issue 25): the inbox clears the mark itself, and the read is stored (a reload).
    const unread = (id: string) => page.locator(`.conv-item--unread[data-conversation-id="${id}"]`);
    await unread(second.conversationId).waitFor();
    await secondRow.click();
    await timeline.getByText('And in size 42, please?').waitFor();
    await unread(second.conversationId).waitFor({ state: 'detached' });
    await waitFor('the read stored', async () => {
      const c = await api.call<{ userReadSeq: number; lastSeq: number }>(
        'GET',
        `/api/v1/conversations/${second.conversationId}`,
      );
      return c.userReadSeq === c.lastSeq;
    });
    const firstRow = page.locator(`[data-conversation-id="${first.conversationId}"]`);
    first.send('Never mind, found it.');
    await firstRow.getByText('Never mind, found it.').waitFor({ timeout: 10_000 });
    second.send('Thanks!');
    await timeline.getByText('Thanks!').waitFor({ timeout: 10_000 });
    // Each message of the open chat once: the subscribe's answer and the live ones never overlap.
    for (const text of ['Is the blue one in stock?', 'And in size 42, please?', 'Thanks!'])
      expect({ text, count: await timeline.getByText(text, { exact: true }).count() }).toEqual({
        text,
        count: 1,
      });
    await screenshot(page, 'list-activity-opened');
    await Promise.all([first.close(), second.close()]);
    await context.close();
  });

  // The socket held back: the list, after waiting for it a moment, is fetched while it still
  // connects, and a message stored between the two reached neither (CI saw a row keep its old
  // preview for good). Whatever was fetched before the server said `ready` is fetched again after it.
  it('shows a message that arrived while the inbox was connecting', async () => {
    const chat = await visitorChats(browser, charla.baseUrl, publicId, 'Do you deliver on Saturdays?');
    await assignToAdmin(chat.conversationId);
    await stored(chat.conversationId, 'Do you deliver on Saturdays?');

    const context = await inboxContext();
    const held: (() => void)[] = [];
    // The inbox's socket reaches the server only once the message below is stored.
    await context.routeWebSocket(/\/ws\/agent/, (socket) => held.push(() => socket.connectToServer()));
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/inbox/mine`);
    const row = page.locator(`[data-conversation-id="${chat.conversationId}"]`);
    await row.getByText('Do you deliver on Saturdays?').waitFor();

    chat.send('And on Sundays?');
    await stored(chat.conversationId, 'And on Sundays?');
    for (const connect of held) connect();
    await row.getByText('And on Sundays?').waitFor({ timeout: 10_000 });
    await chat.close();
    await context.close();
  });

  // The chat opened at page load is read at once; the list, fetched once the socket is ready, can
  // be read by the server before that read was stored and answer after it. Its answer must not bring back
  // the unread dot: the inbox sends a read only once, and the server does not echo it to the
  // socket that sent it, so the dot stayed for good.
  it('keeps the chat opened at page load read when a list answers after', async () => {
    const chat = await visitorChats(browser, charla.baseUrl, publicId, 'Can I pay by bank transfer?');
    await assignToAdmin(chat.conversationId);
    await stored(chat.conversationId, 'Can I pay by bank transfer?');

    const context = await inboxContext();
    const gate = () => {
      let open = (): void => undefined;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { open: () => open(), opened };
    };
    const refetchRead = gate(); // the list, fetched at `ready`, was read by the server
    const readSent = gate(); // the inbox sent its read over the socket
    const readMayGo = gate();
    const refetchAnswered = gate();
    await context.routeWebSocket(/\/ws\/agent/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        if (typeof message !== 'string' || !message.includes('"type":"read"')) return server.send(message);
        readSent.open();
        void readMayGo.opened.then(() => server.send(message));
      });
    });
    let lists = 0;
    await context.route(/\/api\/v1\/conversations\?.*folder=mine/, async (route) => {
      lists += 1;
      if (lists !== 1) return route.continue();
      // The list, fetched once the socket said `ready`: read now (before the read is stored),
      // answered after it.
      const response = await route.fetch();
      refetchRead.open();
      await readSent.opened;
      await route.fulfill({ response });
      refetchAnswered.open();
    });
    // The chat's messages load once the socket is ready, so its read goes by the socket.
    await context.route(`**/api/v1/conversations/${chat.conversationId}/messages?*`, async (route) => {
      await refetchRead.opened;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/inbox/mine/${chat.conversationId}`);
    await page.getByTestId('timeline').getByText('Can I pay by bank transfer?').waitFor();
    await readSent.opened;
    const row = page.locator(`[data-conversation-id="${chat.conversationId}"]`);
    await refetchAnswered.opened;
    readMayGo.open();
    await waitFor('the read stored', async () => {
      const c = await api.call<{ userReadSeq: number; lastSeq: number }>(
        'GET',
        `/api/v1/conversations/${chat.conversationId}`,
      );
      return c.userReadSeq === c.lastSeq;
    });
    await row.getByText('Can I pay by bank transfer?').waitFor();
    expect(await row.evaluate((el) => el.classList.contains('conv-item--unread'))).toBe(false);
    await chat.close();
    await context.close();
  });

  // A colleague's chat this user was mentioned in (issue 16), open by its link: it is in none of
  // this inbox's lists, so the list refetch at `ready` does not cover it. Closed while the inbox was connecting, its header must
  // say so once the socket is ready (the subscribe brings its messages, not its state).
  it('shows the open chat’s state when it changed while the inbox was connecting', async () => {
    const colleague = await userApi(charla.baseUrl, api, 'Lucía Colleague', 'lucia.colleague@example.com');
    const chat = await visitorChats(browser, charla.baseUrl, publicId, 'Do you have gift cards?');
    const path = `/api/v1/conversations/${chat.conversationId}`;
    await waitFor(
      'the chat waiting',
      async () => (await api.call<{ status: string }>('GET', path)).status === 'waiting',
    );
    await colleague.api.call('POST', `${path}/assign`);
    const me = await api.call<{ id: string }>('GET', '/api/v1/me');
    await colleague.api.call('POST', `${path}/notes`, {
      clientMsgId: `note-${chat.conversationId}`,
      text: 'Can you look at this one?',
      mentions: [me.id],
    });

    const context = await inboxContext();
    const held: (() => void)[] = [];
    await context.routeWebSocket(/\/ws\/agent/, (socket) => held.push(() => socket.connectToServer()));
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/inbox/mine/${chat.conversationId}`);
    const status = page.getByTestId('conversation-status');
    await status.getByText('Lucía Colleague').waitFor();

    await colleague.api.call('POST', `${path}/close`);
    await waitFor(
      'the chat closed',
      async () => (await api.call<{ status: string }>('GET', path)).status === 'closed',
    );
    for (const connect of held) connect();
    await page.locator('.conv-header__status--closed').waitFor({ timeout: 10_000 });
    await chat.close();
    await context.close();
  });
});
