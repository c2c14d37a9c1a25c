/**
 * Checks a window table before use (a workspace may configure its own): every problem is listed, none thrown.
 */

import { toDayNumber } from './days.ts';
import { CLAIM_KINDS, KIND_INFO, isClaimKind } from './kinds.ts';
import type { WindowRule, WindowTable } from './window-table.ts';

function spanProblem(rule: WindowRule): string | null {
  const n = 'days' in rule.deadline ? rule.deadline.days : rule.deadline.months;
  if (!Number.isSafeInteger(n) || n < 1) return 'deadline must be a positive whole number of days or months';
  if (rule.opensAfterDays !== null && (!Number.isSafeInteger(rule.opensAfterDays) || rule.opensAfterDays < 0)) return 'opensAfterDays must be null or a non-negative whole number';
  if (rule.opensAfterDays !== null && 'days' in rule.deadline && rule.opensAfterDays > rule.deadline.days) return 'the window opens after its deadline';
  return null;
}

function ruleProblems(rule: WindowRule): string[] {
  const problems: string[] = [];
  if (!isClaimKind(rule.kind)) return [`unknown claim kind "${String(rule.kind)}"`];
  if (rule.anchor !== KIND_INFO[rule.kind].anchor) problems.push(`anchor must be ${KIND_INFO[rule.kind].anchor}`);
  if (rule.marketplaces.length === 0) problems.push('no marketplaces');
  if (rule.marketplaces.some((m) => m !== m.trim().toUpperCase() || m === '')) problems.push('marketplace codes must be upper case');
  if (rule.effectiveFrom !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(rule.effectiveFrom) || toDayNumber(rule.effectiveFrom) === null)) problems.push('effectiveFrom must be null or YYYY-MM-DD');
  const span = spanProblem(rule);
  if (span) problems.push(span);
  if (rule.sources.length === 0) problems.push('no source key');
  if (!rule.verified && !rule.note) problems.push('an unverified rule needs a note saying why');
  return problems;
}

/** Problems of a window table, as `rule N (kind region from): problem` lines; empty when the table is sound. */
export function validateWindowTable(table: WindowTable): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  table.rules.forEach((rule, i) => {
    const where = `rule ${i} (${String(rule.kind)} ${rule.region} ${rule.effectiveFrom ?? 'earliest'})`;
    for (const p of ruleProblems(rule)) problems.push(`${where}: ${p}`);
    for (const m of rule.marketplaces) {
      const key = `${rule.kind}|${m}|${rule.effectiveFrom ?? ''}`;
      if (seen.has(key)) problems.push(`${where}: a second rule for ${m} from the same date`);
      seen.add(key);
    }
  });
  for (const kind of CLAIM_KINDS) {
    const fb = table.rules.filter((r) => r.kind === kind && r.marketplaces.includes(table.fallbackMarketplace));
    if (!fb.some((r) => r.effectiveFrom === null)) problems.push(`fallback ${table.fallbackMarketplace}: no earliest (effectiveFrom null) ${kind} rule`);
  }
  return problems;
}
