import { Fragment, useState } from 'react';
import type { ChannelAccount } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatDate } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { LockIcon } from '../icons.tsx';
import { hasRole, useSession } from '../session.tsx';
import { useAsync } from '../useAsync.ts';
import { ChannelAccountForm } from './ChannelAccountForm.tsx';
import { WebhookUrl } from './WebhookUrl.tsx';
import { webhookUrl } from './webhooks.ts';

export function ChannelAccountsSection() {
  const { t, tl, locale } = useT();
  const { session } = useSession();
  const accounts = useAsync(api.listChannelAccounts);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const canAdd = hasRole(session.role, 'admin');

  const onCreated = (account: ChannelAccount) => {
    accounts.setData((list) => [...(list ?? []), account]);
    setAdded(account.name);
    setAdding(false);
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-accounts">
      <div className="section-head">
        <h2 id="settings-accounts">{t('settings.accounts')}</h2>
        {canAdd && !adding && (
          <button type="button" className="btn btn-primary btn-small push-right" onClick={() => { setAdding(true); setAdded(null); }}
            data-testid="account-add">
            + {t('acct.add')}
          </button>
        )}
      </div>
      {!canAdd && <p className="muted small">{t('acct.adminOnly')}</p>}
      {added && <div className="banner banner-ok" role="status">{t('acct.added', { name: added })}</div>}
      {adding && <ChannelAccountForm onCreated={onCreated} onCancel={() => setAdding(false)} />}
      {accounts.error !== null && <ErrorBanner error={accounts.error} onRetry={accounts.reload} />}
      {accounts.loading && !accounts.data && <p className="muted small">{t('common.loading')}</p>}
      {accounts.data?.length === 0 && <p className="muted small">{t('acct.empty')}</p>}
      {accounts.data && accounts.data.length > 0 && (
        <table className="table" data-testid="accounts-table">
          <thead>
            <tr>
              <th>{t('common.name')}</th><th>{t('acct.kind')}</th><th>{t('acct.marketplace')}</th>
              <th>{t('acct.externalId')}</th><th>{t('common.status')}</th><th>{t('acct.credentials')}</th><th>{t('common.created')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((a) => {
              const hook = webhookUrl(a.kind, a.id, window.location.origin);
              return (
                <Fragment key={a.id}>
                  <tr className={hook ? 'has-subrow' : undefined} data-testid="account-row" data-kind={a.kind}>
                    <td>{a.name}</td>
                    <td>{tl('acctKind', a.kind)}</td>
                    <td>{a.marketplace ?? '—'}</td>
                    <td className="mono selectable">{a.externalId ?? '—'}</td>
                    <td>
                      <span className={`badge acct-${a.status}`}>{tl('acctStatus', a.status)}</span>
                      {a.lastSyncAt && <div className="muted small" data-testid="account-synced">{t('acct.lastSync', { at: formatDate(a.lastSyncAt, locale) })}</div>}
                      {a.lastError && <div className="text-danger small" data-testid="account-error" title={a.lastError}>{t('acct.lastError', { error: a.lastError.slice(0, 120) })}</div>}
                    </td>
                    <td>{a.hasCredentials ? <span className="with-icon"><LockIcon />{t('acct.credStored')}</span> : <span className="muted">{t('acct.credMissing')}</span>}</td>
                    <td>{formatDate(a.createdAt, locale)}</td>
                  </tr>
                  {hook && (
                    <tr className="subrow">
                      <td colSpan={7}><WebhookUrl kind={a.kind} url={hook} /></td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
