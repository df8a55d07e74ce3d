import type { TMailLogEntryDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock, startTestServer, type TestServer } from '../../test/harness';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { waitFor } from '../webhooks/local-receiver.test-helper';
import { MAIL_CLAIM_LEASE_MS } from './index';
import { createSmtpReceiver, type SmtpReceiver } from './smtp-receiver.test-helper';

const env = (smtp: SmtpReceiver) => ({ SMTP_URL: smtp.url, MAIL_FROM: 'charla@charla.test' });

async function entry(server: TestServer, id: string): Promise<TMailLogEntryDto> {
  const { items } = await server.charla.services.mail.log({ limit: 100 });
  const found = items.find((e) => e.id === id);
  if (!found) throw new Error(`mail ${id} is not in the log`);
  return found;
}

async function queueTest(server: TestServer, to: string): Promise<string> {
  return (await server.charla.services.mail.enqueue('test', { to, language: 'en', params: {} })).id;
}

describe('the mail outbox', () => {
  let database: TestDatabase;
  let smtp: SmtpReceiver;
  const clock = createFakeClock();
  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await createSmtpReceiver();
  });
  afterAll(async () => {
    await smtp.stop();
    await database.drop();
  });

  it('retries with backoff while the SMTP server is down, survives a restart, then sends exactly once', async () => {
    let server = await startTestServer({ clock, database, env: env(smtp) });
    const id = await queueTest(server, 'down@example.com');
    expect(await server.charla.services.mailOutbox.deliverDue()).toBe(1);
    const first = await entry(server, id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.lastError).toMatch(/ECONNREFUSED|ESOCKET|connect/i);
    expect(first.lastErrorCode).toBeNull();
    expect(first.nextAttemptAt).toBe(clock.now() + 15_000);
    // Not due yet: nothing is attempted.
    expect(await server.charla.services.mailOutbox.deliverDue()).toBe(0);
    clock.advance(15_000);
    expect(await server.charla.services.mailOutbox.deliverDue()).toBe(1);
    expect(await entry(server, id)).toMatchObject({
      status: 'pending',
      attempts: 2,
      nextAttemptAt: clock.now() + 30_000,
    });

    // The process stops with the mail still queued; a new one on the same database picks it up.
    await server.close();
    await smtp.start();
    server = await startTestServer({ clock, database, env: env(smtp) });
    clock.advance(30_000);
    expect(await server.charla.services.mailOutbox.deliverDue()).toBe(1);
    await waitFor(() => smtp.mails.length === 1);
    expect(await entry(server, id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    clock.advance(MAIL_CLAIM_LEASE_MS * 10);
    expect(await server.charla.services.mailOutbox.deliverDue()).toBe(0);
    expect(smtp.mails.map((m) => m.envelopeTo)).toEqual([['down@example.com']]);
    await server.close();
  }, 120_000);

  it('is sent once when two processes sweep at the same moment', async () => {
    smtp.mails.length = 0;
    const one = await startTestServer({ clock, database, env: env(smtp) });
    const two = await startTestServer({ clock, database, env: env(smtp) });
    try {
      const ids = await Promise.all([1, 2, 3, 4].map((n) => queueTest(one, `race${n}@example.com`)));
      const swept = await Promise.all([
        one.charla.services.mailOutbox.deliverDue(),
        two.charla.services.mailOutbox.deliverDue(),
        one.charla.services.mailOutbox.deliverDue(),
        two.charla.services.mailOutbox.deliverDue(),
      ]);
      expect(swept.reduce((a, b) => a + b, 0)).toBe(4);
      await waitFor(() => smtp.mails.length >= 4);
      const recipients = smtp.mails
        .flatMap((m) => m.envelopeTo)
        .filter((to) => to.startsWith('race'))
        .sort();
      expect(recipients).toEqual([
        'race1@example.com',
        'race2@example.com',
        'race3@example.com',
        'race4@example.com',
      ]);
      for (const id of ids) expect((await entry(one, id)).status).toBe('sent');
    } finally {
      await one.close();
      await two.close();
    }
  }, 120_000);

  it('erases the body of a mail carrying a sign-in link once it is sent', async () => {
    const server = await startTestServer({ clock, database, env: env(smtp) });
    try {
      const { id } = await server.charla.services.mail.enqueue('password-reset', {
        to: 'reset@example.com',
        language: 'en',
        params: { url: 'https://charla.test/reset-password?token=secret-token', expiresInMinutes: 60 },
        sensitive: true,
      });
      const row = () =>
        server.charla.services.database.db
          .selectFrom('mail_outbox')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      expect((await row()).text_body).toContain('secret-token');
      await server.charla.services.mailOutbox.deliverDue();
      await waitFor(async () => (await row()).status === 'sent');
      expect(await row()).toMatchObject({ html_body: '', text_body: '' });
      expect(smtp.mails.at(-1)?.parsed.text).toContain('secret-token');
    } finally {
      await server.close();
    }
  }, 120_000);
});
