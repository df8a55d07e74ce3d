import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  matchMentionCandidates,
  mentionedIds,
  mentionQueryAt,
  type MentionCandidate,
  type TUserSummaryDto,
} from '@charla/protocol';
import { Avatar } from '../../components/avatar';
import { inboxApi } from './inbox-api';

type Query = { start: number; query: string };

let usersOnce: Promise<TUserSummaryDto[]> | null = null;
/** The team, loaded once per page: who a note may mention. */
function loadUsers(): Promise<TUserSummaryDto[]> {
  usersOnce ??= inboxApi.users().catch((error: unknown) => {
    usersOnce = null;
    throw error;
  });
  return usersOnce;
}

/** The users picked in each conversation's note draft (drafts outlive the composer). */
const pickedByDraft = new Map<string, MentionCandidate[]>();

/** A key pressed in the note's editor (the DOM's KeyboardEvent). */
type KeyEvent = Pick<KeyboardEvent, 'key' | 'isComposing' | 'preventDefault' | 'stopPropagation'>;

/**
 * `@` mentions in the note's editor: the query typed before the caret, the matching active users
 * (not me), the highlighted one, and picking (↑/↓ move, Enter or Tab pick, Escape closes), which
 * replaces the `@query` with `@Name `. The picks are kept with the conversation's draft.
 */
export function useMentions(opts: {
  conversationId: string;
  meId: string;
  /** The text of the caret's paragraph and the caret's offset in it, right now. */
  current: () => { text: string; caret: number };
  /** Replaces `range` of that text with plain text, the caret after it. */
  replace: (range: { start: number; end: number }, inserted: { text: string }) => void;
}) {
  const { conversationId, meId, current, replace } = opts;
  const [users, setUsers] = useState<TUserSummaryDto[]>([]);
  const [query, setQuery] = useState<Query | null>(null);
  const [active, setActive] = useState(0);
  // The `@` of a mention just picked (or a list closed with Escape): its words are no query.
  const settledAt = useRef<number | null>(null);
  useEffect(() => {
    loadUsers().then(setUsers, () => setUsers([]));
  }, []);
  const candidates = users.filter((u) => u.active && u.id !== meId);
  const options = query ? matchMentionCandidates(candidates, query.query) : [];

  const pick = (user: MentionCandidate) => {
    const { text, caret } = current();
    const typed = mentionQueryAt(text, caret);
    if (!typed) return;
    const picked = pickedByDraft.get(conversationId) ?? [];
    pickedByDraft.set(conversationId, [...picked, { id: user.id, name: user.name }]);
    settledAt.current = typed.start;
    setQuery(null);
    replace({ start: typed.start, end: caret }, { text: `@${user.name} ` });
  };

  /** True when the key was the picker's. */
  const onKey = (e: KeyEvent): boolean => {
    if (!query || e.isComposing) return false;
    if (options.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (options.length > 0 && (e.key === 'Enter' || e.key === 'Tab')) {
      const option = options[active];
      if (option) pick(option);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      settledAt.current = query.start;
      setQuery(null);
    } else return false;
    e.preventDefault();
    return true;
  };

  /**
   * After each edit or caret move: is an `@query` being typed at the caret? Typing opens the list;
   * moving the caret only keeps it open within its query (a caret put after an old "@Ana" does not).
   */
  const track = useCallback((text: string, caret: number, typed: boolean) => {
    let found = mentionQueryAt(text, caret);
    if (!found) settledAt.current = null;
    else if (found.start === settledAt.current) found = null;
    setQuery((shown) => {
      if (!typed && found?.start !== shown?.start) return null;
      return found?.start === shown?.start && found?.query === shown?.query ? shown : found;
    });
  }, []);
  // A new query highlights its first match.
  useEffect(() => setActive(0), [query]);

  return {
    query,
    options,
    avatars: new Map(users.map((u) => [u.id, u.avatarUrl])),
    active,
    pick,
    onKey,
    track,
    /** The users the note's plain text still mentions (mentionedIds), in the order picked. */
    mentioned: (plainText: string) => mentionedIds(plainText, pickedByDraft.get(conversationId) ?? []),
    close: useCallback(() => setQuery(null), []),
    /** After the note was added: no picks left for this conversation. */
    reset: useCallback(() => {
      pickedByDraft.delete(conversationId);
      setQuery(null);
    }, [conversationId]),
  };
}

/** The listbox of matching users above the note composer. */
export function MentionPicker(props: {
  id: string;
  query: string;
  options: MentionCandidate[];
  avatars: Map<string, string | null>;
  active: number;
  onPick: (user: MentionCandidate) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="mention-picker" id={props.id} role="listbox" aria-label={t('notes.mentionList')}>
      {props.options.length === 0 ? (
        <li className="mention-picker__empty" role="presentation">
          {t('notes.noMatch', { query: props.query })}
        </li>
      ) : (
        props.options.map((u, i) => (
          <li
            key={u.id}
            id={`${props.id}-${i}`}
            role="option"
            aria-selected={i === props.active}
            className="mention-picker__option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onPick(u)}
            data-testid="mention-option"
          >
            <Avatar name={u.name} url={props.avatars.get(u.id) ?? null} seed={u.id} size={22} />
            <bdi>{u.name}</bdi>
          </li>
        ))
      )}
    </ul>
  );
}
