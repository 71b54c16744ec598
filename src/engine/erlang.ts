/**
 * Queueing theory the engine is checked against: Erlang C (M/M/c) and Erlang A
 * (M/M/c+M, exponential patience). Rates are per day, times in days.
 */

/** Steady-state measures of a queue. */
export interface QueueTheory {
  /** Busy servers / servers. */
  utilisation: number;
  /** Probability that an arrival waits (finds every server busy). */
  pWait: number;
  /** Mean time in queue over all arrivals (served or not). */
  meanWait: number;
  /** Mean number waiting. */
  meanQueue: number;
  /** Probability that an arrival abandons (0 without patience). */
  pAbandon: number;
}

/** Erlang C: M/M/c with c servers, arrival rate lambda and service rate mu per server. */
export function erlangC(servers: number, arrivalRate: number, serviceRate: number): QueueTheory {
  const a = arrivalRate / serviceRate;
  const rho = a / servers;
  if (!(servers >= 1 && Number.isInteger(servers)) || !(arrivalRate > 0) || !(serviceRate > 0) || rho >= 1) {
    throw new Error(`erlangC: expected whole servers >= 1, positive rates and rho < 1, got c ${servers}, lambda ${arrivalRate}, mu ${serviceRate} (rho ${rho})`);
  }
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (a * b) / (k + a * b);
  const c = (servers * b) / (servers - a * (1 - b));
  const meanWait = c / (servers * serviceRate - arrivalRate);
  return { utilisation: rho, pWait: c, meanWait, meanQueue: arrivalRate * meanWait, pAbandon: 0 };
}

/**
 * Erlang A: M/M/c+M with abandonment rate theta (mean patience 1/theta), solved
 * exactly as a birth-death chain truncated where the remaining mass is negligible.
 */
export function erlangA(servers: number, arrivalRate: number, serviceRate: number, abandonRate: number): QueueTheory {
  if (!(servers >= 1 && Number.isInteger(servers)) || !(arrivalRate > 0) || !(serviceRate > 0) || !(abandonRate > 0)) {
    throw new Error(`erlangA: expected whole servers >= 1 and positive rates, got c ${servers}, lambda ${arrivalRate}, mu ${serviceRate}, theta ${abandonRate}`);
  }
  // Unnormalised probabilities p[n] relative to p[0] = 1, rescaled when large.
  const p: number[] = [1];
  let total = 1;
  for (let n = 1; ; n++) {
    const death = Math.min(n, servers) * serviceRate + Math.max(0, n - servers) * abandonRate;
    p.push((p[n - 1] * arrivalRate) / death);
    total += p[n];
    if (total > 1e250) {
      for (let i = 0; i <= n; i++) p[i] /= total;
      total = 1;
    }
    if (n > servers && p[n] < 1e-17 * total) break;
  }
  let pWait = 0, meanQueue = 0, busy = 0;
  for (let n = 0; n < p.length; n++) {
    const q = p[n] / total;
    if (n >= servers) pWait += q;
    meanQueue += Math.max(0, n - servers) * q;
    busy += Math.min(n, servers) * q;
  }
  return {
    utilisation: busy / servers,
    pWait,
    meanWait: meanQueue / arrivalRate,
    meanQueue,
    pAbandon: (abandonRate * meanQueue) / arrivalRate,
  };
}
