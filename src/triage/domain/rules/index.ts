/** Automation rules: pure (rules, event, ticket facts, now) → decisions. See engine.ts. */
export * from './types.ts';
export { evaluateRules, runRules, sortRules, type EngineRun, type RuleReport, type RuleStatus } from './engine.ts';
export { dryRun, type DryRunResult, type DryRunRule } from './dry-run.ts';
export { validateRules, type RuleSetValidation, type RuleValidationError, type ValidateOptions } from './validate.ts';
export { DEFAULT_RULES, TEAM_KEYS } from './defaults.ts';
export { testCondition, testConditions } from './conditions.ts';
export { PLACEHOLDERS, placeholdersIn, renderTemplate, isPlaceholder } from './placeholders.ts';
export { makeFacts } from './facts.ts';
