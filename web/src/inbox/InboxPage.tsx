import { useEffect, useState } from 'react';
import type { TicketFilters } from '../api.ts';
import { navigate } from '../router.ts';
import { ConversationPane } from './ConversationPane.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { QueuePane } from './QueuePane.tsx';
import { useTicketDetail } from './useTicketDetail.ts';
import { useTicketQueue } from './useTicketQueue.ts';

const DEFAULT_FILTERS: TicketFilters = { status: 'active', channel: null, riskLevel: null, q: '' };

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Three panes: the queue, the open conversation, and the order + customer behind it. */
export function InboxPage({ ticketId }: { ticketId: string | null }) {
  const [filters, setFilters] = useState<TicketFilters>(DEFAULT_FILTERS);
  const queue = useTicketQueue(filters);
  const detail = useTicketDetail(ticketId);

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
      <QueuePane filters={filters} onFilters={setFilters} queue={queue} selectedId={ticketId} />
      <ConversationPane ticketId={ticketId} state={detail} onNoteAdded={detail.appendNote} onRetry={detail.reload} />
      <DetailPanel detail={ticketId ? detail.detail : null} loading={detail.loading} />
    </div>
  );
}
