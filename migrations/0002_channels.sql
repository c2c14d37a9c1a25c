-- Channels: threading headers, the reply outbox, webhook receipts, mailbox sync state, presence,
-- customer merges, and search that finds CJK text.

-- Text as the search index sees it: every CJK character (kana, Han, Hangul) becomes its own token, so
-- a phrase query over single characters finds words inside unsegmented Chinese or Japanese text.
CREATE FUNCTION cd_search_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(coalesce(t, ''), '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])', ' \1 ', 'g')
$$;

-- Messages: what a reply must carry to stay in the buyer's thread, and what happened when we sent one.
ALTER TABLE messages ADD COLUMN reference_ids    text[] NOT NULL DEFAULT '{}';  -- References header, oldest first
ALTER TABLE messages ADD COLUMN reply_to         text;                          -- Reply-To / Amazon relay address
ALTER TABLE messages ADD COLUMN delivery_error   text;
ALTER TABLE messages ADD COLUMN delivery_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN delivered_at     timestamptz;
ALTER TABLE messages ADD COLUMN updated_at       timestamptz;
ALTER TABLE messages ADD COLUMN no_response_needed boolean NOT NULL DEFAULT false;
ALTER TABLE messages ADD COLUMN classification jsonb;                          -- what triage read: intents, signals, language, evidence
ALTER TABLE messages DROP COLUMN search;
ALTER TABLE messages ADD COLUMN search tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', cd_search_text(subject) || ' ' || cd_search_text(body_text) || ' ' || coalesce(from_address, ''))) STORED;
CREATE INDEX messages_search_idx ON messages USING gin (search);
-- Finer statistics for the search column, so the planner knows a rare word matches a handful of messages
-- (and probes tickets by key) rather than guessing thousands (and scanning every ticket).
ALTER TABLE messages ALTER COLUMN search SET STATISTICS 1000;
-- In-Reply-To / References look-ups across the channels a mailbox carries (e-mail and Amazon relay).
CREATE INDEX messages_message_id_idx ON messages (workspace_id, channel_message_id) WHERE channel_message_id IS NOT NULL;

ALTER TABLE notes DROP COLUMN search;
ALTER TABLE notes ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', cd_search_text(body))) STORED;
CREATE INDEX notes_search_idx ON notes USING gin (search);

-- Tickets: where replies go (the buyer's address, or the Amazon relay alias).
ALTER TABLE tickets ADD COLUMN reply_address text;

-- Orders: the name a buyer quotes ("#1001" on Shopify) when it differs from the external id.
ALTER TABLE orders ADD COLUMN display_name text;
CREATE INDEX orders_display_name_idx ON orders (workspace_id, display_name) WHERE display_name IS NOT NULL;

-- Children that channels update by their own ids (Shopify fulfillments, refunds, returns).
ALTER TABLE shipments ADD COLUMN external_id text;
CREATE UNIQUE INDEX shipments_external_idx ON shipments (workspace_id, order_id, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX returns_external_idx ON returns (workspace_id, order_id, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX refunds_external_idx ON refunds (workspace_id, order_id, external_id) WHERE external_id IS NOT NULL;

-- Customers: one person across channels. A merged customer keeps its row (and history) and points at the survivor.
ALTER TABLE customers ADD COLUMN merged_into text;
ALTER TABLE customers ADD CONSTRAINT customers_merged_ws FOREIGN KEY (workspace_id, merged_into) REFERENCES customers (workspace_id, id);
CREATE INDEX customers_phone_idx ON customers (workspace_id, phone) WHERE phone IS NOT NULL;

-- Every webhook delivery we accepted, keyed by the provider's delivery id: a redelivery is stored once.
CREATE TABLE webhook_receipts (
  workspace_id       text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel_account_id text NOT NULL,
  delivery_id        text NOT NULL,
  provider           text NOT NULL CHECK (provider IN ('shopify', 'tiktok', 'meta', 'amazon')),
  topic              text NOT NULL,
  payload            jsonb NOT NULL,
  received_at        timestamptz NOT NULL,
  processed_at       timestamptz,
  error              text,
  PRIMARY KEY (channel_account_id, delivery_id),
  FOREIGN KEY (workspace_id, channel_account_id) REFERENCES channel_accounts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_receipts_ws_idx ON webhook_receipts (workspace_id, received_at DESC);

-- IMAP sync position per mailbox folder. Nothing is fetched twice or skipped: UIDs are only meaningful
-- under their UIDVALIDITY, and a change of it means "start this folder again" (messages dedupe by Message-ID).
CREATE TABLE mailbox_state (
  channel_account_id text NOT NULL,
  workspace_id       text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  folder             text NOT NULL,
  uid_validity       bigint,
  last_uid           bigint NOT NULL DEFAULT 0,
  last_sync_at       timestamptz,
  last_error         text,
  lease_owner        text,
  lease_until        timestamptz,
  PRIMARY KEY (channel_account_id, folder),
  FOREIGN KEY (workspace_id, channel_account_id) REFERENCES channel_accounts (workspace_id, id) ON DELETE CASCADE
);

-- Who has a ticket open right now (collision warnings). Rows older than a minute mean "gone".
CREATE TABLE ticket_viewers (
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  ticket_id     text NOT NULL,
  user_id       text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  composing     boolean NOT NULL DEFAULT false,
  seen_at       timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, user_id),
  FOREIGN KEY (workspace_id, ticket_id) REFERENCES tickets (workspace_id, id) ON DELETE CASCADE
);

-- Mail we received and deliberately did not turn into tickets (bounces, auto-replies, reports): kept so
-- an admin can see why, and so a replay does not count them again.
CREATE TABLE inbound_skipped (
  workspace_id       text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel_account_id text,
  channel_message_id text NOT NULL,
  kind               text NOT NULL,
  reason             text NOT NULL,
  from_address       text NOT NULL DEFAULT '',
  subject            text NOT NULL DEFAULT '',
  related_message_id text,                    -- for a bounce: the Message-ID of our reply that bounced
  received_at        timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, channel_message_id)
);
