import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  TAttachmentDto,
  TAttachmentLinkDto,
  TCannedFileDto,
  TCannedResponseDto,
  TMessageDto,
} from '@charla/protocol';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, snapshotDatabase, UNKNOWN_ID } from '../../security/security-fixtures';
import { startTestServer, type TestServer, type TestUser } from '../../test/harness';
import { newClientId } from '../../test/visitor-client';
import { seedConversation } from '../search/search.fixtures';
import { photoWithExif, screenshotPng, tinyPdf, zipBomb } from './attachments.fixtures';

// Files of canned responses (issue 17) through the real app on SQLite and PostgreSQL: added with
// the chat uploads' pipeline, previewed through signed links, staged in a conversation without
// copying a byte, sent with a message, kept by the sweep while a canned response names them.

const MAX_BYTES = 256 * 1024;
const CONVERSATION_MAX = 600 * 1024;
const NO_CAPTION = { type: 'doc', content: [] };

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

describe('files of canned responses (issue 17)', () => {
  let server: TestServer;
  let admin: TestUser;
  let ana: TestUser;
  let bruno: TestUser;
  let chat: string;
  let otherChat: string;
  let brunosChat: string;
  let closed: string;
  let unassigned: string;
  const filesDir = mkdtempSync(join(tmpdir(), 'charla-canned-files-'));
  const blobPath = (sha256: string) => join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const db = () => server.charla.services.database.db;

  async function createCanned(as: TestUser, scope: 'personal' | 'team', shortcut: string) {
    const res = await server.request({
      method: 'POST',
      url: '/api/v1/canned-responses',
      as,
      payload: { scope, title: shortcut, shortcut, body: `The ${shortcut} text` },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TCannedResponseDto>();
  }
  const addRequest = (as: TestUser, cannedId: string, body: Buffer, name: string, size = body.length) => ({
    method: 'POST' as const,
    url: `/api/v1/canned-responses/${cannedId}/files?name=${encodeURIComponent(name)}&size=${size}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
    as,
  });
  async function added(as: TestUser, cannedId: string, body: Buffer, name: string) {
    const res = await server.request(addRequest(as, cannedId, body, name));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TCannedFileDto>();
  }
  const fromCanned = (as: TestUser, conversationId: string, cannedResponseId: string) =>
    server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/uploads/from-canned`,
      payload: { cannedResponseId },
      as,
    });
  const send = (as: TestUser, conversationId: string, attachments: string[]) =>
    server.request({
      method: 'POST',
      url: `/api/v1/conversations/${conversationId}/messages`,
      payload: { clientMsgId: newClientId(), body: NO_CAPTION, attachments },
      as,
    });
  async function listed(as: TestUser, id: string): Promise<TCannedResponseDto | undefined> {
    const res = await server.request({ url: '/api/v1/canned-responses', as });
    return res.json<TCannedResponseDto[]>().find((c) => c.id === id);
  }

  /** The request is refused with `status` and `code`, and nothing was written: no row, no file. */
  async function refused(
    request: Parameters<TestServer['request']>[0],
    status: number,
    code: string,
  ): Promise<void> {
    const before = { rows: await snapshotDatabase(server), files: filesUnder(filesDir).length };
    const res = await server.request(request);
    expect(res.statusCode, res.body).toBe(status);
    expect(errorCode(res)).toBe(code);
    expect(await snapshotDatabase(server)).toEqual(before.rows);
    expect(filesUnder(filesDir).length).toBe(before.files);
  }

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        FILES_DIR: filesDir,
        FILES_MAX_BYTES: String(MAX_BYTES),
        FILES_CONVERSATION_MAX_BYTES: String(CONVERSATION_MAX),
        // More than 30 uploads a minute by one user here; the limit has its own test.
        CHARLA_RATE_LIMIT_MULTIPLIER: '10',
      },
    });
    admin = await server.createUser('admin', 'Ada Admin');
    ana = await server.createUser('regular', 'Ana Agent');
    bruno = await server.createUser('regular', 'Bruno Agent');
    const assigned = (assigneeId: string) =>
      seedConversation(server, { messages: ['hi'], status: 'assigned', assigneeId });
    chat = await assigned(ana.id);
    otherChat = await assigned(ana.id);
    brunosChat = await assigned(bruno.id);
    closed = await seedConversation(server, { messages: ['old'], status: 'closed' });
    unassigned = await seedConversation(server, { messages: ['anyone?'], status: 'waiting' });
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('adds files through the chat uploads’ pipeline, lists them in the response and previews them by signed link', async () => {
    const mine = await createCanned(ana, 'personal', 'welcome-pack');
    expect(mine.files).toEqual([]);
    const photo = await added(ana, mine.id, await photoWithExif(), 'IMG_0001.JPG');
    expect(photo).toMatchObject({ kind: 'image', contentType: 'image/jpeg', width: 64, height: 48 });
    const pdf = await added(ana, mine.id, tinyPdf('price list'), 'prices.pdf.exe');
    expect(pdf).toMatchObject({ kind: 'file', contentType: 'application/pdf', name: 'prices.pdf.exe.pdf' });
    expect((await listed(ana, mine.id))?.files).toEqual([photo, pdf]);

    // The preview link is Ana's alone, and shows the re-encoded photo without its metadata.
    const linkUrl = `/api/v1/canned-responses/${mine.id}/files/${photo.id}/link`;
    const link = (await server.request({ url: linkUrl, as: ana })).json<TAttachmentLinkDto>();
    expect(link.url).toMatch(/^\/api\/v1\/canned-files\/[\w-]+\.[\w-]+$/);
    const shown = await server.request({ url: link.url, as: ana });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-disposition']).toMatch(/^inline;/);
    expect(shown.headers['content-security-policy']).toContain('sandbox');
    expect((await sharp(shown.rawPayload).metadata()).exif).toBeUndefined();
    expect(shown.rawPayload.includes(Buffer.from('Secret Photographer'))).toBe(false);
    expect(errorCode(await server.request({ url: link.url, as: bruno }))).toBe('ATTACHMENT_LINK_INVALID');
    expect((await server.request({ url: link.url })).statusCode).toBe(403);
    expect(errorCode(await server.request({ url: linkUrl, as: bruno }))).toBe('CANNED_RESPONSE_NOT_FOUND');
    // A conversation file's route does not open a canned file's token.
    const token = link.url.slice('/api/v1/canned-files/'.length);
    expect(errorCode(await server.request({ url: `/api/v1/files/${token}`, as: ana }))).toBe(
      'ATTACHMENT_LINK_INVALID',
    );

    // Team responses: admins add files; everyone previews them; a regular user cannot add.
    const team = await createCanned(admin, 'team', 'brochure');
    const brochure = await added(admin, team.id, tinyPdf('brochure'), 'brochure.pdf');
    const brunoLink = await server.request({
      url: `/api/v1/canned-responses/${team.id}/files/${brochure.id}/link`,
      as: bruno,
    });
    const pdfBytes = await server.request({ url: brunoLink.json<TAttachmentLinkDto>().url, as: bruno });
    expect(pdfBytes.headers['content-disposition']).toMatch(/^attachment;/);
    expect(pdfBytes.rawPayload.equals(tinyPdf('brochure'))).toBe(true);
    await refused(addRequest(ana, team.id, tinyPdf('sneaky'), 'x.pdf'), 403, 'FORBIDDEN');

    // Removing one leaves the others in their order.
    const removed = await server.request({
      method: 'DELETE',
      url: `/api/v1/canned-responses/${mine.id}/files/${photo.id}`,
      as: ana,
    });
    expect(removed.statusCode).toBe(204);
    expect((await listed(ana, mine.id))?.files.map((f) => f.id)).toEqual([pdf.id]);
  });

  it('stages the files in a conversation without copying a byte, and the message sends them', async () => {
    const canned = await createCanned(ana, 'personal', 'invoice-pack');
    const png = await added(ana, canned.id, await screenshotPng(120, 90), 'Screenshot.png');
    const pdf = await added(ana, canned.id, tinyPdf('invoice 7'), 'invoice.pdf');
    const stored = filesUnder(filesDir).length;

    const first = await fromCanned(ana, chat, canned.id);
    expect(first.statusCode, first.body).toBe(201);
    const staged = first.json<TAttachmentDto[]>();
    expect(staged.map(({ id: _id, ...rest }) => rest)).toEqual(
      [png, pdf].map(({ id: _id, ...rest }) => rest),
    );
    expect(staged.map((s) => s.id)).not.toContain(png.id);
    expect(filesUnder(filesDir).length).toBe(stored);
    const blobs = await db()
      .selectFrom('uploads')
      .select(['id', 'blob_sha256', 'conversation_id', 'uploader_id', 'message_id'])
      .where(
        'id',
        'in',
        staged.map((s) => s.id),
      )
      .execute();
    const cannedBlobs = await db()
      .selectFrom('canned_response_files')
      .select('blob_sha256')
      .where('canned_response_id', '=', canned.id)
      .execute();
    expect(blobs.map((b) => b.blob_sha256).sort()).toEqual(cannedBlobs.map((b) => b.blob_sha256).sort());
    expect(blobs.every((b) => b.conversation_id === chat && b.uploader_id === ana.id && !b.message_id)).toBe(
      true,
    );

    // A second use, in another conversation, stages new uploads: a send claims only its own.
    const second = (await fromCanned(ana, otherChat, canned.id)).json<TAttachmentDto[]>();
    expect(second.map((s) => s.id)).not.toEqual(expect.arrayContaining(staged.map((s) => s.id)));
    const crossed = await send(
      ana,
      chat,
      second.map((s) => s.id),
    );
    expect(crossed.statusCode).toBe(404);
    expect(errorCode(crossed)).toBe('ATTACHMENT_NOT_FOUND');

    const sent = await send(
      ana,
      chat,
      staged.map((s) => s.id),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json<TMessageDto>();
    expect(message.attachments).toEqual(staged);
    const page = await server.request({ url: `/api/v1/conversations/${chat}/messages`, as: ana });
    const shown = page.json<{ items: TMessageDto[] }>().items.find((m) => m.id === message.id);
    expect(shown?.attachments.map((a) => a.name)).toEqual(['Screenshot.png', 'invoice.pdf']);
    const link = await server.request({
      url: `/api/v1/conversations/${chat}/attachments/${staged[1]?.id}/link`,
      as: ana,
    });
    const bytes = await server.request({ url: link.json<TAttachmentLinkDto>().url, as: ana });
    expect(bytes.rawPayload.equals(tinyPdf('invoice 7'))).toBe(true);
    // Sent once: the same ids cannot go again; the other conversation's still can.
    expect(
      errorCode(
        await send(
          ana,
          chat,
          staged.map((s) => s.id),
        ),
      ),
    ).toBe('ATTACHMENT_NOT_FOUND');
    expect(
      (
        await send(
          ana,
          otherChat,
          second.map((s) => s.id),
        )
      ).statusCode,
    ).toBe(201);

    // A response without files stages nothing.
    const plain = await createCanned(ana, 'personal', 'plain');
    const none = await fromCanned(ana, chat, plain.id);
    expect(none.statusCode).toBe(201);
    expect(none.json()).toEqual([]);
  });

  it('refuses bad files, an 11th file and other people’s responses, writing nothing', async () => {
    const canned = await createCanned(ana, 'personal', 'many-files');
    const brunos = await createCanned(bruno, 'personal', 'brunos-own');
    await refused(
      addRequest(ana, canned.id, Buffer.from('just some text'), 'notes.png'),
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    );
    await refused(addRequest(ana, canned.id, zipBomb(), 'cat.png'), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_BYTES)]);
    await refused(addRequest(ana, canned.id, big, 'big.pdf'), 413, 'ATTACHMENT_TOO_LARGE');
    await refused(
      addRequest(ana, canned.id, tinyPdf(), 'short.pdf', tinyPdf().length + 9),
      400,
      'ATTACHMENT_INCOMPLETE',
    );
    await refused(addRequest(ana, brunos.id, tinyPdf(), 'x.pdf'), 404, 'CANNED_RESPONSE_NOT_FOUND');
    await refused(addRequest(admin, brunos.id, tinyPdf(), 'x.pdf'), 404, 'CANNED_RESPONSE_NOT_FOUND');
    await refused(addRequest(ana, UNKNOWN_ID, tinyPdf(), 'x.pdf'), 404, 'CANNED_RESPONSE_NOT_FOUND');

    for (let i = 0; i < 10; i += 1) await added(ana, canned.id, tinyPdf(`page ${i}`), `page-${i}.pdf`);
    await refused(
      addRequest(ana, canned.id, tinyPdf('eleven'), 'eleven.pdf'),
      422,
      'CANNED_FILE_LIMIT_REACHED',
    );
    expect((await listed(ana, canned.id))?.files).toHaveLength(10);

    // Twelve at once onto an empty response: ten places, taken once each.
    const raced = await createCanned(ana, 'personal', 'raced');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        server.request(addRequest(ana, raced.id, tinyPdf(`race ${i}`), `race-${i}.pdf`)),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array<number>(10).fill(201), 422, 422]);
    const places = await db()
      .selectFrom('canned_response_files')
      .select('position')
      .where('canned_response_id', '=', raced.id)
      .execute();
    expect(new Set(places.map((p) => p.position)).size).toBe(10);

    const fileId = (await listed(ana, canned.id))?.files[0]?.id ?? '';
    const deleteFile = (as: TestUser, cannedId: string, id: string) => ({
      method: 'DELETE' as const,
      url: `/api/v1/canned-responses/${cannedId}/files/${id}`,
      as,
    });
    await refused(deleteFile(bruno, canned.id, fileId), 404, 'CANNED_RESPONSE_NOT_FOUND');
    await refused(deleteFile(ana, canned.id, UNKNOWN_ID), 404, 'CANNED_FILE_NOT_FOUND');
    await refused(deleteFile(ana, brunos.id, fileId), 404, 'CANNED_RESPONSE_NOT_FOUND');
  });

  it('stages files only for the assignee of an open conversation, from a response they may use, within its quota', async () => {
    const canned = await createCanned(ana, 'personal', 'quota-pack');
    await added(ana, canned.id, tinyPdf('small'), 'small.pdf');
    const brunos = await createCanned(bruno, 'personal', 'not-anas');
    await added(bruno, brunos.id, tinyPdf('bruno'), 'bruno.pdf');
    const use = (as: TestUser, conversationId: string, cannedResponseId: string | number) => ({
      method: 'POST' as const,
      url: `/api/v1/conversations/${conversationId}/uploads/from-canned`,
      payload: { cannedResponseId },
      as,
    });
    await refused(use(ana, chat, brunos.id), 404, 'CANNED_RESPONSE_NOT_FOUND');
    await refused(use(ana, chat, UNKNOWN_ID), 404, 'CANNED_RESPONSE_NOT_FOUND');
    // Assigned to someone else: hidden (R14), admins included; unassigned: visible, not writable.
    await refused(use(ana, brunosChat, canned.id), 404, 'CONVERSATION_NOT_FOUND');
    await refused(use(admin, chat, canned.id), 404, 'CONVERSATION_NOT_FOUND');
    await refused(use(ana, unassigned, canned.id), 409, 'INVALID_TRANSITION');
    await refused(use(ana, closed, canned.id), 409, 'CONVERSATION_CLOSED');
    await refused(use(ana, UNKNOWN_ID, canned.id), 404, 'CONVERSATION_NOT_FOUND');
    await refused(use(ana, chat, 7), 422, 'VALIDATION_FAILED');
    await refused(
      { ...use(ana, chat, canned.id), payload: { cannedResponseId: canned.id, x: 1 } },
      422,
      'VALIDATION_FAILED',
    );

    // A conversation nearly full: the response's files would pass its quota.
    const full = await seedConversation(server, {
      messages: ['files'],
      status: 'assigned',
      assigneeId: ana.id,
    });
    const filler = await createCanned(ana, 'personal', 'filler');
    for (let i = 0; i < 3; i += 1)
      await added(
        ana,
        filler.id,
        Buffer.concat([tinyPdf(`fill ${i}`), Buffer.alloc(190 * 1024)]),
        `f${i}.pdf`,
      );
    expect((await fromCanned(ana, full, filler.id)).statusCode).toBe(201);
    await refused(use(ana, full, filler.id), 413, 'ATTACHMENT_QUOTA_EXCEEDED');
  });

  it('keeps a blob while a canned response names it, and deletes it once nothing does', async () => {
    const { attachments } = server.charla.services;
    const canned = await createCanned(ana, 'personal', 'sweep-pack');
    const kept = await added(ana, canned.id, tinyPdf('only in a canned response'), 'kept.pdf');
    const sentOne = await added(ana, canned.id, tinyPdf('sent from a canned response'), 'sent.pdf');
    const shaOf = async (id: string) =>
      (
        await db()
          .selectFrom('canned_response_files')
          .select('blob_sha256')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).blob_sha256;
    const shas = { kept: await shaOf(kept.id), sent: await shaOf(sentOne.id) };
    const age = async () =>
      db()
        .updateTable('attachment_blobs')
        .set({ touched_at: 0 })
        .where('sha256', 'in', [shas.kept, shas.sent])
        .execute();
    const blobRows = async () =>
      (
        await db()
          .selectFrom('attachment_blobs')
          .select('sha256')
          .where('sha256', 'in', [shas.kept, shas.sent])
          .execute()
      ).map((r) => r.sha256);

    // Named by the canned response only: an hour-old blob stays.
    await age();
    await attachments.sweep();
    expect((await blobRows()).sort()).toEqual([shas.kept, shas.sent].sort());
    expect(existsSync(blobPath(shas.kept))).toBe(true);

    // Inserted in a chat: one file sent, the other left staged; then the response is deleted.
    const staged = (await fromCanned(ana, chat, canned.id)).json<TAttachmentDto[]>();
    expect((await send(ana, chat, [staged[1]?.id ?? ''])).statusCode).toBe(201);
    const deleted = await server.request({
      method: 'DELETE',
      url: `/api/v1/canned-responses/${canned.id}`,
      as: ana,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      await db()
        .selectFrom('canned_response_files')
        .select('id')
        .where('canned_response_id', '=', canned.id)
        .execute(),
    ).toEqual([]);
    await age();
    await attachments.sweep();
    // The staged upload still names the first, the sent one the second.
    expect((await blobRows()).sort()).toEqual([shas.kept, shas.sent].sort());

    // A day later the staged upload goes, and with it the last name of the first blob.
    await db()
      .updateTable('uploads')
      .set({ created_at: 0 })
      .where('id', '=', staged[0]?.id ?? '')
      .execute();
    await age();
    await attachments.sweep();
    expect(await blobRows()).toEqual([shas.sent]);
    expect(existsSync(blobPath(shas.kept))).toBe(false);
    expect(existsSync(blobPath(shas.sent))).toBe(true);
  });
});
