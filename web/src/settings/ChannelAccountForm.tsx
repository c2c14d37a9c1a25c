import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ChannelAccount, CreateChannelAccountRequest } from '../../../src/contracts/index.ts';
import { ChannelAccountKind } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { regionName } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { LockIcon } from '../icons.tsx';
import { AMAZON_MARKETPLACES, credentialFieldsFor } from './credentialFields.ts';
import type { AccountKind } from './credentialFields.ts';

interface Props {
  onCreated: (account: ChannelAccount) => void;
  onCancel: () => void;
}

/** Adds a channel account. Credentials go to the server once and are never read back or re-displayed. */
export function ChannelAccountForm({ onCreated, onCancel }: Props) {
  const { t, tl, locale } = useT();
  const [kind, setKind] = useState<AccountKind>('amazon');
  const [name, setName] = useState('');
  const [marketplace, setMarketplace] = useState('');
  const [externalId, setExternalId] = useState('');
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = credentialFieldsFor(kind);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const filled = Object.fromEntries(fields.map((f) => [f.key, (credentials[f.key] ?? '').trim()]).filter(([, v]) => v));
    const body: CreateChannelAccountRequest = {
      kind,
      name: name.trim(),
      marketplace: marketplace.trim() ? marketplace.trim().toUpperCase() : undefined,
      externalId: externalId.trim() || undefined,
      credentials: Object.keys(filled).length ? filled : undefined,
    };
    try {
      const account = await api.createChannelAccount(body);
      setCredentials({});
      onCreated(account);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="subform" onSubmit={submit} data-testid="account-form" autoComplete="off">
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="form-grid">
        <label className="field">
          <span>{t('acct.kind')}</span>
          <select value={kind} onChange={(e) => { setKind(e.target.value as AccountKind); setCredentials({}); }} data-testid="account-kind">
            {ChannelAccountKind.options.map((k) => <option key={k} value={k}>{tl('acctKind', k)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('common.name')}</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} data-testid="account-name" />
        </label>
        <label className="field">
          <span>{t('acct.marketplace')}</span>
          {kind === 'amazon' ? (
            <select required value={marketplace} onChange={(e) => setMarketplace(e.target.value)} data-testid="account-marketplace">
              <option value="" disabled>—</option>
              {AMAZON_MARKETPLACES.map((m) => <option key={m} value={m}>{m} · {regionName(m === 'UK' ? 'GB' : m, locale)}</option>)}
            </select>
          ) : (
            <input maxLength={8} value={marketplace} onChange={(e) => setMarketplace(e.target.value)} className="upper"
              data-testid="account-marketplace" />
          )}
        </label>
        <label className="field">
          <span>{t(`extId.${kind}`)}</span>
          <input maxLength={300} value={externalId} onChange={(e) => setExternalId(e.target.value)} data-testid="account-external-id" />
        </label>
      </div>
      <fieldset className="creds">
        <legend>{t('acct.credentials')}</legend>
        <p className="muted small with-icon"><LockIcon />{t('acct.credHint')}</p>
        <div className="form-grid">
          {fields.map((f) => (
            <label key={`${kind}-${f.key}`} className="field">
              <span>{t(f.labelKey)}</span>
              <input type={f.secret ? 'password' : 'text'} autoComplete={f.secret ? 'new-password' : (f.autoComplete ?? 'off')}
                spellCheck={false} maxLength={10_000} value={credentials[f.key] ?? ''}
                onChange={(e) => setCredentials((c) => ({ ...c, [f.key]: e.target.value }))} data-testid={`account-cred-${f.key}`} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim() || (kind === 'amazon' && !marketplace)}
          data-testid="account-submit">{busy ? t('acct.adding') : t('acct.add')}</button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
