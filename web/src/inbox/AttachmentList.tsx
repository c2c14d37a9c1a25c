import type { Message } from '../../../src/contracts/index.ts';
import { formatBytes } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PaperclipIcon } from '../icons.tsx';
import { attachmentHref, fileTypeLabel } from './attachments.ts';

/**
 * A message's attachments as download links. The server answers GET /api/attachments/{sha256} with
 * Content-Disposition: attachment, same-origin with the session cookie, so a plain link downloads the file.
 */
export function AttachmentList({ attachments }: { attachments: Message['attachments'] }) {
  const { t, locale } = useT();
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t('conv.attachments')}>
      {attachments.map((a, i) => {
        const href = attachmentHref(a.url, window.location.origin);
        const meta = `${fileTypeLabel(a.contentType, a.filename)} · ${formatBytes(a.sizeBytes, locale)}`;
        const content = (
          <>
            <PaperclipIcon />
            <span className="truncate attachment-name">{a.filename || t('conv.attachmentUnnamed')}</span>
            <span className="attachment-meta">{meta}</span>
          </>
        );
        return (
          <li key={`${a.sha256}:${a.filename}:${i}`}>
            {href ? (
              <a className="attachment attachment-link" href={href} download={a.filename || true} title={a.contentType}
                aria-label={t('conv.download', { name: a.filename || t('conv.attachmentUnnamed'), meta })} data-testid="attachment">
                {content}
              </a>
            ) : (
              <span className="attachment" title={a.contentType} data-testid="attachment">{content}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
