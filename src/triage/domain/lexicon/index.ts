import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { ja } from './ja.ts';
import type { Lexicon, LexiconLanguage } from './types.ts';
import { zh } from './zh.ts';

export const LEXICONS: Readonly<Record<LexiconLanguage, Lexicon>> = { en, de, fr, it, es, ja, zh };
