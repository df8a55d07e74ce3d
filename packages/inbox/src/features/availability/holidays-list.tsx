import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClosedDate } from '@charla/protocol';
import { AdminIcon } from '../playbooks/admin-icons';

/** Closed dates (holidays): each closes the whole local day. */
export function HolidaysList({
  dates,
  onChange,
}: {
  dates: TClosedDate[];
  onChange: (dates: TClosedDate[]) => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  const add = () => {
    if (!date || dates.some((d) => d.date === date)) return;
    onChange([...dates, { date, label: label.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    setDate('');
    setLabel('');
  };
  return (
    <div className="hours-holidays">
      {dates.length === 0 ? (
        <p className="field__hint">{t('availability.holidaysNone')}</p>
      ) : (
        <ul className="hours-holidays__list">
          {dates.map((d) => (
            <li key={d.date} data-testid="holiday">
              <span className="hours-holidays__date">{d.date}</span>
              <span className="hours-holidays__label">{d.label}</span>
              <button
                type="button"
                className="btn btn--sm btn--ghost btn--icon"
                aria-label={t('availability.removeHoliday', { date: d.date })}
                title={t('availability.removeHoliday', { date: d.date })}
                onClick={() => onChange(dates.filter((x) => x.date !== d.date))}
              >
                <AdminIcon name="trash" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="hours-holidays__add">
        <div className="field">
          <label htmlFor="holiday-date">{t('availability.holidayDate')}</label>
          <input id="holiday-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="holiday-label">{t('availability.holidayLabel')}</label>
          <input id="holiday-label" value={label} maxLength={80} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <button type="button" className="btn btn--sm" disabled={!date} onClick={add}>
          <AdminIcon name="plus" />
          {t('availability.addHoliday')}
        </button>
      </div>
    </div>
  );
}
