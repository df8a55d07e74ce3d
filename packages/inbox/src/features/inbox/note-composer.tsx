import { forwardRef, Suspense, useImperativeHandle, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { noteTextProblem } from '@charla/protocol';
import { newClientMsgId } from '@charla/protocol/client';
import { RichTextUrlForm } from '../../components/rich-text/rich-text-url-form';
import { ApiError } from '../../lib/api-client';
import { Icon } from '../../lib/icons';
import { toMarkdown, toPlainText } from '../../lib/rich-text';
import type { ComposerHandle } from './composer';
import { LazyComposerEditor } from './composer-editor-loader';
import { handleComposerKey } from './composer-keys';
import { ComposerToolbar } from './composer-toolbar';
import { inboxApi } from './inbox-api';
import { MentionPicker, useMentions } from './mention-picker';
import { useComposerDraft } from './use-composer-draft';
import { useEditorHandle } from './use-editor-handle';
import './notes.css';

type Props = { conversationId: string; meId: string };

/**
 * The private-note composer (issue 16): the reply composer's editor (R7's formats, the same
 * toolbar and shortcuts), `@` opens a picker of the team (fuzzy by name; ↑/↓, Enter or Tab picks,
 * Escape closes; the editor is its combobox input). Enter adds the note, sent as Markdown; the
 * draft and its mentions stay with the conversation, apart from the reply's draft.
 */
export const NoteComposer = forwardRef<ComposerHandle, Props>(function NoteComposer(
  { conversationId, meId },
  ref,
) {
  const { t } = useTranslation();
  const { draft, editor, mentions, note, markdown, submit, onKeyDown } = useNoteComposer(
    conversationId,
    meId,
  );
  const { link } = editor;
  const { busy, error, setError } = note;
  useImperativeHandle(ref, () => ({ focus: editor.focus }), [editor.focus]);

  const listId = mentionListId(conversationId);
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
      {link.open && <RichTextUrlForm command="link" onInsert={link.insert} onCancel={link.cancel} />}
      <span id={`note-label-${conversationId}`} className="sr-only">
        {t('notes.label')}
      </span>
      <Suspense fallback={<div className="composer__input composer__input--loading" aria-hidden="true" />}>
        <LazyComposerEditor
          key={conversationId}
          initial={draft.doc}
          placeholder={t('notes.placeholder')}
          attributes={noteEditorAttributes(conversationId, mentions, t('notes.placeholder'))}
          onReady={editor.onReady}
          onChange={(doc) => {
            draft.change(doc);
            setError(null);
          }}
          onCaret={mentions.track}
          onActive={editor.setActive}
          onKeyDown={onKeyDown}
          onLinkShortcut={link.ask}
          onPaste={() => false}
          onBlur={mentions.close}
        />
      </Suspense>
      {error && (
        <p className="note__error" role="alert">
          {error}
        </p>
      )}
      <NoteBar
        disabled={busy || noteTextProblem(markdown) !== null}
        busy={busy}
        tools={
          <ComposerToolbar
            active={editor.active}
            onTool={(tool) => tool !== 'canned' && editor.format(tool)}
            canned={false}
          />
        }
      />
    </form>
  );
});

const mentionListId = (conversationId: string) => `mention-list-${conversationId}`;

/** The note editor's element: the picker's combobox input (ARIA 1.2: any editable element may be). */
function noteEditorAttributes(
  conversationId: string,
  mentions: Pick<ReturnType<typeof useMentions>, 'query' | 'options' | 'active'>,
  placeholder: string,
): Record<string, string | undefined> {
  const listId = mentionListId(conversationId);
  const listed = mentions.query !== null && mentions.options.length > 0;
  return {
    id: `note-${conversationId}`,
    class: 'composer__input rich',
    role: 'combobox',
    'aria-labelledby': `note-label-${conversationId}`,
    'aria-placeholder': placeholder,
    'aria-autocomplete': 'list',
    'aria-expanded': String(listed),
    'aria-controls': mentions.query ? listId : undefined,
    'aria-activedescendant': listed ? `${listId}-${mentions.active}` : undefined,
    'data-testid': 'note-input',
  };
}

/** What the note composer does: edit, mention, format, and add the note on Enter. */
function useNoteComposer(conversationId: string, meId: string) {
  const draft = useComposerDraft(`note:${conversationId}`);
  const editor = useEditorHandle();
  const { api } = editor;
  const note = useAddNote(conversationId);
  const mentions = useMentions({
    conversationId,
    meId,
    current: editor.caretText,
    replace: (range, inserted) => api.current?.replaceAtCaret(range, inserted),
  });
  const markdown = useMemo(() => toMarkdown(draft.doc), [draft.doc]);

  const submit = () => {
    const doc = draft.latest();
    void note.add(toMarkdown(doc), mentions.mentioned(toPlainText(doc)), () => {
      api.current?.clear();
      draft.clear();
      mentions.reset();
    });
  };
  const onKeyDown = (event: KeyboardEvent, inList: boolean): boolean =>
    handleComposerKey(event, inList, {
      picker: mentions.onKey,
      send: submit,
      leave: () => api.current?.blur(),
    });
  return { draft, editor, mentions, note, markdown, submit, onKeyDown };
}

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

function NoteBar({ disabled, busy, tools }: { disabled: boolean; busy: boolean; tools: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="composer__bar">
      {tools}
      <span className="note__hint">
        <Icon name="lock" size={13} />
        <span className="note__hint-text">{t('notes.hint')}</span>
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
