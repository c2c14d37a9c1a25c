/**
 * MIME → ParsedEmail, with mailparser's `simpleParser` doing MIME, transfer encodings, charsets (incl.
 * ISO-2022-JP, Shift_JIS, EUC-KR, Big5, GB2312 via iconv-lite) and RFC 2047/2231 names.
 *
 * Limits (pathological input):
 * - raw message larger than {@link MAX_RAW_BYTES} (64 MiB): rejected with ChannelInputError — a truncated MIME
 *   tree is not a message, and no mail system delivers mail that large;
 * - more than 1000 MIME parts or a header block over 1 MiB: rejected (mailparser's limits);
 * - plain text longer than {@link MAX_TEXT_CHARS} (1 Mi chars): truncated;
 * - HTML longer than {@link MAX_HTML_CHARS} (2 Mi chars): truncated before sanitising, and not converted to text;
 * - more than {@link MAX_ATTACHMENTS} attachments: the rest are dropped;
 * - more than {@link MAX_ADDRESSES} addresses per header and {@link MAX_REFERENCES} References: the rest dropped.
 * Every limit that applied is listed in `warnings`.
 *
 * Input that is not an e-mail at all (empty, or no header field) is refused with ChannelInputError.
 */
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type EmailAddress as MailparserAddress, type HeaderValue, type ParsedMail } from 'mailparser';
import { ChannelInputError } from '../types.ts';
import { recognizeAmazonRelay, type AmazonRelay } from './amazon-relay.ts';
import { classifyEmail, cleanMessageId, type BounceInfo, type EmailKind } from './classify.ts';
import { splitQuoted } from './quote.ts';
import { sanitizeEmailHtml } from './sanitize.ts';

export type { EmailKind, BounceInfo } from './classify.ts';
export type { AmazonRelay } from './amazon-relay.ts';

export const MAX_RAW_BYTES = 64 * 1024 * 1024;
export const MAX_TEXT_CHARS = 1024 * 1024;
export const MAX_HTML_CHARS = 2 * 1024 * 1024;
export const MAX_ATTACHMENTS = 100;
export const MAX_ADDRESSES = 100;
export const MAX_REFERENCES = 100;

export interface EmailAddress {
  /** As written (case kept); compare lower-cased. Empty string never occurs: such entries are dropped. */
  readonly address: string;
  readonly name: string | null;
}

export interface ParsedAttachment {
  /** Decoded file name (RFC 2231 / RFC 2047), or null when the part names none. */
  readonly filename: string | null;
  readonly contentType: string;
  readonly size: number;
  /** Content-ID without angle brackets. */
  readonly contentId: string | null;
  /** An inline part (embedded image referenced from the HTML, or `Content-Disposition: inline`). */
  readonly inline: boolean;
  readonly bytes: Uint8Array;
}

export interface ParsedEmail {
  /** Message-ID without angle brackets; `sha256-<hex of the raw bytes>@claimdesk.invalid` when missing. */
  readonly messageId: string;
  readonly messageIdSynthesised: boolean;
  /** First Message-ID of In-Reply-To, without angle brackets. */
  readonly inReplyTo: string | null;
  /** References as in the header (oldest first), without angle brackets. */
  readonly references: readonly string[];
  readonly from: EmailAddress | null;
  readonly to: readonly EmailAddress[];
  readonly cc: readonly EmailAddress[];
  readonly replyTo: readonly EmailAddress[];
  readonly subject: string;
  /** The Date header, or null when missing or unparseable (never "now"). */
  readonly date: Date | null;
  /** The new part of the plain text (quoted history removed; the full text when nothing else is left). */
  readonly text: string;
  /** The whole plain text (derived from the HTML when the mail has no text part). */
  readonly fullText: string;
  /** The quoted history cut from `fullText`, or null. */
  readonly quotedText: string | null;
  /** Sanitised HTML (see sanitize.ts), or null when the mail has no HTML. */
  readonly html: string | null;
  /** Remote images neutralised in `html`. */
  readonly remoteImages: number;
  readonly attachments: readonly ParsedAttachment[];
  /** Selected headers (lower-case names, first value, unfolded): see HEADERS_KEPT. */
  readonly headers: Readonly<Record<string, string>>;
  readonly kind: EmailKind;
  /** Which header or structure decided `kind`. */
  readonly kindReason: string;
  /** Report details for bounces and delivery/feedback reports; null for other mail. */
  readonly bounce: BounceInfo | null;
  readonly amazon: AmazonRelay | null;
  /** Size of the raw message in bytes. */
  readonly size: number;
  /** Limits that applied and conversion problems (empty for ordinary mail). */
  readonly warnings: readonly string[];
}

