/**
 * Validate a rule set from the outside world (API, import): unknown fields, wrong types, operator/fact
 * combinations, assign actions without a team, duplicate ids and positions. Every error names the rule and
 * the field path (`rules[2].conditions.all[0].op`).
 */
import { isPlaceholder, placeholdersIn } from './placeholders.ts';
import {
  FACTS,
  OPERATORS,
  OPERATORS_BY_KIND,
  PRIORITIES,
  RISK_LEVELS,
  TRIGGERS,
  type FactSpec,
  type Rule,
} from './types.ts';

export interface RuleValidationError {
  /** The rule's id when it has a usable one. */
  ruleId: string | null;
  ruleName: string | null;
  path: string;
  message: string;
}

export type RuleSetValidation = { ok: true; rules: Rule[] } | { ok: false; errors: RuleValidationError[] };

export interface ValidateOptions {
  /** When given, team ids an action names must be among them. */
  teamIds?: readonly string[];
  /** When given, team keys an action names must be among them. */
  teamKeys?: readonly string[];
  /** When given, template ids must be among them. */
  templateIds?: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

const RULE_FIELDS = ['id', 'name', 'enabled', 'position', 'trigger', 'idleHours', 'conditions', 'actions', 'description'];
const TEAM_FIELDS = ['teamId', 'teamKey'];
const ACTION_FIELDS: Record<string, { required: string[]; optional?: string[] }> = {
  set_risk: { required: ['level', 'reason'] },
  set_priority: { required: ['priority'] },
  add_tag: { required: ['tag'] },
  remove_tag: { required: ['tag'] },
  assign_team: { required: [], optional: TEAM_FIELDS },
  assign_agent: { required: ['strategy'], optional: ['userId', ...TEAM_FIELDS] },
  apply_template_draft: { required: ['templateId'] },
  add_note: { required: ['text'] },
  mark_no_response_needed: { required: [] },
  notify: { required: ['channel', 'to'], optional: ['message'] },
  webhook: { required: ['url', 'payload'] },
};

class Collector {
  readonly errors: RuleValidationError[] = [];
  ruleId: string | null = null;
  ruleName: string | null = null;
  add(path: string, message: string): void {
    this.errors.push({ ruleId: this.ruleId, ruleName: this.ruleName, path, message });
  }
  unknownFields(obj: Obj, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) this.add(`${path}.${k}`, `unknown field '${k}'`);
  }
}

function checkCondition(c: unknown, path: string, out: Collector): void {
  if (!isObj(c)) return out.add(path, 'a condition must be an object { fact, op, value }');
  out.unknownFields(c, ['fact', 'op', 'value'], path);
  const { fact, op, value } = c;
  if (typeof fact !== 'string' || !Object.hasOwn(FACTS, fact)) {
    return out.add(`${path}.fact`, `unknown fact ${JSON.stringify(fact)}; one of ${Object.keys(FACTS).join(', ')}`);
  }
  if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op)) {
    return out.add(`${path}.op`, `unknown operator ${JSON.stringify(op)}; one of ${OPERATORS.join(', ')}`);
  }
  const spec: FactSpec = FACTS[fact as keyof typeof FACTS];
  const allowed = OPERATORS_BY_KIND[spec.kind];
  if (!(allowed as readonly string[]).includes(op)) {
    return out.add(`${path}.op`, `operator '${op}' does not apply to ${fact} (${spec.kind}); use one of ${allowed.join(', ')}`);
  }
  const vpath = `${path}.value`;
  const checkWord = (v: unknown, p: string) => {
    if (!isNonEmptyString(v)) return out.add(p, `${fact} ${op} needs a non-empty string`);
    if (spec.values && !spec.values.includes(v)) out.add(p, `unknown ${fact} value '${v}'; one of ${spec.values.join(', ')}`);
  };
  const checkList = () => {
    if (!Array.isArray(value) || value.length === 0) return out.add(vpath, `${fact} ${op} needs a non-empty list`);
    value.forEach((v, i) => checkWord(v, `${vpath}[${i}]`));
  };
  if (op === 'is_set' || op === 'is_not_set') {
    if (value !== undefined) out.add(vpath, `${op} takes no value`);
    return;
  }
  if (value === undefined) return out.add(vpath, `${fact} ${op} needs a value`);
  if (spec.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) out.add(vpath, `${fact} ${op} needs a finite number`);
    else if ((fact === 'orderValueMinor' || fact === 'lifetimeValueMinor') && !Number.isInteger(value)) out.add(vpath, `${fact} is in integer minor units`);
    return;
  }
  if (op === 'in' || op === 'not_in') return checkList();
  if (spec.kind === 'list' && op === 'contains' && Array.isArray(value)) return checkList();
  checkWord(value, vpath);
}

