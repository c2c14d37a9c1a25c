import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { useAsync } from '../useAsync.ts';

export function MembersSection() {
  const { t, tl } = useT();
  const members = useAsync(api.listMembers);
  return (
    <section className="card settings-section" aria-labelledby="settings-members">
      <h2 id="settings-members">{t('settings.members')}</h2>
      {members.error !== null && <ErrorBanner error={members.error} onRetry={members.reload} />}
      {members.loading && !members.data && <p className="muted small">{t('common.loading')}</p>}
      {members.data?.length === 0 && <p className="muted small">{t('member.empty')}</p>}
      {members.data && members.data.length > 0 && (
        <table className="table" data-testid="members-table">
          <thead>
            <tr><th>{t('common.name')}</th><th>{t('common.email')}</th><th>{t('user.role')}</th><th>{t('member.teams')}</th></tr>
          </thead>
          <tbody>
            {members.data.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td className="selectable">{m.email}</td>
                <td><span className={`badge role-${m.role}`}>{tl('role', m.role)}</span></td>
                <td>{m.teams.length ? m.teams.map((team) => team.name).join(', ') : <span className="muted">{t('member.noTeams')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
