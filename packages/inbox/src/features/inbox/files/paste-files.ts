import type { ClipboardEvent } from 'react';
import { pastedFiles } from './pasted-files';

/** A paste into the composer: a screenshot becomes a file of the tray; a paste with text stays text. */
export function pasteFiles(e: ClipboardEvent<HTMLElement>, add: (files: File[]) => void): void {
  const data = e.clipboardData;
  const files = pastedFiles({ files: [...data.files], text: data.getData('text/plain') });
  if (files.length === 0) return;
  e.preventDefault();
  add(files);
}
