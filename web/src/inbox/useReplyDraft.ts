import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';

export type DraftStatus = 'loading' | 'idle' | 'saving' | 'saved' | 'error';

const SAVE_AFTER_MS = 800;

/**
 * The reply text with server-side draft autosave: the saved draft is loaded on open, every pause in typing saves it
 * (PUT /draft, debounced; saving never sends), and a pending save is flushed when the ticket is closed.
 * `settle()` before sending makes sure no save lands after the reply (the server deletes the draft when replying).
 */
export function useReplyDraft(ticketId: string) {
  const [body, setBodyState] = useState('');
  const [status, setStatus] = useState<DraftStatus>('loading');
  const latest = useRef('');
  const saved = useRef('');
  const loaded = useRef(false);
  const typed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void>>(Promise.resolve());

  const save = useCallback((): Promise<void> => {
    timer.current = null;
    const text = latest.current;
    if (!loaded.current || text === saved.current) return inflight.current;
    setStatus('saving');
    const attempt = inflight.current.then(() => api.saveDraft(ticketId, text)).then(
      () => {
        saved.current = text;
        setStatus(latest.current === text ? (text ? 'saved' : 'idle') : 'saving');
      },
      () => setStatus('error'),
    );
    inflight.current = attempt;
    return attempt;
  }, [ticketId]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
  }, [save]);

  useEffect(() => {
    let live = true;
    api.getDraft(ticketId).then(
      (draft) => {
        if (!live) return;
        loaded.current = true;
        saved.current = draft ?? '';
        if (!typed.current) {
          latest.current = draft ?? '';
          setBodyState(draft ?? '');
          setStatus(draft ? 'saved' : 'idle');
        } else if (latest.current !== saved.current) schedule();
      },
      () => {
        if (!live) return;
        loaded.current = true;
        setStatus('idle');
      },
    );
    return () => {
      live = false;
    };
  }, [ticketId, schedule]);

  // Closing the ticket (switch, sign-out) with an unsaved change: save it now.
  useEffect(() => () => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    void save();
  }, [save]);

  const setBody = useCallback((text: string) => {
    typed.current = true;
    latest.current = text;
    setBodyState(text);
    schedule();
  }, [schedule]);

  /** Cancels the pending save and waits for one in flight. */
  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await inflight.current;
  }, []);

  /** The reply went out: the server has dropped the draft. */
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    typed.current = false;
    latest.current = '';
    saved.current = '';
    setBodyState('');
    setStatus('idle');
  }, []);

  return { body, setBody, status, settle, clear };
}
