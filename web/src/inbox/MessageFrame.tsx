import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { messageSrcdoc } from './emailHtml.ts';

const MIN_HEIGHT = 40;
const MAX_HEIGHT = 640;

/**
 * A message's (server-sanitised) HTML in an iframe.
 *
 * Why `sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"` and not `sandbox=""`:
 * - No `allow-scripts`: nothing in the frame can run — no <script>, no on* handlers, no javascript: URLs — and the
 *   srcdoc adds its own CSP with `script-src 'none'` (the server has already removed scripts and handlers as well).
 *   `allow-same-origin` is only dangerous together with `allow-scripts` (a script could then lift its own sandbox);
 *   without scripts the frame's content is inert markup.
 * - Same origin lets this component measure the rendered height (the frame grows with its content up to MAX_HEIGHT,
 *   then scrolls) and lets inline `cid:` images, which the server serves from /api/attachments with the session
 *   cookie, load; an opaque-origin frame would get neither.
 * - No `allow-forms`, no `allow-top-navigation`: the mail cannot submit anything or navigate the desk. Links open in a
 *   new tab (`allow-popups`, `<base target="_blank">`, rel=noopener from the server), outside the sandbox.
 * Remote images stay unloaded (no `src`, and the frame CSP allows only same-origin and data: images) until the agent
 * presses "Show remote images".
 */
export function MessageFrame({ html, remoteImages, title, lang }: { html: string; remoteImages: boolean; title: string; lang: string | null }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(MIN_HEIGHT * 3);
  const srcDoc = useMemo(() => messageSrcdoc(html, { remoteImages, lang: lang ?? undefined }), [html, remoteImages, lang]);

  const measure = useCallback(() => {
    const doc = ref.current?.contentDocument;
    if (!doc?.documentElement) return;
    // The content's own height (documentElement.scrollHeight would never be less than the frame's current height).
    const content = Math.max(doc.documentElement.offsetHeight, doc.body?.scrollHeight ?? 0) + 2;
    setHeight(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(content))));
  }, []);

  // Images that finish loading later, and a narrower or wider pane, change the height.
  const onLoad = useCallback(() => {
    measure();
    ref.current?.contentDocument?.addEventListener('load', measure, true);
  }, [measure]);
  useEffect(() => {
    const frame = ref.current;
    if (!frame || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [measure]);

  return (
    <iframe ref={ref} className="message-frame" title={title} srcDoc={srcDoc} onLoad={onLoad} style={{ height }}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerPolicy="no-referrer"
      data-testid="message-html" data-remote-images={remoteImages ? 'shown' : 'blocked'} />
  );
}
