import type { ReactNode } from 'react';
import type { TicketSummary } from '../../../src/contracts/index.ts';
import { SlaTimer } from '../components/SlaTimer.tsx';
import { SlaClocks } from './SlaClocks.tsx';
import { RiskBadge } from '../components/RiskBadge.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { TagIcon } from '../icons.tsx';
import { RiskReasons } from './RiskReasons.tsx';

interface Props {
  ticket: TicketSummary;
  showTimeline: boolean;
  onToggleTimeline: () => void;
  /** Status / assignee / team controls for agents; viewers see the assignee and team as text. */
  actions?: ReactNode;
}

export function ConversationHeader({ ticket, showTimeline, onToggleTimeline, actions }: Props) {
  const { t, tl } = useT();
  const otherIntents = ticket.intents.filter((intent, i) => intent !== ticket.intent && ticket.intents.indexOf(intent) === i);
  return (
    <header className="conv-header">
      <div className="conv-title-row">
        <h2 id="conv-subject" className="conv-subject">{ticket.subject || `#${ticket.number}`}</h2>
        <button type="button" className="btn btn-small" aria-pressed={showTimeline} onClick={onToggleTimeline}
          data-testid="timeline-toggle">
          {showTimeline ? t('conv.hideTimeline') : t('conv.showTimeline')}
        </button>
      </div>
      <div className="conv-meta">
        <span className="mono muted">#{ticket.number}</span>
        <span className={`badge status status-${ticket.status}`}>{tl('status', ticket.status)}</span>
        <RiskBadge level={ticket.riskLevel} />
        <span className="muted small">{t('conv.riskScore', { score: ticket.riskScore })}</span>
        {ticket.intent && (
          <span className="badge badge-intent" title={t('conv.intent')}>{tl('intent', ticket.intent)}</span>
        )}
        {otherIntents.map((intent) => (
          <span key={intent} className="badge badge-intent-other" title={t('conv.otherIntent')} data-testid="intent-other">
            <span className="sr-only">{t('conv.otherIntent')}: </span>{tl('intent', intent)}
          </span>
        ))}
        {ticket.signals.map((s) => <span key={s} className="badge badge-signal">⚠ {tl('signal', s)}</span>)}
        <SlaTimer sla={ticket.sla} />
      </div>
      <RiskReasons key={ticket.id} level={ticket.riskLevel} factors={ticket.riskFactors} />
      <SlaClocks sla={ticket.sla} />
      {actions}
      <div className="conv-meta small muted">
        {!actions && <span>{t('conv.assignee')}: {ticket.assigneeName ?? t('queue.unassigned')}</span>}
        {!actions && ticket.teamName && <span>{t('conv.team')}: {ticket.teamName}</span>}
        {ticket.tags.length > 0 && (
          <ul className="tag-list" aria-label={t('conv.tags')} data-testid="ticket-tags">
            <li aria-hidden="true" className="tag-icon"><TagIcon /></li>
            {ticket.tags.map((tag) => <li key={tag} className="tag">{tag}</li>)}
          </ul>
        )}
      </div>
    </header>
  );
}
