import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LIVE_CHAT_WAIT_SECONDS,
  MAX_BUTTON_OPTIONS,
  portsOf,
  SYSTEM_VARIABLES,
  type TCaptureField,
  type TCaptureValidation,
  type TPlaybookDocument,
  type TPlaybookNode,
  type TRichText,
} from '@charla/protocol';
import { Dialog } from '../../components/dialog';
import { currentLanguage } from '../../lib/i18n';
import { AdminIcon } from './admin-icons';
import { cardSummary } from './card-summary';
import { portLabel } from './condition-labels';
import { ConditionFields, SetVariableFields } from './condition-fields';
import { EndCardFields } from './end-card-fields';
import { applyCardEdit, targetsOf } from './card-edit';
import {
  FieldError,
  FieldFindingsProvider,
  invalidProps,
  useFieldFindings,
  useFieldInvalid,
} from './field-findings';
import { RichTextEditor } from './rich-text-editor';
import { LiveChatRoutingFields } from '../availability/routing-fields';

type Props = {
  doc: TPlaybookDocument;
  nodeId: string | null;
  onClose: () => void;
  onApply: (next: TPlaybookDocument) => void;
  /** The field to focus on opening (from the findings panel). */
  focusField?: string | null;
};

/** Moves focus to a card editor field by its key (an element id, or a rich-text editor). */
function focusFieldKey(key: string): void {
  const el =
    document.getElementById(key) ?? document.querySelector<HTMLElement>(`[data-testid="${key}"] textarea`);
  el?.focus();
}

/** A port's "leads to" choice, with its finding. */
function PortTarget(props: {
  port: string;
  label: string;
  value: string;
  onChange: (target: string) => void;
  options: { id: string; label: string }[];
}) {
  const { t } = useTranslation();
  const field = `port-${props.port}`;
  const invalid = useFieldInvalid(field);
  return (
    <div className="field field--inline pb-connection">
      <label htmlFor={field}>{props.label}</label>
      <select id={field} value={props.value} onChange={(e) => props.onChange(e.target.value)} {...invalid}>
        <option value="">{t('playbooks.editor.notConnected')}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError field={field} />
    </div>
  );
}

/** Variables a card can save an answer to: the visitor ones and the playbook's own. */
function variableOptions(doc: TPlaybookDocument): { key: string; label: string }[] {
  const lang = currentLanguage();
  return [
    ...SYSTEM_VARIABLES.filter((v) => !v.fromContext).map((v) => ({ key: v.key, label: v.label[lang] })),
    ...doc.variables.map((v) => ({ key: v.key, label: v.label })),
  ];
}

const CAPTURE_DEFAULTS: Record<TCaptureField, { saveTo: string; kind: TCaptureValidation['kind'] }> = {
  name: { saveTo: 'visitor_name', kind: 'length' },
  email: { saveTo: 'visitor_email', kind: 'email' },
  phone: { saveTo: 'visitor_phone', kind: 'phone' },
  company: { saveTo: 'company_name', kind: 'length' },
  custom: { saveTo: 'visitor_name', kind: 'none' },
};

