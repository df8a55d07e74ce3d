import type { THostEventName } from '../shared/bridge';

type Listener = (data?: unknown) => void;

/** The host page's listeners for Charla.on/off; a throwing listener never breaks the widget. */
export function createEventHub() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on: (name: string, fn: Listener): void => {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(fn);
    },
    off: (name: string, fn: Listener): void => {
      listeners.get(name)?.delete(fn);
    },
    emit: (name: THostEventName, data?: unknown): void => {
      for (const fn of listeners.get(name) ?? []) {
        try {
          fn(data);
        } catch (err) {
          // Reported like any uncaught error, without stopping the other listeners.
          setTimeout(() => {
            throw err;
          });
        }
      }
    },
  };
}
