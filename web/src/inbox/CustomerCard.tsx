import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TicketDetail } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import type { CustomerIdentity } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { regionName } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Facts } from './Facts.tsx';

type Customer = NonNullable<TicketDetail['customer']>;

interface Props {
  customer: TicketDetail['customer'];
  /** Agents and up may merge and split customers. */
  canEdit: boolean;
  /** After a merge or split: the ticket, its customer and the queue are re-read. */
  onChanged: () => void;
}

type Notice = { key: 'cust.merged' | 'cust.splitDone'; n: number };

export function CustomerCard({ customer, canEdit, onChanged }: Props) {
  const { t } = useT();
  if (!customer) {
    return (
      <section className="card" data-testid="customer-panel">
        <h3>{t('cust.title')}</h3>
        <p className="muted small">{t('cust.none')}</p>
      </section>
    );
  }
  return <CustomerDetails key={customer.id} customer={customer} canEdit={canEdit} onChanged={onChanged} />;
}

function CustomerDetails({ customer, canEdit, onChanged }: { customer: Customer; canEdit: boolean; onChanged: () => void }) {
  const { t, tl, locale } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [mergeId, setMergeId] = useState('');
  const canSplit = canEdit && customer.identities.length > 1;

  const run = async (work: () => Promise<{ movedTickets: number }>, key: Notice['key']) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = await work();
      setNotice({ key, n: r.movedTickets });
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const split = (identity: CustomerIdentity) => {
    if (!window.confirm(t('cust.splitConfirm', { id: identity.externalId }))) return;
    void run(() => api.splitCustomer(customer.id, [identity]), 'cust.splitDone');
  };

  const merge = (event: FormEvent) => {
    event.preventDefault();
    const other = mergeId.trim();
    if (!other || other === customer.id) return;
    if (!window.confirm(t('cust.mergeConfirm', { id: other }))) return;
    void run(async () => {
      const r = await api.mergeCustomer(customer.id, other);
      setMergeId('');
      return r;
    }, 'cust.merged');
  };

  return (
    <section className="card" data-testid="customer-panel" data-customer-id={customer.id}>
      <h3>{t('cust.title')}</h3>
      <div className="customer-name">{customer.name ?? t('queue.unknownCustomer')}</div>
      <Facts rows={[
        [t('common.email'), customer.email ? <span className="selectable">{customer.email}</span> : null],
        [t('cust.country'), customer.country ? regionName(customer.country, locale) : null],
        [t('cust.orders'), String(customer.orderCount)],
        [t('cust.tickets'), String(customer.ticketCount)],
        [t('cust.id'), <span className="mono selectable" data-testid="customer-id">{customer.id}</span>],
      ]} />
      {notice && <div className="banner banner-ok small" role="status">{t(notice.key, { n: notice.n })}</div>}
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {customer.identities.length > 0 && (
        <>
          <h4>{t('cust.identities')}</h4>
          <ul className="identities">
            {customer.identities.map((i) => (
              <li key={`${i.channel}:${i.externalId}`} className="small" data-testid="customer-identity">
                <span className="badge badge-channel">{tl('channel', i.channel)}</span>
                <span className="mono truncate selectable" title={i.externalId}>{i.externalId}</span>
                {canSplit && (
                  <button type="button" className="btn btn-small btn-ghost push-right" disabled={busy} onClick={() => split(i)}
                    title={t('cust.splitHint')} data-testid="identity-split">
                    {t('cust.split')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {canEdit && (
        <details className="customer-merge">
          <summary className="small">{t('cust.mergeTitle')}</summary>
          <form className="merge-form" onSubmit={merge}>
            <label className="field">
              <span>{t('cust.mergeId')}</span>
              <input value={mergeId} onChange={(e) => setMergeId(e.target.value)} maxLength={64} spellCheck={false}
                placeholder="cus_…" className="mono" data-testid="merge-customer-id" />
            </label>
            <p className="muted small">{t('cust.mergeHint')}</p>
            <button type="submit" className="btn btn-small" disabled={busy || !mergeId.trim() || mergeId.trim() === customer.id}
              data-testid="merge-customer-submit">
              {t('cust.merge')}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}
