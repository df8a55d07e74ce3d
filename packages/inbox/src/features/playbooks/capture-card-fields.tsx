import { useTranslation } from 'react-i18next';
import type { TCaptureField, TCaptureNode, TCaptureValidation, TPlaybookDocument } from '@charla/protocol';
import { CheckField } from '../../components/check-field';
import { RichField, SaveToSelect } from './card-field-parts';
import { FieldError, useFieldInvalid } from './field-findings';

const CAPTURE_DEFAULTS: Record<TCaptureField, { saveTo: string; kind: TCaptureValidation['kind'] }> = {
  name: { saveTo: 'visitor_name', kind: 'length' },
  email: { saveTo: 'visitor_email', kind: 'email' },
  phone: { saveTo: 'visitor_phone', kind: 'phone' },
  company: { saveTo: 'company_name', kind: 'length' },
  custom: { saveTo: 'visitor_name', kind: 'none' },
};

/** The validation of a new kind, keeping the error message and attempts already written. */
export function validationFor(
  kind: TCaptureValidation['kind'],
  previous: TCaptureValidation,
  error: string,
): TCaptureValidation {
  const errorMessage = 'errorMessage' in previous ? previous.errorMessage : error;
  const maxAttempts = 'maxAttempts' in previous ? previous.maxAttempts : 3;
  switch (kind) {
    case 'none':
      return { kind };
    case 'email':
    case 'phone':
      return { kind, errorMessage, maxAttempts };
    case 'length':
      return { kind, min: 1, max: 200, errorMessage, maxAttempts };
    case 'regex':
      return { kind, pattern: '.+', errorMessage, maxAttempts };
  }
}

type Props = { node: TCaptureNode; doc: TPlaybookDocument; onChange: (patch: Partial<TCaptureNode>) => void };

/** What the bot says when an answer is not valid, and how many tries the visitor gets. */
function ValidationFields({ node, onChange }: Omit<Props, 'doc'>) {
  const { t } = useTranslation();
  const v = node.validation;
  if (v.kind === 'none') return null;
  return (
    <div className="pb-grid-2">
      <div className="field">
        <label htmlFor="capture-error">{t('playbooks.editor.errorMessage')}</label>
        <input
          id="capture-error"
          value={v.errorMessage}
          maxLength={300}
          onChange={(e) => onChange({ validation: { ...v, errorMessage: e.target.value } })}
        />
      </div>
      <div className="field">
        <label htmlFor="capture-attempts">{t('playbooks.editor.maxAttempts')}</label>
        <input
          id="capture-attempts"
          type="number"
          min={1}
          max={10}
          value={v.maxAttempts}
          onChange={(e) => onChange({ validation: { ...v, maxAttempts: Number(e.target.value) || 1 } })}
        />
      </div>
    </div>
  );
}

/** A capture card: the question, which field it asks for, where it is saved and how it is checked. */
export function CaptureFields({ node, doc, onChange }: Props) {
  const { t } = useTranslation();
  const invalid = useFieldInvalid('capture-field');
  const setField = (field: TCaptureField) => {
    const defaults = CAPTURE_DEFAULTS[field];
    const validation = validationFor(defaults.kind, node.validation, t('playbooks.editor.defaultError'));
    onChange({ field, saveTo: defaults.saveTo, validation });
  };
  return (
    <>
      <RichField
        cardId={node.id}
        field="prompt"
        label={t('playbooks.editor.botAsks')}
        value={node.prompt}
        onChange={(prompt) => onChange({ prompt })}
      />
      <div className="pb-grid-2">
        <div className="field">
          <label htmlFor="capture-field">{t('playbooks.editor.captureField')}</label>
          <select
            id="capture-field"
            {...invalid}
            value={node.field}
            onChange={(e) => setField(e.target.value as TCaptureField)}
          >
            {(['name', 'email', 'phone', 'company', 'custom'] as const).map((field) => (
              <option key={field} value={field}>
                {t(`playbooks.editor.fields.${field}`)}
              </option>
            ))}
          </select>
          <FieldError field="capture-field" />
        </div>
        <SaveToSelect
          id="capture-save"
          doc={doc}
          value={node.saveTo}
          onChange={(saveTo) => onChange({ saveTo })}
        />
      </div>
      <CheckField checked={node.required} onChange={(required) => onChange({ required })}>
        {t('playbooks.editor.required')}
      </CheckField>
      <ValidationFields node={node} onChange={onChange} />
    </>
  );
}
