import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CARD_TITLE_CHARS, type TPlaybookDocument, type TPlaybookNode } from '@charla/protocol';
import { Dialog } from '../../components/dialog';
import { CaptureFields } from './capture-card-fields';
import { applyCardEdit, targetsOf } from './card-edit';
import { CardConnections } from './card-connections';
import { charsLeft } from './chars-left';
import { CharsLeftHint } from './chars-left-hint';
import { RichField, TemplateVariables, templateVariables } from './card-field-parts';
import { ConditionFields, SetVariableFields } from './condition-fields';
import { EndCardFields } from './end-card-fields';
import { FieldFindingsProvider, useFieldFindings } from './field-findings';
import { HttpRequestFields } from './http-request-fields';
import { LiveChatFields } from './live-chat-card-fields';
import { QuestionFields } from './question-card-fields';
import { WaitFields } from './wait-card-fields';

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
  const variables = useMemo(() => templateVariables(doc), [doc]);

  if (!draft || !original) return <Dialog open={false} title="" onClose={onClose} children={null} />;

  const set = (patch: Partial<TPlaybookNode>) => setDraft({ ...draft, ...patch } as TPlaybookNode);
  const apply = () => onApply(applyCardEdit(doc, draft, targets));

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
      <TemplateVariables.Provider value={variables}>
        <FieldFindingsProvider value={fieldFindings.value}>
          <div className="form pb-card-form" onBlur={fieldFindings.onBlur}>
            <div className="field">
              <label htmlFor="card-label">{t('playbooks.editor.cardTitle')}</label>
              <input
                id="card-label"
                value={draft.label ?? ''}
                maxLength={MAX_CARD_TITLE_CHARS}
                aria-describedby={
                  charsLeft(draft.label?.length ?? 0, MAX_CARD_TITLE_CHARS) === null
                    ? undefined
                    : 'card-label-count'
                }
                placeholder={t('playbooks.editor.cardTitleHint')}
                onChange={(e) => set({ label: e.target.value === '' ? undefined : e.target.value })}
              />
              <CharsLeftHint
                id="card-label-count"
                length={draft.label?.length ?? 0}
                max={MAX_CARD_TITLE_CHARS}
              />
            </div>

            <CardFields draft={draft} doc={doc} set={set} />
            <CardConnections doc={doc} draft={draft} targets={targets} onChange={setTargets} />
          </div>
        </FieldFindingsProvider>
      </TemplateVariables.Provider>
    </Dialog>
  );
}

/** The fields of the card's type. */
function CardFields({
  draft,
  doc,
  set,
}: {
  draft: TPlaybookNode;
  doc: TPlaybookDocument;
  set: (patch: Partial<TPlaybookNode>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {(draft.type === 'message' || draft.type === 'question') && (
        <RichField
          cardId={draft.id}
          field="content"
          label={t('playbooks.editor.botSays')}
          value={draft.content}
          onChange={(content) => set({ content })}
        />
      )}
      {draft.type === 'question' && <QuestionFields node={draft} doc={doc} onChange={set} />}
      {draft.type === 'capture' && <CaptureFields node={draft} doc={doc} onChange={set} />}
      {draft.type === 'live_chat' && <LiveChatFields node={draft} onChange={set} />}
      {draft.type === 'end' && (
        <>
          <RichField
            cardId={draft.id}
            field="closing"
            label={t('playbooks.editor.closingMessage')}
            value={draft.closingMessage ?? { type: 'doc', content: [] }}
            onChange={(closingMessage) =>
              set({ closingMessage: closingMessage.content.length ? closingMessage : undefined })
            }
          />
          <EndCardFields node={draft} onChange={set} />
        </>
      )}
      {draft.type === 'condition' && (
        <ConditionFields node={draft} doc={doc} onChange={(rules) => set({ rules })} />
      )}
      {draft.type === 'set_variable' && <SetVariableFields node={draft} doc={doc} onChange={set} />}
      {draft.type === 'http_request' && <HttpRequestFields node={draft} doc={doc} onChange={set} />}
      {draft.type === 'wait' && <WaitFields node={draft} onChange={set} />}
    </>
  );
}
