import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { TFinding, TPlaybookDocument, TPlaybookNodeType } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { Link, useSearchParam } from '../../lib/router';
import { AppearancePanel } from './appearance-panel';
import { placeNewCard } from './card-placement';
import { CardEditorDialog } from './card-editor-dialog';
import { DeleteCardDialog } from './delete-card-dialog';
import { EditorAlert } from './editor-alert';
import { EditorBar } from './editor-bar';
import { EDITOR_TABS, EditorTabList, FlowTools, type EditorTab } from './editor-tabs';
import { findingField, findingNodeId } from './finding-field';
import type { CanvasFocus } from './flow-canvas';
import { addNode, removeNode } from './flow-mapping';
import { FlowTab } from './flow-tab';
import { InstallPanel } from './install-panel';
import { useCardClipboard } from './use-card-clipboard';
import { focusCard } from './use-new-linked-card';
import { CARD_WIDTH } from './use-canvas-layout';
import { usePlaybookEditing } from './use-playbook-editing';
import { ValidationOptionsProvider } from './validation-options';
import { WidgetPreview } from './widget-preview';
import './playbooks.css';

/** The visual playbook editor (R3–R8): flow canvas, card editor, appearance, install, live preview. */
export function PlaybookEditorPage(props: { playbookId: string }) {
  return (
    <ReactFlowProvider>
      <EditorPage {...props} />
    </ReactFlowProvider>
  );
}

/** A new card's height before it is measured: room for its findings and two exits. */
const NEW_CARD_HEIGHT = 200;

/**
 * Where a new card goes: right of the one selected card, else the middle of what the canvas
 * shows; moved to the nearest free spot so it never lands on a card (card-placement.ts).
 */
function useNewCardPosition() {
  const flow = useReactFlow();
  return (selected: readonly string[]) => {
    const canvas = document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect();
    const viewCentre =
      canvas && canvas.width > 0
        ? flow.screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
        : null;
    const boxes = flow.getNodes().map((n) => ({
      id: n.id,
      ...n.position,
      width: n.measured?.width ?? CARD_WIDTH,
      height: n.measured?.height ?? NEW_CARD_HEIGHT,
    }));
    const selectedId = selected.length === 1 ? (selected[0] ?? null) : null;
    const size = { width: CARD_WIDTH, height: NEW_CARD_HEIGHT };
    return placeNewCard({ boxes, viewCentre, selectedId, size });
  };
}

/** The cards being edited, deleted, focused and selected, and which finding field to open on. */
function useCardUi(offlineOnly: boolean) {
  const [editing, setEditing] = useState<string | null>(null);
  const [editFocus, setEditFocus] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [focus, setFocus] = useState<CanvasFocus | null>(null);
  const [selectedCards, setSelectedCards] = useState<string[]>([]);
  const open = useCallback((id: string, field: string | null = null) => {
    setEditFocus(field);
    setEditing(id);
  }, []);
  // The canvas's card buttons (stable, so the canvas does not re-render for nothing).
  const actions = useMemo(
    () => ({ edit: (id: string) => open(id), remove: setDeleting, offlineOnly }),
    [open, offlineOnly],
  );
  const centre = (nodeId: string) => setFocus((old) => ({ nodeId, seq: (old?.seq ?? 0) + 1 }));
  return {
    actions,
    editing,
    setEditing,
    editFocus,
    open,
    deleting,
    setDeleting,
    focus,
    centre,
    selectedCards,
    setSelectedCards,
  };
}

