import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { TMessageDto } from '@charla/protocol';
import { launchBrowser, screenshot, startCharla, type RunningCharla } from './harness';
import {
  adminApi,
  axeSeriousInFrame,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  richText,
  unassignedConversation,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// The visitor widget on the demo website, end to end. The demo page is opened on "localhost" while
// Charla's PUBLIC_URL is 127.0.0.1: a real, cross-origin install (R8), as on a customer's site.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;

beforeAll(async () => {
  charla = await startCharla();
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
});

function demoUrl(publicId: string): string {
  return `${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`;
}

async function openDemo(publicId: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  await page.goto(demoUrl(publicId));
  return page;
}

/** Saves the current state at desktop and at phone width (the widget goes full screen on a phone). */
async function shootBoth(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? DESKTOP;
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await screenshot(page, `widget-${label}-${name}`);
  }
  await page.setViewportSize(original);
}

async function bubbles(frame: Frame): Promise<string[]> {
  return frame.locator('.log .bubble:not(.typing)').allInnerTexts();
}

async function messagesOf(conversationId: string): Promise<TMessageDto[]> {
  const page = await api.call<{ items: TMessageDto[] }>(
    'GET',
    `/api/v1/conversations/${conversationId}/messages?limit=500`,
  );
  return page.items;
}

async function visitorTexts(conversationId: string): Promise<string[]> {
  return (await messagesOf(conversationId))
    .filter((m) => m.author.kind === 'visitor')
    .map((m) =>
      m.body.content
        .map((b) => (b.type === 'paragraph' ? (b.content ?? []).map((n) => n.text).join('') : ''))
        .join('\n'),
    );
}

/** Text in the conversation itself (the live region repeats new messages for screen readers). */
function inLog(frame: Frame, text: string | RegExp) {
  return frame.getByRole('log').getByText(text);
}

async function typeAndSend(frame: Frame, text: string, label = 'Message'): Promise<void> {
  const box = frame.getByRole('textbox', { name: label });
  await box.fill(text);
  await box.press('Enter');
}

