import { useTranslation } from 'react-i18next';
import { WAIT_CARD_SECONDS, type TWaitNode } from '@charla/protocol';
import { FieldError, useFieldInvalid } from './field-findings';

/** The wait card (issue 18): how long the bot pauses before the next card. */
export function WaitFields({
  node,
  onChange,
}: {
  node: TWaitNode;
  onChange: (patch: Partial<TWaitNode>) => void;
}) {
  const { t } = useTranslation();
  const invalid = useFieldInvalid('wait-seconds');
  return (
    <div className="field">
      <label htmlFor="wait-seconds">{t('playbooks.wait.seconds')}</label>
      <input
        id="wait-seconds"
        type="number"
        min={WAIT_CARD_SECONDS.min}
        max={WAIT_CARD_SECONDS.max}
        step={1}
        value={node.seconds}
        aria-describedby="wait-seconds-hint"
        onChange={(e) => onChange({ seconds: Math.round(Number(e.target.value)) })}
        {...invalid}
      />
      <FieldError field="wait-seconds" />
      <span id="wait-seconds-hint" className="field__hint">
        {t('playbooks.wait.hint')}
      </span>
    </div>
  );
}
