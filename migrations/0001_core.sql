-- claimdesk core model. Plain PostgreSQL: runs unchanged on PGlite and a PostgreSQL server.
-- Every business row belongs to a workspace. Money is integer minor units + ISO currency; times are timestamptz.

CREATE TABLE workspaces (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  slug          text NOT NULL UNIQUE,
  default_currency char(3) NOT NULL DEFAULT 'USD',
  timezone      text NOT NULL DEFAULT 'UTC',
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id            text PRIMARY KEY,
  email         text NOT NULL UNIQUE,
  name          text NOT NULL,
  password_hash text,
  locale        text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz
);

CREATE TABLE teams (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

CREATE TABLE memberships (
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id       text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role          text NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'viewer')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE team_members (
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  team_id       text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id       text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE sessions (
  id            text PRIMARY KEY,            -- sha256 of the cookie token, never the token itself
  user_id       text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id       text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,        -- sha256 of the secret
  prefix        text NOT NULL,               -- first characters, shown in the UI to tell tokens apart
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

CREATE TABLE channel_accounts (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('amazon', 'shopify', 'tiktok', 'mailbox', 'instagram', 'fake')),
  name          text NOT NULL,
  marketplace   text,                        -- Amazon marketplace code (US, DE, ...) or store/shop region
  external_id   text,                        -- seller id, shop domain, shop id, mailbox address
  credentials   text,                        -- AES-256-GCM sealed JSON; never returned by the API
  settings      jsonb NOT NULL DEFAULT '{}',
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'error')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (workspace_id, kind, external_id, marketplace)
);

CREATE TABLE customers (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name          text,
  email         text,
  phone         text,
  country       char(2),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_email_idx ON customers (workspace_id, lower(email));

CREATE TABLE customer_identities (
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  customer_id   text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  channel       text NOT NULL,               -- amazon, shopify, tiktok, email, instagram
  external_id   text NOT NULL,               -- buyer relay address, Shopify customer id, ...
  PRIMARY KEY (workspace_id, channel, external_id)
);
CREATE INDEX customer_identities_customer_idx ON customer_identities (customer_id);

CREATE TABLE orders (
  id                     text PRIMARY KEY,
  workspace_id           text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel_account_id     text NOT NULL REFERENCES channel_accounts(id),
  channel                text NOT NULL CHECK (channel IN ('amazon', 'shopify', 'tiktok', 'email', 'instagram', 'fake')),
  marketplace            text,
  external_id            text NOT NULL,
  customer_id            text REFERENCES customers(id),
  fulfillment            text NOT NULL CHECK (fulfillment IN ('FBA', 'FBM', 'MCF', 'SHOPIFY', 'TIKTOK')),
  status                 text NOT NULL,
  purchased_at           timestamptz NOT NULL,
  promised_ship_by       timestamptz,
  promised_delivery_by   timestamptz,
  currency               char(3) NOT NULL,
  subtotal_minor         bigint NOT NULL DEFAULT 0,
  shipping_minor         bigint NOT NULL DEFAULT 0,
  tax_minor              bigint NOT NULL DEFAULT 0,
  discount_minor         bigint NOT NULL DEFAULT 0,
  total_minor            bigint NOT NULL DEFAULT 0,
  ship_country           char(2),
  ship_postal_code       text,
  ship_city              text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, channel, external_id)
);
CREATE INDEX orders_purchased_idx ON orders (workspace_id, purchased_at DESC);
CREATE INDEX orders_customer_idx ON orders (customer_id);

CREATE TABLE order_items (
  id               text PRIMARY KEY,
  workspace_id     text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  order_id         text NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  external_id      text,
  sku              text NOT NULL,
  asin             text,
  fnsku            text,
  title            text NOT NULL,
  quantity         integer NOT NULL CHECK (quantity >= 0),
  unit_price_minor bigint NOT NULL,
  currency         char(3) NOT NULL
);
CREATE INDEX order_items_order_idx ON order_items (order_id);
CREATE INDEX order_items_sku_idx ON order_items (workspace_id, sku);

CREATE TABLE shipments (
  id                    text PRIMARY KEY,
  workspace_id          text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  order_id              text NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  carrier               text NOT NULL,
  service               text,
  tracking_number       text,
  status                text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'info_received', 'in_transit', 'out_for_delivery', 'attempt_fail',
                                          'delivered', 'available_for_pickup', 'exception', 'expired')),
  shipped_at            timestamptz,
  delivered_at          timestamptz,
  signed_by             text,
  uploaded_to_marketplace boolean NOT NULL DEFAULT false,
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_order_idx ON shipments (order_id);
CREATE INDEX shipments_tracking_idx ON shipments (workspace_id, tracking_number);

