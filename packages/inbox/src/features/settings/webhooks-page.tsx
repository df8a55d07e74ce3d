import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TCreatedWebhookDto,
  TWebhookDeliveryDto,
  TWebhookDto,
  TWebhookSettingsDto,
} from '@charla/protocol';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { formatTimestamp } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { AdminIcon } from '../playbooks/admin-icons';
import { CopyButton } from '../playbooks/copy-button';
import { AddWebhookDialog } from './add-webhook-dialog';
import { settingsApi } from './settings-api';
import { SettingsLayout } from './settings-layout';

/** The endpoints and the settings, loaded once; a notice line for what went wrong. */
function useWebhooks() {
  const { t } = useTranslation();
  const [hooks, setHooks] = useState<TWebhookDto[] | null>(null);
  const [settings, setSettings] = useState<TWebhookSettingsDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    settingsApi.webhooks().then(setHooks, () => setNotice(t('settings.loadError')));
    settingsApi.webhookSettings().then(setSettings, () => {});
  }, [t]);
  useEffect(load, [load]);

  const toggle = async (hook: TWebhookDto) => {
    try {
      const saved = await settingsApi.updateWebhook(hook.id, { active: !hook.active });
      setHooks((list) => list?.map((h) => (h.id === saved.id ? saved : h)) ?? null);
    } catch {
      setNotice(t('errors.generic'));
    }
  };
  return { hooks, setHooks, settings, setSettings, notice, setNotice, toggle };
}

/** Signed webhooks (R27): endpoints, their events, a test ping and the delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { hooks, setHooks, settings, setSettings, notice, setNotice, toggle } = useWebhooks();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<TCreatedWebhookDto | null>(null);
  const [deleting, setDeleting] = useState<TWebhookDto | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  return (
    <SettingsLayout section="webhooks">
      <header className="page__header page__header--row">
        <div>
          <h2 className="settings__h">{t('settings.sections.webhooks')}</h2>
          <p>{t('settings.webhooks.intro')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setAdding(true)}>
          <AdminIcon name="plus" />
          {t('settings.webhooks.add')}
        </button>
      </header>
      <p className="settings__notice" role="status">
        {notice}
      </p>
      <WebhookList
        hooks={hooks}
        openId={open}
        onOpen={setOpen}
        onToggle={(hook) => void toggle(hook)}
        onTest={(hook) =>
          void settingsApi.testWebhook(hook.id).then(
            () => {
              setNotice(t('settings.webhooks.tested'));
              setOpen(hook.id);
            },
            () => setNotice(t('errors.generic')),
          )
        }
        onDelete={setDeleting}
      />
      {settings && (
        <PrivateTargetsSetting
          settings={settings}
          onSaved={setSettings}
          onFailed={() => setNotice(t('errors.generic'))}
        />
      )}
      <AddWebhookDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(hook) => {
          setAdding(false);
          setCreated(hook);
          setHooks((list) => [...(list ?? []), hook]);
        }}
      />
      <WebhookSecretDialog hook={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t('settings.webhooks.deleteTitle')}
        confirmLabel={t('settings.webhooks.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const target = deleting;
          if (target)
            void settingsApi.deleteWebhook(target.id).then(
              () => setHooks((list) => list?.filter((h) => h.id !== target.id) ?? null),
              () => setNotice(t('errors.generic')),
            );
        }}
      >
        <p>{t('settings.webhooks.deleteText', { url: deleting?.url ?? '' })}</p>
      </ConfirmDialog>
    </SettingsLayout>
  );
}

function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [items, setItems] = useState<TWebhookDeliveryDto[] | null>(null);
  useEffect(() => {
    settingsApi.deliveries(webhookId).then(
      (page) => setItems(page.items),
      () => setItems([]),
    );
  }, [webhookId]);
  if (items === null) return <Spinner label={t('common.loading')} />;
  if (items.length === 0) return <p className="field__hint">{t('settings.webhooks.noDeliveries')}</p>;
  return (
    <div className="crm-table-wrap settings-log">
      <table className="crm-table">
        <caption className="sr-only">{t('settings.webhooks.log')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.webhooks.event')}</th>
            <th scope="col">{t('settings.webhooks.status')}</th>
            <th scope="col">{t('settings.webhooks.attempts')}</th>
            <th scope="col">{t('settings.webhooks.response')}</th>
            <th scope="col">{t('settings.webhooks.when')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td>
                <code>{d.event}</code>
              </td>
              <td>
                <span
                  className={`crm-status crm-status--${d.status === 'delivered' ? 'won' : d.status === 'failed' ? 'lost' : 'open'}`}
                >
                  {t(`settings.webhooks.statuses.${d.status}`)}
                </span>
              </td>
              <td>{d.attempts}</td>
              <td title={d.lastError ?? undefined}>
                {d.lastStatusCode ?? (d.lastError ? t('settings.webhooks.noResponse') : '—')}
              </td>
              <td>{formatTimestamp(d.lastAttemptAt ?? d.createdAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type WebhookCardProps = {
  hook: TWebhookDto;
  logOpen: boolean;
  onToggleLog: () => void;
  onToggleActive: () => void;
  onTest: () => void;
  onDelete: () => void;
};

/** One endpoint: URL, events, the active switch, and its log / test / delete actions. */
function WebhookCard({ hook, logOpen, onToggleLog, onToggleActive, onTest, onDelete }: WebhookCardProps) {
  const { t } = useTranslation();
  return (
    <li className="card settings-hook">
      <div className="settings-hook__head">
        <div className="settings-hook__main">
          <code className="settings-hook__url">{hook.url}</code>
          {hook.description && <span className="field__hint">{hook.description}</span>}
          <span className="field__hint">
            {t('settings.webhooks.events', { count: hook.events.length })} ·{' '}
            {t('settings.webhooks.secretHint', { hint: hook.secretHint })}
          </span>
        </div>
        <label className="pb-check">
          <input
            type="checkbox"
            role="switch"
            className="check"
            checked={hook.active}
            onChange={onToggleActive}
          />
          {hook.active ? t('settings.webhooks.active') : t('settings.webhooks.paused')}
        </label>
      </div>
      <div className="card__actions">
        <button type="button" className="btn btn--sm" aria-expanded={logOpen} onClick={onToggleLog}>
          {t('settings.webhooks.log')}
        </button>
        <button type="button" className="btn btn--sm" onClick={onTest}>
          {t('settings.webhooks.test')}
        </button>
        <button type="button" className="btn btn--sm btn--ghost settings-danger" onClick={onDelete}>
          <AdminIcon name="trash" size={14} />
          {t('settings.webhooks.delete')}
        </button>
      </div>
      {logOpen && <DeliveryLog webhookId={hook.id} />}
    </li>
  );
}

