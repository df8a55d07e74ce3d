import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelPalette, MAX_LABELS_PER_CONVERSATION, type TConversationDto } from '@charla/protocol';
import { Menu } from '../../components/menu';
import { ApiError } from '../../lib/api-client';
import { Icon } from '../../lib/icons';
import { useMe } from '../auth/session-context';
import { labelsApi } from './labels-api';
import { refreshLabels, useLabels } from './use-labels';

/**
 * The label picker (issue 16 item 3): a menu button listing every label as a checkbox item
 * (arrows, Home/End, Enter; Escape closes). Toggling one saves at once; other inboxes see it
 * live through the conversation update the server sends.
 */
export function LabelPicker({
  conversation,
  compact = false,
}: {
  conversation: Pick<TConversationDto, 'id' | 'labels'>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const [error, setError] = useState<string | null>(null);
  const carried = new Set(conversation.labels.map((l) => l.id));
  const full = carried.size >= MAX_LABELS_PER_CONVERSATION;

  const toggle = async (labelId: string) => {
    setError(null);
    try {
      if (carried.has(labelId)) await labelsApi.take(conversation.id, labelId);
      else await labelsApi.add(conversation.id, labelId);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : t('errors.generic'));
      void refreshLabels();
    }
  };

  const items = (labels ?? []).map((label) => ({
    id: label.id,
    checked: carried.has(label.id),
    multiple: true,
    disabled: full && !carried.has(label.id),
    label: (
      <span className="label-picker__item">
        <span
          className="label-picker__swatch"
          style={{
            background: labelPalette[label.color].background,
            borderColor: labelPalette[label.color].text,
          }}
          aria-hidden="true"
        />
        {label.name}
      </span>
    ),
    onSelect: () => void toggle(label.id),
  }));
  const empty = {
    id: '__none',
    label: me.role === 'admin' ? t('labels.picker.noneAdmin') : t('labels.picker.none'),
    onSelect: () => undefined,
    disabled: true,
  };

  return (
    <div className="label-picker">
      <Menu
        ariaLabel={t('labels.picker.button')}
        buttonClassName={compact ? 'btn btn--sm btn--ghost' : 'btn btn--sm'}
        testId="label-picker"
        align="start"
        heading={
          full ? t('labels.picker.full', { max: MAX_LABELS_PER_CONVERSATION }) : t('labels.picker.heading')
        }
        label={
          <>
            <Icon name="tag" size={16} />
            <span className={compact ? 'sr-only' : ''}>{t('labels.picker.button')}</span>
          </>
        }
        items={items.length > 0 ? items : [empty]}
      />
      {error && (
        <p className="label-picker__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
