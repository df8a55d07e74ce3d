import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBusinessHours, TBusinessHoursStatusDto, TLanguage } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { SettingsLayout } from '../settings/settings-layout';
import { useHoursScope } from './hours-scope';
import { ScopePicker } from './scope-picker';
import { HolidaysList } from './holidays-list';
import { WeekGrid } from './week-grid';
import './availability.css';
import { CheckField } from '../../components/check-field';

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Madrid', 'America/New_York'];
}

/** Settings → Business hours (issue 19): the weekly grid, closed dates and an "open now?" preview. */
export function BusinessHoursPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error' | 'invalid'>('idle');
  const zones = useMemo(timeZones, []);
  const language: TLanguage = i18n.language.startsWith('es') ? 'es' : 'en';
  const hours = useHoursScope(language);
  const { form, setForm, status } = hours;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setState('saving');
    try {
      await hours.save(form);
      setState('saved');
    } catch {
      setState('invalid');
    }
  };

  return (
    <SettingsLayout section="business-hours">
      <header className="page__header">
        <h2 className="settings__h">{t('availability.title')}</h2>
        <p>{t('availability.intro', { back_at: '{{back_at}}', interpolation: { escapeValue: false } })}</p>
      </header>
      <ScopePicker
        scope={hours.scope}
        follows={hours.follows}
        onChange={(scope) => {
          setState('idle');
          hours.setScope(scope);
        }}
        onDropOwn={() => void hours.dropOwn()}
      />
      {status && <OpenNow status={status} />}
      {!form ? (
        hours.failed ? (
          <p className="form__error" role="alert">
            {t('settings.loadError')}
          </p>
        ) : (
          <Spinner label={t('common.loading')} />
        )
      ) : (
        <HoursForm form={form} zones={zones} state={state} onChange={setForm} onSubmit={submit} />
      )}
    </SettingsLayout>
  );
}

/** The schedule form: on/off, time zone, weekly grid and closed dates. */
function HoursForm({
  form,
  zones,
  state,
  onChange: setForm,
  onSubmit: submit,
}: {
  form: TBusinessHours;
  zones: string[];
  state: string;
  onChange: (form: TBusinessHours) => void;
  onSubmit: (event: FormEvent) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <form className="card form settings-form hours-form" onSubmit={(e) => void submit(e)}>
      <CheckField checked={form.enabled} onChange={(enabled) => setForm({ ...form, enabled })}>
        {t('availability.enabled')}
      </CheckField>
      {!form.enabled && <p className="field__hint">{t('availability.disabledNote')}</p>}
      <div className="field">
        <label htmlFor="hours-tz">{t('availability.timeZone')}</label>
        <select
          id="hours-tz"
          value={form.timeZone}
          onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
        >
          {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </div>
      <h3 className="hours-form__h">{t('availability.weekly')}</h3>
      <WeekGrid week={form.week} onChange={(week) => setForm({ ...form, week })} />
      <h3 className="hours-form__h">{t('availability.holidays')}</h3>
      <HolidaysList dates={form.closedDates} onChange={(closedDates) => setForm({ ...form, closedDates })} />
      <div className="card__actions settings-form__actions">
        <button type="submit" className="btn btn--primary" disabled={state === 'saving'}>
          {t('availability.save')}
        </button>
        <span role="status" className={state === 'invalid' ? 'field__error' : 'field__hint'}>
          {state === 'saved' ? t('availability.saved') : state === 'invalid' ? t('availability.invalid') : ''}
        </span>
      </div>
    </form>
  );
}

/** "Open now?": the saved schedule's answer and its next change, in the viewer's time zone. */
function OpenNow({ status }: { status: TBusinessHoursStatusDto }) {
  const { t, i18n } = useTranslation();
  const when = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(
      at,
    );
  const next = status.nextChangeAt;
  return (
    <section
      className="card hours-preview"
      aria-label={t('availability.preview')}
      data-testid="hours-preview"
    >
      <h3 className="hours-form__h">{t('availability.preview')}</h3>
      <p className={`hours-preview__state hours-preview__state--${status.open ? 'open' : 'closed'}`}>
        {status.open ? t('availability.openNow') : t('availability.closedNow')}
      </p>
      <p className="field__hint">
        {next === null
          ? status.open
            ? ''
            : t('availability.never')
          : status.open
            ? t('availability.closesAt', { when: when(next) })
            : t('availability.backAt', { when: status.backAt })}
      </p>
    </section>
  );
}
