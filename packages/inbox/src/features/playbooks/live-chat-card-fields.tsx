import { useTranslation } from 'react-i18next';
import { LIVE_CHAT_WAIT_SECONDS, type TLiveChatNode } from '@charla/protocol';
import { LiveChatRoutingFields } from '../availability/routing-fields';
import { RichField } from './card-field-parts';
import { FieldError, useFieldInvalid } from './field-findings';

/** The live chat card: what the bot says online and offline, how long the visitor waits, routing. */
export function LiveChatFields({
  node,
  onChange,
}: {
  node: TLiveChatNode;
  onChange: (patch: Partial<TLiveChatNode>) => void;
}) {
  const { t } = useTranslation();
  const invalid = useFieldInvalid('lc-wait');
  return (
    <>
      <RichField
        cardId={node.id}
        field="online"
        label={t('playbooks.editor.onlineMessage')}
        value={node.onlineMessage}
        onChange={(onlineMessage) => onChange({ onlineMessage })}
        hint={t('playbooks.editor.onlineHint')}
      />
      <div className="field">
        <label htmlFor="lc-wait">{t('playbooks.editor.waitSeconds')}</label>
        <input
          id="lc-wait"
          type="number"
          min={LIVE_CHAT_WAIT_SECONDS.min}
          max={LIVE_CHAT_WAIT_SECONDS.max}
          step={5}
          value={node.waitSeconds}
          onChange={(e) => onChange({ waitSeconds: Math.round(Number(e.target.value)) })}
          aria-describedby="lc-wait-hint"
          {...invalid}
        />
        <FieldError field="lc-wait" />
        <span id="lc-wait-hint" className="field__hint">
          {t('playbooks.editor.waitHint', LIVE_CHAT_WAIT_SECONDS)}
        </span>
      </div>
      <RichField
        cardId={node.id}
        field="offline"
        label={t('playbooks.editor.offlineMessage')}
        value={node.offlineMessage}
        onChange={(offlineMessage) => onChange({ offlineMessage })}
        hint={t('playbooks.editor.offlineHint')}
      />
      <LiveChatRoutingFields routing={node.routing} onChange={(routing) => onChange({ routing })} />
    </>
  );
}
