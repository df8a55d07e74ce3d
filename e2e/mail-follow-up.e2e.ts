import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TConversationDto, TMessageDto } from '@charla/protocol';
import {
  createSmtpReceiver,
  type ReceivedMail,
  type SmtpReceiver,
} from '../packages/server/src/modules/mail/smtp-receiver.test-helper';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  axeSeriousViolations,
  launchBrowser,
  loginContext,
  screenshot,
  startCharla,
  type RunningCharla,
} from './harness';
import {
  adminApi,
  axeSeriousInFrame,
  clickLauncher,
  createLiveChatPlaybook,
  goOnline,
  waitFor,
  widgetFrame,
  type AdminApi,
} from './widget-fixtures';

// Issue 20: a missed visitor (the wait ran out, they left their email on the offline path and
// went away) is followed up from the inbox; the mail reaches a real SMTP server; its link reopens
// the chat in the widget as the same visitor, who continues the conversation.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let smtp: SmtpReceiver;
let charla: RunningCharla;
let browser: Browser;
let api: AdminApi;

async function mailTo(address: string, count = 1): Promise<ReceivedMail> {
  return waitFor(
    `mail ${count} to ${address}`,
    async () => smtp.mails.filter((m) => m.envelopeTo.includes(address))[count - 1],
    60_000,
  );
}

async function messagesOf(conversationId: string): Promise<TMessageDto[]> {
  return (
    await api.call<{ items: TMessageDto[] }>(
      'GET',
      `/api/v1/conversations/${conversationId}/messages?limit=500`,
    )
  ).items;
}

const textOf = (m: TMessageDto) =>
  m.body.content
    .map((b) => (b.type === 'paragraph' ? (b.content ?? []).map((n) => n.text).join('') : ''))
    .join('\n');

async function typeAndSend(frame: Frame, text: string, label: string): Promise<void> {
  const box = frame.getByRole('textbox', { name: label });
  await box.fill(text);
  await box.press('Enter');
}

