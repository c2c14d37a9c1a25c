import type { ReconCase, ReconSummary } from '../../../src/contracts/index.ts';
import { RECON_CASE_STATUSES } from '../../../src/contracts/index.ts';
import type { ReconCaseAction } from '../../../src/contracts/index.ts';
import { currencyDigits } from '../format.ts';

/** The claim kinds the reconciliation rules produce (src/recon/domain/policy/kinds.ts), in the order the kind filter lists them. */
export const CASE_KINDS = [
  'fc_lost', 'fc_damaged', 'inbound_shortage', 'customer_return_not_returned', 'customer_return_damaged', 'return_sellable_inspection',
  'underpaid_reimbursement', 'reversal_dispute', 'removal_not_shipped', 'removal_lost', 'removal_damaged',
] as const;

export type CaseStatus = ReconCase['status'];

/** Still worth filing or waiting on Amazon: the API's default list. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['detected', 'ready', 'submitted'];

/** The status filter: a group or one status. */
export type StatusFilter = 'open' | 'all' | CaseStatus;
export const STATUS_FILTERS: readonly StatusFilter[] = ['open', ...RECON_CASE_STATUSES, 'all'];

export function isStatusFilter(value: string | null): value is StatusFilter {
  return value !== null && (STATUS_FILTERS as readonly string[]).includes(value);
}

export function statusesOf(filter: StatusFilter): readonly CaseStatus[] {
  if (filter === 'open') return OPEN_STATUSES;
  if (filter === 'all') return RECON_CASE_STATUSES;
  return [filter];
}

/** The filters of the Recovery screen as they stand in its URL (`/recovery?status=ready&kind=fc_lost&q=…`). */
export interface RecoveryQuery {
  status: StatusFilter;
  kind: string | null;
  q: string;
}

export function readQuery(search: URLSearchParams): RecoveryQuery {
  const status = search.get('status');
  return { status: isStatusFilter(status) ? status : 'open', kind: search.get('kind') || null, q: search.get('q') ?? '' };
}

export function queryPath(query: RecoveryQuery): string {
  const params = new URLSearchParams();
  if (query.status !== 'open') params.set('status', query.status);
  if (query.kind) params.set('kind', query.kind);
  if (query.q.trim()) params.set('q', query.q.trim());
  const s = params.toString();
  return s ? `/recovery?${s}` : '/recovery';
}

/** Money per currency, in minor units. */
export type MoneyByCurrency = Record<string, number>;

export const TILES = ['detected', 'ready', 'submitted', 'recovered', 'expired'] as const;
export type TileName = (typeof TILES)[number];

export interface Tile {
  count: number;
  money: MoneyByCurrency;
}

/**
 * The summary tiles. Detected: every case found except the ones the seller dismissed; ready / submitted / expired:
 * the value of the cases in that status; recovered: money Amazon actually paid back (on any case), counted by the
 * cases marked reimbursed.
 */
export function tileTotals(summary: ReconSummary): Record<TileName, Tile> {
  const empty = (): Tile => ({ count: 0, money: {} });
  const out: Record<TileName, Tile> = { detected: empty(), ready: empty(), submitted: empty(), recovered: empty(), expired: empty() };
  const add = (tile: Tile, currency: string, minor: number) => {
    tile.money[currency] = (tile.money[currency] ?? 0) + minor;
  };
  for (const [status, byCurrency] of Object.entries(summary.byStatus)) {
    for (const [currency, m] of Object.entries(byCurrency)) {
      if (status !== 'dismissed') {
        out.detected.count += m.count;
        add(out.detected, currency, m.valueMinor);
      }
      if (status === 'ready' || status === 'submitted' || status === 'expired') {
        out[status].count += m.count;
        add(out[status], currency, m.valueMinor);
      }
      if (m.recoveredMinor > 0 || status === 'reimbursed') add(out.recovered, currency, m.recoveredMinor);
      if (status === 'reimbursed') out.recovered.count += m.count;
    }
  }
  return out;
}

/** Every currency the summary mentions, sorted: a tile without money shows zero in each. */
export function summaryCurrencies(summary: ReconSummary): string[] {
  const set = new Set<string>();
  for (const byCurrency of Object.values(summary.byStatus)) for (const c of Object.keys(byCurrency)) set.add(c);
  return [...set].sort();
}

