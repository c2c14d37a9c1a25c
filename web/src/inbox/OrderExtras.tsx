import type { OrderDetail } from '../../../src/contracts/index.ts';
import { formatDate, formatMoney } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Facts } from './Facts.tsx';

/** Returns and refunds on the order (shown only when there are any). */
export function OrderExtras({ order }: { order: OrderDetail }) {
  const { t, tl, locale } = useT();
  return (
    <>
      {order.returns.length > 0 && (
        <>
          <h4>{t('order.returns')}</h4>
          {order.returns.map((r) => (
            <div key={r.id} className="subcard" data-testid="return">
              <div className="subcard-head">
                <span className="mono small">{r.sku ?? '—'}</span>
                <span className="small">{t('ret.quantity', { qty: r.quantity })}</span>
                <span className="badge push-right">{tl('retStatus', r.status)}</span>
              </div>
              <Facts rows={[
                [t('ret.requested'), formatDate(r.requestedAt, locale)],
                [t('ret.reason'), r.reason],
                [t('ret.comment'), r.customerComment],
                [t('ret.disposition'), r.disposition ? <span className="mono">{r.disposition}</span> : null],
              ]} />
            </div>
          ))}
        </>
      )}
      {order.refunds.length > 0 && (
        <>
          <h4>{t('order.refunds')}</h4>
          {order.refunds.map((r) => (
            <div key={r.id} className="subcard" data-testid="refund">
              <div className="subcard-head">
                <strong>{formatMoney(r.amountMinor, r.currency, locale)}</strong>
                <span className="muted small push-right">{formatDate(r.refundedAt, locale)}</span>
              </div>
              {r.reason && <div className="small">{t('refund.reason')}: {r.reason}</div>}
            </div>
          ))}
        </>
      )}
    </>
  );
}
