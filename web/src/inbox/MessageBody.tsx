import { useMemo, useState } from 'react';
import type { Message } from '../../../src/contracts/index.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { remoteImageCount } from './emailHtml.ts';
import { MessageFrame } from './MessageFrame.tsx';

/** The body: sanitised HTML in a sandboxed frame when the message has one (with a plain-text view), plain text otherwise. */
export function MessageBody({ message }: { message: Message }) {
  const { t } = useT();
  const html = message.bodyHtml?.trim() ? message.bodyHtml : null;
  const [view, setView] = useState<'html' | 'text'>('html');
  const [remoteShown, setRemoteShown] = useState(false);
  const remote = useMemo(() => (html ? remoteImageCount(html) : 0), [html]);

  if (!html) return <div className="message-body">{message.bodyText}</div>;
  return (
    <>
      {view === 'html'
        ? <MessageFrame html={html} remoteImages={remoteShown} title={t('msg.frameTitle', { subject: message.subject })} lang={message.language} />
        : <div className="message-body" data-testid="message-text">{message.bodyText}</div>}
      <div className="message-tools">
        {view === 'html' && remote > 0 && !remoteShown && (
          <button type="button" className="link-button small" onClick={() => setRemoteShown(true)} data-testid="show-remote-images"
            title={t('msg.remoteImagesHint')}>
            {t('msg.showRemoteImages', { n: remote })}
          </button>
        )}
        <button type="button" className="link-button small" aria-pressed={view === 'text'} data-testid="toggle-plain-text"
          onClick={() => setView((v) => (v === 'html' ? 'text' : 'html'))}>
          {view === 'html' ? t('msg.viewText') : t('msg.viewHtml')}
        </button>
      </div>
    </>
  );
}
