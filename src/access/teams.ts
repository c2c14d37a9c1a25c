import { appendEvents } from '../audit/index.ts';
import type { SaveTeamRequest, Team } from '../contracts/index.ts';
import type { Result } from '../kernel/index.ts';
import { fail, newId, ok, roleAtLeast } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import type { Principal } from './principal.ts';
import type { AccessDeps } from './sign-in.ts';
import * as store from './store.ts';

async function present(q: Queryable, workspaceId: string, teamId: string): Promise<Team | null> {
  return (await store.listTeams(q, workspaceId)).find((t) => t.id === teamId) ?? null;
}

/** The first id in `memberIds` that is not a member of the workspace, if any. */
async function stranger(q: Queryable, workspaceId: string, memberIds: readonly string[]): Promise<string | undefined> {
  const members = await q.query<{ user_id: string }>('SELECT user_id FROM memberships WHERE workspace_id = $1 AND user_id = ANY($2::text[])', [workspaceId, [...memberIds]]);
  const known = new Set(members.rows.map((r) => r.user_id));
  return memberIds.find((id) => !known.has(id));
}

/** Creates (teamId null) or replaces a team's name and members. */
export async function saveTeam(deps: AccessDeps, p: Principal, teamId: string | null, input: SaveTeamRequest): Promise<Result<Team>> {
  if (!roleAtLeast(p.role, 'admin')) return fail('forbidden', 'only admins and owners manage teams');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const clash = await tx.query<{ id: string }>('SELECT id FROM teams WHERE workspace_id = $1 AND name = $2', [p.workspaceId, input.name]);
    if (clash.rows[0] && clash.rows[0].id !== teamId) return fail('conflict', `a team named "${input.name}" exists`);
    const unknown = await stranger(tx, p.workspaceId, input.memberIds);
    if (unknown) return fail('bad_input', `${unknown} is not a member of this workspace`, { field: 'memberIds' });
    const id = teamId ?? newId('team', now);
    if (teamId) {
      const r = await tx.query('UPDATE teams SET name = $3 WHERE workspace_id = $1 AND id = $2', [p.workspaceId, teamId, input.name]);
      if (r.rowCount === 0) return fail('not_found', 'no such team');
      await tx.query('DELETE FROM team_members WHERE workspace_id = $1 AND team_id = $2', [p.workspaceId, teamId]);
    } else {
      await store.insertTeam(tx, { id, workspaceId: p.workspaceId, name: input.name });
    }
    for (const userId of new Set(input.memberIds)) await store.addTeamMember(tx, p.workspaceId, id, userId);
    await appendEvents(tx, [{ workspaceId: p.workspaceId, subjectType: 'workspace', subjectId: p.workspaceId, type: teamId ? 'team.updated' : 'team.created', actor: `user:${p.userId}`, data: { teamId: id, name: input.name, memberIds: input.memberIds }, occurredAt: now }]);
    return ok((await present(tx, p.workspaceId, id))!);
  });
}

/** Deletes a team; its tickets stay, without a team. */
export async function deleteTeam(deps: AccessDeps, p: Principal, teamId: string): Promise<Result<null>> {
  if (!roleAtLeast(p.role, 'admin')) return fail('forbidden', 'only admins and owners manage teams');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await tx.query('UPDATE tickets SET team_id = NULL, updated_at = $3 WHERE workspace_id = $1 AND team_id = $2', [p.workspaceId, teamId, now]);
    const r = await tx.query('DELETE FROM teams WHERE workspace_id = $1 AND id = $2', [p.workspaceId, teamId]);
    if (r.rowCount === 0) return fail('not_found', 'no such team');
    await appendEvents(tx, [{ workspaceId: p.workspaceId, subjectType: 'workspace', subjectId: p.workspaceId, type: 'team.deleted', actor: `user:${p.userId}`, data: { teamId }, occurredAt: now }]);
    return ok(null);
  });
}
