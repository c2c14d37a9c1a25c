import { useEffect, useState } from 'react';
import type { Member, Team } from '../../../src/contracts/index.ts';
import type { TicketFilters } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { SearchIcon } from '../icons.tsx';
import { AlertsBanner } from './AlertsBanner.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { TicketRow } from './TicketRow.tsx';
import type { QueueState } from './useTicketQueue.ts';

interface Props {
  filters: TicketFilters;
  onFilters: (filters: TicketFilters) => void;
  queue: QueueState & { reload: () => void; loadMore: () => void };
  selectedId: string | null;
  members: readonly Member[];
  teams: readonly Team[];
}

export function QueuePane({ filters, onFilters, queue, selectedId, members, teams }: Props) {
  const { t } = useT();
  const [search, setSearch] = useState(filters.q);

  // Search as you type, debounced.
  useEffect(() => {
    if (search === filters.q) return;
    const timer = setTimeout(() => onFilters({ ...filters, q: search }), 300);
    return () => clearTimeout(timer);
  }, [search, filters, onFilters]);

  return (
    <section className="pane queue" aria-labelledby="queue-title">
      <header className="pane-header">
        <h2 id="queue-title">{t('queue.title')}</h2>
        <span className="muted small" data-testid="queue-count">
          {t('queue.shown', { shown: queue.items.length, total: queue.total })}
        </span>
        <button type="button" className="btn btn-small btn-ghost push-right" onClick={queue.reload}
          disabled={queue.loading !== null} data-testid="queue-refresh">
          ↻ {t('queue.refresh')}
        </button>
      </header>
      <AlertsBanner />
      <div className="queue-tools">
        <label className="search">
          <SearchIcon />
          <span className="sr-only">{t('queue.search')}</span>
          <input type="search" value={search} placeholder={t('queue.searchPlaceholder')} maxLength={200}
            onChange={(e) => setSearch(e.target.value)} data-testid="queue-search" />
        </label>
        <QueueFilters filters={filters} onFilters={onFilters} counts={queue.counts} members={members} teams={teams} />
      </div>
      {queue.error !== null && <ErrorBanner error={queue.error} onRetry={queue.reload} />}
      <div className="queue-list" aria-busy={queue.loading === 'first'}>
        {queue.items.length === 0 && queue.loading === null && queue.error === null && (
          <p className="empty">{t('queue.empty')}</p>
        )}
        {queue.items.length === 0 && queue.loading === 'first' && <p className="empty">{t('common.loading')}</p>}
        <ul className={queue.loading === 'first' && queue.items.length > 0 ? 'rows stale' : 'rows'}>
          {queue.items.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} selected={ticket.id === selectedId} />
          ))}
        </ul>
        {queue.nextCursor && (
          <button type="button" className="btn btn-block load-more" onClick={queue.loadMore}
            disabled={queue.loading !== null} data-testid="load-more">
            {queue.loading === 'more' ? t('common.loading') : t('queue.loadMore')}
          </button>
        )}
      </div>
      <footer className="pane-footer muted small">
        <kbd>j</kbd> <kbd>k</kbd> {t('queue.keyboardHint')}
      </footer>
    </section>
  );
}
