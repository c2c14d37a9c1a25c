// Public API of the triage module: message classification (language, intents, risk signals, explanation).
export { classify, PRECEDENCE, THRESHOLD, type Classification, type ClassifyInput, type PhraseEvidence } from './domain/intents.ts';
export { detectLanguage, type LanguageDetection } from './domain/language.ts';
export { INTENTS, LANGUAGES, SIGNALS, isIntent, isSignal, type Intent, type Language, type Signal } from './domain/types.ts';
export { assessMessage, AssessInput, type Assessment } from './assess.ts';
export { reassessTickets, crossingEvents, WEBHOOK_QUEUE, type TicketEvent, type ReassessResult } from './reassess.ts';
export { sweepSla, type SlaCrossing, type SweepOptions } from './sla-sweep.ts';
export { loadTriageSettings, saveTriageSettings, TEAM_KEY_NAMES, type TriageSettings, type TriageSettingsPatch } from './settings.ts';
export { findSpikes, spikeConfig, DEFAULT_SPIKE_CONFIG, DELIVERY_COMPLAINT_INTENTS, type Spike, type SpikeConfig, type SliceCounts } from './domain/spikes.ts';
export { detectSpikes, listAlerts, acknowledgeAlert, spikesJob, scheduleSpikes, SPIKES_QUEUE, type SpikeRun } from './spikes.ts';
export { alertRoutes } from './alerts-http.ts';
export { DEFAULT_RISK_CONFIG, assessRisk, trackingState, type CustomerHistory, type OrderFacts, type RiskAssessment, type RiskConfig, type RiskFactor, type RiskInput, type RiskLevel, type ShipmentFacts, type TrackingContext, type TrackingState } from './domain/risk.ts';
export { reassessJob, slaSweepJob, ruleWebhookJob, scheduleSlaSweep, runSlaSweep, runIdleRules, SLA_SWEEP_QUEUE, type TriageJobDeps, type SweepReport } from './jobs.ts';
export { triageRoutes } from './http.ts';
