/**
 * Words a buyer uses to say an item arrived damaged or does not work (en, de, fr, it, es), as word-start stems:
 * "damag" matches damaged/damage, "kaputt" kaputte. Each stem must start a word, so "dent" does not match
 * "accident". One list, two renderings: PostgreSQL's regex (`\m` = start of a word) and a JavaScript RegExp.
 */
export const DAMAGE_STEMS = [
  'broken', 'broke', 'damag', 'crack', 'shatter', 'smash', 'dent(?:ed|s)?\\b', 'defect', 'faulty', 'leak', 'torn\\b', 'ripped',
  'not work', "doesn.?t work", 'stopped working', 'dead on arrival',
  'kaputt', 'besch.?dig', 'defekt', 'gebrochen', 'zerbrochen', 'funktioniert nicht',
  'cass[eéè]', 'endommag', 'abîm', 'ne fonctionne pas',
  'rott[oa]', 'danneggi', 'difettos', 'non funziona',
  'rot[oa]s?\\b', 'dañad', 'defectuos', 'no funciona',
] as const;

/** For `~*` in PostgreSQL (ARE syntax: `\m` starts a word, `\y` is a word boundary). */
export const DAMAGE_SQL_PATTERN = `\\m(${DAMAGE_STEMS.map((s) => s.replace(/\\b/g, '\\y').replace(/\(\?:/g, '(')).join('|')})`;

/** The same list for JavaScript: a stem preceded by no letter. */
export const DAMAGE_PATTERN = new RegExp(`(?<!\\p{L})(?:${DAMAGE_STEMS.join('|')})`, 'iu');
