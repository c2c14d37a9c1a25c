import { useRef, useState, type RefObject } from 'react';

/**
 * Copy a text to the clipboard; where the browser refuses, select the field that shows it so the user can copy by
 * hand. `state` says how the last attempt went ('failed' → show the "press Ctrl+C" hint).
 */
export function useCopy<E extends HTMLInputElement | HTMLTextAreaElement>(text: string): { ref: RefObject<E | null>; state: 'idle' | 'copied' | 'failed'; copy: () => Promise<void> } {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const ref = useRef<E>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      ref.current?.select();
      setState('failed');
    }
  };
  return { ref, state, copy };
}
