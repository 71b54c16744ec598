/**
 * The causes of loss, declared once: the department where each happens, whether
 * waiting caused it (a loss more capacity avoids), and its names. Charts, the flow
 * picture, the comparison, the bottleneck verdict, the CSV and the CLI read them.
 * The causes themselves and their order are the engine's (engine/results.ts); a
 * cause added there without a descriptor here does not compile.
 */
import { LOSS_CAUSES, WAITING_COSTS, type LossCause, type WaitingCost } from '../engine/results.ts';

/** The causes of loss, in the engine's order (for readers that may not import the engine). */
export { LOSS_CAUSES, type LossCause, WAITING_COSTS, type WaitingCost };
import type { Department } from '../scenario/types.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** What the app says about one cause of loss. */
export interface LossCauseInfo {
  cause: LossCause;
  department: Department;
  /** Lost while waiting: gave up in a queue, lost after work to intent that decayed in it, or churned because CS was overloaded. */
  whileWaiting: boolean;
  /** Its short name (charts, flow picture, CSV) and its longer name in the terminal report. */
  label: MessageKey;
  reportLabel: MessageKey;
}

const INFO: Record<LossCause, Omit<LossCauseInfo, 'cause'>> = {
  notQualified: { department: 'marketing', whileWaiting: false, label: 'notQualified', reportLabel: 'reportNotQualified' },
  isAbandoned: { department: 'insideSales', whileWaiting: true, label: 'isAbandoned', reportLabel: 'reportIsAbandoned' },
  isCold: { department: 'insideSales', whileWaiting: true, label: 'isCold', reportLabel: 'reportIsCold' },
  isDisqualified: { department: 'insideSales', whileWaiting: false, label: 'isDisqualified', reportLabel: 'reportIsDisqualified' },
  fsAbandoned: { department: 'fieldSales', whileWaiting: true, label: 'fsAbandoned', reportLabel: 'reportFsAbandoned' },
  fsCold: { department: 'fieldSales', whileWaiting: true, label: 'fsCold', reportLabel: 'reportFsCold' },
  dealLost: { department: 'fieldSales', whileWaiting: false, label: 'dealLost', reportLabel: 'reportDealLost' },
  csAbandoned: { department: 'customerSuccess', whileWaiting: true, label: 'csAbandoned', reportLabel: 'reportCsAbandoned' },
  churnBase: { department: 'customerSuccess', whileWaiting: false, label: 'churnBase', reportLabel: 'reportChurnBase' },
  // A book beyond CS capacity is accounts waiting for attention: this churn is capacity's.
  churnOverload: { department: 'customerSuccess', whileWaiting: true, label: 'churnOverload', reportLabel: 'reportChurnOverload' },
};

/** Every cause's descriptor, in the engine's order. */
export const LOSS_CAUSE_LIST: readonly LossCauseInfo[] = LOSS_CAUSES.map((cause) => ({ cause, ...INFO[cause] }));

/** The descriptor of cause `c`. */
export function lossCause(c: LossCause): LossCauseInfo {
  return { cause: c, ...INFO[c] };
}

/** The losses waiting caused (the ones capacity can avoid), in the engine's order. */
export const WAITING_LOSS_CAUSES: readonly LossCause[] = LOSS_CAUSE_LIST.filter((c) => c.whileWaiting).map((c) => c.cause);

/** The causes of loss in department `d`, in the engine's order. */
export function lossCausesOf(d: Department): LossCauseInfo[] {
  return LOSS_CAUSE_LIST.filter((c) => c.department === d);
}

/** The losses waiting caused in department `d`, in the engine's order. */
export function waitingLossesOf(d: Department): LossCause[] {
  return lossCausesOf(d).filter((c) => c.whileWaiting).map((c) => c.cause);
}

/** The sum over `causes` of `value(cause)`, added in the order given (so sums stay bit-identical to writing them out). */
export function sumOf(causes: readonly LossCause[], value: (c: LossCause) => number): number {
  return causes.reduce((total, c) => total + value(c), 0);
}

/** The department whose queue each cause of ARR lost to waiting (engine/results.ts: WaitingCostResult) belongs to. */
const WAITING_COST_DEPARTMENT: Record<WaitingCost, Department> = {
  neverContacted: 'insideSales',
  wentCold: 'insideSales',
  stalled: 'fieldSales',
  churnOverload: 'customerSuccess',
  churnOnboarding: 'customerSuccess',
};

/** The name of each cause of ARR lost to waiting, for the waterfall (message keys). */
const WAITING_COST_LABEL: Record<WaitingCost, MessageKey> = {
  neverContacted: 'wcNeverContacted',
  wentCold: 'wcWentCold',
  stalled: 'wcStalled',
  churnOverload: 'wcChurnOverload',
  churnOnboarding: 'wcChurnOnboarding',
};

/** A cause of ARR lost to waiting: its department and its name. */
export function waitingCost(c: WaitingCost): { cause: WaitingCost; department: Department; label: MessageKey } {
  return { cause: c, department: WAITING_COST_DEPARTMENT[c], label: WAITING_COST_LABEL[c] };
}

/** The causes of ARR lost to waiting in department `d`, in the engine's order. */
export function waitingCostsOf(d: Department): WaitingCost[] {
  return WAITING_COSTS.filter((c) => WAITING_COST_DEPARTMENT[c] === d);
}
