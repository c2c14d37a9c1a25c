import type { TicketDetail } from '../../../src/contracts/index.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { hasRole, useSession } from '../session.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { OrderCard } from './OrderCard.tsx';

interface Props {
  detail: TicketDetail | null;
  loading: boolean;
  /** A customer merge or split changed who is behind the ticket. */
  onCustomerChanged: () => void;
}

/** Right-hand pane: the order behind the ticket and who the customer is. */
export function DetailPanel({ detail, loading, onCustomerChanged }: Props) {
  const { t } = useT();
  const { session } = useSession();
  return (
    <aside className={loading ? 'pane details stale' : 'pane details'} aria-label={`${t('order.title')} / ${t('cust.title')}`}>
      {detail && (
        <>
          <OrderCard order={detail.order} />
          <CustomerCard customer={detail.customer} canEdit={hasRole(session.role, 'agent')} onChanged={onCustomerChanged} />
        </>
      )}
    </aside>
  );
}
