import { useCallback, useEffect, useRef, useState } from 'react';
import type { Message, Note, TicketDetail, TicketSummary } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';

export interface DetailState {
  detail: TicketDetail | null;
  loading: boolean;
  error: unknown;
}

/** While a reply is `queued`, the ticket is re-read this often, for at most DELIVERY_WATCH_MS after the last send. */
const DELIVERY_POLL_MS = 2_000;
const DELIVERY_WATCH_MS = 60_000;

/** The open ticket (messages, notes, order, customer). */
export function useTicketDetail(ticketId: string | null) {
  const [state, setState] = useState<DetailState>({ detail: null, loading: false, error: null });
  const [watchUntil, setWatchUntil] = useState(0);
  const generation = useRef(0);

  /** `silent`: re-read in the background, keeping what is on screen (and keeping it if the request fails). */
  const fetchDetail = useCallback((silent: boolean) => {
    const mine = ++generation.current;
    if (!ticketId) {
      setState({ detail: null, loading: false, error: null });
      return;
    }
    if (!silent) {
      setState((s) => ({ detail: s.detail?.ticket.id === ticketId ? s.detail : null, loading: true, error: null }));
      setWatchUntil(Date.now() + DELIVERY_WATCH_MS);
    }
    api.getTicket(ticketId).then(
      (detail) => {
        if (mine === generation.current) setState({ detail, loading: false, error: null });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        // A failed background refresh leaves the ticket as it was (a new object, so a delivery poll tries again).
        setState((s) => (silent && s.detail ? { ...s } : { detail: null, loading: false, error }));
      },
    );
  }, [ticketId]);

  const load = useCallback(() => fetchDetail(false), [fetchDetail]);
  const refresh = useCallback(() => fetchDetail(true), [fetchDetail]);
  useEffect(load, [load]);

  // Follow replies that are still queued until the worker has sent them (or given up).
  const hasQueued = state.detail?.messages.some((m) => m.deliveryStatus === 'queued') ?? false;
  useEffect(() => {
    if (!hasQueued || Date.now() > watchUntil) return;
    const timer = setTimeout(refresh, DELIVERY_POLL_MS);
    return () => clearTimeout(timer);
  }, [hasQueued, watchUntil, state, refresh]);

  const appendNote = useCallback((note: Note) => {
    setState((s) => (s.detail ? { ...s, detail: { ...s.detail, notes: [...s.detail.notes, note] } } : s));
  }, []);

  /** A reply just queued (or re-queued): shown at once, then followed until it leaves `queued`. */
  const upsertMessage = useCallback((message: Message) => {
    setState((s) => {
      if (!s.detail) return s;
      const exists = s.detail.messages.some((m) => m.id === message.id);
      const messages = exists ? s.detail.messages.map((m) => (m.id === message.id ? message : m)) : [...s.detail.messages, message];
      return { ...s, detail: { ...s.detail, messages } };
    });
    setWatchUntil(Date.now() + DELIVERY_WATCH_MS);
  }, []);

  const setTicket = useCallback((ticket: TicketSummary) => {
    setState((s) => (s.detail && s.detail.ticket.id === ticket.id ? { ...s, detail: { ...s.detail, ticket } } : s));
  }, []);

  return { ...state, reload: load, refresh, appendNote, upsertMessage, setTicket };
}
