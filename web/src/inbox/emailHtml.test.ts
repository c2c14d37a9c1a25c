import { describe, expect, it } from 'vitest';
import { messageSrcdoc, remoteImageCount, withRemoteImages } from './emailHtml.ts';

const HTML = '<p>Lid cracked</p><img data-remote-src="https://img.example.test/a.png?x=1&amp;y=2" alt="" />'
  + '<img src="/api/attachments/abc" alt="inline" /><img alt="" data-remote-src="http://img.example.test/b.png">'
  + '<p>data-remote-src="https://not.an.image.test/"</p>';

describe('e-mail HTML in the message frame', () => {
  it('counts only images that load from another server', () => {
    expect(remoteImageCount(HTML)).toBe(2);
    expect(remoteImageCount('<p>no images</p><img src="data:image/png;base64,AAAA">')).toBe(0);
  });

  it('turns data-remote-src into src on images only, keeping the escaped URL', () => {
    const out = withRemoteImages(HTML);
    expect(out).toContain('<img src="https://img.example.test/a.png?x=1&amp;y=2" alt="" />');
    expect(out).toContain('<img alt="" src="http://img.example.test/b.png">');
    expect(out).toContain('<img src="/api/attachments/abc" alt="inline" />');
    expect(out).toContain('<p>data-remote-src="https://not.an.image.test/"</p>');
    expect(remoteImageCount(out)).toBe(0);
  });

  it('never swaps in a non-web address', () => {
    const html = '<img data-remote-src="javascript:alert(1)">';
    expect(withRemoteImages(html)).toBe(html);
  });

  it('builds a srcdoc that forbids scripts and blocks remote images until asked', () => {
    const hidden = messageSrcdoc(HTML, { remoteImages: false, lang: 'de' });
    expect(hidden).toContain("script-src 'none'");
    expect(hidden).toContain("img-src 'self' data:;");
    expect(hidden).not.toContain(' src="https://img.example.test');
    expect(hidden).toContain('<html lang="de">');
    const shown = messageSrcdoc(HTML, { remoteImages: true });
    expect(shown).toContain("img-src 'self' data: https: http:;");
    expect(shown).toContain(' src="https://img.example.test/a.png');
    expect(messageSrcdoc('<p>x</p>', { remoteImages: false, lang: '"><script>' })).toContain('<html>');
  });
});
