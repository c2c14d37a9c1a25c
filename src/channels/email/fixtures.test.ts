/**
 * The shared public fixtures (mikel/mail, postal-mime, mailparser), read in place from /work/shared.
 * Skipped with a message when the directory is absent (e.g. a checkout without the shared fixtures).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { emailToInbound } from './to-inbound.ts';
import { parseEmail, type ParsedEmail } from './parse.ts';

const dir = path.resolve(import.meta.dirname, '../../../../shared/fixtures/email');
const present = existsSync(dir);
if (!present) console.warn(`e-mail fixtures not found at ${dir}: fixture tests skipped`);

function listFiles(d: string): string[] {
  return readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(d, e.name)) : e.isFile() ? [path.join(d, e.name)] : []))
    .filter((f) => !/(?:^|\/)(?:LICENSE[^/]*|MIT-LICENSE|README[^/]*|\.gitattributes)$/i.test(f))
    .sort();
}

const files = present ? listFiles(dir) : [];
/** Not an e-mail: an empty expected-output file of the mail gem's test suite. */
const EMPTY = 'mikel-mail-fixtures/sample_output_multipart';

async function fixture(rel: string): Promise<ParsedEmail> {
  return parseEmail(readFileSync(path.join(dir, rel)));
}

describe.skipIf(!present)('shared e-mail fixtures', () => {
  it('finds the fixture set (guards against a silently empty glob)', () => {
    expect(files.length).toBeGreaterThanOrEqual(110);
  });

  it.each(files.map((f) => path.relative(dir, f)).filter((f) => f !== EMPTY))('parses %s', async (rel) => {
    const parsed = await fixture(rel);
    expect(parsed.messageId).toMatch(/\S+/);
    expect(parsed.messageId).not.toMatch(/[<>\s]/);
    expect(['customer', 'bounce', 'delivery_report', 'auto_reply', 'feedback_report']).toContain(parsed.kind);
    expect(parsed.kindReason.length).toBeGreaterThan(0);
    expect(parsed.html ?? '').not.toMatch(/<script|\son[a-z]+\s*=|javascript:/i);
    // mailparser answers "now" for an unparseable Date header; we must not.
    if (parsed.date !== null) expect(Math.abs(parsed.date.getTime() - Date.now())).toBeGreaterThan(60_000);
  });

  it(`refuses the 0-byte ${EMPTY} with ChannelInputError (it is not an e-mail)`, async () => {
    expect(statSync(path.join(dir, EMPTY)).size).toBe(0);
    await expect(fixture(EMPTY)).rejects.toBeInstanceOf(ChannelInputError);
  });

  describe('charsets decode to the right script', () => {
    const cases: { file: string; subject?: string | RegExp; text: string | RegExp }[] = [
      { file: 'mikel-mail-fixtures/multi_charset/japanese_iso_2022.eml', subject: 'まみむめも', text: 'すみません。' },
      { file: 'mikel-mail-fixtures/multi_charset/japanese_shift_jis.eml', text: 'このメールはテスト用のメールです。' },
      { file: 'mikel-mail-fixtures/multi_charset/japanese.eml', subject: 'まみむめも', text: 'かきくえこ' },
      { file: 'mikel-mail-fixtures/rfc2822/example14.eml', subject: 'Re: TEST テストテスト', text: 'Hello' },
      { file: 'mikel-mail-fixtures/multi_charset/ks_c_5601-1987.eml', text: '스티해' },
      { file: 'mikel-mail-fixtures/plain_emails/raw_email.eml', subject: 'NOTE: 한국말로 하는 것', text: '우리는 하나님을 믿습니다.' },
      { file: 'mikel-mail-fixtures/plain_emails/raw_email_with_partially_quoted_subject.eml', subject: 'Re: Test: "漢字" mid "漢字" tail', text: /\p{Script=Hangul}/u },
      // Big5: the only Big5 fixture is spam whose bytes were mangled before it was saved; we can only
      // check that the Big5 decoder ran (Han characters come out), not the words.
      { file: 'mikel-mail-fixtures/error_emails/content_transfer_encoding_empty.eml', text: /\p{Script=Han}/u },
      { file: 'mikel-mail-fixtures/rfc6532/utf8_headers.eml', subject: 'Säying Hello', text: 'body' },
    ];
    it.each(cases)('$file', async ({ file, subject, text }) => {
      const parsed = await fixture(file);
      if (typeof subject === 'string') expect(parsed.subject).toBe(subject);
      if (typeof text === 'string') expect(parsed.fullText).toContain(text);
      else expect(parsed.fullText).toMatch(text);
    });

    it('decodes the RFC 6532 UTF-8 From address', async () => {
      expect((await fixture('mikel-mail-fixtures/rfc6532/utf8_headers.eml')).from?.address).toBe('jdöe@mächine.example');
    });
  });

  describe('attachment names (RFC 2231 / RFC 2047) decode', () => {
    const cases: { file: string; names: string[] }[] = [
      { file: 'mikel-mail-fixtures/attachment_emails/attachment_with_base64_encoded_name.eml', names: ['This is a test.pdf'] },
      // RFC 2231 with charset iso-2022-jp; byte 0x8A is not valid ISO-2022-JP and comes out as "j".
      { file: 'mikel-mail-fixtures/attachment_emails/attachment_with_encoded_name.eml', names: ['01 Quien Te Dijjat. Pitbull.mp3'] },
      { file: 'mikel-mail-fixtures/attachment_emails/attachment_with_quoted_filename.eml', names: ['Eelanalüüsi päring.jpg'] },
      { file: 'mikel-mail-fixtures/attachment_emails/attachment_nonascii_filename.eml', names: ['ciële.txt'] },
      { file: 'mikel-mail-fixtures/multi_charset/japanese_attachment.eml', names: ['てすと.txt'] },
      { file: 'mikel-mail-fixtures/multi_charset/japanese_attachment_long_name.eml', names: ['かきくけこかきくけこかきくけこかきくけこかきくけこ.txt'] },
      { file: 'mailparser-fixtures/nodemailer.eml', names: ['image.png', 'nyan cat ✔.gif', 'notes.txt'] },
      { file: 'postal-mime-fixtures/mimetorture.eml', names: ['foo.gz', 'blah.gz', 'blah1.gz', 'htmlfile.html', 'smiley-3.png', 'dot.gif', 'signature.asc'] },
    ];
    it.each(cases)('$file', async ({ file, names }) => {
      const parsed = await fixture(file);
      const got = parsed.attachments.map((a) => a.filename);
      for (const n of names) expect(got).toContain(n);
    });

    it('keeps the decoded bytes and Content-IDs', async () => {
      const parsed = await fixture('mailparser-fixtures/nodemailer.eml');
      const gif = parsed.attachments.find((a) => a.filename === 'nyan cat ✔.gif');
      expect(gif?.contentType).toBe('image/gif');
      expect(gif?.size).toBe(gif?.bytes.byteLength);
      expect(Buffer.from(gif?.bytes ?? []).subarray(0, 6).toString('latin1')).toBe('GIF89a');
      expect(gif?.contentId).toBe('nyan@example.com');
    });
  });

  describe('reports and bounces are not customer mail', () => {
    const cases: { file: string; kind: ParsedEmail['kind']; failed?: string[]; status?: string; original?: string }[] = [
      { file: 'mailparser-fixtures/delivery-status.eml', kind: 'bounce', failed: ['xxxx@xxxx.com'], status: '5.1.1', original: 'xxxxx@email.amazonses.com' },
      { file: 'postal-mime-fixtures/bounce.eml', kind: 'bounce', failed: ['htfgvhyufthdgcvhgjyfthgc@ethereal.email'], status: '5.0.0', original: 'e85f1c9b-9b51-4028-8ec0-0a657155028e@app.fastmail.com' },
      {
        file: 'mikel-mail-fixtures/multipart_report_emails/multi_address_bounce1.eml',
        kind: 'bounce',
        failed: ['bbbbvhvbbvkjbhfbvbvjhb@gmail.com', 'bscdbcjhasbcjhbdscbhbsdhcbj@gmail.com', 'egyfefsdvsfvvhjsd@gmail.com', 'kfhejkfbsjkjsbhds@gmail.com', 'qfvhgsvhgsduiohncdhcvhsdfvsfygusd@gmail.com'],
        status: '5.1.1',
        original: '118707422.15521266992174819.JavaMail.root@lvmail01',
      },
      { file: 'mikel-mail-fixtures/multipart_report_emails/multi_address_bounce2.eml', kind: 'bounce', status: '5.1.1' },
      { file: 'mikel-mail-fixtures/multipart_report_emails/multipart_report_multiple_status.eml', kind: 'bounce', failed: ['u@ci.com'], status: '5.3.0', original: '4c2a146147ac8_61ff157c4ec1652df@s.h.c.mail' },
      { file: 'mikel-mail-fixtures/multipart_report_emails/report_530.eml', kind: 'bounce', failed: ['edwin@zzzzzzz.com'], status: '5.3.0', original: '200712232303.lBNN3jDq002941@mail12.rrrr.com.au' },
      // "Action: delayed" — a warning, not a failure.
      { file: 'mikel-mail-fixtures/multipart_report_emails/report_422.eml', kind: 'delivery_report', failed: [], status: '4.2.2', original: '15655788.13.1200472642578.JavaMail.Administrator@mail.ttttt.com.au' },
      { file: 'mikel-mail-fixtures/mime_emails/raw_email_with_mimepart_without_content_type.eml', kind: 'delivery_report', failed: [], status: '4.5.0', original: '89d7557c0610181510r6fa5ebd8n66a7deec71ade118@mail.gmail.com' },
      { file: 'postal-mime-fixtures/arf.eml', kind: 'feedback_report', failed: [], status: 'abuse', original: '8787KJKJ3K4J3K4J3K4J3.mail@example.net' },
    ];
    it.each(cases)('$file → $kind', async ({ file, kind, failed, status, original }) => {
      const parsed = await fixture(file);
      expect(parsed.kind).toBe(kind);
      expect(parsed.kindReason).toMatch(/multipart\/report/);
      expect(parsed.bounce).not.toBeNull();
      if (failed) expect(parsed.bounce?.failedRecipients).toEqual(failed);
      if (status) expect(parsed.bounce?.status).toBe(status);
      if (original) expect(parsed.bounce?.originalMessageId).toBe(original);
      expect(emailToInbound(parsed, { channelAccountId: 'acc' })).toBeNull();
    });

    it('a bounce names the delivery-status part when it decided', async () => {
      const parsed = await fixture('postal-mime-fixtures/bounce.eml');
      expect(parsed.kindReason).toBe('Content-Type: multipart/report; report-type=delivery-status (a recipient has Action: failed)');
    });
  });

  describe('ordinary mail stays customer', () => {
    it.each([
      'mikel-mail-fixtures/plain_emails/basic_email.eml',
      'mikel-mail-fixtures/plain_emails/raw_email_reply.eml',
      'mailparser-fixtures/nodemailer.eml',
      'postal-mime-fixtures/calendar-event.eml',
      'mikel-mail-fixtures/attachment_emails/attachment_pdf.eml',
    ])('%s', async (file) => {
      const parsed = await fixture(file);
      expect(parsed.kind).toBe('customer');
      expect(parsed.bounce).toBeNull();
      expect(parsed.amazon).toBeNull();
      expect(emailToInbound(parsed, { channelAccountId: null })?.channel).toBe('email');
    });

    it('basic_email.eml maps its fields', async () => {
      const parsed = await fixture('mikel-mail-fixtures/plain_emails/basic_email.eml');
      expect(parsed.subject).toBe('Testing 123');
      expect(parsed.from?.address).toBe('test@lindsaar.net');
      expect(parsed.text).toBe('Plain email.\n\nHope it works well!\n\nMikel');
      expect(parsed.date?.toISOString()).toBe('2008-11-22T04:04:59.000Z');
    });
  });

  describe('awkward headers', () => {
    it('treats an unparseable Date as null (mailparser would say "now")', async () => {
      for (const file of ['mikel-mail-fixtures/plain_emails/raw_email_with_bad_date.eml', 'mikel-mail-fixtures/error_emails/bad_date_header2.eml']) {
        expect((await fixture(file)).date).toBeNull();
      }
    });

    it('drops the invalid id of a broken References header', async () => {
      const parsed = await fixture('mikel-mail-fixtures/error_emails/multiple_references_with_one_invalid.eml');
      expect(parsed.references).toEqual(['foo@bar.net', 'baz@bar.net']);
    });

    it('reads an obsolete-syntax Message-ID with comments and spaces', async () => {
      expect((await fixture('mikel-mail-fixtures/rfc2822/example13.eml')).messageId).toBe('1234@local.machine.example');
    });

    it('synthesises a stable Message-ID when the header is missing', async () => {
      const a = await fixture('mikel-mail-fixtures/multi_charset/japanese.eml');
      const b = await fixture('mikel-mail-fixtures/multi_charset/japanese.eml');
      expect(a.messageIdSynthesised).toBe(true);
      expect(a.messageId).toMatch(/^sha256-[0-9a-f]{64}@claimdesk\.invalid$/);
      expect(b.messageId).toBe(a.messageId);
    });

    it('derives text from HTML-only mail and sanitises the HTML', async () => {
      const parsed = await fixture('mikel-mail-fixtures/error_emails/content_transfer_encoding_with_8bits.eml');
      expect(parsed.fullText.length).toBeGreaterThan(100);
      expect(parsed.html).not.toBeNull();
      expect(parsed.remoteImages).toBeGreaterThan(0);
      expect(parsed.html).not.toMatch(/<img[^>]*\ssrc="https?:/i);
    });
  });
});
