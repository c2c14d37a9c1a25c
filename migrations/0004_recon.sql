-- FBA recovery (issue 5), part 1: Amazon's reports and the seller's own cost and invoice files, as imported.
-- One table per report kind, one row per report line, typed (money in integer minor units + currency; times
-- timestamptz; days date). Columns a report has beyond ours are kept in `extra`; every row names the import
-- and the line it came from. Each table has a natural key, so re-importing an overlapping date range adds
-- nothing twice: Amazon's ids where the row has one, else `row_hash` (a hash of the row's parsed identifying
-- values) + `occurrence` (the n-th such row in its file). What a later import may update, and why, is in
-- src/recon/import/tables.ts.
-- Workspace integrity with one check per row: a row references its import by (workspace_id[, account_id],
-- source_import_id), and the import references the workspace and the account; so no row can name another
-- workspace's import or account, and deleting a workspace or an account removes its imports and their rows.
-- Direct references to workspaces and channel_accounts from every row would add two checks per row (half the
-- insert time at a million ledger rows) and no guarantee.

-- Every file an import was asked to read, imported or not.
CREATE TABLE report_imports (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  account_id    text,                                   -- the Amazon account; null for the seller's own files
  kind          text,                                   -- amazon-returns, …, costs, invoices; null when not recognised
  report_type   text,                                   -- the layout recognised from the header (e.g. GET_LEDGER_DETAIL_VIEW_DATA)
  file_name     text NOT NULL,
  sha256        char(64) NOT NULL,
  size_bytes    bigint NOT NULL,
  row_count     integer NOT NULL DEFAULT 0,             -- data lines read
  inserted      integer NOT NULL DEFAULT 0,             -- rows stored for the first time (all tables the file feeds)
  updated       integer NOT NULL DEFAULT 0,             -- stored rows this file had newer facts for
  duplicates    integer NOT NULL DEFAULT 0,             -- rows already stored as they are
  status        text NOT NULL CHECK (status IN ('imported', 'unchanged', 'rejected')),
  error         text,                                   -- why a file was rejected: file:line:column (header): reason
  imported_at   timestamptz NOT NULL,
  UNIQUE (workspace_id, id),
  UNIQUE (workspace_id, account_id, id),
  FOREIGN KEY (workspace_id, account_id) REFERENCES channel_accounts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX report_imports_file_idx ON report_imports (workspace_id, sha256);
CREATE INDEX report_imports_recent_idx ON report_imports (workspace_id, imported_at DESC);

-- GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA
CREATE TABLE fba_customer_returns (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id          text NOT NULL,
  account_id            text NOT NULL,
  returned_at           timestamptz NOT NULL,
  order_id              text,
  sku                   text,
  asin                  text,
  fnsku                 text,
  product_name          text,
  quantity              integer NOT NULL,
  fulfillment_center_id text,
  detailed_disposition  text,
  reason                text,
  status                text,
  license_plate_number  text,
  customer_comments     text,
  row_hash              text NOT NULL,
  occurrence            integer NOT NULL,
  extra                 jsonb NOT NULL DEFAULT '{}',
  source_import_id      text NOT NULL,
  source_line           integer NOT NULL,
  UNIQUE (workspace_id, account_id, row_hash, occurrence),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);
CREATE INDEX fba_customer_returns_order_idx ON fba_customer_returns (workspace_id, order_id);
CREATE INDEX fba_customer_returns_fnsku_idx ON fba_customer_returns (workspace_id, account_id, fnsku);

-- GET_FBA_REIMBURSEMENTS_DATA (reversals: negative amounts + original_reimbursement_id/type)
CREATE TABLE fba_reimbursements (
  id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id                text NOT NULL,
  account_id                  text NOT NULL,
  approved_at                 timestamptz NOT NULL,
  reimbursement_id            text NOT NULL,
  case_id                     text,
  amazon_order_id             text,
  reason                      text,
  sku                         text,
  fnsku                       text,
  asin                        text,
  product_name                text,
  condition                   text,
  currency                    char(3) NOT NULL,
  amount_per_unit_minor       bigint,
  amount_total_minor          bigint NOT NULL,
  quantity_cash               integer,
  quantity_inventory          integer,
  quantity_total              integer,
  original_reimbursement_id   text,
  original_reimbursement_type text,
  row_hash                    text NOT NULL,
  occurrence                  integer NOT NULL,
  extra                       jsonb NOT NULL DEFAULT '{}',
  source_import_id            text NOT NULL,
  source_line                 integer NOT NULL,
  UNIQUE (workspace_id, account_id, row_hash, occurrence),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);
CREATE INDEX fba_reimbursements_id_idx ON fba_reimbursements (workspace_id, reimbursement_id);
CREATE INDEX fba_reimbursements_order_idx ON fba_reimbursements (workspace_id, amazon_order_id) WHERE amazon_order_id IS NOT NULL;
CREATE INDEX fba_reimbursements_case_idx ON fba_reimbursements (workspace_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX fba_reimbursements_fnsku_idx ON fba_reimbursements (workspace_id, account_id, fnsku);

-- GET_LEDGER_DETAIL_VIEW_DATA. event_date is the report's day (MM/DD/YYYY); event_at the download's "Date and Time".
CREATE TABLE inventory_ledger_events (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id          text NOT NULL,
  account_id            text NOT NULL,
  event_date            date NOT NULL,
  event_at              timestamptz,
  fnsku                 text,
  asin                  text,
  msku                  text,
  title                 text,
  event_type            text NOT NULL,
  reference_id          text,
  quantity              integer NOT NULL,
  fulfillment_center    text,
  disposition           text,
  reason                text,
  country               text,
  reconciled_quantity   integer,
  unreconciled_quantity integer,
  row_hash              text NOT NULL,
  occurrence            integer NOT NULL,
  extra                 jsonb NOT NULL DEFAULT '{}',
  source_import_id      text NOT NULL,
  source_line           integer NOT NULL,
  UNIQUE (workspace_id, account_id, row_hash, occurrence),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);
CREATE INDEX inventory_ledger_events_fnsku_idx ON inventory_ledger_events (workspace_id, account_id, fnsku, event_date);

-- GET_LEDGER_SUMMARY_VIEW_DATA. period as written (10/2023 monthly, 10/01/2023 daily/weekly).
CREATE TABLE inventory_ledger_summary (
  id                            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id                  text NOT NULL,
  account_id                    text NOT NULL,
  period                        text NOT NULL,
  period_start                  date NOT NULL,
  period_kind                   text NOT NULL CHECK (period_kind IN ('month', 'day')),
  fnsku                         text,
  asin                          text,
  msku                          text,
  title                         text,
  disposition                   text,
  starting_warehouse_balance    integer,
  in_transit_between_warehouses integer,
  receipts                      integer,
  customer_shipments            integer,
  customer_returns              integer,
  vendor_returns                integer,
  warehouse_transfer_in_out     integer,
  found                         integer,
  lost                          integer,
  damaged                       integer,
  disposed                      integer,
  other_events                  integer,
  ending_warehouse_balance      integer,
  unknown_events                integer,
  location                      text,
  store                         text,
  extra                         jsonb NOT NULL DEFAULT '{}',
  source_import_id              text NOT NULL,
  source_line                   integer NOT NULL,
  UNIQUE NULLS NOT DISTINCT (workspace_id, account_id, period_start, period_kind, fnsku, msku, disposition, location, store),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);

-- Fulfillment Inbound v0 InboundShipmentInfo (getShipments), or the shipment columns of an item file.
CREATE TABLE inbound_shipments (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id        text NOT NULL,
  account_id          text NOT NULL,
  shipment_id         text NOT NULL,
  shipment_name       text,
  destination_fc      text,
  status              text,
  status_rank         smallint NOT NULL DEFAULT 0,       -- WORKING 1 … CLOSED 8, CANCELLED/DELETED/ERROR 9: status only advances
  label_prep_type     text,
  box_contents_source text,
  extra               jsonb NOT NULL DEFAULT '{}',
  source_import_id    text NOT NULL,
  source_line         integer NOT NULL,
  UNIQUE (workspace_id, account_id, shipment_id),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);

-- Fulfillment Inbound v0 InboundShipmentItem (getShipmentItems): shipped vs received per SKU.
CREATE TABLE inbound_shipment_items (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id      text NOT NULL,
  account_id        text NOT NULL,
  shipment_id       text NOT NULL,
  sku               text NOT NULL,
  fnsku             text,
  quantity_shipped  integer NOT NULL,
  quantity_received integer,
  quantity_in_case  integer,
  release_date      date,
  extra             jsonb NOT NULL DEFAULT '{}',
  source_import_id  text NOT NULL,
  source_line       integer NOT NULL,
  UNIQUE (workspace_id, account_id, shipment_id, sku),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);
CREATE INDEX inbound_shipment_items_fnsku_idx ON inbound_shipment_items (workspace_id, account_id, fnsku);

-- GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA: one row per removal order, SKU and disposition; newer last_updated wins.
CREATE TABLE removal_orders (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id        text NOT NULL,
  account_id          text NOT NULL,
  requested_at        timestamptz NOT NULL,
  order_id            text NOT NULL,
  order_type          text,
  service_speed       text,
  order_status        text,
  last_updated_at     timestamptz,
  sku                 text,
  fnsku               text,
  disposition         text,
  requested_quantity  integer,
  cancelled_quantity  integer,
  disposed_quantity   integer,
  shipped_quantity    integer,
  in_process_quantity integer,
  removal_fee_minor   bigint,
  currency            char(3),
  extra               jsonb NOT NULL DEFAULT '{}',
  source_import_id    text NOT NULL,
  source_line         integer NOT NULL,
  UNIQUE NULLS NOT DISTINCT (workspace_id, account_id, order_id, sku, fnsku, disposition),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);

-- GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA
CREATE TABLE removal_shipments (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id       text NOT NULL,
  account_id         text NOT NULL,
  requested_at       timestamptz,
  order_id           text NOT NULL,
  shipped_at         timestamptz,
  sku                text,
  fnsku              text,
  disposition        text,
  shipped_quantity   integer NOT NULL,
  carrier            text,
  tracking_number    text,
  removal_order_type text,
  row_hash           text NOT NULL,
  occurrence         integer NOT NULL,
  extra              jsonb NOT NULL DEFAULT '{}',
  source_import_id   text NOT NULL,
  source_line        integer NOT NULL,
  UNIQUE (workspace_id, account_id, row_hash, occurrence),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);
CREATE INDEX removal_shipments_order_idx ON removal_shipments (workspace_id, order_id);

-- The seller's receiving log of removal shipments coming back (not an Amazon report): proof of a removal loss.
-- Workspace-level: the log names the account in its own words (account_label).
CREATE TABLE removal_receipts (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id      text NOT NULL,
  account_label     text,
  removal_order_id  text NOT NULL,
  carrier           text,
  tracking_number   text,
  sku               text,
  fnsku             text,
  expected_quantity integer,
  received_quantity integer,
  received_date     date,
  status            text,
  row_hash          text NOT NULL,
  occurrence        integer NOT NULL,
  extra             jsonb NOT NULL DEFAULT '{}',
  source_import_id  text NOT NULL,
  source_line       integer NOT NULL,
  UNIQUE (workspace_id, row_hash, occurrence),
  FOREIGN KEY (workspace_id, source_import_id) REFERENCES report_imports (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX removal_receipts_order_idx ON removal_receipts (workspace_id, removal_order_id);

-- GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL (and the archived / by-last-update variants): one row per
-- item; line_no tells two lines of the same SKU in one order apart. Prices are aggregates for the quantity.
CREATE TABLE amazon_order_lines (
  id                            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id                  text NOT NULL,
  account_id                    text NOT NULL,
  amazon_order_id               text NOT NULL,
  line_no                       integer NOT NULL,
  merchant_order_id             text,
  purchased_at                  timestamptz NOT NULL,
  last_updated_at               timestamptz,
  order_status                  text,
  fulfillment_channel           text,
  sales_channel                 text,
  order_channel                 text,
  ship_service_level            text,
  product_name                  text,
  sku                           text NOT NULL,
  asin                          text,
  item_status                   text,
  quantity                      integer NOT NULL,
  currency                      char(3),
  item_price_minor              bigint,
  item_tax_minor                bigint,
  shipping_price_minor          bigint,
  shipping_tax_minor            bigint,
  gift_wrap_price_minor         bigint,
  gift_wrap_tax_minor           bigint,
  item_promotion_discount_minor bigint,
  ship_promotion_discount_minor bigint,
  ship_city                     text,
  ship_state                    text,
  ship_postal_code              text,
  ship_country                  text,
  promotion_ids                 text,
  is_business_order             boolean,
  purchase_order_number         text,
  price_designation             text,
  is_replacement_order          boolean,
  extra                         jsonb NOT NULL DEFAULT '{}',
  source_import_id              text NOT NULL,
  source_line                   integer NOT NULL,
  UNIQUE (workspace_id, account_id, amazon_order_id, sku, line_no),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);
CREATE INDEX amazon_order_lines_purchased_idx ON amazon_order_lines (workspace_id, account_id, purchased_at);

-- Settlement reports: the settlement (its summary row) and its amount lines, one amount per line (V2 shape;
-- legacy rows are split per amount family, layout = 'legacy').
CREATE TABLE settlements (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id     text NOT NULL,
  account_id       text NOT NULL,
  settlement_id    text NOT NULL,
  start_at         timestamptz,
  end_at           timestamptz,
  deposit_at       timestamptz,
  total_minor      bigint,
  currency         char(3),
  extra            jsonb NOT NULL DEFAULT '{}',
  source_import_id text NOT NULL,
  source_line      integer NOT NULL,
  UNIQUE (workspace_id, account_id, settlement_id),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);

CREATE TABLE settlement_lines (
  id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id                text NOT NULL,
  account_id                  text NOT NULL,
  settlement_id               text NOT NULL,
  layout                      text NOT NULL CHECK (layout IN ('v2', 'legacy')),
  transaction_type            text,
  order_id                    text,
  merchant_order_id           text,
  adjustment_id               text,
  shipment_id                 text,
  marketplace_name            text,
  amount_type                 text,
  amount_description          text,
  amount_minor                bigint,
  currency                    char(3),
  fulfillment_id              text,
  posted_at                   timestamptz,
  order_item_code             text,
  merchant_order_item_id      text,
  merchant_adjustment_item_id text,
  sku                         text,
  quantity_purchased          integer,
  promotion_id                text,
  row_hash                    text NOT NULL,
  occurrence                  integer NOT NULL,
  extra                       jsonb NOT NULL DEFAULT '{}',
  source_import_id            text NOT NULL,
  source_line                 integer NOT NULL,
  UNIQUE (workspace_id, account_id, settlement_id, row_hash, occurrence),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);
CREATE INDEX settlement_lines_order_idx ON settlement_lines (workspace_id, order_id) WHERE order_id IS NOT NULL;

-- GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (seller-fulfilled returns; A-to-z and SAFE-T defence).
CREATE TABLE fbm_returns (
  id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id              text NOT NULL,
  account_id                text NOT NULL,
  order_id                  text NOT NULL,
  ordered_at                timestamptz,
  requested_at              timestamptz,
  status                    text,
  amazon_rma_id             text,
  merchant_rma_id           text,
  label_type                text,
  label_cost_minor          bigint,
  currency                  char(3),
  return_carrier            text,
  tracking_id               text,
  label_paid_by             text,
  a_to_z_claim              boolean,
  is_prime                  boolean,
  asin                      text,
  sku                       text,
  item_name                 text,
  quantity                  integer,
  return_reason             text,
  in_policy                 boolean,
  return_type               text,
  resolution                text,
  invoice_number            text,
  delivered_at              timestamptz,
  order_amount_minor        bigint,
  order_quantity            integer,
  safet_action_reason       text,
  safet_claim_id            text,
  safet_claim_state         text,
  safet_claim_created_at    timestamptz,
  safet_reimbursement_minor bigint,
  refunded_amount_minor     bigint,
  row_hash                  text NOT NULL,
  occurrence                integer NOT NULL,
  extra                     jsonb NOT NULL DEFAULT '{}',
  source_import_id          text NOT NULL,
  source_line               integer NOT NULL,
  UNIQUE (workspace_id, account_id, row_hash, occurrence),
  FOREIGN KEY (workspace_id, account_id, source_import_id) REFERENCES report_imports (workspace_id, account_id, id) ON DELETE CASCADE
);
CREATE INDEX fbm_returns_order_idx ON fbm_returns (workspace_id, order_id);

-- Supplier (manufacturing) cost per SKU from a date on: the reimbursement basis for pre-order losses after
-- 2025-03-10. effective_from null = from the beginning. The workspace's, not an account's.
CREATE TABLE supplier_costs (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id     text NOT NULL,
  sku              text NOT NULL,
  unit_cost_minor  bigint NOT NULL,
  currency         char(3) NOT NULL,
  effective_from   date,
  supplier         text,
  extra            jsonb NOT NULL DEFAULT '{}',
  source_import_id text NOT NULL,
  source_line      integer NOT NULL,
  UNIQUE NULLS NOT DISTINCT (workspace_id, sku, currency, effective_from),
  FOREIGN KEY (workspace_id, source_import_id) REFERENCES report_imports (workspace_id, id) ON DELETE CASCADE
);

-- Supplier invoice lines (proof of ownership). The invoice's PDF or image is stored once, content-addressed, in
-- the attachments table the desk already keeps (bytes in PostgreSQL so every process sees them, downloads
-- through the same sandboxed route); the line points at it by sha256.
CREATE TABLE supplier_invoices (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id     text NOT NULL,
  supplier         text NOT NULL,
  invoice_number   text NOT NULL,
  invoice_date     date NOT NULL,
  sku              text NOT NULL,
  fnsku            text,
  asin             text,
  description      text,
  quantity         integer NOT NULL,
  unit_cost_minor  bigint,
  line_total_minor bigint,
  currency         char(3),
  document_sha256  char(64),
  document_name    text,
  row_hash         text NOT NULL,
  occurrence       integer NOT NULL,
  extra            jsonb NOT NULL DEFAULT '{}',
  source_import_id text NOT NULL,
  source_line      integer NOT NULL,
  UNIQUE (workspace_id, row_hash, occurrence),
  FOREIGN KEY (workspace_id, document_sha256) REFERENCES attachments (workspace_id, sha256),
  FOREIGN KEY (workspace_id, source_import_id) REFERENCES report_imports (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX supplier_invoices_sku_idx ON supplier_invoices (workspace_id, sku, invoice_date);
