/**
 * Quoted-history removal for plain-text e-mail bodies.
 *
 * `splitQuoted` cuts the text at the first line that starts a quoted history (an attribution line such as
 * "On … wrote:", an Outlook "-----Original Message-----" separator or "From: … Sent: …" header block), then
 * drops any remaining lines that start with `>` (interleaved quotes). What is left is the part the sender
 * wrote now; the rest is returned as `quoted` so nothing is lost.
 *
 * Forwarded messages ("---------- Forwarded message ---------", "Begin forwarded message:") are deliberately
 * NOT treated as quotes, nor is their header block: a forward is content the customer wants us to read.
 */

/** Attribution lines that introduce a quote ("On Mon, 1 Jan 2024, Jane <j@x> wrote:"), one per language. */
const ATTRIBUTION: readonly RegExp[] = [
  /^on\b.{0,300}\bwrote:\s*$/i, // English (Gmail, Apple Mail, Thunderbird)
  /^am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i, // German
  /^le\b.{0,300}\ba [ée]crit\s*:\s*$/i, // French
  /^il giorno\b.{0,300}\bha scritto:\s*$/i, // Italian (Gmail)
  /^il\b.{0,300}\bha scritto:\s*$/i, // Italian (Thunderbird "Il 01/01/2024 10:00, X ha scritto:")
  /^el\b.{0,300}\bescribi[óo]:\s*$/i, // Spanish
  /^em\b.{0,300}\bescreveu:\s*$/i, // Portuguese
  /^op\b.{0,300}\bschreef\b.{0,200}:\s*$/i, // Dutch
  /^.{0,300}(?:<[^>\s]+@[^>\s]+>|\d{4}[/年-]\d{1,2}).{0,200}\bwrote:\s*$/i, // "2024/01/15 10:00, Taro <t@x> wrote:" (Japanese Thunderbird and others)
  /^.{1,300}(?:さんは書きました|が書きました)[:：]\s*$/, // Japanese Thunderbird / Becky!: "…に 山田 さんは書きました:
  /^\d{4}年\d{1,2}月\d{1,2}日.{0,200}[:：]\s*$/, // Japanese Gmail: "2024年1月15日(月) 10:00 山田 <y@x>:"
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b.{0,200}<[^>\s]+@[^>\s]+>:?\s*$/, // "2024-01-15 10:00 GMT+01:00 Jane <j@x>:"
];

/** Separator lines of Outlook and other clients ("-----Original Message-----" and translations). */
const SEPARATOR =
  /^\s*[-_=]{2,}\s*(?:original message|original-nachricht|urspr[üu]ngliche nachricht|message d'origine|message original|messaggio originale|messaggio originario|mensaje original|mensagem original|oorspronkelijk bericht|元のメッセージ|原始邮件|原始郵件)\s*[-_=]{2,}\s*$/i;

/** Outlook's header block: a "From:" line followed closely by a "Sent:"/"Date:" line. */
const HEADER_FROM = /^\s*\*?(?:from|von|de|da|van|差出人|发件人|寄件者)\s*\*?\s*[:：]/i;
const HEADER_NEXT = /^\s*\*?(?:sent|date|to|subject|gesendet|datum|an|betreff|envoy[ée]|date|[àa]|objet|inviato|data|oggetto|a|enviado|fecha|para|asunto|verzonden|aan|onderwerp|送信日時|宛先|件名|发送时间|收件人|主题)\s*\*?\s*[:：]/i;
/** Forwards keep their header block: it is content, not history. */
const FORWARD =
  /^\s*(?:[-_=]{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|messaggio inoltrato|mensaje reenviado|mensagem encaminhada|doorgestuurd bericht|転送されたメッセージ)|begin forwarded message:|anfang der weitergeleiteten nachricht:|d[ée]but du message r[ée]exp[ée]di[ée]\s*:)/i;
/** Outlook Web inserts a line of underscores above the header block. */
const UNDERSCORES = /^\s*_{10,}\s*$/;

export interface QuoteSplit {
  /** What the sender wrote now (trimmed). */
  readonly reply: string;
  /** The quoted history that was removed (trimmed), or null when nothing was quoted. */
  readonly quoted: string | null;
}

function isAttribution(line: string): boolean {
  const l = line.trim();
  if (l.length === 0 || l.length > 400) return false;
  return ATTRIBUTION.some((re) => re.test(l));
}

function isHeaderBlock(lines: readonly string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i] ?? '')) return false;
  for (let j = i + 1; j <= i + 4 && j < lines.length; j++) {
    if (HEADER_NEXT.test(lines[j] ?? '')) return true;
  }
  return false;
}

/** Index of the first line of the quoted history, or -1. */
function findCut(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FORWARD.test(line)) {
      // Skip the forwarded message's own header block.
      while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== '') i++;
      continue;
    }
    if (SEPARATOR.test(line)) return i;
    if (UNDERSCORES.test(line) && isHeaderBlock(lines, i + 1)) return i;
    if (isHeaderBlock(lines, i)) return i;
    if (isAttribution(line)) return i;
    // Attribution lines are often wrapped: "On Mon, 1 Jan 2024 at 10:00, Jane Doe <\njane@x.com> wrote:".
    const next = lines[i + 1];
    if (next !== undefined && line.trim() !== '' && !line.trimStart().startsWith('>') && isAttribution(`${line.trim()} ${next.trim()}`)) {
      // Only when the joined line really ends the attribution (the next line alone is not one).
      if (/^(?:on|am|le|il|el|em|op)\b/i.test(line.trim()) || /^\d{4}/.test(line.trim())) return i;
    }
  }
  return -1;
}

/** Splits a plain-text body into the new part and the quoted history. */
export function splitQuoted(text: string): QuoteSplit {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = findCut(lines);
  const head = cut === -1 ? lines : lines.slice(0, cut);
  const tail = cut === -1 ? [] : lines.slice(cut);
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const line of head) {
    if (/^\s*>/.test(line)) dropped.push(line);
    else kept.push(line);
  }
  const reply = kept.join('\n').trim();
  const quotedParts = [...dropped, ...tail].join('\n').trim();
  return { reply, quoted: quotedParts === '' ? null : quotedParts };
}

/** The new part of a plain-text body (quoted history removed). Empty when the body is only a quote. */
export function stripQuotedText(text: string): string {
  return splitQuoted(text).reply;
}
