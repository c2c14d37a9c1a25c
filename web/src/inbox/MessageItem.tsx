import { useState } from 'react';
import type { Message } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatDateTime, languageName } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { AttachmentList } from './AttachmentList.tsx';
import { MessageBody } from './MessageBody.tsx';

interface Props {
  message: Message;
  /** Set for agents and up: a failed reply can be sent again. */
  onRequeued?: (message: Message) => void;
}

/**
 * One message. Customer HTML is shown only inside a sandboxed frame (see MessageFrame), so nothing from a customer
 * can run in the page. Our replies show who wrote them and how delivery went.
 */
export function MessageItem({ message, onRequeued }: Props) {
  const { t, tl, locale } = useT();
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inbound = message.direction === 'inbound';
  const status = message.deliveryStatus;

  const retry = async () => {
    if (!onRequeued) return;
    setRetrying(true);
    setError(null);
    try {
      onRequeued(await api.retryMessage(message.id));
    } catch (e) {
      setError(e);
    } finally {
      setRetrying(false);
    }
  };

  return (
    <li className={`message ${inbound ? 'message-in' : 'message-out'}${message.bodyHtml ? ' message-wide' : ''}`} data-testid="message" data-direction={message.direction}
      data-message-id={message.id} data-delivery={status}>
      <div className="message-head">
        <span className={`who ${inbound ? 'who-customer' : 'who-agent'}`}>
          {inbound ? t('conv.customer') : (message.authorName ?? t('conv.agent'))}
        </span>
        <span className="truncate from" title={message.fromAddress}>{message.fromAddress}</span>
        {message.language && (
          <span className="badge badge-lang" title={languageName(message.language, locale)}>{message.language}</span>
        )}
        {!inbound && (
          <span className={`badge delivery-${status}`} data-testid="delivery-status">
            {status === 'queued' && <span className="spinner" aria-hidden="true" />}
            {tl('delivery', status)}
          </span>
        )}
        <time className="push-right muted small" dateTime={message.sentAt}>{formatDateTime(message.sentAt, locale)}</time>
      </div>
      {message.toAddress && (
        <div className="message-to small muted truncate">{t('conv.to')}: {message.toAddress}</div>
      )}
      <MessageBody message={message} />
      <AttachmentList attachments={message.attachments} />
      {inbound && message.classification && (
        <div className="message-read small muted" data-testid="message-classification">
          {t('conv.readAs')}{' '}
          {[...message.classification.signals, ...message.classification.intents].map((label, i) => {
            const words = message.classification?.evidence[label] ?? [];
            return (
              <span key={label}>
                {i > 0 && ', '}
                <span className={message.classification?.signals.includes(label) ? 'text-danger' : undefined}>{label}</span>
                {words.length > 0 && <> (“{words.slice(0, 3).join('”, “')}”)</>}
              </span>
            );
          })}
        </div>
      )}
      {!inbound && (status === 'failed' || (status === 'queued' && message.deliveryError)) && (
        <div className={status === 'failed' ? 'delivery-note delivery-note-failed' : 'delivery-note'} data-testid="delivery-error">
          <span className="delivery-note-text">
            {status === 'failed' ? t('msg.failed') : t('msg.retrying')}
            {message.deliveryError && <>: <span className="mono">{message.deliveryError}</span></>}
          </span>
          {status === 'failed' && onRequeued && (
            <button type="button" className="btn btn-small" onClick={() => void retry()} disabled={retrying} data-testid="message-retry">
              {retrying ? t('msg.retryingNow') : t('common.retry')}
            </button>
          )}
        </div>
      )}
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </li>
  );
}
