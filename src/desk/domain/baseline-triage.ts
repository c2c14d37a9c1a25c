/**
 * Baseline risk and first-response deadline for a conversation whose intent and signals are already known
 * (the demo generator and the fake channel supply them). The risk-triage issue replaces this with the full
 * model (tracking state, lateness, customer history, calendars); until then the inbox is ordered by this.
 */
export interface BaselineTriageInput {
  readonly channel: string;
  readonly fulfillment: string | null;
  readonly intent: string | null;
  readonly signals: readonly string[];
  /** When the oldest unanswered buyer message arrived, or null when nothing waits for an answer. */
  readonly waitingSince: Date | null;
}

export interface BaselineTriage {
  readonly riskLevel: 'critical' | 'high' | 'normal' | 'low';
  readonly riskScore: number;
  readonly reasons: readonly string[];
  readonly firstResponseDueAt: Date | null;
}

const HOUR = 3600_000;
const CRITICAL_SIGNALS = ['a_to_z_threat', 'chargeback_threat', 'safety_issue', 'counterfeit_claim', 'legal_threat'];
const AMAZON_CRITICAL_INTENTS = ['not_received', 'damaged_defective'];

function score(input: BaselineTriageInput): { score: number; reasons: string[] } {
  const parts: { points: number; reason: string }[] = [];
  const add = (points: number, reason: string): void => void parts.push({ points, reason });
  if (input.channel === 'amazon') add(30, 'Amazon message: counts toward account health (24 h response rule)');
  else add(10, `${input.channel} message`);
  for (const sig of input.signals) {
    if (CRITICAL_SIGNALS.includes(sig)) add(50, `signal ${sig}`);
    else if (sig === 'negative_feedback_threat') add(input.channel === 'amazon' ? 40 : 20, 'signal negative_feedback_threat');
  }
  if (input.intent && AMAZON_CRITICAL_INTENTS.includes(input.intent)) {
    add(input.channel === 'amazon' ? 40 : 15, `intent ${input.intent}${input.channel === 'amazon' ? ' on an Amazon order (A-to-z / ODR exposure)' : ''}`);
  } else if (input.intent === 'where_is_my_order' && input.fulfillment === 'FBM') {
    add(25, 'FBM delivery question: the seller carries the delivery liability');
  } else if (input.intent === 'refund_request' || input.intent === 'return_request' || input.intent === 'wrong_item') {
    add(15, `intent ${input.intent}: money at stake`);
  } else if (input.intent === 'thanks') {
    add(-25, 'thanks: no response needed');
  }
  const total = parts.reduce((sum, p) => sum + p.points, 0);
  // Most important first: what added the most risk leads; what lowered it comes last.
  const reasons = [...parts].sort((a, b) => b.points - a.points).map((p) => p.reason);
  return { score: Math.max(0, Math.min(100, total)), reasons };
}

function level(channel: string, s: number, signals: readonly string[], intent: string | null): BaselineTriage['riskLevel'] {
  const amazonCritical = channel === 'amazon' && (signals.some((x) => CRITICAL_SIGNALS.includes(x) || x === 'negative_feedback_threat') || AMAZON_CRITICAL_INTENTS.includes(intent ?? ''));
  if (amazonCritical || s >= 80) return 'critical';
  if (s >= 50) return 'high';
  if (s >= 20) return 'normal';
  return 'low';
}

export function baselineTriage(input: BaselineTriageInput): BaselineTriage {
  const { score: s, reasons } = score(input);
  const riskLevel = level(input.channel, s, input.signals, input.intent);
  const noResponse = input.intent === 'thanks';
  let due: Date | null = null;
  if (input.waitingSince && !noResponse) {
    const hours = input.channel === 'amazon' ? (riskLevel === 'critical' ? 2 : 24) : riskLevel === 'critical' ? 4 : 24;
    due = new Date(input.waitingSince.getTime() + hours * HOUR);
  }
  return { riskLevel, riskScore: s, reasons, firstResponseDueAt: due };
}
