// Manual-claim windows by claim type, marketplace and event date (amazon-domain.md §3.2).
// Source keys in brackets refer to §9 of that document.

import { addDays, addMonths, isoDay } from './format.ts';

export type ClaimKind = 'fc_operations' | 'customer_return' | 'removal_lost' | 'inbound';

export interface ClaimWindow {
  /** Earliest filing date, where the policy sets one. */
  opens: Date | null;
  deadline: Date;
  rule: string;
}

const US_CHANGE = Date.UTC(2024, 9, 23); // Oct 23 2024 [FORUM-US-2024]
const EU_CHANGE = Date.UTC(2025, 0, 9); // Jan 9 2025, EU manual windows (third-party dating) [3P-IWEAVER]

function usWindow(kind: ClaimKind, d: Date): ClaimWindow {
  const after = d.getTime() >= US_CHANGE;
  switch (kind) {
    case 'fc_operations':
      return after ? { opens: null, deadline: addDays(d, 60), rule: 'US FC lost/damaged: within 60 days of the report [FORUM-US-2024]' }
        : { opens: null, deadline: addMonths(d, 18), rule: 'US FC lost/damaged (before 2024-10-23): within 18 months [3P-WIX-FCO]' };
    case 'customer_return':
      return after ? { opens: addDays(d, 60), deadline: addDays(d, 120), rule: 'US customer return: 60-120 days after the refund [FORUM-US-2024][SC-CRC-US]' }
        : { opens: addDays(d, 45), deadline: addMonths(d, 18), rule: 'US customer return (before 2024-10-23): 45 days-18 months after the refund [SC-CRC-US-2020]' };
    case 'removal_lost':
      return after ? { opens: addDays(d, 15), deadline: addDays(d, 75), rule: 'US removal lost in transit: 15-75 days from shipment creation [FORUM-US-2024]' }
        : { opens: addDays(d, 14), deadline: addMonths(d, 18), rule: 'removal lost (before 2024-10-23): 14 days-18 months [SC-REMOVAL-UK]' };
    case 'inbound':
      return after ? { opens: addDays(d, 15), deadline: addDays(d, 60), rule: 'US inbound shortage: 15-60 days from delivery (UNVERIFIED, third party [3P-REFUNZO]; §10 open point 1)' }
        : { opens: null, deadline: addMonths(d, 9), rule: 'US inbound shortage (before 2024-10-23): within 9 months [3P-AMZDOC]' };
  }
}

function euWindow(kind: ClaimKind, d: Date): ClaimWindow {
  const after = d.getTime() >= EU_CHANGE;
  switch (kind) {
    case 'fc_operations':
      return after ? { opens: null, deadline: addDays(d, 60), rule: 'EU FC lost/damaged: within 60 days [FORUM-EU]' }
        : { opens: null, deadline: addMonths(d, 18), rule: 'EU FC lost/damaged (before 2025-01-09): within 18 months [SC-FCO-UK]' };
    case 'customer_return':
      return after ? { opens: addDays(d, 45), deadline: addDays(d, 105), rule: 'EU customer return: 45-105 days after the refund [FORUM-EU]' }
        : { opens: addDays(d, 45), deadline: addMonths(d, 18), rule: 'EU customer return (before 2025-01-09): 45 days-18 months [SC-CRC-CA]' };
    case 'removal_lost':
      return { opens: addDays(d, 15), deadline: addDays(d, 75), rule: 'EU removal lost: 15-75 days from shipment (AE/US rule assumed for EU; UNVERIFIED) [FORUM-AE-2024]' };
    case 'inbound':
      return { opens: null, deadline: addMonths(d, 6), rule: 'EU inbound shortage: within 6 months after verified delivery [SC-STA-EU]' };
  }
}

export function claimWindow(kind: ClaimKind, marketplace: string, eventDate: Date): ClaimWindow {
  return marketplace === 'US' ? usWindow(kind, eventDate) : euWindow(kind, eventDate);
}

/** Manifest fields: `deadline` and (when the policy has one) `windowOpens`, as ISO dates. */
export function windowFields(w: ClaimWindow): { deadline: string; windowOpens?: string } {
  return w.opens ? { deadline: isoDay(w.deadline), windowOpens: isoDay(w.opens) } : { deadline: isoDay(w.deadline) };
}
