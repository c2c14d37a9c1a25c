// Row builders for Amazon flat files, in the value formats of each report: ledger dates MM/DD/YYYY,
// other dates ISO-8601 with offset, money as decimals (12.99), quantities as integers.

import { fnskuFor, titleFor } from './catalog.ts';
import { decimal, isoOffset, usDate } from './format.ts';
import type { ReportKind } from './report-headers.ts';
import type { AccountKey, DemoDecoy, DemoDiscrepancy, DemoProduct } from './types.ts';

export type AmazonAccount = Extract<AccountKey, 'amazon-us' | 'amazon-de'>;
export type FileKey = `${AmazonAccount}:${ReportKind}` | 'seller-removal-receipts';

export interface RowOut {
  file: FileKey;
  at: Date;
  cells: string[];
}

export interface WorldOutput {
  rows: RowOut[];
  discrepancies: DemoDiscrepancy[];
  decoys: DemoDecoy[];
}

export function emptyOutput(): WorldOutput {
  return { rows: [], discrepancies: [], decoys: [] };
}

export const countryOf = (a: AmazonAccount): string => (a === 'amazon-de' ? 'DE' : 'US');
export const currencyOf = (a: AmazonAccount): 'USD' | 'EUR' => (a === 'amazon-de' ? 'EUR' : 'USD');

/** Ledger disposition wording (Seller Central download, §1.3/§2.1) for a returns-report code. */
export function ledgerDisposition(code: string): string {
  const map: Record<string, string> = {
    SELLABLE: 'Sellable', DEFECTIVE: 'Defective', CUSTOMER_DAMAGED: 'Customer damaged',
    DISTRIBUTOR_DAMAGED: 'Distributor damaged', DAMAGED: 'Fulfillment center damaged',
    CARRIER_DAMAGED: 'Carrier damaged', EXPIRED: 'Expired',
  };
  return map[code] ?? 'Sellable';
}

export interface LedgerEvent {
  at: Date;
  product: DemoProduct;
  account: AmazonAccount;
  eventType: 'Shipments' | 'CustomerReturns' | 'Receipts' | 'Adjustments' | 'VendorReturns' | 'WhseTransfers';
  referenceId: string;
  quantity: number;
  fc: string;
  disposition: string;
  reason?: string;
  reconciled?: number;
  unreconciled?: number;
}

export function ledgerRow(e: LedgerEvent): RowOut {
  return {
    file: `${e.account}:ledger`,
    at: e.at,
    cells: [
      usDate(e.at), fnskuFor(e.product, e.account), e.product.asin, e.product.sku, titleFor(e.product, e.account),
      e.eventType, e.referenceId, String(e.quantity), e.fc, e.disposition, e.reason ?? '', countryOf(e.account),
      String(e.reconciled ?? 0), String(e.unreconciled ?? 0),
    ],
  };
}

export interface Reimbursement {
  at: Date;
  account: AmazonAccount;
  id: string;
  caseId?: string;
  orderId?: string;
  reason: string;
  product: DemoProduct;
  perUnitMinor: number;
  cashQty: number;
  inventoryQty?: number;
  originalId?: string;
  originalType?: string;
}

export function reimbursementRow(r: Reimbursement): RowOut {
  const inv = r.inventoryQty ?? 0;
  return {
    file: `${r.account}:reimbursements`,
    at: r.at,
    cells: [
      isoOffset(r.at), r.id, r.caseId ?? '', r.orderId ?? '', r.reason, r.product.sku, fnskuFor(r.product, r.account),
      r.product.asin, titleFor(r.product, r.account), 'New', currencyOf(r.account), decimal(r.perUnitMinor),
      decimal(r.perUnitMinor * r.cashQty), String(r.cashQty), String(inv), String(r.cashQty + inv),
      r.originalId ?? '', r.originalType ?? '',
    ],
  };
}
