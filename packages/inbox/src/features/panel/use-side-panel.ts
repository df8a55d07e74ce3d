import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TConversationPanelDto } from '@charla/protocol';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { panelApi } from './panel-api';
import { panelToForm, validatePanelForm, type PanelField, type PanelForm } from './panel-form';
import { currentLanguage, currentLocale } from '../../lib/i18n';
import { useInbox } from '../inbox/inbox-provider';

const SERVER_FIELD: Record<string, PanelField> = {
  'panel.value': 'amount',
  'panel.value.amountMinor': 'amount',
  'panel.expectedCloseDate': 'expectedCloseDate',
  'panel.person.email': 'personEmail',
  'panel.person.phone': 'personPhone',
  expectedCloseDate: 'expectedCloseDate',
  'person.email': 'personEmail',
  'person.phone': 'personPhone',
  'person.name': 'personName',
  'organization.name': 'organizationName',
};

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * The side panel's state: loading, the draft form with its validation and save on leaving a
 * field, creating a lead or deal, and refreshing when the conversation moves, when the server
 * says a linked CRM record changed (a colleague's edit, the record's page in another tab) or the
 * window regains focus.
 */
export function useSidePanel(conversation: TConversationDto) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<TConversationPanelDto | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [form, setForm] = useState<PanelForm | null>(null);
  const [errors, setErrors] = useState<Partial<Record<PanelField, string>>>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [creating, setCreating] = useState<null | 'lead' | 'deal'>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const dirty = useRef(false);
  // Edits since load, and the saves in order: a save finishing never clears a newer edit, and
  // an older panel never lands after a newer one.
  const edits = useRef(0);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const editable = conversation.allowedActions.includes('edit_panel');

  const load = useCallback(() => {
    setLoadError(false);
    panelApi.get(conversation.id).then(
      (p) => {
        setPanel(p);
        setForm(panelToForm(p, undefined, currentLocale()));
        dirty.current = false;
      },
      () => setLoadError(true),
    );
  }, [conversation.id]);
  useEffect(() => {
    setPanel(null);
    setForm(null);
    setErrors({});
    setSaveState('idle');
    setCreateError(null);
    load();
  }, [load]);

  // A lead or deal created elsewhere (another tab, a colleague) shows up as a new timeline
  // message: refresh the links then, unless the user is editing.
  // The same when the window regains focus: a record edited on its CRM page (this tab or another)
  // shows here at once, so the panel never reads one value and the CRM another.
  const loaded = panel !== null;
  const refresh = useCallback(() => {
    if (!dirty.current) panelApi.get(conversation.id).then(setPanel, () => undefined);
  }, [conversation.id]);
  useEffect(() => {
    if (loaded) refresh();
  }, [refresh, conversation.lastSeq, loaded]);
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);
  const { onPanelChanged } = useInbox();
  useEffect(
    () =>
      onPanelChanged((conversationId) => {
        if (conversationId === conversation.id) refresh();
      }),
    [onPanelChanged, refresh, conversation.id],
  );

  const validate = (f: PanelForm) =>
    validatePanelForm(f, {
      amount: t('panel.invalidAmount'),
      invalid: currentLanguage() === 'en' ? undefined : t('errors.invalidField'),
    });

  const save = async () => {
    if (!form || !dirty.current) return;
    const result = validate(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaveState('saving');
    const at = edits.current;
    const put = saving.current.then(() => panelApi.put(conversation.id, result.value));
    saving.current = put.catch(() => undefined);
    try {
      const saved = await put;
      setPanel(saved);
      if (edits.current === at) {
        dirty.current = false;
        setSaveState('saved');
      }
    } catch (error) {
      setErrors(mapServerErrors(error));
      setSaveState('error');
    }
  };

  const update = (field: PanelField, value: string) => {
    if (!form) return;
    const next: PanelForm = { ...form, [field]: value };
    setForm(next);
    dirty.current = true;
    edits.current += 1;
    setSaveState('idle');
    if (errors[field]) {
      const result = validate(next);
      setErrors(result.ok ? {} : { ...errors, [field]: result.errors[field] });
    }
  };

  const blur = (field: PanelField) => {
    if (!form) return;
    const result = validate(form);
    setErrors((current) => ({ ...current, [field]: result.ok ? undefined : result.errors[field] }));
    if (result.ok) void save();
  };

  const create = async (kind: 'lead' | 'deal') => {
    if (!form || !panel) return;
    const result = validate(form);
    if (!result.ok) {
      setErrors(result.errors);
      setCreateError(t('panel.fixErrors'));
      return;
    }
    setCreating(kind);
    setCreateError(null);
    try {
      const another = kind === 'lead' ? panel.leads.length > 0 : panel.deals.length > 0;
      const created =
        kind === 'lead'
          ? await panelApi.createLead(conversation.id, result.value, another)
          : await panelApi.createDeal(conversation.id, result.value, another);
      setPanel(created.panel);
      setForm(panelToForm(created.panel, undefined, currentLocale()));
      dirty.current = false;
      setSaveState('saved');
    } catch (error) {
      setErrors(mapServerErrors(error));
      setCreateError(
        error instanceof ApiError && error.code === 'VALIDATION_FAILED'
          ? t('panel.fixErrors')
          : t('errors.generic'),
      );
    } finally {
      setCreating(null);
    }
  };

  return {
    panel,
    loadError,
    form,
    errors,
    saveState,
    creating,
    createError,
    editable,
    load,
    refresh,
    update,
    blur,
    create,
  };
}

function mapServerErrors(error: unknown): Partial<Record<PanelField, string>> {
  const out: Partial<Record<PanelField, string>> = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
    const field = SERVER_FIELD[path];
    if (field) out[field] = message;
  }
  return out;
}
