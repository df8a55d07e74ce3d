import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  insertMention,
  matchMentionCandidates,
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

/**
 * `@` mentions in a textarea: the query being typed, the matching active users (not me), the
 * highlighted one, and picking (↑/↓ move, Enter or Tab pick, Escape closes).
 */
export function useMentions(opts: {
  areaRef: RefObject<HTMLTextAreaElement | null>;
  meId: string;
  text: string;
  setText: (text: string) => void;
}) {
  const { areaRef, meId, text, setText } = opts;
  const [users, setUsers] = useState<TUserSummaryDto[]>([]);
  const [query, setQuery] = useState<Query | null>(null);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<MentionCandidate[]>([]);
  const caretAfter = useRef<number | null>(null);
  useEffect(() => {
    loadUsers().then(setUsers, () => setUsers([]));
  }, []);
  useEffect(() => {
    if (caretAfter.current !== null && areaRef.current) {
      areaRef.current.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
  }, [text, areaRef]);
  const reset = useCallback(() => {
    setPicked([]);
    setQuery(null);
  }, []);
  const candidates = users.filter((u) => u.active && u.id !== meId);
  const options = query ? matchMentionCandidates(candidates, query.query) : [];

  const pick = (user: MentionCandidate) => {
    if (!query) return;
    const next = insertMention(text, query.start, areaRef.current?.selectionStart ?? text.length, user.name);
    caretAfter.current = next.caret;
    setText(next.text);
    setPicked((list) => [...list, { id: user.id, name: user.name }]);
    setQuery(null);
    areaRef.current?.focus();
  };

  /** True when the key was the picker's. */
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!query) return false;
    if (options.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (options.length > 0 && (e.key === 'Enter' || e.key === 'Tab')) {
      const option = options[active];
      if (option) pick(option);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setQuery(null);
    } else return false;
    e.preventDefault();
    return true;
  };

  return {
    query,
    options,
    avatars: new Map(users.map((u) => [u.id, u.avatarUrl])),
    active,
    picked,
    pick,
    onKey,
    /** After each edit: is an `@query` being typed at the caret? */
    track: (value: string, caret: number) => {
      setQuery(mentionQueryAt(value, caret));
      setActive(0);
    },
    close: () => setQuery(null),
    reset,
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
