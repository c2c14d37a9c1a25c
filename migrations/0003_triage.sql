-- Risk triage, SLA timers, automation rules and spike alerts (issue 4).

-- Risk: the structured reasons behind risk_score (risk_reasons keeps their text), and a priority rules may set.
-- SLA: the state of the ticket's running clocks as the last assessment left it. The sweep needs no clock math:
-- sla_next_check_at is the next instant the state can change (a warning or the deadline); sla_warn_times are
-- every warning of the running clock, so the sweep finds the next one in SQL.
ALTER TABLE tickets
  ADD COLUMN risk_factors jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  ADD COLUMN risk_rank smallint GENERATED ALWAYS AS (
    CASE risk_level WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END) STORED,
  ADD COLUMN sla_policy_id text,
  ADD COLUMN sla_state text NOT NULL DEFAULT 'none' CHECK (sla_state IN ('none', 'ok', 'warning', 'breached', 'paused', 'stopped')),
  ADD COLUMN sla_metric text CHECK (sla_metric IN ('first_response', 'next_response', 'resolution')),
  ADD COLUMN sla_due_at timestamptz,
  ADD COLUMN sla_warn_times timestamptz[] NOT NULL DEFAULT '{}',
  ADD COLUMN sla_next_check_at timestamptz,
  ADD COLUMN sla_breached_at timestamptz,
  ADD COLUMN sla_clock_key text,               -- metric + start of the running clock: a new wait resets the counters
  ADD COLUMN sla_warnings_sent smallint NOT NULL DEFAULT 0,
  ADD COLUMN sla_clocks jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN assessed_at timestamptz;

-- The queue: open work first, then risk, then the time left on the running clock (src/desk/list-tickets.ts ORDER_BY).
CREATE INDEX tickets_queue_order_idx ON tickets (workspace_id, (CASE status WHEN 'open' THEN 0 WHEN 'pending' THEN 1 WHEN 'on_hold' THEN 2 ELSE 3 END),
  risk_rank, sla_due_at, risk_score DESC, created_at DESC, id);
-- The SLA sweep reads only tickets whose state can change now.
CREATE INDEX tickets_sla_check_idx ON tickets (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL;

-- Per-workspace triage configuration. A null column means "the defaults that ship" (src/triage/domain), so a
-- workspace follows improvements to the defaults until it edits that part.
CREATE TABLE triage_settings (
  workspace_id  text PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  sla_policies  jsonb,
  calendars     jsonb,
  rules         jsonb,
  version       integer NOT NULL DEFAULT 0,
  updated_by    text REFERENCES users(id),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- "Each rule at most once per event", across processes and retries: a rule fires for (ticket, event) only if
-- its row could be inserted.
CREATE TABLE rule_firings (
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  ticket_id     text NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  event_key     text NOT NULL,
  rule_id       text NOT NULL,
  fired_at      timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, event_key, rule_id)
);

-- Round-robin position per team.
CREATE TABLE rule_cursors (
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  team_id       text NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  last_user_id  text NOT NULL,
  PRIMARY KEY (workspace_id, team_id)
);

-- Notifications raised by rules and alerts: shown in the app; e-mail ones are also sent when a mailbox can.
CREATE TABLE notifications (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel       text NOT NULL CHECK (channel IN ('in_app', 'email')),
  recipient     text NOT NULL,               -- a user id, a team id, 'all', or an e-mail address
  message       text NOT NULL,
  ticket_id     text REFERENCES tickets(id) ON DELETE CASCADE,
  source        text NOT NULL,               -- rule:<id>, alert:<id>
  created_at    timestamptz NOT NULL,
  read_at       timestamptz
);
CREATE INDEX notifications_ws_idx ON notifications (workspace_id, created_at DESC);

-- Spike alerts: a rolling count of delivery complaints in one slice (channel, marketplace, carrier) well above
-- that slice's own baseline.
CREATE TABLE triage_alerts (
  id            text PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('delivery_spike')),
  slice_key     text NOT NULL,               -- channel|marketplace|carrier
  slice         jsonb NOT NULL,
  window_start  timestamptz NOT NULL,
  window_end    timestamptz NOT NULL,
  observed      integer NOT NULL,
  expected      double precision NOT NULL,
  details       jsonb NOT NULL DEFAULT '{}',
  ticket_ids    text[] NOT NULL DEFAULT '{}',
  order_ids     text[] NOT NULL DEFAULT '{}',
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged')),
  acknowledged_by text REFERENCES users(id),
  acknowledged_at timestamptz,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
-- One open alert per slice: a spike that goes on updates it instead of raising another.
CREATE UNIQUE INDEX triage_alerts_open_idx ON triage_alerts (workspace_id, kind, slice_key) WHERE status = 'open';
-- Spike detection counts a workspace's recent inbound messages.
CREATE INDEX messages_inbound_sent_idx ON messages (workspace_id, sent_at) WHERE direction = 'inbound';
CREATE INDEX triage_alerts_ws_idx ON triage_alerts (workspace_id, created_at DESC);
