import { useTranslation } from 'react-i18next';
import {
  CONDITION_OPERATORS,
  MAX_CONDITION_RULES,
  MAX_CONDITION_VALUE_CHARS,
  MAX_SET_VARIABLE_VALUE_CHARS,
  SYSTEM_VARIABLES,
  VALUE_OPERATORS,
  type TConditionInput,
  type TConditionInputKind,
  type TConditionNode,
  type TConditionOperator,
  type TConditionRule,
  type TPlaybookDocument,
  type TSetVariableNode,
} from '@charla/protocol';
import { currentLanguage } from '../../lib/i18n';
import { AdminIcon } from './admin-icons';
import { FieldError, useFieldInvalid } from './field-findings';

const INPUT_KINDS: TConditionInputKind[] = ['visitor_attribute', 'variable', 'language', 'page_url'];

/** Variables a card may read (`context`: also the page ones) or write. */
export function variableChoices(doc: TPlaybookDocument, context: boolean): { key: string; label: string }[] {
  const lang = currentLanguage();
  return [
    ...SYSTEM_VARIABLES.filter((v) => context || !v.fromContext).map((v) => ({
      key: v.key,
      label: `${v.label[lang]} (${v.key})`,
    })),
    ...doc.variables.map((v) => ({ key: v.key, label: `${v.label} (${v.key})` })),
  ];
}

function inputOfKind(kind: TConditionInputKind, doc: TPlaybookDocument): TConditionInput {
  if (kind === 'variable') return { kind, key: doc.variables[0]?.key ?? 'visitor_email' };
  if (kind === 'visitor_attribute') return { kind, key: 'plan' };
  return { kind };
}

