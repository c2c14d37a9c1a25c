import { fail, ok, type Result } from '../kernel/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { DEFAULT_RULES, TEAM_KEYS, validateRules, type Rule } from './domain/rules/index.ts';
import {
  DEFAULT_SLA_POLICIES, defaultCalendars, validateCalendar, validatePolicies,
  type BusinessCalendar, type SlaPolicy,
} from './domain/sla/index.ts';
import { DEFAULT_REPLY_TEMPLATES } from './domain/templates.ts';

/** The names of the teams the default rules route to, by well-known key. */
export const TEAM_KEY_NAMES: Readonly<Record<string, string>> = {
  [TEAM_KEYS.amazonCompliance]: 'Amazon compliance',
  [TEAM_KEYS.returnsRefunds]: 'Returns & refunds',
};

/** A workspace's triage configuration, with the shipped defaults filled in where it has none of its own. */
export interface TriageSettings {
  readonly timeZone: string;
  readonly policies: readonly SlaPolicy[];
  readonly calendars: Readonly<Record<string, BusinessCalendar>>;
  readonly rules: readonly Rule[];
  /** Which parts the workspace edited (false: following the defaults). */
  readonly custom: { readonly policies: boolean; readonly calendars: boolean; readonly rules: boolean };
  readonly version: number;
  readonly updatedAt: string | null;
}

interface SettingsRow { sla_policies: SlaPolicy[] | null; calendars: Record<string, BusinessCalendar> | null; rules: Rule[] | null; version: number; updated_at: Date }

export async function loadTriageSettings(q: Queryable, workspaceId: string): Promise<TriageSettings> {
  const r = await q.query<SettingsRow & { timezone: string }>(
    `SELECT w.timezone, s.sla_policies, s.calendars, s.rules, coalesce(s.version, 0) AS version, s.updated_at
       FROM workspaces w LEFT JOIN triage_settings s ON s.workspace_id = w.id WHERE w.id = $1`, [workspaceId]);
  const row = r.rows[0];
  const timeZone = row?.timezone ?? 'UTC';
  return {
    timeZone,
    policies: row?.sla_policies ?? DEFAULT_SLA_POLICIES,
    calendars: row?.calendars ?? defaultCalendars(timeZone),
    rules: row?.rules ?? DEFAULT_RULES,
    custom: { policies: row?.sla_policies != null, calendars: row?.calendars != null, rules: row?.rules != null },
    version: row?.version ?? 0,
    updatedAt: row?.updated_at?.toISOString() ?? null,
  };
}

export interface TriageSettingsPatch {
  /** null: back to the defaults. */
  readonly policies?: readonly SlaPolicy[] | null;
  readonly calendars?: Readonly<Record<string, BusinessCalendar>> | null;
  readonly rules?: readonly Rule[] | null;
  /** The version the editor started from: a concurrent edit is refused instead of silently overwritten. */
  readonly expectedVersion?: number;
}

/**
 * Validates and stores a workspace's SLA policies, calendars and rules. Everything is checked together (a policy
 * naming a calendar the same request deletes is refused); nothing is stored unless all of it is valid.
 */
export async function saveTriageSettings(q: Queryable, workspaceId: string, userId: string | null, patch: TriageSettingsPatch, now: Date): Promise<Result<TriageSettings>> {
  const cur = await loadTriageSettings(q, workspaceId);
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== cur.version) {
    return fail('conflict', `the triage settings changed since you opened them (version ${cur.version}, yours ${patch.expectedVersion}): reload and edit again`);
  }
  const calendars = patch.calendars === undefined ? cur.calendars : patch.calendars ?? defaultCalendars(cur.timeZone);
  const policies = patch.policies === undefined ? cur.policies : patch.policies ?? DEFAULT_SLA_POLICIES;
  const rules = patch.rules === undefined ? cur.rules : patch.rules ?? DEFAULT_RULES;
  const problems: string[] = [];
  for (const [id, cal] of Object.entries(calendars)) {
    if (cal.id !== id) problems.push(`calendars.${id}: id "${cal.id}" differs from its key`);
    const check = validateCalendar(cal);
    if (!check.ok) problems.push(`calendars.${id}: ${check.message}`);
  }
  const pv = validatePolicies(policies, calendars);
  if (!pv.ok) problems.push(...pv.details.map((d) => `policies: ${d}`));
  const teams = (await q.query<{ id: string }>('SELECT id FROM teams WHERE workspace_id = $1', [workspaceId])).rows.map((t) => t.id);
  const rv = validateRules(rules, { teamIds: teams, teamKeys: Object.keys(TEAM_KEY_NAMES), templateIds: DEFAULT_REPLY_TEMPLATES.map((t) => t.id) });
  if (!rv.ok) problems.push(...rv.errors.map((e) => `${e.path || 'rules'}: ${e.message}`));
  if (problems.length) return fail('bad_input', problems.join('; '), { problems });
  // The version check is repeated in the write: a concurrent save that committed after our read makes this one a conflict.
  const saved = await q.query(
    `INSERT INTO triage_settings (workspace_id, sla_policies, calendars, rules, version, updated_by, updated_at)
     VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, 1, $5, $6)
     ON CONFLICT (workspace_id) DO UPDATE SET sla_policies = excluded.sla_policies, calendars = excluded.calendars, rules = excluded.rules,
       version = triage_settings.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
       WHERE $7::int IS NULL OR triage_settings.version = $7::int`,
    [
      workspaceId,
      patch.policies === undefined ? (cur.custom.policies ? JSON.stringify(cur.policies) : null) : patch.policies === null ? null : JSON.stringify(patch.policies),
      patch.calendars === undefined ? (cur.custom.calendars ? JSON.stringify(cur.calendars) : null) : patch.calendars === null ? null : JSON.stringify(patch.calendars),
      patch.rules === undefined ? (cur.custom.rules ? JSON.stringify(cur.rules) : null) : patch.rules === null ? null : JSON.stringify(patch.rules),
      userId, now, patch.expectedVersion ?? null,
    ],
  );
  if (saved.rowCount === 0) return fail('conflict', 'the triage settings changed while you saved them: reload and edit again');
  return ok(await loadTriageSettings(q, workspaceId));
}
