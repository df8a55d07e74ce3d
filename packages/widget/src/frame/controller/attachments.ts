import type { TAttachmentDto } from '@charla/protocol';
import {
  addToTray,
  randomHex,
  removeFromTray,
  trayStatus,
  uploadDone,
  uploadFailed,
  UploadError,
  uploadProgressed,
  uploadRetried,
} from '@charla/protocol/client';
import { composerMode } from '../state/chat-state';
import type { TControllerContext } from './context';
import { dispatch } from './dispatch';

/** Progress redraws at most every whole percent: XHR reports many times a second. */
const PROGRESS_STEP = 0.01;

const setTray = (ctx: TControllerContext, tray: TControllerContext['state']['tray']): void =>
  dispatch(ctx, { type: 'tray', tray });

function begin(ctx: TControllerContext, conversationId: string, localId: string): void {
  const held = ctx.uploads.get(localId);
  if (!held) return;
  let shown = 0;
  const upload = ctx.uploadApi.upload(conversationId, held.file, (share) => {
    if (share - shown < PROGRESS_STEP) return;
    shown = share;
    setTray(ctx, uploadProgressed(ctx.state.tray, localId, share));
  });
  held.abort = upload.abort;
  upload.done.then(
    (attachment) => {
      if (ctx.uploads.has(localId)) setTray(ctx, uploadDone(ctx.state.tray, localId, attachment));
    },
    (error: unknown) => {
      const code = error instanceof UploadError ? error.code : 'NETWORK';
      // A cancelled upload has already left the tray.
      if (code !== 'ABORTED' && ctx.uploads.has(localId))
        setTray(ctx, uploadFailed(ctx.state.tray, localId, code));
    },
  );
}

/**
 * Files the visitor attached, dropped or pasted (issue 17): each starts uploading at once to the
 * live chat's conversation. Returns how many were left out (over the per-message limit).
 */
export function addFiles(ctx: TControllerContext, files: readonly File[]): number {
  const conversationId = ctx.state.conversation?.id;
  if (!conversationId || composerMode(ctx.state).kind !== 'chat' || files.length === 0) return 0;
  const picked = files.map((file) => ({
    localId: randomHex(8),
    name: file.name || 'file',
    size: file.size,
    type: file.type,
  }));
  const { tray, added, leftOut } = addToTray(ctx.state.tray, picked);
  added.forEach((entry, i) => {
    const file = files[i] as File;
    const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
    ctx.uploads.set(entry.localId, { file, preview, abort: () => {} });
  });
  setTray(ctx, tray);
  for (const entry of added) if (entry.state === 'uploading') begin(ctx, conversationId, entry.localId);
  return leftOut;
}

/** Cancel (while uploading) or remove (once settled) one file. */
export function removeFile(ctx: TControllerContext, localId: string): void {
  const held = ctx.uploads.get(localId);
  ctx.uploads.delete(localId);
  held?.abort();
  if (held?.preview) URL.revokeObjectURL(held.preview);
  setTray(ctx, removeFromTray(ctx.state.tray, localId));
}

export function retryFile(ctx: TControllerContext, localId: string): void {
  const conversationId = ctx.state.conversation?.id;
  if (!conversationId || !ctx.uploads.has(localId)) return;
  setTray(ctx, uploadRetried(ctx.state.tray, localId));
  begin(ctx, conversationId, localId);
}

/** Back online: uploads the cut network failed go again on their own (the bytes are stored once). */
export function retryCutUploads(ctx: TControllerContext): void {
  for (const file of ctx.state.tray) if (file.error === 'NETWORK') retryFile(ctx, file.localId);
}

/** The uploaded files for the message being sent; the tray empties and its previews are released. */
export function takeTray(ctx: TControllerContext): TAttachmentDto[] {
  const { ready } = trayStatus(ctx.state.tray);
  clearTray(ctx);
  return ready;
}

export function clearTray(ctx: TControllerContext): void {
  for (const held of ctx.uploads.values()) {
    held.abort();
    if (held.preview) URL.revokeObjectURL(held.preview);
  }
  ctx.uploads.clear();
  if (ctx.state.tray.length > 0) setTray(ctx, []);
}

/** The local preview of a picked image (an object URL), while it is in the tray. */
export function previewOf(ctx: TControllerContext, localId: string): string | null {
  return ctx.uploads.get(localId)?.preview ?? null;
}
