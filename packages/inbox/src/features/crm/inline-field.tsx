import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmCurrency } from '@charla/protocol';
import { AdminIcon } from '../playbooks/admin-icons';
import { CURRENCIES } from './field-parse';

export type FieldOption = { value: string; label: string };

/** How a field is edited: its draft is always text; `commit` turns it into a PATCH body. */
export type FieldEditor =
  | { kind: 'text' | 'textarea' | 'date' | 'datetime-local' }
  | { kind: 'select'; options: FieldOption[] | (() => Promise<FieldOption[]>) }
  | { kind: 'money'; currency: TCrmCurrency };

/** A refusal of the value itself (not of the save): the field stays open with the text typed. */
export class RefusedValue extends Error {}

type Props = {
  label: string;
  /** What the field shows when not edited. */
  display: ReactNode;
  /** The draft the editor starts from (for money: the amount). */
  initial: string;
  editor: FieldEditor;
  /** Sends the change; resolves when saved, rejects with a message to show when refused. */
  /**
   * Sends the change made on `base`, the record version shown when editing started (so a change
   * someone else saved meanwhile is a conflict, even when it already shows here live).
   */
  onCommit: (draft: string, currency: TCrmCurrency | undefined, base: number | undefined) => Promise<void>;
  /** Why the draft cannot be sent (checked before saving: the field stays open with it), or null. */
  check?: (draft: string, currency: TCrmCurrency | undefined) => string | null;
  /** The version of the record the field belongs to. */
  revision?: number | undefined;
  /** What to show while the change is on its way (optimistic); the draft text by default. */
  pending?: (draft: string, currency?: TCrmCurrency) => ReactNode;
  readOnly?: boolean;
  /** The shown value contains a link (a referenced record). */
  linked?: boolean;
  testId?: string;
};

type State =
  | { mode: 'idle'; error: string | null }
  | {
      mode: 'editing';
      draft: string;
      currency?: TCrmCurrency;
      base?: number | undefined;
      /** Why the draft was not saved: shown under it until the next try. */
      error?: string;
    }
  | { mode: 'saving'; draft: string; currency?: TCrmCurrency };

type Editing = Extract<State, { mode: 'editing' }>;

/**
 * A field of a record's detail page that edits in place: click (or Enter) to edit, Enter or
 * leaving the field saves, Escape cancels. The new value shows at once. A value that is not valid
 * (by `check`, or refused by the server) keeps the field open with the text and the reason; when
 * the save fails otherwise (a conflict), the old value comes back with the reason under it.
 */
export function InlineField(props: Props) {
  const edit = useInlineEdit(props);
  const { state } = edit;
  if (state.mode === 'editing') return <FieldInput {...props} edit={edit} state={state} />;
  const { pending, display, testId } = props;
  let shown = display;
  if (state.mode === 'saving') shown = pending ? pending(state.draft, state.currency) : state.draft || '—';
  return (
    <div className="crm-field" data-testid={testId}>
      <FieldValue {...props} shown={shown} saving={state.mode === 'saving'} onStart={edit.start} />
      {state.mode === 'idle' && state.error && (
        <p className="crm-field__error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}

/** The field's state and its transitions: start, cancel, commit (optimistic), keys and blur. */
function useInlineEdit({ initial, editor, onCommit, check, readOnly, revision }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ mode: 'idle', error: null });
  const [options, setOptions] = useState<FieldOption[] | null>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.mode !== 'editing' || editor.kind !== 'select' || options) return;
    const source = editor.options;
    if (Array.isArray(source)) setOptions(source);
    else void source().then(setOptions, () => setOptions([]));
  }, [state.mode, editor, options]);

  const start = () => {
    if (readOnly) return;
    setState({
      mode: 'editing',
      draft: initial,
      base: revision,
      ...(editor.kind === 'money' ? { currency: editor.currency } : {}),
    });
  };
  const cancel = () => setState({ mode: 'idle', error: null });
  const commit = (draft: string, currency?: TCrmCurrency) => {
    const unchanged = draft === initial && (editor.kind !== 'money' || currency === editor.currency);
    if (unchanged) return cancel();
    const base = state.mode === 'editing' ? state.base : revision;
    const editing = { mode: 'editing', draft, base, ...(currency ? { currency } : {}) } as const;
    const invalid = check?.(draft, currency);
    if (invalid) return setState({ ...editing, error: invalid });
    setState({ mode: 'saving', draft, ...(currency ? { currency } : {}) });
    onCommit(draft, currency, base).then(
      () => setState({ mode: 'idle', error: null }),
      (cause: unknown) =>
        setState(
          cause instanceof RefusedValue
            ? { ...editing, error: cause.message }
            : { mode: 'idle', error: cause instanceof Error ? cause.message : t('errors.generic') },
        ),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (state.mode !== 'editing') return;
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && !(editor.kind === 'textarea' && event.shiftKey)) {
      event.preventDefault();
      commit(state.draft, state.currency);
    }
  };
  // Leaving the whole field (not moving between its amount and currency) saves.
  const onBlur = (event: React.FocusEvent) => {
    if (state.mode !== 'editing') return;
    if (container.current?.contains(event.relatedTarget)) return;
    commit(state.draft, state.currency);
  };
  return { state, setState, options, container, start, commit, onKeyDown, onBlur };
}

