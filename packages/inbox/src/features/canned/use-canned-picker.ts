import { useCallback, useMemo, useRef, useState } from 'react';
import {
  rankCannedResponses,
  renderCannedResponse,
  type TAttachmentDto,
  type TCannedResponseDto,
} from '@charla/protocol';
import { useMe } from '../auth/session-context';
import { cannedApi, cannedAttachments } from './canned-api';
import { findSlashQuery, listKeyAction, slashToInsert, type SlashQuery } from './slash-query';

const MAX_SHOWN = 8;

/** A key pressed in the composer's editor (the DOM's KeyboardEvent). */
type KeyEvent = Pick<
  KeyboardEvent,
  'key' | 'shiftKey' | 'isComposing' | 'preventDefault' | 'stopPropagation'
>;

type Deps = {
  conversationId: string;
  /** The composer's text around the caret (its paragraph) and the caret's offset in it, right now. */
  current: () => { text: string; caret: number };
  /**
   * Replaces `range` of that text with a response (its Markdown, shown formatted) or plain text,
   * the caret right after it.
   */
  replace: (range: { start: number; end: number }, inserted: { markdown: string } | { text: string }) => void;
  /**
   * An inserted response's files, staged as the user's uploads in this conversation
   * (cannedAttachments): the composer puts them in its tray as uploaded (addUploadedToTray).
   */
  onFiles?: (attachments: TAttachmentDto[]) => void;
  /** Why they could not be staged (an ApiError: not the assignee, a closed chat, the quota). */
  onFilesError?: (error: unknown) => void;
};

/**
 * The composer's canned responses: `/` at the start of a word opens a list ranked by
 * rankCannedResponses; ↑/↓ move, Enter or Tab insert, Escape closes it until that slash word is left.
 * Inserting fills the conversation's variables; a use is counted when the message is sent.
 */
export function useCannedPicker({ conversationId, current, replace, onFiles, onFilesError }: Deps) {
  const source = useCannedSource(conversationId);
  const { responses } = source;
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [active, setActive] = useState(0);
  const dismissedAt = useRef<number | null>(null);

  const matches = useMemo(
    () => (slash ? rankCannedResponses(responses ?? [], slash.query).slice(0, MAX_SHOWN) : []),
    [responses, slash],
  );

  const open = useCallback(
    (found: SlashQuery) => {
      if (slash === null) source.refresh();
      if (slash?.query !== found.query) setActive(0);
      setSlash(found);
    },
    [slash, source],
  );

  /** Follows the text and the caret: opens, narrows or closes the list. */
  const sync = useCallback(
    (text: string, caret: number) => {
      const found = findSlashQuery(text, caret);
      if (found && found.start !== dismissedAt.current) open(found);
      else {
        if (!found) dismissedAt.current = null;
        setSlash(null);
      }
    },
    [open],
  );

  const pick = useCallback(
    async (response: TCannedResponseDto) => {
      const filled = renderCannedResponse(response.body, await source.values());
      const { text, caret } = current();
      const range = findSlashQuery(text, caret) ?? { start: caret, end: caret };
      setSlash(null);
      source.inserted(response.id);
      replace(range, { markdown: filled });
      if (response.files.length > 0 && onFiles)
        cannedAttachments(conversationId, response.id).then(onFiles, (error: unknown) =>
          onFilesError?.(error),
        );
    },
    [conversationId, current, replace, source, onFiles, onFilesError],
  );

  /** Handles the list's keys; true when the composer must not act on the key itself. */
  const onKeyDown = (event: KeyEvent): boolean => {
    if (slash === null || event.isComposing) return false;
    const action = listKeyAction(event, matches.length);
    if (action === null) return false;
    event.preventDefault();
    event.stopPropagation();
    const chosen = matches[active];
    if (action === 'pick' && chosen) void pick(chosen);
    else if (action === 'close') {
      dismissedAt.current = slash.start;
      setSlash(null);
    } else if (typeof action === 'number')
      setActive((index) => (index + action + matches.length) % matches.length);
    return true;
  };

  return {
    isOpen: slash !== null,
    query: slash?.query ?? '',
    loading: responses === null,
    matches,
    active,
    setActive,
    pick,
    sync,
    onKeyDown,
    /** The toolbar button: types a slash at the caret, which opens the list (the editor syncs). */
    openFromToolbar: () => {
      const { text, caret } = current();
      dismissedAt.current = null;
      replace({ start: caret, end: caret }, { text: slashToInsert(text, caret) });
    },
    sent: source.sent,
  };
}
export type CannedPicker = ReturnType<typeof useCannedPicker>;

/**
 * The responses and the conversation's variables, loaded fresh at each opening (the list may
 * have changed in Settings, the visitor may have given their name), and the responses inserted
 * in each conversation's draft.
 */
function useCannedSource(conversationId: string) {
  const me = useMe();
  const [responses, setResponses] = useState<TCannedResponseDto[] | null>(null);
  const values = useRef<Promise<Record<string, string>> | null>(null);
  const used = useRef(new Map<string, Set<string>>());
  return useMemo(
    () => ({
      responses,
      refresh: () => {
        cannedApi.list().then(setResponses, () => setResponses((list) => list ?? []));
        values.current = cannedApi.variables(conversationId).then(
          (dto) => dto.values,
          () => ({ 'user.name': me.name }),
        );
      },
      values: async () => (await values.current) ?? { 'user.name': me.name },
      inserted: (id: string) => {
        used.current.set(conversationId, (used.current.get(conversationId) ?? new Set<string>()).add(id));
      },
      /** After a send: counts one use of each response inserted in this conversation's draft. */
      sent: () => {
        for (const id of used.current.get(conversationId) ?? [])
          void cannedApi.countUse(id).catch(() => undefined);
        used.current.delete(conversationId);
      },
    }),
    [conversationId, me.name, responses],
  );
}
