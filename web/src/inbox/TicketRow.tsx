import { useEffect, useRef } from 'react';
import type { TicketSummary } from '../../../src/contracts/index.ts';
import { useNow } from '../clock.ts';
import { SlaTimer } from '../components/SlaTimer.tsx';
import { RiskBadge } from '../components/RiskBadge.tsx';
import { formatShortTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Link } from '../Link.tsx';

export function TicketRow({ ticket, selected }: { ticket: TicketSummary; selected: boolean }) {
  const { t, tl, locale } = useT();
  const now = useNow();
  const ref = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <li>
      <Link ref={ref} to={`/inbox/${encodeURIComponent(ticket.id)}`} className={`ticket-row risk-edge-${ticket.riskLevel}${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined} data-testid="ticket-row" data-ticket-id={ticket.id}
        data-risk={ticket.riskLevel} data-status={ticket.status} data-order-id={ticket.orderExternalId ?? ''}>
        <div className="row-line">
          <RiskBadge level={ticket.riskLevel} />
          <span className="badge badge-channel">
            {tl('channel', ticket.channel)}
            {ticket.marketplace ? ` · ${ticket.marketplace}` : ''}
          </span>
          {ticket.fulfillment && <span className={`badge badge-ff ff-${ticket.fulfillment}`}>{ticket.fulfillment}</span>}
          <span className="push-right"><SlaTimer sla={ticket.sla} /></span>
        </div>
        <div className="row-subject">{ticket.subject || `#${ticket.number}`}</div>
        <div className="row-line row-meta">
          <span className="truncate">{ticket.customerName ?? t('queue.unknownCustomer')}</span>
          <span className="mono truncate">{ticket.orderExternalId ?? t('queue.noOrder')}</span>
          <span className="push-right muted">{formatShortTime(ticket.lastMessageAt ?? ticket.createdAt, locale, now)}</span>
        </div>
        <div className="row-preview">{ticket.preview}</div>
      </Link>
    </li>
  );
}
