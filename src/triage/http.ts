import { createRoute } from '@hono/zod-openapi';
import { errorBody, errorResponse as err, jsonBody as body, jsonResponse as json, present, register, type App } from '../access/index.ts';
import { DryRunRequest, DryRunResponse, SaveTriageSettingsRequest, TriageSettingsView } from '../contracts/index.ts';
import type { Clock } from '../kernel/index.ts';
import { ok } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { AssessInput, assessMessage } from './assess.ts';
import { validateRules, type Rule } from './domain/rules/index.ts';
import type { SlaPolicy, BusinessCalendar } from './domain/sla/index.ts';
import { DEFAULT_REPLY_TEMPLATES } from './domain/templates.ts';
import { loadTriageSettings, saveTriageSettings, TEAM_KEY_NAMES, type TriageSettings } from './settings.ts';

function view(s: TriageSettings) {
  return {
    ...s,
    policies: s.policies as unknown as Record<string, unknown>[], rules: s.rules as unknown as Record<string, unknown>[],
    calendars: s.calendars as unknown as Record<string, Record<string, unknown>>,
    templates: DEFAULT_REPLY_TEMPLATES.map((t) => ({ id: t.id, name: t.name, language: t.language, body: t.body })),
    teamKeys: { ...TEAM_KEY_NAMES },
  };
}

/** SLA policies, calendars and rules per workspace (admins edit; everyone may read), and the rules dry run. */
export function triageRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const tags = ['triage'];
  register(app, createRoute({ method: 'get', path: '/api/triage/settings', tags, responses: { 200: json(TriageSettingsView, 'SLA policies, calendars and rules in force') } }), 'viewer', async (c, p) => {
    return c.json(view(await loadTriageSettings(deps.db, p.workspaceId)), 200);
  });

  register(app, createRoute({
    method: 'put', path: '/api/triage/settings', tags, request: body(SaveTriageSettingsRequest),
    responses: { 200: json(TriageSettingsView, 'saved'), 400: err('invalid: every problem with its field path'), 403: err('admins only'), 409: err('changed by someone else since you loaded it') },
  }), 'admin', async (c, p) => {
    const req = c.req.valid('json');
    const r = await deps.db.transaction((tx) => saveTriageSettings(tx, p.workspaceId, p.userId, {
      ...(req.policies !== undefined ? { policies: req.policies as unknown as SlaPolicy[] | null } : {}),
      ...(req.calendars !== undefined ? { calendars: req.calendars as unknown as Record<string, BusinessCalendar> | null } : {}),
      ...(req.rules !== undefined ? { rules: req.rules as unknown as Rule[] | null } : {}),
      ...(req.expectedVersion !== undefined ? { expectedVersion: req.expectedVersion } : {}),
    }, deps.clock.now()));
    return present(c, r.ok ? ok(view(r.value)) : r);
  });

  register(app, createRoute({
    method: 'post', path: '/api/triage/dry-run', tags, request: body(DryRunRequest),
    responses: { 200: json(DryRunResponse, 'what triage would make of the message and which rules would fire; nothing is stored'), 400: err('bad message or rules') },
  }), 'agent', async (c, p) => {
    const req = c.req.valid('json');
    const msg = AssessInput.safeParse(req.message);
    if (!msg.success) {
      const issue = msg.error.issues[0]!;
      return c.json(errorBody('bad_input', `message.${issue.path.join('.')}: ${issue.message}`), 400);
    }
    const settings = await loadTriageSettings(deps.db, p.workspaceId);
    let rules = settings.rules;
    if (req.rules) {
      const v = validateRules(req.rules);
      if (!v.ok) return c.json(errorBody('bad_input', v.errors.map((e) => `${e.path || 'rules'}: ${e.message}`).join('; ')), 400);
      rules = v.rules;
    }
    return c.json(assessMessage(msg.data, deps.clock.now(), { policies: settings.policies, calendars: settings.calendars, rules }), 200);
  });
}
