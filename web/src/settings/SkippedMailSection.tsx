import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatDate } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useAsync } from '../useAsync.ts';

/** Admins: the mail the mailboxes kept out of the inbox, with the reason, so nothing vanishes unseen. */
export function SkippedMailSection() {
  const { t, locale } = useT();
  const skipped = useAsync(api.listSkippedMail);
  return (
    <section className="card settings-section" aria-labelledby="settings-skipped">
      <div className="section-head"><h2 id="settings-skipped">{t('skipped.title')}</h2></div>
      <p className="muted small">{t('skipped.hint')}</p>
      {skipped.error !== null && <ErrorBanner error={skipped.error} onRetry={skipped.reload} />}
      {skipped.data && skipped.data.length === 0 && <p className="muted">{t('skipped.none')}</p>}
      {skipped.data && skipped.data.length > 0 && (
        <table className="table" data-testid="skipped-mail">
          <thead><tr><th>{t('skipped.kind')}</th><th>{t('skipped.from')}</th><th>{t('skipped.subject')}</th><th>{t('skipped.reason')}</th><th>{t('common.created')}</th></tr></thead>
          <tbody>
            {skipped.data.map((m) => (
              <tr key={m.messageId}>
                <td><span className="badge">{m.kind}</span></td>
                <td className="mono selectable">{m.fromAddress || '—'}</td>
                <td>{m.subject || '—'}</td>
                <td className="small">{m.reason}{m.relatedMessageId ? ` (${t('skipped.bouncedReply')})` : ''}</td>
                <td>{formatDate(m.receivedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
