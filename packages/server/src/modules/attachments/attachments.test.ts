import { readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  TConversationDto,
  TAttachmentDto,
  TAttachmentLinkDto,
  TMessageDto,
  TVisitorServerFrame,
} from '@charla/protocol';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { connectVisitor, newClientId, text, type FrameClient } from '../../test/visitor-client';
import { seedConversation } from '../search/search.fixtures';
import { photoWithExif, screenshotPng, tinyPdf, zipBomb } from './attachments.fixtures';

type Refusal = { error: { code: string } };
const MAX_BYTES = 256 * 1024;
const NO_CAPTION = { type: 'doc', content: [] };
const caption = (value: string) => (value === '' ? NO_CAPTION : text(value));
const CONVERSATION_MAX = 600 * 1024;

/** Every file under a folder (the local-disk storage), temporary ones included. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe('files in live chat (issue 17)', () => {
  let server: TestServer;
  let baseUrl: string;
  let alice: TestUser;
  let bob: TestUser;
  let visitor: { token: string; visitorId: string; client: FrameClient<TVisitorServerFrame> };
  let other: { token: string; visitorId: string };
  let chat: string;
  let closed: string;
  let othersChat: string;
  const filesDir = mkdtempSync(join(tmpdir(), 'charla-files-'));

  const visitorUpload = (
    conversationId: string,
    body: Buffer,
    name: string,
    size = body.length,
    token = visitor.token,
  ) =>
    server.request({
      method: 'POST',
      url: `/api/v1/widget/conversations/${conversationId}/uploads?name=${encodeURIComponent(name)}&size=${size}`,
      headers: { authorization: `Visitor ${token}`, 'content-type': 'application/octet-stream' },
      payload: body,
    });
  const userUpload = (conversationId: string, body: Buffer, name: string, as: TestUser) =>
    server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/uploads?name=${encodeURIComponent(name)}&size=${body.length}`,
      headers: { 'content-type': 'application/pdf' },
      payload: body,
      as,
    });
  const userLink = async (as: TestUser, conversationId: string, id: string) =>
    server.request({ url: `/api/v1/conversations/${conversationId}/attachments/${id}/link`, as });
  const uploadRows = async () =>
    server.charla.services.database.db.selectFrom('uploads').selectAll().execute();
  const visitorSend = async (
    conversationId: string,
    clientMsgId: string,
    attachments: string[],
    words = '',
  ) => {
    visitor.client.send({
      type: 'send',
      ref: clientMsgId,
      conversationId,
      clientMsgId,
      body: caption(words),
      attachments,
    });
    const answer = await visitor.client.waitFor(
      (f) =>
        (f.type === 'ack' && f.clientMsgId === clientMsgId) || (f.type === 'error' && f.ref === clientMsgId),
    );
    return answer;
  };

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        FILES_DIR: filesDir,
        FILES_MAX_BYTES: String(MAX_BYTES),
        FILES_CONVERSATION_MAX_BYTES: String(CONVERSATION_MAX),
      },
    });
    baseUrl = await server.listen();
    alice = await server.createUser('regular', 'Alice');
    bob = await server.createUser('regular', 'Bob');
    visitor = await connectVisitor(baseUrl);
    const session = await fetch(`${baseUrl}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const s = (await session.json()) as { visitorToken: string; visitorId: string };
    other = { token: s.visitorToken, visitorId: s.visitorId };
    chat = await seedConversation(server, {
      messages: ['hi'],
      status: 'assigned',
      assigneeId: alice.id,
      visitorId: visitor.visitorId,
    });
    closed = await seedConversation(server, {
      messages: ['old'],
      status: 'closed',
      visitorId: visitor.visitorId,
    });
    othersChat = await seedConversation(server, {
      messages: ['mine'],
      status: 'assigned',
      assigneeId: alice.id,
      visitorId: other.visitorId,
    });
  }, 120_000);
  afterAll(async () => {
    await visitor.client.close();
    await server.close();
  });

  it('takes a visitor’s screenshot and PDF, sends them once however often the send is retried, and shows them to the assignee only', async () => {
    const png = await visitorUpload(chat, await screenshotPng(), 'Screenshot 2026.png');
    expect(png.statusCode, png.body).toBe(201);
    const image = png.json<TAttachmentDto>();
    expect(image).toMatchObject({
      kind: 'image',
      contentType: 'image/png',
      width: 80,
      height: 60,
      name: 'Screenshot 2026.png',
    });
    const pdf = (await visitorUpload(chat, tinyPdf(), 'invoice.pdf')).json<TAttachmentDto>();
    expect(pdf).toMatchObject({ kind: 'file', contentType: 'application/pdf', width: null });

    const clientMsgId = newClientId();
    const first = await visitorSend(chat, clientMsgId, [image.id, pdf.id], 'here you go');
    const again = await visitorSend(chat, clientMsgId, [image.id, pdf.id], 'here you go');
    expect(first.type).toBe('ack');
    const message = (first as { message: TMessageDto }).message;
    expect((again as { message: TMessageDto }).message.id).toBe(message.id);
    expect(message.attachments.map((a) => a.id)).toEqual([image.id, pdf.id]);
    const rows = await uploadRows();
    expect(rows.filter((r) => r.message_id === message.id)).toHaveLength(2);

    // The assignee sees them in the timeline and fetches both through signed links.
    const page = await server.request({ url: `/api/v1/conversations/${chat}/messages`, as: alice });
    const listed = page.json<{ items: TMessageDto[] }>().items.find((m) => m.id === message.id);
    expect(listed?.attachments).toHaveLength(2);
    const pdfLink = (await userLink(alice, chat, pdf.id)).json<TAttachmentLinkDto>();
    expect(pdfLink.url).toMatch(/^\/api\/v1\/files\/[\w-]+\.[\w-]+$/);
    expect(pdfLink.url).not.toContain(pdf.id);
    const download = await server.request({ url: pdfLink.url, as: alice });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(
      'attachment; filename="invoice.pdf"; filename*=UTF-8\'\'invoice.pdf',
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.rawPayload.equals(tinyPdf())).toBe(true);
    const imageLink = (await userLink(alice, chat, image.id)).json<TAttachmentLinkDto>();
    const shown = await server.request({ url: imageLink.url, as: alice });
    expect(shown.headers['content-disposition']).toMatch(/^inline;/);
    expect(shown.headers['content-type']).toBe('image/png');

    // Bob may not see the chat (R14): no link, and Alice's link is no use to him or to nobody.
    expect((await userLink(bob, chat, pdf.id)).json<Refusal>().error.code).toBe('CONVERSATION_NOT_FOUND');
    const stolen = await server.request({ url: pdfLink.url, as: bob });
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json<Refusal>().error.code).toBe('ATTACHMENT_LINK_INVALID');
    expect((await server.request({ url: pdfLink.url })).statusCode).toBe(403);
    const forged = pdfLink.url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await server.request({ url: forged, as: alice })).json<Refusal>().error.code).toBe(
      'ATTACHMENT_LINK_INVALID',
    );
  });

  it('lets the visitor fetch their own files only, and re-encodes photos without their metadata', async () => {
    const photo = await photoWithExif();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const up = (await visitorUpload(chat, photo, 'IMG_0001.JPG')).json<TAttachmentDto>();
    const ack = await visitorSend(chat, newClientId(), [up.id]);
    expect(ack.type).toBe('ack');
    const res = await server.request({
      url: `/api/v1/widget/conversations/${chat}/attachments/${up.id}/link`,
      headers: { authorization: `Visitor ${visitor.token}` },
    });
    const link = res.json<TAttachmentLinkDto>();
    const bytes = (await server.request({ url: link.url })).rawPayload;
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('Secret Photographer'))).toBe(false);
    // Another visitor can neither get a link nor upload into this chat.
    const foreign = await server.request({
      url: `/api/v1/widget/conversations/${chat}/attachments/${up.id}/link`,
      headers: { authorization: `Visitor ${other.token}` },
    });
    expect(foreign.json<Refusal>().error.code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('sends a user’s file to the visitor over REST, and stores the same bytes once', async () => {
    const before = filesUnder(filesDir).length;
    const a = (await userUpload(chat, tinyPdf('same'), 'a.pdf', alice)).json<TAttachmentDto>();
    const b = (await userUpload(chat, tinyPdf('same'), 'b.pdf', alice)).json<TAttachmentDto>();
    expect(a.id).not.toBe(b.id);
    expect(filesUnder(filesDir).length).toBe(before + 1);
    const sent = await server.request({
      method: 'POST',
      url: `/api/v1/conversations/${chat}/messages`,
      payload: { clientMsgId: newClientId(), body: NO_CAPTION, attachments: [a.id] },
      as: alice,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<TMessageDto>().attachments[0]?.name).toBe('a.pdf');
    const conversation = await server.request({ url: `/api/v1/conversations/${chat}`, as: alice });
    expect(conversation.json<TConversationDto>().lastMessagePreview).toBe('📎 a.pdf');
    // Bob cannot upload to Alice's chat; nor send Alice's staged upload.
    expect((await userUpload(chat, tinyPdf(), 'x.pdf', bob)).statusCode).toBe(404);
  });

  it.each([
    [
      'a type off the allowlist',
      Buffer.from('just some text'),
      'notes.png',
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ],
    ['a zip bomb named .png', zipBomb(), 'cat.png', 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'a.svg',
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    ],
    [
      'a PDF that is also HTML',
      Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>'),
      'a.pdf',
      415,
      'ATTACHMENT_POLYGLOT',
    ],
  ])('refuses %s and stores nothing', async (_label, body, name, status, code) => {
    const before = { rows: (await uploadRows()).length, files: filesUnder(filesDir).length };
    const res = await visitorUpload(chat, body, name);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json<Refusal>().error.code).toBe(code);
    expect((await uploadRows()).length).toBe(before.rows);
    expect(filesUnder(filesDir).length).toBe(before.files);
  });

  it('refuses polyglots, broken images, oversized and truncated uploads, and stores nothing', async () => {
    const before = { rows: (await uploadRows()).length, files: filesUnder(filesDir).length };
    const png = await screenshotPng();
    const cases: Array<[Buffer, string, number | undefined, string]> = [
      [Buffer.concat([png, zipBomb()]), 'gifar.png', undefined, 'ATTACHMENT_POLYGLOT'],
      [png.subarray(0, 60), 'cut.png', undefined, 'ATTACHMENT_UNREADABLE'],
      [Buffer.concat([tinyPdf(), Buffer.alloc(MAX_BYTES)]), 'big.pdf', undefined, 'ATTACHMENT_TOO_LARGE'],
      [tinyPdf(), 'short.pdf', tinyPdf().length + 100, 'ATTACHMENT_INCOMPLETE'],
    ];
    for (const [body, name, size, code] of cases) {
      const res = await visitorUpload(chat, body, name, size);
      expect(res.json<Refusal>().error.code, name).toBe(code);
    }
    expect((await uploadRows()).length).toBe(before.rows);
    expect(filesUnder(filesDir).length).toBe(before.files);
  });

  it('refuses uploads to another visitor’s or a closed conversation, past the conversation’s quota, and sends of unknown uploads', async () => {
    expect((await visitorUpload(othersChat, tinyPdf(), 'x.pdf')).json<Refusal>().error.code).toBe(
      'CONVERSATION_NOT_FOUND',
    );
    expect((await visitorUpload(closed, tinyPdf(), 'x.pdf')).json<Refusal>().error.code).toBe(
      'CONVERSATION_CLOSED',
    );
    const quota = await seedConversation(server, {
      messages: ['q'],
      status: 'waiting',
      visitorId: visitor.visitorId,
    });
    for (let i = 0; i < 3; i += 1) {
      const filler = Buffer.concat([tinyPdf(`fill ${i}`), Buffer.alloc(200 * 1024 - 200)]);
      const res = await visitorUpload(quota, filler, `fill-${i}.pdf`);
      expect(res.statusCode, res.body).toBe(i < 2 ? 201 : 413);
      if (i === 2) expect(res.json<Refusal>().error.code).toBe('ATTACHMENT_QUOTA_EXCEEDED');
    }
    // Someone else's upload id, or one already sent, sends nothing.
    const foreign = (
      await visitorUpload(othersChat, tinyPdf('other'), 'o.pdf', undefined, other.token)
    ).json<TAttachmentDto>();
    const seqBefore = (
      await server.request({ url: `/api/v1/conversations/${chat}`, as: alice })
    ).json<TConversationDto>().lastSeq;
    const refused = await visitorSend(chat, newClientId(), [foreign.id]);
    expect(refused).toMatchObject({ type: 'error', code: 'ATTACHMENT_NOT_FOUND' });
    expect(
      (await server.request({ url: `/api/v1/conversations/${chat}`, as: alice })).json<TConversationDto>()
        .lastSeq,
    ).toBe(seqBefore);
  });

  it('puts each attachment’s metadata and a signed download URL in the message.created webhook', async () => {
    const admin = await server.createUser('admin');
    const allow = await server.request({
      method: 'PUT',
      url: '/api/v1/admin/settings/webhooks',
      as: admin,
      payload: { allowPrivateWebhookTargets: true },
    });
    expect(allow.statusCode).toBe(200);
    const hook = await server.request({
      method: 'POST',
      url: '/api/v1/admin/webhooks',
      as: admin,
      payload: { url: 'http://127.0.0.1:9/hook', events: ['message.created'] },
    });
    expect(hook.statusCode, hook.body).toBe(201);
    const up = (await visitorUpload(chat, tinyPdf('hooked'), 'hooked.pdf')).json<TAttachmentDto>();
    expect((await visitorSend(chat, newClientId(), [up.id])).type).toBe('ack');
    const rows = await server.charla.services.database.db
      .selectFrom('webhook_deliveries')
      .select('body')
      .where('event', '=', 'message.created')
      .execute();
    const bodies = rows.map((r) => JSON.parse(r.body) as { data: { message: TMessageDto } });
    const sent = bodies.find((b) => b.data.message.attachments[0]?.id === up.id);
    const file = sent?.data.message.attachments[0] as (TAttachmentDto & { url: string }) | undefined;
    expect(file).toMatchObject({ name: 'hooked.pdf', contentType: 'application/pdf' });
    expect(file?.url.startsWith(`${server.config.publicUrl}/api/v1/files/`)).toBe(true);
    const fetched = await server.request({ url: (file?.url ?? '').slice(server.config.publicUrl.length) });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.rawPayload.equals(tinyPdf('hooked'))).toBe(true);
  });

  it('deletes a deleted conversation’s files at the sweep, keeping bytes another conversation still sends', async () => {
    const { attachments, database } = server.charla.services;
    const gone = await seedConversation(server, {
      messages: ['bye'],
      status: 'waiting',
      visitorId: visitor.visitorId,
    });
    const unique = (await visitorUpload(gone, tinyPdf('only here'), 'only.pdf')).json<TAttachmentDto>();
    await visitorUpload(gone, tinyPdf('same'), 'shared.pdf');
    await visitorSend(gone, newClientId(), [unique.id]);
    const before = filesUnder(filesDir).length;
    await database.db.deleteFrom('conversations').where('id', '=', gone).execute();
    await database.db.updateTable('attachment_blobs').set({ touched_at: 0 }).execute();
    const swept = await attachments.sweep();
    expect(swept.blobs).toBe(1);
    expect(filesUnder(filesDir).length).toBe(before - 1);
  });

  it('limits uploads to 30 a minute per visitor: the 31st gets 429 RATE_LIMITED and stores nothing', async () => {
    const session = await fetch(`${baseUrl}/api/v1/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const busy = (await session.json()) as { visitorToken: string; visitorId: string };
    const busyChat = await seedConversation(server, {
      messages: ['many files'],
      status: 'assigned',
      assigneeId: alice.id,
      visitorId: busy.visitorId,
    });
    const uploadsOf = async () =>
      (
        await server.charla.services.database.db
          .selectFrom('uploads')
          .select('id')
          .where('conversation_id', '=', busyChat)
          .execute()
      ).length;
    for (let i = 0; i < 30; i += 1) {
      const up = await visitorUpload(busyChat, tinyPdf(`n${i}`), `n${i}.pdf`, undefined, busy.visitorToken);
      expect(up.statusCode, up.body).toBe(201);
    }
    const refused = await visitorUpload(
      busyChat,
      tinyPdf('one more'),
      'more.pdf',
      undefined,
      busy.visitorToken,
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(await uploadsOf()).toBe(30);
    // Another visitor is not held back by this one.
    expect((await visitorUpload(chat, tinyPdf('mine'), 'mine.pdf')).statusCode).toBe(201);
  });
});
