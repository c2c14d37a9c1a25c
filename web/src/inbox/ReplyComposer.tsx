import { useEffect, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { Message, ReplyRequest, TicketSummary } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { useReplyDraft } from './useReplyDraft.ts';

type AfterSend = NonNullable<ReplyRequest['status']>;
const AFTER_SEND: readonly AfterSend[] = ['pending', 'open', 'solved'];

interface Props {
  ticket: TicketSummary;
  /** Where the reply goes (the sender of the customer's latest message), if known. */
  recipient: string | null;
  /** A message arrived after the ticket was loaded: confirm before sending. */
  newMessage: boolean;
  onSent: (message: Message) => void;
  /** True while the box holds unsent text (reported to other agents as "typing a reply"). */
  onComposing: (composing: boolean) => void;
}

/** The reply to the customer (agents and up): drafts autosave; sending queues it for the ticket's channel. */
export function ReplyComposer({ ticket, recipient, newMessage, onSent, onComposing }: Props) {
  const { t, tl } = useT();
  const draft = useReplyDraft(ticket.id);
  const [after, setAfter] = useState<AfterSend>('pending');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const composing = draft.body.trim() !== '';

  useEffect(() => onComposing(composing), [composing, onComposing]);
  useEffect(() => () => onComposing(false), [onComposing]);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.body.trim();
    if (!text || busy) return;
    if (newMessage && !window.confirm(t('reply.confirmNewMessage'))) return;
    setBusy(true);
    setError(null);
    try {
      await draft.settle();
      const message = await api.sendReply(ticket.id, { body: text, status: after });
      draft.clear();
      onSent(message);
    } catch (e) {
      setError(e);
      draft.setBody(draft.body); // not sent: keep it as the draft again
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form className="composer reply-composer" onSubmit={submit} data-testid="reply-form">
      {error !== null && <ErrorBanner error={error} titleKey="reply.failed" onDismiss={() => setError(null)} />}
      <div className="reply-head">
        <label className="composer-label reply-label" htmlFor={`reply-${ticket.id}`}>{t('reply.title')}</label>
        <span className="small muted truncate" data-testid="reply-to">
          {recipient
            ? t('reply.to', { address: recipient, channel: tl('channel', ticket.channel) })
            : t('reply.toChannel', { channel: tl('channel', ticket.channel) })}
        </span>
        <span className={`push-right small draft-status draft-${draft.status}`} data-testid="draft-status" data-state={draft.status}>
          {draft.status === 'saving' && t('reply.draftSaving')}
          {draft.status === 'saved' && t('reply.draftSaved')}
          {draft.status === 'error' && t('reply.draftError')}
        </span>
      </div>
      {ticket.channel === 'amazon' && <p className="reply-hint small" data-testid="amazon-relay-hint">{t('reply.amazonRelay')}</p>}
      <textarea id={`reply-${ticket.id}`} value={draft.body} rows={3} maxLength={50_000} placeholder={t('reply.placeholder')}
        onChange={(e) => draft.setBody(e.target.value)} onKeyDown={onKeyDown} data-testid="reply-input" />
      <div className="composer-actions reply-actions">
        <span className="muted small reply-shortcut">{t('reply.shortcut')}</span>
        <label className="reply-after small">
          <span>{t('reply.after')}</span>
          <select value={after} onChange={(e) => setAfter(e.target.value as AfterSend)} data-testid="reply-status">
            {AFTER_SEND.map((s) => <option key={s} value={s}>{t(`reply.after.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy || !composing} data-testid="reply-send">
          {busy ? t('reply.sending') : t(`reply.sendAnd.${after}`)}
        </button>
      </div>
    </form>
  );
}
