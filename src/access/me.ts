import type { ChangePasswordRequest, SessionInfo, UpdateMeRequest } from '../contracts/index.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { Result } from '../kernel/index.ts';
import { fail, ok } from '../kernel/index.ts';
import type { Principal } from './principal.ts';
import type { AccessDeps } from './sign-in.ts';
import * as store from './store.ts';

export async function getSessionInfo(deps: AccessDeps, principal: Principal): Promise<Result<SessionInfo>> {
  const [user, workspace, memberships] = await Promise.all([
    store.getUser(deps.db, principal.userId),
    store.getWorkspace(deps.db, principal.workspaceId),
    store.listMembershipsOfUser(deps.db, principal.userId),
  ]);
  if (!user || !workspace) return fail('unauthenticated', 'the session no longer matches a user');
  return ok({
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
    role: principal.role,
    csrfToken: principal.csrfToken ?? '',
    workspaces: memberships.map((m) => ({ id: m.workspace_id, name: m.name, slug: m.slug, role: m.role })),
  });
}

export async function updateMe(deps: AccessDeps, principal: Principal, patch: UpdateMeRequest): Promise<Result<SessionInfo>> {
  await store.updateUserProfile(deps.db, principal.userId, patch);
  return getSessionInfo(deps, principal);
}

/** Changes the caller's password after checking the current one, and signs out their other sessions. */
export async function changePassword(deps: AccessDeps, principal: Principal, input: ChangePasswordRequest): Promise<Result<null>> {
  const user = await store.getUser(deps.db, principal.userId);
  if (!user?.password_hash || !(await verifyPassword(input.currentPassword, user.password_hash))) return fail('unauthenticated', 'the current password is wrong');
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await store.setPasswordHash(tx, principal.userId, hash);
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2', [principal.userId, principal.sessionId]);
  });
  return ok(null);
}
