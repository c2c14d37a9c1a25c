export type { ConversationInput, MessageInput } from './conversation-input.ts';
export { saveConversations, reserveTicketNumbers } from './save-conversations.ts';
export { listTickets } from './list-tickets.ts';
export { getTicketDetail, getTicketTimeline, listNotes } from './ticket-detail.ts';
export { addNote } from './add-note.ts';
export { baselineTriage, type BaselineTriage } from './domain/baseline-triage.ts';
export { deskRoutes } from './http.ts';
export { saveAttachment, linkAttachment, readAttachment, MAX_ATTACHMENT_BYTES } from './attachments.ts';
