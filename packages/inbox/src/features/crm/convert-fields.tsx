import { useTranslation } from 'react-i18next';
import { CRM_CURRENCIES, type TCrmCurrency } from '@charla/protocol';
import type { TCrmPipelineDto } from '@charla/protocol';
import type { ConvertForm, Option } from './use-convert-form';

/** A labelled record picker of the convert dialog ("none" first unless `none` is false). */
export function RecordSelect({
  id,
  label,
  value,
  options,
  onChange,
  none = true,
}: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  none?: boolean;
}) {
  const { t } = useTranslation();
  return (
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
}

/** Title, value with its currency, and the expected close date of the new deal. */
export function DealValueFields({
  form,
  set,
}: {
  form: ConvertForm;
  set: (patch: Partial<ConvertForm>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** Person, organization, pipeline and stage of the new deal. */
export function DealRecordPickers({
  form,
  set,
  options,
}: {
  form: ConvertForm;
  set: (patch: Partial<ConvertForm>) => void;
  options: { persons: Option[]; organizations: Option[]; pipelines: TCrmPipelineDto[] | null };
}) {
  const { t } = useTranslation();
  const { persons, organizations, pipelines } = options;
  const pipeline = pipelines?.find((p) => p.id === form.pipelineId);
  return (
    <>
      <RecordSelect
        id="convert-person"
        label={t('crm.fields.person')}
        value={form.personId}
        options={persons}
        onChange={(v) => set({ personId: v })}
      />
      <RecordSelect
        id="convert-organization"
        label={t('crm.fields.organization')}
        value={form.organizationId}
        options={organizations}
        onChange={(v) => set({ organizationId: v })}
      />
      <RecordSelect
        id="convert-pipeline"
        label={t('crm.fields.pipeline')}
        value={form.pipelineId}
        options={(pipelines ?? []).map((p) => ({ value: p.id, label: p.name }))}
        onChange={(v) =>
          set({ pipelineId: v, stageId: pipelines?.find((p) => p.id === v)?.stages[0]?.id ?? '' })
        }
        none={false}
      />
      <RecordSelect
        id="convert-stage"
        label={t('crm.fields.stage')}
        value={form.stageId}
        options={(pipeline?.stages ?? []).map((s) => ({
          value: s.id,
          label: `${s.name} · ${s.probability} %`,
        }))}
        onChange={(v) => set({ stageId: v })}
        none={false}
      />
    </>
  );
}
