import { useCallback, useEffect, useState } from 'react';
import type { TicketFilters } from '../api.ts';
import { navigate } from '../router.ts';
import { useDirectory } from '../settings/useDirectory.ts';
import { ConversationPane } from './ConversationPane.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { QueuePane } from './QueuePane.tsx';
import { useTicketDetail } from './useTicketDetail.ts';
import { useTicketQueue } from './useTicketQueue.ts';

const DEFAULT_FILTERS: TicketFilters = {
  status: 'active', channel: null, riskLevel: null, marketplace: null, assignee: null, teamId: null, q: '',
};

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Three panes: the queue, the open conversation, and the order + customer behind it. */
export function InboxPage({ ticketId }: { ticketId: string | null }) {
  const [filters, setFilters] = useState<TicketFilters>(DEFAULT_FILTERS);
  const queue = useTicketQueue(filters);
  const detail = useTicketDetail(ticketId);
  // Members and teams: the assignee and team filters and selects.
  const { members, teams } = useDirectory();
  const memberList = members.data ?? [];
  const teamList = teams.data ?? [];
  const { refresh: refreshQueue } = queue;
  const { refresh: refreshDetail } = detail;
  const onCustomerChanged = useCallback(() => {
    refreshDetail();
    refreshQueue();
  }, [refreshDetail, refreshQueue]);

  // j / k move through the queue (outside text fields), like Gmail, Front and Zendesk.
  const { items, nextCursor, loadMore } = queue;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key !== 'j' && e.key !== 'k') return;
      if (items.length === 0) return;
      e.preventDefault();
      const index = items.findIndex((t) => t.id === ticketId);
      let next: number;
      if (index === -1) next = 0;
      else if (e.key === 'j') next = Math.min(index + 1, items.length - 1);
      else next = Math.max(index - 1, 0);
      if (e.key === 'j' && index >= items.length - 3 && nextCursor) loadMore();
      const target = items[next];
      if (target && target.id !== ticketId) navigate(`/inbox/${encodeURIComponent(target.id)}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, nextCursor, loadMore, ticketId]);

  return (
    <div className="inbox">
      <QueuePane filters={filters} onFilters={setFilters} queue={queue} selectedId={ticketId} members={memberList} teams={teamList} />
      <ConversationPane ticketId={ticketId} state={detail} members={memberList} teams={teamList} onTicketChanged={refreshQueue} />
      <DetailPanel detail={ticketId ? detail.detail : null} loading={detail.loading} onCustomerChanged={onCustomerChanged} />
    </div>
  );
}
