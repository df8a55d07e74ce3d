import { useTranslation } from 'react-i18next';
import { weekdays, type TBusinessHours, type THoursInterval, type TWeekday } from '@charla/protocol';
import { AdminIcon } from '../playbooks/admin-icons';

type Week = TBusinessHours['week'];

/** The weekly grid: each weekday's opening intervals (several per day; `to` ≤ `from` runs overnight). */
export function WeekGrid({ week, onChange }: { week: Week; onChange: (week: Week) => void }) {
  const { t } = useTranslation();
  const set = (day: TWeekday, intervals: THoursInterval[]) => onChange({ ...week, [day]: intervals });
  return (
    <table className="hours-grid">
      <caption className="sr-only">{t('availability.weekly')}</caption>
      <tbody>
        {weekdays.map((day) => {
          const dayName = t(`availability.days.${day}`);
          const intervals = week[day];
          return (
            <tr key={day} data-testid={`hours-${day}`}>
              <th scope="row" className="hours-grid__day">
                {dayName}
              </th>
              <td className="hours-grid__intervals">
                {intervals.length === 0 && (
                  <span className="hours-grid__closed">{t('availability.closedDay')}</span>
                )}
                {intervals.map((interval, i) => (
                  <IntervalRow
                    key={i}
                    day={dayName}
                    interval={interval}
                    onChange={(next) =>
                      set(
                        day,
                        intervals.map((x, j) => (j === i ? next : x)),
                      )
                    }
                    onRemove={() =>
                      set(
                        day,
                        intervals.filter((_, j) => j !== i),
                      )
                    }
                  />
                ))}
              </td>
              <td className="hours-grid__add">
                <button
                  type="button"
                  className="btn btn--sm btn--ghost"
                  aria-label={t('availability.addIntervalFor', { day: dayName })}
                  disabled={intervals.length >= 6}
                  onClick={() => set(day, [...intervals, { from: '09:00', to: '17:00' }])}
                >
                  <AdminIcon name="plus" />
                  {t('availability.addInterval')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function IntervalRow({
  day,
  interval,
  onChange,
  onRemove,
}: {
  day: string;
  interval: THoursInterval;
  onChange: (interval: THoursInterval) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  // <input type="time"> has no 24:00: the end of a day is typed as 00:00, which runs to midnight.
  const to = interval.to === '24:00' ? '00:00' : interval.to;
  const overnight = to <= interval.from;
  return (
    <span className="hours-interval">
      <input
        type="time"
        className="input"
        aria-label={t('availability.from', { day })}
        value={interval.from}
        required
        onChange={(e) => onChange({ ...interval, from: e.target.value })}
      />
      <span aria-hidden="true">–</span>
      <input
        type="time"
        className="input"
        aria-label={t('availability.to', { day })}
        value={to}
        required
        onChange={(e) => onChange({ ...interval, to: e.target.value === '00:00' ? '24:00' : e.target.value })}
      />
      {overnight && to !== '00:00' && (
        <span className="hours-interval__note">{t('availability.overnight')}</span>
      )}
      <button
        type="button"
        className="btn btn--sm btn--ghost btn--icon"
        aria-label={t('availability.removeInterval', { from: interval.from, to, day })}
        title={t('availability.removeInterval', { from: interval.from, to, day })}
        onClick={onRemove}
      >
        <AdminIcon name="trash" />
      </button>
    </span>
  );
}
