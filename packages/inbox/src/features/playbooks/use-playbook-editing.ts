import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validatePlaybook, type TFinding, type TPlaybookDocument, type TPlaybookDto } from '@charla/protocol';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { originsText, parseOrigins } from './origins-text';
import { playbooksApi } from './playbooks-api';
import { useDocumentHistory } from './use-document-history';
import { useLoadedValidationOptions } from './validation-options';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'conflict' }
  | { kind: 'invalid'; findings: TFinding[] }
  | { kind: 'error'; message: string };

/** The findings of a refused save or activation (PLAYBOOK_INVALID), else none. */
function invalidFindings(cause: unknown): TFinding[] | null {
  if (!(cause instanceof ApiError) || cause.code !== 'PLAYBOOK_INVALID') return null;
  return Array.isArray(cause.details) ? (cause.details as TFinding[]) : [];
}

/** Leaving with unsaved changes asks first (R6: nothing changes until Save). */
function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}

/** The playbook as loaded, with the unsaved name, origins and document (with its undo history). */
function usePlaybookDraft(playbookId: string) {
  const [playbook, setPlaybook] = useState<TPlaybookDto | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [dirty, setDirty] = useState(false);
  const markDirty = useCallback(() => setDirty(true), []);
  const history = useDocumentHistory(markDirty);
  useLeaveWarning(dirty);

  // Loading starts the undo history over; a save keeps it (undo goes on past the save).
  const { reset: resetDoc, replace: replaceDoc } = history;
  const adopt = useCallback(
    (dto: TPlaybookDto, saved = false) => {
      setPlaybook(dto);
      (saved ? replaceDoc : resetDoc)(dto.document);
      setName(dto.name);
      setOrigins(originsText(dto.allowedOrigins));
      setDirty(false);
    },
    [resetDoc, replaceDoc],
  );
  const load = useCallback(() => {
    playbooksApi.get(playbookId).then(adopt, () => setLoadError(true));
  }, [playbookId, adopt]);
  useEffect(load, [load]);

  const rename = (value: string) => {
    setName(value);
    setDirty(true);
  };
  const editOrigins = (value: string) => {
    setOrigins(value);
    setDirty(true);
  };
  return {
    playbook,
    setPlaybook,
    loadError,
    name,
    origins,
    dirty,
    history,
    adopt,
    load,
    rename,
    editOrigins,
  };
}

/**
 * One playbook being edited: loaded from the server, its document with undo history and live
 * findings, its name and allowed origins, saved with the revision it started from (a conflict
 * offers to reload) and activated or deactivated.
 */
export function usePlaybookEditing(playbookId: string) {
  const { t } = useTranslation();
  const draft = usePlaybookDraft(playbookId);
  const { playbook, setPlaybook, name, history, adopt } = draft;
  const doc = history.doc;
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [statusError, setStatusError] = useState<string | null>(null);
  const [serverFindings, setServerFindings] = useState<TFinding[]>([]);
  const validationOptions = useLoadedValidationOptions();
  const findings = useMemo(
    () => (doc ? validatePlaybook(doc, validationOptions).findings : []),
    [doc, validationOptions],
  );
  const originsCheck = parseOrigins(draft.origins);

  // Every banner goes with its cause: an edit clears a failed save's or activation's message.
  const change = (next: TPlaybookDocument) => {
    history.edit(next);
    setServerFindings([]);
    setStatusError(null);
    if (save.kind !== 'saving' && save.kind !== 'conflict') setSave({ kind: 'idle' });
  };

  const doSave = async () => {
    if (!playbook || !doc) return;
    setSave({ kind: 'saving' });
    try {
      const body = {
        name: name.trim() || playbook.name,
        document: doc,
        allowedOrigins: originsCheck.origins,
      };
      adopt(await playbooksApi.save(playbook.id, { ...body, expectedRevision: playbook.revision }), true);
      setSave({ kind: 'saved' });
    } catch (cause) {
      const invalid = invalidFindings(cause);
      if (cause instanceof ApiError && cause.code === 'REVISION_CONFLICT') setSave({ kind: 'conflict' });
      else if (invalid) setSave({ kind: 'invalid', findings: invalid });
      else setSave({ kind: 'error', message: Object.values(fieldErrorsOf(cause))[0] ?? t('errors.generic') });
    }
  };

  /** Activates or deactivates; returns whether the server found problems the editor could not. */
  const toggleActive = async (): Promise<boolean> => {
    if (!playbook) return false;
    setStatusError(null);
    try {
      const active = playbook.status === 'active';
      const dto = active
        ? await playbooksApi.deactivate(playbook.id)
        : await playbooksApi.activate(playbook.id);
      // Keep unsaved edits; only the status and published revision come from the server.
      setPlaybook({ ...dto, document: playbook.document });
      return false;
    } catch (cause) {
      // The server's activation checks (rule 16) can find what the editor cannot: list them too.
      const invalid = invalidFindings(cause);
      setServerFindings(invalid ?? []);
      setStatusError(invalid ? t('playbooks.activateInvalid') : t('errors.generic'));
      return invalid !== null;
    }
  };

  return {
    ...draft,
    doc,
    save,
    statusError,
    serverFindings,
    findings,
    validationOptions,
    originsCheck,
    change,
    doSave,
    toggleActive,
  };
}