CREATE TABLE tracking_events (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  shipment_id   text NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
  occurred_at   timestamptz NOT NULL,
  status        text NOT NULL,
  message       text NOT NULL,
  location      text,
  UNIQUE (shipment_id, occurred_at, status)
);

CREATE TABLE returns (
  id             text PRIMARY KEY,
  workspace_id   text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  order_id       text NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  external_id    text,                      -- RMA id, Shopify return id
  sku            text,
  quantity       integer NOT NULL DEFAULT 1,
  reason         text,                      -- Amazon reason code or channel's reason
  customer_comment text,
  disposition    text,                      -- SELLABLE, DAMAGED, CUSTOMER_DAMAGED, ...
  status         text NOT NULL DEFAULT 'requested',
  requested_at   timestamptz NOT NULL,
  received_at    timestamptz
);
CREATE INDEX returns_order_idx ON returns (order_id);

CREATE TABLE refunds (
  id             text PRIMARY KEY,
  workspace_id   text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  order_id       text NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  return_id      text REFERENCES returns(id),
  external_id    text,
  amount_minor   bigint NOT NULL,
  currency       char(3) NOT NULL,
  reason         text,
  refunded_at    timestamptz NOT NULL
);
CREATE INDEX refunds_order_idx ON refunds (order_id);

CREATE TABLE tickets (
  id                 text PRIMARY KEY,
  workspace_id       text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  number             integer NOT NULL,            -- per-workspace human number (#1042)
  channel            text NOT NULL,
  channel_account_id text REFERENCES channel_accounts(id),
  marketplace        text,
  external_thread_id text,                        -- channel conversation id / root Message-ID
  customer_id        text REFERENCES customers(id),
  order_id           text REFERENCES orders(id),
  subject            text NOT NULL DEFAULT '',
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'on_hold', 'solved', 'closed')),
  assignee_id        text REFERENCES users(id),
  team_id            text REFERENCES teams(id),
  language           text,
  intent             text,
  intents            text[] NOT NULL DEFAULT '{}',
  signals            text[] NOT NULL DEFAULT '{}',
  risk_level         text NOT NULL DEFAULT 'normal' CHECK (risk_level IN ('critical', 'high', 'normal', 'low')),
  risk_score         integer NOT NULL DEFAULT 0,
  risk_reasons       jsonb NOT NULL DEFAULT '[]',
  tags               text[] NOT NULL DEFAULT '{}',
  no_response_needed boolean NOT NULL DEFAULT false,
  first_response_due_at timestamptz,
  next_response_due_at  timestamptz,
  resolution_due_at     timestamptz,
  first_responded_at    timestamptz,
  last_customer_message_at timestamptz,
  last_agent_message_at    timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  closed_at          timestamptz,
  UNIQUE (workspace_id, number)
);
CREATE INDEX tickets_queue_idx ON tickets (workspace_id, status, risk_score DESC, next_response_due_at);
CREATE INDEX tickets_order_idx ON tickets (order_id);
CREATE INDEX tickets_customer_idx ON tickets (customer_id);
CREATE UNIQUE INDEX tickets_thread_idx ON tickets (workspace_id, channel, external_thread_id) WHERE external_thread_id IS NOT NULL;

