import type { TMessageDto } from '@charla/protocol';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { waitFor } from '../webhooks/local-receiver.test-helper';
import { FOLLOW_UP_SETTINGS_KEY } from './follow-ups';
import { createSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './smtp-receiver.test-helper';

export const REPLY_TO = 'replies@in.acme.test';

export type FollowUpFixture = Awaited<ReturnType<typeof startFollowUpFixture>>;

/**
 * A Charla with SMTP (a real smtp-server), MAIL_REPLY_TO, follow-ups after 0 minutes, a Spanish
 * playbook and an online admin; with the helpers the follow-up tests share.
 */
export async function startFollowUpFixture() {
  const smtp: SmtpReceiver = await createSmtpReceiver();
  await smtp.start();
  const server: TestServer = await startTestServer({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Acme <support@acme.test>', MAIL_REPLY_TO: REPLY_TO },
  });
  const baseUrl = await server.listen();
  const admin: TestUser = await server.createUser('admin', 'Ana García');
  const services = server.charla.services;
  await services.settings.set('company', { name: 'Acme Tiles' }, Date.now());
  await services.settings.set(FOLLOW_UP_SETTINGS_KEY, { enabled: true, afterMinutes: 0 }, Date.now());
  const publicId = (await createActivePlaybook(server, admin, { language: 'es' })).publicId;
  await goOnline(server, admin);
  const secret = (await services.conversationMail.keys()).inboundSecret;
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address));

  return {
    smtp,
    server,
    baseUrl,
    admin,
    publicId,
    secret,
    services,
    mailsTo,
    /** Sweeps follow-ups and the outbox until the `count`-th mail to `to` arrived. */
    async followUpMail(to: string, count = 1): Promise<ReceivedMail> {
      await waitFor(async () => {
        await services.conversationMail.followUps.sweepDue();
        await services.mailOutbox.deliverDue();
        return mailsTo(to).length >= count;
      }, 20_000);
      return mailsTo(to)[count - 1]!;
    },
    linkIn(mail: ReceivedMail) {
      const url = /http:\/\/charla\.test\/chat\?lang=(en|es)&amp;link=([^"&]+)/.exec(
        String(mail.parsed.html),
      );
      return { lang: url?.[1], link: decodeURIComponent(url?.[2] ?? '') };
    },
    exchange: (link: string) =>
      server.request({ method: 'POST', url: '/api/v1/widget/follow-up', payload: { link } }),
    inbound: (payload: string | object, headers: Record<string, string> = {}) =>
      server.request({
        method: 'POST',
        url: '/api/v1/mail/inbound',
        headers: {
          'content-type': typeof payload === 'string' ? 'message/rfc822' : 'application/json',
          'x-charla-inbound-secret': secret,
          ...headers,
        },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      }),
    messagesOf: (conversationId: string): Promise<TMessageDto[]> =>
      services.conversationSource.messages(conversationId),
    async close() {
      await server.close();
      await smtp.stop();
    },
  };
}
