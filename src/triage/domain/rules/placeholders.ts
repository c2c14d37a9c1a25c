/** {{placeholders}} in notes, notifications and webhook payloads, filled from the ticket facts. */
import type { TicketFacts } from './types.ts';

function list(v: readonly string[]): string {
  return v.join(', ');
}

function money(minor: number | null, currency: string | null | undefined): string {
  if (minor === null) return '';
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const amount = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return currency ? `${amount} ${currency}` : amount;
}

type Source = (f: TicketFacts, extra: PlaceholderExtras) => string | number | null | undefined;
export interface PlaceholderExtras {
  ruleName: string;
  now: Date;
}

/** Every placeholder a template may use. Unknown names are a validation error (validate.ts). */
export const PLACEHOLDERS: Readonly<Record<string, Source>> = {
  ticketId: (f) => f.ticketId,
  orderId: (f) => f.orderId,
  customerName: (f) => f.customerName,
  subject: (f) => f.subject,
  channel: (f) => f.channel,
  marketplace: (f) => f.marketplace,
  fulfillment: (f) => f.fulfillment,
  intent: (f) => f.intent,
  intents: (f) => list(f.intents),
  signals: (f) => list(f.signals),
  risk: (f) => f.risk,
  priority: (f) => f.priority,
  language: (f) => f.language,
  orderValue: (f) => money(f.orderValueMinor, f.currency),
  orderValueMinor: (f) => f.orderValueMinor,
  previousTickets: (f) => f.previousTickets,
  previousClaims: (f) => f.previousClaims,
  lifetimeValue: (f) => money(f.lifetimeValueMinor, f.currency),
  tags: (f) => list(f.tags),
  teamId: (f) => f.teamId,
  assigneeId: (f) => f.assigneeId,
  ruleName: (_f, x) => x.ruleName,
  now: (_f, x) => x.now.toISOString(),
};

export function isPlaceholder(name: string): boolean {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** `{{name}}` in a template (global: use with replace / matchAll). Reply templates use the same syntax. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a template uses. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? '');
}

function jsonEscape(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/**
 * Fill a template. Unknown facts render as empty text; unknown names are left as written (validation refuses
 * them up front). `escape: 'json'` escapes each value for use inside a JSON string.
 */
export function renderTemplate(template: string, facts: TicketFacts, extras: PlaceholderExtras, escape: 'none' | 'json' = 'none'): string {
  return template.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    const source = PLACEHOLDERS[name] as Source;
    const v = source(facts, extras);
    const text = v === null || v === undefined ? '' : String(v);
    return escape === 'json' ? jsonEscape(text) : text;
  });
}
