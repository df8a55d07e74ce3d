import { useTranslation } from 'react-i18next';
import type { TConversationDto } from '@charla/protocol';
import { LabelChips } from './label-chips';
import { LabelPicker } from './label-picker';
import './labels.css';

/** The side panel's labels: the chips and the picker (closed chats too: a label is no message, R20). */
export function PanelLabels({ conversation }: { conversation: Pick<TConversationDto, 'id' | 'labels'> }) {
  const { t } = useTranslation();
  return (
    <section className="panel-labels" aria-labelledby="panel-labels-title" data-testid="panel-labels">
      <h3 id="panel-labels-title">{t('labels.panel.title')}</h3>
      <div className="panel-labels__row">
        {conversation.labels.length > 0 ? (
          <LabelChips labels={conversation.labels} />
        ) : (
          <span className="field__hint">{t('labels.panel.empty')}</span>
        )}
        <LabelPicker conversation={conversation} />
      </div>
    </section>
  );
}
