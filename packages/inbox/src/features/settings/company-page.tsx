import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCompanySettingsDto, TLanguage } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { fieldErrorsOf } from '../../lib/api-client';
import { useMe } from '../auth/session-context';
import { settingsApi } from './settings-api';
import { SettingsLayout } from './settings-layout';
import { LanguageOptions } from '../../components/language-options';

function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return (
    intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Madrid', 'Europe/London', 'America/New_York']
  );
}

/** Company name, time zone and default language; read-only for regular users. */
export function CompanyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.role === 'admin';
  const [form, setForm] = useState<TCompanySettingsDto | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const zones = useMemo(timeZones, []);

  useEffect(() => {
    settingsApi.company().then(setForm, () => setState('error'));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setState('saving');
    setErrors({});
    try {
      setForm(await settingsApi.saveCompany(form));
      setState('saved');
    } catch (cause) {
      setErrors(fieldErrorsOf(cause));
      setState('error');
    }
  };

  return (
    <SettingsLayout section="company">
      <header className="page__header">
        <h2 className="settings__h">{t('settings.sections.company')}</h2>
        <p>{isAdmin ? t('settings.company.intro') : t('settings.company.readOnly')}</p>
      </header>
      {!form ? (
        state === 'error' ? (
          <p className="form__error" role="alert">
            {t('settings.loadError')}
          </p>
        ) : (
          <Spinner label={t('common.loading')} />
        )
      ) : (
        <form className="card form settings-form" onSubmit={(e) => void submit(e)}>
          <fieldset disabled={!isAdmin} className="settings-fieldset">
            <div className="field">
              <label htmlFor="company-name">{t('settings.company.name')}</label>
              <input
                id="company-name"
                value={form.name}
                maxLength={120}
                required
                aria-invalid={errors.name !== undefined}
                aria-describedby={errors.name ? 'company-name-error' : undefined}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
              />
              {errors.name && (
                <span id="company-name-error" className="field__error">
                  {errors.name}
                </span>
              )}
            </div>
            <ZoneAndLanguageFields form={form} zones={zones} onChange={setForm} />
          </fieldset>
          {isAdmin && (
            <div className="card__actions settings-form__actions">
              <button type="submit" className="btn btn--primary" disabled={state === 'saving'}>
                {t('settings.save')}
              </button>
              <span role="status" className={state === 'error' ? 'field__error' : 'field__hint'}>
                {state === 'saved'
                  ? t('settings.saved')
                  : state === 'error'
                    ? t(Object.keys(errors).length > 0 ? 'errors.checkFields' : 'errors.generic')
                    : ''}
              </span>
            </div>
          )}
        </form>
      )}
    </SettingsLayout>
  );
}

/** The company's time zone and default language selects. */
function ZoneAndLanguageFields({
  form,
  zones,
  onChange,
}: {
  form: TCompanySettingsDto;
  zones: string[];
  onChange: (form: TCompanySettingsDto) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor="company-tz">{t('settings.company.timeZone')}</label>
        <select
          id="company-tz"
          value={form.timeZone}
          onChange={(e) => onChange({ ...form, timeZone: e.target.value })}
        >
          {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <span className="field__hint">{t('settings.company.timeZoneHint')}</span>
      </div>
      <div className="field">
        <label htmlFor="company-lang">{t('settings.company.language')}</label>
        <select
          id="company-lang"
          value={form.defaultLanguage}
          onChange={(e) => onChange({ ...form, defaultLanguage: e.target.value as TLanguage })}
        >
          <LanguageOptions />
        </select>
        <span className="field__hint">{t('settings.company.languageHint')}</span>
      </div>
    </>
  );
}
