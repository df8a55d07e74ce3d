import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInvitationPreviewDto, TUserDto } from '@charla/protocol';
import { Spinner } from '../../components/empty-state';
import { api } from '../../lib/api-client';
import { Link, useRouter, useSearchParam } from '../../lib/router';
import { AuthLayout } from '../auth/auth-layout';
import './accounts.css';
import { useSession } from '../auth/session-context';
import { accountErrorMessage } from './code-message';
import { NewPasswordField } from './password-field';

/** What the invitation link is for; its name pre-fills the invitee's (a code's message when unusable). */
function useInvitation(token: string) {
  const { t } = useTranslation();
  const [invitation, setInvitation] = useState<TInvitationPreviewDto | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(token ? null : t('accounts.noToken'));
  useEffect(() => {
    if (!token) return;
    api.get<TInvitationPreviewDto>(`/invitations/${encodeURIComponent(token)}`).then(
      (found) => {
        setInvitation(found);
        setName(found.name);
      },
      (cause: unknown) => setError(accountErrorMessage(t, cause)),
    );
  }, [token, t]);
  return { invitation, name, setName, error, setError };
}

/** The page an invitation link opens: the invitee checks their name, chooses a password, and is in. */
export function InvitePage() {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const { navigate } = useRouter();
  const token = useSearchParam('token') ?? '';
  const { invitation, name, setName, error, setError } = useInvitation(token);
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTooShort(password.length < 10);
    if (password.length < 10) return;
    setBusy(true);
    setError(null);
    try {
      setUser(
        await api.post<TUserDto>('/invitations/accept', { token, name: name.trim() || undefined, password }),
      );
      navigate('/inbox/unassigned?welcome=1', { replace: true });
    } catch (cause) {
      setError(accountErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };

  const title = t('accounts.inviteTitle', { company: invitation?.companyName ?? 'Charla' });
  return (
    <AuthLayout title={title} subtitle={t('accounts.inviteSubtitle')}>
      {invitation ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="invite-email">{t('accounts.inviteEmail')}</label>
            <input id="invite-email" type="email" autoComplete="username" readOnly value={invitation.email} />
          </div>
          <div className="field">
            <label htmlFor="invite-name">{t('accounts.inviteName')}</label>
            <input
              id="invite-name"
              autoComplete="name"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <NewPasswordField
            id="invite-password"
            label={t('auth.password')}
            value={password}
            onChange={setPassword}
            error={tooShort ? t('setup.passwordTooShort') : null}
          />
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <button className="btn btn--primary btn--block" type="submit" disabled={busy}>
            {t('accounts.inviteSubmit')}
          </button>
        </form>
      ) : error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : (
        <Spinner label={t('common.loading')} />
      )}
      <p className="auth__alt">
        <Link to="/">{t('accounts.backToLogin')}</Link>
      </p>
    </AuthLayout>
  );
}
