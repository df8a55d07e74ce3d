import { useEffect, useSyncExternalStore } from 'react';
import type { TLabelDto } from '@charla/protocol';
import { labelsApi } from './labels-api';

// One list of the company's labels for the filter, the pickers and Settings: a change made in one
// place shows in the others without each fetching its own copy.
let labels: TLabelDto[] | null = null;
const listeners = new Set<() => void>();

function publish(next: TLabelDto[]): void {
  labels = [...next].sort((a, b) => a.name.localeCompare(b.name));
  for (const listener of listeners) listener();
}

/** Fetches the labels again (a picker opening, Settings after a change). */
export async function refreshLabels(): Promise<void> {
  try {
    publish(await labelsApi.list());
  } catch {
    if (labels === null) publish([]);
  }
}

/** Replaces the shared list after a change this client made. */
export function setLabels(next: TLabelDto[]): void {
  publish(next);
}

/** The company's labels, by name; null until the first answer. */
export function useLabels(): TLabelDto[] | null {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => labels,
  );
  useEffect(() => {
    if (labels === null) void refreshLabels();
  }, []);
  return current;
}
