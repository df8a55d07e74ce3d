import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTeamDto, TUserDto } from '@charla/protocol';
import { FormDialog } from '../../components/form-dialog';
import { ApiError } from '../../lib/api-client';
import { availabilityApi } from './availability-api';

/** Create or edit a team: its name and members (active users). */
export function TeamDialog({
  open,
  team,
  users,
  onClose,
  onSaved,
}: {
  open: boolean;
  team: TTeamDto | null;
  users: TUserDto[];
  onClose: () => void;
  onSaved: (team: TTeamDto) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setName(team?.name ?? '');
    setMembers(team?.memberIds ?? []);
    setError(null);
  }, [open, team]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), memberIds: members };
    try {
      onSaved(
        team ? await availabilityApi.updateTeam(team.id, body) : await availabilityApi.createTeam(body),
      );
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : t('errors.generic'));
    }
  };

  return (
    <FormDialog
      open={open}
      title={team ? t('availability.teams.edit', { name: team.name }) : t('availability.teams.add')}
      formId="team-form"
      submitLabel={team ? t('availability.teams.save') : t('availability.teams.create')}
      canSubmit={name.trim() !== ''}
      error={error}
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor="team-name">{t('availability.teams.name')}</label>
        <input
          id="team-name"
          value={name}
          maxLength={60}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <fieldset className="pb-fieldset">
        <legend>{t('availability.teams.members')}</legend>
        <div className="teams-members">
          {users
            .filter((u) => u.active)
            .map((u) => (
              <label key={u.id} className="pb-check">
                <input
                  type="checkbox"
                  className="check"
                  checked={members.includes(u.id)}
                  onChange={(e) =>
                    setMembers(e.target.checked ? [...members, u.id] : members.filter((id) => id !== u.id))
                  }
                />
                {u.name}
              </label>
            ))}
        </div>
      </fieldset>
    </FormDialog>
  );
}
