import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { SYSTEM_VARIABLES, type TPlaybookDocument, type TRichText } from '@charla/protocol';
import { currentLanguage } from '../../lib/i18n';
import { FieldError, useFieldInvalid } from './field-findings';
import { RichTextEditor, type TemplateVariable } from './rich-text-editor';

/** The variables a card's texts may insert as `{{key}}` (the card editor provides them). */
export const TemplateVariables = createContext<readonly TemplateVariable[]>([]);

/** A card's rich text (what the bot says), with its finding under it. */
export function RichField(props: {
  cardId: string;
  field: string;
  label: string;
  value: TRichText;
  onChange: (value: TRichText) => void;
  hint?: string;
}) {
  const variables = useContext(TemplateVariables);
  return (
    <>
      <RichTextEditor
        key={`${props.cardId}-${props.field}`}
        variables={variables}
        label={props.label}
        value={props.value}
        onChange={props.onChange}
        hint={props.hint}
        testId={`rte-${props.field}`}
      />
      <FieldError field={`rte-${props.field}`} />
    </>
  );
}

/** Every variable a text can show: the visitor's and the page's, then the playbook's own. */
export function templateVariables(doc: TPlaybookDocument): TemplateVariable[] {
  const lang = currentLanguage();
  return [
    ...SYSTEM_VARIABLES.map((v) => ({ key: v.key, label: v.label[lang] })),
    ...doc.variables.map((v) => ({ key: v.key, label: v.label })),
  ];
}

/** Variables a card can save an answer to: the visitor ones and the playbook's own. */
export function variableOptions(doc: TPlaybookDocument): { key: string; label: string }[] {
  const lang = currentLanguage();
  return [
    ...SYSTEM_VARIABLES.filter((v) => !v.fromContext).map((v) => ({ key: v.key, label: v.label[lang] })),
    ...doc.variables.map((v) => ({ key: v.key, label: v.label })),
  ];
}

/** A "save the answer to" choice of variable (optional: `emptyLabel` offers not saving). */
export function SaveToSelect(props: {
  id: string;
  doc: TPlaybookDocument;
  value: string;
  onChange: (saveTo: string) => void;
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  const invalid = useFieldInvalid(props.id);
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('playbooks.editor.saveAnswerTo')}</label>
      <select id={props.id} {...invalid} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {variableOptions(props.doc).map((v) => (
          <option key={v.key} value={v.key}>
            {v.label}
          </option>
        ))}
      </select>
      <FieldError field={props.id} />
    </div>
  );
}
