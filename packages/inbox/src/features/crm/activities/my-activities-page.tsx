import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmActivityDto } from '@charla/protocol';
import { EmptyState, Spinner } from '../../../components/empty-state';
import { currentLanguage } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { useMe } from '../../auth/session-context';
import { crmApi } from '../crm-api';
import { formatDateTime } from '../crm-format';
import '../crm.css';
import '../crm-views.css';
import { ActivityQuickAdd } from './activity-quick-add';
import { byDue, dueWindows, type WindowId } from './activity-windows';

type Windows = Record<WindowId, TCrmActivityDto[]>;

/** "My activities" (issue 15): the viewer's overdue, today's, upcoming and undated activities. */
export function MyActivitiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [windows, setWindows] = useState<Windows | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    const all = dueWindows(new Date()).map(async (w) => {
      const page = await crmApi.list('activities', { assigneeId: me.id, limit: 100, ...w.query });
      return [w.id, [...page.items].sort(byDue)] as const;
    });
    Promise.all(all).then(
      (entries) => setWindows(Object.fromEntries(entries) as Windows),
      () => setFailed(true),
    );
  }, [me.id]);
  useEffect(load, [load]);

  const toggle = async (activity: TCrmActivityDto) => {
    try {
      await crmApi.update('activities', activity.id, { version: activity.version, done: !activity.done });
    } finally {
      load();
    }
  };

  return (
    <div className="page page--wide crm my-activities">
      <header className="page__header">
        <h1>{t('crm.my.title')}</h1>
        <p>{t('crm.my.intro')}</p>
      </header>
      <ActivityQuickAdd ownerId={me.id} onAdded={load} />
      {failed ? (
        <EmptyState
          icon="alert"
          title={t('crm.loadError')}
          action={
            <button type="button" className="btn btn--sm" onClick={load}>
              {t('common.retry')}
            </button>
          }
        />
      ) : !windows ? (
        <Spinner label={t('common.loading')} />
      ) : (
        dueWindows(new Date()).map(({ id }) => (
          <ActivityWindow key={id} id={id} items={windows[id]} onToggle={toggle} />
        ))
      )}
    </div>
  );
}

/** One window of activities (overdue, today, upcoming, undated), each with its done checkbox. */
function ActivityWindow({
  id,
  items,
  onToggle,
}: {
  id: WindowId;
  items: TCrmActivityDto[];
  onToggle: (activity: TCrmActivityDto) => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section
      className="card my-activities__window"
      aria-labelledby={`window-${id}`}
      data-testid={`window-${id}`}
    >
      <h2 id={`window-${id}`} className="card__title">
        {t(`crm.my.${id}`)} <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="card__text">{t(`crm.my.empty.${id}`)}</p>
      ) : (
        <ul className="crm-related my-activities__list">
          {items.map((a) => (
            <li key={a.id} className={a.done ? 'my-activity my-activity--done' : 'my-activity'}>
              <span className="my-activity__main">
                <input
                  type="checkbox"
                  checked={a.done}
                  onChange={() => void onToggle(a)}
                  aria-label={t(a.done ? 'crm.my.markUndone' : 'crm.my.markDone', { subject: a.subject })}
                />
                <Link to={`/crm/activities/${a.id}`} className="crm-link">
                  {a.subject}
                </Link>
              </span>
              <span className="pb-muted my-activity__meta">
                {t(`crm.activityTypes.${a.type}`)}
                {a.dueAt !== null && ` · ${formatDateTime(a.dueAt, lang)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
