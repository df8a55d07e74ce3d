import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { TAttachmentLinkDto, TMessageDto } from '@charla/protocol';
import { readFileSync } from 'node:fs';
import { adminInboxContext, launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';
import {
  adminApi,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  unassignedConversation,
  userApi,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue 17 in the widget, with a real browser: a visitor pastes a screenshot and attaches a PDF,
// the team gets both and answers with a photo; nobody else can fetch them; an upload cut by the
// network goes again when the connection is back and arrives once.

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;
const contexts: BrowserContext[] = [];
const closers: (() => void)[] = [];

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  for (const close of closers) close();
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await charla?.stop();
});

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% Electricity bill\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function messages(conversationId: string): Promise<TMessageDto[]> {
  const page = await api.call<{ items: TMessageDto[] }>(
    'GET',
    `/api/v1/conversations/${conversationId}/messages?limit=500`,
  );
  return page.items;
}

/** A visitor in live chat with the admin (assigned through the API). */
async function liveChat(width = 1280): Promise<{ page: Page; frame: Frame; conversationId: string }> {
  const playbook = await createLiveChatPlaybook(api, 'en');
  // Online means the switch on and an open agent socket (R10).
  const agent = await goOnline(charla.baseUrl, api);
  closers.push(() => agent.close());
  const context = await browser.newContext({ viewport: { width, height: 820 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${playbook.publicId}`);
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Talk to someone' }).click();
  await frame.getByText('Waiting for someone from our team').waitFor();
  const conversation = await unassignedConversation(api);
  await api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
  await frame.getByRole('log').getByText('Admin joined the conversation').waitFor();
  return { page, frame, conversationId: conversation.id };
}

/** Pastes a PNG into the message box, as Ctrl+V of a screenshot does. */
async function pastePng(frame: Frame, png: Buffer, name: string): Promise<void> {
  await frame.evaluate(
    ({ base64, fileName }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], fileName, { type: 'image/png' }));
      const box = document.querySelector('textarea') as HTMLTextAreaElement;
      box.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { base64: png.toString('base64'), fileName: name },
  );
}

async function userLink(as: AdminApi, conversationId: string, attachmentId: string) {
  return as.call<TAttachmentLinkDto>(
    'GET',
    `/api/v1/conversations/${conversationId}/attachments/${attachmentId}/link`,
  );
}

async function fetchAs(as: AdminApi | null, url: string): Promise<Response> {
  return fetch(`${charla.baseUrl}${url}`, { headers: as ? { cookie: as.cookie } : {} });
}

describe('files in live chat, in the widget (issue 17)', () => {
  it(
    'sends a pasted screenshot and an attached PDF once, shows the team’s photo back, and keeps them from everyone else',
    { timeout: 180_000 },
    async () => {
      const { page, frame, conversationId } = await liveChat();
      const log = frame.getByRole('log');
      const shot = await page.screenshot();
      await pastePng(frame, shot, 'image.png');
      await frame.locator('input[type=file]').setInputFiles({
        name: 'Electricity bill – March.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      const tray = frame.getByRole('list', { name: 'Files to send' });
      await tray.getByText('Electricity bill – March.pdf').waitFor();
      // The pasted image previews at once, from the visitor's own bytes.
      await expect
        .poll(() => tray.locator('img.tray-thumb').evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBeGreaterThan(0);
      // Both uploaded: their sizes show instead of the progress.
      await expect.poll(() => tray.locator('progress').count(), { timeout: 20_000 }).toBe(0);
      await screenshot(page, 'files-widget-tray');
      const box = frame.getByRole('textbox', { name: 'Message' });
      await box.fill('Here is my roof and the bill');
      await box.press('Enter');
      await expect.poll(() => tray.isHidden()).toBe(true);

      const sent = await waitFor('the visitor’s message with files', async () =>
        (await messages(conversationId)).find((m) => m.attachments.length === 2),
      );
      expect(sent.attachments.map((a) => [a.kind, a.contentType])).toEqual([
        ['image', 'image/png'],
        ['file', 'application/pdf'],
      ]);
      // The thumbnail really loads (a signed link fetched by the visitor's frame).
      const thumb = log.getByRole('button', { name: 'Open image image.png' }).locator('img');
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await log.getByText('Electricity bill – March.pdf').waitFor();

      // The assignee, in the inbox, sees the screenshot and downloads the PDF: the same bytes.
      const inboxContext = await adminInboxContext(browser, charla.baseUrl, {
        language: 'en',
        viewport: { width: 1440, height: 900 },
      });
      contexts.push(inboxContext);
      const inbox = await inboxContext.newPage();
      await inbox.goto(`${charla.baseUrl}/inbox/mine/${conversationId}`);
      const theirs = inbox
        .getByTestId('message-visitor')
        .filter({ has: inbox.getByTestId('message-attachments') });
      await expect
        .poll(
          () =>
            theirs
              .locator('[data-testid=attachment-image] img')
              .evaluate((img: HTMLImageElement) => img.naturalWidth),
          {
            timeout: 15_000,
          },
        )
        .toBeGreaterThan(0);
      const [download] = await Promise.all([
        inbox.waitForEvent('download'),
        theirs.getByTestId('attachment-file').click(),
      ]);
      expect(download.suggestedFilename()).toBe('Electricity bill – March.pdf');
      expect(readFileSync(await download.path()).equals(PDF)).toBe(true);
      await screenshot(inbox, 'files-inbox-from-widget');

      // The team answers with a photo from the inbox's composer.
      await inbox.getByTestId('attach-input').setInputFiles({
        name: 'team-photo.png',
        mimeType: 'image/png',
        buffer: shot,
      });
      await inbox.locator('[data-testid=tray-item][data-state=done]').waitFor({ timeout: 20_000 });
      await inbox.getByTestId('send').click();
      await inbox.getByTestId('upload-tray').waitFor({ state: 'detached' });
      const open = log.getByRole('button', { name: 'Open image team-photo.png' });
      await expect
        .poll(() => open.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      await open.click();
      const lightbox = frame.getByRole('dialog', { name: 'team-photo.png' });
      await lightbox.waitFor();
      await screenshot(page, 'files-widget-lightbox');
      await frame.locator('.lightbox').press('Escape');
      await lightbox.waitFor({ state: 'detached' });
      expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);
      // Esc closed the image only, not the chat window.
      await box.waitFor();
      await screenshot(page, 'files-widget-thread');

      // A colleague who may not see this chat gets no link, and the admin's link is no use to them.
      const bob = await userApi(charla.baseUrl, api, 'Bob', 'bob-files@charla.test');
      for (const file of sent.attachments) {
        await expect(userLink(bob.api, conversationId, file.id)).rejects.toThrow(/404/);
        const adminsLink = (await userLink(api, conversationId, file.id)).url;
        expect((await fetchAs(api, adminsLink)).status).toBe(200);
        expect((await fetchAs(bob.api, adminsLink)).status).toBe(403);
        expect((await fetchAs(null, adminsLink)).status).toBe(403);
      }
    },
  );

  it(
    'refuses a file that is not allowed before sending anything, and uploads a file cut by the network again once online, sending it once',
    { timeout: 180_000 },
    async () => {
      const { page, frame, conversationId } = await liveChat(390);
      const tray = frame.getByRole('list', { name: 'Files to send' });
      await frame.locator('input[type=file]').setInputFiles({
        name: 'page.html',
        mimeType: 'text/html',
        buffer: Buffer.from('<script>alert(1)</script>'),
      });
      await tray.getByText('Only images and PDF files can be sent.').waitFor();
      const send = frame.getByRole('button', { name: 'Send', exact: true });
      expect(await send.isDisabled()).toBe(true);
      await tray.getByRole('button', { name: 'Remove page.html' }).click();

      // The first upload dies with the connection; the browser then goes offline for a moment.
      let cut = false;
      await page.route('**/uploads?**', async (route) => {
        if (cut) return route.continue();
        cut = true;
        await page.context().setOffline(true);
        await route.abort('internetdisconnected');
      });
      await frame.locator('input[type=file]').setInputFiles({
        name: 'quote.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await tray.getByText('Connection lost', { exact: false }).waitFor();
      await screenshot(page, 'files-widget-cut-phone');
      await page.context().setOffline(false);
      // Back online: it uploads again by itself.
      await expect
        .poll(() => tray.getByText('Connection lost', { exact: false }).count(), {
          timeout: 30_000,
        })
        .toBe(0);
      await expect.poll(() => tray.locator('progress').count(), { timeout: 20_000 }).toBe(0);
      await send.click();
      await frame.getByRole('log').getByText('quote.pdf').waitFor();
      const withFiles = await waitFor('the message with the quote', async () => {
        const found = (await messages(conversationId)).filter((m) => m.attachments.length > 0);
        return found.length > 0 ? found : null;
      });
      expect(withFiles.map((m) => m.attachments.map((a) => a.name))).toEqual([['quote.pdf']]);
      // Nothing arrives twice, even after the widget reconnects.
      await new Promise((r) => setTimeout(r, 1500));
      expect((await messages(conversationId)).filter((m) => m.attachments.length > 0)).toHaveLength(1);
    },
  );
});
