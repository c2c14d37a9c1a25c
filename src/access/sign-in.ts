import { randomBytes } from 'node:crypto';
import type { Clock, Result } from '../kernel/index.ts';
import { fail, ok } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { verifyPassword } from './password.ts';
import type { Principal } from './principal.ts';
import { newSecret, sha256 } from './secrets.ts';
import * as store from './store.ts';

export const SESSION_TTL_MS = 14 * 24 * 3600_000;
export const API_TOKEN_PREFIX = 'cdt_';

export interface AccessDeps {
  readonly db: Db;
  readonly clock: Clock;
}

// A fixed hash to verify against when the e-mail is unknown, so a login takes the same time either way.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function signIn(
  deps: AccessDeps,
  input: { email: string; password: string; workspace?: string | undefined },
): Promise<Result<{ token: string; principal: Principal }>> {
  const user = await store.findUserByEmail(deps.db, input.email);
  const valid = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid || user.disabled_at) return fail('unauthenticated', 'wrong e-mail or password');
  const memberships = await store.listMembershipsOfUser(deps.db, user.id);
  const m = input.workspace ? memberships.find((x) => x.slug === input.workspace) : memberships[0];
  if (!m) return fail('forbidden', input.workspace ? `you are not a member of workspace "${input.workspace}"` : 'you are not a member of any workspace');
  const { token, hash } = newSecret('');
  const now = deps.clock.now();
  const csrf = randomBytes(24).toString('base64url');
  await store.insertSession(deps.db, { id: hash, user_id: user.id, workspace_id: m.workspace_id, csrf_token: csrf, expires_at: new Date(now.getTime() + SESSION_TTL_MS), now });
  return ok({ token, principal: { userId: user.id, workspaceId: m.workspace_id, role: m.role, via: 'session', sessionId: hash, csrfToken: csrf } });
}

/** Resolves a session cookie. Sliding expiry: a session used within its lifetime is extended (at most hourly). */
export async function authenticateSession(deps: AccessDeps, token: string): Promise<Principal | null> {
  const now = deps.clock.now();
  const session = await store.findLiveSession(deps.db, sha256(token), now);
  if (!session) return null;
  const role = await store.getRole(deps.db, session.workspace_id, session.user_id);
  const user = await store.getUser(deps.db, session.user_id);
  if (!role || !user || user.disabled_at) return null;
  if (now.getTime() - session.last_seen_at.getTime() > 3600_000) {
    await store.extendSession(deps.db, session.id, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return { userId: session.user_id, workspaceId: session.workspace_id, role, via: 'session', sessionId: session.id, csrfToken: session.csrf_token };
}

/** Resolves an API token (`Authorization: Bearer cdt_…`). Tokens act with their owner's current role. */
export async function authenticateToken(deps: AccessDeps, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await store.findLiveApiToken(deps.db, sha256(token));
  if (!row) return null;
  const role = await store.getRole(deps.db, row.workspace_id, row.user_id);
  const user = await store.getUser(deps.db, row.user_id);
  if (!role || !user || user.disabled_at) return null;
  await store.touchApiToken(deps.db, row.id, deps.clock.now());
  return { userId: row.user_id, workspaceId: row.workspace_id, role, via: 'token', sessionId: null, csrfToken: null };
}

export async function signOut(deps: AccessDeps, principal: Principal): Promise<void> {
  if (principal.sessionId) await store.deleteSession(deps.db, principal.sessionId);
}
