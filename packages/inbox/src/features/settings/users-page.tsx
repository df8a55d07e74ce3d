import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole, TUserDto } from '@charla/protocol';
import { Avatar } from '../../components/avatar';
import { ConfirmDialog } from '../../components/dialog';
import { Spinner } from '../../components/empty-state';
import { ApiError } from '../../lib/api-client';
import { AdminIcon } from '../playbooks/admin-icons';
import { useMe } from '../auth/session-context';
import { AddUserDialog } from './add-user-dialog';
import { settingsApi } from './settings-api';
import { SettingsLayout } from './settings-layout';
import { InvitationsPanel } from '../accounts/invitations-panel';
import { CapacityCell, useUserRouting } from '../availability/capacity-cell';

/** The users, loaded once, and role/active changes with a notice line for the outcome. */
function useUsers() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<TUserDto[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    settingsApi.users().then(setUsers, () => setNotice(t('settings.loadError')));
  }, [t]);
  useEffect(load, [load]);

  const update = async (user: TUserDto, body: { role?: TRole; active?: boolean }) => {
    setNotice(null);
    try {
      const saved = await settingsApi.updateUser(user.id, body);
      setUsers((list) => list?.map((u) => (u.id === saved.id ? saved : u)) ?? null);
      setNotice(t('settings.users.updated', { name: saved.name }));
    } catch (cause) {
      setNotice(cause instanceof ApiError ? cause.message : t('errors.generic'));
    }
  };

  return { users, setUsers, notice, setNotice, update };
}

/** Users: add (with a first password to hand over), change role, deactivate/reactivate (R1, R2). */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { users, setUsers, notice, setNotice, update } = useUsers();
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<TUserDto | null>(null);
  const capacity = useUserRouting();

  return (
    <SettingsLayout section="users">
      <header className="page__header page__header--row">
        <div>
          <h2 className="settings__h">{t('settings.sections.users')}</h2>
          <p>{t('settings.users.intro')}</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setAdding(true)}>
          <AdminIcon name="plus" />
          {t('settings.users.add')}
        </button>
      </header>
      <p className="settings__notice" role="status">
        {notice}
      </p>
      <InvitationsPanel />
      {users === null ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <div className="crm-table-wrap settings-users-wrap">
          <table className="crm-table settings-users">
            <UsersTableHead />
            <tbody>
              {users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  self={user.id === me.id}
                  onUpdate={(body) => void update(user, body).then(capacity.reload)}
                  onDeactivate={() => setConfirming(user)}
                  capacity={
                    <CapacityCell
                      name={user.name}
                      routing={capacity.routing.get(user.id)}
                      onSave={(value) => capacity.save(user.id, value)}
                    />
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(user) => {
          setAdding(false);
          setUsers((list) => [...(list ?? []), user]);
          capacity.reload();
          setNotice(t('settings.users.added', { name: user.name }));
        }}
      />
      <ConfirmDialog
        open={confirming !== null}
        title={t('settings.users.deactivateTitle', { name: confirming?.name ?? '' })}
        confirmLabel={t('settings.users.deactivate')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) void update(confirming, { active: false }).then(capacity.reload);
        }}
      >
        <p>{t('settings.users.deactivateText')}</p>
      </ConfirmDialog>
    </SettingsLayout>
  );
}

type UserRowProps = {
  user: TUserDto;
  /** The signed-in admin's own row: no role change, no deactivation. */
  self: boolean;
  onUpdate: (body: { role?: TRole; active?: boolean }) => void;
  onDeactivate: () => void;
  /** Capacity for automatic assignment (issue 19). */
  capacity: ReactNode;
};

function UserRow({ user, self, onUpdate, onDeactivate, capacity }: UserRowProps) {
  const { t } = useTranslation();
  return (
    <tr className={user.active ? '' : 'settings-users--inactive'} data-testid="user-row">
      <td>
        <div className="settings-user">
          <Avatar
            name={user.name}
            url={user.avatarUrl}
            seed={user.id}
            size={32}
            online={user.active ? user.online : undefined}
          />
          <div>
            <div className="settings-user__name">
              {user.name} {self && <span className="badge badge--muted">{t('settings.users.you')}</span>}
            </div>
            <div className="settings-user__email">{user.email}</div>
          </div>
        </div>
      </td>
      <td data-label={t('settings.users.role')}>
        <select
          className="crm-inline-select"
          aria-label={t('settings.users.roleOf', { name: user.name })}
          value={user.role}
          disabled={self || !user.active}
          onChange={(e) => onUpdate({ role: e.target.value as TRole })}
        >
          <option value="admin">{t('roles.admin')}</option>
          <option value="regular">{t('roles.regular')}</option>
        </select>
      </td>
      <td data-label={t('settings.users.status')}>
        <span className={`crm-status ${user.active ? 'crm-status--won' : ''}`}>
          {user.active ? t('settings.users.active') : t('settings.users.inactive')}
        </span>
      </td>
      <td data-label={user.active ? t('availability.capacity.label') : undefined}>
        {user.active && capacity}
      </td>
      <td className="settings-users__actions">
        {!self &&
          (user.active ? (
            <button type="button" className="btn btn--sm" onClick={onDeactivate}>
              {t('settings.users.deactivate')}
            </button>
          ) : (
            <button type="button" className="btn btn--sm" onClick={() => onUpdate({ active: true })}>
              {t('settings.users.reactivate')}
            </button>
          ))}
      </td>
    </tr>
  );
}

function UsersTableHead() {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('settings.users.name')}</th>
        <th scope="col">{t('settings.users.role')}</th>
        <th scope="col">{t('settings.users.status')}</th>
        <th scope="col">{t('availability.capacity.label')}</th>
        <th scope="col">
          <span className="sr-only">{t('settings.users.actions')}</span>
        </th>
      </tr>
    </thead>
  );
}