export interface ParseEmailOptions {
  /**
   * URL for an inline part, so `cid:` images in the HTML keep working (e.g. an attachment download route).
   * Without it `cid:` images are removed from the HTML (the parts stay in `attachments`, `inline: true`).
   */
  readonly cidUrl?: (contentId: string, messageId: string) => string | null;
}

/** Headers copied into `ParsedEmail.headers`. */
export const HEADERS_KEPT = [
  'auto-submitted', 'precedence', 'x-precedence', 'x-autoreply', 'x-autorespond', 'x-autoresponder',
  'x-autogenerated', 'x-auto-response-suppress', 'x-failed-recipients', 'return-path', 'delivered-to',
  'list-id', 'list-unsubscribe', 'content-type', 'x-mailer', 'user-agent', 'mime-version', 'sender',
] as const;

function toBuffer(source: unknown): Buffer {
  if (Buffer.isBuffer(source)) return source;
  if (typeof source === 'string') return Buffer.from(source, 'utf8');
  if (source instanceof Uint8Array) return Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  throw new ChannelInputError('e-mail source must be a Buffer or a string');
}

/** Raw header values by lower-case name (unfolded, without the name), in order of appearance. */
function rawHeaders(mail: ParsedMail): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of mail.headerLines) {
    if (key === '') continue;
    const colon = line.indexOf(':');
    const value = (colon === -1 ? '' : line.slice(colon + 1)).replace(/\r?\n[ \t]+/g, ' ').trim();
    const list = map.get(key) ?? [];
    list.push(value);
    map.set(key, list);
  }
  return map;
}

/** A decoded header value as text (mailparser decodes encoded words in unstructured headers). */
function headerText(value: HeaderValue | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? null : headerText(value[0] as HeaderValue);
  if (value instanceof Date) return value.toISOString();
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('value' in value && typeof value.value === 'string') {
    const params = 'params' in value ? Object.entries(value.params ?? {}).map(([k, v]) => `; ${k}=${v}`).join('') : '';
    return `${value.value}${params}`;
  }
  return null;
}

function addresses(value: AddressObject | AddressObject[] | undefined, warnings: string[], header: string): EmailAddress[] {
  if (value === undefined) return [];
  const out: EmailAddress[] = [];
  const visit = (entries: readonly MailparserAddress[]): void => {
    for (const e of entries) {
      if (e.group !== undefined) visit(e.group);
      else if (e.address !== undefined && e.address.trim() !== '') out.push({ address: e.address.trim(), name: e.name.trim() === '' ? null : e.name.trim() });
    }
  };
  for (const obj of Array.isArray(value) ? value : [value]) visit(obj.value);
  if (out.length > MAX_ADDRESSES) {
    warnings.push(`${header}: ${out.length} addresses, kept ${MAX_ADDRESSES}`);
    return out.slice(0, MAX_ADDRESSES);
  }
  return out;
}

function messageIds(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const ids: string[] = [];
  for (const v of Array.isArray(value) ? value : [value]) {
    const bracketed = [...v.matchAll(/<\s*([^<>\s]+)\s*>/g)].map((m) => m[1] ?? '');
    if (bracketed.length > 0) ids.push(...bracketed);
    else ids.push(...v.split(/[\s,]+/).map((s) => s.replace(/^<|>$/g, '')));
  }
  return [...new Set(ids.filter((id) => id !== '' && id.includes('@')))];
}

function parseDate(raw: string | undefined): Date | null {
  if (raw === undefined || raw.trim() === '') return null;
  const d = new Date(raw.replace(/\s+\([^)]*\)\s*$/, ''));
  if (!Number.isNaN(d.getTime())) return d;
  const d2 = new Date(raw);
  return Number.isNaN(d2.getTime()) ? null : d2;
}

function truncate(text: string, max: number, what: string, warnings: string[]): string {
  if (text.length <= max) return text;
  warnings.push(`${what} truncated from ${text.length} to ${max} characters`);
  return text.slice(0, max);
}

