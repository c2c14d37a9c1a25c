/**
 * Automation rules: the vocabulary. Pure data — a rule set is JSON the caller stores and passes in; the engine
 * turns (rules, event, ticket facts, context) into decisions. Nothing here reads a clock or a database.
 *
 * The value lists mirror src/contracts/common.ts (channels, fulfilment, risk) and src/triage/domain/types.ts
 * (intents, signals, languages); the lint rule forbids importing them from this nested domain folder.
 */

export const CHANNELS = ['amazon', 'shopify', 'tiktok', 'email', 'instagram', 'fake'] as const;
export const FULFILLMENTS = ['FBA', 'FBM', 'MCF', 'SHOPIFY', 'TIKTOK'] as const;
export const LANGUAGES = ['en', 'de', 'fr', 'it', 'es', 'ja', 'zh'] as const;
export const INTENTS = [
  'where_is_my_order', 'not_received', 'damaged_defective', 'wrong_item', 'return_request', 'refund_request',
  'cancel_order', 'change_order', 'shipping_cost', 'invoice_request', 'payment_issue', 'product_question',
  'feedback_review', 'complaint', 'thanks', 'other',
] as const;
export const SIGNALS = ['a_to_z_threat', 'chargeback_threat', 'negative_feedback_threat', 'legal_threat', 'safety_issue', 'counterfeit_claim'] as const;
/** Ordered low → critical: `gte: 'high'` means "at least high". */
export const RISK_LEVELS = ['low', 'normal', 'high', 'critical'] as const;
/** Ordered low → urgent. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const BUSINESS_HOURS = ['open', 'closed'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Fulfillment = (typeof FULFILLMENTS)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type BusinessHours = (typeof BUSINESS_HOURS)[number];

/**
 * What happened. The caller sends `message_received` for every inbound message (the first one of a new ticket
 * included), `ticket_created` when an agent or the API opens a ticket, `ticket_updated` for changes (including
 * the follow-up the engine asks for after rules changed the ticket), `sla_warning`/`sla_breach` from the SLA
 * sweep, and `ticket_idle` from the idle sweep with the hours since the last activity.
 */
