import { useTranslation } from 'react-i18next';
import { MAX_BUTTON_OPTIONS, type TPlaybookDocument, type TQuestionNode } from '@charla/protocol';
import { AdminIcon } from './admin-icons';
import { SaveToSelect } from './card-field-parts';

type ButtonsAnswer = Extract<TQuestionNode['answer'], { kind: 'buttons' }>;

/** The first free `option_N` id of a buttons answer. */
export function nextOptionId(answer: ButtonsAnswer): string {
  const taken = new Set(answer.options.map((o) => o.id));
  let n = answer.options.length + 1;
  while (taken.has(`option_${n}`)) n += 1;
  return `option_${n}`;
}

/** The buttons of a question: rename, remove (never the last) and add up to the limit. */
function ButtonOptions({
  answer,
  onChange,
}: {
  answer: ButtonsAnswer;
  onChange: (a: ButtonsAnswer) => void;
}) {
  const { t } = useTranslation();
  const rename = (id: string, label: string) =>
    onChange({ ...answer, options: answer.options.map((o) => (o.id === id ? { ...o, label } : o)) });
  const remove = (id: string) => onChange({ ...answer, options: answer.options.filter((o) => o.id !== id) });
  const add = () =>
    onChange({
      ...answer,
      options: [...answer.options, { id: nextOptionId(answer), label: t('playbooks.editor.newOption') }],
    });
  return (
    <ul className="pb-options">
      {answer.options.map((option, index, all) => (
        <li key={option.id}>
          <input
            aria-label={t('playbooks.editor.optionLabel', { n: index + 1 })}
            value={option.label}
            maxLength={40}
            onChange={(e) => rename(option.id, e.target.value)}
          />
          <button
            type="button"
            className="icon-btn icon-btn--sm"
            aria-label={t('playbooks.editor.removeOption', { label: option.label })}
            disabled={all.length <= 1}
            onClick={() => remove(option.id)}
          >
            <AdminIcon name="trash" size={14} />
          </button>
        </li>
      ))}
      {answer.options.length < MAX_BUTTON_OPTIONS && (
        <li>
          <button type="button" className="btn btn--sm" onClick={add}>
            <AdminIcon name="plus" size={14} /> {t('playbooks.editor.addOption')}
          </button>
        </li>
      )}
    </ul>
  );
}

/** How a question is answered: buttons or free text, and where the answer is saved. */
export function QuestionFields({
  node,
  doc,
  onChange,
}: {
  node: TQuestionNode;
  doc: TPlaybookDocument;
  onChange: (patch: Partial<TQuestionNode>) => void;
}) {
  const { t } = useTranslation();
  const answer = node.answer;
  const setKind = (kind: TQuestionNode['answer']['kind']) =>
    onChange({
      answer:
        kind === 'buttons'
          ? { kind, options: [{ id: 'option_1', label: t('playbooks.editor.newOption') }] }
          : { kind, saveTo: 'visitor_name' },
    });
  const setSaveTo = (saveTo: string) => {
    if (answer.kind === 'buttons')
      onChange({ answer: { ...answer, saveTo: saveTo === '' ? undefined : saveTo } });
    else if (saveTo !== '') onChange({ answer: { ...answer, saveTo } });
  };
  return (
    <fieldset className="pb-fieldset">
      <legend>{t('playbooks.editor.answers')}</legend>
      <div className="pb-seg" role="radiogroup" aria-label={t('playbooks.editor.answerKind')}>
        {(['buttons', 'free_text'] as const).map((kind) => (
          <label key={kind} className={`pb-seg__item ${answer.kind === kind ? 'pb-seg__item--on' : ''}`}>
            <input
              type="radio"
              name="answer-kind"
              checked={answer.kind === kind}
              onChange={() => setKind(kind)}
            />
            {t(`playbooks.editor.answerKinds.${kind}`)}
          </label>
        ))}
      </div>
      {answer.kind === 'buttons' && (
        <ButtonOptions answer={answer} onChange={(next) => onChange({ answer: next })} />
      )}
      <SaveToSelect
        id="answer-save"
        doc={doc}
        value={answer.saveTo ?? ''}
        onChange={setSaveTo}
        {...(answer.kind === 'buttons' ? { emptyLabel: t('playbooks.editor.dontSave') } : {})}
      />
    </fieldset>
  );
}
