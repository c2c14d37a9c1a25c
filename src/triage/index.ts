// Public API of the triage module: message classification (language, intents, risk signals, explanation).
export { classify, PRECEDENCE, THRESHOLD, type Classification, type ClassifyInput, type PhraseEvidence } from './domain/intents.ts';
export { detectLanguage, type LanguageDetection } from './domain/language.ts';
export { INTENTS, LANGUAGES, SIGNALS, isIntent, isSignal, type Intent, type Language, type Signal } from './domain/types.ts';
export { assessMessage, AssessInput, type Assessment } from './assess.ts';
