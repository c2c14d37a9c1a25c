// Supplier invoice documents named by an invoice index file: read from disk (relative to the index), checked
// to be the PDF or image their name says, and stored content-addressed with the desk's attachments.

import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { MAX_ATTACHMENT_BYTES, saveAttachment } from '../../desk/index.ts';
import type { Queryable } from '../../platform/db/port.ts';
import { ValueError } from './values.ts';

const KINDS: Readonly<Record<string, { type: string; magic: (b: Buffer) => boolean }>> = {
  '.pdf': { type: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  '.png': { type: 'image/png', magic: (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) },
  '.jpg': { type: 'image/jpeg', magic: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  '.jpeg': { type: 'image/jpeg', magic: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  '.webp': { type: 'image/webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  '.gif': { type: 'image/gif', magic: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  '.tif': { type: 'image/tiff', magic: (b) => ['II*\u0000', 'MM\u0000*'].includes(b.subarray(0, 4).toString('latin1')) },
  '.tiff': { type: 'image/tiff', magic: (b) => ['II*\u0000', 'MM\u0000*'].includes(b.subarray(0, 4).toString('latin1')) },
};

export interface StoredDocument {
  readonly sha256: string;
  readonly name: string;
}

/**
 * Stores the document `ref` (a path relative to the index file `indexFile`, or absolute) and returns its hash.
 * Throws ValueError with a reason when it is missing, too large, or not a PDF/image.
 */
export async function storeDocument(q: Queryable, workspaceId: string, indexFile: string, ref: string, now: Date): Promise<StoredDocument> {
  const path = isAbsolute(ref) ? ref : resolve(dirname(indexFile), ref);
  const kind = KINDS[extname(path).toLowerCase()];
  if (!kind) throw new ValueError(`"${ref}" is not an invoice document claimdesk keeps (PDF, PNG, JPEG, WebP, GIF, TIFF)`);
  const s = await stat(path).catch(() => null);
  if (!s?.isFile()) throw new ValueError(`"${ref}": no such file (looked for ${path})`);
  if (s.size > MAX_ATTACHMENT_BYTES) throw new ValueError(`"${ref}" is ${s.size} bytes; documents may be at most ${MAX_ATTACHMENT_BYTES}`);
  const bytes = await readFile(path);
  if (!kind.magic(bytes)) throw new ValueError(`"${ref}" is not a ${kind.type} file, whatever its name says`);
  const sha256 = await saveAttachment(q, workspaceId, bytes, kind.type, now);
  return { sha256, name: basename(path) };
}
