import type { TTranslate } from '../i18n';

const hasFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * Files dragged over the chat window: a drop zone says where they go, and a drop hands them to
 * the composer. Only while `accepts()` (the visitor chats with the team); otherwise the browser's
 * own handling is left alone.
 */
export function acceptFileDrops(
  root: HTMLElement,
  t: TTranslate,
  accepts: () => boolean,
  take: (files: File[]) => void,
): void {
  root.dataset.dropLabel = t('dropFiles');
  // dragenter/dragleave fire for every child crossed: count them to know when the drag left.
  let depth = 0;
  const stop = (): void => {
    depth = 0;
    root.classList.remove('dropping');
  };
  root.addEventListener('dragenter', (event) => {
    if (!hasFiles(event) || !accepts()) return;
    depth += 1;
    root.classList.add('dropping');
  });
  root.addEventListener('dragover', (event) => {
    if (!hasFiles(event) || !accepts()) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  root.addEventListener('dragleave', () => {
    depth -= 1;
    if (depth <= 0) stop();
  });
  root.addEventListener('drop', (event) => {
    const accepted = hasFiles(event) && accepts();
    stop();
    if (!accepted) return;
    event.preventDefault();
    take(Array.from(event.dataTransfer?.files ?? []));
  });
}
