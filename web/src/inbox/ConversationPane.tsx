import { useEffect, useRef, useState } from 'react';
import type { Note } from '../../../src/contracts/index.ts';
import { isApiError } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { MessageItem } from './MessageItem.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { NoteItem } from './NoteItem.tsx';
import { TimelineList } from './TimelineList.tsx';
import type { DetailState } from './useTicketDetail.ts';

interface Props {
  ticketId: string | null;
  state: DetailState;
  onNoteAdded: (note: Note) => void;
  onRetry: () => void;
}

/** The open ticket: messages and internal notes in time order, the audit timeline on demand, and the note box. */
export function ConversationPane({ ticketId, state, onNoteAdded, onRetry }: Props) {
  const { t } = useT();
  const [showTimeline, setShowTimeline] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { detail } = state;
  const noteCount = detail?.notes.length ?? 0;

  // Open at the latest message, and follow a newly added note.
  useEffect(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [detail?.ticket.id, noteCount]);

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
          {notFound ? <p className="empty-state">{t('conv.notFound')}</p> : <ErrorBanner error={state.error} onRetry={onRetry} />}
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

  const thread = [
    ...detail.messages.map((m) => ({ kind: 'message' as const, at: m.sentAt, id: m.id, message: m })),
    ...detail.notes.map((n) => ({ kind: 'note' as const, at: n.createdAt, id: n.id, note: n })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  return (
    <section className={state.loading ? 'pane conversation stale' : 'pane conversation'} aria-labelledby="conv-subject"
      data-testid="conversation">
      <ConversationHeader ticket={detail.ticket} showTimeline={showTimeline} onToggleTimeline={() => setShowTimeline((v) => !v)} />
      <div className="conv-scroll" ref={scrollRef}>
        {showTimeline && <TimelineList key={`${detail.ticket.id}:${noteCount}`} ticketId={detail.ticket.id} />}
        {thread.length === 0 && <p className="empty">{t('conv.noMessages')}</p>}
        <ol className="thread">
          {thread.map((entry) =>
            entry.kind === 'message'
              ? <MessageItem key={entry.id} message={entry.message} />
              : <NoteItem key={entry.id} note={entry.note} />,
          )}
        </ol>
      </div>
      <NoteComposer key={detail.ticket.id} ticketId={detail.ticket.id} onAdded={onNoteAdded} />
    </section>
  );
}