/** The visitor's side: the Spanish live chat runs out its wait; they leave name and email, then go. */
async function missedVisitor(publicId: string, email: string): Promise<TConversationDto> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${publicId}`);
  await clickLauncher(page);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Hablar con alguien' }).click();
  await frame.getByRole('log').getByText('¿Cómo te llamas?').waitFor({ timeout: 45_000 });
  await typeAndSend(frame, 'Lucía Pérez de la Fuente Larga', 'Mensaje');
  await frame
    .getByRole('log')
    .getByText(/¿Cuál es tu dirección de email\?/)
    .waitFor();
  await typeAndSend(frame, email, 'Mensaje');
  await frame
    .getByRole('log')
    .getByText(/¡Gracias, Lucía/)
    .waitFor();
  await context.close();
  return waitFor('the missed conversation in Closed', async () => {
    const list = await api.call<{ items: TConversationDto[] }>('GET', '/api/v1/conversations?folder=closed');
    return list.items.find((c) => c.visitor.email === email && c.closeReason === 'missed');
  });
}

beforeAll(async () => {
  smtp = await createSmtpReceiver();
  await smtp.start();
  charla = await startCharla({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Sunforge <hola@sunforge.test>',
    MAIL_REPLY_TO: 'replies@in.sunforge.test',
  });
  browser = await launchBrowser();
  api = await adminApi(charla.baseUrl);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
  await smtp?.stop();
});

describe('follow-up by email', () => {
  it('a missed visitor gets the follow-up mail, opens its link and continues in the widget', async () => {
    const playbook = await createLiveChatPlaybook(api, 'es', 15);
    const agent = await goOnline(charla.baseUrl, api);
    const missed = await missedVisitor(playbook.publicId, 'lucia@example.com');

    // The admin follows up from the closed conversation in the inbox (Spanish).
    const context = await browser.newContext({ viewport: DESKTOP });
    await context.addInitScript(() => localStorage.setItem('charla.language', 'es'));
    await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const inbox = await context.newPage();
    await inbox.goto(`${charla.baseUrl}/inbox/closed/${missed.id}`);
    await inbox.getByTestId('follow-up-form').waitFor();
    await inbox.getByLabel('Tu mensaje').fill('Hola Lucía, perdona la espera. ¿Seguimos con tu instalación?');
    await screenshot(inbox, 'mail-follow-up-inbox-es');
    expect(await axeSeriousViolations(inbox)).toEqual([]);
    await inbox.getByTestId('send-follow-up').click();
    await inbox.waitForURL(
      (url) => url.pathname.startsWith('/inbox/mine/') && !url.pathname.endsWith(missed.id),
    );
    const followed = inbox.url().split('/').pop() ?? '';

    // The transcript button, in the header of the new conversation.
    await inbox.getByTestId('email-transcript').click();
    await inbox.getByLabel('Enviar a').waitFor();
    await screenshot(inbox, 'mail-transcript-dialog-es');
    expect(await axeSeriousViolations(inbox)).toEqual([]);
    await inbox.getByLabel('Enviar a').fill('jefa@sunforge.test');
    await inbox.getByTestId('send-transcript').click();
    await inbox.getByText('La transcripción a jefa@sunforge.test está en camino.').waitFor();
    const transcript = await mailTo('jefa@sunforge.test');
    expect(transcript.parsed.subject).toContain('Tu conversación con');
    expect(transcript.parsed.text).toContain('perdona la espera');

    // The mail: Spanish, both parts, the signed link and the signed reply address.
    const mail = await mailTo('lucia@example.com');
    expect(mail.parsed.subject).toMatch(/ha respondido a tu chat con/);
    expect(mail.parsed.headers.get('content-language')).toBe('es');
    expect(String(mail.parsed.html)).toContain('Seguir en el chat');
    expect(mail.parsed.text).toContain('Hola Lucía, perdona la espera.');
    expect(mail.parsed.replyTo?.value[0]?.address).toMatch(/^replies\+[0-9a-f.]+@in\.sunforge\.test$/);
    const link = /(http:\/\/\S+\/chat\?lang=es&link=\S+)/.exec(mail.parsed.text ?? '')?.[1];
    expect(link).toBeTruthy();

    // The visitor opens the link on another device: the widget opens on the new conversation.
    for (const [viewport, label] of [
      [PHONE, 'phone'],
      [DESKTOP, 'desktop'],
    ] as const) {
      const visitor = await browser.newContext({ viewport });
      const page: Page = await visitor.newPage();
      page.on('pageerror', (err) => console.error('[page error]', err));
      await page.goto(link!);
      const frame = await widgetFrame(page);
      await frame
        .getByRole('log')
        .getByText('Hola Lucía, perdona la espera. ¿Seguimos con tu instalación?')
        .waitFor();
      expect(new URL(page.url()).search).toBe(''); // the link left the address bar
      if (label === 'phone') {
        await typeAndSend(frame, 'Sí, ¿cuándo podéis venir?', 'Mensaje');
        await frame.getByRole('log').getByText('Sí, ¿cuándo podéis venir?').waitFor();
      }
      await screenshot(page, `mail-follow-up-widget-es-${label}`);
      expect(await axeSeriousInFrame(frame)).toEqual([]);
      await visitor.close();
    }

    // The visitor's answer landed in the followed-up conversation, from the same visitor.
    const answer = await waitFor('the visitor’s answer', async () =>
      (await messagesOf(followed)).find((m) => m.author.kind === 'visitor' && textOf(m).includes('¿cuándo')),
    );
    expect(answer.author.id).toBe(missed.visitor.id);
    const closed = await api.call<TConversationDto>('GET', `/api/v1/conversations/${missed.id}`);
    expect(closed.status).toBe('closed'); // R20
    agent.close();
    await context.close();
  }, 240_000);

  it('a visitor asks for the transcript from the widget once the chat has ended', async () => {
    const playbook = await createLiveChatPlaybook(api, 'es', 15);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${charla.baseUrl.replace('127.0.0.1', 'localhost')}/demo?playbook=${playbook.publicId}`);
    await clickLauncher(page);
    const frame = await widgetFrame(page);
    // Nobody is online: the live chat card takes the offline path at once and asks for the details.
    await frame.getByRole('button', { name: 'Hablar con alguien' }).click();
    await frame.getByRole('log').getByText('¿Cómo te llamas?').waitFor({ timeout: 45_000 });
    await typeAndSend(frame, 'Marta Ruiz', 'Mensaje');
    await frame
      .getByRole('log')
      .getByText(/¿Cuál es tu dirección de email\?/)
      .waitFor();
    await typeAndSend(frame, 'marta@example.com', 'Mensaje');
    await frame.getByRole('button', { name: 'Enviarme esta conversación por email' }).click();
    await frame.getByText('Te hemos enviado una copia de esta conversación por email.').waitFor();
    await screenshot(page, 'mail-transcript-widget-es-phone');
    expect(await axeSeriousInFrame(frame)).toEqual([]);
    const mail = await mailTo('marta@example.com');
    expect(mail.parsed.headers.get('content-language')).toBe('es');
    expect(mail.parsed.text).toContain('Marta Ruiz');
    await context.close();
  }, 180_000);

  it('Settings → Email shows the follow-up card, in English and in Spanish on a phone', async () => {
    for (const [language, viewport, name] of [
      ['en', DESKTOP, 'settings-email-follow-up-en'],
      ['es', PHONE, 'settings-email-follow-up-es-phone'],
    ] as const) {
      const context = await browser.newContext({ viewport });
      await context.addInitScript((lang) => {
        try {
          localStorage.setItem('charla.language', lang);
        } catch {
          /* the sandboxed preview frame */
        }
      }, language);
      await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const page = await context.newPage();
      await page.goto(`${charla.baseUrl}/settings/email`);
      await page.getByTestId('follow-up-settings').scrollIntoViewIfNeeded();
      await screenshot(page, `mail-${name}`);
      expect(await axeSeriousViolations(page)).toEqual([]);
      // Email notifications (R24): the digest events, in Settings → Notifications.
      await page.goto(`${charla.baseUrl}/settings/notifications`);
      await page
        .getByTestId('email-digest-settings')
        .getByRole('checkbox')
        .nth(language === 'en' ? 0 : 1)
        .click();
      await page.getByTestId('email-digest-settings').getByRole('status').waitFor();
      await page.getByTestId('email-digest-settings').scrollIntoViewIfNeeded();
      await screenshot(page, `mail-${name}-digest`);
      expect(await axeSeriousViolations(page)).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
