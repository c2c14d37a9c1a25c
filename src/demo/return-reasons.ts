// Return reason codes (amazon-domain.md §2.2), dispositions (§2.1) and buyer comments.

import type { Rng, Weighted } from './rng.ts';
import type { Intent, Language } from './types.ts';

export const NO_FAULT_REASONS: Weighted<string> = [
  ['UNWANTED_ITEM', 25], ['NO_REASON_GIVEN', 10], ['ORDERED_WRONG_ITEM', 8], ['FOUND_BETTER_PRICE', 6],
  ['NOT_COMPATIBLE', 8], ['MISSED_ESTIMATED_DELIVERY', 4], ['UNAUTHORIZED_PURCHASE', 2],
];
export const DEFECT_REASONS: Weighted<string> = [
  ['DEFECTIVE', 14], ['QUALITY_UNACCEPTABLE', 8], ['NOT_AS_DESCRIBED', 6], ['MISSING_PARTS', 3],
];
export const DAMAGE_REASONS: Weighted<string> = [['DAMAGED_BY_CARRIER', 5], ['DAMAGED_BY_FC', 3]];

/** Dispositions Amazon reimburses (it takes ownership): §2.1. */
export const REIMBURSABLE_DISPOSITIONS: ReadonlySet<string> = new Set(['DAMAGED', 'CARRIER_DAMAGED']);

export function backgroundReason(rng: Rng): string {
  return rng.weighted<string>([...NO_FAULT_REASONS, ...DEFECT_REASONS, ...DAMAGE_REASONS]);
}

export function reasonForIntent(rng: Rng, intent: Intent): string {
  if (intent === 'damaged_defective') return rng.chance(0.6) ? rng.weighted(DEFECT_REASONS) : 'DAMAGED_BY_CARRIER';
  if (intent === 'wrong_item') return 'NOT_AS_DESCRIBED';
  return rng.weighted(NO_FAULT_REASONS);
}

/** How an FC grades a returned unit, given the buyer's reason (background orders only). */
export function gradeReturn(rng: Rng, reason: string): string {
  if (reason === 'DAMAGED_BY_CARRIER' || reason === 'DAMAGED_BY_FC') return rng.chance(0.5) ? 'CARRIER_DAMAGED' : 'DAMAGED';
  if (DEFECT_REASONS.some(([r]) => r === reason)) return rng.chance(0.75) ? 'DEFECTIVE' : 'CUSTOMER_DAMAGED';
  return rng.chance(0.8) ? 'SELLABLE' : 'CUSTOMER_DAMAGED';
}

/** Shopify ReturnReason enum values for a buyer's Amazon-style reason. */
export function shopifyReason(reason: string): string {
  if (reason === 'NOT_AS_DESCRIBED') return 'NOT_AS_DESCRIBED';
  if (reason.startsWith('DAMAGED') || DEFECT_REASONS.some(([r]) => r === reason)) return 'DEFECTIVE';
  if (reason === 'ORDERED_WRONG_ITEM') return 'WRONG_ITEM';
  return reason === 'NO_REASON_GIVEN' ? 'OTHER' : 'UNWANTED';
}

/** TikTok Shop buyers pick a reason text. */
export function tiktokReason(reason: string): string {
  if (reason.startsWith('DAMAGED')) return 'Package or item damaged';
  if (DEFECT_REASONS.some(([r]) => r === reason)) return 'Item does not work / defective';
  if (reason === 'NOT_AS_DESCRIBED') return "Item doesn't match description";
  return 'No longer needed';
}

const COMMENTS_EN: Record<string, readonly string[]> = {
  damage: ['Box was crushed, item scratched', 'Arrived broken', 'glass cracked on arrival', 'Damaged in shipping, handle bent'],
  defect: ['Stopped working after 2 days', "Doesn't turn on", 'Poor quality, wobbly', 'Missing the lid'],
  none: ['Changed my mind', 'Too big for my kitchen', 'Ordered by mistake', 'Found it cheaper', 'Not Compatible|Drawer'],
};
const COMMENTS_DE: Record<string, readonly string[]> = {
  damage: ['Karton zerdrückt, Artikel zerkratzt', 'Kam kaputt an', 'Glas gesprungen'],
  defect: ['Funktioniert nach 2 Tagen nicht mehr', 'Lässt sich nicht einschalten', 'Deckel fehlt'],
  none: ['Gefällt mir nicht', 'Zu groß', 'Versehentlich bestellt'],
};

function group(reason: string): 'damage' | 'defect' | 'none' {
  if (reason.startsWith('DAMAGED')) return 'damage';
  return DEFECT_REASONS.some(([r]) => r === reason) ? 'defect' : 'none';
}

/** Free-text comment as in the customer-comments column (often empty). */
export function returnComment(rng: Rng, reason: string, language: Language, always = false): string | null {
  if (!always && rng.chance(0.45)) return null;
  const table = language === 'de' ? COMMENTS_DE : COMMENTS_EN;
  return rng.pick(table[group(reason)] ?? COMMENTS_EN.none ?? ['']);
}

export function damageComment(rng: Rng, language: Language): string {
  return rng.pick((language === 'de' ? COMMENTS_DE : COMMENTS_EN).damage ?? ['Arrived broken']);
}
