import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmLeadDto } from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { ApiError } from '../../lib/api-client';
import { crmApi } from './crm-api';
import { DealRecordPickers, DealValueFields } from './convert-fields';
import { parseMoney } from './field-parse';
import { useConvertForm } from './use-convert-form';

/**
 * "Convert to deal" (issue 15): a dialog pre-filled from the lead — title, value, close date,
 * person, organization — with pipeline and stage pickers; it names the lead version it showed.
 */
export function ConvertDialog({
  lead,
  open,
  onClose,
  onConverted,
  onStale,
}: {
  lead: TCrmLeadDto;
  open: boolean;
  onClose: () => void;
  onConverted: (dealId: string) => void;
  /** The lead changed meanwhile: reload it (the dialog then shows the new values). */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { pipelines, persons, organizations, form, set, error, setError } = useConvertForm(lead, open);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = parseMoney(form.amount, form.currency);
    if (!value.ok) return setError(t('crm.invalidNumber'));
    setBusy(true);
    try {
      const result = await crmApi.convertLead(lead.id, {
        version: lead.version,
        title: form.title.trim(),
        value: value.value,
        expectedCloseDate: form.close || null,
        personId: form.personId || null,
        organizationId: form.organizationId || null,
        pipelineId: form.pipelineId,
        stageId: form.stageId,
      });
      onConverted(result.deal.id);
    } catch (cause) {
      const stale = cause instanceof ApiError && cause.code === 'CONFLICT';
      if (stale) onStale();
      setError(stale ? t('crm.convertConflict') : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open={open}
      title={t('crm.convertTitle')}
      formId="crm-convert"
      formClassName="crm-convert"
      submitLabel={t('crm.convert')}
      submitTestId="convert-submit"
      canSubmit={!busy && pipelines !== null && form.title.trim() !== ''}
      error={error}
      onClose={onClose}
      onSubmit={submit}
    >
      <DealValueFields form={form} set={set} />
      <DealRecordPickers form={form} set={set} options={{ persons, organizations, pipelines }} />
    </FormDialog>
  );
}
