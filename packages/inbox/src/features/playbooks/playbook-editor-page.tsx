import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  toWebOrigin,
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
import { FlowCanvas } from './flow-canvas';
import { addNode, documentFindings, nextFreePosition, removeNode } from './flow-mapping';
import { InstallPanel } from './install-panel';
import { PlaybookStatusBadge } from './playbook-status-badge';
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

function originsText(list: readonly string[]): string {
  return list.join('\n');
}

function parseOrigins(text: string): { origins: string[]; bad: string | null } {
  const origins: string[] = [];
  for (const line of text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const origin = toWebOrigin(line);
    if (!origin) return { origins, bad: line };
    origins.push(origin);
  }
  return { origins, bad: null };
}

/** The visual playbook editor (R3–R8): flow canvas, card editor, appearance, install, live preview. */
export function PlaybookEditorPage({ playbookId }: { playbookId: string }) {
  const { t } = useTranslation();
  const [playbook, setPlaybook] = useState<TPlaybookDto | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [doc, setDoc] = useState<TPlaybookDocument | null>(null);
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [dirty, setDirty] = useState(false);
  // `?tab=install` opens the Installation tab (the first-run checklist links there).
  const tabParam = useSearchParam('tab');
  const [tab, setTab] = useState<Tab>(() => TABS.find((id) => id === tabParam) ?? 'flow');
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [statusError, setStatusError] = useState<string | null>(null);

  const adopt = useCallback((dto: TPlaybookDto) => {
    setPlaybook(dto);
    setDoc(dto.document);
    setName(dto.name);
    setOrigins(originsText(dto.allowedOrigins));
    setDirty(false);
  }, []);

  const load = useCallback(() => {
    playbooksApi.get(playbookId).then(adopt, () => setLoadError(true));
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

  const change = (next: TPlaybookDocument) => {
    setDoc(next);
    setDirty(true);
    if (save.kind !== 'saving') setSave({ kind: 'idle' });
  };

  const cardActions = useMemo(
    () => ({
      edit: (id: string) => setEditing(id),
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
      adopt(dto);
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
      setStatusError(
        cause instanceof ApiError && cause.code === 'PLAYBOOK_INVALID'
          ? t('playbooks.activateInvalid')
          : t('errors.generic'),
      );
    }
  };

  const addCard = (type: TPlaybookNodeType) => {
    const result = addNode(doc, type, nextFreePosition(doc));
    change(result.doc);
    setEditing(result.nodeId);
  };

  const docFindings = documentFindings(doc, findings);
  const deletingNode = doc.flow.nodes.find((n) => n.id === deleting);

  return (
    <div className="pb-editor">
      <header className="pb-editor__bar">
        <Link to="/playbooks" className="icon-btn" aria-label={t('playbooks.backToList')}>
          <Icon name="chevronLeft" />
        </Link>
        <div className="pb-editor__name">
          <label htmlFor="pb-name" className="sr-only">
            {t('playbooks.new.name')}
          </label>
          <input
            id="pb-name"
            value={name}
            maxLength={80}
            onChange={(e) => {
              setName(e.target.value);
              setDirty(true);
            }}
          />
          <PlaybookStatusBadge status={playbook.status} />
        </div>
        <div className="pb-editor__status" role="status">
          {errors.length > 0 ? (
            <span className="pb-count pb-count--error">
              {t('playbooks.errorsCount', { count: errors.length })}
            </span>
          ) : (
            <span className="pb-count pb-count--ok">{t('playbooks.noErrors')}</span>
          )}
          {warnings.length > 0 && (
            <span className="pb-count pb-count--warning">
              {t('playbooks.warningsCount', { count: warnings.length })}
            </span>
          )}
          <span className="pb-save-state">
            {save.kind === 'saving'
              ? t('playbooks.saving')
              : dirty
                ? t('playbooks.unsaved')
                : save.kind === 'saved'
                  ? t('playbooks.saved')
                  : t('playbooks.revision', { revision: playbook.revision })}
          </span>
        </div>
        <div className="pb-editor__actions">
          <button
            type="button"
            className="btn"
            onClick={() => void toggleActive()}
            disabled={dirty && playbook.status !== 'active'}
            title={dirty && playbook.status !== 'active' ? t('playbooks.saveFirst') : undefined}
          >
            <AdminIcon name={playbook.status === 'active' ? 'pause' : 'play'} />
            {playbook.status === 'active' ? t('playbooks.deactivate') : t('playbooks.activate')}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void doSave()}
            disabled={save.kind === 'saving' || !dirty}
            data-testid="save-playbook"
          >
            {t('playbooks.save')}
          </button>
        </div>
      </header>
      {(save.kind === 'conflict' || save.kind === 'invalid' || save.kind === 'error' || statusError) && (
        <div className="pb-editor__alert" role="alert">
          <Icon name="alert" size={16} />
          <span>
            {save.kind === 'conflict'
              ? t('playbooks.conflict')
              : save.kind === 'invalid'
                ? playbook.status === 'active'
                  ? t('playbooks.activeNeedsValid', { count: save.findings.length || errors.length })
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
                {docFindings.length > 0 && (
                  <ul className="pb-doc-findings">
                    {docFindings.map((f, i) => (
                      <li key={i} className={`pb-finding pb-finding--${f.severity}`}>
                        <Icon name="alert" size={13} />
                        {t(`playbooks.findings.${f.code}`, { defaultValue: f.message })}
                      </li>
                    ))}
                  </ul>
                )}
                <FlowCanvas doc={doc} findings={findings} onChange={change} actions={cardActions} />
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
