import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CreateMemberResponse, Member } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import type { Role } from '../types.ts';
import { MIN_PASSWORD_LENGTH, optionalPasswordProblem } from './memberRules.ts';
import { SecretOnceNotice } from './SecretOnceNotice.tsx';

interface Props {
  /** Roles the signed-in person may give (owners only offer "owner"). */
  roles: readonly Role[];
  onAdded: (member: Member) => void;
}

type Outcome =
  | { kind: 'generated'; member: CreateMemberResponse; password: string }
  | { kind: 'added'; member: CreateMemberResponse; passwordGiven: boolean };

/** Adds a person to the workspace. A generated password is shown once, here, and nowhere else. */
export function AddMemberForm({ roles, onAdded }: Props) {
  const { t, tl } = useT();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof optionalPasswordProblem>>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = optionalPasswordProblem(password);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const created = await api.createMember({ email: email.trim(), name: name.trim(), role, password: password || undefined });
      const { initialPassword, ...member } = created;
      onAdded(member);
      setOutcome(initialPassword
        ? { kind: 'generated', member: created, password: initialPassword }
        : { kind: 'added', member: created, passwordGiven: password !== '' });
      setEmail('');
      setName('');
      setPassword('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="subform" aria-labelledby="member-add-title">
      <h3 id="member-add-title">{t('member.add')}</h3>
      <form onSubmit={submit} data-testid="member-form" autoComplete="off">
        <div className="form-grid">
          <label className="field">
            <span>{t('common.email')}</span>
            <input type="email" required maxLength={320} value={email} onChange={(e) => setEmail(e.target.value)} spellCheck={false}
              data-testid="member-email" />
          </label>
          <label className="field">
            <span>{t('common.name')}</span>
            <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} data-testid="member-name" />
          </label>
          <label className="field">
            <span>{t('user.role')}</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="member-role">
              {roles.map((r) => <option key={r} value={r}>{tl('role', r)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('member.password')}</span>
            <input type="password" autoComplete="new-password" maxLength={1024} value={password}
              placeholder={t('member.passwordPlaceholder')} aria-invalid={problem !== null}
              onChange={(e) => { setPassword(e.target.value); setProblem(null); }} data-testid="member-password" />
          </label>
        </div>
        <p className="muted small hint">{t('member.passwordHint', { min: MIN_PASSWORD_LENGTH })}</p>
        {problem && <p className="field-error" role="alert">{t(problem, { min: MIN_PASSWORD_LENGTH })}</p>}
        {error !== null && <ErrorBanner error={error} titleKey="member.addError" serverDetailOnly onDismiss={() => setError(null)} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !email.trim() || !name.trim()} data-testid="member-submit">
            {busy ? t('member.adding') : t('member.add')}
          </button>
        </div>
      </form>
      {outcome?.kind === 'generated' && (
        <SecretOnceNotice value={outcome.password} label={t('member.generatedFor', { email: outcome.member.email })}
          title={t('member.passwordOnce', { name: outcome.member.name, email: outcome.member.email })}
          hint={t('member.passwordOnceHint')} testId="member-initial-password" valueTestId="member-initial-password-value"
          onDone={() => setOutcome(null)} />
      )}
      {outcome?.kind === 'added' && (
        <div className="banner banner-ok" role="status" data-testid="member-added">
          {t(outcome.passwordGiven ? 'member.addedWithPassword' : 'member.addedExisting', { name: outcome.member.name })}
        </div>
      )}
    </div>
  );
}
