import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  labelColors,
  labelPalette,
  MAX_LABEL_NAME,
  type TLabelColor,
  type TLabelDto,
} from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { ApiError } from '../../lib/api-client';
import { LabelChip } from './label-chips';
import { labelsApi } from './labels-api';

/** Create, rename or recolour a label: its name and one palette colour (radio group of swatches). */
export function LabelDialog({
  open,
  label,
  onClose,
  onSaved,
}: {
  open: boolean;
  label: TLabelDto | null;
  onClose: () => void;
  onSaved: (label: TLabelDto) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [color, setColor] = useState<TLabelColor>('blue');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setName(label?.name ?? '');
    setColor(label?.color ?? 'blue');
    setError(null);
  }, [open, label]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), color };
    try {
      onSaved(label ? await labelsApi.update(label.id, body) : await labelsApi.create(body));
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : t('errors.generic'));
    }
  };

  return (
    <FormDialog
      open={open}
      title={label ? t('labels.settings.edit', { name: label.name }) : t('labels.settings.add')}
      formId="label-form"
      submitLabel={label ? t('labels.settings.save') : t('labels.settings.create')}
      canSubmit={name.trim() !== ''}
      error={error}
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor="label-name">{t('labels.settings.name')}</label>
        <input
          id="label-name"
          value={name}
          maxLength={MAX_LABEL_NAME}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <ColorChoice value={color} onChange={setColor} />
      <div className="field">
        <span className="field__hint">{t('labels.settings.preview')}</span>
        <div>
          <LabelChip label={{ name: name.trim() || t('labels.settings.name'), color }} />
        </div>
      </div>
    </FormDialog>
  );
}

/** The palette as a radio group; each option shows its colour with its text colour. */
function ColorChoice({ value, onChange }: { value: TLabelColor; onChange: (color: TLabelColor) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="pb-fieldset">
      <legend>{t('labels.settings.color')}</legend>
      <div className="label-colors" role="radiogroup" aria-label={t('labels.settings.color')}>
        {labelColors.map((c) => (
          <label key={c} className="label-colors__option">
            <input
              type="radio"
              name="label-color"
              value={c}
              checked={value === c}
              onChange={() => onChange(c)}
            />
            <span
              className="label-colors__swatch"
              style={{ background: labelPalette[c].background, color: labelPalette[c].text }}
            >
              {t(`labels.colors.${c}`)}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
