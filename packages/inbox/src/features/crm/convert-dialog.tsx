import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CRM_CURRENCIES, type TCrmCurrency, type TCrmLeadDto, type TCrmPipelineDto } from '@charla/protocol';
import { Dialog } from '../../components/dialog';
import { ApiError } from '../../lib/api-client';
import { crmApi } from './crm-api';
import { moneyToInput, parseMoney } from './field-parse';

type Option = { value: string; label: string };
type Form = {
  title: string;
  amount: string;
  currency: TCrmCurrency;
  close: string;
  personId: string;
  organizationId: string;
  pipelineId: string;
  stageId: string;
};

function formOf(lead: TCrmLeadDto, pipeline: TCrmPipelineDto | undefined): Form {
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
  const [pipelines, setPipelines] = useState<TCrmPipelineDto[] | null>(null);
  const [persons, setPersons] = useState<Option[]>([]);
  const [organizations, setOrganizations] = useState<Option[]>([]);
  const [form, setForm] = useState<Form>(() => formOf(lead, undefined));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const pipeline = pipelines?.find((p) => p.id === form.pipelineId);

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

  const select = (
    id: string,
    label: string,
    value: string,
    options: Option[],
    onChange: (v: string) => void,
    none = true,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={id}>
        {none && <option value="">{t('crm.none')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Dialog
      open={open}
      title={t('crm.convertTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            form="crm-convert"
            className="btn btn--primary"
            disabled={busy || !pipelines || !form.title.trim()}
            data-testid="convert-submit"
          >
            {t('crm.convert')}
          </button>
        </>
      }
    >
      <form id="crm-convert" className="form crm-convert" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="convert-title">{t('crm.fields.title')}</label>
          <input
            id="convert-title"
            value={form.title}
            maxLength={200}
            required
            onChange={(e) => set({ title: e.target.value })}
          />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="convert-amount">{t('crm.fields.value')}</label>
            <input
              id="convert-amount"
              inputMode="decimal"
              value={form.amount}
              onChange={(e) => set({ amount: e.target.value })}
              data-testid="convert-amount"
            />
          </div>
          <div className="field field--currency">
            <label htmlFor="convert-currency">{t('crm.fields.currency')}</label>
            <select
              id="convert-currency"
              value={form.currency}
              onChange={(e) => set({ currency: e.target.value as TCrmCurrency })}
            >
              {CRM_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="convert-close">{t('crm.fields.expectedClose')}</label>
          <input
            id="convert-close"
            type="date"
            value={form.close}
            onChange={(e) => set({ close: e.target.value })}
          />
        </div>
        {select('convert-person', t('crm.fields.person'), form.personId, persons, (v) =>
          set({ personId: v }),
        )}
        {select(
          'convert-organization',
          t('crm.fields.organization'),
          form.organizationId,
          organizations,
          (v) => set({ organizationId: v }),
        )}
        {select(
          'convert-pipeline',
          t('crm.fields.pipeline'),
          form.pipelineId,
          (pipelines ?? []).map((p) => ({ value: p.id, label: p.name })),
          (v) => set({ pipelineId: v, stageId: pipelines?.find((p) => p.id === v)?.stages[0]?.id ?? '' }),
          false,
        )}
        {select(
          'convert-stage',
          t('crm.fields.stage'),
          form.stageId,
          (pipeline?.stages ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.probability} %` })),
          (v) => set({ stageId: v }),
          false,
        )}
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
