import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaybookSummaryDto, TTeamDto, TUserSummaryDto } from '@charla/protocol';
import { EmptyState, Spinner } from '../../components/empty-state';
import { api } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { useMe } from '../auth/session-context';
import { ConversationListDialog } from './conversation-list-dialog';
import { OutcomesSection } from './outcomes-section';
import { reportsApi, type FigureRequest, type ReportData } from './reports-api';
import { formatDay } from './reports-format';
import { SpeedSection } from './speed-section';
import { useReportFilters, type Preset } from './use-report-filters';
import { VolumeSection } from './volume-section';
import './reports.css';

const PRESETS: Preset[] = [7, 30, 90, 'custom'];

function useOptions(isAdmin: boolean) {
  const [playbooks, setPlaybooks] = useState<TPlaybookSummaryDto[]>([]);
  const [users, setUsers] = useState<TUserSummaryDto[]>([]);
  const [teams, setTeams] = useState<TTeamDto[]>([]);
  useEffect(() => {
    api.get<TTeamDto[]>('/teams').then(setTeams, () => setTeams([]));
  }, []);
  useEffect(() => {
    if (!isAdmin) return;
    api.get<TPlaybookSummaryDto[]>('/playbooks').then(setPlaybooks, () => setPlaybooks([]));
    api.get<TUserSummaryDto[]>('/users').then(setUsers, () => setUsers([]));
  }, [isAdmin]);
  return { playbooks, users, teams };
}

type Option = { id: string; name: string };

function PresetField({ f }: { f: ReturnType<typeof useReportFilters> }) {
  const { t } = useTranslation();
  return (
    <div className="field field--compact">
      <label htmlFor="rep-preset">{t('reports.screen.preset')}</label>
      <select
        id="rep-preset"
        value={String(f.preset)}
        onChange={(e) =>
          f.choosePreset(e.target.value === 'custom' ? 'custom' : (Number(e.target.value) as Preset))
        }
      >
        {PRESETS.map((p) => (
          <option key={p} value={String(p)}>
            {t(p === 'custom' ? 'reports.screen.custom' : `reports.screen.last${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Period, from–to and the playbook / team / user filters (no label filter: labels do not exist). */
function ReportFiltersForm({
  f,
  isAdmin,
  playbooks,
  users,
  teams,
}: {
  f: ReturnType<typeof useReportFilters>;
  isAdmin: boolean;
  playbooks: Option[];
  users: Option[];
  teams: Option[];
}) {
  const { t } = useTranslation();
  return (
    <form className="rep-filters card" onSubmit={(e) => e.preventDefault()}>
      <PresetField f={f} />
      <div className="field field--compact">
        <label htmlFor="rep-from">{t('reports.screen.from')}</label>
        <input
          id="rep-from"
          type="date"
          value={f.filters.from}
          max={f.filters.to}
          onChange={(e) => e.target.value && f.setFrom(e.target.value)}
        />
      </div>
      <div className="field field--compact">
        <label htmlFor="rep-to">{t('reports.screen.to')}</label>
        <input
          id="rep-to"
          type="date"
          value={f.filters.to}
          min={f.filters.from}
          onChange={(e) => e.target.value && f.setTo(e.target.value)}
        />
      </div>
      <div className="field field--compact">
        <label htmlFor="rep-playbook">{t('reports.screen.playbook')}</label>
        <select
          id="rep-playbook"
          value={f.filters.playbookId ?? ''}
          onChange={(e) => f.setPlaybookId(e.target.value)}
        >
          <option value="">{t('reports.screen.all')}</option>
          {playbooks.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {teams.length > 0 && (
        <div className="field field--compact">
          <label htmlFor="rep-team">{t('reports.screen.team')}</label>
          <select id="rep-team" value={f.filters.teamId ?? ''} onChange={(e) => f.setTeamId(e.target.value)}>
            <option value="">{t('reports.screen.all')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {isAdmin && (
        <div className="field field--compact">
          <label htmlFor="rep-user">{t('reports.screen.user')}</label>
          <select id="rep-user" value={f.filters.userId ?? ''} onChange={(e) => f.setUserId(e.target.value)}>
            <option value="">{t('reports.screen.all')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="rep-filters__note">{t('reports.screen.filtersNote')}</p>
    </form>
  );
}

/** Reports (issue 21): admins see everyone (or one user); regular users see their own figures. */
export function ReportsPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const isAdmin = me.role === 'admin';
  const f = useReportFilters();
  const { playbooks, users, teams } = useOptions(isAdmin);
  const [data, setData] = useState<ReportData | null>(null);
  const [failed, setFailed] = useState(false);
  const [picked, setPicked] = useState<FigureRequest | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setFailed(false);
    reportsApi.all(f.filters, abort.signal).then(setData, (e: unknown) => {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setFailed(true);
    });
    return () => abort.abort();
  }, [f.filters]);

  const playbookOptions = isAdmin
    ? playbooks.map((p) => ({ id: p.id, name: p.name }))
    : (data?.outcomes.funnel ?? []).flatMap((r) =>
        r.playbookId ? [{ id: r.playbookId, name: r.name }] : [],
      );

  return (
    <div className="page rep-page">
      <header className="page__header">
        <h1>{t('reports.screen.title')}</h1>
        <p>
          {t('reports.screen.intro', { timeZone: f.filters.timeZone })} {!isAdmin && t('reports.screen.own')}
        </p>
      </header>
      <ReportFiltersForm f={f} isAdmin={isAdmin} playbooks={playbookOptions} users={users} teams={teams} />
      {failed && (
        <div className="card">
          <EmptyState icon="alert" title={t('reports.screen.failed')} />
        </div>
      )}
      {!failed && !data && <Spinner label={t('reports.screen.loading')} />}
      {data && (
        <>
          <p className="rep-previous">
            {t('reports.screen.previous', {
              from: formatDay(data.volume.previousRange.from, lang),
              to: formatDay(data.volume.previousRange.to, lang),
            })}
          </p>
          <VolumeSection report={data.volume} lang={lang} onPick={setPicked} />
          <SpeedSection report={data.speed} lang={lang} canFilterUsers={isAdmin} onPick={setPicked} />
          <OutcomesSection
            report={data.outcomes}
            lang={lang}
            timeZone={f.filters.timeZone}
            onPick={setPicked}
          />
        </>
      )}
      <ConversationListDialog
        filters={f.filters}
        request={picked}
        lang={lang}
        onClose={() => setPicked(null)}
      />
    </div>
  );
}
