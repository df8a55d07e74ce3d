import { useTranslation } from 'react-i18next';
import { useLabels } from './use-labels';
import './labels.css';

/** The label select beside the folder filters (issue 16): '' shows every conversation; hidden without labels. */
export function LabelFilter({ value, onChange }: { value: string; onChange: (labelId: string) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (!labels || labels.length === 0) return null;
  return (
    <select
      className="team-filter crm-inline-select label-filter"
      aria-label={t('labels.filter.label')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid="label-filter"
    >
      <option value="">{t('labels.filter.all')}</option>
      {labels.map((label) => (
        <option key={label.id} value={label.id}>
          {label.name}
        </option>
      ))}
    </select>
  );
}
