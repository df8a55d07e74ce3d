import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Issue 20: an admin invites a user, the invitee opens the link from the mail that reached a real
// SMTP server, sets a password and logs in; a forgotten password is reset through the mailed link.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let smtp: SmtpReceiver;
let charla: RunningCharla;
let browser: Browser;

async function newPage(
  language: 'en' | 'es',
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((lang) => {
    // Also runs in the sandboxed mail preview frame, which has no storage.
    try {
      localStorage.setItem('charla.language', lang);
    } catch {
      /* sandboxed frame */
    }
  }, language);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err));
  return { context, page };
}

/** The server's outbox job sends within a few seconds; wait for the mail, never sleep blindly. */
async function mailTo(address: string, count = 1): Promise<ReceivedMail> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const mails = smtp.mails.filter((m) => m.envelopeTo.includes(address));
    if (mails.length >= count) return mails[count - 1] as ReceivedMail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address}:\n${charla.logs.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`).exec(mail.parsed.text ?? '');
  if (!match) throw new Error(`no ${path} link in the mail`);
  return match[0];
}

async function check(page: Page, name: string): Promise<void> {
  await screenshot(page, `mail-${name}`);
  const violations = await axeSeriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations)}`).toEqual([]);
}

beforeAll(async () => {
  smtp = await createSmtpReceiver();
  await smtp.start();
  charla = await startCharla({ SMTP_URL: smtp.url, MAIL_FROM: 'Charla <charla@charla.test>' });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await charla?.stop();
  await smtp?.stop();
});

describe('email in the inbox', () => {
  it('an admin invites a user who accepts from the mailed link and signs in', async () => {
    const { context, page } = await newPage('en');
    await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`${charla.baseUrl}/settings/users`);
    await page.getByRole('button', { name: 'Invite by email' }).click();
    await page.getByLabel('Name').fill('Nora Long-Surname Invitee de la Fuente');
    await page.getByLabel('Email', { exact: true }).fill('nora@example.com');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation emailed to nora@example.com.').waitFor();
    await page.getByTestId('invitation-row').first().waitFor();
    await check(page, 'users-invitations-en');
    await context.close();

    const mail = await mailTo('nora@example.com');
    expect(mail.parsed.subject).toContain('invited you to');
    const invitee = await newPage('en');
    await invitee.page.goto(linkIn(mail, '/invite'));
    await invitee.page.getByLabel('Your email').waitFor();
    expect(await invitee.page.getByLabel('Your email').inputValue()).toBe('nora@example.com');
    await check(invitee.page, 'invite-en');
    await invitee.page.getByLabel('Password').fill('nora chooses this');
    await invitee.page.getByRole('button', { name: 'Create my account' }).click();
    await invitee.page.waitForURL(/\/inbox\//);
    await invitee.context.close();

    const again = await newPage('en');
    await loginContext(again.context, charla.baseUrl, 'nora@example.com', 'nora chooses this');
    await again.page.goto(`${charla.baseUrl}/settings/profile`);
    await again.page.getByRole('heading', { name: 'Change password' }).waitFor();
    await check(again.page, 'profile-en');
    await again.context.close();
  }, 120_000);

  it('forgot password: the mailed link resets it and the new one signs in', async () => {
    const { context, page } = await newPage('es', PHONE);
    await page.goto(charla.baseUrl);
    await page.getByRole('link', { name: '¿Has olvidado la contraseña?' }).click();
    await page.getByLabel('Correo electrónico').fill('nora@example.com');
    await page.getByRole('button', { name: 'Enviar enlace' }).click();
    await page.getByRole('status').filter({ hasText: 'nora@example.com' }).waitFor();
    await check(page, 'forgot-es-phone');
    const mail = await mailTo('nora@example.com', 2);
    expect(mail.parsed.subject).toBe('Reset your Charla password');
    await page.goto(linkIn(mail, '/reset-password'));
    await page.locator('#reset-password').fill('a new one for nora');
    await check(page, 'reset-es-phone');
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await page.getByText('Tu contraseña ha cambiado').waitFor();
    const reused = await page.request.post(`${charla.baseUrl}/api/v1/auth/reset-password`, {
      data: {
        token: new URL(linkIn(mail, '/reset-password')).searchParams.get('token'),
        password: 'x'.repeat(12),
      },
      headers: { origin: charla.baseUrl },
    });
    expect(reused.status()).toBe(409);
    await context.close();
    const signedIn = await newPage('en');
    await loginContext(signedIn.context, charla.baseUrl, 'nora@example.com', 'a new one for nora');
    await signedIn.context.close();
  }, 120_000);

  it('Settings → Email shows the SMTP status, the log and template previews', async () => {
    for (const [language, viewport, name] of [
      ['en', DESKTOP, 'settings-email-en'],
      ['es', PHONE, 'settings-email-es-phone'],
    ] as const) {
      const { context, page } = await newPage(language, viewport);
      await loginContext(context, charla.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.goto(`${charla.baseUrl}/settings/email`);
      await page.getByTestId('smtp-status').waitFor();
      await page.getByTestId('mail-log-row').first().waitFor();
      await check(page, name);
      await context.close();
    }
  }, 120_000);
});
