import type { Queryable } from '../platform/db/port.ts';
import { enqueue } from '../platform/jobs.ts';

/**
 * Desk changes that can move a ticket's risk, SLA clocks or rules (a reply, a status change, an assignment) are
 * announced on this queue, in the same transaction as the change; the triage module consumes it (re-scores,
 * runs `ticket_updated` rules, resets the clocks). Desk does not depend on triage: the queue is the contract.
 */
export const TICKET_CHANGED_QUEUE = 'triage.reassess';

export async function ticketChanged(q: Queryable, workspaceId: string, ticketId: string, eventKey: string): Promise<void> {
  await enqueue(q, TICKET_CHANGED_QUEUE, { ticketId, eventKey }, { workspaceId });
}