function EditorPage({ playbookId }: { playbookId: string }) {
  const { t } = useTranslation();
  const newCardPosition = useNewCardPosition();
  const editor = usePlaybookEditing(playbookId);
  const { playbook, doc, history, findings, change, originsCheck } = editor;
  // `?tab=install` opens the Installation tab (the first-run checklist links there).
  const tabParam = useSearchParam('tab');
  const [tab, setTab] = useState<EditorTab>(() => EDITOR_TABS.find((id) => id === tabParam) ?? 'flow');
  const [problemsOpen, setProblemsOpen] = useState(false);
  const cards = useCardUi(playbook?.liveChatOfflineOnly ?? false);
  useCardClipboard(doc, cards.selectedCards, change);

  if (editor.loadError) return <LoadError />;
  if (!playbook || !doc) return <Spinner label={t('common.loading')} />;

  const errors = findings.filter((f) => f.severity === 'error');
  // A finding picked in the panel: select and centre its card, open the card on its field.
  const pickFinding = (finding: TFinding) => {
    const nodeId = findingNodeId(doc, finding);
    if (!nodeId) return;
    setTab('flow');
    cards.centre(nodeId);
    const field = findingField(doc, finding);
    if (field) cards.open(nodeId, field);
  };
  const addCard = (type: TPlaybookNodeType) => {
    const result = addNode(doc, type, newCardPosition(cards.selectedCards));
    change(result.doc);
    cards.open(result.nodeId);
  };
  const onSave = () => (originsCheck.bad ? setTab('install') : void editor.doSave());
  const onToggleActive = () => void editor.toggleActive().then((invalid) => invalid && setProblemsOpen(true));

  return (
    <div className="pb-editor">
      <EditorBar
        playbook={playbook}
        name={editor.name}
        onName={editor.rename}
        errors={errors.length}
        warnings={findings.filter((f) => f.severity === 'warning').length}
        dirty={editor.dirty}
        saving={editor.save.kind === 'saving'}
        problemsId="pb-problems"
        problemsOpen={problemsOpen}
        onProblems={() => setProblemsOpen((open) => !open)}
        onToggleActive={onToggleActive}
        onSave={onSave}
      />
      <EditorAlert
        save={editor.save}
        errorCount={errors.length}
        active={playbook.status === 'active'}
        statusError={editor.statusError}
        onReload={editor.load}
      />
      <div className="pb-editor__body">
        <div className="pb-editor__main">
          <div className="pb-tabs">
            <EditorTabList tab={tab} onTab={setTab} installProblem={originsCheck.bad !== null} />
            {tab === 'flow' && <FlowTools history={history} onAdd={addCard} />}
          </div>
          <EditorPanel
            tab={tab}
            editor={editor}
            doc={doc}
            playbook={playbook}
            problemsOpen={problemsOpen}
            onCloseProblems={() => setProblemsOpen(false)}
            onPick={pickFinding}
            cardActions={cards.actions}
            cards={cards}
          />
        </div>
        <aside className="pb-editor__preview">
          <WidgetPreview doc={doc} />
        </aside>
      </div>
      <ValidationOptionsProvider value={editor.validationOptions}>
        <CardDialogs doc={doc} cards={cards} onChange={change} />
      </ValidationOptionsProvider>
    </div>
  );
}

function LoadError() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="form__error" role="alert">
        {t('playbooks.loadOneError')}
      </p>
      <Link to="/playbooks">{t('playbooks.backToList')}</Link>
    </div>
  );
}

type Editing = ReturnType<typeof usePlaybookEditing>;
type Cards = ReturnType<typeof useCardUi>;

/** The open tab's panel: the flow, the appearance or the installation. */
function EditorPanel(props: {
  tab: EditorTab;
  editor: Editing;
  doc: TPlaybookDocument;
  playbook: NonNullable<Editing['playbook']>;
  problemsOpen: boolean;
  onCloseProblems: () => void;
  onPick: (finding: TFinding) => void;
  cardActions: Parameters<typeof FlowTab>[0]['actions'];
  cards: Cards;
}) {
  const { t } = useTranslation();
  const { tab, editor, cards } = props;
  const { doc, playbook } = props;
  const { findings, change, history, originsCheck } = editor;
  return (
    <div className="pb-panel" role="tabpanel" id={`pb-panel-${tab}`} aria-labelledby={`pb-tab-${tab}`}>
      {tab === 'flow' && (
        <FlowTab
          doc={doc}
          findings={findings}
          allFindings={[...findings, ...editor.serverFindings]}
          problemsOpen={props.problemsOpen}
          onCloseProblems={props.onCloseProblems}
          onPick={props.onPick}
          onChange={change}
          actions={props.cardActions}
          focus={cards.focus}
          onLayout={history.replace}
          onSelect={cards.setSelectedCards}
        />
      )}
      {tab === 'appearance' && <AppearancePanel doc={doc} onChange={change} />}
      {tab === 'install' && (
        <InstallPanel
          playbook={playbook}
          origins={editor.origins}
          onOrigins={editor.editOrigins}
          originsError={
            originsCheck.bad ? t('playbooks.install.badOrigin', { origin: originsCheck.bad }) : null
          }
        />
      )}
    </div>
  );
}

/** The card editor and the delete confirmation. */
function CardDialogs({
  doc,
  cards,
  onChange,
}: {
  doc: TPlaybookDocument;
  cards: Cards;
  onChange: (doc: TPlaybookDocument) => void;
}) {
  const change = onChange;
  // The editor goes away with its card's dialog: the keyboard focus goes back to the card.
  const close = () => {
    if (cards.editing) focusCard(cards.editing);
    cards.setEditing(null);
  };
  return (
    <>
      {cards.editing && (
        <CardEditorDialog
          doc={doc}
          nodeId={cards.editing}
          focusField={cards.editFocus}
          onClose={close}
          onApply={(next) => {
            change(next);
            close();
          }}
        />
      )}
      <DeleteCardDialog
        node={doc.flow.nodes.find((n) => n.id === cards.deleting)}
        onCancel={() => cards.setDeleting(null)}
        onConfirm={() => cards.deleting && change(removeNode(doc, cards.deleting))}
      />
    </>
  );
}
