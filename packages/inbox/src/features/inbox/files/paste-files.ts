import { pastedFiles } from './pasted-files';

/**
 * A paste into the composer: a screenshot becomes a file of the tray (true: the paste is handled);
 * a paste with text stays text (false: the editor inserts it).
 */
export function pasteFiles(
  e: { clipboardData: DataTransfer | null; preventDefault: () => void },
  add: (files: File[]) => void,
): boolean {
  const data = e.clipboardData;
  if (!data) return false;
  const files = pastedFiles({ files: [...data.files], text: data.getData('text/plain') });
  if (files.length === 0) return false;
  e.preventDefault();
  add(files);
  return true;
}
