import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminInboxContext, launchBrowser, screenshot, startCharla } from './harness';
import type { RunningCharla } from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';

// Issue 16 item 4: an Unassigned row counts down to the deadline the visitor's widget counts down
// to, and once nobody took the chat in time it shows "Missed" in Closed, where a filter keeps only
// the missed ones.

// Two chats, so no page load races a deadline: one waits long enough to be read in Unassigned on
// any machine, the other is missed quickly and only read afterwards, in Closed.
const LONG_WAIT_SECONDS = 600;
const SHORT_WAIT_SECONDS = 15; // the shortest waiting time a live chat card allows

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let online: { close(): void };
let waiting: VisitorChat;
let missed: VisitorChat;
let page: Page;

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  const long = await createLiveChatPlaybook(api, 'es', LONG_WAIT_SECONDS);
  online = await goOnline(charla.baseUrl, api);
  waiting = await visitorChats(browser, charla.baseUrl, long.publicId, '¿Alguien por ahí?');
  // Activating the second playbook leaves the first one's running chat on its own revision.
  const short = await createLiveChatPlaybook(api, 'es', SHORT_WAIT_SECONDS);
  missed = await visitorChats(browser, charla.baseUrl, short.publicId, '¿Hola?');
  const viewport = { width: 1280, height: 800 };
  const context = await adminInboxContext(browser, charla.baseUrl, { language: 'es', viewport });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await waiting?.close();
  await missed?.close();
  online?.close();
  await browser?.close();
  await charla?.stop();
});

describe('waiting, seen by users (issue 16)', () => {
  it(
    'counts down in Unassigned, then marks and filters the missed chat in Closed',
    { timeout: 150_000 },
    async () => {
      await page.goto(`${charla.baseUrl}/inbox/unassigned`);
      const row = page.locator(`[data-conversation-id="${waiting.conversationId}"]`);
      const clock = row.getByTestId('conversation-clock');
      await clock.waitFor();
      // Ten minutes to take it: the time left, not the time waited, and not urgent yet.
      expect(await clock.innerText()).toMatch(/quedan \d+:\d\d/);
      expect(await clock.getAttribute('class')).toContain('meta--waiting');
      await screenshot(page, 'waiting-clock-unassigned-es');

      await waitFor(
        'the chat missed',
        async () => {
          const c = await api.call<{ closeReason: string | null }>(
            'GET',
            `/api/v1/conversations/${missed.conversationId}`,
          );
          return c.closeReason === 'missed';
        },
        90_000,
      );
      await page.goto(`${charla.baseUrl}/inbox/closed`);
      const closed = page.locator(`[data-conversation-id="${missed.conversationId}"]`);
      await closed.getByTestId('missed-badge').waitFor();
      expect(await closed.getByTestId('missed-badge').innerText()).toBe('Perdida');
      await page.getByTestId('closed-filter').selectOption('missed');
      await closed.waitFor();
      expect(await page.getByTestId('conversation-item').count()).toBe(1);
      await screenshot(page, 'waiting-clock-closed-missed-es');
    },
  );
});
