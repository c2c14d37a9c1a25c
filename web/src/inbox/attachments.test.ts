import { describe, expect, it } from 'vitest';
import { attachmentHref, fileTypeLabel } from './attachments.ts';

const ORIGIN = 'http://127.0.0.1:3000';
const SHA = 'a'.repeat(64);

describe('attachmentHref', () => {
  it('keeps the server\'s same-origin download path', () => {
    expect(attachmentHref(`/api/attachments/${SHA}`, ORIGIN)).toBe(`/api/attachments/${SHA}`);
    expect(attachmentHref(`${ORIGIN}/api/attachments/${SHA}?x=1`, ORIGIN)).toBe(`/api/attachments/${SHA}?x=1`);
  });

  it('refuses other origins and script URLs', () => {
    expect(attachmentHref('https://evil.example/file.pdf', ORIGIN)).toBeNull();
    expect(attachmentHref('//evil.example/file.pdf', ORIGIN)).toBeNull();
    expect(attachmentHref('javascript:alert(1)', ORIGIN)).toBeNull();
    expect(attachmentHref('data:text/html,hi', ORIGIN)).toBeNull();
  });
});

describe('fileTypeLabel', () => {
  it('prefers the file extension', () => {
    expect(fileTypeLabel('application/pdf', 'invoice.pdf')).toBe('PDF');
    expect(fileTypeLabel('image/jpeg', 'IMG_2041.jpg')).toBe('JPG');
  });

  it('falls back to a short subtype, then to the MIME type', () => {
    expect(fileTypeLabel('image/png', 'photo')).toBe('PNG');
    expect(fileTypeLabel('text/plain; charset=utf-8', 'note')).toBe('text/plain');
    expect(fileTypeLabel('application/vnd.ms-excel', 'report')).toBe('application/vnd.ms-excel');
    expect(fileTypeLabel('', 'blob')).toBe('—');
  });
});
