import type { TInvitationDto, TInvitationSentDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieHeaderFrom,
  createFakeClock,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../test/harness';
import { createSmtpReceiver, type SmtpReceiver } from '../mail/smtp-receiver.test-helper';
import { codeOf, receiveMail, tokenFrom } from './accounts.test-helper';

const PASSWORD = 'a brand new secret';

async function invite(server: TestServer, admin: TestUser, email: string, language = 'en') {
  return server.request({
    method: 'POST',
    url: '/api/v1/admin/invitations',
    as: admin,
    payload: { email, name: 'Nora Invitee', role: 'regular', language },
  });
}

const accept = (server: TestServer, token: string, password = PASSWORD) =>
  server.request({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, password } });

describe('invitations by email', () => {
  let smtp: SmtpReceiver;
  let server: TestServer;
  let admin: TestUser;
  const clock = createFakeClock();
  beforeAll(async () => {
    smtp = await createSmtpReceiver();
    await smtp.start();
    server = await startTestServer({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'charla@charla.test' } });
    admin = await server.createUser('admin', 'Ana Admin');
  });
  afterAll(async () => {
    await server.close();
    await smtp.stop();
  });

  it('mails a one-time link in the invitee’s language; they set their own password and are signed in', async () => {
    const res = await invite(server, admin, 'nora@example.com', 'es');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TInvitationSentDto>()).toMatchObject({ mail: 'pending', inviteUrl: null });
    const mail = await receiveMail(server, smtp, 'nora@example.com');
    expect(mail.parsed.subject).toBe('Ana Admin te ha invitado a My company en Charla');
    const token = tokenFrom(mail, '/invite');
    const peek = await server.request({ url: `/api/v1/invitations/${token}` });
    expect(peek.json()).toMatchObject({ email: 'nora@example.com', name: 'Nora Invitee' });
    const accepted = await accept(server, token);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ email: 'nora@example.com', role: 'regular', language: 'es' });
    const me = await server.request({ url: '/api/v1/me', headers: { cookie: cookieHeaderFrom(accepted) } });
    expect(me.statusCode).toBe(200);
    const login = await server.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nora@example.com', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect((await accept(server, token)).json()).toMatchObject({ error: { code: 'INVITATION_USED' } });
  });

  it('refuses forged, expired, revoked and replaced links, each with its code', async () => {
    const forged = await accept(server, 'x'.repeat(43));
    expect([forged.statusCode, codeOf(forged)]).toEqual([404, 'INVITATION_INVALID']);
    expect((await accept(server, 'not a token!')).statusCode).toBe(422);

    const first = (await invite(server, admin, 'late@example.com')).json<TInvitationSentDto>();
    const oldToken = tokenFrom(await receiveMail(server, smtp, 'late@example.com'), '/invite');
    const resent = await server.request({
      method: 'POST',
      url: `/api/v1/admin/invitations/${first.invitation.id}/resend`,
      as: admin,
    });
    expect(resent.statusCode).toBe(200);
    smtp.mails.length = 0;
    const newToken = tokenFrom(await receiveMail(server, smtp, 'late@example.com'), '/invite');
    expect(newToken).not.toBe(oldToken);
    expect(codeOf(await accept(server, oldToken))).toBe('INVITATION_INVALID');

    clock.advance(8 * 24 * 3600_000);
    const expired = await accept(server, newToken);
    expect([expired.statusCode, codeOf(expired)]).toEqual([410, 'INVITATION_EXPIRED']);
    const listed = (await server.request({ url: '/api/v1/admin/invitations', as: admin })).json<
      TInvitationDto[]
    >();
    expect(listed.find((i) => i.email === 'late@example.com')?.status).toBe('expired');

    const withdrawn = await server.request({
      method: 'DELETE',
      url: `/api/v1/admin/invitations/${first.invitation.id}`,
      as: admin,
    });
    expect(withdrawn.statusCode).toBe(204);
    expect(codeOf(await accept(server, newToken))).toBe('INVITATION_REVOKED');
    const users = await server.request({ url: '/api/v1/admin/users', as: admin });
    expect(users.body).not.toContain('late@example.com');
  });

  it('is for admins only and refuses an address that already has an account', async () => {
    const regular = await server.createUser('regular');
    expect((await invite(server, regular, 'x@example.com')).statusCode).toBe(403);
    expect((await server.request({ url: '/api/v1/admin/invitations', as: regular })).statusCode).toBe(403);
    expect(codeOf(await invite(server, admin, regular.email))).toBe('EMAIL_TAKEN');
  });
});

describe('invitations without SMTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('returns the link to copy, and the link works', async () => {
    const admin = await server.createUser('admin');
    const res = (await invite(server, admin, 'copy@example.com')).json<TInvitationSentDto>();
    expect(res.mail).toBe('skipped');
    expect(res.inviteUrl).toMatch(/^http:\/\/charla\.test\/invite\?token=/);
    const token = new URL(res.inviteUrl ?? '').searchParams.get('token') ?? '';
    expect((await accept(server, token)).statusCode).toBe(201);
  });
});
