import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import {
  validatePlaybook,
  type TFinding,
  type TPlaybookDocument,
  type TPlaybookDto,
  type TPlaybookNodeType,
} from '@charla/protocol';
import { ConfirmDialog } from '../../components/dialog';
import { Spinner } from '../../components/empty-state';
import { Menu } from '../../components/menu';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { Icon } from '../../lib/icons';
import { Link, useSearchParam } from '../../lib/router';
import { AdminIcon } from './admin-icons';
import { AppearancePanel } from './appearance-panel';
import { CardEditorDialog } from './card-editor-dialog';
import { CARD_ICONS, cardSummary } from './card-summary';
import { EditorBar } from './editor-bar';
import { findingField, findingNodeId } from './finding-field';
import { FindingsPanel } from './findings-panel';
import { originsText, parseOrigins } from './origins-text';
import { FlowCanvas, type CanvasFocus } from './flow-canvas';
import { addNode, documentFindings, nextFreePosition, removeNode } from './flow-mapping';
import { InstallPanel } from './install-panel';
import { UndoRedo } from './undo-redo';
import { useCardClipboard } from './use-card-clipboard';
import { CARD_WIDTH } from './use-canvas-layout';
import { useDocumentHistory } from './use-document-history';
import { playbooksApi } from './playbooks-api';
import { WidgetPreview } from './widget-preview';
import './playbooks.css';

type Tab = 'flow' | 'appearance' | 'install';
const TABS: Tab[] = ['flow', 'appearance', 'install'];
const NODE_TYPES: TPlaybookNodeType[] = [
  'message',
  'question',
  'capture',
  'condition',
  'set_variable',
  'live_chat',
  'end',
];

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'conflict' }
  | { kind: 'invalid'; findings: TFinding[] }
  | { kind: 'error'; message: string };

/** The visual playbook editor (R3–R8): flow canvas, card editor, appearance, install, live preview. */
export function PlaybookEditorPage(props: { playbookId: string }) {
  return (
    <ReactFlowProvider>
      <EditorPage {...props} />
    </ReactFlowProvider>
  );
}

/** Where a new card goes: the middle of what the canvas shows, else below the lowest card. */
function useNewCardPosition() {
  const flow = useReactFlow();
  return (doc: TPlaybookDocument) => {
    const canvas = document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect();
    if (!canvas || canvas.width === 0) return nextFreePosition(doc);
    const centre = flow.screenToFlowPosition({
      x: canvas.left + canvas.width / 2,
      y: canvas.top + canvas.height / 2,
    });
    return { x: centre.x - CARD_WIDTH / 2, y: centre.y - 60 };
  };
}

