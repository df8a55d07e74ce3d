import { useTranslation } from 'react-i18next';
import { CRM_CURRENCIES } from '@charla/protocol';
import type { PanelField, PanelForm } from './panel-form';
import { currentLocale } from '../../lib/i18n';
import { numberFormat } from '../../lib/intl-cache';

type Props = {
  form: PanelForm;
  errors: Partial<Record<PanelField, string>>;
  editable: boolean;
  update: (field: PanelField, value: string) => void;
  blur: (field: PanelField) => void;
};

/** The panel before a lead or deal exists: a draft of what the first record will get (R17). */
export function DraftFields(props: Props) {
  const { form, editable, update, blur } = props;
  const { t } = useTranslation();
  const input = (field: PanelField, label: string, type = 'text', extra: InputExtras = {}) => (
    <DraftInput {...props} field={field} label={label} type={type} extra={extra} />
  );

  return (
    <>
      <section className="panel-section" aria-labelledby="panel-deal-title">
        <h3 id="panel-deal-title" className="panel-section__title">
          {t('panel.dealSection')}
        </h3>
        <div className="field-row">
          {input('amount', t('panel.value'), 'text', {
            inputMode: 'decimal',
            placeholder: numberFormat(currentLocale(), { minimumFractionDigits: 2 }).format(0),
          })}
          <CurrencySelect {...props} />
        </div>
        {input('expectedCloseDate', t('panel.expectedCloseDate'), 'date')}
      </section>
      <section className="panel-section" aria-labelledby="panel-person-title">
        <h3 id="panel-person-title" className="panel-section__title">
          {t('panel.person')}
        </h3>
        {input('personName', t('panel.name'), 'text', { autoComplete: 'off' })}
        {input('personEmail', t('panel.email'), 'email', { autoComplete: 'off' })}
        {input('personPhone', t('panel.phone'), 'tel', { autoComplete: 'off' })}
      </section>
      <section className="panel-section" aria-labelledby="panel-org-title">
        <h3 id="panel-org-title" className="panel-section__title">
          {t('panel.organization')}
        </h3>
        {input('organizationName', t('panel.name'))}
        {input('organizationAddress', t('panel.address'))}
      </section>
      <section className="panel-section" aria-labelledby="panel-notes-title">
        <h3 id="panel-notes-title" className="panel-section__title">
          <label htmlFor="panel-notes">{t('panel.notes')}</label>
        </h3>
        <textarea
          id="panel-notes"
          className="textarea"
          rows={4}
          value={form.notes}
          disabled={!editable}
          onChange={(e) => update('notes', e.target.value)}
          onBlur={() => blur('notes')}
          placeholder={t('panel.notesPlaceholder')}
        />
      </section>
    </>
  );
}

type InputExtras = React.InputHTMLAttributes<HTMLInputElement>;

/** One labelled draft field with its error under it. */
function DraftInput({
  form,
  errors,
  editable,
  update,
  blur,
  field,
  label,
  type,
  extra,
}: Props & { field: PanelField; label: string; type: string; extra: InputExtras }) {
  return (
    <div className="field field--compact">
      <label htmlFor={`panel-${field}`}>{label}</label>
      <input
        id={`panel-${field}`}
        type={type}
        value={form[field]}
        disabled={!editable}
        onChange={(e) => update(field, e.target.value)}
        onBlur={() => blur(field)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `panel-${field}-error` : undefined}
        data-testid={`panel-${field}`}
        {...extra}
      />
      {errors[field] && (
        <span className="field__error" id={`panel-${field}-error`}>
          {errors[field]}
        </span>
      )}
    </div>
  );
}

function CurrencySelect({ form, editable, update, blur }: Props) {
  const { t } = useTranslation();
  return (
    <div className="field field--compact field--currency">
      <label htmlFor="panel-currency">{t('panel.currency')}</label>
      <select
        id="panel-currency"
        value={form.currency}
        disabled={!editable}
        onChange={(e) => update('currency', e.target.value)}
        onBlur={() => blur('currency')}
      >
        {CRM_CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
}
