import { useState } from 'react';
import type { Member } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { hasRole, useSession } from '../session.tsx';
import type { Role } from '../types.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { assignableRoles, memberPermissions } from './memberRules.ts';
import { sortByName } from './useDirectory.ts';
import type { Directory } from './useDirectory.ts';

/** Kept as data, not text, so it follows a language switch. */
interface Notice {
  key: 'member.roleChanged' | 'member.removed';
  name: string;
  role?: Role;
}

/** Members of the workspace. Admins and owners add people, change roles and remove people; everyone else reads. */
export function MembersSection({ directory }: { directory: Directory }) {
  const { t, tl } = useT();
  const { session } = useSession();
  const { members, teams } = directory;
  const me = { id: session.user.id, role: session.role };
  const canManage = hasRole(session.role, 'admin');
  const roles = assignableRoles(session.role);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<{ titleKey: MessageKey; error: unknown } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const replace = (member: Member) => members.setData((list) => list?.map((m) => (m.id === member.id ? member : m)));

  const changeRole = async (member: Member, role: Role) => {
    if (role === member.role) return;
    setBusyId(member.id);
    setError(null);
    setNotice(null);
    try {
      replace(await api.updateMember(member.id, { role }));
      setNotice({ key: 'member.roleChanged', name: member.name, role });
    } catch (e) {
      setError({ titleKey: 'member.roleError', error: e });
    } finally {
      setBusyId(null);
    }
  };

  const remove = async (member: Member) => {
    if (!window.confirm(t('member.removeConfirm', { name: member.name, email: member.email }))) return;
    setBusyId(member.id);
    setError(null);
    setNotice(null);
    try {
      await api.removeMember(member.id);
      members.setData((list) => list?.filter((m) => m.id !== member.id));
      if (member.teams.length) teams.reload();
      setNotice({ key: 'member.removed', name: member.name });
    } catch (e) {
      setError({ titleKey: 'member.removeError', error: e });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-members">
      <h2 id="settings-members">{t('settings.members')}</h2>
      {!canManage && <p className="muted small">{t('member.adminOnly')}</p>}
      {notice && (
        <div className="banner banner-ok" role="status">
          {t(notice.key, { name: notice.name, role: notice.role ? tl('role', notice.role) : '' })}
        </div>
      )}
      {error && <ErrorBanner error={error.error} titleKey={error.titleKey} serverDetailOnly onDismiss={() => setError(null)} />}
      {members.error !== null && <ErrorBanner error={members.error} onRetry={members.reload} />}
      {members.loading && !members.data && <p className="muted small">{t('common.loading')}</p>}
      {members.data?.length === 0 && <p className="muted small">{t('member.empty')}</p>}
      {members.data && members.data.length > 0 && (
        <table className="table" data-testid="members-table">
          <thead>
            <tr>
              <th>{t('common.name')}</th><th>{t('common.email')}</th><th>{t('user.role')}</th><th>{t('member.teams')}</th>
              {canManage && <th className="num">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => {
              const may = memberPermissions(me, m);
              const self = m.id === me.id;
              const busy = busyId === m.id;
              return (
                <tr key={m.id} data-testid="member-row" data-member-id={m.id} data-role={m.role}>
                  <td>{m.name}{self && <span className="muted small"> ({t('member.you')})</span>}</td>
                  <td className="selectable">{m.email}</td>
                  <td>
                    {canManage ? (
                      <select className="cell-select" value={m.role} disabled={!may.changeRole || busy}
                        aria-label={t('member.roleOf', { name: m.name })} title={roleLockReason(self, may.changeRole, t)}
                        onChange={(e) => void changeRole(m, e.target.value as Role)} data-testid="member-role-select">
                        {(roles.includes(m.role) ? roles : [m.role, ...roles]).map((r) => <option key={r} value={r}>{tl('role', r)}</option>)}
                      </select>
                    ) : (
                      <span className={`badge role-${m.role}`}>{tl('role', m.role)}</span>
                    )}
                  </td>
                  <td>{m.teams.length ? m.teams.map((team) => team.name).join(', ') : <span className="muted">{t('member.noTeams')}</span>}</td>
                  {canManage && (
                    <td className="num">
                      {may.remove && (
                        <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => void remove(m)}
                          data-testid="member-remove">
                          {t('member.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canManage && (
        <AddMemberForm roles={roles}
          onAdded={(member) => { setNotice(null); members.setData((list) => sortByName([...(list ?? []), member])); }} />
      )}
    </section>
  );
}

function roleLockReason(self: boolean, allowed: boolean, t: (key: MessageKey) => string): string | undefined {
  if (allowed) return undefined;
  return t(self ? 'member.selfLocked' : 'member.ownerLocked');
}
