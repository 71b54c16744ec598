/**
 * Goal-seek in the app: what the user asked, the answer so far while the search
 * runs (each step reaches the page as it is taken), the final answer, and the job
 * the app submits to its queue (see jobQueue.ts). Stopping keeps the answer so far.
 */
import type { Scenario } from '../../scenario/types.ts';
import { goalSeek, calendarOf, type CalendarEntry, type GoalSeekPartial, type GoalSeekResult } from '../../experiments/index.ts';
import type { Job } from './jobQueue.ts';
import { ReactiveJobStatus } from './jobStatus.svelte.ts';

/** The queue's key of the goal-seek job: a new request supersedes the one running. */
export const GOAL_SEEK_KEY = 'goalSeek';

/** What the user asks. */
export interface GoalSeekAsk {
  targetArrYen: number;
  confidence: number;
  maxPerDepartment: number;
  /** Also search plans with fewer people where the target does not need them (default false). */
  allowRemovals?: boolean;
}

/** Goal-seek's state in the app. */
export class GoalSeekState {
  /** The steps taken so far (while running, and after a stop). */
  partial = $state.raw<GoalSeekPartial | null>(null);
  result = $state.raw<GoalSeekResult | null>(null);
  /** The calendar of the result's plan, at the confidence asked. */
  calendar = $state.raw<CalendarEntry[]>([]);
  /** What the answer on screen was asked with. */
  asked = $state.raw<GoalSeekAsk | null>(null);
  /** The scenario the answer on screen was searched on (the baseline as it was then). */
  scenario = $state.raw<Scenario | null>(null);
  readonly status = new ReactiveJobStatus();

  /** The job that searches `scenario` for `ask` (band: the app's analysis band). */
  jobFor(scenario: Scenario, ask: GoalSeekAsk, band: number): Job<GoalSeekResult> {
    this.partial = null;
    this.result = null;
    this.calendar = [];
    this.asked = ask;
    this.scenario = scenario;
    this.status.state = 'running';
    this.status.error = null;
    this.status.progress = null;
    return {
      key: GOAL_SEEK_KEY,
      band: () => band,
      status: this.status,
      size: () => ({ total: Math.min(40, scenario.replications), steps: 1 }),
      start: (options) =>
        goalSeek(
          {
            scenario,
            target: { measure: 'arrEndYen', atLeast: ask.targetArrYen },
            confidence: ask.confidence,
            maxPerDepartment: ask.maxPerDepartment,
            allowRemovals: ask.allowRemovals ?? false,
            // Only the job still running may draw its steps.
            onStep: (p) => {
              if (this.status.state === 'running' && !options.signal?.aborted) this.partial = p;
            },
          },
          options,
        ),
      done: (result) => {
        this.result = result;
        this.partial = result;
        this.calendar = calendarOf(result.plan, scenario, result.confidence);
      },
    };
  }

  /** Back to nothing asked (a new workspace). */
  reset(): void {
    this.partial = null;
    this.result = null;
    this.calendar = [];
    this.asked = null;
    this.scenario = null;
    this.status.reset();
  }
}
