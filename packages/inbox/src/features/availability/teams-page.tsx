import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTeamDto, TUserDto } from '@charla/protocol';
import { ConfirmDialog } from '../../components/dialog';
import { EmptyState, Spinner } from '../../components/empty-state';
import { AdminIcon } from '../playbooks/admin-icons';
import { settingsApi } from '../settings/settings-api';
import { SettingsLayout } from '../settings/settings-layout';
import { availabilityApi } from './availability-api';
import { TeamDialog } from './team-dialog';
import './availability.css';

/** Settings → Teams (issue 19): named groups of users a live chat card can route to. */
export function TeamsPage() {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<TTeamDto[] | null>(null);
  const [users, setUsers] = useState<TUserDto[]>([]);
  const [editing, setEditing] = useState<TTeamDto | 'new' | null>(null);
  const [removing, setRemoving] = useState<TTeamDto | null>(null);
  useEffect(() => {
    availabilityApi.teams().then(setTeams, () => setTeams([]));
    settingsApi.users().then(setUsers, () => setUsers([]));
  }, []);
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? '';

  return (
    <SettingsLayout section="teams">
      <header className="page__header page__header--row">
        <div>
          <h2 className="settings__h">{t('availability.teams.title')}</h2>
          <p>{t('availability.teams.intro')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
          <AdminIcon name="plus" />
          {t('availability.teams.add')}
        </button>
      </header>
      {teams === null ? (
        <Spinner label={t('common.loading')} />
      ) : teams.length === 0 ? (
        <div className="card">
          <EmptyState icon="users" title={t('availability.teams.none')}>
            {t('availability.teams.noneText')}
          </EmptyState>
        </div>
      ) : (
        <TeamsList teams={teams} nameOf={nameOf} onEdit={setEditing} onRemove={setRemoving} />
      )}
      <TeamDialog
        open={editing !== null}
        team={editing === 'new' ? null : editing}
        users={users}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setTeams((list) =>
            [...(list ?? []).filter((x) => x.id !== saved.id), saved].sort((a, b) =>
              a.name.localeCompare(b.name),
            ),
          );
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('availability.teams.remove', { name: removing?.name ?? '' })}
        confirmLabel={t('availability.teams.remove', { name: removing?.name ?? '' })}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const team = removing;
          setRemoving(null);
          if (team)
            void availabilityApi
              .deleteTeam(team.id)
              .then(() => setTeams((list) => (list ?? []).filter((x) => x.id !== team.id)));
        }}
      >
        <p>{t('availability.teams.intro')}</p>
      </ConfirmDialog>
    </SettingsLayout>
  );
}

function TeamsList({
  teams,
  nameOf,
  onEdit: setEditing,
  onRemove: setRemoving,
}: {
  teams: TTeamDto[];
  nameOf: (userId: string) => string;
  onEdit: (team: TTeamDto) => void;
  onRemove: (team: TTeamDto) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="card teams-list">
      {teams.map((team) => (
        <li key={team.id} data-testid="team-row">
          <span className="teams-list__name">{team.name}</span>
          <span className="field__hint" title={team.memberIds.map(nameOf).join(', ')}>
            {t('availability.teams.membersCount', { count: team.memberIds.length })}
          </span>
          <button
            type="button"
            className="btn btn--sm btn--ghost btn--icon"
            aria-label={t('availability.teams.edit', { name: team.name })}
            title={t('availability.teams.edit', { name: team.name })}
            onClick={() => setEditing(team)}
          >
            <AdminIcon name="pencil" />
          </button>
          <button
            type="button"
            className="btn btn--sm btn--ghost btn--icon"
            aria-label={t('availability.teams.remove', { name: team.name })}
            title={t('availability.teams.remove', { name: team.name })}
            onClick={() => setRemoving(team)}
          >
            <AdminIcon name="trash" />
          </button>
        </li>
      ))}
    </ul>
  );
}
