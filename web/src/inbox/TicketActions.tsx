import { useState } from 'react';
import type { Member, Team, TicketSummary, UpdateTicketRequest } from '../../../src/contracts/index.ts';
import { TicketStatus } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props {
  ticket: TicketSummary;
  members: readonly Member[];
  teams: readonly Team[];
  onChanged: (ticket: TicketSummary) => void;
}

/** Status, assignee, team and (Amazon) "no response needed", each saved at once with PATCH /api/tickets/{id}. */
export function TicketActions({ ticket, members, teams, onChanged }: Props) {
  const { t, tl } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The current assignee / team may be missing from the lists (removed member, lists still loading): shown by name, not selectable.
  const assigneeId = ticket.assigneeId ?? '';
  const teamId = ticket.teamId ?? '';
  const assigneeListed = !ticket.assigneeId || members.some((m) => m.id === ticket.assigneeId);
  const teamListed = !ticket.teamId || teams.some((tm) => tm.id === ticket.teamId);

  const update = async (change: UpdateTicketRequest) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.updateTicket(ticket.id, change));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ticket-actions" data-testid="ticket-actions">
      <label className="action-field">
        <span>{t('common.status')}</span>
        <select value={ticket.status} disabled={busy} data-testid="ticket-status"
          onChange={(e) => void update({ status: e.target.value as TicketSummary['status'] })}>
          {TicketStatus.options.map((s) => <option key={s} value={s}>{tl('status', s)}</option>)}
        </select>
      </label>
      <label className="action-field">
        <span>{t('conv.assignee')}</span>
        <select value={assigneeId} disabled={busy} data-testid="ticket-assignee"
          onChange={(e) => void update({ assigneeId: e.target.value || null })}>
          <option value="">{t('queue.unassigned')}</option>
          {!assigneeListed && <option value={assigneeId} disabled>{ticket.assigneeName ?? t('common.unknown')}</option>}
          {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <label className="action-field">
        <span>{t('conv.team')}</span>
        <select value={teamId} disabled={busy} data-testid="ticket-team"
          onChange={(e) => void update({ teamId: e.target.value || null })}>
          <option value="">{t('actions.noTeam')}</option>
          {!teamListed && <option value={teamId} disabled>{ticket.teamName ?? t('common.unknown')}</option>}
          {teams.map((tm) => <option key={tm.id} value={tm.id}>{tm.name}</option>)}
        </select>
      </label>
      {ticket.channel === 'amazon' && (
        <label className="action-check" title={t('actions.noResponseHint')}>
          <input type="checkbox" checked={ticket.noResponseNeeded} disabled={busy} data-testid="ticket-no-response"
            onChange={(e) => void update({ noResponseNeeded: e.target.checked })} />
          <span>{t('actions.noResponse')}</span>
        </label>
      )}
      {error !== null && <ErrorBanner error={error} titleKey="actions.failed" onDismiss={() => setError(null)} />}
    </div>
  );
}
