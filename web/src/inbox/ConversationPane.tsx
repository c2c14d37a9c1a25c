import { useEffect, useMemo, useRef, useState } from 'react';
import type { Member, Message, Team, TicketSummary } from '../../../src/contracts/index.ts';
import { isApiError } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { hasRole, useSession } from '../session.tsx';
import { CollisionBanner } from './CollisionBanner.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { hasNewerMessage, latestMessageAt, replyRecipient } from './conversation.ts';
import { MessageItem } from './MessageItem.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { NoteItem } from './NoteItem.tsx';
import { ReplyComposer } from './ReplyComposer.tsx';
import { TicketActions } from './TicketActions.tsx';
import { TimelineList } from './TimelineList.tsx';
import { usePresence } from './usePresence.ts';
import type { useTicketDetail } from './useTicketDetail.ts';

interface Props {
  ticketId: string | null;
  state: ReturnType<typeof useTicketDetail>;
  members: readonly Member[];
  teams: readonly Team[];
  /** Something changed the ticket (reply, status, assignment): the queue refreshes. */
  onTicketChanged: () => void;
}

/**
 * The open ticket: messages and internal notes in time order, the audit timeline on demand, the actions, the reply
 * and note boxes, and the collision warnings (who else is here, what arrived since the ticket was opened).
 */
export function ConversationPane({ ticketId, state, members, teams, onTicketChanged }: Props) {
  const { t } = useT();
  const { session } = useSession();
  const canAct = hasRole(session.role, 'agent');
  const [showTimeline, setShowTimeline] = useState(false);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const [composing, setComposing] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { detail } = state;
  const openId = detail && detail.ticket.id === ticketId ? detail.ticket.id : null;
  const presence = usePresence(openId, composing);
  const noteCount = detail?.notes.length ?? 0;
  const messageCount = detail?.messages.length ?? 0;
  const lastDelivery = detail?.messages.at(-1)?.deliveryStatus;
  const newMessage = detail ? hasNewerMessage(presence.lastMessageAt, latestMessageAt(detail.messages)) : false;
  const recipient = useMemo(() => (detail ? replyRecipient(detail.messages) : null), [detail]);

  // Open at the latest message, and follow a newly added note or reply and how its delivery went.
  useEffect(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [detail?.ticket.id, noteCount, messageCount, lastDelivery]);

  if (!ticketId) {
    return (
      <section className="pane conversation">
        <div className="empty-state">{t('conv.empty')}</div>
      </section>
    );
  }
  if (state.error !== null) {
    const notFound = isApiError(state.error) && (state.error.status === 404 || state.error.status === 403);
    return (
      <section className="pane conversation">
        <div className="pane-pad">
          {notFound ? <p className="empty-state">{t('conv.notFound')}</p> : <ErrorBanner error={state.error} onRetry={state.reload} />}
        </div>
      </section>
    );
  }
  if (!detail) {
    return (
      <section className="pane conversation" aria-busy="true">
        <div className="empty-state">{t('common.loading')}</div>
      </section>
    );
  }

  const changed = () => {
    setTimelineVersion((v) => v + 1);
    onTicketChanged();
  };
  const onSent = (message: Message) => {
    state.upsertMessage(message);
    state.refresh();
    changed();
  };
  const onRequeued = (message: Message) => {
    state.upsertMessage(message);
    setTimelineVersion((v) => v + 1);
  };
  const onActed = (ticket: TicketSummary) => {
    state.setTicket(ticket);
    changed();
  };

  const thread = [
    ...detail.messages.map((m) => ({ kind: 'message' as const, at: m.sentAt, id: m.id, message: m })),
    ...detail.notes.map((n) => ({ kind: 'note' as const, at: n.createdAt, id: n.id, note: n })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  return (
    <section className={state.loading ? 'pane conversation stale' : 'pane conversation'} aria-labelledby="conv-subject"
      data-testid="conversation" data-ticket-id={detail.ticket.id}>
      <ConversationHeader ticket={detail.ticket} showTimeline={showTimeline} onToggleTimeline={() => setShowTimeline((v) => !v)}
        actions={canAct ? (
          <TicketActions key={detail.ticket.id} ticket={detail.ticket} members={members} teams={teams}
            onChanged={onActed} />
        ) : undefined} />
      <CollisionBanner viewers={presence.viewers} newMessage={newMessage} onReload={state.refresh} />
      <div className="conv-scroll" ref={scrollRef}>
        {showTimeline && <TimelineList key={`${detail.ticket.id}:${noteCount}:${timelineVersion}`} ticketId={detail.ticket.id} />}
        {thread.length === 0 && <p className="empty">{t('conv.noMessages')}</p>}
        <ol className="thread">
          {thread.map((entry) =>
            entry.kind === 'message'
              ? <MessageItem key={entry.id} message={entry.message} onRequeued={canAct ? onRequeued : undefined} />
              : <NoteItem key={entry.id} note={entry.note} />,
          )}
        </ol>
      </div>
      {canAct && (
        <ReplyComposer key={detail.ticket.id} ticket={detail.ticket} recipient={recipient} newMessage={newMessage}
          onSent={onSent} onComposing={setComposing} />
      )}
      <NoteComposer key={`note-${detail.ticket.id}`} ticketId={detail.ticket.id} onAdded={state.appendNote} />
    </section>
  );
}