function checkTeam(a: Obj, path: string, out: Collector, opts: ValidateOptions, required: boolean): void {
  const { teamId, teamKey } = a;
  if (teamId !== undefined && teamKey !== undefined) out.add(path, 'give teamId or teamKey, not both');
  if (teamId === undefined && teamKey === undefined) {
    if (required) out.add(`${path}.teamId`, 'assign_team needs a team (teamId or teamKey)');
    return;
  }
  if (teamId !== undefined) {
    if (!isNonEmptyString(teamId)) out.add(`${path}.teamId`, 'teamId must be a non-empty string');
    else if (opts.teamIds && !opts.teamIds.includes(teamId)) out.add(`${path}.teamId`, `no team with id '${teamId}'`);
  }
  if (teamKey !== undefined) {
    if (!isNonEmptyString(teamKey)) out.add(`${path}.teamKey`, 'teamKey must be a non-empty string');
    else if (opts.teamKeys && !opts.teamKeys.includes(teamKey)) out.add(`${path}.teamKey`, `no team mapped to key '${teamKey}'`);
  }
}

function checkTemplate(text: unknown, path: string, out: Collector): void {
  if (typeof text !== 'string' || text.trim() === '') return out.add(path, 'needs a non-empty text');
  for (const name of placeholdersIn(text)) if (!isPlaceholder(name)) out.add(path, `unknown placeholder {{${name}}}`);
}

function checkAction(a: unknown, path: string, out: Collector, opts: ValidateOptions): void {
  if (!isObj(a)) return out.add(path, 'an action must be an object { type, … }');
  const type = a.type;
  if (typeof type !== 'string' || !Object.hasOwn(ACTION_FIELDS, type)) {
    return out.add(`${path}.type`, `unknown action ${JSON.stringify(type)}; one of ${Object.keys(ACTION_FIELDS).join(', ')}`);
  }
  const fields = ACTION_FIELDS[type] ?? { required: [] };
  out.unknownFields(a, ['type', ...fields.required, ...(fields.optional ?? [])], path);
  for (const f of fields.required) if (a[f] === undefined) out.add(`${path}.${f}`, `${type} needs '${f}'`);
  switch (type) {
    case 'set_risk':
      if (a.level !== undefined && !(RISK_LEVELS as readonly unknown[]).includes(a.level)) out.add(`${path}.level`, `risk level is one of ${RISK_LEVELS.join(', ')}`);
      if (a.reason !== undefined && !isNonEmptyString(a.reason)) out.add(`${path}.reason`, 'reason must be a non-empty string');
      break;
    case 'set_priority':
      if (a.priority !== undefined && !(PRIORITIES as readonly unknown[]).includes(a.priority)) out.add(`${path}.priority`, `priority is one of ${PRIORITIES.join(', ')}`);
      break;
    case 'add_tag':
    case 'remove_tag':
      if (a.tag !== undefined && !isNonEmptyString(a.tag)) out.add(`${path}.tag`, 'tag must be a non-empty string');
      break;
    case 'assign_team':
      checkTeam(a, path, out, opts, true);
      break;
    case 'assign_agent':
      if (a.strategy === 'specific') {
        if (!isNonEmptyString(a.userId)) out.add(`${path}.userId`, "strategy 'specific' needs a userId");
        if (a.teamId !== undefined || a.teamKey !== undefined) out.add(path, "strategy 'specific' takes a userId, not a team");
      } else if (a.strategy === 'round_robin' || a.strategy === 'least_loaded') {
        if (a.userId !== undefined) out.add(`${path}.userId`, `strategy '${a.strategy}' picks the user; remove userId`);
        checkTeam(a, path, out, opts, false);
      } else if (a.strategy !== undefined) {
        out.add(`${path}.strategy`, "strategy is one of specific, round_robin, least_loaded");
      }
      break;
    case 'apply_template_draft':
      if (a.templateId !== undefined && !isNonEmptyString(a.templateId)) out.add(`${path}.templateId`, 'templateId must be a non-empty string');
      else if (typeof a.templateId === 'string' && opts.templateIds && !opts.templateIds.includes(a.templateId)) out.add(`${path}.templateId`, `no template with id '${a.templateId}'`);
      break;
    case 'add_note':
      if (a.text !== undefined) checkTemplate(a.text, `${path}.text`, out);
      break;
    case 'notify':
      // E-mail delivery of notifications is not built: refuse it rather than record mail that never leaves.
      if (a.channel === 'email') out.add(`${path}.channel`, 'e-mail notifications are not sent yet: use in_app (the notification list), or a webhook to your mail or chat service');
      else if (a.channel !== undefined && a.channel !== 'in_app') out.add(`${path}.channel`, 'channel is in_app');
      if (a.to !== undefined && !isNonEmptyString(a.to)) out.add(`${path}.to`, 'to must be a non-empty string');
      if (a.message !== undefined) checkTemplate(a.message, `${path}.message`, out);
      break;
    case 'webhook': {
      if (a.url !== undefined) {
        let ok = false;
        try {
          const u = typeof a.url === 'string' ? new URL(a.url) : null;
          ok = u !== null && (u.protocol === 'https:' || u.protocol === 'http:');
        } catch {
          ok = false;
        }
        if (!ok) out.add(`${path}.url`, 'url must be an absolute http(s) URL');
      }
      if (a.payload !== undefined) checkTemplate(a.payload, `${path}.payload`, out);
      break;
    }
  }
}

