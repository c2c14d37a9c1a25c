import type { Note } from '../../../src/contracts/index.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/** An internal note: yellow, never sent to the customer. */
export function NoteItem({ note }: { note: Note }) {
  const { t, locale } = useT();
  return (
    <li className="note" data-testid="note">
      <div className="message-head">
        <span className="who who-note">{t('conv.note')}</span>
        <span className="truncate">{note.authorLabel}</span>
        <time className="push-right muted small" dateTime={note.createdAt}>{formatDateTime(note.createdAt, locale)}</time>
      </div>
      <div className="message-body">{note.body}</div>
    </li>
  );
}
