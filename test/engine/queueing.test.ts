/**
 * The engine against queueing theory. Where the model reduces to a Jackson network
 * of M/M/c queues (or M/M/c+M with exponential patience), the replications'
 * measures are compared with Erlang C and Erlang A: the theory must lie within a
 * confidence interval of the replications' mean (Student t, R - 1 degrees of
 * freedom). The file makes COMPARISONS such comparisons; each uses the level
 * 1 - 0.01 / COMPARISONS (Bonferroni), so that the whole family holds at 99%: at a
 * plain 99% per comparison a correct engine would miss somewhere in about one run
 * in three. Seeds are fixed, so each assertion is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { simulateRange } from '../../src/runner/inline.ts';
import { summarize, tQuantile } from '../../src/montecarlo/stats.ts';
import { erlangA, erlangC } from '../../src/engine/erlang.ts';
import type { ReplicationResult, StageResult } from '../../src/engine/results.ts';
import { jacksonScenario, type NetworkSpec } from '../support/scenarios.ts';

type StageKey = 'insideSales' | 'fieldSales' | 'customerSuccess';

/** Comparisons with theory in this file: 4 measures x 3 departments x 2 networks, and 4 x 2 for Erlang A. */
const COMPARISONS = 4 * 3 * 2 + 4 * 2;
const LEVEL = 1 - 0.01 / COMPARISONS;

/** The confidence interval (at LEVEL) of the mean of `pick` over replications. */
function ci99(results: ReplicationResult[], pick: (r: ReplicationResult) => number) {
  const s = summarize(results.map(pick));
  const half = tQuantile(1 - (1 - LEVEL) / 2, s.n - 1) * (s.sd / Math.sqrt(s.n));
  return { mean: s.mean, low: s.mean - half, high: s.mean + half, half };
}

/** Asserts that `theory` lies inside the 99% CI of the measure, with a readable failure. */
function expectWithinCi(label: string, results: ReplicationResult[], pick: (r: ReplicationResult) => number, theory: number) {
  const ci = ci99(results, pick);
  const ok = theory >= ci.low && theory <= ci.high;
  expect(ok, `${label}: theory ${theory.toFixed(5)} outside the family-wise 99% CI [${ci.low.toFixed(5)}, ${ci.high.toFixed(5)}] (mean ${ci.mean.toFixed(5)})`).toBe(true);
}

const stage = (k: StageKey) => (r: ReplicationResult): StageResult => r[k];

const networks: { name: string; spec: NetworkSpec }[] = [
  {
    name: 'IS M/M/5 at rho 0.9, FS M/M/3 at rho 0.75, CS M/M/2 at rho 0.8',
    spec: {
      lambda: 4.5,
      is: { servers: 5, mu: 1, sqlRate: 0.25 },
      fs: { servers: 3, mu: 0.5, winRate: 0.5 },
      cs: { servers: 2, mu: 0.5625 / 1.6, },
      horizonDays: 3500,
      warmupDays: 500,
      replications: 40,
      seed: 'erlang-c-1',
    },
  },
  {
    name: 'IS M/M/10 at rho 0.95, FS M/M/1 at rho 0.5, CS M/M/4 at rho 0.6',
    spec: {
      lambda: 4.75,
      is: { servers: 10, mu: 0.5, sqlRate: 0.2 },
      fs: { servers: 1, mu: 1.9, winRate: 0.6 },
      cs: { servers: 4, mu: 0.57 / 2.4 },
      horizonDays: 3600,
      warmupDays: 1000,
      replications: 40,
      seed: 'erlang-c-2',
    },
  },
];

