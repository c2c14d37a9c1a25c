import type { Member, Team } from '../contracts/index.ts';
import type { Clock, Result, Role } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { findUserByEmail } from './store.ts';
import { generatePassword } from './password.ts';
import { fail, newId, ok } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { hashPassword } from './password.ts';
import type { Principal } from './principal.ts';
import type { AccessDeps } from './sign-in.ts';
import * as store from './store.ts';

export interface NewWorkspace {
  readonly name: string;
  readonly slug: string;
  readonly currency?: string;
  readonly timezone?: string;
}

/** Creates a workspace inside the caller's transaction; returns its id. */
export async function createWorkspace(tx: Queryable, w: NewWorkspace, now: Date): Promise<Result<string>> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(w.slug)) return fail('bad_input', `workspace slug "${w.slug}" must be 2-63 lower-case letters, digits or dashes`);
  if (await store.findWorkspaceBySlug(tx, w.slug)) return fail('conflict', `a workspace with slug "${w.slug}" exists`);
  const id = newId('ws', now);
  await store.insertWorkspace(tx, { id, name: w.name, slug: w.slug, default_currency: w.currency ?? 'USD', timezone: w.timezone ?? 'UTC' });
  return ok(id);
}

/** Adds a user (created when the e-mail is new) to a workspace with a role, inside the caller's transaction. */
export async function addUserToWorkspace(
  tx: Queryable,
  input: { workspaceId: string; email: string; name: string; password: string; role: Role; locale?: 'en' | 'zh-CN' },
  now: Date,
): Promise<string> {
  const existing = await store.findUserByEmail(tx, input.email);
  const userId = existing?.id ?? newId('usr', now);
  if (!existing) {
    await store.insertUser(tx, { id: userId, email: input.email, name: input.name, passwordHash: await hashPassword(input.password), ...(input.locale ? { locale: input.locale } : {}) });
  }
  await store.upsertMembership(tx, input.workspaceId, userId, input.role);
  return userId;
}

export async function createTeam(tx: Queryable, workspaceId: string, name: string, memberIds: readonly string[], now: Date): Promise<string> {
  const id = newId('team', now);
  await store.insertTeam(tx, { id, workspaceId, name });
  for (const userId of memberIds) await store.addTeamMember(tx, workspaceId, id, userId);
  return id;
}

export async function listMembers(deps: AccessDeps, principal: Principal): Promise<Result<{ items: Member[] }>> {
  return ok({ items: await store.listMembers(deps.db, principal.workspaceId) });
}

export async function listTeams(deps: AccessDeps, principal: Principal): Promise<Result<{ items: Team[] }>> {
  return ok({ items: await store.listTeams(deps.db, principal.workspaceId) });
}

/** The teams a new workspace starts with; the default rules route to the first and the last (src/triage TEAM_KEY_NAMES). */
export const DEFAULT_TEAMS = ['Amazon compliance', 'Customer care', 'Returns & refunds'] as const;

/**
 * Sets up a real (non-demo) workspace: the workspace, its owner (created with a generated password when the
 * e-mail is new) and the default teams, in one transaction.
 */
export async function createWorkspaceWithOwner(
  deps: { db: Db; clock: Clock },
  input: NewWorkspace & { ownerEmail: string; ownerName: string },
): Promise<Result<{ workspaceId: string; ownerId: string; ownerEmail: string; password: string | null }>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const ws = await createWorkspace(tx, input, now);
    if (!ws.ok) return ws;
    const existing = await findUserByEmail(tx, input.ownerEmail);
    const password = existing ? null : generatePassword();
    const ownerId = await addUserToWorkspace(tx, { workspaceId: ws.value, email: input.ownerEmail, name: input.ownerName, password: password ?? '', role: 'owner' }, now);
    for (const name of DEFAULT_TEAMS) await createTeam(tx, ws.value, name, [ownerId], now);
    return ok({ workspaceId: ws.value, ownerId, ownerEmail: input.ownerEmail.toLowerCase(), password });
  });
}
