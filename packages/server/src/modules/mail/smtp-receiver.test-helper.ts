import { createServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One mail as the SMTP server received it: the envelope and the parsed MIME. */
export type ReceivedMail = { envelopeTo: string[]; envelopeFrom: string; raw: string; parsed: ParsedMail };

export type SmtpReceiver = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Starts listening on `port` (again); the outbox's retries then get through. */
  start(): Promise<void>;
  stop(): Promise<void>;
};

/** A free loopback port: listen on 0, read the port, close. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that parses every mail it accepts
 * with mailparser. Not started until `start()`, so a test can first see the outbox fail.
 */
export async function createSmtpReceiver(): Promise<SmtpReceiver> {
  const port = await freePort();
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        // Plain SMTP on loopback: no self-signed STARTTLS for the client to trip over.
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            simpleParser(raw).then(
              (parsed) => {
                mails.push({
                  envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                  envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                  raw,
                  parsed,
                });
                callback();
              },
              (error: Error) => callback(error),
            );
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        server?.once('error', reject);
        server?.listen(port, '127.0.0.1', () => resolve());
      });
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
