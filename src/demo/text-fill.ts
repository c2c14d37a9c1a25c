// Template filling, localized short dates and deterministic typos for buyer messages.

import type { Rng } from './rng.ts';
import type { Language } from './types.ts';

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => vars[key] ?? m);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Short date as a buyer writing in `language` would: "Oct 14", "14.10.", "14/10", "10月14日". */
export function localDate(d: Date, language: Language): string {
  const day = d.getUTCDate();
  const month = d.getUTCMonth() + 1;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  switch (language) {
    case 'en': return `${MONTHS_EN[month - 1]} ${day}`;
    case 'de': return `${dd}.${mm}.`;
    case 'ja':
    case 'zh': return `${month}月${day}日`;
    default: return `${dd}/${mm}`;
  }
}

/** One realistic slip: two swapped letters, a dropped letter, or a doubled one. */
export function introduceTypo(rng: Rng, text: string): string {
  const words = [...text.matchAll(/[A-Za-zÀ-ÿ]{6,}/g)];
  if (words.length === 0) return text;
  const w = rng.pick(words);
  const at = (w.index ?? 0) + rng.int(1, w[0].length - 3);
  const kind = rng.int(0, 2);
  const a = text.charAt(at);
  const b = text.charAt(at + 1);
  if (kind === 0) return text.slice(0, at) + b + a + text.slice(at + 2);
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + a + a + text.slice(at + 1);
}
