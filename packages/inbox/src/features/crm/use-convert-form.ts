import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmCurrency, TCrmLeadDto, TCrmPipelineDto } from '@charla/protocol';
import { crmApi } from './crm-api';
import { moneyToInput } from './field-parse';

export type Option = { value: string; label: string };
export type ConvertForm = {
  title: string;
  amount: string;
  currency: TCrmCurrency;
  close: string;
  personId: string;
  organizationId: string;
  pipelineId: string;
  stageId: string;
};

function formOf(lead: TCrmLeadDto, pipeline: TCrmPipelineDto | undefined): ConvertForm {
  return {
    title: lead.title,
    amount: moneyToInput(lead.value),
    currency: lead.value?.currency ?? 'EUR',
    close: lead.expectedCloseDate ?? '',
    personId: lead.person?.id ?? '',
    organizationId: lead.organization?.id ?? '',
    pipelineId: pipeline?.id ?? '',
    stageId: pipeline?.stages[0]?.id ?? '',
  };
}

/** Options for a record picker: the lead's own record first, then the 100 most recent. */
async function optionsOf(section: 'persons' | 'organizations', own: Option | null): Promise<Option[]> {
  const page = await crmApi.list(section, { limit: 100 });
  const items = page.items.map((r) => ({ value: r.id, label: r.name })).filter((o) => o.value !== own?.value);
  items.sort((a, b) => a.label.localeCompare(b.label));
  return own ? [own, ...items] : items;
}

/** The convert dialog's form, pre-filled from the lead each time it opens, and the pickers' options. */
export function useConvertForm(lead: TCrmLeadDto, open: boolean) {
  const { t } = useTranslation();
  const [pipelines, setPipelines] = useState<TCrmPipelineDto[] | null>(null);
  const [persons, setPersons] = useState<Option[]>([]);
  const [organizations, setOrganizations] = useState<Option[]>([]);
  const [form, setForm] = useState<ConvertForm>(() => formOf(lead, undefined));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    crmApi.pipelines().then(
      (list) => {
        setPipelines(list);
        setForm(formOf(lead, list[0]));
      },
      () => setError(t('crm.loadError')),
    );
    const own = (r: { id: string; name: string } | null) => (r ? { value: r.id, label: r.name } : null);
    optionsOf('persons', own(lead.person)).then(setPersons, () => undefined);
    optionsOf('organizations', own(lead.organization)).then(setOrganizations, () => undefined);
  }, [open, lead, t]);

  useEffect(() => {
    if (open) setError(null);
  }, [open]);

  const set = (patch: Partial<ConvertForm>) => setForm((f) => ({ ...f, ...patch }));
  return { pipelines, persons, organizations, form, set, error, setError };
}
