import type { TMailLogEntryDto, TMailPreviewDto, TMailStatusDto, TPage } from '@charla/protocol';
import { mailTemplateNames } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { waitFor } from '../webhooks/local-receiver.test-helper';
import { createSmtpReceiver, type SmtpReceiver } from './smtp-receiver.test-helper';

const FROM = 'Charla Support <support@charla.test>';

async function mailLog(server: TestServer, admin: TestUser): Promise<TMailLogEntryDto[]> {
  const res = await server.request({ url: '/api/v1/admin/mail/log', as: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TPage<TMailLogEntryDto>>().items;
}

async function sendTest(server: TestServer, admin: TestUser, to: string, language = 'en') {
  return server.request({
    method: 'POST',
    url: '/api/v1/admin/mail/test',
    as: admin,
    payload: { to, language },
  });
}

describe('mail without SMTP', () => {
  let server: TestServer;
  let admin: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser('admin');
  });
  afterAll(async () => server.close());

  it('says SMTP is not configured and logs mails as skipped instead of losing them', async () => {
    const status = await server.request({ url: '/api/v1/admin/mail', as: admin });
    expect(status.json<TMailStatusDto>()).toMatchObject({ configured: false, from: null, server: null });
    const queued = await sendTest(server, admin, 'someone@example.com');
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'skipped' });
    const [entry] = await mailLog(server, admin);
    expect(entry).toMatchObject({ template: 'test', to: 'someone@example.com', status: 'skipped' });
    expect(entry?.lastError).toContain('SMTP');
    // A code beside the English words, so the mail log says the reason in the reader's language.
    expect(entry?.lastErrorCode).toBe('smtp_not_configured');
  });

  it('is for admins only', async () => {
    const regular = await server.createUser('regular');
    for (const url of [
      '/api/v1/admin/mail',
      '/api/v1/admin/mail/log',
      '/api/v1/admin/mail/templates/test/preview',
    ])
      expect((await server.request({ url, as: regular })).statusCode).toBe(403);
    expect((await sendTest(server, regular, 'x@example.com')).statusCode).toBe(403);
  });

  it('previews every template in both languages as safe HTML with a plain-text part', async () => {
    for (const template of mailTemplateNames) {
      const en = (
        await server.request({ url: `/api/v1/admin/mail/templates/${template}/preview`, as: admin })
      ).json<TMailPreviewDto>();
      const es = (
        await server.request({
          url: `/api/v1/admin/mail/templates/${template}/preview?language=es`,
          as: admin,
        })
      ).json<TMailPreviewDto>();
      for (const p of [en, es]) {
        expect(p.subject.length).toBeGreaterThan(0);
        expect(p.html).not.toMatch(/<script|onerror=|javascript:/i);
        expect(p.text.length).toBeGreaterThan(20);
      }
      expect(es.subject).not.toBe(en.subject);
      expect(es.html).toContain('lang="es"');
    }
    const bad = await server.request({ url: '/api/v1/admin/mail/templates/nope/preview', as: admin });
    expect(bad.statusCode).toBe(422);
  });

  it('refuses a recipient with a line break (header injection) and stores nothing', async () => {
    const before = (await mailLog(server, admin)).length;
    const res = await sendTest(server, admin, 'a@example.com\r\nBcc: victim@example.com');
    expect(res.statusCode).toBe(422);
    await expect(
      server.charla.services.mail.enqueue('test', {
        to: 'a@example.com\nBcc: victim@example.com',
        language: 'en',
        params: {},
      }),
    ).rejects.toMatchObject({ code: 'MAIL_ADDRESS_INVALID' });
    expect((await mailLog(server, admin)).length).toBe(before);
  });
});

describe('mail through a real SMTP server', () => {
  let smtp: SmtpReceiver;
  let server: TestServer;
  let admin: TestUser;
  const clock = createFakeClock();
  beforeAll(async () => {
    smtp = await createSmtpReceiver();
    await smtp.start();
    server = await startTestServer({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: FROM } });
    admin = await server.createUser('admin');
    await server.charla.services.settings.set('company', { name: 'Acme Tiles' }, clock.now());
  });
  afterAll(async () => {
    await server.close();
    await smtp.stop();
  });

  it('sends both parts with the right headers and language', async () => {
    const status = (await server.request({ url: '/api/v1/admin/mail', as: admin })).json<TMailStatusDto>();
    expect(status).toMatchObject({ configured: true, from: FROM, server: `127.0.0.1:${smtp.port}` });
    expect((await sendTest(server, admin, 'Ana@Example.com', 'es')).json()).toMatchObject({
      status: 'pending',
    });
    await server.charla.services.mailOutbox.deliverDue();
    await waitFor(() => smtp.mails.length === 1);
    const mail = smtp.mails[0]!;
    expect(mail.envelopeTo).toEqual(['ana@example.com']);
    expect(mail.parsed.from?.value[0]).toMatchObject({
      name: 'Charla Support',
      address: 'support@charla.test',
    });
    expect(mail.parsed.subject).toBe('Correo de prueba de Acme Tiles');
    expect(mail.parsed.headers.get('content-language')).toBe('es');
    expect(mail.parsed.text).toContain('El correo funciona');
    expect(mail.parsed.html).toContain('<h1');
    expect(mail.parsed.html).toContain('El correo funciona');
    const [entry] = await mailLog(server, admin);
    expect(entry).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.now(), lastError: null });
    expect(mail.parsed.messageId).toContain('@charla.test');
  });

  it('neutralises CR/LF in names and subjects: one Subject line, no injected header, one recipient', async () => {
    smtp.mails.length = 0;
    await server.charla.services.mail.enqueue('invitation', {
      to: 'new@example.com',
      language: 'en',
      params: {
        inviterName: 'Eve\r\nBcc: victim@example.com',
        url: 'https://charla.test/invite?token=t',
        expiresInDays: 7,
      },
    });
    await server.charla.services.mailOutbox.deliverDue();
    await waitFor(() => smtp.mails.length === 1);
    const mail = smtp.mails[0]!;
    expect(mail.envelopeTo).toEqual(['new@example.com']);
    expect(mail.parsed.bcc).toBeUndefined();
    const headerBlock = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    expect(mail.raw).not.toContain('Eve\r\nBcc');
    expect(mail.parsed.subject).toBe('Eve Bcc: victim@example.com invited you to Acme Tiles on Charla');
    expect(mail.parsed.text).toContain('Accept the invitation: https://charla.test/invite?token=t');
    expect(mail.parsed.html).toContain('href="https://charla.test/invite?token=t"');
  });
});
