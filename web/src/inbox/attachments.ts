/** Helpers for message attachments (pure, so they are unit-tested without a browser). */

/**
 * The attachment's download URL as a same-origin path, or null when it is not one. The server sends
 * `/api/attachments/{sha256}`; anything pointing elsewhere (or at a javascript: URL) is not rendered as a link.
 */
export function attachmentHref(url: string, origin: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return null;
  }
  if (parsed.origin !== origin || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  return `${parsed.pathname}${parsed.search}`;
}

/** A short type label: the file's extension ("PDF", "JPG"), else a short MIME subtype, else the MIME type itself. */
export function fileTypeLabel(contentType: string, filename: string): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(filename.trim())?.[1];
  if (ext) return ext.toUpperCase();
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const subtype = /^[a-z]+\/([a-z0-9]{1,5})$/.exec(type)?.[1];
  if (subtype && subtype !== 'plain' && subtype !== 'octet') return subtype.toUpperCase();
  return type || '—';
}
