import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createSmtpReceiver, type SmtpReceiver } from '../mail/smtp-receiver.test-helper';
import { codeOf, receiveMail, tokenFrom } from './accounts.test-helper';

const NEW_PASSWORD = 'my fresh password';

const forgot = (server: TestServer, email: string, ip = '10.0.0.1') =>
  server.request({
    method: 'POST',
    url: '/api/v1/auth/forgot-password',
    payload: { email },
    remoteAddress: ip,
  });
const reset = (server: TestServer, token: string, password = NEW_PASSWORD) =>
  server.request({ method: 'POST', url: '/api/v1/auth/reset-password', payload: { token, password } });
const login = (server: TestServer, email: string, password: string) =>
  server.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('forgot password, reset and the profile', () => {
  let smtp: SmtpReceiver;
  let server: TestServer;
  let user: TestUser;
  const clock = createFakeClock();
  beforeAll(async () => {
    smtp = await createSmtpReceiver();
    await smtp.start();
    server = await startTestServer({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'charla@charla.test' } });
    user = await server.createUser('regular');
  });
  afterAll(async () => {
    await server.close();
    await smtp.stop();
  });

  it('answers the same for unknown addresses and sends nothing', async () => {
    const unknown = await forgot(server, 'nobody@example.com', '10.0.0.9');
    const known = await forgot(server, user.email, '10.0.0.9');
    expect([unknown.statusCode, unknown.body]).toEqual([known.statusCode, known.body]);
    expect(known.statusCode).toBe(202);
    await receiveMail(server, smtp, user.email);
    expect(smtp.mails.some((m) => m.envelopeTo.includes('nobody@example.com'))).toBe(false);
  });

  it('resets with the mailed link once, ends every session and tells the user', async () => {
    smtp.mails.length = 0;
    await forgot(server, user.email);
    const token = tokenFrom(await receiveMail(server, smtp, user.email), '/reset-password');
    const done = await reset(server, token);
    expect(done.statusCode, done.body).toBe(204);
    expect((await server.request({ url: '/api/v1/me', as: user })).statusCode).toBe(401);
    expect((await login(server, user.email, user.password)).statusCode).toBe(401);
    expect((await login(server, user.email, NEW_PASSWORD)).statusCode).toBe(200);
    const again = await reset(server, token, 'yet another password');
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'RESET_TOKEN_USED']);
    smtp.mails.length = 0;
    const told = await receiveMail(server, smtp, user.email);
    expect(told.parsed.subject).toBe('Your Charla password was changed');
    user.password = NEW_PASSWORD;
  });

  it('refuses forged, expired and superseded links with their codes', async () => {
    const forged = await reset(server, 'f'.repeat(43));
    expect([forged.statusCode, codeOf(forged)]).toEqual([404, 'RESET_TOKEN_INVALID']);
    clock.advance(16 * 60_000); // past the per-address window (3 mails in 15 minutes)
    smtp.mails.length = 0;
    await forgot(server, user.email, '10.0.0.2');
    const first = tokenFrom(await receiveMail(server, smtp, user.email), '/reset-password');
    smtp.mails.length = 0;
    await forgot(server, user.email, '10.0.0.2');
    const second = tokenFrom(await receiveMail(server, smtp, user.email), '/reset-password');
    expect(codeOf(await reset(server, first))).toBe('RESET_TOKEN_USED');
    clock.advance(61 * 60_000);
    const expired = await reset(server, second);
    expect([expired.statusCode, codeOf(expired)]).toEqual([410, 'RESET_TOKEN_EXPIRED']);
    expect((await login(server, user.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits forgot-password per client address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1)
      codes.push((await forgot(server, `x${i}@example.com`, '10.9.9.9')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 202)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('changes the email with the current password and tells the old address', async () => {
    const fresh = await server.createUser('regular');
    const wrong = await server.request({
      method: 'POST',
      url: '/api/v1/me/email',
      as: fresh,
      payload: { currentPassword: 'not it at all', newEmail: 'moved@example.com' },
    });
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([422, 'CURRENT_PASSWORD_WRONG']);
    const ok = await server.request({
      method: 'POST',
      url: '/api/v1/me/email',
      as: fresh,
      payload: { currentPassword: fresh.password, newEmail: 'Moved@Example.com' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ email: 'moved@example.com' });
    const told = await receiveMail(server, smtp, fresh.email);
    expect(told.parsed.subject).toBe('Your Charla email address was changed');
    expect(told.parsed.text).toContain('moved@example.com');
    expect((await login(server, 'moved@example.com', fresh.password)).statusCode).toBe(200);
    const other = await server.createUser('regular');
    const taken = await server.request({
      method: 'POST',
      url: '/api/v1/me/email',
      as: other,
      payload: { currentPassword: other.password, newEmail: 'moved@example.com' },
    });
    expect(codeOf(taken)).toBe('EMAIL_TAKEN');
  });
});
