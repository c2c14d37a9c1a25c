/**
 * Reconciliation settings per workspace: how long to wait before a loss counts as a claim (Amazon researches
 * and reimburses many losses on its own first), safety margins, and the fee estimate used when no settlement
 * report gives the real fees. The waits are practice, not policy (amazon-domain.md §1.3, §2.1, §3.1): they are
 * configuration, with the reason for each default beside it.
 */

export interface ReconSettings {
  /** Days after a misplaced (M/5) adjustment before it is claimed: Amazon researches and usually reimburses lost units on its own (from Nov 2024). */
  readonly fcLostWaitDays: number;
  /** Days after an FC-damaged adjustment (E/6/7/H/K/U): warehouse damage is reimbursed automatically "within 10 days" (AU help), plus margin. */
  readonly fcDamagedWaitDays: number;
  /** Days after a DAMAGED / CARRIER_DAMAGED customer return before claiming: Amazon usually pays these on its own. */
  readonly returnDamagedWaitDays: number;
  /**
   * The imported files do not carry an inbound shipment's delivery day; the first receipt scan at the FC is the
   * nearest evidence. The window is counted from that day minus this margin, so a claim is never filed late.
   */
  readonly inboundDeliveryMarginDays: number;
  /** Referral fee in basis points, used only when neither a settlement nor the order gives the fees (flagged as an estimate). */
  readonly referralFeeBps: number;
  /** Days after a reversal in which an Inventory found (F) event still explains it (the ledger may show it a little later). */
  readonly reversalFoundLookaheadDays: number;
  /** Days to look back for losses at all (the longest window in the table is 18 months). */
  readonly lookbackDays: number;
  /** Keep cases small: at most this many orders per claim text (Amazon handles small cases faster). */
  readonly maxOrdersPerClaim: number;
}

export const DEFAULT_RECON_SETTINGS: ReconSettings = Object.freeze({
  fcLostWaitDays: 10,
  fcDamagedWaitDays: 15,
  returnDamagedWaitDays: 30,
  inboundDeliveryMarginDays: 3,
  referralFeeBps: 1500,
  reversalFoundLookaheadDays: 7,
  lookbackDays: 560,
  maxOrdersPerClaim: 5,
});

const LIMITS: Record<keyof ReconSettings, [number, number]> = {
  fcLostWaitDays: [0, 60],
  fcDamagedWaitDays: [0, 60],
  returnDamagedWaitDays: [0, 120],
  inboundDeliveryMarginDays: [0, 14],
  referralFeeBps: [0, 5000],
  reversalFoundLookaheadDays: [0, 60],
  lookbackDays: [30, 1000],
  maxOrdersPerClaim: [1, 50],
};

/** The settings with `overrides` applied; errors name the field and the allowed range. */
export function resolveReconSettings(overrides: unknown): { ok: true; value: ReconSettings } | { ok: false; errors: string[] } {
  if (overrides === null || overrides === undefined) return { ok: true, value: DEFAULT_RECON_SETTINGS };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) return { ok: false, errors: ['settings: must be an object'] };
  const errors: string[] = [];
  const out: Record<string, number> = { ...DEFAULT_RECON_SETTINGS };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    const range = LIMITS[key as keyof ReconSettings];
    if (!range) {
      errors.push(`${key}: unknown setting (known: ${Object.keys(LIMITS).join(', ')})`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
      errors.push(`${key}: must be a whole number from ${range[0]} to ${range[1]}, got ${JSON.stringify(value)}`);
      continue;
    }
    out[key] = value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out as unknown as ReconSettings };
}
