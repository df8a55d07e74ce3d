import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_CANNED_SHORTCUT,
  MAX_CANNED_TITLE,
  type TCannedResponseDto,
  type TCannedResponseScope,
} from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { cannedApi } from './canned-api';
import { CannedFilesField } from './canned-files-field';
import { cleanShortcutInput, shortcutFromTitle } from './canned-shortcut';
import { useCannedFiles } from './use-canned-files';

/** The variables offered as chips under the text (any captured playbook variable works too). */
const VARIABLES = ['visitor.name', 'visitor.email', 'user.name', 'company_name'] as const;

type Props = {
  /** null: closed. `editing` null: a new response of `scope`. */
  state: { scope: TCannedResponseScope; editing: TCannedResponseDto | null } | null;
  onClose: () => void;
  onSaved: (response: TCannedResponseDto) => void;
};

/** Create or edit one canned response: title, shortcut (suggested from the title), text and files. */
export function CannedDialog({ state, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  // The page remounts the dialog (its key) for each opening, so these start from `state`.
  const [title, setTitle] = useState(state?.editing?.title ?? '');
  const [shortcut, setShortcut] = useState(state?.editing?.shortcut ?? '');
  const [shortcutEdited, setShortcutEdited] = useState(Boolean(state?.editing));
  const [body, setBody] = useState(state?.editing?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [shortcutError, setShortcutError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new response once created (its files then failed to arrive): saving again updates it.
  const [created, setCreated] = useState<TCannedResponseDto | null>(null);
  const saved = state?.editing ?? created;
  const files = useCannedFiles(saved?.id ?? null, state?.editing?.files ?? []);
  const uploading = files.tray.some((f) => f.state === 'uploading' && !files.waiting.has(f.localId));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!state) return;
    setBusy(true);
    setError(null);
    setShortcutError(null);
    const fields = { title: title.trim(), shortcut: shortcut.replace(/-+$/, ''), body };
    try {
      const response = saved
        ? await cannedApi.update(saved.id, fields)
        : await cannedApi.create({ scope: state.scope, ...fields });
      setCreated(response);
      if (!saved && files.waiting.size > 0 && !(await files.uploadWaiting(response.id))) {
        setError(t('canned.files.notAllSaved'));
        setBusy(false);
        return;
      }
      onSaved(response);
    } catch (cause) {
      const shown = whereToShow(cause, t('errors.generic'));
      setShortcutError(shown.shortcut);
      setError(shown.form);
      setBusy(false);
    }
  };

  const scope = saved?.scope ?? state?.scope ?? 'personal';
  return (
    <FormDialog
      open={state !== null}
      size="md"
      title={t(saved ? 'canned.edit' : `canned.new.${scope}`)}
      onClose={onClose}
      formId="canned-form"
      submitLabel={t('canned.save')}
      canSubmit={!busy && !uploading && title.trim() !== '' && shortcut !== '' && body.trim() !== ''}
      error={error}
      onSubmit={submit}
      submitTestId="canned-save"
    >
      <TitleField
        id={`${ids}-title`}
        value={title}
        onChange={(value) => {
          setTitle(value);
          if (!shortcutEdited) setShortcut(shortcutFromTitle(value));
        }}
      />
      <ShortcutField
        id={`${ids}-shortcut`}
        value={shortcut}
        error={shortcutError}
        scope={scope}
        onChange={(value) => {
          setShortcut(value);
          setShortcutEdited(true);
          setShortcutError(null);
        }}
      />
      <BodyField id={`${ids}-body`} value={body} onChange={setBody} />
      <CannedFilesField cannedId={saved?.id ?? null} files={files} />
    </FormDialog>
  );
}

function TitleField(props: { id: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('canned.title')}</label>
      <input
        id={props.id}
        required
        maxLength={MAX_CANNED_TITLE}
        value={props.value}
        placeholder={t('canned.titlePlaceholder')}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid="canned-title"
      />
    </div>
  );
}

function ShortcutField(props: {
  id: string;
  value: string;
  error: string | null;
  scope: TCannedResponseScope;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { id } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{t('canned.shortcut')}</label>
      <div className="canned-shortcut-input">
        <span aria-hidden="true">/</span>
        <input
          id={id}
          required
          maxLength={MAX_CANNED_SHORTCUT}
          value={props.value}
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={props.error !== null || undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => props.onChange(cleanShortcutInput(e.target.value))}
          data-testid="canned-shortcut"
        />
      </div>
      <span id={`${id}-hint`} className={props.error ? 'field__error' : 'field__hint'}>
        {props.error ?? t(props.scope === 'team' ? 'canned.shortcutHintTeam' : 'canned.shortcutHintPersonal')}
      </span>
    </div>
  );
}

/** The Markdown text, with chips that insert a variable at the caret. */
function BodyField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const body = value;
  const setBody = onChange;
  const insertVariable = (key: string) => {
    const el = bodyRef.current;
    const at = el?.selectionStart ?? body.length;
    const token = `{{${key}}}`;
    setBody(body.slice(0, at) + token + body.slice(el?.selectionEnd ?? at));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('canned.body')}</label>
      <textarea
        id={id}
        ref={bodyRef}
        required
        rows={6}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-describedby={`${id}-hint`}
        data-testid="canned-body"
      />
      <div className="canned-vars" role="group" aria-label={t('canned.variables')}>
        <span>{t('canned.variables')}</span>
        {VARIABLES.map((key) => (
          <button key={key} type="button" className="canned-var" onClick={() => insertVariable(key)}>
            {`{{${key}}}`}
          </button>
        ))}
      </div>
      <span id={`${id}-hint`} className="field__hint">
        {t('canned.bodyHint')} <code>{`{{visitor.name | ${t('canned.fallbackWord')}}}`}</code>
      </span>
    </div>
  );
}

/** A refusal's message under the shortcut (taken, malformed) or under the form (anything else). */
function whereToShow(cause: unknown, generic: string): { shortcut: string | null; form: string | null } {
  const byField = fieldErrorsOf(cause);
  if (cause instanceof ApiError && cause.code === 'CANNED_SHORTCUT_TAKEN')
    return { shortcut: cause.message, form: null };
  if (byField.shortcut) return { shortcut: byField.shortcut, form: null };
  return {
    shortcut: null,
    form: Object.values(byField)[0] ?? (cause instanceof Error ? cause.message : generic),
  };
}
