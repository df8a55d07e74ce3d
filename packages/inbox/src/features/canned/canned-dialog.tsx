import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
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
import { cleanShortcutInput, shortcutFromTitle } from './canned-shortcut';

/** The variables offered as chips under the text (any captured playbook variable works too). */
const VARIABLES = ['visitor.name', 'visitor.email', 'user.name', 'company_name'] as const;

type Props = {
  /** null: closed. `editing` null: a new response of `scope`. */
  state: { scope: TCannedResponseScope; editing: TCannedResponseDto | null } | null;
  onClose: () => void;
  onSaved: (response: TCannedResponseDto) => void;
};

/** Create or edit one canned response: title, shortcut (suggested from the title) and text. */
export function CannedDialog({ state, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [title, setTitle] = useState('');
  const [shortcut, setShortcut] = useState('');
  const [shortcutEdited, setShortcutEdited] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shortcutError, setShortcutError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setTitle(state?.editing?.title ?? '');
    setShortcut(state?.editing?.shortcut ?? '');
    setShortcutEdited(state?.editing !== null);
    setBody(state?.editing?.body ?? '');
    setError(null);
    setShortcutError(null);
    setBusy(false);
  }, [state]);

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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!state) return;
    setBusy(true);
    setError(null);
    setShortcutError(null);
    const fields = { title: title.trim(), shortcut: shortcut.replace(/-+$/, ''), body };
    try {
      onSaved(
        state.editing
          ? await cannedApi.update(state.editing.id, fields)
          : await cannedApi.create({ scope: state.scope, ...fields }),
      );
    } catch (cause) {
      const byField = fieldErrorsOf(cause);
      if (cause instanceof ApiError && cause.code === 'CANNED_SHORTCUT_TAKEN')
        setShortcutError(cause.message);
      else if (byField.shortcut) setShortcutError(byField.shortcut);
      else
        setError(Object.values(byField)[0] ?? (cause instanceof Error ? cause.message : t('errors.generic')));
      setBusy(false);
    }
  };

  const scope = state?.editing?.scope ?? state?.scope ?? 'personal';
  return (
    <FormDialog
      open={state !== null}
      size="md"
      title={t(state?.editing ? 'canned.edit' : `canned.new.${scope}`)}
      onClose={onClose}
      formId="canned-form"
      submitLabel={t('canned.save')}
      canSubmit={!busy && title.trim() !== '' && shortcut !== '' && body.trim() !== ''}
      error={error}
      onSubmit={submit}
      submitTestId="canned-save"
    >
      <div className="field">
        <label htmlFor={`${ids}-title`}>{t('canned.title')}</label>
        <input
          id={`${ids}-title`}
          required
          maxLength={MAX_CANNED_TITLE}
          value={title}
          placeholder={t('canned.titlePlaceholder')}
          onChange={(e) => {
            setTitle(e.target.value);
            if (!shortcutEdited) setShortcut(shortcutFromTitle(e.target.value));
          }}
          data-testid="canned-title"
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-shortcut`}>{t('canned.shortcut')}</label>
        <div className="canned-shortcut-input">
          <span aria-hidden="true">/</span>
          <input
            id={`${ids}-shortcut`}
            required
            maxLength={MAX_CANNED_SHORTCUT}
            value={shortcut}
            autoCapitalize="off"
            spellCheck={false}
            aria-invalid={shortcutError !== null || undefined}
            aria-describedby={`${ids}-shortcut-hint`}
            onChange={(e) => {
              setShortcut(cleanShortcutInput(e.target.value));
              setShortcutEdited(true);
              setShortcutError(null);
            }}
            data-testid="canned-shortcut"
          />
        </div>
        <span id={`${ids}-shortcut-hint`} className={shortcutError ? 'field__error' : 'field__hint'}>
          {shortcutError ?? t(scope === 'team' ? 'canned.shortcutHintTeam' : 'canned.shortcutHintPersonal')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-body`}>{t('canned.body')}</label>
        <textarea
          id={`${ids}-body`}
          ref={bodyRef}
          required
          rows={6}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={`${ids}-body-hint`}
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
        <span id={`${ids}-body-hint`} className="field__hint">
          {t('canned.bodyHint')} <code>{'{{visitor.name | there}}'}</code>
        </span>
      </div>
    </FormDialog>
  );
}
