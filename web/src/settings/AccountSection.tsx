import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, isApiError } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useSession } from '../session.tsx';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from './memberRules.ts';

/** "Your account": who you are, and changing your password (other sessions are signed out by the server). */
export function AccountSection() {
  const { t, tl } = useT();
  const { session } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setProblem(null);
    setDone(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    const found = newPasswordProblem(next, repeat);
    setProblem(found);
    if (found) return;
    setBusy(true);
    try {
      await api.changePassword({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (e) {
      if (isApiError(e) && e.status === 401) setProblem('password.currentWrong');
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-account">
      <h2 id="settings-account">{t('settings.account')}</h2>
      <p className="muted small">
        {t('account.signedInAs', { name: session.user.name, email: session.user.email, role: tl('role', session.role) })}
      </p>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <h3>{t('password.title')}</h3>
        {/* Lets password managers tie the new password to this account. */}
        <input type="email" autoComplete="username" value={session.user.email} readOnly hidden />
        <div className="form-grid">
          <label className="field">
            <span>{t('password.current')}</span>
            <input type="password" autoComplete="current-password" maxLength={1024} value={current}
              aria-invalid={problem === 'password.currentWrong'}
              onChange={(e) => edit(setCurrent)(e.target.value)} data-testid="password-current" />
          </label>
          <label className="field">
            <span>{t('password.new')}</span>
            <input type="password" autoComplete="new-password" maxLength={1024} value={next}
              aria-invalid={problem === 'password.tooShort'} aria-describedby="password-rule"
              onChange={(e) => edit(setNext)(e.target.value)} data-testid="password-new" />
          </label>
          <label className="field">
            <span>{t('password.repeat')}</span>
            <input type="password" autoComplete="new-password" maxLength={1024} value={repeat}
              aria-invalid={problem === 'password.mismatch'}
              onChange={(e) => edit(setRepeat)(e.target.value)} data-testid="password-repeat" />
          </label>
        </div>
        <p id="password-rule" className="muted small hint">{t('password.rule', { min: MIN_PASSWORD_LENGTH })}</p>
        {problem && <p className="field-error" role="alert" data-testid="password-problem">{t(problem, { min: MIN_PASSWORD_LENGTH })}</p>}
        {error !== null && <ErrorBanner error={error} titleKey="password.error" serverDetailOnly onDismiss={() => setError(null)} />}
        {done && <div className="banner banner-ok" role="status" data-testid="password-changed">{t('password.changed')}</div>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !current || !next || !repeat} data-testid="password-submit">
            {busy ? t('password.saving') : t('password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
