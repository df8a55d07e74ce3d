import type { ReactNode } from 'react';
import { LanguageSwitch } from '../shell/language-switch';

/** The centred card used by the login and setup pages. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <div className="auth">
      <main className="auth__card" aria-labelledby="auth-title">
        <div className="auth__brand">
          <img src="/icons/icon.svg" alt="" width={36} height={36} />
          <span>Charla</span>
        </div>
        <h1 id="auth-title" className="auth__title">
          {title}
        </h1>
        <p className="auth__subtitle">{subtitle}</p>
        {children}
      </main>
      <div className="auth__footer">
        <LanguageSwitch />
      </div>
    </div>
  );
}
