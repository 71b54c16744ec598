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
  /** Mean time in queue of the arrivals that are eventually served (0 for those served at once included). */
  meanWaitServed?: number;
}

/**
 * Erlang C: M/M/c with c servers, arrival rate lambda and service rate mu per
 * server. P(wait) from the stable Erlang B recursion; throws unless rho < 1.
 */
export function erlangC(servers: number, arrivalRate: number, serviceRate: number): QueueTheory {
  const a = arrivalRate / serviceRate;
  const rho = a / servers;
  if (!(servers >= 1 && Number.isInteger(servers)) || !(arrivalRate > 0) || !(serviceRate > 0) || !(rho < 1)) {
    throw new Error(`erlangC: expected whole servers >= 1, positive rates and rho < 1, got c ${servers}, lambda ${arrivalRate}, mu ${serviceRate} (rho ${rho})`);
  }
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (a * b) / (k + a * b);
  const c = (servers * b) / (servers - a * (1 - b));
  const meanWait = c / (servers * serviceRate - arrivalRate);
  return { utilisation: rho, pWait: c, meanWait, meanQueue: arrivalRate * meanWait, pAbandon: 0, meanWaitServed: meanWait };
}

/** States beyond which erlangA gives up (a vanishing abandonment rate above rho 1). */
const MAX_STATES = 20_000_000;
/** Truncation: the neglected tail mass (and tail of the queue length) relative to the total. */
const TAIL = 1e-14;

/**
 * Erlang A: M/M/c+M with abandonment rate theta (mean patience 1/theta), solved
 * exactly as a birth-death chain (birth lambda, death min(n,c) mu + (n-c)+ theta),
 * truncated where the remaining mass is below 1e-14, in log space with a running
 * scale so that hundreds of servers do not overflow. theta = 0 is Erlang C.
 *
 * meanWaitServed: an arrival finding j = n - c >= 0 waiting ahead (FIFO) passes
 * stages i = j..0 with exit rate r_i = c mu + i theta + theta, advancing with
 * probability (c mu + i theta) / r_i and otherwise abandoning; stage times are
 * Exp(r_i) whatever the outcome, so E[W 1{served} | j] = P_j * sum 1/r_i with
 * P_j = prod (c mu + i theta) / r_i. Summed over the state an arrival sees (PASTA).
 */
export function erlangA(servers: number, arrivalRate: number, serviceRate: number, abandonRate: number): QueueTheory {
  if (!(servers >= 1 && Number.isInteger(servers)) || !(arrivalRate > 0) || !(serviceRate > 0) || !(abandonRate >= 0) || !Number.isFinite(abandonRate)) {
    throw new Error(`erlangA: expected whole servers >= 1, positive rates and a finite abandonment rate >= 0, got c ${servers}, lambda ${arrivalRate}, mu ${serviceRate}, theta ${abandonRate}`);
  }
  if (abandonRate === 0) return erlangC(servers, arrivalRate, serviceRate);

  const c = servers, lambda = arrivalRate, mu = serviceRate, theta = abandonRate;
  const cmu = c * mu;
  // Weights w_n = exp(logP_n - scale), with p_0 = 1; sums rescaled when the scale moves up.
  let scale = 0, logP = 0;
  let total = 0, waitMass = 0, queueSum = 0, busySum = 0, servedMass = 0, servedWaitSum = 0;
  // Tagged-customer stage recursion for j = n - c ahead: P_j and S_j = sum_{i<=j} 1 / r_i.
  let pServed = 1, stageTime = 0;

  for (let n = 0; ; n++) {
    if (n > 0) {
      const death = Math.min(n, c) * mu + Math.max(0, n - c) * theta;
      logP += Math.log(lambda / death);
    }
    if (logP > scale) {
      const f = Math.exp(scale - logP);
      total *= f; waitMass *= f; queueSum *= f; busySum *= f; servedMass *= f; servedWaitSum *= f;
      scale = logP;
    }
    const w = Math.exp(logP - scale);
    total += w;
    busySum += Math.min(n, c) * w;
    if (n < c) {
      servedMass += w;
    } else {
      const j = n - c;
      const rate = cmu + j * theta + theta;
      pServed *= (cmu + j * theta) / rate;
      stageTime += 1 / rate;
      waitMass += w;
      queueSum += j * w;
      servedMass += w * pServed;
      servedWaitSum += w * pServed * stageTime;

      // Ratios p_{m+1} / p_m fall with m, so once r < 1 the tail is at most geometric.
      const r = lambda / (cmu + (j + 1) * theta);
      if (r < 1) {
        const tailMass = (w * r) / (1 - r);
        const tailQueue = w * ((j * r) / (1 - r) + r / ((1 - r) * (1 - r)));
        if (tailMass < TAIL * total && tailQueue < TAIL * Math.max(queueSum, total)) break;
      }
    }
    if (n >= MAX_STATES) {
      throw new Error(`erlangA: more than ${MAX_STATES} states needed (abandonment rate too small for the load), got c ${servers}, lambda ${arrivalRate}, mu ${serviceRate}, theta ${abandonRate}`);
    }
  }

  const meanQueue = queueSum / total;
  return {
    utilisation: busySum / total / c,
    pWait: waitMass / total,
    meanWait: meanQueue / lambda,
    meanQueue,
    pAbandon: (theta * meanQueue) / lambda,
    meanWaitServed: servedWaitSum / servedMass,
  };
}

/** Little's law: mean number in a system = arrival rate x mean time spent in it. */
export function littleL(arrivalRate: number, meanTime: number): number {
  return arrivalRate * meanTime;
}
