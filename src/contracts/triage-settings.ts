import { z } from 'zod';
import { IsoDateTime } from './common.ts';

/**
 * SLA policies, business calendars and automation rules are JSON documents the triage domain validates itself
 * (every error names the field path, e.g. `rules[2].conditions.all[0].op`); the schemas here only fix the outer
 * shape, so the API reports the domain's precise messages instead of a generic type error.
 */
const Doc = z.record(z.string(), z.unknown());

export const TriageSettingsView = z.object({
  timeZone: z.string(),
  policies: z.array(Doc).describe('SLA policies in priority order (see docs/triage.md)'),
  calendars: z.record(z.string(), Doc).describe('business calendars by id; `always` (24/7) needs none'),
  rules: z.array(Doc).describe('automation rules, run in position order'),
  custom: z.object({ policies: z.boolean(), calendars: z.boolean(), rules: z.boolean() }).describe('false: following the shipped defaults'),
  version: z.number().int(),
  updatedAt: IsoDateTime.nullable(),
  templates: z.array(z.object({ id: z.string(), name: z.string(), language: z.string(), body: z.string() })).describe('reply templates rules can put in the reply box'),
  teamKeys: z.record(z.string(), z.string()).describe('well-known team keys rules may name, and the team name each stands for'),
});
export type TriageSettingsView = z.infer<typeof TriageSettingsView>;

export const SaveTriageSettingsRequest = z.object({
  policies: z.array(Doc).nullable().optional().describe('null: back to the shipped defaults'),
  calendars: z.record(z.string(), Doc).nullable().optional(),
  rules: z.array(Doc).nullable().optional(),
  expectedVersion: z.number().int().optional().describe('the version you edited: a concurrent change is refused (409)'),
});

export const DryRunRequest = z.object({
  message: z.record(z.string(), z.unknown()).describe('as `claimdesk triage` reads it: {channel, marketplace, fulfillment, subject, body, order, customer}'),
  rules: z.array(Doc).optional().describe('rules to try instead of the saved ones (the editor\'s unsaved draft)'),
});

export const DryRunResponse = z.object({
  language: z.string().nullable(),
  intent: z.string(),
  intents: z.array(z.string()),
  signals: z.array(z.string()),
  risk: z.enum(['critical', 'high', 'normal', 'low']),
  score: z.number(),
  reasons: z.array(z.string()),
  factors: z.array(z.object({ code: z.string(), points: z.number(), text: z.string(), data: z.record(z.string(), z.unknown()) }).passthrough()),
  trackingState: z.string(),
  explanation: z.unknown(),
  sla: z.object({ policy: z.string(), firstResponseDueAt: IsoDateTime.nullable(), resolutionDueAt: IsoDateTime.nullable() }).nullable(),
  rules: z.array(z.object({ ruleId: z.string(), ruleName: z.string(), wouldFire: z.boolean(), explanation: z.string() })),
});
