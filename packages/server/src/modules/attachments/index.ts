/**
 * Files in live chat (issue 17; docs/attachments.md): the front door services.ts, app.ts, jobs.ts
 * and the conversations module use.
 */
import type { TCannedFileDto } from '@charla/protocol';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { createAttachmentsStore } from './attachments.store';
import { createAttachmentsService, type AttachmentsDeps } from './attachments.service';
import { toAttachmentDto } from './attachment-dto';
import { createCannedFilesService, type CannedFilesDeps } from './canned-files.service';
import { createCannedFilesStore } from './canned-files.store';
import { createMessageFiles } from './message-files';
import { createLocalDiskStorage } from './storage/local-disk-storage';
import { createS3Storage } from './storage/s3-storage';
import type { FileStorage } from './storage/file-storage';

export type { AttachmentsService, AttachmentConversations } from './attachments.service';
export type { CannedAccess, CannedFilesService } from './canned-files.service';
export type { MessageFiles } from './message-files';
export type { FileStorage } from './storage/file-storage';
export { registerAttachmentsRoutes } from './attachments.routes';
export { registerCannedFilesRoutes } from './canned-files.routes';
export { createAttachmentsPrivacyStore } from './attachments.privacy.store';

/** The storage the configuration names: S3 when a bucket is set, else the local disk. */
export function storageFor(files: Config['files']): FileStorage {
  return files.s3 ? createS3Storage(files.s3) : createLocalDiskStorage(files.dir);
}

/**
 * The parts in the order the wiring needs them: the conversations service takes `messageFiles`
 * (its sends claim uploads); the attachments service then uses that service's reads; the canned
 * responses list their files with `cannedFileLists`, and the canned files service asks them who
 * may use or change a response.
 */
export function createAttachmentsModule(db: Db, files: Config['files']) {
  const store = createAttachmentsStore(db);
  const storage = storageFor(files);
  const cannedFiles = createCannedFilesStore(db);
  const limits = {
    maxBytes: files.maxBytes,
    conversationMaxBytes: files.conversationMaxBytes,
    temporaryDir: files.temporaryDir,
  };
  return {
    messageFiles: createMessageFiles(store),
    createService: (deps: Omit<AttachmentsDeps, 'store' | 'storage' | 'limits'>) =>
      createAttachmentsService({ ...deps, store, storage, limits }),
    cannedFileLists: {
      /** Each canned response's files (those without any are absent), in their order. */
      async listOf(cannedIds: string[]): Promise<Map<string, TCannedFileDto[]>> {
        const byResponse = new Map<string, TCannedFileDto[]>();
        for (const row of await cannedFiles.listOf(cannedIds))
          byResponse.set(row.canned_response_id, [
            ...(byResponse.get(row.canned_response_id) ?? []),
            toAttachmentDto(row),
          ]);
        return byResponse;
      },
    },
    createCannedFilesService: (deps: Omit<CannedFilesDeps, 'store' | 'storage' | 'limits' | 'files'>) =>
      createCannedFilesService({ ...deps, store, storage, limits, files: cannedFiles }),
  };
}
