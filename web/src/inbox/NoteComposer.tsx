import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { Note } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { hasRole, useSession } from '../session.tsx';

export function NoteComposer({ ticketId, onAdded }: { ticketId: string; onAdded: (note: Note) => void }) {
  const { t } = useT();
  const { session } = useSession();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!hasRole(session.role, 'agent')) {
    return <div className="composer composer-disabled muted small">{t('conv.noteViewer')}</div>;
  }

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = body.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(null);
    try {
      onAdded(await api.addNote(ticketId, text));
      setBody('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  };

  return (
    <form className="composer note-composer" onSubmit={submit} data-testid="note-form">
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <label className="composer-label" htmlFor={`note-${ticketId}`}>{t('conv.addNote')}</label>
      <div className="composer-row">
        <textarea id={`note-${ticketId}`} value={body} rows={2} maxLength={20_000} placeholder={t('conv.notePlaceholder')}
          onChange={(e) => setBody(e.target.value)} onKeyDown={onKeyDown} data-testid="note-input" />
        <button type="submit" className="btn btn-note" disabled={busy || !body.trim()} data-testid="note-submit">
          {busy ? t('conv.noteSaving') : t('conv.noteSave')}
        </button>
      </div>
    </form>
  );
}
