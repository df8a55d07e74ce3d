export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  language: string;
  replyTo?: string | null;
};

/** Sends one mail; throws on any failure (the outbox turns that into a retry). */
export type MailTransport = { send(mail: OutgoingMail): Promise<void>; close(): void };

/** host:port of an SMTP URL, never its user or password (for the admin screen and the boot line). */
export function describeSmtpUrl(url: string): string {
  const u = new URL(url);
  const port = u.port || (u.protocol === 'smtps:' ? '465' : '587');
  return `${u.hostname}:${port}`;
}

type Transporter = ReturnType<typeof import('nodemailer').createTransport>;

/**
 * A nodemailer SMTP transport from SMTP_URL, with timeouts short enough for the outbox lease.
 * nodemailer loads with the first mail (about 12 MB of memory a process without mail never pays).
 */
export function createSmtpTransport(url: string): MailTransport {
  let loading: Promise<Transporter> | null = null;
  const open = () =>
    (loading ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    ));
  return {
    async send(mail) {
      const transporter = await open();
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => void loading?.then((transporter) => transporter.close()),
  };
}