function EditorPage({ playbookId }: { playbookId: string }) {
  const { t } = useTranslation();
  const newCardPosition = useNewCardPosition();
  const [playbook, setPlaybook] = useState<TPlaybookDto | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [dirty, setDirty] = useState(false);
  const markDirty = useCallback(() => setDirty(true), []);
  const history = useDocumentHistory(markDirty);
  const doc = history.doc;
  // `?tab=install` opens the Installation tab (the first-run checklist links there).
  const tabParam = useSearchParam('tab');
  const [tab, setTab] = useState<Tab>(() => TABS.find((id) => id === tabParam) ?? 'flow');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [statusError, setStatusError] = useState<string | null>(null);
  const [serverFindings, setServerFindings] = useState<TFinding[]>([]);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [focus, setFocus] = useState<CanvasFocus | null>(null);
  const [editFocus, setEditFocus] = useState<string | null>(null);
  const [selectedCards, setSelectedCards] = useState<string[]>([]);

  // Loading starts the undo history over; a save keeps it (undo goes on past the save).
  const { reset: resetDoc, replace: replaceDoc } = history;
  const adopt = useCallback(
    (dto: TPlaybookDto, saved = false) => {
      setPlaybook(dto);
      (saved ? replaceDoc : resetDoc)(dto.document);
      setName(dto.name);
      setOrigins(originsText(dto.allowedOrigins));
      setDirty(false);
    },
    [resetDoc, replaceDoc],
  );

  const load = useCallback(() => {
    playbooksApi.get(playbookId).then(
      (dto) => adopt(dto),
      () => setLoadError(true),
    );
  }, [playbookId, adopt]);
  useEffect(load, [load]);

  // Leaving with unsaved changes asks first (R6: nothing changes until Save).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const findings = useMemo(() => (doc ? validatePlaybook(doc).findings : []), [doc]);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const originsCheck = parseOrigins(origins);

  // Every banner goes with its cause: an edit clears a failed save's or activation's message.
  const change = (next: TPlaybookDocument) => {
    history.edit(next);
    setServerFindings([]);
    setStatusError(null);
    if (save.kind !== 'saving' && save.kind !== 'conflict') setSave({ kind: 'idle' });
  };
  const showInvalid = save.kind === 'invalid' && errors.length > 0;
  const allFindings = [...findings, ...serverFindings];
  useCardClipboard(doc, selectedCards, change);

  // A finding picked in the panel: select and centre its card, open the card on its field.
  const pickFinding = (finding: TFinding) => {
    if (!doc) return;
    const nodeId = findingNodeId(doc, finding);
    if (!nodeId) return;
    setTab('flow');
    setFocus((old) => ({ nodeId, seq: (old?.seq ?? 0) + 1 }));
    const field = findingField(doc, finding);
    if (field) {
      setEditFocus(field);
      setEditing(nodeId);
    }
  };

  const cardActions = useMemo(
    () => ({
      edit: (id: string) => {
        setEditFocus(null);
        setEditing(id);
      },
      remove: (id: string) => setDeleting(id),
      offlineOnly: playbook?.liveChatOfflineOnly ?? false,
    }),
    [playbook?.liveChatOfflineOnly],
  );

  if (loadError)
    return (
      <div className="page">
        <p className="form__error" role="alert">
          {t('playbooks.loadOneError')}
        </p>
        <Link to="/playbooks">{t('playbooks.backToList')}</Link>
      </div>
    );
  if (!playbook || !doc) return <Spinner label={t('common.loading')} />;

  const doSave = async () => {
    if (originsCheck.bad) {
      setTab('install');
      return;
    }
    setSave({ kind: 'saving' });
    try {
      const dto = await playbooksApi.save(playbook.id, {
        name: name.trim() || playbook.name,
        document: doc,
        allowedOrigins: originsCheck.origins,
        expectedRevision: playbook.revision,
      });
      adopt(dto, true);
      setSave({ kind: 'saved' });
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'REVISION_CONFLICT') setSave({ kind: 'conflict' });
      else if (cause instanceof ApiError && cause.code === 'PLAYBOOK_INVALID')
        setSave({
          kind: 'invalid',
          findings: Array.isArray(cause.details) ? (cause.details as TFinding[]) : [],
        });
      else {
        const fields = fieldErrorsOf(cause);
        setSave({ kind: 'error', message: Object.values(fields)[0] ?? t('errors.generic') });
      }
    }
  };

  const toggleActive = async () => {
    setStatusError(null);
    try {
      const dto =
        playbook.status === 'active'
          ? await playbooksApi.deactivate(playbook.id)
          : await playbooksApi.activate(playbook.id);
      // Keep unsaved edits; only the status and published revision come from the server.
      setPlaybook({ ...dto, document: playbook.document });
    } catch (cause) {
      // The server's activation checks (rule 16) can find what the editor cannot: list them too.
      const invalid = cause instanceof ApiError && cause.code === 'PLAYBOOK_INVALID';
      setServerFindings(invalid && Array.isArray(cause.details) ? (cause.details as TFinding[]) : []);
      if (invalid) setProblemsOpen(true);
      setStatusError(invalid ? t('playbooks.activateInvalid') : t('errors.generic'));
    }
  };

  const addCard = (type: TPlaybookNodeType) => {
    const result = addNode(doc, type, newCardPosition(doc));
    change(result.doc);
    setEditFocus(null);
    setEditing(result.nodeId);
  };

  const docFindings = documentFindings(doc, findings);
  const deletingNode = doc.flow.nodes.find((n) => n.id === deleting);

  return (
    <div className="pb-editor">
      <EditorBar
        playbook={playbook}
        name={name}
        onName={(value) => {
          setName(value);
          setDirty(true);
        }}
        errors={errors.length}
        warnings={warnings.length}
        dirty={dirty}
        saving={save.kind === 'saving'}
        problemsId="pb-problems"
        problemsOpen={problemsOpen}
        onProblems={() => setProblemsOpen((open) => !open)}
        onToggleActive={() => void toggleActive()}
        onSave={() => void doSave()}
      />
      {(save.kind === 'conflict' || showInvalid || save.kind === 'error' || statusError) && (
        <div className="pb-editor__alert" role="alert">
          <Icon name="alert" size={16} />
          <span>
            {save.kind === 'conflict'
              ? t('playbooks.conflict')
              : showInvalid
                ? playbook.status === 'active'
                  ? t('playbooks.activeNeedsValid', { count: errors.length })
                  : t('playbooks.invalidSave')
                : save.kind === 'error'
                  ? save.message
                  : statusError}
          </span>
          {save.kind === 'conflict' && (
            <button type="button" className="btn btn--sm" onClick={load}>
              {t('playbooks.reload')}
            </button>
          )}
        </div>
      )}
      <div className="pb-editor__body">
        <div className="pb-editor__main">
          <div className="pb-tabs">
            <div className="pb-tabs__list" role="tablist" aria-label={t('playbooks.editor.sections')}>
              {TABS.map((id) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  id={`pb-tab-${id}`}
                  aria-selected={tab === id}
                  aria-controls={`pb-panel-${id}`}
                  tabIndex={tab === id ? 0 : -1}
                  className={`pb-tab ${tab === id ? 'pb-tab--on' : ''}`}
                  onClick={() => setTab(id)}
                  onKeyDown={(e) => {
                    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                    const next =
                      TABS[
                        (TABS.indexOf(id) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length
                      ] ?? 'flow';
                    setTab(next);
                    document.getElementById(`pb-tab-${next}`)?.focus();
                  }}
                >
                  {t(`playbooks.tabs.${id}`)}
                  {id === 'install' && originsCheck.bad && (
                    <span className="pb-dot" aria-label={t('playbooks.hasProblem')} />
                  )}
                </button>
              ))}
            </div>
            {tab === 'flow' && (
              <div className="pb-tabs__tools">
                <UndoRedo
                  onUndo={history.undo}
                  onRedo={history.redo}
                  canUndo={history.canUndo}
                  canRedo={history.canRedo}
                />
                <Menu
                  label={
                    <>
                      <AdminIcon name="plus" /> {t('playbooks.addCard')}
                    </>
                  }
                  menuLabel={t('playbooks.addCard')}
                  buttonClassName="btn btn--sm"
                  testId="add-card"
                  items={NODE_TYPES.map((type) => ({
                    id: type,
                    label: (
                      <span className="pb-menu-type">
                        <span className={`pb-card__icon pb-card__icon--${type}`}>
                          <AdminIcon name={CARD_ICONS[type]} size={13} />
                        </span>
                        {t(`playbooks.cardTypes.${type}`)}
                      </span>
                    ),
                    onSelect: () => addCard(type),
                  }))}
                />
              </div>
            )}
          </div>
          <div className="pb-panel" role="tabpanel" id={`pb-panel-${tab}`} aria-labelledby={`pb-tab-${tab}`}>
            {tab === 'flow' && (
              <>
                {problemsOpen && (
                  <FindingsPanel
                    id="pb-problems"
                    doc={doc}
                    findings={allFindings}
                    onPick={pickFinding}
                    onClose={() => setProblemsOpen(false)}
                  />
                )}
                {!problemsOpen && docFindings.length > 0 && (
                  <ul className="pb-doc-findings">
                    {docFindings.map((f, i) => (
                      <li key={i} className={`pb-finding pb-finding--${f.severity}`}>
                        <Icon name="alert" size={13} />
                        {t(`playbooks.findings.${f.code}`, { defaultValue: f.message })}
                      </li>
                    ))}
                  </ul>
                )}
                <FlowCanvas
                  doc={doc}
                  findings={findings}
                  onChange={change}
                  actions={cardActions}
                  focus={focus}
                  onLayout={history.replace}
                  onSelect={setSelectedCards}
                />
              </>
            )}
            {tab === 'appearance' && <AppearancePanel doc={doc} onChange={change} />}
            {tab === 'install' && (
              <InstallPanel
                playbook={playbook}
                origins={origins}
                onOrigins={(value) => {
                  setOrigins(value);
                  setDirty(true);
                }}
                originsError={
                  originsCheck.bad ? t('playbooks.install.badOrigin', { origin: originsCheck.bad }) : null
                }
              />
            )}
          </div>
        </div>
        <aside className="pb-editor__preview">
          <WidgetPreview doc={doc} />
        </aside>
      </div>

      {editing && (
        <CardEditorDialog
          doc={doc}
          nodeId={editing}
          focusField={editFocus}
          onClose={() => setEditing(null)}
          onApply={(next) => {
            change(next);
            setEditing(null);
          }}
        />
      )}
      <ConfirmDialog
        open={deletingNode !== undefined}
        title={t('playbooks.deleteCardTitle')}
        confirmLabel={t('playbooks.deleteCardShort')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) change(removeNode(doc, deleting));
        }}
      >
        <p>
          {deletingNode &&
            t('playbooks.deleteCardText', {
              card: cardSummary(deletingNode) || t(`playbooks.cardTypes.${deletingNode.type}`),
            })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