export async function parseEmail(source: Buffer | string, options: ParseEmailOptions = {}): Promise<ParsedEmail> {
  const raw = toBuffer(source);
  if (raw.byteLength > MAX_RAW_BYTES) {
    throw new ChannelInputError(`e-mail is ${raw.byteLength} bytes, more than the ${MAX_RAW_BYTES}-byte limit`);
  }
  if (raw.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) === -1) {
    throw new ChannelInputError('e-mail is empty');
  }

  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, {
      keepDeliveryStatus: true,
      keepCidLinks: true,
      maxHtmlLengthToParse: MAX_HTML_CHARS,
      checksumAlgo: false,
      skipTextLinks: true,
    });
  } catch (err) {
    throw new ChannelInputError(`unparseable e-mail: ${err instanceof Error ? err.message : String(err)}`);
  }
  const headers = rawHeaders(mail);
  if (headers.size === 0) {
    throw new ChannelInputError('not an e-mail: no header field found');
  }

  const warnings: string[] = [];
  if (mail.textConversionError) warnings.push(`HTML not converted to text: ${mail.textConversionError.message}`);

  const messageIdRaw = cleanMessageId(mail.messageId ?? headers.get('message-id')?.[0]);
  const messageId = messageIdRaw ?? `sha256-${createHash('sha256').update(raw).digest('hex')}@claimdesk.invalid`;

  let references = messageIds(mail.references);
  if (references.length > MAX_REFERENCES) {
    warnings.push(`References: ${references.length} ids, kept the newest ${MAX_REFERENCES}`);
    references = references.slice(-MAX_REFERENCES);
  }
  const fromList = addresses(mail.from, warnings, 'From');
  const from = fromList[0] ?? null;
  const to = addresses(mail.to, warnings, 'To');
  const cc = addresses(mail.cc, warnings, 'Cc');
  const replyTo = addresses(mail.replyTo, warnings, 'Reply-To');
  const subject = (mail.subject ?? '').replace(/\s+/g, ' ').trim();

  const fullText = truncate((mail.text ?? '').replace(/\r\n?/g, '\n'), MAX_TEXT_CHARS, 'text', warnings).trim();

  // Attachments (report parts included: classification reads them).
  const allParts = mail.attachments;
  if (allParts.length > MAX_ATTACHMENTS) warnings.push(`${allParts.length} attachments, kept ${MAX_ATTACHMENTS}`);
  const attachments: ParsedAttachment[] = allParts.slice(0, MAX_ATTACHMENTS).map((a) => ({
    filename: a.filename === undefined || a.filename.trim() === '' ? null : a.filename,
    contentType: a.contentType.toLowerCase(),
    size: a.size,
    contentId: a.cid ?? cleanMessageId(a.contentId) ?? null,
    inline: a.related === true || a.contentDisposition?.toLowerCase() === 'inline',
    bytes: new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength),
  }));

  let html: string | null = null;
  let remoteImages = 0;
  if (typeof mail.html === 'string' && mail.html.trim() !== '') {
    const cidMap = new Map<string, string>();
    if (options.cidUrl) {
      for (const a of attachments) {
        if (a.contentId === null) continue;
        const url = options.cidUrl(a.contentId, messageId);
        if (url !== null) cidMap.set(a.contentId, url);
      }
    }
    const sanitized = sanitizeEmailHtml(truncate(mail.html, MAX_HTML_CHARS, 'HTML', warnings), { cidMap });
    html = sanitized.html.trim() === '' ? null : sanitized.html;
    remoteImages = sanitized.remoteImages;
  }

  const { reply, quoted } = splitQuoted(fullText);
  const text = reply === '' ? fullText : reply;

  const headerMap: Record<string, string> = {};
  for (const name of HEADERS_KEPT) {
    const parsed = headerText(mail.headers.get(name));
    const value = parsed ?? headers.get(name)?.[0] ?? null;
    if (value !== null) headerMap[name] = value.slice(0, 2000);
  }

  const amazon = recognizeAmazonRelay({ from, replyTo, subject, text: fullText });

  const ct = mail.headers.get('content-type');
  const contentType =
    ct !== undefined && typeof ct === 'object' && !Array.isArray(ct) && 'params' in ct && typeof ct.value === 'string'
      ? { value: ct.value.toLowerCase(), params: Object.fromEntries(Object.entries(ct.params).map(([k, v]) => [k.toLowerCase(), v])) }
      : null;
  const classification = classifyEmail({
    header: (name) => headers.get(name.toLowerCase())?.[0] ?? null,
    contentType,
    parts: attachments,
    fromAddress: from?.address ?? null,
    subject,
    text: fullText,
    amazon,
  });

  return {
    messageId,
    messageIdSynthesised: messageIdRaw === null,
    inReplyTo: messageIds(mail.inReplyTo)[0] ?? null,
    references,
    from,
    to,
    cc,
    replyTo,
    subject,
    date: parseDate(headers.get('date')?.[0]),
    text,
    fullText,
    quotedText: quoted,
    html,
    remoteImages,
    attachments,
    headers: headerMap,
    kind: classification.kind,
    kindReason: classification.kindReason,
    bounce: classification.bounce,
    amazon,
    size: raw.byteLength,
    warnings,
  };
}
