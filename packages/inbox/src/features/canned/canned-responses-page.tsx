import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  parseMarkdown,
  toPlainText,
  type TCannedResponseDto,
  type TCannedResponseScope,
} from '@charla/protocol';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../auth/session-context';
import { AdminIcon } from '../playbooks/admin-icons';
import { SettingsLayout } from '../settings/settings-layout';
import { cannedApi } from './canned-api';
import { CannedDialog } from './canned-dialog';
import { cannedMatchesSearch } from './canned-shortcut';
import './canned.css';

const SCOPES: readonly TCannedResponseScope[] = ['personal', 'team'];

/** Settings → Canned responses: one's own and the team's; admins manage the team's. */
export function CannedResponsesPage() {
  const { t } = useTranslation();
  const [responses, setResponses] = useState<TCannedResponseDto[] | null>(null);
  const [scope, setScope] = useState<TCannedResponseScope>('personal');
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<{
    scope: TCannedResponseScope;
    editing: TCannedResponseDto | null;
  } | null>(null);
  const [deleting, setDeleting] = useState<TCannedResponseDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    cannedApi.list().then(setResponses, () => setNotice(t('settings.loadError')));
  }, [t]);
  // Loads at first and after each closing of the editor: its files are saved as they upload,
  // so the list changes even when the editor was cancelled.
  useEffect(() => {
    if (dialog === null) load();
  }, [dialog, load]);

  const shown = useMemo(
    () => (responses ?? []).filter((r) => r.scope === scope && cannedMatchesSearch(r, search)),
    [responses, scope, search],
  );

  const remove = async (response: TCannedResponseDto) => {
    setDeleting(null);
    try {
      await cannedApi.remove(response.id);
      setNotice(t('canned.deleted', { title: response.title }));
      load();
    } catch (cause) {
      setNotice(cause instanceof ApiError ? cause.message : t('errors.generic'));
    }
  };

  return (
    <SettingsLayout section="canned-responses">
      <PageHeader scope={scope} onAdd={() => setDialog({ scope, editing: null })} />
      <div className="canned-toolbar">
        <ScopeTabs scope={scope} onChange={setScope} responses={responses ?? []} />
        <label className="canned-search">
          <span className="sr-only">{t('canned.search')}</span>
          <input
            type="search"
            value={search}
            placeholder={t('canned.search')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
      </div>
      <p className="settings__notice" role="status">
        {notice}
      </p>
      <CannedPanel
        scope={scope}
        responses={responses === null ? null : shown}
        filtered={search !== ''}
        onEdit={(response) => setDialog({ scope: response.scope, editing: response })}
        onDelete={setDeleting}
      />
      <CannedDialog
        key={dialog ? (dialog.editing?.id ?? `new-${dialog.scope}`) : 'closed'}
        state={dialog}
        onClose={() => setDialog(null)}
        onSaved={(saved) => {
          setDialog(null);
          setNotice(t('canned.saved', { title: saved.title }));
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('canned.deleteTitle', { title: deleting?.title ?? '' })}
        confirmLabel={t('canned.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) void remove(deleting);
        }}
      >
        <p>{t(deleting?.scope === 'team' ? 'canned.deleteTeamText' : 'canned.deleteText')}</p>
      </ConfirmDialog>
    </SettingsLayout>
  );
}

function ScopeTabs(props: {
  scope: TCannedResponseScope;
  onChange: (scope: TCannedResponseScope) => void;
  responses: TCannedResponseDto[];
}) {
  const { t } = useTranslation();
  return (
    <div className="canned-tabs" role="tablist" aria-label={t('canned.scopes')}>
      {SCOPES.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`canned-tab-${id}`}
          aria-selected={props.scope === id}
          aria-controls="canned-panel"
          tabIndex={props.scope === id ? 0 : -1}
          className={`canned-tab${props.scope === id ? ' canned-tab--on' : ''}`}
          onClick={() => props.onChange(id)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
            const next = id === 'personal' ? 'team' : 'personal';
            props.onChange(next);
            document.getElementById(`canned-tab-${next}`)?.focus();
          }}
        >
          {t(`canned.tab.${id}`)}
          <span className="canned-tab__count">{props.responses.filter((r) => r.scope === id).length}</span>
        </button>
      ))}
    </div>
  );
}

function CannedRow(props: { response: TCannedResponseDto; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const { response } = props;
  return (
    <li className="canned-row" data-testid="canned-row">
      <div className="canned-row__main">
        <div className="canned-row__head">
          <span className="canned-row__title">{response.title}</span>
          <code className="canned-option__shortcut">/{response.shortcut}</code>
        </div>
        <p className="canned-row__preview">{toPlainText(parseMarkdown(response.body))}</p>
        <p className="canned-row__meta">
          {response.usageCount === 0 ? t('canned.unused') : t('canned.used', { count: response.usageCount })}
          {response.files.length > 0 && ' · '}
          {response.files.length > 0 && (
            <span className="canned-row__files">
              <AdminIcon name="paperclip" size={13} aria-hidden="true" />
              {t('canned.files.count', { count: response.files.length })}
            </span>
          )}
        </p>
      </div>
      {response.canEdit && (
        <div className="canned-row__actions">
          <button
            type="button"
            className="icon-btn"
            aria-label={t('canned.editNamed', { title: response.title })}
            title={t('canned.edit')}
            onClick={props.onEdit}
          >
            <AdminIcon name="pencil" />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('canned.deleteNamed', { title: response.title })}
            title={t('canned.delete')}
            onClick={props.onDelete}
          >
            <AdminIcon name="trash" />
          </button>
        </div>
      )}
    </li>
  );
}

function CannedPanel(props: {
  scope: TCannedResponseScope;
  /** null while loading. */
  responses: TCannedResponseDto[] | null;
  filtered: boolean;
  onEdit: (response: TCannedResponseDto) => void;
  onDelete: (response: TCannedResponseDto) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope, responses } = props;
  return (
    <div role="tabpanel" id="canned-panel" aria-labelledby={`canned-tab-${scope}`}>
      {scope === 'team' && me.role !== 'admin' && <p className="field__hint">{t('canned.teamReadOnly')}</p>}
      {responses === null ? (
        <Spinner label={t('common.loading')} />
      ) : responses.length === 0 ? (
        <div className="card">
          <EmptyState icon="message" title={t(props.filtered ? 'canned.noMatch' : `canned.empty.${scope}`)}>
            {t('canned.emptyText')}
          </EmptyState>
        </div>
      ) : (
        <ul className="canned-list" data-testid="canned-list">
          {responses.map((response) => (
            <CannedRow
              key={response.id}
              response={response}
              onEdit={() => props.onEdit(response)}
              onDelete={() => props.onDelete(response)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function PageHeader({ scope, onAdd }: { scope: TCannedResponseScope; onAdd: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <header className="page__header page__header--row">
      <div>
        <h2 className="settings__h">{t('settings.sections.canned-responses')}</h2>
        <p>{t('canned.intro')}</p>
      </div>
      {(scope === 'personal' || me.role === 'admin') && (
        <button type="button" className="btn btn--primary" onClick={onAdd} data-testid="canned-add">
          <AdminIcon name="plus" />
          {t(`canned.new.${scope}`)}
        </button>
      )}
    </header>
  );
}