/** Whether webhooks may target private network addresses (off by default). */
function PrivateTargetsSetting({
  settings,
  onSaved,
  onFailed,
}: {
  settings: TWebhookSettingsDto;
  onSaved: (settings: TWebhookSettingsDto) => void;
  onFailed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <label className="pb-check">
        <input
          type="checkbox"
          className="check"
          checked={settings.allowPrivateWebhookTargets}
          onChange={(e) =>
            void settingsApi
              .saveWebhookSettings({ allowPrivateWebhookTargets: e.target.checked })
              .then(onSaved, onFailed)
          }
        />
        {t('settings.webhooks.allowPrivate')}
      </label>
      <p className="field__hint settings-indent">{t('settings.webhooks.allowPrivateHint')}</p>
    </section>
  );
}

/** The new endpoint's signing secret, shown once. */
function WebhookSecretDialog({ hook, onClose }: { hook: TCreatedWebhookDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={hook !== null}
      title={t('settings.webhooks.secretTitle')}
      onClose={() => onClose()}
      footer={
        <button type="button" className="btn btn--primary" onClick={() => onClose()}>
          {t('settings.webhooks.secretDone')}
        </button>
      }
    >
      <p>{t('settings.webhooks.secretText')}</p>
      <pre className="pb-snippet">
        <code>{hook?.secret}</code>
      </pre>
      {hook && <CopyButton text={hook.secret} label={t('settings.webhooks.copySecret')} />}
    </Dialog>
  );
}

type WebhookListProps = {
  hooks: TWebhookDto[] | null;
  openId: string | null;
  onOpen: (id: string | null) => void;
  onToggle: (hook: TWebhookDto) => void;
  onTest: (hook: TWebhookDto) => void;
  onDelete: (hook: TWebhookDto) => void;
};

/** The endpoints as cards, or loading / empty. */
function WebhookList({ hooks, openId, onOpen, onToggle, onTest, onDelete }: WebhookListProps) {
  const { t } = useTranslation();
  return hooks === null ? (
    <Spinner label={t('common.loading')} />
  ) : hooks.length === 0 ? (
    <div className="card">
      <EmptyState icon="external" title={t('settings.webhooks.emptyTitle')}>
        {t('settings.webhooks.emptyText')}
      </EmptyState>
    </div>
  ) : (
    <ul className="settings-hooks">
      {hooks.map((hook) => (
        <WebhookCard
          key={hook.id}
          hook={hook}
          logOpen={openId === hook.id}
          onToggleLog={() => onOpen(openId === hook.id ? null : hook.id)}
          onToggleActive={() => onToggle(hook)}
          onTest={() => onTest(hook)}
          onDelete={() => onDelete(hook)}
        />
      ))}
    </ul>
  );
}
