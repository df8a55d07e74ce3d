import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveRoute } from './app-routes';
import { Spinner } from './components/empty-state';
import { LoginPage } from './features/auth/login-page';
import { SessionProvider, useSession } from './features/auth/session-context';
import { SetupPage } from './features/auth/setup-page';
import { ForgotPasswordPage } from './features/accounts/forgot-password-page';
import { InvitePage } from './features/accounts/invite-page';
import { ResetPasswordPage } from './features/accounts/reset-password-page';
import { InboxProvider } from './features/inbox/inbox-provider';
import { registerServiceWorker } from './features/notifications/push';
import { AppShell } from './features/shell/app-shell';
import { fallbackPath } from './features/shell/nav-items';
import { setLanguage } from './lib/i18n';
import { RouterProvider, useRouter } from './lib/router';

function SignedIn() {
  const { session } = useSession();
  const { location, navigate } = useRouter();
  const user = session.status === 'user' ? session.user : null;
  const element = user ? resolveRoute(location.pathname, user.role) : null;
  useEffect(() => {
    if (user && element === null) navigate(fallbackPath(location.pathname, user.role), { replace: true });
  }, [user, element, navigate, location.pathname]);
  useEffect(() => {
    void registerServiceWorker();
  }, []);
  // The user's saved language wins over this device's guess, once, at sign-in.
  useEffect(() => {
    if (user && !localStorage.getItem('charla.language')) setLanguage(user.language);
  }, [user]);
  if (!user) return null;
  return (
    <InboxProvider key={user.id}>
      <AppShell>{element}</AppShell>
    </InboxProvider>
  );
}

function Gate() {
  const { t } = useTranslation();
  const { session, retry } = useSession();
  const { location } = useRouter();
  if (location.pathname === '/setup') return <SetupPage />;
  // Links from emails (issue 20) work signed in or not.
  if (location.pathname === '/invite') return <InvitePage />;
  if (location.pathname === '/reset-password') return <ResetPasswordPage />;
  if (location.pathname === '/forgot-password' && session.status !== 'user') return <ForgotPasswordPage />;
  if (session.status === 'loading') return <Spinner label={t('common.loading')} />;
  if (session.status === 'error')
    return (
      <div className="page page--center">
        <p role="alert">{t('errors.unreachable')}</p>
        <button type="button" className="btn" onClick={retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  if (session.status === 'anonymous') return <LoginPage />;
  return <SignedIn />;
}

export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </RouterProvider>
  );
}
