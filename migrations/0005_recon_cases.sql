-- FBA recovery (issue 5), part 2: the claim cases reconciliation finds, their timeline, and the reimbursements
-- matched to them. A case is one claimable unit group (one ledger adjustment, one shipment line, one return, one
-- reimbursement, one removal order line) with a natural key, so running reconciliation again updates the same
-- case instead of adding another. Money in integer minor units.

CREATE TABLE recon_cases (
  id                 text PRIMARY KEY,
  workspace_id       text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  account_id         text NOT NULL,
  case_key           text NOT NULL,                    -- kind + the identifiers of the unit group
  kind               text NOT NULL,                    -- fc_lost, fc_damaged, inbound_shortage, … (recon/domain/policy/kinds.ts)
  marketplace        text NOT NULL,
  currency           char(3) NOT NULL,
  sku                text,
  fnsku              text,
  asin               text,
  order_id           text,
  shipment_id        text,
  reference_id       text,                             -- ledger ReferenceID, LPN, reimbursement id or removal order id
  quantity           integer NOT NULL CHECK (quantity > 0),
  unit_value_minor   bigint,
  value_minor        bigint NOT NULL CHECK (value_minor >= 0),
  value_basis        text,                             -- manufacturing_cost, sale_price_minus_fees, …, or a dispute's own
  value_explanation  text NOT NULL,
  value_verified     boolean NOT NULL DEFAULT true,    -- false when the policy or a number in it is an assumption
  event_on           date NOT NULL,                    -- the day the window counts from
  opens_on           date,                             -- first filing day, where the policy has one
  deadline_on        date NOT NULL,                    -- last filing day
  window_rule        text NOT NULL,
  summary            text NOT NULL,                    -- why this is a claim, one paragraph
  claim_text         text NOT NULL,                    -- ready to paste into Seller Central
  evidence           jsonb NOT NULL DEFAULT '[]',      -- [{table, id, line, importId, label}]
  facts              jsonb NOT NULL DEFAULT '{}',      -- the numbers the rule and the valuation used
  ticket_id          text,                             -- the customer conversation that proves it, when one exists
  status             text NOT NULL CHECK (status IN ('detected', 'ready', 'submitted', 'reimbursed', 'denied', 'expired', 'resolved', 'dismissed')),
  status_reason      text,
  amazon_case_id     text,
  recovered_minor    bigint NOT NULL DEFAULT 0,
  detected_at        timestamptz NOT NULL,
  last_seen_at       timestamptz NOT NULL,             -- the last reconciliation that still found it
  updated_at         timestamptz NOT NULL,
  submitted_at       timestamptz,
  closed_at          timestamptz,
  UNIQUE (workspace_id, case_key),
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, account_id) REFERENCES channel_accounts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX recon_cases_open_idx ON recon_cases (workspace_id, status, deadline_on);
CREATE INDEX recon_cases_order_idx ON recon_cases (workspace_id, order_id) WHERE order_id IS NOT NULL;
CREATE INDEX recon_cases_amazon_case_idx ON recon_cases (workspace_id, amazon_case_id) WHERE amazon_case_id IS NOT NULL;

-- What happened to a case, oldest first: detected, value changed, submitted, reimbursement matched, expired, …
CREATE TABLE recon_case_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id text NOT NULL,
  case_id      text NOT NULL,
  at           timestamptz NOT NULL,
  kind         text NOT NULL,
  actor        text NOT NULL,                          -- 'recon' or the user's id
  detail       jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (workspace_id, case_id) REFERENCES recon_cases (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX recon_case_events_case_idx ON recon_case_events (workspace_id, case_id, at);

-- A reimbursement line counted towards a case's recovered amount; each line counts for one case only.
CREATE TABLE recon_case_recoveries (
  workspace_id     text NOT NULL,
  case_id          text NOT NULL,
  reimbursement_pk bigint NOT NULL REFERENCES fba_reimbursements(id) ON DELETE CASCADE,
  amount_minor     bigint NOT NULL,
  quantity         integer,
  matched_by       text NOT NULL CHECK (matched_by IN ('case_id', 'order_id', 'fnsku_quantity', 'reference')),
  matched_at       timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, reimbursement_pk),
  FOREIGN KEY (workspace_id, case_id) REFERENCES recon_cases (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX recon_case_recoveries_case_idx ON recon_case_recoveries (workspace_id, case_id);

-- Reconciliation settings per workspace (null = the shipped defaults in recon/domain/settings.ts).
CREATE TABLE recon_settings (
  workspace_id text PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  settings     jsonb NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  updated_at   timestamptz NOT NULL
);

-- The ledger's reason codes are what the FC rule filters on.
CREATE INDEX inventory_ledger_events_adjust_idx ON inventory_ledger_events (workspace_id, account_id, reason) WHERE event_type = 'Adjustments';

-- Each reconciliation run, newest last: what it found (the Recovery screen shows the last one).
CREATE TABLE recon_runs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  as_of        date NOT NULL,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  summary      jsonb NOT NULL
);
CREATE INDEX recon_runs_recent_idx ON recon_runs (workspace_id, at DESC);
