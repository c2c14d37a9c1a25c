import { useState } from 'react';
import { api } from '../api.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Link } from '../Link.tsx';
import { hasRole, useSession } from '../session.tsx';
import { useAsync } from '../useAsync.ts';

/** Open delivery-complaint spikes: the late-shipment / valid-tracking risk before Amazon's metrics show it. */
export function AlertsBanner() {
  const { t } = useT();
  const { session } = useSession();
  const alerts = useAsync(api.listAlerts);
  const [busy, setBusy] = useState<string | null>(null);
  const items = alerts.data ?? [];
  if (items.length === 0) return null;
  const ack = async (alertId: string) => {
    setBusy(alertId);
    try {
      await api.acknowledgeAlert(alertId);
      alerts.reload();
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="alert-banner" role="status" data-testid="alerts-banner">
      <strong>⚠ {t('alerts.title')}</strong>
      <ul>
        {items.map((a) => (
          <li key={a.id} data-testid="alert" data-slice={a.sliceKey}>
            <span lang="en">{a.message}</span>{' '}
            <span className="muted small">
              ({t('alerts.tickets', { n: a.tickets.length })}:{' '}
              {a.tickets.slice(0, 5).map((x, i) => (
                <span key={x.id}>{i > 0 ? ', ' : ''}<Link to={`/inbox/${encodeURIComponent(x.id)}`}>#{x.number}</Link></span>
              ))}{a.tickets.length > 5 ? ' …' : ''})
            </span>
            {hasRole(session.role, 'agent') && (
              <button type="button" className="btn btn-small" disabled={busy === a.id} onClick={() => void ack(a.id)}>{t('alerts.ack')}</button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
