import { useCallback, useEffect, useRef, useState } from 'react';
import { ATTACHMENT_TYPES, type TAttachmentDto } from '@charla/protocol';
import { addUploadedToTray } from '../../canned/canned-files';
import {
  addToTray,
  removeFromTray,
  startUpload,
  uploadDone,
  uploadFailed,
  uploadProgressed,
  uploadRetried,
  UploadError,
  type TTrayFile,
  type TXhrLike,
} from '@charla/protocol/client';

/** One conversation's tray: the shared reducer's files, their previews, and how many were left out. */
export type TTray = { files: TTrayFile[]; previews: Record<string, string>; leftOut: number };
const EMPTY: TTray = { files: [], previews: {}, leftOut: 0 };

/** The browser's side of a picked file: its bytes, and the upload to cancel. */
type Entry = { file: File; conversationId: string; preview: string | null; abort: (() => void) | null };

let nextLocalId = 0;
const previewable = (type: string) =>
  type.startsWith('image/') && (ATTACHMENT_TYPES as readonly string[]).includes(type);
const browserXhr = (): TXhrLike => new XMLHttpRequest();
const uploadPath = (conversationId: string) =>
  `/api/v1/conversations/${encodeURIComponent(conversationId)}/uploads`;

type Change = (conversationId: string, next: (tray: TTray) => TTray) => void;

/** The trays of every conversation, readable at once through the ref (uploads settle between renders). */
function useTrays() {
  const [trays, setTrays] = useState<Record<string, TTray>>({});
  const traysRef = useRef(trays);
  /** Changes one conversation's tray now (the ref) and for React (the state). */
  const change: Change = useCallback((id, next) => {
    traysRef.current = { ...traysRef.current, [id]: next(traysRef.current[id] ?? EMPTY) };
    setTrays(traysRef.current);
  }, []);
  return { trays, traysRef, change };
}

/** The running uploads: each picked file's bytes, preview and cancel, by the tray's local id. */
function useUploads(change: Change) {
  const entries = useRef(new Map<string, Entry>());

  const upload = useCallback(
    (localId: string) => {
      const entry = entries.current.get(localId);
      if (!entry) return;
      const id = entry.conversationId;
      const files = (map: (files: TTrayFile[]) => TTrayFile[]) =>
        change(id, (t) => ({ ...t, files: map(t.files) }));
      const request = startUpload({
        xhr: browserXhr(),
        path: uploadPath(id),
        name: entry.file.name,
        size: entry.file.size,
        body: entry.file,
        onProgress: (share) => files((f) => uploadProgressed(f, localId, share)),
      });
      entry.abort = request.abort;
      request.done.then(
        (attachment) => files((f) => uploadDone(f, localId, attachment)),
        (error: unknown) => {
          const code = error instanceof UploadError ? error.code : 'NETWORK';
          // A cancelled upload left the tray with its file: nothing to show.
          if (code !== 'ABORTED') files((f) => uploadFailed(f, localId, code));
        },
      );
    },
    [change],
  );

  /** The file left the tray: its upload stops (when asked) and its preview is freed. */
  const forget = useCallback((localId: string, abort: boolean) => {
    const entry = entries.current.get(localId);
    if (!entry) return;
    if (abort) entry.abort?.();
    if (entry.preview) URL.revokeObjectURL(entry.preview);
    entries.current.delete(localId);
  }, []);

  // Leaving the inbox cancels what is still uploading and frees every preview.
  useEffect(() => {
    const all = entries.current;
    return () => {
      for (const localId of [...all.keys()]) forget(localId, true);
    };
  }, [forget]);

  /** Keeps a picked file's bytes (and an image's preview) until it leaves the tray. */
  const keep = useCallback((localId: string, file: File, conversationId: string): string | null => {
    const preview = previewable(file.type) ? URL.createObjectURL(file) : null;
    entries.current.set(localId, { file, conversationId, preview, abort: null });
    return preview;
  }, []);

  return { upload, forget, keep };
}

/**
 * The files picked for the next message of each conversation (kept while switching, like the
 * draft): each uploads at once over XMLHttpRequest with the session cookie (same origin), with
 * progress, cancel and retry. The decisions are the shared tray's (`upload-tray.ts`); this hook
 * only runs the uploads and owns the image previews (object URLs, revoked when a file leaves).
 */
export function useUploadTray(conversationId: string) {
  const { trays, traysRef, change } = useTrays();
  const { upload, forget, keep } = useUploads(change);

  const add = useCallback(
    (picked: readonly File[]) => {
      const id = conversationId;
      const withIds = picked.map((file) => ({ file, localId: `f${(nextLocalId += 1)}` }));
      const current = traysRef.current[id] ?? EMPTY;
      const result = addToTray(
        current.files,
        withIds.map(({ file, localId }) => ({ localId, name: file.name, size: file.size, type: file.type })),
      );
      const previews = { ...current.previews };
      for (const { file, localId } of withIds) {
        if (!result.added.some((a) => a.localId === localId)) continue;
        const preview = keep(localId, file, id);
        if (preview) previews[localId] = preview;
      }
      change(id, () => ({ files: result.tray, previews, leftOut: result.leftOut }));
      for (const file of result.added) if (file.state === 'uploading') upload(file.localId);
    },
    [conversationId, traysRef, change, keep, upload],
  );

  /** Removing a file still uploading cancels its request (the × of the tray). */
  const remove = useCallback(
    (localId: string) => {
      forget(localId, true);
      change(conversationId, (t) => {
        const { [localId]: _gone, ...previews } = t.previews;
        return { files: removeFromTray(t.files, localId), previews, leftOut: 0 };
      });
    },
    [conversationId, change, forget],
  );

  const retry = useCallback(
    (localId: string) => {
      change(conversationId, (t) => ({ ...t, files: uploadRetried(t.files, localId) }));
      upload(localId);
    },
    [conversationId, change, upload],
  );

  /** The message was queued with the uploaded files: the tray starts empty again. */
  const clear = useCallback(() => {
    for (const file of traysRef.current[conversationId]?.files ?? []) forget(file.localId, true);
    change(conversationId, () => EMPTY);
  }, [conversationId, traysRef, change, forget]);

  /**
   * Files a canned response staged in this conversation (already uploaded, issue 17) join the
   * tray; a refusal joins as a failed entry that says why (removed with its ×).
   */
  const addStored = useCallback(
    (id: string, result: { files: readonly TAttachmentDto[] } | { name: string; error: string }) => {
      change(id, (t) => {
        if ('error' in result) {
          const refused: TTrayFile = {
            localId: `f${(nextLocalId += 1)}`,
            name: result.name,
            size: 0,
            type: '',
            state: 'failed',
            progress: 0,
            attachment: null,
            error: result.error,
          };
          return { ...t, files: [...t.files, refused] };
        }
        const added = addUploadedToTray(t.files, result.files);
        return { ...t, files: added.tray, leftOut: added.leftOut };
      });
    },
    [change],
  );

  return { tray: trays[conversationId] ?? EMPTY, add, addStored, remove, retry, clear };
}
export type TUploadTray = ReturnType<typeof useUploadTray>;
