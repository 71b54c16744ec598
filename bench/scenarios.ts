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

/**
 * A four-station Jackson network: qualification (an infinite-server delay), then
 * Inside Sales, Field Sales and Customer Success as M/M/c queues near rho 0.8,
 * every lead an MQL: the pure queueing workload.
 */
export function jackson(): Scenario {
  const v = parseScenarioText(
    JSON.stringify({
      version: 1,
      name: 'Jackson network',
      horizonDays: 2000,
      seed: 'bench',
      marketing: { headcount: 1, leadsPerHeadPerWeek: 31.5, programBudgetYenPerMonth: 0, mix: { buyingNow: 1, later: 0, never: 0 }, qualificationDays: { kind: 'exponential', mean: 1 }, mqlNoiseShare: 0 },
      insideSales: { headcount: 5, concurrentPerHead: 1, workDays: { kind: 'exponential', mean: 1 }, sqlRate: 0.5, recycleShare: 0, decay: { kind: 'none' } },
      fieldSales: { headcount: 3, concurrentPerHead: 1, cycleDays: { kind: 'exponential', mean: 2.5 }, winRate: 0.5, recycleShare: 0, decay: { kind: 'none' } },
      customerSuccess: { headcount: 2, concurrentPerHead: 1, onboardingDays: { kind: 'exponential', mean: 1.5 }, initialAccounts: 0, churnRate: 0, overloadChurnPerUnit: 0, onboardingWaitChurnPerDay: 0 },
    }),
  );
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
}
