import { useEffect, useState } from 'react';
import type { TimelineEvent } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { LabelGroup } from '../i18n/messages.ts';

const LABELLED: Record<string, LabelGroup> = { risk: 'risk', riskLevel: 'risk', intent: 'intent', status: 'status', from: 'status', to: 'status' };

function summarise(data: Record<string, unknown>, tl: (group: LabelGroup, value: string) => string): string {
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => {
      const group = LABELLED[k];
      const text = typeof v === 'string' && group ? tl(group, v)
        : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('; ')
          : typeof v === 'object' ? JSON.stringify(v) : String(v);
      return `${k}: ${text}`;
    })
    .join(' · ');
}

/**
 * Who did it: the server's readable `actorLabel` (a user's name, "Rule: …"). The two fixed vocabularies — the system
 * and a channel — are shown in the UI language; an unknown channel falls back to the server's label.
 */
function actorName(event: TimelineEvent, t: (key: 'conv.actorSystem') => string, tl: (group: LabelGroup, value: string) => string): string {
  if (event.actor === 'system') return t('conv.actorSystem');
  const channel = /^channel:(.+)$/.exec(event.actor)?.[1];
  if (channel) {
    const label = tl('channel', channel);
    if (label !== channel) return label;
  }
  return event.actorLabel || event.actor;
}

/** The ticket's append-only audit trail (GET /api/tickets/:id/timeline). */
export function TimelineList({ ticketId }: { ticketId: string }) {
  const { t, tl, locale } = useT();
  const [items, setItems] = useState<TimelineEvent[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    api.getTimeline(ticketId).then(
      (events) => live && setItems(events),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [ticketId, attempt]);

  return (
    <section className="timeline" aria-label={t('conv.timeline')} data-testid="timeline">
      <h3>{t('conv.timeline')}</h3>
      {error !== null && <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {items === null && error === null && <p className="muted small">{t('common.loading')}</p>}
      {items?.length === 0 && <p className="muted small">{t('conv.timelineEmpty')}</p>}
      <ol>
        {items?.map((event) => (
          <li key={event.id} className="timeline-item">
            <time className="muted small" dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
            <span className="timeline-type">{tl('event', event.type)}</span>
            <span className="muted small" data-actor={event.actor}>{actorName(event, t, tl)}</span>
            {Object.keys(event.data).length > 0 && <span className="timeline-data small mono">{summarise(event.data, tl)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
