import { createHash } from 'node:crypto';
import type { Queryable } from '../platform/db/port.ts';

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * Stores attachment bytes content-addressed (sha256) per workspace: the same file arriving twice — a
 * replayed e-mail, a forwarded invoice — is kept once. Returns the hash to reference it by.
 */
export async function saveAttachment(q: Queryable, workspaceId: string, bytes: Uint8Array, contentType: string, now: Date): Promise<string> {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new RangeError(`attachment of ${bytes.byteLength} bytes exceeds ${MAX_ATTACHMENT_BYTES}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await q.query(
    `INSERT INTO attachments (sha256, workspace_id, size_bytes, content_type, content, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (workspace_id, sha256) DO NOTHING`,
    [sha256, workspaceId, bytes.byteLength, contentType, Buffer.from(bytes), now],
  );
  return sha256;
}

export async function linkAttachment(q: Queryable, a: { workspaceId: string; messageId: string; sha256: string; filename: string; contentId: string | null; position: number }): Promise<void> {
  await q.query(
    `INSERT INTO message_attachments (workspace_id, message_id, sha256, filename, content_id, position) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [a.workspaceId, a.messageId, a.sha256, a.filename, a.contentId, a.position],
  );
}

export interface AttachmentContent {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly filename: string;
}

/** The bytes of an attachment of this workspace, with the file name it was first sent under. */
export async function readAttachment(q: Queryable, workspaceId: string, sha256: string): Promise<AttachmentContent | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const r = await q.query<{ content: Uint8Array; content_type: string; filename: string | null }>(
    `SELECT a.content, a.content_type,
       (SELECT ma.filename FROM message_attachments ma WHERE ma.workspace_id = a.workspace_id AND ma.sha256 = a.sha256 ORDER BY ma.message_id LIMIT 1) AS filename
     FROM attachments a WHERE a.workspace_id = $1 AND a.sha256 = $2`,
    [workspaceId, sha256],
  );
  const row = r.rows[0];
  return row ? { bytes: row.content, contentType: row.content_type, filename: row.filename ?? sha256 } : null;
}

export const attachmentUrl = (sha256: string): string => `/api/attachments/${sha256}`;
