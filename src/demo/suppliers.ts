// The seller's own purchasing records: who makes each product, the manufacturing cost per SKU and currency
// (supplier-costs.csv, the cost basis of the ground truth), and one supplier invoice line per inbound
// shipment SKU line (supplier-invoices.csv, proof of ownership). Comma-separated, quoted where needed.

import { Rng } from './rng.ts';
import { DEMO_PRODUCTS, productBySku } from './catalog.ts';
import { DAY_MS, addDays, decimal, isoDay } from './format.ts';
import { INBOUND_SHIPMENT_ITEMS, SUPPLIER_COSTS, SUPPLIER_INVOICES } from './report-headers.ts';
import { currencyOf, type AmazonAccount, type RowOut } from './amazon-rows.ts';

export interface DemoSupplier {
  /** Short code used in invoice numbers. */
  code: string;
  name: string;
  skus: readonly string[];
}

export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    code: 'NHK', name: 'Ningbo Hearth Kitchenware Co., Ltd.',
    skus: ['KT-PRESS-BLK', 'KT-PRESS-SLV', 'KT-PEEL-Y3', 'KT-SHARP-3ST', 'KT-CAN-OPEN', 'KT-JAR-OPEN', 'KT-HERB-SCIS', 'KT-GRATE-BOX'],
  },
  {
    code: 'SBE', name: 'Shenzhen Brightway Electronics Co., Ltd.',
    skus: ['KT-SCALE-DGT', 'KT-THERMO-PRB', 'KT-MILL-PEP', 'KT-MILL-SET2', 'KT-WHISK-ELC', 'KT-TIMER-MAG', 'KT-VAC-SEAL', 'KT-KETTLE-GSK'],
  },
  {
    code: 'YSB', name: 'Yangjiang "Green Leaf" Silicone & Bamboo Products Co., Ltd.',
    skus: ['KT-LINER-AF8', 'KT-MAT-BAKE', 'KT-BOARD-BMB', 'KT-SPICE-RACK', 'KT-LID-SIL6'],
  },
  {
    code: 'XCH', name: 'Xiamen Clearview Housewares Co., Ltd.',
    skus: ['KT-CHOP-MINI', 'KT-SPRAY-OIL', 'KT-VAC-BAG50', 'KT-POUR-V60'],
  },
];

export function supplierOf(sku: string): DemoSupplier {
  const s = DEMO_SUPPLIERS.find((x) => x.skus.includes(sku));
  if (!s) throw new Error(`no supplier for ${sku}`);
  return s;
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. */
export function csvCell(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(',');

const CURRENCIES = ['USD', 'EUR'] as const;

/** supplier-costs.csv: one row per product and currency, effective from the beginning (empty effective-from). */
export function supplierCostsCsv(): { text: string; rows: number } {
  const lines = [csvLine(SUPPLIER_COSTS)];
  for (const p of DEMO_PRODUCTS) {
    for (const currency of CURRENCIES) lines.push(csvLine([p.sku, decimal(p.unitCostMinor[currency]), currency, '', supplierOf(p.sku).name]));
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

export const SUPPLIER_INVOICES_HEADER = csvLine(SUPPLIER_INVOICES);

/** How far an invoice line's key (its invoice date) can lie before the order that created the shipment. */
export const INVOICE_LAG_MS = 17 * DAY_MS;

const I = (name: (typeof INBOUND_SHIPMENT_ITEMS)[number]): number => INBOUND_SHIPMENT_ITEMS.indexOf(name);
const I_SHIPMENT = I('ShipmentId'), I_SKU = I('SellerSKU'), I_FNSKU = I('FulfillmentNetworkSKU'), I_SHIPPED = I('QuantityShipped');

/** Monday 00:00 UTC of the week of `d`. */
function weekStart(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

/**
 * The supplier invoice line of an inbound-shipment item row: the units were bought 3–9 days before the
 * shipment was created, invoiced per supplier, currency and week (dated the Monday of the purchase week),
 * at the manufacturing cost in the account's currency. `key` sorts lines by date and keeps invoices together.
 */
export function invoiceLine(seed: number, account: AmazonAccount, row: RowOut): { key: number; line: string } {
  const c = row.cells;
  const shipmentId = c[I_SHIPMENT] ?? '';
  const sku = c[I_SKU] ?? '';
  const product = productBySku(sku);
  const supplier = supplierOf(sku);
  const currency = currencyOf(account);
  const purchased = addDays(row.at, -Rng.derive(seed, 'supplier-purchase', shipmentId).int(3, 9));
  const week = weekStart(purchased);
  const invoiceNumber = `${supplier.code}-${currency === 'EUR' ? 'EU' : 'US'}-${isoDay(week).replace(/-/g, '').slice(2)}`;
  const line = csvLine([
    supplier.name, invoiceNumber, isoDay(week), sku, c[I_FNSKU] ?? '', product.asin, product.title, c[I_SHIPPED] ?? '',
    decimal(product.unitCostMinor[currency]), currency,
  ]);
  const group = DEMO_SUPPLIERS.indexOf(supplier) * CURRENCIES.length + CURRENCIES.indexOf(currency);
  return { key: week.getTime() + group, line };
}
