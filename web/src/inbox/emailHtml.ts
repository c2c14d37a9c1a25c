/**
 * E-mail HTML for the sandboxed message frame (pure, so it is unit-tested without a browser).
 *
 * The server sanitises every HTML body at ingestion (no scripts, no event handlers, no forms, no CSS url()) and
 * rewrites remote images to `<img data-remote-src="https://…">` without `src`, so opening a message never tells
 * the sender that it was read. The UI puts `src` back only when the agent asks ("Show remote images").
 */

const IMG_TAG = /<img\b[^>]*>/gi;
const REMOTE_ATTR = /\sdata-remote-src="(https?:\/\/[^"]*)"/i;

/** How many images in the HTML load from another server once shown. */
export function remoteImageCount(html: string): number {
  let n = 0;
  for (const tag of html.match(IMG_TAG) ?? []) if (REMOTE_ATTR.test(tag)) n += 1;
  return n;
}

/** The HTML with each remote image's `data-remote-src` turned into `src` (only http(s) addresses). */
export function withRemoteImages(html: string): string {
  return html.replace(IMG_TAG, (tag) => (/\ssrc=/i.test(tag) ? tag : tag.replace(REMOTE_ATTR, ' src="$1"')));
}

const FRAME_STYLE = [
  'html,body{margin:0;padding:0;background:#fff}',
  'body{font:13px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1d2939;overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  'table{max-width:100%}',
  'blockquote{margin:6px 0 6px 4px;padding-left:10px;border-left:3px solid #d0d5dd;color:#475467}',
  'a{color:#2f5bea}',
  'img:not([src]){display:inline-block;min-width:16px;min-height:16px;background:#f2f4f7;border:1px dashed #d0d5dd}',
].join('');

/**
 * The `srcdoc` of a message frame: its own restrictive Content-Security-Policy (no scripts at all, nothing loaded
 * except same-origin and data: images — plus http(s) images once the agent asked for them), links opening in a new
 * tab, and a small stylesheet. The page's own CSP applies on top (a srcdoc document inherits it).
 */
export function messageSrcdoc(html: string, opts: { remoteImages: boolean; lang?: string }): string {
  const img = opts.remoteImages ? "'self' data: https: http:" : "'self' data:";
  const csp = `default-src 'none'; script-src 'none'; object-src 'none'; img-src ${img}; style-src 'unsafe-inline'; font-src 'none'; form-action 'none'`;
  const body = opts.remoteImages ? withRemoteImages(html) : html;
  const lang = opts.lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(opts.lang) ? ` lang="${opts.lang}"` : '';
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">`
    + `<meta name="referrer" content="no-referrer"><base target="_blank"><style>${FRAME_STYLE}</style></head><body>${body}</body></html>`;
}
