import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { adminInboxContext, launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';
import { visitorChats, type VisitorChat } from './visitor-chat';
import { adminApi, createLiveChatPlaybook, goOnline, waitFor, type AdminApi } from './widget-fixtures';

// Issue 16 item 6: in-app toasts never for the conversation in front of the user (its message
// shows where they are reading) and never over the composer, on a desktop and on a phone.

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let online: { close(): void };
let publicId: string;
const visitors: VisitorChat[] = [];

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  publicId = (await createLiveChatPlaybook(api, 'en')).publicId;
  online = await goOnline(charla.baseUrl, api);
}, 120_000);

afterAll(async () => {
  for (const visitor of visitors) await visitor.close().catch(() => undefined);
  online?.close();
  await browser?.close();
  await charla?.stop();
});

/** Records every toast the page ever shows (they leave after a few seconds), by conversation. */
async function recordToasts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { toastsSeen: string[] }).toastsSeen = seen;
    new MutationObserver(() => {
      type Toast = { getAttribute(name: string): string | null };
      const toasts = document.querySelectorAll('[data-testid="toast"]') as unknown as ArrayLike<Toast>;
      for (const toast of Array.from(toasts)) {
        const id = toast.getAttribute('data-toast-conversation') ?? '';
        if (!seen.includes(id)) seen.push(id);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}
const toastsSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { toastsSeen: string[] }).toastsSeen);

/** A chat assigned to the admin, open in the inbox at `viewport`. */
async function assignedChatOnScreen(viewport: { width: number; height: number }) {
  const chat = await visitorChats(browser, charla.baseUrl, publicId, 'I have a question about prices');
  visitors.push(chat);
  await waitFor('the chat in Unassigned', async () => {
    const res = await fetch(`${charla.baseUrl}/api/v1/conversations/${chat.conversationId}`, {
      headers: { cookie: api.cookie },
    });
    return res.ok && ((await res.json()) as { status: string }).status === 'waiting';
  });
  await api.call('POST', `/api/v1/conversations/${chat.conversationId}/assign`);
  const context = await adminInboxContext(browser, charla.baseUrl, { language: 'en', viewport });
  const page = await context.newPage();
  await page.goto(`${charla.baseUrl}/inbox/mine/${chat.conversationId}`);
  await page.getByTestId('composer-input').waitFor();
  await recordToasts(page);
  return { chat, page };
}

async function expectApart(page: Page, toastSelector: string) {
  const toast = await page.locator(toastSelector).boundingBox();
  const composer = await page.getByTestId('composer').boundingBox();
  expect(toast && composer).toBeTruthy();
  if (!toast || !composer) return;
  const overlaps =
    toast.x < composer.x + composer.width &&
    composer.x < toast.x + toast.width &&
    toast.y < composer.y + composer.height &&
    composer.y < toast.y + toast.height;
  expect(overlaps, JSON.stringify({ toast, composer })).toBe(false);
}

describe('toasts (issue 16 item 6)', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`${name}: no toast for the chat on screen, a toast for another one, never over the composer`, async () => {
      const { chat, page } = await assignedChatOnScreen(viewport);
      chat.send('Hello? Is anyone reading this?');
      await page.locator('.timeline').getByText('Hello? Is anyone reading this?').waitFor();

      // Another visitor asks for a person: that chat gets its toast, above the composer's area.
      const other = await visitorChats(browser, charla.baseUrl, publicId, 'Another question');
      visitors.push(other);
      const otherToast = `[data-testid="toast"][data-toast-conversation="${other.conversationId}"]`;
      await page.locator(otherToast).waitFor();
      await expectApart(page, otherToast);
      await screenshot(page, `toasts-${name}-en`);
      // The notifications arrive in order: the one for the chat on screen came first, without a toast.
      expect(await toastsSeen(page)).not.toContain(chat.conversationId);
      // Opened from the list rather than from its toast, the other chat's toast goes (the list sits
      // beside the conversation on a desktop; the same code serves the phone).
      if (name === 'desktop') {
        await page.getByTestId('folder-unassigned').click();
        await page.locator(`[data-conversation-id="${other.conversationId}"]`).click();
        await page.getByTestId('assign').waitFor();
        // React has run its effects by the next frame.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
        expect(await page.locator(otherToast).count()).toBe(0);
      }
      await page.context().close();
    }, 120_000);
  }
});
