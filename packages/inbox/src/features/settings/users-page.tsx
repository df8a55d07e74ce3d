import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLanguage, TRole, TUserDto } from '@charla/protocol';
import { Avatar } from '../../components/avatar';
import { ConfirmDialog } from '../../components/dialog';
import { FormDialog } from '../../components/form-dialog';
import { Spinner } from '../../components/empty-state';
import { ApiError, fieldErrorsOf } from '../../lib/api-client';
import { currentLanguage } from '../../lib/i18n';
import { AdminIcon } from '../playbooks/admin-icons';
import { useMe } from '../auth/session-context';
import { settingsApi } from './settings-api';
import { SettingsLayout } from './settings-layout';
import { InvitationsPanel } from '../accounts/invitations-panel';

/** Users: add (with a first password to hand over), change role, deactivate/reactivate (R1, R2). */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [users, setUsers] = useState<TUserDto[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<TUserDto | null>(null);
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
        <div className="crm-table-wrap">
          <table className="crm-table settings-users">
            <thead>
              <tr>
                <th scope="col">{t('settings.users.name')}</th>
                <th scope="col">{t('settings.users.role')}</th>
                <th scope="col">{t('settings.users.status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('settings.users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const self = user.id === me.id;
                return (
                  <tr
                    key={user.id}
                    className={user.active ? '' : 'settings-users--inactive'}
                    data-testid="user-row"
                  >
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
                            {user.name}{' '}
                            {self && <span className="badge badge--muted">{t('settings.users.you')}</span>}
                          </div>
                          <div className="settings-user__email">{user.email}</div>
                        </div>
                      </div>
                    </td>
                    <td>
                      <select
                        className="crm-inline-select"
                        aria-label={t('settings.users.roleOf', { name: user.name })}
                        value={user.role}
                        disabled={self || !user.active}
                        onChange={(e) => void update(user, { role: e.target.value as TRole })}
                      >
                        <option value="admin">{t('roles.admin')}</option>
                        <option value="regular">{t('roles.regular')}</option>
                      </select>
                    </td>
                    <td>
                      <span className={`crm-status ${user.active ? 'crm-status--won' : ''}`}>
                        {user.active ? t('settings.users.active') : t('settings.users.inactive')}
                      </span>
                    </td>
                    <td className="settings-users__actions">
                      {!self &&
                        (user.active ? (
                          <button type="button" className="btn btn--sm" onClick={() => setConfirming(user)}>
                            {t('settings.users.deactivate')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="btn btn--sm"
                            onClick={() => void update(user, { active: true })}
                          >
                            {t('settings.users.reactivate')}
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
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
          setNotice(t('settings.users.added', { name: user.name }));
        }}
      />
      <ConfirmDialog
        open={confirming !== null}
        title={t('settings.users.deactivateTitle', { name: confirming?.name ?? '' })}
        confirmLabel={t('settings.users.deactivate')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) void update(confirming, { active: false });
        }}
      >
        <p>{t('settings.users.deactivateText')}</p>
      </ConfirmDialog>
    </SettingsLayout>
  );
}

function AddUserDialog({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (u: TUserDto) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'regular' as TRole,
    password: '',
    language: currentLanguage(),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setForm({ name: '', email: '', role: 'regular', password: '', language: currentLanguage() });
      setErrors({});
      setError(null);
    }
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onAdded(await settingsApi.createUser(form));
    } catch (cause) {
      setErrors(fieldErrorsOf(cause));
      setError(
        cause instanceof ApiError && cause.code === 'EMAIL_TAKEN' ? t('settings.users.emailTaken') : null,
      );
    }
  };

  const field = (key: 'name' | 'email' | 'password', type = 'text', hint?: string) => (
    <div className="field">
      <label htmlFor={`user-${key}`}>{t(`settings.users.${key}`)}</label>
      <input
        id={`user-${key}`}
        type={type}
        required
        autoComplete={key === 'password' ? 'new-password' : 'off'}
        minLength={key === 'password' ? 10 : undefined}
        value={form[key]}
        aria-invalid={errors[key] !== undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
      {errors[key] ? (
        <span className="field__error">{errors[key]}</span>
      ) : (
        hint && <span className="field__hint">{hint}</span>
      )}
    </div>
  );

  return (
    <FormDialog
      open={open}
      title={t('settings.users.add')}
      onClose={onClose}
      formId="add-user"
      submitLabel={t('settings.users.create')}
      error={error}
      onSubmit={submit}
    >
      {field('name')}
      {field('email', 'email')}
      {field('password', 'password', t('settings.users.passwordHint'))}
      <div className="pb-grid-2">
        <div className="field">
          <label htmlFor="user-role">{t('settings.users.role')}</label>
          <select
            id="user-role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as TRole })}
          >
            <option value="regular">{t('roles.regular')}</option>
            <option value="admin">{t('roles.admin')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-language">{t('settings.users.language')}</label>
          <select
            id="user-language"
            value={form.language}
            onChange={(e) => setForm({ ...form, language: e.target.value as TLanguage })}
          >
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </div>
      </div>
    </FormDialog>
  );
}