describe('Erlang C: a Jackson network of M/M/c departments', () => {
  for (const { name, spec } of networks) {
    describe(name, () => {
      const results = simulateRange(jacksonScenario(spec), 0, spec.replications);
      const lambdaIs = spec.lambda;
      const lambdaFs = lambdaIs * spec.is.sqlRate;
      const lambdaCs = lambdaFs * spec.fs.winRate;
      const theory = {
        insideSales: erlangC(spec.is.servers, lambdaIs, spec.is.mu),
        fieldSales: erlangC(spec.fs.servers, lambdaFs, spec.fs.mu),
        customerSuccess: erlangC(spec.cs.servers, lambdaCs, spec.cs.mu),
      };
      for (const k of ['insideSales', 'fieldSales', 'customerSuccess'] as const) {
        const t = theory[k];
        it(`${k}: mean wait ${t.meanWait.toFixed(4)} days within the family-wise 99% CI`, () => {
          expectWithinCi(`${k} mean wait`, results, (r) => stage(k)(r).waitMeanDays, t.meanWait);
        });
        it(`${k}: P(wait) ${t.pWait.toFixed(4)} within the family-wise 99% CI`, () => {
          expectWithinCi(`${k} P(wait)`, results, (r) => stage(k)(r).pWait, t.pWait);
        });
        it(`${k}: utilisation ${t.utilisation.toFixed(4)} within the family-wise 99% CI`, () => {
          expectWithinCi(`${k} utilisation`, results, (r) => stage(k)(r).utilisation, t.utilisation);
        });
        it(`${k}: mean queue ${t.meanQueue.toFixed(4)} within the family-wise 99% CI`, () => {
          expectWithinCi(`${k} mean queue`, results, (r) => stage(k)(r).queueMean, t.meanQueue);
        });
        it(`${k}: Little's law L = lambda W in every replication`, () => {
          for (const r of results) {
            const s = stage(k)(r);
            const days = spec.horizonDays;
            // Sample-path identity: the time-average queue equals the item-by-item waiting time over the period.
            expect(s.queueMean * days).toBeCloseTo(s.queueDays, 6);
            // Steady state: arrivals x mean wait, within 5% of the queue (edge effects of a finite run).
            expect(Math.abs(s.arrivalsPerDay * s.waitAllMeanDays - s.queueMean)).toBeLessThanOrEqual(0.05 * s.queueMean + 0.01);
          }
        });
      }
    });
  }
});

describe('Erlang A: Inside Sales with exponential patience (M/M/c+M)', () => {
  const cases = [
    { servers: 5, lambda: 5.5, mu: 1, patienceMean: 2, seed: 'erlang-a-1' },
    { servers: 3, lambda: 2.7, mu: 1, patienceMean: 5, seed: 'erlang-a-2' },
  ];
  for (const c of cases) {
    const spec: NetworkSpec = {
      lambda: c.lambda,
      is: { servers: c.servers, mu: c.mu, sqlRate: 0, patienceMean: c.patienceMean },
      fs: { servers: 1, mu: 1, winRate: 0 },
      cs: { servers: 1, mu: 1 },
      horizonDays: 3000,
      warmupDays: 200,
      replications: 40,
      seed: c.seed,
    };
    const theory = erlangA(c.servers, c.lambda, c.mu, 1 / c.patienceMean);
    describe(`M/M/${c.servers}+M, offered load ${(c.lambda / c.mu).toFixed(1)}, mean patience ${c.patienceMean} days`, () => {
      const results = simulateRange(jacksonScenario(spec), 0, spec.replications);
      it(`P(abandon) ${theory.pAbandon.toFixed(4)} within the family-wise 99% CI`, () => {
        expectWithinCi('P(abandon)', results, (r) => r.insideSales.abandoned / r.insideSales.arrivals, theory.pAbandon);
      });
      it(`mean wait of all arrivals ${theory.meanWait.toFixed(4)} days within the family-wise 99% CI`, () => {
        expectWithinCi('mean wait (all)', results, (r) => r.insideSales.waitAllMeanDays, theory.meanWait);
      });
      it(`mean queue ${theory.meanQueue.toFixed(4)} within the family-wise 99% CI`, () => {
        expectWithinCi('mean queue', results, (r) => r.insideSales.queueMean, theory.meanQueue);
      });
      it(`utilisation ${theory.utilisation.toFixed(4)} within the family-wise 99% CI`, () => {
        expectWithinCi('utilisation', results, (r) => r.insideSales.utilisation, theory.utilisation);
      });
    });
  }
});
