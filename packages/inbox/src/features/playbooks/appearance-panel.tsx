import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import {
  planLanguageSwitch,
  richTextFromPlain,
  toPlainText,
  type TLanguage,
  type TPlaybookAppearance,
  type TPlaybookDocument,
} from '@charla/protocol';
import { CheckField } from '../../components/check-field';
import { ColorsSection } from './appearance-colors';
import { BehaviourFields, IdentityFields } from './appearance-fields';
import { LanguageSwitchDialog } from './language-switch-dialog';

type Greeting = TPlaybookDocument['targeting']['greeting'];

/** The proactive greeting: whether the widget opens by itself, after how long, saying what. */
function GreetingSection({
  greeting,
  onChange,
}: {
  greeting: Greeting;
  onChange: (patch: Partial<Greeting>) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="pb-section">
      <h2 className="pb-section__title">{t('playbooks.appearance.greeting')}</h2>
      <CheckField checked={greeting.proactive} onChange={(proactive) => onChange({ proactive })}>
        {t('playbooks.appearance.proactive')}
      </CheckField>
      <div className="pb-grid-2">
        <div className="field">
          <label htmlFor="ap-delay">{t('playbooks.appearance.delay')}</label>
          <input
            id="ap-delay"
            type="number"
            min={0}
            max={120}
            value={greeting.delaySeconds}
            disabled={!greeting.proactive}
            onChange={(e) =>
              onChange({ delaySeconds: Math.max(0, Math.min(120, Math.round(Number(e.target.value)) || 0)) })
            }
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="ap-greeting">{t('playbooks.appearance.greetingText')}</label>
        <textarea
          id="ap-greeting"
          className="textarea"
          rows={2}
          maxLength={300}
          disabled={!greeting.proactive}
          value={greeting.text ? toPlainText(greeting.text) : ''}
          onChange={(e) =>
            onChange({ text: e.target.value.trim() === '' ? undefined : richTextFromPlain(e.target.value) })
          }
        />
      </div>
    </section>
  );
}

/** Bot name, avatar, colours (with an AA contrast check), position, language and greeting (R4). */
export function AppearancePanel({
  doc,
  onChange,
}: {
  doc: TPlaybookDocument;
  onChange: (next: TPlaybookDocument) => void;
}) {
  const { t } = useTranslation();
  const appearance = doc.appearance;
  const greeting = doc.targeting.greeting;
  const setAppearance = (patch: Partial<TPlaybookAppearance>) =>
    onChange({ ...doc, appearance: { ...appearance, ...patch } });
  const setGreeting = (patch: Partial<Greeting>) =>
    onChange({ ...doc, targeting: { ...doc.targeting, greeting: { ...greeting, ...patch } } });
  const [switching, setSwitching] = useState<TLanguage | null>(null);
  const plan = switching ? planLanguageSwitch(doc, switching) : null;
  // A new language asks first when texts would translate or stay behind in the old one.
  const setLanguage = (language: TLanguage) => {
    const next = planLanguageSwitch(doc, language);
    if (next.translatedCount === 0 && next.kept.length === 0) onChange(next.translated);
    else setSwitching(language);
  };
  return (
    <div className="pb-side-form">
      <section className="pb-section">
        <h2 className="pb-section__title">{t('playbooks.appearance.identity')}</h2>
        <IdentityFields appearance={appearance} onChange={setAppearance} onLanguage={setLanguage} />
        <BehaviourFields appearance={appearance} onChange={setAppearance} />
      </section>
      <ColorsSection appearance={appearance} onChange={setAppearance} />
      <GreetingSection greeting={greeting} onChange={setGreeting} />
      {switching && plan && (
        <LanguageSwitchDialog
          from={appearance.language}
          to={switching}
          plan={plan}
          onTranslate={() => {
            onChange(plan.translated);
            setSwitching(null);
          }}
          onSwitchOnly={() => {
            setAppearance({ language: switching });
            setSwitching(null);
          }}
          onCancel={() => setSwitching(null)}
        />
      )}
    </div>
  );
}
