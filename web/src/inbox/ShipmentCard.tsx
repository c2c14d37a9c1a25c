import type { OrderDetail } from '../../../src/contracts/index.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { TruckIcon } from '../icons.tsx';
import { Facts } from './Facts.tsx';

type Shipment = OrderDetail['shipments'][number];

export function ShipmentCard({ shipment }: { shipment: Shipment }) {
  const { t, tl, locale } = useT();
  const events = [...shipment.events].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  return (
    <div className="shipment" data-testid="shipment">
      <div className="shipment-head">
        <TruckIcon />
        <strong>{shipment.carrier}</strong>
        {shipment.service && <span className="muted small">{shipment.service}</span>}
        <span className={`badge push-right ship-${shipment.status}`}>{tl('shipStatus', shipment.status)}</span>
      </div>
      <Facts rows={[
        [t('ship.tracking'), shipment.trackingNumber ? <span className="mono selectable">{shipment.trackingNumber}</span> : null],
        [t('ship.shipped'), shipment.shippedAt ? formatDateTime(shipment.shippedAt, locale) : null],
        [t('ship.delivered'), shipment.deliveredAt ? formatDateTime(shipment.deliveredAt, locale) : null],
        [t('ship.signedBy'), shipment.signedBy],
      ]} />
      <div className={shipment.uploadedToMarketplace ? 'small text-ok' : 'small text-warn'}>
        {shipment.uploadedToMarketplace ? `✓ ${t('ship.uploaded')}` : `! ${t('ship.notUploaded')}`}
      </div>
      <details className="tracking" open={events.length > 0 && events.length <= 4}>
        <summary className="small">{t('ship.events')} ({events.length})</summary>
        {events.length === 0 && <p className="muted small">{t('ship.noEvents')}</p>}
        <ol className="tracking-events">
          {events.map((e, i) => (
            <li key={`${e.occurredAt}-${e.status}-${i}`}>
              <time className="muted small" dateTime={e.occurredAt}>{formatDateTime(e.occurredAt, locale)}</time>
              <span className="small">{e.message}</span>
              {e.location && <span className="muted small">{e.location}</span>}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
