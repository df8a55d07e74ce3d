import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { adminInboxContext, launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';
import {
  adminApi,
  createLiveChatPlaybook,
  goOnline,
  richText,
  unassignedConversation,
  visitorAsksForPerson,
  waitFor,
  type AdminApi,
} from './widget-fixtures';

// What someone sends shows where they look: a visitor or a user who scrolled up a long chat to
// read and then sends is taken back to the latest message, where theirs appears, and the inbox's
// "new messages" button never counts the user's own replies.

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
let online: { close(): void };

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
  online = await goOnline(charla.baseUrl, api);
}, 120_000);

afterAll(async () => {
  online?.close();
  await browser?.close();
  await charla?.stop();
});

/** A visitor on the demo page in a live chat the admin has taken, with `count` replies from the admin. */
async function longLiveChat(count: number): Promise<{ page: Page; frame: Frame; conversationId: string }> {
  const { publicId } = await createLiveChatPlaybook(api, 'en');
  const { page, frame } = await visitorAsksForPerson(browser, charla.baseUrl, publicId);
  const conversation = await unassignedConversation(api);
  await api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
  for (let i = 1; i <= count; i += 1)
    await api.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      clientMsgId: `reply-${conversation.id}-${i}`,
      body: richText(`Reply number ${i} from the team`),
    });
  await frame.locator('.log').getByText(`Reply number ${count} from the team`).waitFor();
  return { page, frame, conversationId: conversation.id };
}

/** How far the scroller is from its end, in px. */
const distanceToEnd = (scroller: Locator) =>
  scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

/** Whether `text`'s bubble is inside the scroller's visible box. */
async function inView(scroller: Locator, text: string): Promise<boolean> {
  const box = await scroller.boundingBox();
  const bubble = await scroller.getByText(text, { exact: true }).last().boundingBox();
  if (!box || !bubble) return false;
  return bubble.y >= box.y - 1 && bubble.y + bubble.height <= box.y + box.height + 1;
}

describe('own sends come into view', () => {
  it('takes the visitor back to the latest message when they send after scrolling up', async () => {
    const { page, frame } = await longLiveChat(30);
    const log = frame.locator('.log');
    await log.hover();
    await page.mouse.wheel(0, -20_000);
    await waitFor('the visitor scrolled up', async () => (await distanceToEnd(log)) > 400);

    const box = frame.getByRole('textbox', { name: 'Message' });
    await box.fill('Sent while reading the top');
    await box.press('Enter');
    await waitFor('the visitor’s message in view', async () => inView(log, 'Sent while reading the top'));
    expect(await distanceToEnd(log)).toBeLessThan(40);
    await screenshot(page, 'own-sends-widget');
    await page.context().close();
  });

  it('takes the user back to the latest message when they reply after scrolling up, never counting it new', async () => {
    const { page: visitorPage, conversationId } = await longLiveChat(40);
    const context = await adminInboxContext(browser, charla.baseUrl, {
      language: 'en',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl}/inbox/mine/${conversationId}`);
    const timeline = page.locator('.timeline');
    await timeline.getByText('Reply number 40 from the team').waitFor();
    await timeline.hover();
    for (let i = 0; i < 4; i += 1) await page.mouse.wheel(0, -3_000);
    await waitFor('the user scrolled up', async () => (await distanceToEnd(timeline)) > 400);

    // A reply the same user sends from elsewhere (another tab, the API) is not "new" to them.
    await api.call('POST', `/api/v1/conversations/${conversationId}/messages`, {
      clientMsgId: `elsewhere-${conversationId}`,
      body: richText('Written in another tab'),
    });
    // Arrived (the list row shows it) while the user reads above: the button still only offers the way back.
    await page.locator('.conv-item').filter({ hasText: 'Written in another tab' }).waitFor();
    await page.getByTestId('jump-to-latest').waitFor();
    expect(await page.getByTestId('jump-to-latest').innerText()).not.toMatch(/new message/i);

    await page.getByTestId('composer-input').click();
    await page.keyboard.type('Sent while reading the history');
    await page.keyboard.press('Enter');
    await waitFor('the user’s reply in view', async () => inView(timeline, 'Sent while reading the history'));
    expect(await distanceToEnd(timeline)).toBeLessThan(48);
    await page.getByTestId('jump-to-latest').waitFor({ state: 'detached' });
    await screenshot(page, 'own-sends-inbox');
    await context.close();
    await visitorPage.context().close();
  });
});
