import {
  isErrorCode,
  MAX_ATTACHMENTS_PER_MESSAGE,
  type ErrorCode,
  type TAttachmentDto,
} from '@charla/protocol';
import type { TTrayFile } from '@charla/protocol/client';

/** Files already stored (a canned response's, or staged from one) as settled tray entries. */
export function uploadedTrayFiles(files: readonly TAttachmentDto[]): TTrayFile[] {
  return files.map((file) => ({
    localId: `stored-${file.id}`,
    name: file.name,
    size: file.size,
    type: file.contentType,
    state: 'done',
    progress: 1,
    attachment: file,
    error: null,
  }));
}

/**
 * For the composer when a canned response is inserted: its staged files join the tray as
 * uploaded, after those already there and up to one message's limit (the rest are counted; their
 * staged uploads are never sent and go after a day).
 */
export function addUploadedToTray(
  tray: readonly TTrayFile[],
  attachments: readonly TAttachmentDto[],
): { tray: TTrayFile[]; leftOut: number } {
  const room = Math.max(0, MAX_ATTACHMENTS_PER_MESSAGE - tray.length);
  const added = uploadedTrayFiles(attachments.slice(0, room));
  return { tray: [...tray, ...added], leftOut: attachments.length - added.length };
}

/** Which words explain a failed upload: the catalogue's message for a known code, else a generic one. */
export function uploadErrorKey(code: string | null): { code: ErrorCode } | 'unreachable' | 'generic' {
  if (code !== null && isErrorCode(code)) return { code };
  return code === 'NETWORK' ? 'unreachable' : 'generic';
}
