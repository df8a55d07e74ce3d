import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminInboxContext, launchBrowser, startCharla } from './harness';
import type { RunningCharla } from './harness';
import { visitorChats } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';

// The inbox's first load fetches its lists, counts and team once: the fetches wait for the
// socket's first `ready`, so nothing can change unseen between them and the socket
// (`packages/inbox/src/features/inbox/first-ready.ts`). A reconnect still fetches everything
// again: what came while the inbox was away shows once it is back (R28).

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let publicId = '';
let online: { close(): void };

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  // Chats wait ten minutes: they stay in Unassigned however slow the machine.
  publicId = (await createLiveChatPlaybook(api, 'en', 600)).publicId;
  online = await goOnline(charla.baseUrl, api);
}, 120_000);

afterAll(async () => {
  online?.close();
  await browser?.close();
  await charla?.stop();
});

async function inboxPage(): Promise<Page> {
  const viewport = { width: 1280, height: 800 };
  return (await adminInboxContext(browser, charla.baseUrl, { language: 'en', viewport })).newPage();
}

/** Waits until the chat waits in Unassigned with `text` as its last message. */
async function waiting(conversationId: string, text: string): Promise<void> {
  await waitFor(`“${text}” waiting`, async () => {
    const c = await api.call<{ status: string; lastMessagePreview: string }>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
    );
    return c.status === 'waiting' && c.lastMessagePreview === text;
  });
}

describe('the inbox’s first load and its reconnects', () => {
  it('fetches the lists, the counts and the team once on a load', async () => {
    const chat = await visitorChats(browser, charla.baseUrl, publicId, 'Do you ship to Portugal?');
    await waiting(chat.conversationId, 'Do you ship to Portugal?');
    const page = await inboxPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
    });
    const team = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/users');
    await page.goto(`${charla.baseUrl}/inbox/unassigned`);
    const row = page.locator(`[data-conversation-id="${chat.conversationId}"]`);
    await row.getByText('Do you ship to Portugal?').waitFor();
    await expect.poll(() => page.getByTestId('count-unassigned').innerText()).not.toBe('');
    await team;
    // A message reaches the row through the socket: its `ready` came before it, and so did
    // anything that `ready` would fetch (a message changes no count: no fetch of its own).
    chat.send('And to the Azores?');
    await row.getByText('And to the Azores?').waitFor({ timeout: 10_000 });
    const times = (pattern: RegExp) => asked.filter((path) => pattern.test(path)).length;
    expect({
      lists: times(/^\/api\/v1\/conversations\?.*folder=unassigned/),
      counts: times(/^\/api\/v1\/conversations\/counts$/),
      team: times(/^\/api\/v1\/users$/),
    }).toEqual({ lists: 1, counts: 1, team: 1 });
    await chat.close();
    await page.context().close();
  });

  it('shows the chat and the message that came while the inbox was disconnected', async () => {
    const first = await visitorChats(browser, charla.baseUrl, publicId, 'Is the shop open today?');
    await waiting(first.conversationId, 'Is the shop open today?');
    const page = await inboxPage();
    // The inbox's socket goes through the test: cut on demand, and held while the inbox is away.
    let away = false;
    const held: (() => void)[] = [];
    const open: { close(): Promise<void> }[] = [];
    await page.context().routeWebSocket(/\/ws\/agent/, (socket) => {
      const connect = () => {
        const server = socket.connectToServer();
        open.push({ close: async () => (await socket.close(), await server.close()) });
      };
      if (away) held.push(connect);
      else connect();
    });
    await page.goto(`${charla.baseUrl}/inbox/unassigned/${first.conversationId}`);
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Is the shop open today?').waitFor();

    away = true;
    for (const socket of open.splice(0)) await socket.close();
    await page.getByTestId('connection-banner').waitFor();
    first.send('Until what time?');
    await waiting(first.conversationId, 'Until what time?');
    const second = await visitorChats(browser, charla.baseUrl, publicId, 'Do you have gift cards?');
    await waiting(second.conversationId, 'Do you have gift cards?');
    const secondRow = page.locator(`[data-conversation-id="${second.conversationId}"]`);
    expect(await secondRow.count()).toBe(0);
    expect(await timeline.getByText('Until what time?').count()).toBe(0);

    away = false;
    for (const connect of held.splice(0)) connect();
    await timeline.getByText('Until what time?').waitFor({ timeout: 30_000 });
    await secondRow.getByText('Do you have gift cards?').waitFor({ timeout: 30_000 });
    expect(await timeline.getByText('Until what time?', { exact: true }).count()).toBe(1);
    await Promise.all([first.close(), second.close()]);
    await page.context().close();
  });
});
