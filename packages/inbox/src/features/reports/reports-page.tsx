import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaybookSummaryDto, TTeamDto, TUserSummaryDto } from '@charla/protocol';
import { EmptyState, Spinner } from '../../components/empty-state';
import { api } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { useMe } from '../auth/session-context';
import { useLabels } from '../labels/use-labels';
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

/** One filter: "All" or one of the options. */
function OptionSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: Option[];
  /** The "All" option's words when the filtered thing is not a masculine noun in every language (labels). */
  allLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field field--compact">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.allLabel ?? t('reports.screen.all')}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

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

/** Period, from–to and the playbook / team / label / user filters. */
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
  const labels = useLabels() ?? [];
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
      <OptionSelect
        id="rep-playbook"
        label={t('reports.screen.playbook')}
        value={f.filters.playbookId}
        onChange={f.setPlaybookId}
        options={playbooks}
      />
      {teams.length > 0 && (
        <OptionSelect
          id="rep-team"
          label={t('reports.screen.team')}
          value={f.filters.teamId}
          onChange={f.setTeamId}
          options={teams}
        />
      )}
      {labels.length > 0 && (
        <OptionSelect
          id="rep-label"
          label={t('labels.filter.field')}
          value={f.filters.labelId}
          onChange={f.setLabelId}
          options={labels}
          allLabel={t('reports.screen.allLabels')}
        />
      )}
      {isAdmin && (
        <OptionSelect
          id="rep-user"
          label={t('reports.screen.user')}
          value={f.filters.userId}
          onChange={f.setUserId}
          options={users}
        />
      )}
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
