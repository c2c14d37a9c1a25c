import type { Message } from '../../../src/contracts/index.ts';
import { formatDateTime, languageName } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { AttachmentList } from './AttachmentList.tsx';

/** One message. The plain-text body is shown (never raw HTML), so nothing from a customer can run in the page. */
export function MessageItem({ message }: { message: Message }) {
  const { t, tl, locale } = useT();
  const inbound = message.direction === 'inbound';
  const showDelivery = message.deliveryStatus !== 'received' && message.deliveryStatus !== 'sent';
  return (
    <li className={`message ${inbound ? 'message-in' : 'message-out'}`} data-testid="message" data-direction={message.direction}>
      <div className="message-head">
        <span className={`who ${inbound ? 'who-customer' : 'who-agent'}`}>{inbound ? t('conv.customer') : t('conv.agent')}</span>
        <span className="truncate from" title={message.fromAddress}>{message.fromAddress}</span>
        {message.language && (
          <span className="badge badge-lang" title={languageName(message.language, locale)}>{message.language}</span>
        )}
        {showDelivery && (
          <span className={`badge delivery-${message.deliveryStatus}`}>{tl('delivery', message.deliveryStatus)}</span>
        )}
        <time className="push-right muted small" dateTime={message.sentAt}>{formatDateTime(message.sentAt, locale)}</time>
      </div>
      {message.toAddress && (
        <div className="message-to small muted truncate">{t('conv.to')}: {message.toAddress}</div>
      )}
      <div className="message-body">{message.bodyText}</div>
      <AttachmentList attachments={message.attachments} />
    </li>
  );
}
