import type { TicketDetail } from '../../../src/contracts/index.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { OrderCard } from './OrderCard.tsx';

/** Right-hand pane: the order behind the ticket and who the customer is. */
export function DetailPanel({ detail, loading }: { detail: TicketDetail | null; loading: boolean }) {
  const { t } = useT();
  return (
    <aside className={loading ? 'pane details stale' : 'pane details'} aria-label={`${t('order.title')} / ${t('cust.title')}`}>
      {detail && (
        <>
          <OrderCard order={detail.order} />
          <CustomerCard customer={detail.customer} />
        </>
      )}
    </aside>
  );
}
