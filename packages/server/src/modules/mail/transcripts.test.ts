import type { TMailLogEntryDto, TPage } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { createActivePlaybook, goOnline } from '../../test/playbook-setup';
import { connectVisitor } from '../../test/visitor-client';
import { errorCode } from '../../security/security-fixtures';
import { waitFor } from '../webhooks/local-receiver.test-helper';
import { chatWithEmail, plain, richHello, userSays, visitorSays } from './conversation-mail.test-helper';
import { createSmtpReceiver, type SmtpReceiver } from './smtp-receiver.test-helper';

const FROM = 'Acme Support <support@acme.test>';

describe('transcripts by email (issue 20)', () => {
  let smtp: SmtpReceiver;
  let server: TestServer;
  let baseUrl: string;
  let admin: TestUser;
  let withTranscript: string;
  let withoutTranscript: string;

  beforeAll(async () => {
    smtp = await createSmtpReceiver();
    await smtp.start();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: FROM } });
    baseUrl = await server.listen();
    admin = await server.createUser('admin', 'Ana García');
    await server.charla.services.settings.set('company', { name: 'Acme Tiles' }, Date.now());
    withTranscript = (
      await createActivePlaybook(server, admin, {
        language: 'es',
        mutate: (d) => Object.assign(d.appearance as object, { emailTranscript: true }),
      })
    ).publicId;
    withoutTranscript = (await createActivePlaybook(server, admin)).publicId;
    await goOnline(server, admin);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await smtp.stop();
  });

  const deliver = () => server.charla.services.mailOutbox.deliverDue();
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address));
  async function transcriptRows(to: string): Promise<TMailLogEntryDto[]> {
    const res = await server.request({ url: '/api/v1/admin/mail/log?limit=100', as: admin });
    return res
      .json<TPage<TMailLogEntryDto>>()
      .items.filter((e) => e.template === 'transcript' && e.to === to);
  }

  it('sends the transcript on close in the playbook’s language: safe HTML and a plain-text part', async () => {
    const { visitor, conversationId } = await chatWithEmail(
      server,
      baseUrl,
      withTranscript,
      admin,
      'marta@example.com',
    );
    await visitorSays(visitor, conversationId, richHello);
    await userSays(server, admin, conversationId, plain('Sí, en 3–5 días laborables.'));
    const closed = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/close`,
      as: admin,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    await waitFor(async () => (await transcriptRows('marta@example.com')).length === 1, 20_000);
    await deliver();
    await waitFor(() => mailsTo('marta@example.com').length === 1, 20_000);
    const mail = mailsTo('marta@example.com')[0]!;
    expect(mail.parsed.subject).toBe('Tu conversación con Acme Tiles');
    expect(mail.parsed.headers.get('content-language')).toBe('es');
    expect(mail.parsed.from?.value[0]?.address).toBe('support@acme.test');
    const html = String(mail.parsed.html);
    expect(html).toContain('lang="es"');
    expect(html).toContain('<strong>¿enviáis?</strong>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Sí, en 3–5 días laborables.');
    expect(mail.parsed.text).toContain('Hola, ¿enviáis? <script>alert(1)</script>');
    expect(mail.parsed.text).toContain('Ana García ·');
    expect(mail.parsed.text).toContain('Esta es una copia de la conversación que empezó el');
  });

  it('sends nothing on close when the playbook does not ask for it', async () => {
    const { conversationId } = await chatWithEmail(
      server,
      baseUrl,
      withoutTranscript,
      admin,
      'leo@example.com',
    );
    await server.request({ method: 'POST', url: `/api/v1/conversations/${conversationId}/close`, as: admin });
    const { conversationId: other } = await chatWithEmail(
      server,
      baseUrl,
      withTranscript,
      admin,
      'after@example.com',
    );
    await server.request({ method: 'POST', url: `/api/v1/conversations/${other}/close`, as: admin });
    // Listeners run in order of the events: once the later close queued its mail, the first had its turn.
    await waitFor(async () => (await transcriptRows('after@example.com')).length === 1, 20_000);
    expect(await transcriptRows('leo@example.com')).toEqual([]);
  });

  it('lets a user email the transcript to any address, in the language they choose', async () => {
    const { conversationId } = await chatWithEmail(server, baseUrl, withTranscript, admin, 'pia@example.com');
    const res = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/transcript`,
      as: admin,
      payload: { to: 'Boss@Example.com', language: 'en' },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ to: 'boss@example.com', status: 'pending' });
    await deliver();
    await waitFor(() => mailsTo('boss@example.com').length === 1, 20_000);
    const mail = mailsTo('boss@example.com')[0]!;
    expect(mail.parsed.subject).toBe('Your conversation with Acme Tiles');
    expect(mail.parsed.headers.get('content-language')).toBe('en');
    expect(mail.parsed.text).toContain('Here is a copy of the conversation');
  });

  it('hides the route behind R14 and refuses bad addresses with a code', async () => {
    const { conversationId } = await chatWithEmail(server, baseUrl, withTranscript, admin, 'ivy@example.com');
    const bob = await server.createUser('regular', 'Bob');
    const hidden = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/transcript`,
      as: bob,
      payload: { to: 'bob@example.com' },
    });
    expect(hidden.statusCode).toBe(404);
    expect(errorCode(hidden)).toBe('CONVERSATION_NOT_FOUND');
    const injected = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/transcript`,
      as: admin,
      payload: { to: 'x@example.com\r\nBcc: victim@example.com' },
    });
    expect(injected.statusCode).toBe(422);
    expect(await transcriptRows('bob@example.com')).toEqual([]);
  });

  it('lets the visitor ask for their own transcript, and no one else’s', async () => {
    const { visitor, conversationId } = await chatWithEmail(
      server,
      baseUrl,
      withTranscript,
      admin,
      'noa@example.com',
    );
    const url = `${baseUrl}/api/v1/widget/conversations/${conversationId}/transcript`;
    const ask = (token: string, body: object) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Visitor ${token}` },
        body: JSON.stringify(body),
      });
    const own = await ask(visitor.token, {});
    expect(own.status).toBe(202);
    expect(await own.json()).toEqual({ to: 'noa@example.com', status: 'pending' });
    const stranger = await connectVisitor(baseUrl);
    const theirs = await ask(stranger.token, { to: 'thief@example.com' });
    expect(theirs.status).toBe(404);
    expect(await transcriptRows('thief@example.com')).toEqual([]);
    await stranger.client.close();
    await visitor.client.close();
  });
});