describe('widget: the Live chat template in English, a user joins', () => {
  it('runs the bot flow, hands over, chats both ways, survives a reload and a network cut, and ends', async () => {
    const playbook = await createLiveChatPlaybook(api, 'en');
    const agent = await goOnline(charla.baseUrl, api);
    const page = await openDemo(playbook.publicId);
    await page.waitForTimeout(300);
    await shootBoth(page, '1-closed');

    // Bot flow: greeting, a question with answer buttons, focus on the first answer.
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Talk to someone' }).waitFor();
    expect(await bubbles(frame)).toEqual([
      'Hi! 👋 Thanks for stopping by.',
      'Would you like to talk to someone from our team?',
    ]);
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Talk to someone');
    await shootBoth(page, '2-bot');
    expect(await axeSeriousInFrame(frame)).toEqual([]);

    // Keyboard only: the focused answer is chosen with Enter.
    await page.keyboard.press('Enter');
    await frame.getByText('Waiting for someone from our team').waitFor();
    await inLog(frame, /connecting you with our team/).waitFor();
    await shootBoth(page, '3-waiting');

    // A user takes it: "Admin joined", and the header shows them instead of the bot.
    const conversation = await unassignedConversation(api);
    await api.call('POST', `/api/v1/conversations/${conversation.id}/assign`);
    await inLog(frame, 'Admin joined the conversation').waitFor();
    await frame.locator('.hd-name', { hasText: 'Admin' }).waitFor();

    // Typing indicators both ways.
    agent.socket.send(JSON.stringify({ type: 'typing', conversationId: conversation.id, active: true }));
    await frame.getByText('Admin is typing…').waitFor({ state: 'attached' });
    await frame.getByRole('textbox', { name: 'Message' }).pressSequentially('Hel');
    await waitFor('the visitor typing event', async () =>
      agent.frames.some(
        (f) =>
          (f as { type: string; from?: string }).type === 'typing' &&
          (f as { from?: string }).from === 'visitor',
      ),
    );
    await frame.getByRole('textbox', { name: 'Message' }).fill('');

    await api.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      clientMsgId: 'agent-1',
      body: richText('Hi, I’m Admin. How can I help?'),
    });
    await inLog(frame, 'Hi, I’m Admin. How can I help?').waitFor();
    await typeAndSend(frame, 'I’d like a quote for a 6 kW system.');
    await frame.locator('.row.out .meta', { hasText: /Sent|Seen/ }).waitFor();

    // Visitors write the users' Markdown subset; a bare address becomes a safe link (issue 16).
    await typeAndSend(frame, '**Urgent**: see https://shop.example.com/p.');
    const link = frame.locator('.row.out a[href="https://shop.example.com/p"]');
    await link.waitFor();
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    await frame.locator('.row.out strong', { hasText: 'Urgent' }).waitFor();
    await shootBoth(page, '4-joined');
    expect(await axeSeriousInFrame(frame)).toEqual([]);

    // A reload keeps the whole conversation, and the window stays open.
    const before = await bubbles(frame);
    await page.reload();
    const reloaded = await widgetFrame(page);
    await inLog(reloaded, 'I’d like a quote for a 6 kW system.').waitFor();
    expect(await bubbles(reloaded)).toEqual(before);

    // Network cut: three messages wait in the outbox, then arrive exactly once and in order.
    await page.context().setOffline(true);
    await reloaded.getByText(/You’re offline|Reconnecting/).waitFor();
    for (const text of ['One', 'Two', 'Three']) await typeAndSend(reloaded, text);
    await reloaded.locator('.row.out.pending').nth(2).waitFor();
    await page.context().setOffline(false);
    await waitFor(
      'the outbox to drain',
      async () => (await reloaded.locator('.row.out.pending, .row.out.failed').count()) === 0,
      30_000,
    );
    expect(await visitorTexts(conversation.id)).toEqual([
      'Talk to someone',
      'I’d like a quote for a 6 kW system.',
      'Urgent: see https://shop.example.com/p.',
      'One',
      'Two',
      'Three',
    ]);

    // The user closes: a clear end, and a way to start again.
    await api.call('POST', `/api/v1/conversations/${conversation.id}/close`);
    await reloaded.getByRole('button', { name: 'Start a new conversation' }).waitFor();
    await shootBoth(page, '6-ended');
    await reloaded.getByRole('button', { name: 'Start a new conversation' }).click();
    await reloaded.getByRole('button', { name: 'Talk to someone' }).waitFor();
    expect(await bubbles(reloaded)).toEqual([
      'Hi! 👋 Thanks for stopping by.',
      'Would you like to talk to someone from our team?',
    ]);
    agent.close();
    await page.context().close();
  });
});

describe('widget: the Live chat template in Spanish, nobody takes it in time', () => {
  it('runs out the wait into the offline branch, validates the email and creates a lead', async () => {
    const playbook = await createLiveChatPlaybook(api, 'es', 15);
    const agent = await goOnline(charla.baseUrl, api);
    const page = await openDemo(playbook.publicId, PHONE);
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Hablar con alguien' }).click();
    await frame.getByText('Esperando a alguien de nuestro equipo').waitFor();
    await frame.getByText(/quedan \d:\d\d/).waitFor();

    // The wait runs out: the offline message, then the offline branch asks for a name.
    await inLog(frame, /Nuestro equipo no está disponible/).waitFor({ timeout: 30_000 });
    await inLog(frame, '¿Cómo te llamas?').waitFor();
    await shootBoth(page, '5-offline');
    await typeAndSend(frame, 'Lucía Pérez', 'Mensaje');
    await inLog(frame, /¿Cuál es tu dirección de email\?/).waitFor();

    // A bad email gets the playbook's validation message, and the question stays open.
    await typeAndSend(frame, 'lucia-at-example', 'Mensaje');
    await inLog(frame, 'Eso no parece una dirección de email. Inténtalo de nuevo.').waitFor();
    await shootBoth(page, '5b-validation');
    await typeAndSend(frame, 'lucia@example.com', 'Mensaje');
    await inLog(frame, /¡Gracias, Lucía Pérez!/).waitFor();
    await frame.getByRole('button', { name: 'Iniciar una nueva conversación' }).waitFor();
    await shootBoth(page, '7-ended-es');
    expect(await axeSeriousInFrame(frame)).toEqual([]);

    const leads = await waitFor('the lead', async () => {
      const list = await api.call<{ items: { title: string }[] }>('GET', '/api/v1/crm/leads');
      return list.items.find((lead) => lead.title.includes('Lucía Pérez'));
    });
    expect(leads.title).toContain('Lucía Pérez');
    agent.close();
    await page.context().close();
  });
});
