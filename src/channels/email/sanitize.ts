/**
 * HTML sanitising for e-mail bodies shown to agents (sanitize-html with an allow-list).
 *
 * Kept: ordinary formatting, lists, tables, links, images, a small set of inline CSS properties.
 * Dropped: script/style/link/meta/base/iframe/object/embed/svg/math/forms, every event handler, `class`/`id`,
 * relative and non-web URLs (`javascript:`, `vbscript:`, `data:` links, …), CSS functions other than
 * rgb()/hsl() (so no `url()`, no `expression()`).
 * Links always get `target="_blank"` and `rel="noopener noreferrer nofollow"`.
 * Images never load anything by themselves:
 * - `http(s)://` (and protocol-relative `//`) sources become `data-remote-src` without `src`; the UI loads them
 *   only when the agent asks, and `remoteImages` says how many there are;
 * - `cid:` sources become the URL from `cidMap` (keyed by Content-ID without angle brackets), else the image
 *   is dropped;
 * - `data:` sources are kept only for base64 image/png, image/jpeg, image/gif and image/webp;
 * - anything else drops the image.
 */
import sanitizeHtml from 'sanitize-html';

export interface SanitizeOptions {
  /** Content-ID (without angle brackets) → URL the UI can load the inline part from. */
  readonly cidMap?: ReadonlyMap<string, string>;
}

export interface SanitizedHtml {
  readonly html: string;
  /** How many remote images were neutralised (rewritten to `data-remote-src`). */
  readonly remoteImages: number;
}

const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center',
  'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

/** Disallowed tags whose text content is dropped too (not only the tag). */
const NON_TEXT_TAGS = [
  'script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'frame', 'frameset', 'noframes',
  'noembed', 'object', 'embed', 'applet', 'svg', 'math', 'template', 'xmp', 'select', 'button',
];

const CELL_ATTRS = ['align', 'valign', 'width', 'height', 'bgcolor', 'colspan', 'rowspan', 'nowrap'];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['style', 'dir', 'lang', 'title', 'align'],
  a: ['href', 'name', 'target', 'rel'],
  img: ['src', 'alt', 'width', 'height', 'data-remote-src', 'border'],
  font: ['color', 'face', 'size'],
  table: ['border', 'cellpadding', 'cellspacing', 'width', 'height', 'bgcolor', 'summary'],
  td: CELL_ATTRS,
  th: [...CELL_ATTRS, 'scope'],
  tr: ['valign', 'bgcolor', 'height'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  ol: ['start', 'type', 'reversed'],
  ul: ['type'],
  li: ['value'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
};

/** A CSS value made only of words, numbers, units, colours, quotes, commas and rgb()/hsl() calls. */
const SAFE_CSS_VALUE = /^(?:[-\w\s#%.,'"!/+]|(?:rgba?|hsla?)\(\s*[-\d\s.,%/]+\))+$/i;
const CSS_PROPERTIES = [
  'color', 'background-color', 'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant',
  'text-align', 'text-decoration', 'text-indent', 'text-transform', 'line-height', 'letter-spacing',
  'word-spacing', 'white-space', 'word-break', 'word-wrap', 'overflow-wrap', 'vertical-align', 'direction',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color', 'border-style',
  'border-width', 'border-radius', 'border-collapse', 'border-spacing',
  'width', 'height', 'max-width', 'min-width', 'max-height', 'min-height', 'list-style-type', 'table-layout',
];
const ALLOWED_STYLES: Record<string, Record<string, RegExp[]>> = {
  '*': Object.fromEntries(CSS_PROPERTIES.map((p) => [p, [SAFE_CSS_VALUE]])),
};

const LINK_SCHEMES = /^(?:https?:|mailto:|tel:)/i;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

/** Removes the characters browsers ignore inside URLs (so "java\tscript:" is seen as "javascript:"). */
function compactUrl(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200d\ufeff]+/g, '');
}

/** An absolute http(s) URL, normalised, or null. Protocol-relative URLs are read as https. */
function webUrl(raw: string): string | null {
  let value = compactUrl(raw);
  if (value.startsWith('//')) value = `https:${value}`;
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function cidKey(src: string): string {
  const raw = src.slice(4).replace(/^<|>$/g, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function sanitizeEmailHtml(html: string, opts: SanitizeOptions = {}): SanitizedHtml {
  let remoteImages = 0;
  const cidMap = opts.cidMap;

  const out = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedStyles: ALLOWED_STYLES,
    allowedClasses: {},
    nonTextTags: NON_TEXT_TAGS,
    disallowedTagsMode: 'discard',
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    enforceHtmlBoundary: false,
    transformTags: {
      a: (tagName, attribs) => {
        const next: sanitizeHtml.Attributes = { ...attribs };
        const href = attribs.href === undefined ? null : compactUrl(attribs.href);
        if (href === null || !LINK_SCHEMES.test(href)) delete next.href;
        next.target = '_blank';
        next.rel = 'noopener noreferrer nofollow';
        return { tagName, attribs: next };
      },
      img: (tagName, attribs) => {
        const next: sanitizeHtml.Attributes = { ...attribs };
        delete next.src;
        delete next['data-remote-src'];
        const src = attribs.src === undefined ? '' : compactUrl(attribs.src);
        if (/^cid:/i.test(src)) {
          const mapped = cidMap?.get(cidKey(src));
          const url = mapped === undefined ? null : mapped.startsWith('/') && !mapped.startsWith('//') ? mapped : webUrl(mapped);
          if (url !== null) next.src = url;
        } else if (/^data:/i.test(src)) {
          if (DATA_IMAGE.test(src)) next.src = src;
        } else {
          const remote = webUrl(src);
          if (remote !== null) {
            next['data-remote-src'] = remote;
            remoteImages++;
          }
        }
        if (next.alt === undefined) next.alt = '';
        return { tagName, attribs: next };
      },
    },
    // An image left with neither a loadable src nor a remote source shows nothing: drop it.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src && !frame.attribs['data-remote-src'],
  });
  return { html: out, remoteImages };
}
