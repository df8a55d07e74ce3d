import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor } from '../../test/visitor-client';
import { errorCode, snapshotDatabase } from '../../security/security-fixtures';
import { chatWithEmail, plain, userSays } from './conversation-mail.test-helper';
import { startFollowUpFixture, type FollowUpFixture } from './follow-up.test-helper';
import { rawReply } from './inbound.test-helper';
import { signChatLink } from './signed-links';

describe('follow-up by email: refusals (issue 20)', () => {
  let f: FollowUpFixture;
  beforeAll(async () => {
    f = await startFollowUpFixture();
  }, 60_000);
  afterAll(async () => f.close());

  it('refuses a forged secret, oversized mail, header injection and forged addresses, storing nothing', async () => {
    const { visitor, conversationId } = await chatWithEmail(
      f.server,
      f.baseUrl,
      f.publicId,
      f.admin,
      'eve@example.com',
    );
    await visitor.client.close();
    await userSays(f.server, f.admin, conversationId, plain('Hola'));
    const replyTo = (await f.followUpMail('eve@example.com')).parsed.replyTo?.value[0]?.address ?? '';
    const good = {
      From: 'eve@example.com',
      To: replyTo,
      Subject: 'Re: hola',
      TextBody: 'ok',
      MessageID: 'x1',
    };
    const before = await snapshotDatabase(f.server);
    const cases: Array<[string | object, Record<string, string>, number, string]> = [
      [good, { 'x-charla-inbound-secret': 'forged' }, 401, 'INBOUND_SECRET_INVALID'],
      [good, { 'x-charla-inbound-secret': '' }, 401, 'INBOUND_SECRET_INVALID'],
      [
        rawReply({ from: 'eve@example.com', to: replyTo, text: 'x'.repeat(1_100_000) }),
        {},
        413,
        'INBOUND_MAIL_TOO_LARGE',
      ],
      [{ ...good, FromName: 'Eve\r\nBcc: victim@example.com' }, {}, 422, 'INBOUND_MAIL_INVALID'],
      [{ ...good, Subject: 'Re: hola\nBcc: victim@example.com' }, {}, 422, 'INBOUND_MAIL_INVALID'],
      [
        rawReply({
          from: 'eve@example.com',
          to: replyTo,
          text: 'x',
          subject: '=?utf-8?B?UmU6DQpCY2M6IHZAeC5pbw==?=',
        }),
        {},
        422,
        'INBOUND_MAIL_INVALID',
      ],
      [
        { ...good, To: replyTo.replace(/\.[0-9a-f]{20}@/, '.00000000000000000000@') },
        {},
        422,
        'INBOUND_MAIL_UNROUTABLE',
      ],
      [{ ...good, From: 'mallory@example.com' }, {}, 422, 'INBOUND_MAIL_UNROUTABLE'],
      [{ ...good, TextBody: '' }, {}, 422, 'INBOUND_MAIL_INVALID'],
    ];
    for (const [payload, headers, status, code] of cases) {
      const res = await f.inbound(payload, headers);
      expect({ code: errorCode(res), status: res.statusCode }).toEqual({ code, status });
    }
    expect(await snapshotDatabase(f.server)).toEqual(before);
  });

  it('refuses forged and expired links with a code', async () => {
    const { signingKey } = await f.services.conversationMail.keys();
    const { conversationId, visitor } = await chatWithEmail(
      f.server,
      f.baseUrl,
      f.publicId,
      f.admin,
      'old@example.com',
    );
    const expired = signChatLink(signingKey, {
      conversationId,
      visitorId: visitor.visitorId,
      expiresAt: Date.now() - 1,
    });
    expect(errorCode(await f.exchange(expired))).toBe('FOLLOW_UP_LINK_EXPIRED');
    const forged = signChatLink('not-the-key', {
      conversationId,
      visitorId: visitor.visitorId,
      expiresAt: Date.now() + 60_000,
    });
    expect(errorCode(await f.exchange(forged))).toBe('FOLLOW_UP_LINK_INVALID');
    const stranger = await connectVisitor(f.baseUrl);
    const wrongVisitor = signChatLink(signingKey, {
      conversationId,
      visitorId: stranger.visitorId,
      expiresAt: Date.now() + 60_000,
    });
    expect(errorCode(await f.exchange(wrongVisitor))).toBe('FOLLOW_UP_LINK_INVALID');
    await stranger.client.close();
    await visitor.client.close();
  });
});
