// Fulfilment-centre incidents in the Inventory Ledger and Reimbursements report: misplaced units
// (M/5) found (F) or reimbursed or not, FC damage (E + P) reimbursed or not, underpaid
// reimbursements, replacement units, and reversals with and without a matching found event.

import { addDays, addMs, isoDay } from './format.ts';
import { addDecoy, addDiscrepancy, ageDays, money, notAfterNow, refId, reimbId, windowFor, type IncidentCtx } from './incident-context.ts';
import { ledgerRow, reimbursementRow } from './amazon-rows.ts';
import { preOrderUnitValue } from './valuation.ts';

export type FcKind =
  | 'fc_lost_unreconciled' | 'lk_lost_researching' | 'lk_lost_found' | 'lk_lost_reimbursed' | 'underpaid_reimbursement'
  | 'lk_reimbursed_in_inventory' | 'reversal_without_found' | 'lk_reversal_found'
  | 'fc_damaged_unreimbursed' | 'lk_damaged_reimbursed' | 'lk_damaged_recent';

function quantity(ctx: IncidentCtx): number {
  return ctx.rng.weighted<number>([[1, 60], [2, 25], [3, 10], [5, 5]]);
}

/** A follow-up date `min`..`max` days after the incident, no later than `marginDays` before now; null if none fits. */
function followUp(ctx: IncidentCtx, min: number, max: number, marginDays = 0): Date | null {
  const latest = Math.min(max, ageDays(ctx, ctx.at) - marginDays);
  if (latest < min) return null;
  return addDays(ctx.at, min + ctx.rng.float() * (latest - min));
}

function lostRow(ctx: IncidentCtx, q: number, reconciled: number): string {
  const ref = refId(ctx, 0);
  ctx.out.rows.push(ledgerRow({
    at: ctx.at, product: ctx.product, account: ctx.account, eventType: 'Adjustments', referenceId: ref, quantity: -q,
    fc: ctx.fc, disposition: 'Sellable', reason: ctx.rng.chance(0.8) ? 'M' : '5', reconciled, unreconciled: q - reconciled,
  }));
  return ref;
}

/** Inventory found: F (missing units found) or N (Amazon replacement units). */
function foundRow(ctx: IncidentCtx, q: number, at: Date, reason: 'F' | 'N' = 'F'): void {
  ctx.out.rows.push(ledgerRow({
    at, product: ctx.product, account: ctx.account, eventType: 'Adjustments', referenceId: refId(ctx, 1), quantity: q,
    fc: ctx.fc, disposition: 'Sellable', reason,
  }));
}

function reimburse(ctx: IncidentCtx, reason: string, at: Date, q: number, perUnit: number, n = 0, inventory = false): string {
  const id = reimbId(ctx, n);
  ctx.out.rows.push(reimbursementRow({
    at, account: ctx.account, id, reason, product: ctx.product,
    perUnitMinor: inventory ? 0 : perUnit, cashQty: inventory ? 0 : q, ...(inventory ? { inventoryQty: q } : {}),
  }));
  return id;
}

function researching(ctx: IncidentCtx, q: number): void {
  const ref = lostRow(ctx, q, 0);
  addDecoy(ctx, 'lk_lost_researching', 'fc_lost_unreconciled', {
    quantity: q, eventDate: ctx.at, referenceId: ref,
    explanation: 'Misplaced less than 10 days before the report date: Amazon is still researching and reimburses lost units on its own (from Nov 2024). Not claimable yet.',
  });
}

function lostUnreconciled(ctx: IncidentCtx, q: number): void {
  if (ageDays(ctx, ctx.at) < 10) return researching(ctx, q);
  const found = q >= 2 && ctx.rng.chance(0.3) ? ctx.rng.int(1, q - 1) : 0;
  const foundAt = addDays(ctx.at, ctx.rng.int(2, 8));
  const partial = found > 0 && notAfterNow(ctx, foundAt) ? found : 0;
  const ref = lostRow(ctx, q, partial);
  if (partial) foundRow(ctx, partial, foundAt);
  const unit = preOrderUnitValue(ctx.product, ctx.account, ctx.at);
  const open = q - partial;
  addDiscrepancy(ctx, 'fc_lost_unreconciled', {
    quantity: open, valueMinor: open * unit.valueMinor, eventDate: ctx.at, referenceId: ref, window: windowFor(ctx, 'fc_operations', ctx.at),
    explanation: `Ledger adjustment ${ref} on ${isoDay(ctx.at)}: ${q} unit(s) misplaced at ${ctx.fc}${partial ? `, ${partial} found since` : ''}; UnreconciledQuantity ${open}, no Inventory found event and no Lost_Warehouse reimbursement. Value ${open} × ${money(ctx, unit.valueMinor)} (${unit.basis}).`,
  });
}

