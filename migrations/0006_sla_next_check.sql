-- The SLA sweep's agenda in a narrow table of its own (issue 4: a first sweep over a backlog took 35 s).
-- Every crossing the sweep announced used to move the indexed tickets.sla_next_check_at, so each update of the wide
-- tickets row was a new row version with an entry in every index of tickets. Now the next instant a ticket's SLA
-- state can change lives here, one row per ticket with a running clock (none once breached, paused or stopped),
-- written together with the ticket's SLA snapshot (src/triage/reassess.ts) and moved by the sweep
-- (src/triage/sla-sweep.ts). tickets.sla_next_check_at stays as part of the snapshot but is no longer indexed, so the
-- sweep's change to the ticket row (state, warnings sent, breach time: no indexed column) can be a HOT update (a row
-- version on the same page, no index entry). The fillfactor leaves room on each page for such versions, also while
-- old ones cannot be pruned yet (a long transaction, an ANALYZE in progress); it applies to pages filled from now on.
CREATE TABLE ticket_sla_checks (
  ticket_id     text PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  workspace_id  text NOT NULL,
  next_check_at timestamptz NOT NULL
);
CREATE INDEX ticket_sla_checks_due_idx ON ticket_sla_checks (next_check_at);

INSERT INTO ticket_sla_checks (ticket_id, workspace_id, next_check_at)
SELECT id, workspace_id, sla_next_check_at FROM tickets WHERE sla_next_check_at IS NOT NULL;

DROP INDEX tickets_sla_check_idx;
ALTER TABLE tickets SET (fillfactor = 80);