function checkRule(r: unknown, path: string, out: Collector, opts: ValidateOptions): void {
  out.ruleId = isObj(r) && isNonEmptyString(r.id) ? r.id : null;
  out.ruleName = isObj(r) && isNonEmptyString(r.name) ? r.name : null;
  if (!isObj(r)) return out.add(path, 'a rule must be an object');
  out.unknownFields(r, RULE_FIELDS, path);
  if (!isNonEmptyString(r.id)) out.add(`${path}.id`, 'id must be a non-empty string');
  if (!isNonEmptyString(r.name)) out.add(`${path}.name`, 'name must be a non-empty string');
  if (typeof r.enabled !== 'boolean') out.add(`${path}.enabled`, 'enabled must be true or false');
  if (typeof r.position !== 'number' || !Number.isInteger(r.position)) out.add(`${path}.position`, 'position must be an integer');
  if (r.description !== undefined && typeof r.description !== 'string') out.add(`${path}.description`, 'description must be a string');
  if (typeof r.trigger !== 'string' || !(TRIGGERS as readonly string[]).includes(r.trigger)) {
    out.add(`${path}.trigger`, `unknown trigger ${JSON.stringify(r.trigger)}; one of ${TRIGGERS.join(', ')}`);
  }
  if (r.trigger === 'ticket_idle') {
    if (typeof r.idleHours !== 'number' || !(r.idleHours > 0)) out.add(`${path}.idleHours`, 'ticket_idle needs idleHours > 0');
  } else if (r.idleHours !== undefined) {
    out.add(`${path}.idleHours`, 'idleHours applies only to the ticket_idle trigger');
  }
  if (!isObj(r.conditions)) {
    out.add(`${path}.conditions`, 'conditions must be an object { all?, any? }');
  } else {
    out.unknownFields(r.conditions, ['all', 'any'], `${path}.conditions`);
    for (const group of ['all', 'any'] as const) {
      const list = r.conditions[group];
      if (list === undefined) continue;
      if (!Array.isArray(list)) out.add(`${path}.conditions.${group}`, `${group} must be a list of conditions`);
      else list.forEach((c, i) => checkCondition(c, `${path}.conditions.${group}[${i}]`, out));
    }
  }
  if (!Array.isArray(r.actions) || r.actions.length === 0) out.add(`${path}.actions`, 'actions must be a non-empty list');
  else r.actions.forEach((a, i) => checkAction(a, `${path}.actions[${i}]`, out, opts));
}

export function validateRules(input: unknown, opts: ValidateOptions = {}): RuleSetValidation {
  const out = new Collector();
  if (!Array.isArray(input)) {
    out.add('rules', 'a rule set must be a list of rules');
    return { ok: false, errors: out.errors };
  }
  const ids = new Map<string, number>();
  const positions = new Map<number, number>();
  input.forEach((r, i) => {
    const path = `rules[${i}]`;
    checkRule(r, path, out, opts);
    if (!isObj(r)) return;
    if (typeof r.id === 'string') {
      const first = ids.get(r.id);
      if (first !== undefined) out.add(`${path}.id`, `duplicate id '${r.id}' (also rules[${first}])`);
      else ids.set(r.id, i);
    }
    if (typeof r.position === 'number') {
      const first = positions.get(r.position);
      if (first !== undefined) out.add(`${path}.position`, `duplicate position ${r.position} (also rules[${first}]); run order must be unambiguous`);
      else positions.set(r.position, i);
    }
  });
  return out.errors.length > 0 ? { ok: false, errors: out.errors } : { ok: true, rules: input as Rule[] };
}
