// The discrepancy rules, in the order the issue lists them. Each is one set-based SQL statement (types.ts).
import { FC_ADJUSTMENTS } from './fc-adjustments.ts';
import { INBOUND_SHORTAGE } from './inbound-shortage.ts';
import { REFUND_NOT_RETURNED, RETURN_DAMAGED, RETURN_SELLABLE_DAMAGED } from './customer-returns.ts';
import { UNDERPAID, REVERSAL_WITHOUT_FOUND } from './reimbursement-disputes.ts';
import { REMOVALS } from './removals.ts';
import type { ReconRule } from './types.ts';

export const RULES: readonly ReconRule[] = [FC_ADJUSTMENTS, INBOUND_SHORTAGE, REFUND_NOT_RETURNED, RETURN_DAMAGED, RETURN_SELLABLE_DAMAGED, UNDERPAID, REVERSAL_WITHOUT_FOUND, REMOVALS];
export type { CandidateRow, EvidenceRef, ReconRule } from './types.ts';
