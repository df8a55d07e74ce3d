import type { TConversationDto, TFollowUpExchangeDto, TVisitorConversationDto } from '@charla/protocol';
import { toPlainText } from '@charla/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, newClientId } from '../../test/visitor-client';
import { errorCode } from '../../security/security-fixtures';
import { waitFor } from '../webhooks/local-receiver.test-helper';
import { chatWithEmail, plain, userSays } from './conversation-mail.test-helper';
import { startFollowUpFixture, type FollowUpFixture } from './follow-up.test-helper';
import { rawReply } from './inbound.test-helper';

describe('follow-up by email (issue 20)', () => {
  let f: FollowUpFixture;
  beforeAll(async () => {
    f = await startFollowUpFixture();
  }, 60_000);
  afterAll(async () => f.close());

  it('emails a reply the gone visitor did not read, with a signed link and a signed reply address', async () => {
    const { visitor, conversationId } = await chatWithEmail(
      f.server,
      f.baseUrl,
      f.publicId,
      f.admin,
      'marta@example.com',
    );
    await visitor.client.close();
    await userSays(f.server, f.admin, conversationId, plain('Te lo enviamos mañana.'));
    const mail = await f.followUpMail('marta@example.com');
    expect(mail.parsed.subject).toBe('Ana García ha respondido a tu chat con Acme Tiles');
    expect(mail.parsed.headers.get('content-language')).toBe('es');
    const replyTo = mail.parsed.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^replies\+[0-9a-f]{32}\.[0-9a-f]{20}@in\.acme\.test$/);
    expect(mail.parsed.text).toContain('Te lo enviamos mañana.');
    expect(mail.parsed.text).toContain('Seguir en el chat: http://charla.test/chat?lang=es&link=');
    const { lang, link } = f.linkIn(mail);
    expect(lang).toBe('es');

    // The link reopens the chat as the same visitor.
    const res = await f.exchange(link);
    expect(res.statusCode, res.body).toBe(200);
    const session = res.json<TFollowUpExchangeDto>();
    expect(session).toMatchObject({
      visitorId: visitor.visitorId,
      conversationId,
      playbookPublicId: f.publicId,
    });
    const again = await connectVisitor(f.baseUrl, session.visitorToken);
    expect(again.visitorId).toBe(visitor.visitorId);
    const mine = await fetch(`${f.baseUrl}/api/v1/widget/conversations`, {
      headers: { authorization: `Visitor ${session.visitorToken}` },
    });
    expect(((await mine.json()) as TVisitorConversationDto[]).map((c) => c.id)).toContain(conversationId);
    await again.client.close();

    // The visitor's email answer lands in the same conversation, without the quoted mail.
    const raw = rawReply({ from: 'marta@example.com', to: replyTo, text: 'Perfecto, gracias.', quote: true });
    const first = await f.inbound(raw);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ conversationId, linkedTo: null });
    expect((await f.inbound(raw)).json()).toEqual({ conversationId, linkedTo: null }); // a provider retry
    const texts = (await f.messagesOf(conversationId)).map((m) => toPlainText(m.body));
    expect(texts.filter((t) => t === 'Perfecto, gracias.')).toHaveLength(1);
    expect(texts.join('\n')).not.toContain('escribió');
  });

  it('sends nothing when the visitor read the reply in the widget', async () => {
    const { visitor, conversationId } = await chatWithEmail(
      f.server,
      f.baseUrl,
      f.publicId,
      f.admin,
      'here@example.com',
    );
    await userSays(f.server, f.admin, conversationId, plain('¿Sigues ahí?'));
    const seq = (await f.messagesOf(conversationId)).at(-1)!.seq;
    visitor.client.send({ type: 'read', conversationId, seq });
    await waitFor(
      async () => (await f.services.conversationSource.find(conversationId))?.visitorReadSeq === seq,
      20_000,
    );
    await f.services.conversationMail.followUps.sweepDue();
    await f.services.mailOutbox.deliverDue();
    expect(await f.services.conversationMail.store.pending(conversationId)).toBeNull();
    expect(f.mailsTo('here@example.com')).toEqual([]);
    await visitor.client.close();
  });

  it('after close, a reply starts a NEW conversation linked to the old one (R20)', async () => {
    const { visitor, conversationId } = await chatWithEmail(
      f.server,
      f.baseUrl,
      f.publicId,
      f.admin,
      'leo@example.com',
    );
    await visitor.client.close();
    await userSays(f.server, f.admin, conversationId, plain('¿Algo más?'));
    const replyTo = (await f.followUpMail('leo@example.com')).parsed.replyTo?.value[0]?.address ?? '';
    await f.server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/close`,
      as: f.admin,
    });
    const res = await f.inbound({
      From: 'Leo <leo@example.com>',
      To: replyTo,
      Subject: 'Re',
      TextBody: 'Sí, una cosa',
      MessageID: 'leo-1',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { conversationId: fresh, linkedTo } = res.json<{ conversationId: string; linkedTo: string }>();
    expect(linkedTo).toBe(conversationId);
    expect(fresh).not.toBe(conversationId);
    expect((await f.services.conversationSource.find(conversationId))?.status).toBe('closed');
    const created = await f.services.conversationSource.find(fresh);
    expect(created).toMatchObject({
      status: 'waiting',
      visitor: { id: visitor.visitorId, email: 'leo@example.com' },
    });
    expect((await f.messagesOf(fresh)).map((m) => toPlainText(m.body))).toEqual(['Sí, una cosa']);
    // A second reply joins the new conversation while it is open.
    const next = await f.inbound({
      From: 'leo@example.com',
      To: replyTo,
      Subject: 'Re',
      TextBody: 'Y otra',
      MessageID: 'leo-2',
    });
    expect(next.json()).toEqual({ conversationId: fresh, linkedTo: conversationId });
  });

  it('a user follows up a closed chat by email; the link continues in the new conversation', async () => {
    const { visitor, conversationId } = await chatWithEmail(
      f.server,
      f.baseUrl,
      f.publicId,
      f.admin,
      'pia@example.com',
    );
    await visitor.client.close();
    await f.server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/close`,
      as: f.admin,
    });
    const res = await f.server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/follow-up`,
      as: f.admin,
      payload: { clientMsgId: newClientId(), body: plain('Perdona la espera: ¿te ayudamos?') },
    });
    expect(res.statusCode, res.body).toBe(201);
    const fresh = res.json<TConversationDto>();
    expect(fresh).toMatchObject({ status: 'assigned', assignee: { id: f.admin.id } });
    const mail = await f.followUpMail('pia@example.com');
    expect(mail.parsed.text).toContain('Perdona la espera');
    const session = (await f.exchange(f.linkIn(mail).link)).json<TFollowUpExchangeDto>();
    expect(session).toMatchObject({ conversationId: fresh.id, visitorId: visitor.visitorId });
    const open = await f.server.request({
      method: 'POST',
      url: `/api/v1/conversations/${fresh.id}/follow-up`,
      as: f.admin,
      payload: { clientMsgId: newClientId(), body: plain('x') },
    });
    expect(errorCode(open)).toBe('INVALID_TRANSITION');
  });
});
