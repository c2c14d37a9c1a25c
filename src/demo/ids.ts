// Identifiers in the channels' real shapes. Ids that must be unique across a million orders are
// made from a counter through a bijective affine permutation (x·a + b mod 10^n, a coprime with 10),
// so they look random but can never collide.

import { MIXED_ALNUM, UPPER_ALNUM, LOWER_ALNUM, type Rng } from './rng.ts';

/** Bijection on [0, 10^digits): distinct x → distinct, random-looking, zero-padded numbers. */
export function scrambleDigits(x: number, digits: number, salt = 0): string {
  const space = 10 ** digits;
  if (x < 0 || x >= space) throw new RangeError(`scrambleDigits: ${x} out of range`);
  // Multipliers end in 1/3/7/9 → coprime with 10^n. Use BigInt to stay exact beyond 2^53.
  const a = 7_919_861n;
  const b = BigInt((salt * 104_729 + 1_299_709) % space);
  return ((BigInt(x) * a + b) % BigInt(space)).toString().padStart(digits, '0');
}

/** Distinct-source counter: (index, source 0..63) → one integer. */
export function idKey(index: number, source: number): number {
  return index * 64 + source;
}

/** `113-2355691-4739435`: US 111–114, DE 302–306; the last group is unique per order index. */
export function amazonOrderId(rng: Rng, marketplace: 'US' | 'DE', index: number): string {
  const first = marketplace === 'US' ? rng.int(111, 114) : rng.int(302, 306);
  return `${first}-${rng.digits(7)}-${scrambleDigits(index, 7, 3)}`;
}

/** Amazon order-item id (14 digits). */
export function amazonOrderItemId(rng: Rng): string {
  return `${rng.int(1, 9)}${rng.digits(13)}`;
}

/** Shopify numeric order id (13 digits), increasing with the order index. */
export function shopifyOrderId(rng: Rng, index: number): string {
  return String(5_612_345_000_000 + index * 1_000 + rng.int(0, 999));
}

export function shopifyLineItemId(rng: Rng): string {
  return `1${rng.digits(13)}`;
}

/** TikTok Shop order id: 18 digits starting with 57, increasing with the order index. */
export function tiktokOrderId(rng: Rng, index: number): string {
  return `57${5_764_000_000_000_000 + index * 1_009 + rng.int(0, 1_008)}`;
}

/** Amazon customer-shipment id (ledger `Shipments` ReferenceID), e.g. `DLQwbvmjN`. */
export function amazonShipmentId(rng: Rng): string {
  return `D${rng.chars(MIXED_ALNUM, 8)}`;
}

/** FBA inbound shipment id: `FBA` + 9 upper-case alphanumerics (e.g. FBA15DJ9S3J5). */
export function fbaShipmentId(rng: Rng): string {
  return `FBA1${rng.chars(UPPER_ALNUM, 8)}`;
}

/** Customer-return license plate number. */
export function licensePlateNumber(rng: Rng): string {
  return `LPN${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 10)}`;
}

/** 10-digit reimbursement id, unique per key. */
export function reimbursementId(key: number): string {
  return `2${scrambleDigits(key, 9, 5)}`;
}

/** 11-digit ledger adjustment ReferenceID (Seller Central shows e.g. 13895071006). */
export function ledgerReferenceId(key: number): string {
  return `1${scrambleDigits(key, 10, 9)}`;
}

/** Seller Central case id (11 digits). */
export function caseId(key: number): string {
  return `1${scrambleDigits(key, 10, 13)}`;
}

/** Amazon buyer relay address local part: 15 lower-case alphanumerics. */
export function amazonRelayLocal(rng: Rng): string {
  return rng.chars(LOWER_ALNUM, 15);
}

/** Removal order id as the seller names them in Seller Central. */
export function removalOrderId(rng: Rng, day: string): string {
  return `RMV-${day.replace(/-/g, '')}-${rng.chars(UPPER_ALNUM, 4)}`;
}
