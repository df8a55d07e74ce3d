import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentionedIds, noteTextProblem } from '@charla/protocol';
import { newClientMsgId } from '@charla/protocol/client';
import { ApiError } from '../../lib/api-client';
import { Icon } from '../../lib/icons';
import type { ComposerHandle } from './composer';
import { inboxApi } from './inbox-api';
import { MentionPicker, useMentions } from './mention-picker';
import './notes.css';

type Props = { conversationId: string; meId: string };

/**
 * The private-note composer (issue 16): `@` opens a picker of the team (fuzzy by name; ↑/↓,
 * Enter or Tab picks, Escape closes; an ARIA combobox with a listbox). Enter adds the note.
 */
export const NoteComposer = forwardRef<ComposerHandle, Props>(function NoteComposer(
  { conversationId, meId },
  ref,
) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { busy, error, setError, add } = useAddNote(conversationId);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentions({ areaRef, meId, text, setText });
  useImperativeHandle(ref, () => ({ focus: () => areaRef.current?.focus() }), []);
  // A new conversation starts afresh.
  useEffect(() => {
    setText('');
    setError(null);
    mentions.reset();
  }, [conversationId, mentions.reset, setError]);

  const submit = () =>
    void add(text, mentionedIds(text, mentions.picked), () => {
      setText('');
      mentions.reset();
    });

  const listId = `mention-list-${conversationId}`;
  const listed = mentions.query !== null && mentions.options.length > 0;
  return (
    <form
      className="composer composer--note"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="note-composer"
    >
      {mentions.query && (
        <MentionPicker
          id={listId}
          query={mentions.query.query}
          options={mentions.options}
          avatars={mentions.avatars}
          active={mentions.active}
          onPick={mentions.pick}
        />
      )}
      <label htmlFor={`note-${conversationId}`} className="sr-only">
        {t('notes.label')}
      </label>
      <textarea
        id={`note-${conversationId}`}
        ref={areaRef}
        className="composer__input"
        rows={3}
        placeholder={t('notes.placeholder')}
        value={text}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={listed}
        aria-controls={mentions.query ? listId : undefined}
        aria-activedescendant={listed ? `${listId}-${mentions.active}` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
          mentions.track(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={(e) => {
          if (mentions.onKey(e)) return;
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
        onBlur={mentions.close}
        data-testid="note-input"
      />
      {error && (
        <p className="note__error" role="alert">
          {error}
        </p>
      )}
      <NoteBar disabled={busy || noteTextProblem(text) !== null} busy={busy} />
    </form>
  );
});

/** Sends a note; `busy` while it goes, `error` when the server refused it. */
function useAddNote(conversationId: string) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async (text: string, mentions: string[], done: () => void) => {
    if (noteTextProblem(text) || busy) return;
    setBusy(true);
    try {
      await inboxApi.note(conversationId, { clientMsgId: newClientMsgId('c'), text, mentions });
      done();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : t('notes.failed'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, add };
}

function NoteBar({ disabled, busy }: { disabled: boolean; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="composer__bar">
      <span className="note__hint">
        <Icon name="lock" size={13} />
        {t('notes.hint')}
      </span>
      <button type="submit" className="btn btn--note btn--sm" disabled={disabled} data-testid="add-note">
        <Icon name="lock" size={14} />
        <span>{busy ? t('notes.adding') : t('notes.add')}</span>
      </button>
    </div>
  );
}

/** Reply or Private note: a tab list above the composer (←/→ move between the two). */
export function ComposerModes({
  mode,
  onChange,
}: {
  mode: 'reply' | 'note';
  onChange: (m: 'reply' | 'note') => void;
}) {
  const { t } = useTranslation();
  const tabs = [
    { id: 'reply', label: t('notes.reply'), icon: 'send' },
    { id: 'note', label: t('notes.note'), icon: 'lock' },
  ] as const;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  return (
    <div className="composer-modes" role="tablist" aria-label={t('notes.modes')}>
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          aria-selected={mode === tab.id}
          tabIndex={mode === tab.id ? 0 : -1}
          className={`composer-modes__tab composer-modes__tab--${tab.id}`}
          onClick={() => onChange(tab.id)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            e.preventDefault();
            const next = tabs[(i + 1) % tabs.length]!;
            onChange(next.id);
            refs.current[(i + 1) % tabs.length]?.focus();
          }}
          data-testid={`mode-${tab.id}`}
        >
          <Icon name={tab.icon} size={14} />
          {tab.label}
        </button>
      ))}
    </div>
  );
}
