import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SessionInfo } from '../../../src/contracts/index.ts';
import type { Locale } from '../types.ts';
import { api, isApiError } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { LogoMark } from '../icons.tsx';

interface Props {
  locale: Locale;
  onLocale: (locale: Locale) => void;
  onLoggedIn: (session: SessionInfo) => void;
}

export function LoginPage({ locale, onLocale, onLoggedIn }: Props) {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await api.login({ email: email.trim(), password }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} data-testid="login-form" aria-busy={busy}>
        <div className="login-brand">
          <LogoMark />
          <span className="brand-name">claimdesk</span>
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.tagline')}</p>
        {error !== null && (
          isApiError(error) && error.status === 401
            ? <ErrorBanner error={error} titleKey="login.failed" serverDetailOnly />
            : <ErrorBanner error={error} />
        )}
        <label className="field">
          <span>{t('login.email')}</span>
          <input type="email" name="email" autoComplete="username" required autoFocus value={email}
            onChange={(e) => setEmail(e.target.value)} data-testid="login-email" />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input type="password" name="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
        </label>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <div className="login-footer">
          <LanguageSwitch value={locale} onChange={onLocale} label={t('login.language')} testId="login-language" />
        </div>
      </form>
    </main>
  );
}