/** The value when not edited: a button that starts editing, or a value with an edit button. */
function FieldValue({
  label,
  readOnly,
  linked,
  shown,
  saving,
  onStart,
}: Props & { shown: ReactNode; saving: boolean; onStart: () => void }) {
  const { t } = useTranslation();
  if (readOnly) return <span className="crm-field__value">{shown}</span>;
  if (linked) {
    // The value holds a link: a separate edit button, since controls must not nest.
    return (
      <span className="crm-field__linked">
        <span className="crm-field__value">{shown}</span>
        <button
          type="button"
          className="icon-btn crm-field__edit"
          aria-label={t('crm.edit', { field: label })}
          aria-busy={saving}
          onClick={onStart}
        >
          <AdminIcon name="pencil" size={14} />
        </button>
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`crm-field__value crm-field__value--editable${saving ? ' crm-field__value--saving' : ''}`}
      aria-busy={saving}
      onClick={onStart}
    >
      {shown}
      <span className="sr-only">, {t('crm.edit', { field: label })}</span>
    </button>
  );
}

/** The editor while editing: a text box, a text area, a menu, or an amount with its currency. */
function FieldInput({
  label,
  editor,
  testId,
  edit,
  state,
}: Props & { edit: ReturnType<typeof useInlineEdit>; state: Editing }) {
  const { t } = useTranslation();
  const { options, setState, commit, onKeyDown } = edit;
  const errorId = useId();
  const set = (draft: string) => setState({ ...state, draft });
  const common = {
    'aria-label': label,
    'aria-invalid': state.error ? true : undefined,
    'aria-describedby': state.error ? errorId : undefined,
    autoFocus: true,
    onKeyDown,
    className: 'crm-field__input',
  };
  return (
    <div
      className="crm-field crm-field--editing"
      ref={edit.container}
      onBlur={edit.onBlur}
      data-testid={testId}
    >
      {editor.kind === 'textarea' ? (
        <textarea {...common} rows={3} value={state.draft} onChange={(e) => set(e.target.value)} />
      ) : editor.kind === 'select' ? (
        <select
          {...common}
          value={state.draft}
          onChange={(e) => commit(e.target.value)}
          disabled={options === null}
        >
          {options === null && <option value={state.draft}>{t('common.loading')}</option>}
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : editor.kind === 'money' ? (
        <span className="crm-field__money">
          <input {...common} inputMode="decimal" value={state.draft} onChange={(e) => set(e.target.value)} />
          <select
            aria-label={t('crm.fields.currency')}
            className="crm-field__input"
            value={state.currency}
            onKeyDown={onKeyDown}
            onChange={(e) => setState({ ...state, currency: e.target.value as TCrmCurrency })}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </span>
      ) : (
        <input {...common} type={editor.kind} value={state.draft} onChange={(e) => set(e.target.value)} />
      )}
      {state.error && (
        <p className="crm-field__error" id={errorId} role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