CREATE TABLE ticket_counters (
  workspace_id  text PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  last_number   integer NOT NULL DEFAULT 0
);

CREATE TABLE messages (
  id                 text PRIMARY KEY,
  workspace_id       text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  ticket_id          text NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  direction          text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  channel            text NOT NULL,
  channel_message_id text,                        -- Message-ID, Amazon relay id, webhook event id: the natural key
  in_reply_to        text,
  from_address       text NOT NULL,
  to_address         text NOT NULL DEFAULT '',
  subject            text NOT NULL DEFAULT '',
  body_text          text NOT NULL DEFAULT '',
  body_html          text,                        -- already sanitised at ingestion
  language           text,
  author_user_id     text REFERENCES users(id),
  sent_at            timestamptz NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  delivery_status    text NOT NULL DEFAULT 'received'
                     CHECK (delivery_status IN ('received', 'draft', 'queued', 'sent', 'failed')),
  search             tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(body_text, ''))) STORED
);
CREATE UNIQUE INDEX messages_natural_key ON messages (workspace_id, channel, channel_message_id) WHERE channel_message_id IS NOT NULL;
CREATE INDEX messages_ticket_idx ON messages (ticket_id, sent_at);
CREATE INDEX messages_search_idx ON messages USING gin (search);

CREATE TABLE attachments (
  sha256        char(64) NOT NULL,             -- content address; bytes live in the blob store under this name
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  size_bytes    integer NOT NULL,
  content_type  text NOT NULL,
  content       bytea NOT NULL,                -- in the database so every server process sees it; deduplicated by hash
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, sha256)
);

CREATE TABLE message_attachments (
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  message_id    text NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  sha256        char(64) NOT NULL,
  filename      text NOT NULL,
  content_id    text,
  position      integer NOT NULL,
  PRIMARY KEY (message_id, position),
  FOREIGN KEY (workspace_id, sha256) REFERENCES attachments(workspace_id, sha256)
);

