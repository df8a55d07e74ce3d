import type { TEmailNotificationsDto } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';
import { requestLiveChat, startChat } from '../../security/security-fixtures';
import { waitFor } from '../webhooks/local-receiver.test-helper';
import { DIGEST_DELAY_MS } from './digests';
import { createSmtpReceiver, type SmtpReceiver } from './smtp-receiver.test-helper';

describe('email notifications: a digest of unanswered chats (issue 20, R24)', () => {
  let smtp: SmtpReceiver;
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let bea: TestUser;
  let publicId: string;

  beforeAll(async () => {
    smtp = await createSmtpReceiver();
    await smtp.start();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Charla <c@charla.test>' } });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ana');
    bea = await server.createUser('regular', 'Bea Long-Surname');
    publicId = (await createActivePlaybook(server, admin)).publicId;
    await goOnline(server, admin);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await smtp.stop();
  });

  const digests = () => server.charla.services.conversationMail.digests;
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address));

  it('is off until a user picks events, and refuses unknown ones', async () => {
    const mine = await server.request({ url: '/api/v1/me/email-notifications', as: bea });
    expect(mine.json<TEmailNotificationsDto>()).toEqual({ events: [], mailConfigured: true });
    const bad = await server.request({
      method: 'PUT',
      url: '/api/v1/me/email-notifications',
      as: bea,
      payload: { events: ['everything'] },
    });
    expect(bad.statusCode).toBe(422);
    const saved = await server.request({
      method: 'PUT',
      url: '/api/v1/me/email-notifications',
      as: bea,
      payload: { events: ['conversation_unassigned'] },
    });
    expect(saved.json<TEmailNotificationsDto>().events).toEqual(['conversation_unassigned']);
  });

  it('mails one digest to the user who opted in and whose devices took no push, after the delay', async () => {
    const visitor = await connectVisitor(baseUrl);
    const conversationId = await startChat(visitor, publicId);
    await requestLiveChat(visitor, conversationId);
    const conversation = await server.charla.services.conversationSource.find(conversationId);
    // Not due yet: nothing is claimed now; it is once the delay has passed.
    await waitFor(async () => {
      expect(await digests().sweepDue(Date.now())).toBe(0);
      return (await digests().sweepDue(Date.now() + DIGEST_DELAY_MS + 60_000)) === 1;
    }, 20_000);
    await waitFor(async () => {
      await server.charla.services.mailOutbox.deliverDue();
      return mailsTo(bea.email).length === 1;
    }, 20_000);
    const mail = mailsTo(bea.email)[0]!;
    expect(mail.parsed.subject).toBe('1 chat is waiting for an answer');
    expect(mail.parsed.text).toContain('Hi Bea Long-Surname');
    expect(mail.parsed.text).toContain(`${conversation?.visitor.displayName} · Unassigned`);
    expect(mail.parsed.text).toContain('Open the inbox: http://charla.test/inbox');
    expect(String(mail.parsed.html)).toContain('href="http://charla.test/inbox"');
    expect(mailsTo(admin.email)).toEqual([]); // the admin did not opt in
    await visitor.client.close();
  });
});
