import type { TestServer } from '../../test/harness';
import { waitFor } from '../webhooks/local-receiver.test-helper';
import type { ReceivedMail, SmtpReceiver } from '../mail/smtp-receiver.test-helper';

/** Sweeps the outbox until a mail to `to` has arrived at the test SMTP server; returns the newest. */
export async function receiveMail(server: TestServer, smtp: SmtpReceiver, to: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await waitFor(async () => {
    await server.charla.services.mailOutbox.deliverDue();
    found = smtp.mails.filter((m) => m.envelopeTo.includes(to)).at(-1);
    return found !== undefined;
  }, 20_000);
  return found as ReceivedMail;
}

/** The token of the first link to `path` in a mail's plain-text part. */
export function tokenFrom(mail: ReceivedMail, path: '/invite' | '/reset-password'): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.parsed.text ?? '');
  if (!match?.[1]) throw new Error(`no ${path} link in the mail`);
  return match[1];
}

/** The error code of a refused request. */
export function codeOf(response: { json: <T>() => T }): string {
  return response.json<{ error: { code: string } }>().error.code;
}
