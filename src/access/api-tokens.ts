import type { ApiToken, CreateApiTokenResponse } from '../contracts/index.ts';
import type { Result } from '../kernel/index.ts';
import { fail, newId, ok } from '../kernel/index.ts';
import type { Principal } from './principal.ts';
import { newSecret } from './secrets.ts';
import { API_TOKEN_PREFIX, type AccessDeps } from './sign-in.ts';
import * as store from './store.ts';

function present(row: store.ApiTokenRow): ApiToken {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null };
}

export async function createApiToken(deps: AccessDeps, principal: Principal, name: string): Promise<Result<CreateApiTokenResponse>> {
  const { token, hash } = newSecret(API_TOKEN_PREFIX);
  const now = deps.clock.now();
  const row = await store.insertApiToken(deps.db, { id: newId('tok', now), workspaceId: principal.workspaceId, userId: principal.userId, name, hash, prefix: token.slice(0, 10), now });
  return ok({ ...present(row), token });
}

export async function listApiTokens(deps: AccessDeps, principal: Principal): Promise<Result<{ items: ApiToken[] }>> {
  const rows = await store.listApiTokens(deps.db, principal.workspaceId, principal.userId);
  return ok({ items: rows.map(present) });
}

export async function revokeApiToken(deps: AccessDeps, principal: Principal, id: string): Promise<Result<null>> {
  const done = await store.revokeApiToken(deps.db, principal.workspaceId, principal.userId, id, deps.clock.now());
  return done ? ok(null) : fail('not_found', `no active API token ${id}`);
}
