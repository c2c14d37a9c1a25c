import { appendEvents } from '../audit/index.ts';
import type { CreateMemberRequest, CreateMemberResponse, Member } from '../contracts/index.ts';
import type { Result, Role } from '../kernel/index.ts';
import { fail, ok, roleAtLeast } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { generatePassword } from './password.ts';
import type { Principal } from './principal.ts';
import { addUserToWorkspace } from './provision.ts';
import type { AccessDeps } from './sign-in.ts';
import * as store from './store.ts';

const audit = (q: Queryable, p: Principal, type: string, data: Record<string, unknown>, at: Date) =>
  appendEvents(q, [{ workspaceId: p.workspaceId, subjectType: 'workspace', subjectId: p.workspaceId, type, actor: `user:${p.userId}`, data, occurredAt: at }]);

async function member(q: Queryable, workspaceId: string, userId: string): Promise<Member | null> {
  return (await store.listMembers(q, workspaceId)).find((m) => m.id === userId) ?? null;
}

async function ownerCount(q: Queryable, workspaceId: string): Promise<number> {
  const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM memberships WHERE workspace_id = $1 AND role = 'owner'`, [workspaceId]);
  return r.rows[0]?.n ?? 0;
}

/** Adds a person to the workspace. Admins add up to admin; only owners add owners. */
export async function addMember(deps: AccessDeps, p: Principal, input: CreateMemberRequest): Promise<Result<CreateMemberResponse>> {
  if (!roleAtLeast(p.role, 'admin')) return fail('forbidden', 'only admins and owners add members');
  if (input.role === 'owner' && p.role !== 'owner') return fail('forbidden', 'only an owner can add another owner');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const existing = await store.findUserByEmail(tx, input.email);
    if (existing && (await store.getRole(tx, p.workspaceId, existing.id))) return fail('conflict', `${input.email} is already a member`);
    const generated = existing || input.password ? null : generatePassword();
    const userId = await addUserToWorkspace(tx, { workspaceId: p.workspaceId, email: input.email, name: input.name, password: input.password ?? generated ?? '', role: input.role }, now);
    await audit(tx, p, 'member.added', { userId, role: input.role }, now);
    return ok({ ...(await member(tx, p.workspaceId, userId))!, initialPassword: generated });
  });
}

export async function changeMemberRole(deps: AccessDeps, p: Principal, userId: string, role: Role): Promise<Result<Member>> {
  if (!roleAtLeast(p.role, 'admin')) return fail('forbidden', 'only admins and owners change roles');
  if (userId === p.userId) return fail('conflict', 'you cannot change your own role; ask another owner or admin');
  return deps.db.transaction(async (tx) => {
    const current = await store.getRole(tx, p.workspaceId, userId);
    if (!current) return fail('not_found', 'no such member');
    if ((current === 'owner' || role === 'owner') && p.role !== 'owner') return fail('forbidden', 'only an owner can grant or take away the owner role');
    if (current === 'owner' && role !== 'owner' && (await ownerCount(tx, p.workspaceId)) <= 1) return fail('conflict', 'the last owner cannot be demoted');
    await store.upsertMembership(tx, p.workspaceId, userId, role);
    await audit(tx, p, 'member.role_changed', { userId, from: current, to: role }, deps.clock.now());
    return ok((await member(tx, p.workspaceId, userId))!);
  });
}

/** Removes a person from this workspace: unassigns their tickets, ends their sessions and revokes their tokens here. */
export async function removeMember(deps: AccessDeps, p: Principal, userId: string): Promise<Result<null>> {
  if (!roleAtLeast(p.role, 'admin')) return fail('forbidden', 'only admins and owners remove members');
  if (userId === p.userId) return fail('conflict', 'you cannot remove yourself');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await store.getRole(tx, p.workspaceId, userId);
    if (!current) return fail('not_found', 'no such member');
    if (current === 'owner' && p.role !== 'owner') return fail('forbidden', 'only an owner can remove an owner');
    if (current === 'owner' && (await ownerCount(tx, p.workspaceId)) <= 1) return fail('conflict', 'the last owner cannot be removed');
    await tx.query('UPDATE tickets SET assignee_id = NULL, updated_at = $3 WHERE workspace_id = $1 AND assignee_id = $2', [p.workspaceId, userId, now]);
    await tx.query('DELETE FROM sessions WHERE workspace_id = $1 AND user_id = $2', [p.workspaceId, userId]);
    await tx.query('UPDATE api_tokens SET revoked_at = $3 WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL', [p.workspaceId, userId, now]);
    await tx.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [p.workspaceId, userId]);
    await audit(tx, p, 'member.removed', { userId, role: current }, now);
    return ok(null);
  });
}
