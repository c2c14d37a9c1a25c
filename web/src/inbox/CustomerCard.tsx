import type { TicketDetail } from '../../../src/contracts/index.ts';
import { regionName } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Facts } from './Facts.tsx';

export function CustomerCard({ customer }: { customer: TicketDetail['customer'] }) {
  const { t, tl, locale } = useT();
  if (!customer) {
    return (
      <section className="card" data-testid="customer-panel">
        <h3>{t('cust.title')}</h3>
        <p className="muted small">{t('cust.none')}</p>
      </section>
    );
  }
  return (
    <section className="card" data-testid="customer-panel">
      <h3>{t('cust.title')}</h3>
      <div className="customer-name">{customer.name ?? t('queue.unknownCustomer')}</div>
      <Facts rows={[
        [t('common.email'), customer.email ? <span className="selectable">{customer.email}</span> : null],
        [t('cust.country'), customer.country ? regionName(customer.country, locale) : null],
        [t('cust.orders'), String(customer.orderCount)],
        [t('cust.tickets'), String(customer.ticketCount)],
      ]} />
      {customer.identities.length > 0 && (
        <>
          <h4>{t('cust.identities')}</h4>
          <ul className="identities">
            {customer.identities.map((i) => (
              <li key={`${i.channel}:${i.externalId}`} className="small">
                <span className="badge badge-channel">{tl('channel', i.channel)}</span>
                <span className="mono truncate selectable" title={i.externalId}>{i.externalId}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
