import { useEffect, useRef, useState, type DragEvent } from 'react';

const carriesFiles = (e: { dataTransfer: DataTransfer | null }) =>
  e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files dragged over the conversation: `dragging` shows the drop zone, a drop hands the files to
 * `onFiles`. Only when `canDrop()` says so (asked as the drag starts: the reply composer is there
 * and may send). While the conversation is open, a file
 * dropped beside the zone does nothing instead of making the browser leave the inbox to open it.
 */
export function useFileDrop(canDrop: () => boolean, onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the pointer left.
  const depth = useRef(0);

  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => {
      if (carriesFiles(e)) e.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const handlers = {
    onDragEnter: (e: DragEvent) => {
      if (!carriesFiles(e) || !canDrop()) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!carriesFiles(e) || !canDrop()) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!carriesFiles(e) || !canDrop()) return;
      e.preventDefault();
      const files = [...e.dataTransfer.files];
      if (files.length > 0) onFiles(files);
    },
  };
  return { dragging, handlers };
}