CREATE TABLE notes (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  ticket_id     text NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  author_user_id text REFERENCES users(id),   -- null when written by a rule or the system
  author_label  text NOT NULL,
  body          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  search        tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
CREATE INDEX notes_ticket_idx ON notes (ticket_id, created_at);
CREATE INDEX notes_search_idx ON notes USING gin (search);

-- Append-only audit trail. The triggers below refuse UPDATE, TRUNCATE and DELETE; deleting a whole
-- workspace (account closure, data-protection erasure) sets claimdesk.erasing = 'on' in its transaction.
CREATE TABLE events (
  seq           bigserial PRIMARY KEY,
  id            text NOT NULL UNIQUE,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  subject_type  text NOT NULL CHECK (subject_type IN ('ticket', 'order', 'workspace', 'case')),
  subject_id    text NOT NULL,
  type          text NOT NULL,                -- ticket.created, message.received, note.added, sla.breached, ...
  actor         text NOT NULL,                -- user:<id>, rule:<name>, system, channel:<kind>
  data          jsonb NOT NULL DEFAULT '{}',
  occurred_at   timestamptz NOT NULL
);
CREATE INDEX events_subject_idx ON events (workspace_id, subject_type, subject_id, seq);

CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('claimdesk.erasing', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'events are append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

-- Background jobs and transactional outbox in one table: a use case enqueues inside its own
-- transaction, so a job exists if and only if the change that asked for it committed.
CREATE TABLE jobs (
  id            bigserial PRIMARY KEY,
  workspace_id  text REFERENCES workspaces(id) ON DELETE CASCADE,
  queue         text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  dedupe_key    text,
  state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed', 'dead')),
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL DEFAULT 8,
  run_at        timestamptz NOT NULL DEFAULT now(),
  locked_by     text,
  locked_until  timestamptz,
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX jobs_ready_idx ON jobs (queue, run_at) WHERE state IN ('queued', 'failed');
CREATE INDEX jobs_running_idx ON jobs (locked_until) WHERE state = 'running';
CREATE UNIQUE INDEX jobs_dedupe_idx ON jobs (queue, dedupe_key) WHERE dedupe_key IS NOT NULL;

-- Bookkeeping for long, resumable work (demo seeding, report imports).
CREATE TABLE seed_runs (
  workspace_id  text PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  seed          integer NOT NULL,
  orders        integer NOT NULL,
  completed_at  timestamptz NOT NULL
);

-- Rows may only point at rows of their own workspace: composite keys make a cross-workspace link
-- impossible even if application code got an id wrong.
ALTER TABLE teams ADD CONSTRAINT teams_ws_id UNIQUE (workspace_id, id);
ALTER TABLE channel_accounts ADD CONSTRAINT channel_accounts_ws_id UNIQUE (workspace_id, id);
ALTER TABLE customers ADD CONSTRAINT customers_ws_id UNIQUE (workspace_id, id);
ALTER TABLE orders ADD CONSTRAINT orders_ws_id UNIQUE (workspace_id, id);
ALTER TABLE shipments ADD CONSTRAINT shipments_ws_id UNIQUE (workspace_id, id);
ALTER TABLE returns ADD CONSTRAINT returns_ws_id UNIQUE (workspace_id, id);
ALTER TABLE tickets ADD CONSTRAINT tickets_ws_id UNIQUE (workspace_id, id);
ALTER TABLE messages ADD CONSTRAINT messages_ws_id UNIQUE (workspace_id, id);

ALTER TABLE team_members ADD CONSTRAINT team_members_team_ws FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE team_members ADD CONSTRAINT team_members_member_ws FOREIGN KEY (workspace_id, user_id) REFERENCES memberships (workspace_id, user_id) ON DELETE CASCADE;
ALTER TABLE customer_identities ADD CONSTRAINT customer_identities_ws FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE orders ADD CONSTRAINT orders_account_ws FOREIGN KEY (workspace_id, channel_account_id) REFERENCES channel_accounts (workspace_id, id);
ALTER TABLE orders ADD CONSTRAINT orders_customer_ws FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id);
ALTER TABLE order_items ADD CONSTRAINT order_items_order_ws FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE shipments ADD CONSTRAINT shipments_order_ws FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE tracking_events ADD CONSTRAINT tracking_events_shipment_ws FOREIGN KEY (workspace_id, shipment_id) REFERENCES shipments (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE returns ADD CONSTRAINT returns_order_ws FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE refunds ADD CONSTRAINT refunds_order_ws FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE refunds ADD CONSTRAINT refunds_return_ws FOREIGN KEY (workspace_id, return_id) REFERENCES returns (workspace_id, id);
ALTER TABLE tickets ADD CONSTRAINT tickets_account_ws FOREIGN KEY (workspace_id, channel_account_id) REFERENCES channel_accounts (workspace_id, id);
ALTER TABLE tickets ADD CONSTRAINT tickets_customer_ws FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id);
ALTER TABLE tickets ADD CONSTRAINT tickets_order_ws FOREIGN KEY (workspace_id, order_id) REFERENCES orders (workspace_id, id);
ALTER TABLE tickets ADD CONSTRAINT tickets_team_ws FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id);
ALTER TABLE tickets ADD CONSTRAINT tickets_assignee_ws FOREIGN KEY (workspace_id, assignee_id) REFERENCES memberships (workspace_id, user_id);
ALTER TABLE messages ADD CONSTRAINT messages_ticket_ws FOREIGN KEY (workspace_id, ticket_id) REFERENCES tickets (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE notes ADD CONSTRAINT notes_ticket_ws FOREIGN KEY (workspace_id, ticket_id) REFERENCES tickets (workspace_id, id) ON DELETE CASCADE;
ALTER TABLE message_attachments ADD CONSTRAINT message_attachments_message_ws FOREIGN KEY (workspace_id, message_id) REFERENCES messages (workspace_id, id) ON DELETE CASCADE;
