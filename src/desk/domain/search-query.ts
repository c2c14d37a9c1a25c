/**
 * Turns what an agent typed into PostgreSQL `websearch_to_tsquery` syntax that matches how messages
 * are indexed (migration 0002, cd_search_text): every CJK character is its own token there, so a CJK
 * word becomes a quoted phrase of its characters ("退 款" → 退 <-> 款) and finds the word inside
 * unsegmented Chinese or Japanese text. Other words pass through; websearch syntax (quotes, OR, -) keeps working.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const CJK_ALL = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])/gu;

export function toWebSearch(input: string): string {
  const out: string[] = [];
  // Tokens: quoted phrases, or runs of non-space characters.
  for (const m of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = m[1];
    const word = m[2];
    if (phrase !== undefined) {
      const spaced = phrase.replace(CJK_ALL, ' $1 ').replace(/\s+/g, ' ').trim();
      if (spaced) out.push(`"${spaced}"`);
    } else if (word !== undefined) {
      if (CJK.test(word)) {
        const prefix = word.startsWith('-') ? '-' : '';
        const spaced = word.slice(prefix.length).replace(CJK_ALL, ' $1 ').replace(/\s+/g, ' ').trim();
        out.push(`${prefix}"${spaced}"`);
      } else out.push(word);
    }
  }
  return out.join(' ');
}

/** "#1042" or "1042": the ticket number an agent may type. */
export function ticketNumberIn(input: string): number | null {
  const m = /^#?(\d{1,9})$/.exec(input.trim());
  return m ? Number(m[1]) : null;
}
