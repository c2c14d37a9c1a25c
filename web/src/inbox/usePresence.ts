import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import type { Viewer } from '../api.ts';

const HEARTBEAT_MS = 15_000;

export interface PresenceState {
  /** Other agents with this ticket open in the last minute. */
  viewers: Viewer[];
  /** The newest message on the ticket as the server sees it (null until the first answer). */
  lastMessageAt: string | null;
}

/**
 * Tells the server this agent has the ticket open (every 15 s, and at once when `composing` changes) and learns who
 * else has; leaves the ticket on switch, unmount and when the tab is closed.
 */
export function usePresence(ticketId: string | null, composing: boolean): PresenceState {
  const [state, setState] = useState<PresenceState>({ viewers: [], lastMessageAt: null });
  const composingRef = useRef(composing);
  const touchRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    setState({ viewers: [], lastMessageAt: null });
    if (!ticketId) return;
    let live = true;
    const touch = () => {
      api.touchPresence(ticketId, composingRef.current).then(
        (r) => live && setState({ viewers: r.viewers, lastMessageAt: r.lastMessageAt }),
        () => undefined, // presence is best effort: a missed heartbeat only delays the banner
      );
    };
    const leave = () => void api.leavePresence(ticketId, true).catch(() => undefined);
    touchRef.current = touch;
    touch();
    const timer = setInterval(touch, HEARTBEAT_MS);
    window.addEventListener('pagehide', leave);
    return () => {
      live = false;
      touchRef.current = null;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [ticketId]);

  useEffect(() => {
    if (composingRef.current === composing) return;
    composingRef.current = composing;
    touchRef.current?.();
  }, [composing]);

  return state;
}
