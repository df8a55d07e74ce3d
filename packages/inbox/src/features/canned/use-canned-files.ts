import { useCallback, useEffect, useRef, useState } from 'react';
import type { TCannedFileDto } from '@charla/protocol';
import {
  addToTray,
  removeFromTray,
  startUpload,
  uploadDone,
  UploadError,
  uploadFailed,
  uploadProgressed,
  uploadRetried,
  type TTrayFile,
} from '@charla/protocol/client';
import { cannedApi } from './canned-api';
import { uploadedTrayFiles } from './canned-files';

let nextLocalId = 0;

/**
 * The files of the canned response being edited, as an upload tray (the tray core the composer
 * uses too). With a saved response (`cannedId`) a picked file uploads at once and a removal
 * deletes it on the server; a new response's files wait and upload right after it is created
 * (`uploadWaiting`).
 */
export function useCannedFiles(cannedId: string | null, stored: readonly TCannedFileDto[]) {
  const [tray, setTray] = useState<TTrayFile[]>(() => uploadedTrayFiles(stored));
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(new Set());
  const [leftOut, setLeftOut] = useState(0);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const picked = useRef(new Map<string, File>());
  const running = useRef(new Map<string, { abort: () => void; done: Promise<boolean> }>());
  // A closed dialog cancels what it still uploads.
  useEffect(() => {
    const uploads = running.current;
    return () => uploads.forEach((upload) => upload.abort());
  }, []);

  const start = useCallback((id: string, localId: string) => {
    const file = picked.current.get(localId);
    if (!file) return;
    const upload = startUpload({
      xhr: new XMLHttpRequest(),
      path: cannedApi.filesPath(id),
      name: file.name,
      size: file.size,
      body: file,
      onProgress: (share) => setTray((current) => uploadProgressed(current, localId, share)),
    });
    const done = upload.done.then(
      (attachment) => {
        setTray((current) => uploadDone(current, localId, attachment));
        return true;
      },
      (error: unknown) => {
        const code = error instanceof UploadError ? error.code : 'NETWORK';
        if (code !== 'ABORTED') setTray((current) => uploadFailed(current, localId, code));
        return false;
      },
    );
    running.current.set(localId, { abort: upload.abort, done });
  }, []);

  const add = (files: readonly File[]) => {
    const entries = files.map((file) => ({ localId: `picked-${(nextLocalId += 1)}`, file }));
    const result = addToTray(
      tray,
      entries.map(({ localId, file }) => ({ localId, name: file.name, size: file.size, type: file.type })),
    );
    for (const { localId, file } of entries) picked.current.set(localId, file);
    setTray(result.tray);
    setLeftOut(result.leftOut);
    const toSend = result.added.filter((f) => f.state === 'uploading').map((f) => f.localId);
    if (cannedId === null) setWaiting((current) => new Set([...current, ...toSend]));
    else for (const localId of toSend) start(cannedId, localId);
  };

  const remove = async (entry: TTrayFile) => {
    setRemoveError(null);
    if (entry.state === 'done' && entry.attachment && cannedId !== null) {
      try {
        await cannedApi.removeFile(cannedId, entry.attachment.id);
      } catch (cause) {
        setRemoveError(cause instanceof Error ? cause.message : null);
        return;
      }
    }
    running.current.get(entry.localId)?.abort();
    setTray((current) => removeFromTray(current, entry.localId));
  };

  const retry = (entry: TTrayFile) => {
    if (cannedId === null) return;
    setTray((current) => uploadRetried(current, entry.localId));
    start(cannedId, entry.localId);
  };

  /** After the response is created: uploads the files that waited; true when every one arrived. */
  const uploadWaiting = async (id: string): Promise<boolean> => {
    for (const localId of waiting) start(id, localId);
    setWaiting(new Set());
    const results = await Promise.all(
      [...waiting].map((localId) => running.current.get(localId)?.done ?? Promise.resolve(false)),
    );
    return results.every(Boolean);
  };

  /** The picked file behind a tray entry (a picture's thumbnail before it is stored). */
  const pickedFile = (localId: string): File | undefined => picked.current.get(localId);

  return { tray, waiting, leftOut, removeError, add, remove, retry, uploadWaiting, pickedFile };
}
export type CannedFiles = ReturnType<typeof useCannedFiles>;
