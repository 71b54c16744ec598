/** Scenarios the benchmarks run. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../src/scenario/validate.ts';
import type { Scenario } from '../src/scenario/types.ts';

/** A library scenario by file name. */
export function library(file: string): Scenario {
  const v = parseScenarioText(readFileSync(join(import.meta.dirname, '../scenarios', file), 'utf8'));
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}

/** The Jackson network's parameters: arrivals per day, and each station's servers, mean work (days) and routing on. */
export const JACKSON = {
  horizonDays: 3650,
  leadsPerDay: 4,
  qualificationMeanDays: 1,
  insideSales: { servers: 5, meanDays: 1, pass: 0.5 },
  fieldSales: { servers: 6, meanDays: 2.4, pass: 0.5 },
  customerSuccess: { servers: 2, meanDays: 1.6 },
} as const;

/**
 * A four-station Jackson network: qualification (an infinite-server delay), then
 * Inside Sales, Field Sales and Customer Success as M/M/c queues at rho 0.8
 * (4 leads a day: IS 4/day on 5 x 1 day; FS 2/day on 6 x 2.4 days; CS 1/day on
 * 2 x 1.6 days), every lead an MQL, no churn and no renewal inside the ten years
 * (120-month contracts): the pure queueing workload, the same model that
 * bench/minimalLoop.ts writes by hand.
 */
export function jackson(): Scenario {
  const J = JACKSON;
  const v = parseScenarioText(
    JSON.stringify({
      version: 1,
      name: 'Jackson network',
      horizonDays: J.horizonDays,
      seed: 'bench',
      marketing: { headcount: 1, leadsPerHeadPerWeek: J.leadsPerDay * 7, programBudgetYenPerMonth: 0, mix: { buyingNow: 1, later: 0, never: 0 }, qualificationDays: { kind: 'exponential', mean: J.qualificationMeanDays }, mqlNoiseShare: 0 },
      insideSales: { headcount: J.insideSales.servers, concurrentPerHead: 1, workDays: { kind: 'exponential', mean: J.insideSales.meanDays }, sqlRate: J.insideSales.pass, recycleShare: 0, decay: { kind: 'none' } },
      fieldSales: { headcount: J.fieldSales.servers, concurrentPerHead: 1, cycleDays: { kind: 'exponential', mean: J.fieldSales.meanDays }, winRate: J.fieldSales.pass, recycleShare: 0, decay: { kind: 'none' } },
      customerSuccess: { headcount: J.customerSuccess.servers, concurrentPerHead: 1, onboardingDays: { kind: 'exponential', mean: J.customerSuccess.meanDays }, initialAccounts: 0, churnRate: 0, overloadChurnPerUnit: 0, onboardingWaitChurnPerDay: 0, contractMonths: 120 },
    }),
  );
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}
