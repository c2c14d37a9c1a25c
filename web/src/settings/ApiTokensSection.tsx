import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CreateApiTokenResponse } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { hasRole, useSession } from '../session.tsx';
import { useAsync } from '../useAsync.ts';
import { NewTokenNotice } from './NewTokenNotice.tsx';

export function ApiTokensSection() {
  const { t, locale } = useT();
  const { session } = useSession();
  const canCreate = hasRole(session.role, 'agent');
  const tokens = useAsync(api.listTokens);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreateApiTokenResponse | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = await api.createToken(name.trim());
      const { token: _secret, ...listed } = token;
      tokens.setData((list) => [listed, ...(list ?? [])]);
      setCreated(token);
      setName('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string, tokenName: string) => {
    if (!window.confirm(t('token.revokeConfirm', { name: tokenName }))) return;
    setError(null);
    try {
      await api.revokeToken(id);
      tokens.setData((list) => list?.filter((tk) => tk.id !== id));
      if (created?.id === id) setCreated(null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-tokens">
      <h2 id="settings-tokens">{t('settings.tokens')}</h2>
      <p className="muted small">{t('token.intro')}</p>
      {!canCreate && <p className="muted small">{t('token.viewerOnly')}</p>}
      {canCreate && (
        <form className="inline-form" onSubmit={create} data-testid="token-form">
          <label className="field">
            <span>{t('token.name')}</span>
            <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="token-name" />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()} data-testid="token-create">
            {busy ? t('token.creating') : t('token.create')}
          </button>
        </form>
      )}
      {created && <NewTokenNotice token={created.token} onDone={() => setCreated(null)} />}
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {tokens.error !== null && <ErrorBanner error={tokens.error} onRetry={tokens.reload} />}
      {tokens.loading && !tokens.data && <p className="muted small">{t('common.loading')}</p>}
      {tokens.data?.length === 0 && <p className="muted small">{t('token.empty')}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="table" data-testid="tokens-table">
          <thead>
            <tr>
              <th>{t('common.name')}</th><th>{t('token.prefix')}</th><th>{t('common.created')}</th>
              <th>{t('token.lastUsed')}</th><th className="num">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((tk) => (
              <tr key={tk.id}>
                <td>{tk.name}</td>
                <td className="mono">{tk.prefix}…</td>
                <td>{formatDate(tk.createdAt, locale)}</td>
                <td>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, locale) : <span className="muted">{t('token.never')}</span>}</td>
                <td className="num">
                  <button type="button" className="btn btn-small btn-danger" onClick={() => void revoke(tk.id, tk.name)}>
                    {t('token.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
