export { appendEvents, listEvents, type AuditEvent, type AuditEntry } from './timeline.ts';
