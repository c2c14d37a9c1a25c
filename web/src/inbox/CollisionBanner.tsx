import type { Viewer } from '../api.ts';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props {
  viewers: Viewer[];
  /** Someone wrote on the ticket after it was loaded here. */
  newMessage: boolean;
  onReload: () => void;
}

/** Collision warnings: who else has the ticket open or is replying, and a message that arrived since it was opened. */
export function CollisionBanner({ viewers, newMessage, onReload }: Props) {
  const { t } = useT();
  if (viewers.length === 0 && !newMessage) return null;
  return (
    <div className="collision" role="status" aria-live="polite">
      {newMessage && (
        <div className="collision-line collision-new" data-testid="stale-banner">
          <span>{t('presence.newMessage')}</span>
          <button type="button" className="btn btn-small" onClick={onReload} data-testid="stale-reload">{t('presence.reload')}</button>
        </div>
      )}
      {viewers.map((v) => (
        <div key={v.userId} className={v.composing ? 'collision-line collision-typing' : 'collision-line'} data-testid="presence-banner"
          data-composing={v.composing ? 'true' : 'false'}>
          <span className="presence-dot" aria-hidden="true" />
          <span>{t(v.composing ? 'presence.typing' : 'presence.viewing', { name: v.name })}</span>
        </div>
      ))}
    </div>
  );
}