/** Number of cases per status (all currencies). */
export function statusCounts(summary: ReconSummary): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [status, byCurrency] of Object.entries(summary.byStatus)) {
    out[status] = Object.values(byCurrency).reduce((n, m) => n + m.count, 0);
  }
  return out;
}

export function filterCount(filter: StatusFilter, counts: Record<string, number>): number {
  return statusesOf(filter).reduce((n, s) => n + (counts[s] ?? 0), 0);
}

const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Where a case stands against its filing window. */
export type Countdown =
  | { state: 'opens'; days: number }
  | { state: 'left'; days: number; urgent: boolean }
  | { state: 'lastDay' }
  | { state: 'closed'; days: number };

/** Cases whose window still matters: not yet filed, or denied (they can be filed again). */
export const COUNTING_STATUSES: readonly CaseStatus[] = ['detected', 'ready', 'denied'];
export const URGENT_DAYS = 7;

/**
 * The countdown from the server's `daysLeft` (0 on the last day), so it agrees with the ranking; "opens in N days"
 * when the window opens later (opensOn after the server's today).
 */
export function countdown(c: Pick<ReconCase, 'daysLeft' | 'opensOn' | 'deadlineOn'>): Countdown {
  if (c.opensOn) {
    const opensIn = c.daysLeft - (dayNumber(c.deadlineOn) - dayNumber(c.opensOn));
    if (opensIn > 0) return { state: 'opens', days: opensIn };
  }
  if (c.daysLeft < 0) return { state: 'closed', days: -c.daysLeft };
  if (c.daysLeft === 0) return { state: 'lastDay' };
  return { state: 'left', days: c.daysLeft, urgent: c.daysLeft <= URGENT_DAYS };
}

export type ActionName = ReconCaseAction['action'];

/** Which actions a status allows (the server's rule, src/recon/cases.ts: it answers 409 otherwise). */
const ALLOWED: Record<ActionName, readonly CaseStatus[]> = {
  submit: ['ready', 'detected', 'denied'],
  reimbursed: ['submitted'],
  deny: ['submitted'],
  dismiss: ['detected', 'ready'],
  reopen: ['dismissed', 'denied'],
};
export const ACTIONS: readonly ActionName[] = ['submit', 'reimbursed', 'deny', 'dismiss', 'reopen'];

export function allowedActions(status: CaseStatus): ActionName[] {
  return ACTIONS.filter((a) => ALLOWED[a].includes(status));
}

/**
 * A typed amount ("12.34", "12,34", "1,234.50") in minor units of `currency`; null when it is not a
 * non-negative amount with at most the currency's decimals.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  let s = text.trim().replace(/[\s\u00a0']/g, '');
  if (!s) return null;
  // One separator followed by 1..digits digits at the end is the decimal mark; any other separator groups thousands.
  const decimal = digits > 0 ? new RegExp(`[.,](\\d{1,${digits}})$`).exec(s) : null;
  let fraction = '';
  if (decimal) {
    fraction = decimal[1] ?? '';
    s = s.slice(0, decimal.index);
  }
  if (!/^\d{1,3}([.,]?\d{3})*$|^\d+$/.test(s)) return null;
  const whole = Number(s.replace(/[.,]/g, ''));
  const minor = whole * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The amount in minor units as a plain decimal for an input field ("76.49"). */
export function amountInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits ? (minor / 10 ** digits).toFixed(digits) : String(minor);
}

/** The file name of an imported report (the server keeps the path it was imported from). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The identifiers of a case that a seller searches by, with the label key each goes under. */
export function identifiers(c: Pick<ReconCase, 'sku' | 'fnsku' | 'asin' | 'orderId' | 'shipmentId' | 'referenceId'>): { key: 'sku' | 'fnsku' | 'asin' | 'order' | 'shipment' | 'reference'; value: string }[] {
  const rows: { key: 'sku' | 'fnsku' | 'asin' | 'order' | 'shipment' | 'reference'; value: string | null }[] = [
    { key: 'sku', value: c.sku }, { key: 'fnsku', value: c.fnsku }, { key: 'asin', value: c.asin },
    { key: 'order', value: c.orderId }, { key: 'shipment', value: c.shipmentId },
    // The reference repeats the order or shipment id on some kinds.
    { key: 'reference', value: c.referenceId && c.referenceId !== c.orderId && c.referenceId !== c.shipmentId ? c.referenceId : null },
  ];
  return rows.filter((r): r is { key: typeof r.key; value: string } => !!r.value);
}