/** The attribute name or variable a rule reads (language and page URL need none). */
function RuleInputKey({
  rule,
  id,
  doc,
  onChange,
}: {
  rule: TConditionRule;
  id: string;
  doc: TPlaybookDocument;
  onChange: (rule: TConditionRule) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {rule.input.kind === 'visitor_attribute' && (
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('playbooks.condition.attribute')}</label>
          <input
            id={`${id}-key`}
            value={rule.input.key}
            maxLength={40}
            aria-describedby={`${id}-key-hint`}
            onChange={(e) => onChange({ ...rule, input: { kind: 'visitor_attribute', key: e.target.value } })}
          />
          <span id={`${id}-key-hint`} className="field__hint">
            {t('playbooks.condition.attributeHint')}
          </span>
        </div>
      )}
      {rule.input.kind === 'variable' && (
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('playbooks.condition.variable')}</label>
          <select
            id={`${id}-key`}
            value={rule.input.key}
            onChange={(e) => onChange({ ...rule, input: { kind: 'variable', key: e.target.value } })}
          >
            {variableChoices(doc, true).map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

function RuleFields(props: {
  rule: TConditionRule;
  index: number;
  doc: TPlaybookDocument;
  onChange: (rule: TConditionRule) => void;
  onRemove: () => void;
  onMoveUp: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { rule, index, doc, onChange } = props;
  const id = `rule-${index}`;
  const needsValue = (VALUE_OPERATORS as readonly string[]).includes(rule.operator);
  const numeric = rule.operator === 'greater_than' || rule.operator === 'less_than';
  const n = index + 1;
  return (
    <fieldset className="pb-fieldset pb-rule" data-testid={`condition-rule-${index}`}>
      <legend>{t('playbooks.condition.rule', { n })}</legend>
      <div className="pb-grid-2">
        <div className="field">
          <label htmlFor={`${id}-input`}>{t('playbooks.condition.input')}</label>
          <select
            id={`${id}-input`}
            value={rule.input.kind}
            onChange={(e) =>
              onChange({ ...rule, input: inputOfKind(e.target.value as TConditionInputKind, doc) })
            }
          >
            {INPUT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`playbooks.condition.inputs.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <RuleInputKey rule={rule} id={id} doc={doc} onChange={onChange} />
        <div className="field">
          <label htmlFor={`${id}-operator`}>{t('playbooks.condition.operator')}</label>
          <select
            id={`${id}-operator`}
            value={rule.operator}
            onChange={(e) => {
              const operator = e.target.value as TConditionOperator;
              const keeps = (VALUE_OPERATORS as readonly string[]).includes(operator);
              const { value, ...rest } = rule;
              onChange(keeps ? { ...rest, operator, value: value ?? '' } : { ...rest, operator });
            }}
          >
            {CONDITION_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {t(`playbooks.condition.ops.${op}`)}
              </option>
            ))}
          </select>
        </div>
        {needsValue && (
          <RuleValue
            id={id}
            rule={rule}
            numeric={numeric}
            onChange={(value) => onChange({ ...rule, value })}
          />
        )}
      </div>
      <div className="pb-rule__tools">
        {props.onMoveUp && (
          <button type="button" className="btn btn--sm" onClick={props.onMoveUp}>
            <AdminIcon name="arrowUp" size={14} /> {t('playbooks.condition.moveUp', { n })}
          </button>
        )}
        <button type="button" className="btn btn--sm" onClick={props.onRemove}>
          <AdminIcon name="trash" size={14} /> {t('playbooks.condition.removeRule', { n })}
        </button>
      </div>
    </fieldset>
  );
}

/** A rule's value, with its finding. */
function RuleValue(props: {
  id: string;
  rule: TConditionRule;
  numeric: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const field = `${props.id}-value`;
  const invalid = useFieldInvalid(field);
  return (
    <div className="field">
      <label htmlFor={field}>{t('playbooks.condition.value')}</label>
      <input
        id={field}
        value={props.rule.value ?? ''}
        maxLength={MAX_CONDITION_VALUE_CHARS}
        inputMode={props.numeric ? 'decimal' : 'text'}
        onChange={(e) => props.onChange(e.target.value)}
        {...invalid}
      />
      <FieldError field={field} />
    </div>
  );
}

/** The rules of a condition card, tried in order; each has its own exit, plus "otherwise". */
export function ConditionFields({
  node,
  doc,
  onChange,
}: {
  node: TConditionNode;
  doc: TPlaybookDocument;
  onChange: (rules: TConditionRule[]) => void;
}) {
  const { t } = useTranslation();
  const rules = node.rules;
  const addRule = () => {
    const taken = new Set(rules.map((r) => r.id));
    let n = rules.length + 1;
    while (taken.has(`rule_${n}`)) n += 1;
    onChange([
      ...rules,
      { id: `rule_${n}`, input: inputOfKind('visitor_attribute', doc), operator: 'equals', value: '' },
    ]);
  };
  return (
    <div className="pb-rules">
      <p className="field__hint">{t('playbooks.condition.help')}</p>
      {rules.map((rule, index) => (
        <RuleFields
          key={rule.id}
          rule={rule}
          index={index}
          doc={doc}
          onChange={(next) => onChange(rules.map((r) => (r.id === rule.id ? next : r)))}
          onRemove={() => onChange(rules.filter((r) => r.id !== rule.id))}
          onMoveUp={
            index === 0
              ? null
              : () =>
                  onChange([...rules.slice(0, index - 1), rule, rules[index - 1]!, ...rules.slice(index + 1)])
          }
        />
      ))}
      {rules.length < MAX_CONDITION_RULES && (
        <button type="button" className="btn btn--sm" onClick={addRule} data-testid="condition-add-rule">
          <AdminIcon name="plus" size={14} /> {t('playbooks.condition.addRule')}
        </button>
      )}
    </div>
  );
}

/** The variable a set variable card writes and the text (or `{{template}}`) it writes. */
export function SetVariableFields({
  node,
  doc,
  onChange,
}: {
  node: TSetVariableNode;
  doc: TPlaybookDocument;
  onChange: (patch: Partial<TSetVariableNode>) => void;
}) {
  const { t } = useTranslation();
  const variableInvalid = useFieldInvalid('set-variable');
  return (
    <div className="pb-grid-2">
      <div className="field">
        <label htmlFor="set-variable">{t('playbooks.setVariable.variable')}</label>
        <select
          id="set-variable"
          value={node.variable}
          onChange={(e) => onChange({ variable: e.target.value })}
          {...variableInvalid}
        >
          <option value="">{t('playbooks.setVariable.choose')}</option>
          {variableChoices(doc, false).map((v) => (
            <option key={v.key} value={v.key}>
              {v.label}
            </option>
          ))}
        </select>
        <FieldError field="set-variable" />
      </div>
      <div className="field">
        <label htmlFor="set-value">{t('playbooks.setVariable.value')}</label>
        <input
          id="set-value"
          value={node.value}
          maxLength={MAX_SET_VARIABLE_VALUE_CHARS}
          aria-describedby="set-value-hint"
          onChange={(e) => onChange({ value: e.target.value })}
        />
        <span id="set-value-hint" className="field__hint">
          {t('playbooks.setVariable.hint', { example: '{{visitor_name}}' })}
        </span>
        <FieldError field="set-value" />
      </div>
    </div>
  );
}
