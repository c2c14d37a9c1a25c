import type { Queryable } from '../platform/db/port.ts';
import type { Role } from '../kernel/index.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: 'en' | 'zh-CN';
  disabled_at: Date | null;
}

export interface WorkspaceRow {
  id: string;
  name: string;
  slug: string;
  default_currency: string;
  timezone: string;
}

export async function insertWorkspace(q: Queryable, w: WorkspaceRow): Promise<void> {
  await q.query('INSERT INTO workspaces (id, name, slug, default_currency, timezone) VALUES ($1, $2, $3, $4, $5)', [w.id, w.name, w.slug, w.default_currency, w.timezone]);
}

export async function findWorkspaceBySlug(q: Queryable, slug: string): Promise<WorkspaceRow | null> {
  const r = await q.query<WorkspaceRow>('SELECT id, name, slug, default_currency, timezone FROM workspaces WHERE slug = $1', [slug]);
  return r.rows[0] ?? null;
}

export async function getWorkspace(q: Queryable, id: string): Promise<WorkspaceRow | null> {
  const r = await q.query<WorkspaceRow>('SELECT id, name, slug, default_currency, timezone FROM workspaces WHERE id = $1', [id]);
  return r.rows[0] ?? null;
}

export async function insertUser(q: Queryable, u: { id: string; email: string; name: string; passwordHash: string; locale?: 'en' | 'zh-CN' }): Promise<void> {
  await q.query('INSERT INTO users (id, email, name, password_hash, locale) VALUES ($1, lower($2), $3, $4, $5)', [u.id, u.email, u.name, u.passwordHash, u.locale ?? 'en']);
}

const USER_COLS = 'id, email, name, password_hash, locale, disabled_at';

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`SELECT ${USER_COLS} FROM users WHERE email = lower($1)`, [email]);
  return r.rows[0] ?? null;
}

export async function getUser(q: Queryable, id: string): Promise<UserRow | null> {
  const r = await q.query<UserRow>(`SELECT ${USER_COLS} FROM users WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function updateUserProfile(q: Queryable, id: string, patch: { locale?: string; name?: string }): Promise<void> {
  await q.query('UPDATE users SET locale = coalesce($2, locale), name = coalesce($3, name) WHERE id = $1', [id, patch.locale ?? null, patch.name ?? null]);
}

export async function upsertMembership(q: Queryable, workspaceId: string, userId: string, role: Role): Promise<void> {
  await q.query(
    `INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
    [workspaceId, userId, role],
  );
}

export interface MembershipRow {
  workspace_id: string;
  name: string;
  slug: string;
  role: Role;
}

export async function listMembershipsOfUser(q: Queryable, userId: string): Promise<MembershipRow[]> {
  const r = await q.query<MembershipRow>(
    `SELECT m.workspace_id, w.name, w.slug, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.user_id = $1 ORDER BY w.created_at, w.id`,
    [userId],
  );
  return r.rows;
}

export async function getRole(q: Queryable, workspaceId: string, userId: string): Promise<Role | null> {
  const r = await q.query<{ role: Role }>('SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
  return r.rows[0]?.role ?? null;
}

export interface SessionRow {
  id: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
}

export async function insertSession(q: Queryable, s: Omit<SessionRow, 'last_seen_at'> & { now: Date }): Promise<void> {
  await q.query('INSERT INTO sessions (id, user_id, workspace_id, csrf_token, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $5)', [
    s.id,
    s.user_id,
    s.workspace_id,
    s.csrf_token,
    s.now,
    s.expires_at,
  ]);
}

export async function findLiveSession(q: Queryable, id: string, now: Date): Promise<SessionRow | null> {
  const r = await q.query<SessionRow>('SELECT id, user_id, workspace_id, csrf_token, expires_at, last_seen_at FROM sessions WHERE id = $1 AND expires_at > $2', [id, now]);
  return r.rows[0] ?? null;
}

export async function extendSession(q: Queryable, id: string, now: Date, expiresAt: Date): Promise<void> {
  await q.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1', [id, now, expiresAt]);
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE id = $1', [id]);
}

export interface ApiTokenRow {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const TOKEN_COLS = 'id, workspace_id, user_id, name, prefix, created_at, last_used_at, revoked_at';

export async function insertApiToken(q: Queryable, t: { id: string; workspaceId: string; userId: string; name: string; hash: string; prefix: string; now: Date }): Promise<ApiTokenRow> {
  const r = await q.query<ApiTokenRow>(
    `INSERT INTO api_tokens (id, workspace_id, user_id, name, token_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${TOKEN_COLS}`,
    [t.id, t.workspaceId, t.userId, t.name, t.hash, t.prefix, t.now],
  );
  return r.rows[0]!;
}

export async function findLiveApiToken(q: Queryable, hash: string): Promise<ApiTokenRow | null> {
  const r = await q.query<ApiTokenRow>(`SELECT ${TOKEN_COLS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`, [hash]);
  return r.rows[0] ?? null;
}

export async function touchApiToken(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, now]);
}

export async function listApiTokens(q: Queryable, workspaceId: string, userId: string): Promise<ApiTokenRow[]> {
  const r = await q.query<ApiTokenRow>(
    `SELECT ${TOKEN_COLS} FROM api_tokens WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL ORDER BY created_at DESC`,
    [workspaceId, userId],
  );
  return r.rows;
}

export async function revokeApiToken(q: Queryable, workspaceId: string, userId: string, id: string, now: Date): Promise<boolean> {
  const r = await q.query('UPDATE api_tokens SET revoked_at = $4 WHERE workspace_id = $1 AND user_id = $2 AND id = $3 AND revoked_at IS NULL', [workspaceId, userId, id, now]);
  return r.rowCount > 0;
}

export async function insertTeam(q: Queryable, t: { id: string; workspaceId: string; name: string }): Promise<void> {
  await q.query('INSERT INTO teams (id, workspace_id, name) VALUES ($1, $2, $3)', [t.id, t.workspaceId, t.name]);
}

export async function addTeamMember(q: Queryable, workspaceId: string, teamId: string, userId: string): Promise<void> {
  await q.query('INSERT INTO team_members (workspace_id, team_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [workspaceId, teamId, userId]);
}

export async function listTeams(q: Queryable, workspaceId: string): Promise<{ id: string; name: string; memberCount: number; memberIds: string[] }[]> {
  const r = await q.query<{ id: string; name: string; member_ids: string[] }>(
    `SELECT t.id, t.name, coalesce((SELECT array_agg(tm.user_id ORDER BY tm.user_id) FROM team_members tm WHERE tm.team_id = t.id), '{}') AS member_ids
     FROM teams t WHERE t.workspace_id = $1 ORDER BY t.name`,
    [workspaceId],
  );
  return r.rows.map((t) => ({ id: t.id, name: t.name, memberCount: t.member_ids.length, memberIds: t.member_ids }));
}

export async function setPasswordHash(q: Queryable, userId: string, hash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, hash]);
}

export async function listMembers(q: Queryable, workspaceId: string): Promise<{ id: string; email: string; name: string; role: Role; teams: { id: string; name: string }[] }[]> {
  const r = await q.query<{ id: string; email: string; name: string; role: Role; teams: { id: string; name: string }[] }>(
    `SELECT u.id, u.email, u.name, m.role,
       coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
                 FROM team_members tm JOIN teams t ON t.id = tm.team_id
                 WHERE tm.user_id = u.id AND tm.workspace_id = m.workspace_id), '[]'::json) AS teams
     FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY u.name`,
    [workspaceId],
  );
  return r.rows;
}
