import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../types.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { LogoutIcon } from '../icons.tsx';
import { useSession } from '../session.tsx';

/** The signed-in user: name, role, language switch and logout, in a popover opening upwards from the sidebar. */
export function UserMenu() {
  const { t, tl } = useT();
  const { session, setLocale, logout } = useSession();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const changeLocale = (locale: Locale) => {
    setError(null);
    setLocale(locale).catch(setError);
  };

  const initials = session.user.name.trim().slice(0, 1).toUpperCase() || '?';
  return (
    <div className="user-menu" ref={rootRef}>
      {open && (
        <div className="user-menu-popover" role="group" aria-label={t('user.menu')} id="user-menu-popover">
          <div className="user-menu-section">
            <span className="muted small">{t('user.signedInAs')}</span>
            <strong>{session.user.name}</strong>
            <span className="small">{session.user.email}</span>
            <span className="small muted">{session.workspace.name} · {tl('role', session.role)}</span>
          </div>
          <div className="user-menu-section">
            <span className="muted small">{t('user.language')}</span>
            <LanguageSwitch value={session.user.locale} onChange={changeLocale} label={t('user.language')} />
            {error !== null && <ErrorBanner error={error} titleKey="user.languageError" onDismiss={() => setError(null)} />}
          </div>
          <button type="button" className="btn btn-ghost btn-block menu-item" onClick={() => void logout()} data-testid="logout">
            <LogoutIcon />
            {t('user.logout')}
          </button>
        </div>
      )}
      <button type="button" className="user-menu-button" aria-expanded={open} aria-controls="user-menu-popover"
        onClick={() => setOpen((v) => !v)} data-testid="user-menu">
        <span className="avatar" aria-hidden="true">{initials}</span>
        <span className="user-menu-name">
          <span className="truncate">{session.user.name}</span>
          <span className="small muted">{tl('role', session.role)}</span>
        </span>
        <span aria-hidden="true" className="chevron">▴</span>
      </button>
    </div>
  );
}
