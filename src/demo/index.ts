// Public API of the demo world generator.

export { DEMO_ACCOUNTS, DEMO_BRAND, DEMO_SUPPORT_EMAIL, demoAccount } from './accounts.ts';
export { DEMO_PRODUCTS, productBySku, fnskuFor } from './catalog.ts';
export { generateOrders, type GenerateOrdersOptions } from './orders.ts';
export { writeDemoFiles, DISCREPANCY_INLINE_CAP, type WriteDemoFilesOptions } from './write-demo-files.ts';
export { generateTrackingNumber, isValidTrackingNumber } from './tracking-numbers.ts';
export { claimWindow, type ClaimKind, type ClaimWindow } from './claim-windows.ts';
export {
  AMAZON_REPORTS, SELLER_REMOVAL_RECEIPTS_FILE, SETTLEMENT_V2, SETTLEMENT_REPORT_TYPE, SUPPLIER_COSTS_FILE, SUPPLIER_INVOICES_FILE, type ReportSpec,
} from './report-headers.ts';
export { DEMO_SUPPLIERS, supplierOf, type DemoSupplier } from './suppliers.ts';
export { Rng } from './rng.ts';
export * from './types.ts';
export { damagePhotoPng } from './damage-photo.ts';
