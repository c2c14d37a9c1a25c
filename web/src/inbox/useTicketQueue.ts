import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketListResponse, TicketSummary } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import type { TicketFilters } from '../api.ts';

export interface QueueState {
  items: TicketSummary[];
  total: number;
  counts: TicketListResponse['counts'];
  nextCursor: string | null;
  /** 'first' while (re)loading the first page, 'more' while appending a page. */
  loading: 'first' | 'more' | null;
  error: unknown;
}

const EMPTY: QueueState = {
  items: [], total: 0, counts: { status: {}, channel: {}, risk: {}, marketplace: {}, team: {}, assignee: {} }, nextCursor: null, loading: 'first', error: null,
};

const REFRESH_MS = 60_000;

/** The ticket queue for a set of filters, with cursor paging. Stale responses (from older filters) are dropped. */
export function useTicketQueue(filters: TicketFilters) {
  const [state, setState] = useState<QueueState>(EMPTY);
  const generation = useRef(0);
  const pages = useRef(1);
  const { status, channel, riskLevel, marketplace, assignee, teamId, q } = filters;

  const fetchFirstPage = useCallback((silent: boolean) => {
    const mine = ++generation.current;
    pages.current = 1;
    if (!silent) setState((s) => ({ ...s, loading: 'first', error: null }));
    api.listTickets({ status, channel, riskLevel, marketplace, assignee, teamId, q }, null).then(
      (page) => {
        if (mine !== generation.current) return;
        setState({ items: page.items, total: page.total, counts: page.counts, nextCursor: page.nextCursor, loading: null, error: null });
      },
      (error: unknown) => {
        if (mine === generation.current && !silent) setState((s) => ({ ...s, loading: null, error }));
      },
    );
  }, [status, channel, riskLevel, marketplace, assignee, teamId, q]);

  const reload = useCallback(() => fetchFirstPage(false), [fetchFirstPage]);
  /** Refetches the first page in the background (after a change to a ticket), keeping the list on screen. */
  const refresh = useCallback(() => fetchFirstPage(true), [fetchFirstPage]);
  useEffect(reload, [reload]);

  // Keep the queue fresh while the tab is visible, unless the agent has paged further down.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && pages.current === 1) fetchFirstPage(true);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [fetchFirstPage]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor || state.loading) return;
    const mine = generation.current;
    setState((s) => ({ ...s, loading: 'more', error: null }));
    api.listTickets({ status, channel, riskLevel, marketplace, assignee, teamId, q }, cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        setState((s) => {
          const seen = new Set(s.items.map((t) => t.id));
          pages.current += 1;
          return {
            ...s,
            items: [...s.items, ...page.items.filter((t) => !seen.has(t.id))],
            total: page.total,
            nextCursor: page.nextCursor,
            loading: null,
          };
        });
      },
      (error: unknown) => {
        if (mine === generation.current) setState((s) => ({ ...s, loading: null, error }));
      },
    );
  }, [state.nextCursor, state.loading, status, channel, riskLevel, marketplace, assignee, teamId, q]);

  return { ...state, reload, refresh, loadMore };
}
