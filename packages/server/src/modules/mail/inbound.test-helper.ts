import { randomBytes } from 'node:crypto';

/** A visitor's email answer as raw MIME (RFC 5322), optionally quoting the follow-up below it. */
export function rawReply(options: {
  from: string;
  to: string;
  text: string;
  subject?: string;
  quote?: boolean;
}): string {
  const quote = options.quote
    ? '\r\n\r\nEl lun, 2 mar 2026 a las 10:24, Acme <support@acme.test> escribió:\r\n> Te lo enviamos mañana.\r\n'
    : '';
  return [
    `From: Marta Ruiz <${options.from}>`,
    `To: ${options.to}`,
    `Subject: ${options.subject ?? 'Re: tu chat'}`,
    `Message-ID: <${randomBytes(8).toString('hex')}@mail.example.com>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `${options.text}${quote}`,
  ].join('\r\n');
}
