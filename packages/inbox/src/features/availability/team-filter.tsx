import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConversationDto, TTeamDto } from '@charla/protocol';
import { availabilityApi } from './availability-api';
import './availability.css';

/** Unassigned filtered by the team a chat was routed to (issue 19); '' shows all. */
export function filterByTeam<T extends Pick<TConversationDto, 'routing'>>(items: T[], teamId: string): T[] {
  return teamId === '' ? items : items.filter((c) => c.routing?.team?.id === teamId);
}

/** The team select above Unassigned; hidden while the company has no teams. */
export function TeamFilter({ value, onChange }: { value: string; onChange: (teamId: string) => void }) {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<TTeamDto[]>([]);
  useEffect(() => {
    availabilityApi.teams().then(setTeams, () => setTeams([]));
  }, []);
  if (teams.length === 0) return null;
  return (
    <div className="conv-list__team">
      <select
        className="team-filter crm-inline-select"
        aria-label={t('availability.filter.label')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="team-filter"
      >
        <option value="">{t('availability.filter.all')}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}
