import type { OrderDetail } from '../../../src/contracts/index.ts';
import { formatDate, formatDateTime, formatMoney, regionName } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Facts } from './Facts.tsx';
import { OrderExtras } from './OrderExtras.tsx';
import { ShipmentCard } from './ShipmentCard.tsx';

export function OrderCard({ order }: { order: OrderDetail | null }) {
  const { t, tl, locale } = useT();
  if (!order) {
    return (
      <section className="card" data-testid="order-panel">
        <h3>{t('order.title')}</h3>
        <p className="muted small">{t('order.none')}</p>
      </section>
    );
  }
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const place = [order.shipTo.city, order.shipTo.postalCode, order.shipTo.country ? regionName(order.shipTo.country, locale) : null]
    .filter(Boolean).join(', ');
  const promisedLate = order.promisedDeliveryBy !== null && Date.parse(order.promisedDeliveryBy) < Date.now()
    && !order.shipments.some((s) => s.deliveredAt);

  return (
    <section className="card" data-testid="order-panel" data-order-id={order.externalId}>
      <h3>{t('order.title')}</h3>
      <div className="order-id mono" data-testid="order-id">{order.externalId}</div>
      <div className="badge-line">
        <span className="badge badge-channel">{tl('channel', order.channel)}{order.marketplace ? ` · ${order.marketplace}` : ''}</span>
        <span className={`badge badge-ff ff-${order.fulfillment}`}>{order.fulfillment}</span>
        <span className="badge status">{tl('orderStatus', order.status)}</span>
      </div>
      <Facts rows={[
        [t('order.purchased'), formatDateTime(order.purchasedAt, locale)],
        [t('order.shipBy'), order.promisedShipBy ? formatDate(order.promisedShipBy, locale) : null],
        [t('order.deliverBy'), order.promisedDeliveryBy
          ? <span className={promisedLate ? 'text-danger' : undefined}>{formatDate(order.promisedDeliveryBy, locale)}</span>
          : null],
        [t('order.shipTo'), place],
      ]} />

      <h4>{t('order.items')}</h4>
      <ul className="items">
        {order.items.map((item, i) => (
          <li key={`${item.sku}-${i}`} className="item">
            <div className="item-title">{item.title}</div>
            <div className="item-codes mono small">
              <span>{t('order.sku')} {item.sku}</span>
              {item.asin && <span>{t('order.asin')} {item.asin}</span>}
              {item.fnsku && <span>{t('order.fnsku')} {item.fnsku}</span>}
            </div>
            <div className="item-price small">
              {t('order.qtyPrice', { qty: item.quantity, price: money(item.unitPriceMinor) })}
              <span className="push-right">{money(item.unitPriceMinor * item.quantity)}</span>
            </div>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <div><dt>{t('order.subtotal')}</dt><dd>{money(order.subtotalMinor)}</dd></div>
        {order.shippingMinor !== 0 && <div><dt>{t('order.shipping')}</dt><dd>{money(order.shippingMinor)}</dd></div>}
        {order.taxMinor !== 0 && <div><dt>{t('order.tax')}</dt><dd>{money(order.taxMinor)}</dd></div>}
        {order.discountMinor !== 0 && <div><dt>{t('order.discount')}</dt><dd>−{money(Math.abs(order.discountMinor))}</dd></div>}
        <div className="total"><dt>{t('order.total')}</dt><dd data-testid="order-total">{money(order.totalMinor)}</dd></div>
      </dl>

      <h4>{t('order.shipments')}</h4>
      {order.shipments.length === 0 && <p className="muted small">{t('order.noShipments')}</p>}
      {order.shipments.map((s) => <ShipmentCard key={s.id} shipment={s} />)}
      <OrderExtras order={order} />
    </section>
  );
}
