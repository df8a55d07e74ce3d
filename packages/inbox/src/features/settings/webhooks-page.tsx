import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  webhookEventNames,
  type TCreatedWebhookDto,
  type TWebhookDeliveryDto,
  type TWebhookDto,
  type TWebhookEventName,
  type TWebhookSettingsDto,
} from '@charla/protocol';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { FormDialog } from '../../components/form-dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { fieldErrorsOf } from '../../lib/api-client';
import { formatTimestamp } from '../../lib/format-time';
import { currentLanguage } from '../../lib/i18n';
import { AdminIcon } from '../playbooks/admin-icons';
import { CopyButton } from '../playbooks/copy-button';
import { settingsApi } from './settings-api';
import { SettingsLayout } from './settings-layout';

/** Signed webhooks (R27): endpoints, their events, a test ping and the delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const [hooks, setHooks] = useState<TWebhookDto[] | null>(null);
  const [settings, setSettings] = useState<TWebhookSettingsDto | null>(null);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<TCreatedWebhookDto | null>(null);
  const [deleting, setDeleting] = useState<TWebhookDto | null>(null);
  const [open, setOpen] = useState<string | null>(null);
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
      {hooks === null ? (
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
            <li key={hook.id} className="card settings-hook">
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
                    onChange={() => void toggle(hook)}
                  />
                  {hook.active ? t('settings.webhooks.active') : t('settings.webhooks.paused')}
                </label>
              </div>
              <div className="card__actions">
                <button
                  type="button"
                  className="btn btn--sm"
                  aria-expanded={open === hook.id}
                  onClick={() => setOpen(open === hook.id ? null : hook.id)}
                >
                  {t('settings.webhooks.log')}
                </button>
                <button
                  type="button"
                  className="btn btn--sm"
                  onClick={() =>
                    void settingsApi.testWebhook(hook.id).then(
                      () => {
                        setNotice(t('settings.webhooks.tested'));
                        setOpen(hook.id);
                      },
                      () => setNotice(t('errors.generic')),
                    )
                  }
                >
                  {t('settings.webhooks.test')}
                </button>
                <button
                  type="button"
                  className="btn btn--sm btn--ghost settings-danger"
                  onClick={() => setDeleting(hook)}
                >
                  <AdminIcon name="trash" size={14} />
                  {t('settings.webhooks.delete')}
                </button>
              </div>
              {open === hook.id && <DeliveryLog webhookId={hook.id} />}
            </li>
          ))}
        </ul>
      )}
      {settings && (
        <section className="card">
          <label className="pb-check">
            <input
              type="checkbox"
              className="check"
              checked={settings.allowPrivateWebhookTargets}
              onChange={(e) =>
                void settingsApi
                  .saveWebhookSettings({ allowPrivateWebhookTargets: e.target.checked })
                  .then(setSettings, () => setNotice(t('errors.generic')))
              }
            />
            {t('settings.webhooks.allowPrivate')}
          </label>
          <p className="field__hint settings-indent">{t('settings.webhooks.allowPrivateHint')}</p>
        </section>
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
      <Dialog
        open={created !== null}
        title={t('settings.webhooks.secretTitle')}
        onClose={() => setCreated(null)}
        footer={
          <button type="button" className="btn btn--primary" onClick={() => setCreated(null)}>
            {t('settings.webhooks.secretDone')}
          </button>
        }
      >
        <p>{t('settings.webhooks.secretText')}</p>
        <pre className="pb-snippet">
          <code>{created?.secret}</code>
        </pre>
        {created && <CopyButton text={created.secret} label={t('settings.webhooks.copySecret')} />}
      </Dialog>
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

function AddWebhookDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (hook: TCreatedWebhookDto) => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<TWebhookEventName[]>([...webhookEventNames]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setUrl('');
      setDescription('');
      setEvents([...webhookEventNames]);
      setError(null);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onCreated(
        await settingsApi.createWebhook({
          url: url.trim(),
          events,
          description: description.trim() || undefined,
        }),
      );
    } catch (cause) {
      const fields = fieldErrorsOf(cause);
      setError(
        fields.url ??
          Object.values(fields)[0] ??
          (cause instanceof Error ? cause.message : t('errors.generic')),
      );
    }
  };

  return (
    <FormDialog
      open={open}
      size="md"
      title={t('settings.webhooks.add')}
      onClose={onClose}
      formId="add-webhook"
      submitLabel={t('settings.webhooks.create')}
      canSubmit={!(!url.trim() || events.length === 0)}
      error={error}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor="hook-url">{t('settings.webhooks.url')}</label>
        <input
          id="hook-url"
          type="url"
          required
          placeholder="https://example.com/charla-webhook"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="hook-description">{t('settings.webhooks.description')}</label>
        <input
          id="hook-description"
          maxLength={500}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <fieldset className="pb-fieldset">
        <legend>{t('settings.webhooks.eventsLegend')}</legend>
        <div className="settings-events">
          {webhookEventNames.map((name) => (
            <label key={name} className="pb-check">
              <input
                type="checkbox"
                className="check"
                checked={events.includes(name)}
                onChange={(e) =>
                  setEvents(e.target.checked ? [...events, name] : events.filter((x) => x !== name))
                }
              />
              <code>{name}</code>
            </label>
          ))}
        </div>
      </fieldset>
    </FormDialog>
  );
}
