import { parseStoredOutbox, type TOutboxItem } from '../state/outbox';

/** The visitor's place in a playbook's chat: kept across reloads, navigation and tabs. */
export type TStoredConversation = {
  conversationId: string | null;
  /** Idempotency key of the pending `start`: a reload mid-start resumes the same conversation. */
  startKey: string | null;
  lastSeq: number;
};

const EMPTY: TStoredConversation = { conversationId: null, startKey: null, lastSeq: 0 };

/** Where the state lives when the frame's own storage is blocked: the host page keeps it for us. */
export type THostBackedStorage = {
  seed: Record<string, string>;
  persist: (key: string, value: string | null) => void;
};

function ownStorage(): Storage | null {
  // Third-party storage may be blocked (incognito, strict privacy settings): access then throws.
  try {
    const storage = window.localStorage;
    storage.setItem('charla:probe', '1');
    storage.removeItem('charla:probe');
    return storage;
  } catch {
    return null;
  }
}

/**
 * The visitor's token, conversation and outbox, namespaced per playbook: in the frame's own
 * localStorage (Charla's origin) when the browser allows it, else in memory mirrored to the host
 * page's first-party storage through the loader, so reloads and navigation still resume.
 */
export function createWidgetStorage(playbookId: string, host: THostBackedStorage) {
  const storage = ownStorage();
  const memory = new Map<string, string>(storage ? [] : Object.entries(host.seed));
  const keys = {
    token: 'charla:v1:token',
    conversation: `charla:v1:${playbookId}:conv`,
    outbox: `charla:v1:${playbookId}:outbox`,
  };

  const read = <T>(key: string, fallback: T): T => {
    try {
      const raw = storage ? storage.getItem(key) : (memory.get(key) ?? null);
      return raw === null ? fallback : (JSON.parse(raw) as T);
    } catch {
      return fallback;
    }
  };
  const write = (key: string, value: unknown): void => {
    const raw = JSON.stringify(value);
    if (!storage) {
      memory.set(key, raw);
      host.persist(key, raw);
      return;
    }
    try {
      storage.setItem(key, raw);
    } catch {
      memory.set(key, raw);
    }
  };

  const conversation = (): TStoredConversation => ({
    ...EMPTY,
    ...read<Partial<TStoredConversation>>(keys.conversation, {}),
  });

  return {
    conversation,
    token: (): string | null => read<string | null>(keys.token, null),
    setToken: (token: string | null) => write(keys.token, token),
    setConversation: (value: TStoredConversation) => write(keys.conversation, value),
    outbox: (): TOutboxItem[] => parseStoredOutbox(read<unknown>(keys.outbox, [])),
    setOutbox: (items: TOutboxItem[]) => write(keys.outbox, items),
    /** Calls back when another tab changes this playbook's conversation (storage events fire only in the other tabs). */
    onOtherTabChange(listener: (value: TStoredConversation) => void): void {
      addEventListener('storage', (event) => {
        if (event.key === keys.conversation) listener(conversation());
      });
    },
  };
}
export type TWidgetStorage = ReturnType<typeof createWidgetStorage>;
