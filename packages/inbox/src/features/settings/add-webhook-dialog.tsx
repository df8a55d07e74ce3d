import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { webhookEventNames, type TCreatedWebhookDto, type TWebhookEventName } from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { fieldErrorsOf } from '../../lib/api-client';
import { settingsApi } from './settings-api';

/** URL, description and events of a new webhook endpoint. */
export function AddWebhookDialog({
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
      <EventsFieldset events={events} onChange={setEvents} />
    </FormDialog>
  );
}

/** `conversation.live_chat_requested` may wrap after its dot (a <wbr>) to fit its column. */
function EventName({ name }: { name: string }) {
  const dot = name.indexOf('.');
  return (
    <code>
      {name.slice(0, dot + 1)}
      <wbr />
      {name.slice(dot + 1)}
    </code>
  );
}

function EventsFieldset({
  events,
  onChange,
}: {
  events: TWebhookEventName[];
  onChange: (events: TWebhookEventName[]) => void;
}) {
  const { t } = useTranslation();
  return (
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
                onChange(e.target.checked ? [...events, name] : events.filter((x) => x !== name))
              }
            />
            <EventName name={name} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