export const TRIGGERS = ['message_received', 'ticket_created', 'ticket_updated', 'sla_warning', 'sla_breach', 'ticket_idle'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const OPERATORS = ['eq', 'neq', 'in', 'not_in', 'contains', 'not_contains', 'gte', 'lte', 'gt', 'lt', 'is_set', 'is_not_set'] as const;
export type Operator = (typeof OPERATORS)[number];

/** The ticket as rules see it. Lists are never null (empty instead); unknown scalars are null. */
export interface TicketFacts {
  ticketId?: string | null;
  orderId?: string | null;
  customerName?: string | null;
  subject?: string | null;
  currency?: string | null;
  channel: string;
  marketplace: string | null;
  fulfillment: string | null;
  /** The primary intent. */
  intent: string | null;
  /** Every detected intent. */
  intents: readonly string[];
  signals: readonly string[];
  risk: RiskLevel | null;
  priority: Priority | null;
  language: string | null;
  orderValueMinor: number | null;
  previousTickets: number | null;
  previousClaims: number | null;
  lifetimeValueMinor: number | null;
  tags: readonly string[];
  /** Whether the ticket's team is inside business hours now — the caller computes it (SLA calendars). */
  businessHours: BusinessHours | null;
  teamId: string | null;
  assigneeId: string | null;
  noResponseNeeded?: boolean;
}

/** The facts a condition may test, with the kind of value each holds. */
export type FactKind = 'enum' | 'string' | 'ordered' | 'number' | 'list';
export interface FactSpec {
  readonly kind: FactKind;
  /** For enum/ordered/list facts with a closed vocabulary: the allowed values (ordered: low → high). */
  readonly values?: readonly string[];
}

export const FACTS = {
  channel: { kind: 'enum', values: CHANNELS },
  marketplace: { kind: 'string' },
  fulfillment: { kind: 'enum', values: FULFILLMENTS },
  intent: { kind: 'enum', values: INTENTS },
  intents: { kind: 'list', values: INTENTS },
  signals: { kind: 'list', values: SIGNALS },
  risk: { kind: 'ordered', values: RISK_LEVELS },
  priority: { kind: 'ordered', values: PRIORITIES },
  language: { kind: 'enum', values: LANGUAGES },
  orderValueMinor: { kind: 'number' },
  previousTickets: { kind: 'number' },
  previousClaims: { kind: 'number' },
  lifetimeValueMinor: { kind: 'number' },
  tags: { kind: 'list' },
  businessHours: { kind: 'enum', values: BUSINESS_HOURS },
  teamId: { kind: 'string' },
  assigneeId: { kind: 'string' },
} as const satisfies Record<string, FactSpec>;
export type FactName = keyof typeof FACTS;

/**
 * Which operators each kind of fact accepts, and the value they take:
 * - enum/string: eq, neq (a string); in, not_in (a non-empty string list); is_set, is_not_set (no value).
 * - ordered (risk, priority): those plus gte/lte/gt/lt against a level ("at least high").
 * - number: eq, neq, gte, lte, gt, lt (a finite number); is_set, is_not_set. An unknown (null) number fails
 *   every comparison.
 * - list (intents, signals, tags): contains (one value, or a list = contains ALL), in (a list = contains ANY),
 *   not_contains (one value), not_in (a list = contains NONE), is_set (non-empty), is_not_set (empty).
 * Negations are exact: `neq`, `not_in`, `not_contains` are true wherever `eq`, `in`, `contains` are false,
 * so `marketplace neq 'DE'` holds when the marketplace is unknown.
 */
export const OPERATORS_BY_KIND: Record<FactKind, readonly Operator[]> = {
  enum: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  string: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  ordered: ['eq', 'neq', 'in', 'not_in', 'gte', 'lte', 'gt', 'lt', 'is_set', 'is_not_set'],
  number: ['eq', 'neq', 'gte', 'lte', 'gt', 'lt', 'is_set', 'is_not_set'],
  list: ['contains', 'not_contains', 'in', 'not_in', 'is_set', 'is_not_set'],
};

export type ConditionValue = string | number | readonly string[];

export interface Condition {
  fact: FactName;
  op: Operator;
  value?: ConditionValue;
}

export interface Conditions {
  /** Every one must hold (an empty or missing list holds). */
  all?: Condition[];
  /** At least one must hold (an empty or missing list holds). */
  any?: Condition[];
}

/** A team is named by id, or by a well-known key (`amazon_compliance`) the caller maps to an id (ctx.teamKeys). */
export interface TeamRef {
  teamId?: string;
  teamKey?: string;
}

export type Action =
  | { type: 'set_risk'; level: RiskLevel; reason: string }
  | { type: 'set_priority'; priority: Priority }
  | { type: 'add_tag'; tag: string }
  | { type: 'remove_tag'; tag: string }
  | ({ type: 'assign_team' } & TeamRef)
  | { type: 'assign_agent'; strategy: 'specific'; userId: string }
  /** Over the members of the given team, or of the ticket's team (as set so far) when none is given. */
  | ({ type: 'assign_agent'; strategy: 'round_robin' | 'least_loaded' } & TeamRef)
  | { type: 'apply_template_draft'; templateId: string }
  /** `text` may hold {{placeholders}} (see PLACEHOLDERS). */
  | { type: 'add_note'; text: string }
  | { type: 'mark_no_response_needed' }
  | { type: 'notify'; channel: 'email' | 'in_app'; to: string; message?: string }
  /** `payload` is a template: placeholder values are JSON-string-escaped, so `{"id":"{{ticketId}}"}` stays JSON. */
  | { type: 'webhook'; url: string; payload: string };
export type ActionType = Action['type'];

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  /** Run order, ascending; unique within a rule set. */
  position: number;
  trigger: Trigger;
  /** Required with `ticket_idle`: the rule fires once the ticket has been idle at least this long. */
  idleHours?: number;
  conditions: Conditions;
  actions: Action[];
  description?: string;
}

