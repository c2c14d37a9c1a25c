import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note, TicketDetail } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';

export interface DetailState {
  detail: TicketDetail | null;
  loading: boolean;
  error: unknown;
}

/** The open ticket (messages, notes, order, customer). */
export function useTicketDetail(ticketId: string | null) {
  const [state, setState] = useState<DetailState>({ detail: null, loading: false, error: null });
  const generation = useRef(0);

  const load = useCallback(() => {
    const mine = ++generation.current;
    if (!ticketId) {
      setState({ detail: null, loading: false, error: null });
      return;
    }
    setState((s) => ({ detail: s.detail?.ticket.id === ticketId ? s.detail : null, loading: true, error: null }));
    api.getTicket(ticketId).then(
      (detail) => {
        if (mine === generation.current) setState({ detail, loading: false, error: null });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ detail: null, loading: false, error });
      },
    );
  }, [ticketId]);

  useEffect(load, [load]);

  const appendNote = useCallback((note: Note) => {
    setState((s) => (s.detail ? { ...s, detail: { ...s.detail, notes: [...s.detail.notes, note] } } : s));
  }, []);

  return { ...state, reload: load, appendNote };
}
