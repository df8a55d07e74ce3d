import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ConversationWrite, TAttachmentLinkDto } from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { Clock } from '../../lib/clock';
import type { AuthUser } from '../auth/index';
import type { ConversationRow } from '../conversations/index';
import type { SettingsStore } from '../settings/index';
import type { AttachmentsStore, UploadRow } from './attachments.store';
import { signFileLink, verifyFileLink, type LinkHolder } from './file-link';
import { storeUpload } from './store-upload';
import type { FileStorage } from './storage/file-storage';

export type FileLimits = { maxBytes: number; conversationMaxBytes: number; temporaryDir: string };
/** What the attachments need of a conversation, from the conversations' front door (R14 inside). */
export type AttachmentConversations = {
  getVisitorRow(id: string, visitorId: string): Promise<ConversationRow>;
  getVisibleRow(id: string, user: AuthUser): Promise<ConversationRow>;
  getReadableRow(id: string, user: AuthUser): Promise<ConversationRow>;
  assertWritable(row: ConversationRow, write: ConversationWrite): void;
};
export type Actor = { kind: 'visitor'; id: string } | { kind: 'user'; user: AuthUser };
export type AttachmentsDeps = {
  store: AttachmentsStore;
  storage: FileStorage;
  conversations: AttachmentConversations;
  settings: SettingsStore;
  limits: FileLimits;
  clock: Clock;
  publicUrl: string;
};

const CLIENT_LINK_MS = 15 * 60_000;
const WEBHOOK_LINK_MS = 24 * 3_600_000;
const KEY_SETTING = 'attachments.key';

/** Files in live chat (issue 17; docs/attachments.md): upload, signed links, download. */
export function createAttachmentsService(deps: AttachmentsDeps) {
  const { store, storage, conversations, clock } = deps;
  let key: string | null = null;
  const signingKey = async () =>
    (key ??= await deps.settings.setIfAbsent<string>(
      KEY_SETTING,
      randomBytes(32).toString('base64url'),
      clock.now(),
    ));

  /** The sent file of a conversation the actor may read (R14 for users, their own for visitors). */
  async function readableUpload(actor: Actor, conversationId: string, attachmentId: string) {
    const row =
      actor.kind === 'visitor'
        ? await conversations.getVisitorRow(conversationId, actor.id)
        : await conversations.getReadableRow(conversationId, actor.user);
    const upload = await store.find(attachmentId);
    if (!upload || upload.conversation_id !== row.id || upload.message_id === null)
      throw new AppError('ATTACHMENT_NOT_FOUND');
    return upload;
  }

  async function sign(attachmentId: string, holder: LinkHolder, ttl: number): Promise<TAttachmentLinkDto> {
    const expiresAt = clock.now() + ttl;
    const token = signFileLink(await signingKey(), { attachmentId, holder, expiresAt });
    return { url: `/api/v1/files/${token}`, expiresAt };
  }

  return {
    upload: (actor: Actor, conversationId: string, file: { name: string; size: number }, body: Readable) =>
      storeUpload(deps, actor, conversationId, file, body),
    signingKey,

    /** A signed link to a sent file, bound to the actor and short-lived. */
    async link(actor: Actor, conversationId: string, attachmentId: string): Promise<TAttachmentLinkDto> {
      const upload = await readableUpload(actor, conversationId, attachmentId);
      const holder: LinkHolder =
        actor.kind === 'visitor' ? { kind: 'visitor', id: actor.id } : { kind: 'user', id: actor.user.id };
      return sign(upload.id, holder, CLIENT_LINK_MS);
    },

    /** The absolute link a webhook receiver can fetch for a day. */
    async webhookUrl(attachmentId: string): Promise<string> {
      const link = await sign(attachmentId, { kind: 'webhook', id: '' }, WEBHOOK_LINK_MS);
      return `${deps.publicUrl}${link.url}`;
    },

    /**
     * The bytes behind a link, checked again now: a user's link needs that user's own session
     * and their sight of the conversation (R14, so a reassignment ends it); a visitor's, that the
     * conversation is still theirs.
     */
    async open(token: string, caller: AuthUser | null): Promise<{ upload: UploadRow; body: Readable }> {
      const link = verifyFileLink(await signingKey(), token, clock.now());
      if (!link) throw new AppError('ATTACHMENT_LINK_INVALID');
      const { holder } = link;
      if (holder.kind === 'user' && caller?.id !== holder.id) throw new AppError('ATTACHMENT_LINK_INVALID');
      const upload = await store.find(link.attachmentId);
      if (!upload || upload.message_id === null) throw new AppError('ATTACHMENT_NOT_FOUND');
      const reader: Actor | null =
        holder.kind === 'user' && caller
          ? { kind: 'user', user: caller }
          : holder.kind === 'visitor'
            ? { kind: 'visitor', id: holder.id }
            : null;
      if (reader) await readableUpload(reader, upload.conversation_id, upload.id);
      const body = await storage.open(upload.blob_sha256);
      if (!body) throw new AppError('ATTACHMENT_NOT_FOUND');
      return { upload, body };
    },

    /** Staged uploads a day old, then blobs no upload names an hour after their last use. */
    async sweep(): Promise<{ staged: number; blobs: number }> {
      const now = clock.now();
      const staged = await store.dropStagedBefore(now - 24 * 3_600_000);
      const cutoff = now - 3_600_000;
      let blobs = 0;
      for (const sha256 of await store.orphanBlobs(cutoff, 200)) {
        if (!(await store.forgetBlob(sha256, cutoff))) continue;
        await storage.remove(sha256);
        blobs += 1;
      }
      return { staged, blobs };
    },
  };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
