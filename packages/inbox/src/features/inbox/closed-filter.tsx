import { useTranslation } from 'react-i18next';
import type { TConversationDto } from '@charla/protocol';

export type ClosedFilterValue = 'all' | 'missed';

/** Closed narrowed to the chats nobody took in time (issue 16); 'all' shows every closed one. */
export function filterClosed<T extends Pick<TConversationDto, 'closeReason'>>(
  items: T[],
  value: ClosedFilterValue,
): T[] {
  return value === 'all' ? items : items.filter((c) => c.closeReason === 'missed');
}

/** The select above Closed: all closed conversations, or only the missed ones. */
export function ClosedFilter({
  value,
  onChange,
}: {
  value: ClosedFilterValue;
  onChange: (value: ClosedFilterValue) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="conv-list__team">
      <select
        className="team-filter crm-inline-select"
        aria-label={t('inbox.closedFilter.label')}
        value={value}
        onChange={(e) => onChange(e.target.value === 'missed' ? 'missed' : 'all')}
        data-testid="closed-filter"
      >
        <option value="all">{t('inbox.closedFilter.all')}</option>
        <option value="missed">{t('inbox.closedFilter.missed')}</option>
      </select>
    </div>
  );
}
