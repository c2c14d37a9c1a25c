import { useState } from 'react';
import type { Team } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { hasRole, useSession } from '../session.tsx';
import { TeamForm } from './TeamForm.tsx';
import { sortByName } from './useDirectory.ts';
import type { Directory } from './useDirectory.ts';

/** Kept as data, not text, so it follows a language switch. */
interface Notice {
  key: 'team.created' | 'team.saved' | 'team.deleted';
  name: string;
}

/** Teams and who is in them. Admins and owners create, edit and delete teams. */
export function TeamsSection({ directory }: { directory: Directory }) {
  const { t } = useT();
  const { session } = useSession();
  const { members, teams } = directory;
  const canManage = hasRole(session.role, 'admin');
  /** 'new', a team id being edited, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const names = new Map((members.data ?? []).map((m) => [m.id, m.name]));

  const saved = (team: Team) => {
    const isNew = editing === 'new';
    teams.setData((list) => sortByName(isNew ? [...(list ?? []), team] : (list ?? []).map((x) => (x.id === team.id ? team : x))));
    members.reload();
    setEditing(null);
    setNotice({ key: isNew ? 'team.created' : 'team.saved', name: team.name });
  };

  const remove = async (team: Team) => {
    if (!window.confirm(t('team.deleteConfirm', { name: team.name }))) return;
    setBusyId(team.id);
    setError(null);
    setNotice(null);
    try {
      await api.deleteTeam(team.id);
      teams.setData((list) => list?.filter((x) => x.id !== team.id));
      if (team.memberCount) members.reload();
      if (editing === team.id) setEditing(null);
      setNotice({ key: 'team.deleted', name: team.name });
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  };

  const open = (id: string) => {
    setEditing(id);
    setNotice(null);
    setError(null);
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-teams">
      <div className="section-head">
        <h2 id="settings-teams">{t('settings.teams')}</h2>
        {canManage && editing !== 'new' && (
          <button type="button" className="btn btn-primary btn-small push-right" onClick={() => open('new')} data-testid="team-add">
            + {t('team.new')}
          </button>
        )}
      </div>
      {!canManage && <p className="muted small">{t('team.adminOnly')}</p>}
      {notice && <div className="banner banner-ok" role="status">{t(notice.key, { name: notice.name })}</div>}
      {error !== null && <ErrorBanner error={error} titleKey="team.deleteError" serverDetailOnly onDismiss={() => setError(null)} />}
      {editing === 'new' && <TeamForm team={null} members={members.data ?? []} onSaved={saved} onCancel={() => setEditing(null)} />}
      {teams.error !== null && <ErrorBanner error={teams.error} onRetry={teams.reload} />}
      {teams.loading && !teams.data && <p className="muted small">{t('common.loading')}</p>}
      {teams.data?.length === 0 && editing !== 'new' && <p className="muted small">{t('team.empty')}</p>}
      {teams.data && teams.data.length > 0 && (
        <ul className="team-list" data-testid="teams-list">
          {teams.data.map((team) => editing === team.id ? (
            <li key={team.id}>
              <TeamForm team={team} members={members.data ?? []} onSaved={saved} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={team.id} className="team-item" data-testid="team-row" data-team-id={team.id}>
              <div className="team-head">
                <strong className="truncate">{team.name}</strong>
                <span className="badge" title={t('team.memberCount')}>{team.memberCount}</span>
                {canManage && (
                  <span className="push-right team-actions">
                    <button type="button" className="btn btn-small" onClick={() => open(team.id)} data-testid="team-edit">
                      {t('team.edit')}
                    </button>
                    <button type="button" className="btn btn-small btn-danger" disabled={busyId === team.id}
                      onClick={() => void remove(team)} data-testid="team-delete">
                      {t('team.delete')}
                    </button>
                  </span>
                )}
              </div>
              <p className="small muted team-members">
                {team.memberIds.length
                  ? team.memberIds.map((id) => names.get(id) ?? t('common.unknown')).sort((a, b) => a.localeCompare(b)).join(', ')
                  : t('team.noMembers')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