function validationFor(
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

/** Edits one card: its texts and settings, and where each of its answers leads. */
export function CardEditorDialog({ doc, nodeId, onClose, onApply, focusField = null }: Props) {
  const { t } = useTranslation();
  const original = doc.flow.nodes.find((n) => n.id === nodeId) ?? null;
  const [draft, setDraft] = useState<TPlaybookNode | null>(original);
  const [targets, setTargets] = useState<Record<string, string>>({});

  useEffect(() => {
    setDraft(original);
    setTargets(nodeId ? targetsOf(doc, nodeId) : {});
    // Only when another card is opened; edits in progress must not be reset by re-renders.
  }, [nodeId]);
  useEffect(() => {
    if (!focusField) return;
    const timer = window.setTimeout(() => focusFieldKey(focusField), 0);
    return () => window.clearTimeout(timer);
  }, [nodeId, focusField]);
  const preview = useMemo(
    () => (draft && draft.id === nodeId ? applyCardEdit(doc, draft, targets) : doc),
    [doc, draft, targets, nodeId],
  );
  const fieldFindings = useFieldFindings(preview, nodeId ?? '', focusField);
  const invalidOf = (field: string) => invalidProps(fieldFindings.value.findingOf(field), field);

  if (!draft || !original) return <Dialog open={false} title="" onClose={onClose} children={null} />;

  const set = (patch: Partial<TPlaybookNode>) => setDraft({ ...draft, ...patch } as TPlaybookNode);
  const others = doc.flow.nodes.filter((n) => n.id !== draft.id);

  const apply = () => onApply(applyCardEdit(doc, draft, targets));

  const richField = (
    key: string,
    label: string,
    value: TRichText,
    onValue: (v: TRichText) => void,
    hint?: string,
  ) => (
    <>
      <RichTextEditor
        key={`${draft.id}-${key}`}
        label={label}
        value={value}
        onChange={onValue}
        hint={hint}
        testId={`rte-${key}`}
      />
      <FieldError field={`rte-${key}`} />
    </>
  );

  const variables = variableOptions(doc);

  return (
    <Dialog
      open
      size="md"
      title={t('playbooks.editor.editTitle', { type: t(`playbooks.cardTypes.${draft.type}`) })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn--primary" onClick={apply} data-testid="card-apply">
            {t('playbooks.editor.apply')}
          </button>
        </>
      }
    >
      <FieldFindingsProvider value={fieldFindings.value}>
        <div className="form pb-card-form" onBlur={fieldFindings.onBlur}>
          <div className="field">
            <label htmlFor="card-label">{t('playbooks.editor.cardTitle')}</label>
            <input
              id="card-label"
              value={draft.label ?? ''}
              maxLength={80}
              placeholder={t('playbooks.editor.cardTitleHint')}
              onChange={(e) => set({ label: e.target.value === '' ? undefined : e.target.value })}
            />
          </div>

          {(draft.type === 'message' || draft.type === 'question') &&
            richField('content', t('playbooks.editor.botSays'), draft.content, (content) => set({ content }))}

          {draft.type === 'question' && (
            <fieldset className="pb-fieldset">
              <legend>{t('playbooks.editor.answers')}</legend>
              <div className="pb-seg" role="radiogroup" aria-label={t('playbooks.editor.answerKind')}>
                {(['buttons', 'free_text'] as const).map((kind) => (
                  <label
                    key={kind}
                    className={`pb-seg__item ${draft.answer.kind === kind ? 'pb-seg__item--on' : ''}`}
                  >
                    <input
                      type="radio"
                      name="answer-kind"
                      checked={draft.answer.kind === kind}
                      onChange={() =>
                        set({
                          answer:
                            kind === 'buttons'
                              ? {
                                  kind,
                                  options: [{ id: 'option_1', label: t('playbooks.editor.newOption') }],
                                }
                              : { kind, saveTo: 'visitor_name' },
                        })
                      }
                    />
                    {t(`playbooks.editor.answerKinds.${kind}`)}
                  </label>
                ))}
              </div>
              {draft.answer.kind === 'buttons' && (
                <ul className="pb-options">
                  {draft.answer.options.map((option, index, all) => (
                    <li key={option.id}>
                      <input
                        aria-label={t('playbooks.editor.optionLabel', { n: index + 1 })}
                        value={option.label}
                        maxLength={40}
                        onChange={(e) => {
                          if (draft.answer.kind !== 'buttons') return;
                          const options = draft.answer.options.map((o) =>
                            o.id === option.id ? { ...o, label: e.target.value } : o,
                          );
                          set({ answer: { ...draft.answer, options } });
                        }}
                      />
                      <button
                        type="button"
                        className="icon-btn icon-btn--sm"
                        aria-label={t('playbooks.editor.removeOption', { label: option.label })}
                        disabled={all.length <= 1}
                        onClick={() => {
                          if (draft.answer.kind !== 'buttons') return;
                          set({
                            answer: {
                              ...draft.answer,
                              options: draft.answer.options.filter((o) => o.id !== option.id),
                            },
                          });
                        }}
                      >
                        <AdminIcon name="trash" size={14} />
                      </button>
                    </li>
                  ))}
                  {draft.answer.options.length < MAX_BUTTON_OPTIONS && (
                    <li>
                      <button
                        type="button"
                        className="btn btn--sm"
                        onClick={() => {
                          if (draft.answer.kind !== 'buttons') return;
                          const taken = new Set(draft.answer.options.map((o) => o.id));
                          let n = draft.answer.options.length + 1;
                          while (taken.has(`option_${n}`)) n += 1;
                          set({
                            answer: {
                              ...draft.answer,
                              options: [
                                ...draft.answer.options,
                                { id: `option_${n}`, label: t('playbooks.editor.newOption') },
                              ],
                            },
                          });
                        }}
                      >
                        <AdminIcon name="plus" size={14} /> {t('playbooks.editor.addOption')}
                      </button>
                    </li>
                  )}
                </ul>
              )}
              <div className="field">
                <label htmlFor="answer-save">{t('playbooks.editor.saveAnswerTo')}</label>
                <select
                  id="answer-save"
                  value={draft.answer.saveTo ?? ''}
                  onChange={(e) => {
                    const saveTo = e.target.value;
                    if (draft.answer.kind === 'buttons')
                      set({ answer: { ...draft.answer, saveTo: saveTo === '' ? undefined : saveTo } });
                    else if (saveTo !== '') set({ answer: { ...draft.answer, saveTo } });
                  }}
                >
                  {draft.answer.kind === 'buttons' && (
                    <option value="">{t('playbooks.editor.dontSave')}</option>
                  )}
                  {variables.map((v) => (
                    <option key={v.key} value={v.key}>
                      {v.label}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          )}

          {draft.type === 'capture' && (
            <>
              {richField('prompt', t('playbooks.editor.botAsks'), draft.prompt, (prompt) => set({ prompt }))}
              <div className="pb-grid-2">
                <div className="field">
                  <label htmlFor="capture-field">{t('playbooks.editor.captureField')}</label>
                  <select
                    id="capture-field"
                    {...invalidOf('capture-field')}
                    value={draft.field}
                    onChange={(e) => {
                      const field = e.target.value as TCaptureField;
                      const defaults = CAPTURE_DEFAULTS[field];
                      const current = draft;
                      set({
                        field,
                        saveTo: defaults.saveTo,
                        validation: validationFor(
                          defaults.kind,
                          current.validation,
                          t('playbooks.editor.defaultError'),
                        ),
                      });
                    }}
                  >
                    {(['name', 'email', 'phone', 'company', 'custom'] as const).map((field) => (
                      <option key={field} value={field}>
                        {t(`playbooks.editor.fields.${field}`)}
                      </option>
                    ))}
                  </select>
                  <FieldError field="capture-field" />
                </div>
                <div className="field">
                  <label htmlFor="capture-save">{t('playbooks.editor.saveAnswerTo')}</label>
                  <select
                    id="capture-save"
                    {...invalidOf('capture-save')}
                    value={draft.saveTo}
                    onChange={(e) => set({ saveTo: e.target.value })}
                  >
                    {variables.map((v) => (
                      <option key={v.key} value={v.key}>
                        {v.label}
                      </option>
                    ))}
                  </select>
                  <FieldError field="capture-save" />
                </div>
              </div>
              <label className="pb-check">
                <input
                  type="checkbox"
                  className="check"
                  checked={draft.required}
                  onChange={(e) => set({ required: e.target.checked })}
                />
                {t('playbooks.editor.required')}
              </label>
              {draft.validation.kind !== 'none' && (
                <div className="pb-grid-2">
                  <div className="field">
                    <label htmlFor="capture-error">{t('playbooks.editor.errorMessage')}</label>
                    <input
                      id="capture-error"
                      value={draft.validation.errorMessage}
                      maxLength={300}
                      onChange={(e) => {
                        const v = draft.validation;
                        if (v.kind !== 'none') set({ validation: { ...v, errorMessage: e.target.value } });
                      }}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="capture-attempts">{t('playbooks.editor.maxAttempts')}</label>
                    <input
                      id="capture-attempts"
                      type="number"
                      min={1}
                      max={10}
                      value={draft.validation.maxAttempts}
                      onChange={(e) => {
                        const v = draft.validation;
                        if (v.kind !== 'none')
                          set({
                            validation: { ...v, maxAttempts: Number(e.target.value) || 1 },
                          });
                      }}
                    />
                  </div>
                </div>
              )}
            </>
          )}

          {draft.type === 'live_chat' && (
            <>
              {richField(
                'online',
                t('playbooks.editor.onlineMessage'),
                draft.onlineMessage,
                (onlineMessage) => set({ onlineMessage }),
                t('playbooks.editor.onlineHint'),
              )}
              <div className="field">
                <label htmlFor="lc-wait">{t('playbooks.editor.waitSeconds')}</label>
                <input
                  id="lc-wait"
                  type="number"
                  min={LIVE_CHAT_WAIT_SECONDS.min}
                  max={LIVE_CHAT_WAIT_SECONDS.max}
                  step={5}
                  value={draft.waitSeconds}
                  onChange={(e) => set({ waitSeconds: Math.round(Number(e.target.value)) })}
                  aria-describedby="lc-wait-hint"
                  {...invalidOf('lc-wait')}
                />
                <FieldError field="lc-wait" />
                <span id="lc-wait-hint" className="field__hint">
                  {t('playbooks.editor.waitHint', LIVE_CHAT_WAIT_SECONDS)}
                </span>
              </div>
              {richField(
                'offline',
                t('playbooks.editor.offlineMessage'),
                draft.offlineMessage,
                (offlineMessage) => set({ offlineMessage }),
                t('playbooks.editor.offlineHint'),
              )}
              <LiveChatRoutingFields routing={draft.routing} onChange={(routing) => set({ routing })} />
            </>
          )}

          {draft.type === 'end' && (
            <>
              {richField(
                'closing',
                t('playbooks.editor.closingMessage'),
                draft.closingMessage ?? { type: 'doc', content: [] },
                (closingMessage) =>
                  set({ closingMessage: closingMessage.content.length ? closingMessage : undefined }),
              )}
              <EndCardFields node={draft} onChange={set} />
            </>
          )}

          {draft.type === 'condition' && (
            <ConditionFields node={draft} doc={doc} onChange={(rules) => set({ rules })} />
          )}
          {draft.type === 'set_variable' && <SetVariableFields node={draft} doc={doc} onChange={set} />}

          {portsOf(draft).length > 0 && (
            <fieldset className="pb-fieldset">
              <legend>{t('playbooks.editor.connections')}</legend>
              {portsOf(draft).map((port) => (
                <PortTarget
                  key={port.name}
                  port={port.name}
                  label={portLabel(t, draft, port)}
                  value={targets[port.name] ?? ''}
                  onChange={(target) => setTargets({ ...targets, [port.name]: target })}
                  options={others.map((n) => ({
                    id: n.id,
                    label: `${t(`playbooks.cardTypes.${n.type}`)}: ${cardSummary(n) || n.id}`,
                  }))}
                />
              ))}
            </fieldset>
          )}
        </div>
      </FieldFindingsProvider>
    </Dialog>
  );
}
