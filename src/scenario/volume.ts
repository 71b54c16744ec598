/** How much work a scenario asks for, used to refuse scenarios too large to run. */
import type { Scenario } from './types.ts';
import { expectedLeadCount } from '../engine/arrivals.ts';

/** Expected leads per replication (warm-up included). */
export function expectedLeads(s: Scenario): number {
  return expectedLeadCount(s);
}