export interface RuleEvent {
  type: Trigger;
  /**
   * The originating event's id. Follow-up `ticket_updated` evaluations keep it, so together with `alreadyFired`
   * no rule fires twice for one origin. For `ticket_idle`, use one id per idle stretch (e.g. ticket id + last
   * activity time), so an idle rule fires once per stretch.
   */
  id: string;
  /** 0 for the original event; the engine's `followUp` carries depth + 1. */
  depth?: number;
  /** With `ticket_idle`: hours since the last activity. */
  idleHours?: number;
}

export interface TeamMember {
  userId: string;
  /** Most open tickets this agent should hold. */
  capacity: number;
  openTickets: number;
  /** Absent, off shift, … — default true. */
  available?: boolean;
}

export interface EngineContext {
  now: Date;
  /** teamId → its members with their current load. */
  agentLoad?: Readonly<Record<string, readonly TeamMember[]>>;
  /** teamId → the userId assigned last by round-robin in that team. */
  roundRobinCursor?: Readonly<Record<string, string>>;
  /** Well-known team key → team id (e.g. amazon_compliance → the workspace's team id). */
  teamKeys?: Readonly<Record<string, string>>;
  /** Rule ids already fired for this originating event (from the previous depth's result). */
  alreadyFired?: Iterable<string>;
  /** Deepest follow-up evaluation allowed (default MAX_DEPTH). */
  maxDepth?: number;
}

export const MAX_DEPTH = 3;

/** One condition's outcome, with the fact value it saw. */
export interface ConditionTrace {
  group: 'all' | 'any';
  index: number;
  fact: FactName;
  op: Operator;
  value?: ConditionValue;
  actual: unknown;
  result: boolean;
}

export type ActionOutcome = 'applied' | 'noop' | 'skipped';

export interface ActionTrace {
  action: Action;
  outcome: ActionOutcome;
  /** Human explanation: what changed, why nothing did, or what it overrode. */
  detail: string;
  /** Set when this action overrode an earlier rule's decision in the same evaluation. */
  overrides?: { ruleId: string; ruleName: string; previous: unknown };
}

export interface FiredRule {
  ruleId: string;
  ruleName: string;
  /** The conditions that made it fire (all of `all`, the true ones of `any`). */
  matched: ConditionTrace[];
  actions: ActionTrace[];
}

export interface SideEffect<T> {
  ruleId: string;
  ruleName: string;
  value: T;
}

/** The net result: fields present only when they differ from the input facts. */
export interface TicketChanges {
  risk?: { level: RiskLevel; reason: string; ruleId: string };
  priority?: Priority;
  tagsAdded: string[];
  tagsRemoved: string[];
  teamId?: string;
  assigneeId?: string;
  noResponseNeeded?: true;
  /** The template to put in the reply box (the last rule's wins). */
  draft?: SideEffect<{ templateId: string }>;
  notes: SideEffect<{ text: string }>[];
  notifications: SideEffect<{ channel: 'email' | 'in_app'; to: string; message: string }>[];
  webhooks: SideEffect<{ url: string; body: string }>[];
}

export interface TimelineEntry {
  at: string;
  ruleId: string;
  ruleName: string;
  action: ActionType;
  summary: string;
}

export interface FollowUp {
  type: 'ticket_updated';
  id: string;
  depth: number;
}

export interface EvaluationResult {
  status: 'ok' | 'refused';
  /** Why the engine refused (depth beyond the loop guard). */
  refusal?: string;
  fired: FiredRule[];
  changes: TicketChanges;
  /** The facts after every fired rule. */
  facts: TicketFacts;
  timeline: TimelineEntry[];
  nextRoundRobinCursor: Record<string, string>;
  /** Every rule fired for this origin so far — pass as ctx.alreadyFired to the follow-up evaluation. */
  alreadyFired: string[];
  /** Non-null when rules changed ticket facts: the caller re-evaluates this event (a ticket_updated). */
  followUp: FollowUp | null;
}
