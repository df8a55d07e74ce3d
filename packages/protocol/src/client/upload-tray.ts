import { ATTACHMENT_TYPES, MAX_ATTACHMENTS_PER_MESSAGE } from '../api/attachment-limits';
import type { TAttachmentDto } from '../api/attachments.schema';

export { attachmentTypeLabel, formatFileSize, MAX_ATTACHMENTS_PER_MESSAGE } from '../api/attachment-limits';

/**
 * The files a person picked for their next message (issue 17), shared by the widget and the
 * inbox composer: each uploads on its own (progress, cancel, retry) and the message is sent with
 * the ids of the uploaded ones. Pure: the uploads themselves run in `upload-request.ts`.
 */
export type TTrayFile = {
  /** The client's own key for the file until the server gives it an id. */
  localId: string;
  name: string;
  size: number;
  /** What the browser guessed from the name: only for an early "not allowed"; the server sniffs. */
  type: string;
  state: 'uploading' | 'done' | 'failed';
  /** Share of the bytes sent, 0 to 1. */
  progress: number;
  /** The server's record once uploaded. */
  attachment: TAttachmentDto | null;
  /** Why it failed: a catalogue code (ATTACHMENT_TOO_LARGE…) or NETWORK. */
  error: string | null;
};

export type TPickedFile = { localId: string; name: string; size: number; type: string };

/** Failures a second try may fix (a cut network, a busy server); the rest need another file. */
const RETRYABLE = new Set(['NETWORK', 'RATE_LIMITED', 'INTERNAL', 'HTTP_500', 'HTTP_502', 'HTTP_503']);

export function isRetryableUpload(file: TTrayFile): boolean {
  return file.state === 'failed' && RETRYABLE.has(file.error ?? '');
}

/** The browser's guess, when it has one, must be an allowed type; an unknown guess goes to the server. */
function earlyRefusal(file: TPickedFile): string | null {
  if (file.size === 0) return 'ATTACHMENT_UNREADABLE';
  const known = file.type !== '' && file.type !== 'application/octet-stream';
  if (known && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type))
    return 'ATTACHMENT_TYPE_NOT_ALLOWED';
  return null;
}

/**
 * Adds picked files after those already there, up to the per-message limit (the rest are left
 * out and counted). A file refused before upload is kept, failed, so the person sees why.
 */
export function addToTray(
  tray: readonly TTrayFile[],
  picked: readonly TPickedFile[],
): { tray: TTrayFile[]; added: TTrayFile[]; leftOut: number } {
  const room = Math.max(0, MAX_ATTACHMENTS_PER_MESSAGE - tray.length);
  const added = picked.slice(0, room).map((file): TTrayFile => {
    const refusal = earlyRefusal(file);
    return {
      ...file,
      state: refusal ? 'failed' : 'uploading',
      progress: 0,
      attachment: null,
      error: refusal,
    };
  });
  return { tray: [...tray, ...added], added, leftOut: picked.length - added.length };
}

function update(tray: readonly TTrayFile[], localId: string, patch: Partial<TTrayFile>): TTrayFile[] {
  return tray.map((file) => (file.localId === localId ? { ...file, ...patch } : file));
}

export function uploadProgressed(tray: readonly TTrayFile[], localId: string, progress: number): TTrayFile[] {
  return update(tray, localId, { progress: Math.min(1, Math.max(0, progress)) });
}

export function uploadDone(
  tray: readonly TTrayFile[],
  localId: string,
  attachment: TAttachmentDto,
): TTrayFile[] {
  return update(tray, localId, { state: 'done', progress: 1, attachment, error: null });
}

export function uploadFailed(tray: readonly TTrayFile[], localId: string, error: string): TTrayFile[] {
  return update(tray, localId, { state: 'failed', error });
}

/** "Retry": the file uploads again from the start (the server stores the same bytes once). */
export function uploadRetried(tray: readonly TTrayFile[], localId: string): TTrayFile[] {
  return update(tray, localId, { state: 'uploading', progress: 0, error: null });
}

export function removeFromTray(tray: readonly TTrayFile[], localId: string): TTrayFile[] {
  return tray.filter((file) => file.localId !== localId);
}

export type TTrayStatus = {
  uploading: number;
  failed: number;
  /** The uploaded files, in the order they were picked: what the message carries. */
  ready: TAttachmentDto[];
};

export function trayStatus(tray: readonly TTrayFile[]): TTrayStatus {
  const ready: TAttachmentDto[] = [];
  let uploading = 0;
  let failed = 0;
  for (const file of tray) {
    if (file.state === 'uploading') uploading += 1;
    else if (file.state === 'failed') failed += 1;
    else if (file.attachment) ready.push(file.attachment);
  }
  return { uploading, failed, ready };
}

/**
 * Send is possible with a caption or at least one uploaded file, and only once every file has
 * settled: nothing uploading, nothing failed left (retried or removed), so what is sent is what
 * the person sees in the tray.
 */
export function canSendTray(tray: readonly TTrayFile[], text: string): boolean {
  const status = trayStatus(tray);
  if (status.uploading > 0 || status.failed > 0) return false;
  return text.trim() !== '' || status.ready.length > 0;
}
