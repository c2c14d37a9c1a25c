// The seller's own files, which Amazon does not make: supplier costs per SKU (the manufacturing-cost basis of
// reimbursements after 2025-03-10), supplier invoices (proof of ownership) and the receiving log of removal
// shipments coming back from Amazon. CSV (comma or semicolon, quoted) or tab-separated, mapped by header.

import { currency, day, int, money, req, text, type LayoutSpec } from './spec.ts';

const sku = text('sku', ['sku', 'msku', 'sellersku', 'merchantsku']);

export const SUPPLIER_COSTS: LayoutSpec = {
  kind: 'costs', layout: 'csv', label: 'Supplier costs per SKU', table: 'supplier_costs',
  reportTypes: ['seller file: sku, unit-cost, currency, effective-from'],
  signature: ['sku', 'unit_cost_minor'], excludes: ['invoicenumber', 'invoiceno', 'amazonorderid', 'orderid'],
  fields: [
    req(sku),
    req(money('unit_cost_minor', ['unitcost', 'cost', 'costperunit', 'manufacturingcost', 'productcost', 'landedcost', 'cogs', 'unitcogs', 'purchaseprice'])),
    currency('currency'), day('effective_from', ['effectivefrom', 'effectivedate', 'validfrom', 'from', 'startdate', 'since']),
    text('supplier', ['supplier', 'vendor', 'manufacturer']),
  ],
};

export const SUPPLIER_INVOICES: LayoutSpec = {
  kind: 'invoices', layout: 'csv', label: 'Supplier invoices (index of invoice lines and their PDF/image files)', table: 'supplier_invoices',
  reportTypes: ['seller file: supplier, invoice-number, invoice-date, sku, quantity, unit-cost, currency, file'],
  signature: ['invoice_number', 'sku', 'quantity'],
  fields: [
    req(text('supplier', ['supplier', 'suppliername', 'vendor', 'vendorname', 'manufacturer'])),
    req(text('invoice_number', ['invoicenumber', 'invoiceno', 'invoicenr', 'invoiceid', 'invoice'])),
    req(day('invoice_date', ['invoicedate', 'date'])), req(sku), text('fnsku'), text('asin'),
    text('description', ['description', 'productname', 'itemname', 'item', 'title']),
    req(int('quantity', ['quantity', 'qty', 'units'])),
    money('unit_cost_minor', ['unitcost', 'unitprice', 'price', 'cost']),
    money('line_total_minor', ['linetotal', 'lineamount', 'amount', 'total']), currency('currency'),
    text('document', ['file', 'document', 'pdf', 'attachment', 'path', 'filename', 'documentfile']),
  ],
};

export const REMOVAL_RECEIPTS: LayoutSpec = {
  kind: 'removal-receipts', layout: 'tsv', label: 'Removal receiving log (seller)', table: 'removal_receipts',
  reportTypes: ['seller file: removal-order-id, tracking-number, sku, expected-quantity, received-quantity, received-date'],
  signature: ['removal_order_id', 'expected_quantity', 'received_quantity'],
  fields: [
    text('account_label', ['account']), req(text('removal_order_id', ['removalorderid', 'orderid'])), text('carrier'),
    text('tracking_number', ['trackingnumber', 'trackingid']), sku, text('fnsku'), int('expected_quantity'),
    int('received_quantity'), day('received_date'), text('status'),
  ],
};
