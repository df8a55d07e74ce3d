import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TConversationPanelDto } from '@charla/protocol';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { panelApi } from './panel-api';
import { panelToForm, validatePanelForm, type PanelField, type PanelForm } from './panel-form';
import { currentLanguage, currentLocale } from '../../lib/i18n';
import { usePanelData, type PanelData } from './use-panel-data';

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

type FieldErrors = Partial<Record<PanelField, string>>;

/**
 * The side panel's state: the panel and its draft form (usePanelData), the form's validation and
 * save on leaving a field, and creating a lead or deal.
 */
export function useSidePanel(conversation: TConversationDto, lastEventSeq: number) {
  const { t } = useTranslation();
  const data = usePanelData(conversation, lastEventSeq);
  const editable = conversation.allowedActions.includes('edit_panel');
  const validate = (f: PanelForm) =>
    validatePanelForm(f, {
      amount: t('panel.invalidAmount'),
      invalid: currentLanguage() === 'en' ? undefined : t('errors.invalidField'),
    });
  const editing = usePanelEditing(conversation.id, data, validate);
  const creation = usePanelCreation(conversation.id, data, editing, validate);
  const { panel, loadError, form, load, refresh } = data;
  const { errors, saveState, update, blur } = editing;
  const { creating, createError, create } = creation;
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

type Validate = (form: PanelForm) => ReturnType<typeof validatePanelForm>;

/** Edits of the draft: validated as the user types once a field showed an error, saved on blur. */
function usePanelEditing(conversationId: string, data: PanelData, validate: Validate) {
  const { form, setForm, setPanel, request, dirty } = data;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // Edits since load, and the saves in order: a save finishing never clears a newer edit, and
  // an older panel never lands after a newer one.
  const edits = useRef(0);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    setErrors({});
    setSaveState('idle');
  }, [conversationId]);

  const save = async () => {
    if (!form || !dirty.current) return;
    const result = validate(form);
    if (!result.ok) return setErrors(result.errors);
    setSaveState('saving');
    const at = edits.current;
    const put = saving.current.then(() =>
      request(() => panelApi.put(conversationId, result.value), setPanel),
    );
    saving.current = put.catch(() => undefined);
    try {
      await put;
      if (edits.current === at) {
        dirty.current = false;
        setSaveState('saved');
      }
    } catch (error) {
      // The server's errors are about the fields this save sent; what the current form gets wrong
      // (a field left since, with its own error on screen) stays shown.
      setErrors((current) => ({ ...current, ...mapServerErrors(error) }));
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

  return { errors, setErrors, saveState, setSaveState, update, blur };
}

/** Creating a lead or a deal from the draft (R17): the panel then shows the linked records. */
function usePanelCreation(
  conversationId: string,
  data: PanelData,
  editing: ReturnType<typeof usePanelEditing>,
  validate: Validate,
) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState<null | 'lead' | 'deal'>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  useEffect(() => setCreateError(null), [conversationId]);

  const create = async (kind: 'lead' | 'deal') => {
    const { form, panel } = data;
    if (!form || !panel) return;
    const result = validate(form);
    if (!result.ok) {
      editing.setErrors(result.errors);
      setCreateError(t('panel.fixErrors'));
      return;
    }
    setCreating(kind);
    setCreateError(null);
    try {
      const another = kind === 'lead' ? panel.leads.length > 0 : panel.deals.length > 0;
      const created = await data.request<{ panel: TConversationPanelDto }>(
        () =>
          kind === 'lead'
            ? panelApi.createLead(conversationId, result.value, another)
            : panelApi.createDeal(conversationId, result.value, another),
        (answer) => data.setPanel(answer.panel),
      );
      data.setForm(panelToForm(created.panel, undefined, currentLocale()));
      data.dirty.current = false;
      editing.setSaveState('saved');
    } catch (error) {
      editing.setErrors(mapServerErrors(error));
      const invalid = error instanceof ApiError && error.code === 'VALIDATION_FAILED';
      setCreateError(invalid ? t('panel.fixErrors') : t('errors.generic'));
    } finally {
      setCreating(null);
    }
  };
  return { creating, createError, create };
}

function mapServerErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
    const field = SERVER_FIELD[path];
    if (field) out[field] = message;
  }
  return out;
}