function lostThenPaid(ctx: IncidentCtx, kind: FcKind, q: number): void {
  const paidAt = followUp(ctx, 2, 15, 1);
  if (!paidAt) return researching(ctx, q);
  const ref = lostRow(ctx, q, q);
  const unit = preOrderUnitValue(ctx.product, ctx.account, ctx.at);
  if (kind === 'lk_reimbursed_in_inventory') {
    const id = reimburse(ctx, 'Lost_Warehouse', paidAt, q, 0, 0, true);
    foundRow(ctx, q, addMs(paidAt, 1000), 'N');
    return addDecoy(ctx, kind, 'underpaid_reimbursement', { quantity: q, eventDate: paidAt, referenceId: id, explanation: `Reimbursement ${id} pays 0.00 because Amazon replaced the ${q} unit(s) in inventory (quantity-reimbursed-inventory; ledger N +${q}): not an underpayment.` });
  }
  if (kind === 'underpaid_reimbursement') {
    const paid = Math.floor((unit.valueMinor * ctx.rng.int(40, 70)) / 100);
    const id = reimburse(ctx, 'Lost_Warehouse', paidAt, q, paid);
    return addDiscrepancy(ctx, 'underpaid_reimbursement', {
      quantity: q, valueMinor: (unit.valueMinor - paid) * q, eventDate: paidAt, referenceId: id, window: windowFor(ctx, 'fc_operations', paidAt),
      explanation: `Reimbursement ${id} for misplaced units (ledger ${ref}) paid ${money(ctx, paid)}/unit; expected ${money(ctx, unit.valueMinor)} (${unit.basis}). Value = ${q} × ${money(ctx, unit.valueMinor - paid)}. Deadline assumed = FC-operations window from the approval date.`,
    });
  }
  const id = reimburse(ctx, 'Lost_Warehouse', paidAt, q, unit.valueMinor);
  if (kind === 'lk_lost_reimbursed') {
    return addDecoy(ctx, kind, 'fc_lost_unreconciled', { quantity: q, eventDate: ctx.at, referenceId: ref, explanation: `Misplaced units reimbursed in full by ${id} (ledger row reconciled).` });
  }
  reversal(ctx, kind, q, ref, id, paidAt, unit.valueMinor);
}

function reversal(ctx: IncidentCtx, kind: FcKind, q: number, ref: string, originalId: string, paidAt: Date, perUnit: number): void {
  const reversedAt = addDays(paidAt, ctx.rng.int(15, 30));
  if (!notAfterNow(ctx, addDays(reversedAt, 1))) {
    return addDecoy(ctx, 'lk_lost_reimbursed', 'fc_lost_unreconciled', { quantity: q, eventDate: ctx.at, referenceId: ref, explanation: `Misplaced units reimbursed in full by ${originalId}.` });
  }
  if (kind === 'lk_reversal_found') foundRow(ctx, q, addDays(reversedAt, -ctx.rng.int(1, 5)));
  const id = reimbId(ctx, 1);
  ctx.out.rows.push(reimbursementRow({
    at: reversedAt, account: ctx.account, id, reason: 'Reimbursement_Reversal', product: ctx.product,
    perUnitMinor: perUnit, cashQty: -q, originalId, originalType: 'Lost_Warehouse',
  }));
  if (kind === 'lk_reversal_found') {
    return addDecoy(ctx, kind, 'reversal_without_found', { quantity: q, eventDate: reversedAt, referenceId: id, explanation: `Reversal ${id} of ${originalId} follows an Inventory found (F) event for the same FNSKU: legitimate.` });
  }
  addDiscrepancy(ctx, 'reversal_without_found', {
    quantity: q, valueMinor: perUnit * q, eventDate: reversedAt, referenceId: id, window: windowFor(ctx, 'fc_operations', reversedAt),
    explanation: `Reversal ${id} took back ${money(ctx, perUnit * q)} paid by ${originalId} for misplaced units (ledger ${ref}), but no Inventory found (F) event exists for this FNSKU after the loss. Value = the reversed amount. Deadline assumed = FC-operations window from the reversal date.`,
  });
}

