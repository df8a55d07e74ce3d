import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  MAX_CANNED_FILES,
  type TAttachmentDto,
  type TAttachmentLinkDto,
  type TCannedFileDto,
} from '@charla/protocol';
import { AppError } from '../../lib/app-error';
import type { AuthUser } from '../auth/index';
import type { AttachmentsDeps } from './attachments.service';
import { toAttachmentDto } from './attachment-dto';
import type { CannedFileRow, CannedFilesStore } from './canned-files.store';
import { signFileLink, verifyFileLink } from './file-link';
import { storeBlob } from './store-blob';
import { stagedUpload, writableRow } from './store-upload';

/** Who may do what with a canned response (canned-access.ts), asked of the canned responses' module. */
export type CannedAccess = {
  /** Throws CANNED_RESPONSE_NOT_FOUND unless `user` may use it (the team's, or their own). */
  getUsable(id: string, user: AuthUser): Promise<unknown>;
  /** Also throws FORBIDDEN unless `user` may change it (their own, or the team's as an admin). */
  getEditable(id: string, user: AuthUser): Promise<unknown>;
};

export type CannedFilesDeps = Pick<
  AttachmentsDeps,
  'store' | 'storage' | 'conversations' | 'limits' | 'clock'
> & {
  files: CannedFilesStore;
  canned: CannedAccess;
  signingKey: () => Promise<string>;
};

const LINK_MS = 15 * 60_000;

/**
 * Files of canned responses (issue 17): added through the chat uploads' own pipeline (sniffed,
 * limited, re-encoded, content-addressed), previewed through signed links, and staged as uploads
 * of a conversation when the response is inserted, naming the same blobs.
 */
export function createCannedFilesService(deps: CannedFilesDeps) {
  const { files, canned, clock } = deps;

  async function fileOf(cannedId: string, fileId: string): Promise<CannedFileRow> {
    const file = await files.find(fileId);
    if (!file || file.canned_response_id !== cannedId) throw new AppError('CANNED_FILE_NOT_FOUND');
    return file;
  }

  return {
    async upload(
      cannedId: string,
      user: AuthUser,
      file: { name: string; size: number },
      body: Readable,
    ): Promise<TCannedFileDto> {
      await canned.getEditable(cannedId, user);
      const full = () => new AppError('CANNED_FILE_LIMIT_REACHED', { details: { max: MAX_CANNED_FILES } });
      if ((await files.count(cannedId)) >= MAX_CANNED_FILES) throw full();
      const blob = await storeBlob(deps, file, body, async () => undefined);
      const now = clock.now();
      const row = {
        id: randomBytes(16).toString('base64url'),
        canned_response_id: cannedId,
        ...blob,
        created_at: now,
      };
      // Counted again in the insert's transaction: two uploads racing for the 10th place.
      if (!(await files.add(row, MAX_CANNED_FILES, now))) throw full();
      return toAttachmentDto(row);
    },

    async remove(cannedId: string, fileId: string, user: AuthUser): Promise<void> {
      await canned.getEditable(cannedId, user);
      if (!(await files.remove(cannedId, fileId))) throw new AppError('CANNED_FILE_NOT_FOUND');
    },

    /** A signed link to preview a file, for whoever may use the response, bound to them. */
    async link(cannedId: string, fileId: string, user: AuthUser): Promise<TAttachmentLinkDto> {
      await canned.getUsable(cannedId, user);
      const file = await fileOf(cannedId, fileId);
      const expiresAt = clock.now() + LINK_MS;
      const link = { attachmentId: file.id, holder: { kind: 'user', id: user.id } as const, expiresAt };
      const token = signFileLink(await deps.signingKey(), link, 'canned-file');
      return { url: `/api/v1/canned-files/${token}`, expiresAt };
    },

    /** The bytes behind a link, for its holder's own session, while they may still use the response. */
    async open(token: string, caller: AuthUser | null): Promise<{ file: CannedFileRow; body: Readable }> {
      const link = verifyFileLink(await deps.signingKey(), token, clock.now(), 'canned-file');
      if (!link || !caller || link.holder.id !== caller.id) throw new AppError('ATTACHMENT_LINK_INVALID');
      const file = await files.find(link.attachmentId);
      if (!file) throw new AppError('CANNED_FILE_NOT_FOUND');
      await canned.getUsable(file.canned_response_id, caller);
      const body = await deps.storage.open(file.blob_sha256);
      if (!body) throw new AppError('CANNED_FILE_NOT_FOUND');
      return { file, body };
    },

    /**
     * Stages the response's files as the assignee's uploads of the conversation, naming the same
     * blobs (no byte is copied): the composer puts them in its tray and sends their ids with the
     * message. Each use makes new uploads, so a send claims only its own conversation's.
     */
    async useIn(conversationId: string, cannedId: string, user: AuthUser): Promise<TAttachmentDto[]> {
      const actor = { kind: 'user', user } as const;
      const row = await writableRow(deps, actor, conversationId);
      await canned.getUsable(cannedId, user);
      const carried = await files.listOf([cannedId]);
      const bytes = carried.reduce((sum, file) => sum + Number(file.size), 0);
      const { conversationMaxBytes } = deps.limits;
      if ((await deps.store.bytesOf(row.id)) + bytes > conversationMaxBytes)
        throw new AppError('ATTACHMENT_QUOTA_EXCEEDED', { details: { maxBytes: conversationMaxBytes } });
      const now = clock.now();
      const uploads = carried.map((file) => stagedUpload(file, actor, row.id, now));
      await deps.store.insertMany(uploads, now);
      return uploads.map(toAttachmentDto);
    },
  };
}
export type CannedFilesService = ReturnType<typeof createCannedFilesService>;
