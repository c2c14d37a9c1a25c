import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { useAsync } from '../useAsync.ts';

export function TeamsSection() {
  const { t } = useT();
  const teams = useAsync(api.listTeams);
  return (
    <section className="card settings-section" aria-labelledby="settings-teams">
      <h2 id="settings-teams">{t('settings.teams')}</h2>
      {teams.error !== null && <ErrorBanner error={teams.error} onRetry={teams.reload} />}
      {teams.loading && !teams.data && <p className="muted small">{t('common.loading')}</p>}
      {teams.data?.length === 0 && <p className="muted small">{t('team.empty')}</p>}
      {teams.data && teams.data.length > 0 && (
        <table className="table" data-testid="teams-table">
          <thead>
            <tr><th>{t('common.name')}</th><th className="num">{t('team.memberCount')}</th></tr>
          </thead>
          <tbody>
            {teams.data.map((team) => (
              <tr key={team.id}><td>{team.name}</td><td className="num">{team.memberCount}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