function damaged(ctx: IncidentCtx, kind: FcKind, q: number): void {
  const paidAt = followUp(ctx, 2, 10) ?? ctx.at;
  const age = ageDays(ctx, ctx.at);
  const wanted: FcKind = kind === 'lk_damaged_recent' && age >= 15 ? 'lk_damaged_reimbursed' : kind;
  const recent = (wanted === 'fc_damaged_unreimbursed' && age < 15) || (wanted === 'lk_damaged_reimbursed' && age < 2);
  const effective: FcKind = recent ? 'lk_damaged_recent' : wanted;
  const ref = refId(ctx, 0);
  const reconciled = effective === 'lk_damaged_reimbursed' ? q : 0;
  ctx.out.rows.push(
    ledgerRow({ at: ctx.at, product: ctx.product, account: ctx.account, eventType: 'Adjustments', referenceId: ref, quantity: -q, fc: ctx.fc, disposition: 'Sellable', reason: 'E', reconciled, unreconciled: q - reconciled }),
    ledgerRow({ at: addMs(ctx.at, 1000), product: ctx.product, account: ctx.account, eventType: 'Adjustments', referenceId: refId(ctx, 1), quantity: q, fc: ctx.fc, disposition: 'Fulfillment center damaged', reason: 'P' }),
  );
  const unit = preOrderUnitValue(ctx.product, ctx.account, ctx.at);
  if (effective === 'lk_damaged_recent') {
    return addDecoy(ctx, effective, 'fc_damaged_unreimbursed', { quantity: q, eventDate: ctx.at, referenceId: ref, explanation: 'Damaged at the FC less than 15 days ago; Amazon reimburses warehouse damage on its own within about 10 days (§2.1): not claimable yet.' });
  }
  if (effective === 'lk_damaged_reimbursed') {
    const id = reimburse(ctx, 'Damaged_Warehouse', paidAt, q, unit.valueMinor);
    return addDecoy(ctx, effective, 'fc_damaged_unreimbursed', { quantity: q, eventDate: ctx.at, referenceId: ref, explanation: `FC damage (E + P) reimbursed in full by ${id}.` });
  }
  addDiscrepancy(ctx, 'fc_damaged_unreimbursed', {
    quantity: q, valueMinor: q * unit.valueMinor, eventDate: ctx.at, referenceId: ref, window: windowFor(ctx, 'fc_operations', ctx.at),
    explanation: `Ledger adjustment ${ref} (E, damaged at Amazon FC ${ctx.fc}) on ${isoDay(ctx.at)}, followed by P +${q} Fulfillment center damaged; no Damaged_Warehouse reimbursement after 15+ days. Value ${q} × ${money(ctx, unit.valueMinor)} (${unit.basis}).`,
  });
}

export function fcIncident(ctx: IncidentCtx, kind: FcKind): void {
  const q = quantity(ctx);
  switch (kind) {
    case 'fc_lost_unreconciled': return lostUnreconciled(ctx, q);
    case 'lk_lost_researching':
    case 'lk_lost_found': {
      const foundAt = kind === 'lk_lost_researching' && ageDays(ctx, ctx.at) < 10 ? null : followUp(ctx, 1, 20);
      if (!foundAt) return researching(ctx, q);
      const ref = lostRow(ctx, q, q);
      foundRow(ctx, q, foundAt);
      return addDecoy(ctx, 'lk_lost_found', 'fc_lost_unreconciled', { quantity: q, eventDate: ctx.at, referenceId: ref, explanation: `Misplaced units found again on ${isoDay(foundAt)} (F +${q}); the M row is fully reconciled.` });
    }
    case 'fc_damaged_unreimbursed':
    case 'lk_damaged_reimbursed':
    case 'lk_damaged_recent':
      return damaged(ctx, kind, q);
    default:
      return lostThenPaid(ctx, kind, q);
  }
}
