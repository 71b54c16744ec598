/**
 * The reference formulas themselves: Erlang C against closed forms and the
 * textbook sum, Erlang A against cases solvable by hand (patience rate equal to
 * the service rate makes the number in system Poisson) and against independent
 * computations written out here (the chain solved directly, the offered wait's
 * Laplace transform, flow balance), and both against each other as theta -> 0.
 */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, littleL } from '../../src/engine/erlang.ts';

/** log(k!) by summation (exact enough for the k used here). */
function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

/** Poisson(a) probabilities 0..max, in log space. */
function poisson(a: number, max: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= max; k++) out.push(Math.exp(-a + k * Math.log(a) - logFactorial(k)));
  return out;
}

/** Erlang C by the textbook formula: (a^c/c! * c/(c-a)) / (sum_{k<c} a^k/k! + a^c/c! * c/(c-a)), in log space. */
function erlangCTextbook(c: number, a: number): number {
  const terms: number[] = [];
  for (let k = 0; k < c; k++) terms.push(k * Math.log(a) - logFactorial(k));
  const logTop = c * Math.log(a) - logFactorial(c) + Math.log(c / (c - a));
  const m = Math.max(logTop, ...terms);
  const below = terms.reduce((s, t) => s + Math.exp(t - m), 0);
  const top = Math.exp(logTop - m);
  return top / (below + top);
}

/** The M/M/c+M state distribution solved directly (small c only): p_n proportional to prod lambda / death_k. */
function chain(c: number, lambda: number, mu: number, theta: number, states: number): number[] {
  const p = [1];
  for (let n = 1; n < states; n++) p.push((p[n - 1] * lambda) / (Math.min(n, c) * mu + Math.max(0, n - c) * theta));
  const total = p.reduce((s, x) => s + x, 0);
  return p.map((x) => x / total);
}

describe('Erlang C', () => {
  it('M/M/1 at rho 0.8: P(wait) 0.8, Wq = rho / (mu - lambda) = 4, Lq = 3.2, utilisation 0.8', () => {
    const q = erlangC(1, 0.8, 1);
    expect(q.pWait).toBeCloseTo(0.8, 12);
    expect(q.meanWait).toBeCloseTo(0.8 / (1 - 0.8), 12);
    expect(q.meanQueue).toBeCloseTo(3.2, 12);
    expect(q.utilisation).toBeCloseTo(0.8, 12);
    expect(q.pAbandon).toBe(0);
  });

  it('M/M/2 with lambda 1.6, mu 1: P(wait) = 2 rho^2 / (1 + rho) = 0.7111, Wq = C / (2 mu - lambda) = 1.7778', () => {
    const q = erlangC(2, 1.6, 1);
    expect(q.pWait).toBeCloseTo((2 * 0.8 ** 2) / 1.8, 12);
    expect(q.pWait).toBeCloseTo(0.7111, 4);
    expect(q.meanWait).toBeCloseTo(q.pWait / 0.4, 12);
    expect(q.meanWait).toBeCloseTo(1.7778, 4);
  });

  it('Erlang C: M/M/5 at rho 0.8 has P(wait) 0.5541 (textbook sum of a^k / k!), Wq 0.5541, Lq 2.2165', () => {
    const q = erlangC(5, 4, 1);
    // Straightforward sum, no logs: a = 4, c = 5.
    let sum = 0, term = 1;
    for (let k = 0; k < 5; k++) { if (k > 0) term *= 4 / k; sum += term; }
    const top = ((term * 4) / 5) * (5 / (5 - 4));
    expect(q.pWait).toBeCloseTo(top / (sum + top), 12);
    expect(q.pWait).toBeCloseTo(0.5541, 4);
    expect(q.meanWait).toBeCloseTo(0.5541, 4);
    expect(q.meanQueue).toBeCloseTo(2.2165, 4);
  });

  it('M/M/200 at rho 0.95: P(wait) 0.3653 from the recursion equals the textbook sum in log space', () => {
    const q = erlangC(200, 190, 1);
    expect(q.pWait).toBeCloseTo(erlangCTextbook(200, 190), 12);
    expect(q.pWait).toBeCloseTo(0.3653, 4);
    expect(Number.isFinite(q.meanWait)).toBe(true);
  });

  it('times scale with 1 / mu: doubling both rates keeps P(wait) and halves Wq; Lq = lambda Wq', () => {
    const slow = erlangC(3, 2.4, 1), fast = erlangC(3, 4.8, 2);
    expect(fast.pWait).toBeCloseTo(slow.pWait, 12);
    expect(fast.meanWait).toBeCloseTo(slow.meanWait / 2, 12);
    expect(fast.meanQueue).toBeCloseTo(littleL(4.8, fast.meanWait), 12);
    expect(fast.meanWaitServed).toBe(fast.meanWait);
  });

  it('refuses rho >= 1 and invalid inputs, quoting the values received', () => {
    expect(() => erlangC(2, 3, 1)).toThrow('rho 1.5');
    expect(() => erlangC(2, 2, 1)).toThrow('rho 1');
    expect(() => erlangC(2.5, 1, 1)).toThrow('c 2.5');
    expect(() => erlangC(2, -1, 1)).toThrow('lambda -1');
    expect(() => erlangC(2, 1, 0)).toThrow('mu 0');
    expect(() => erlangC(2, Number.NaN, 1)).toThrow('lambda NaN');
  });
});

describe('Erlang A', () => {
  it('theta = mu makes the number in system Poisson(a): M/M/3+M with a 4 has P(wait) = P(Poisson(4) >= 3) = 0.7619', () => {
    const pois = poisson(4, 80);
    const below = pois[0] + pois[1] + pois[2];
    const q = erlangA(3, 4, 1, 1);
    expect(q.pWait).toBeCloseTo(1 - below, 12);
    expect(q.pWait).toBeCloseTo(0.7619, 4);
    // E[(N - c)+] and E[min(N, c)] / c of the Poisson.
    const lq = pois.reduce((s, p, n) => s + Math.max(0, n - 3) * p, 0);
    const busy = pois.reduce((s, p, n) => s + Math.min(n, 3) * p, 0);
    expect(q.meanQueue).toBeCloseTo(lq, 12);
    expect(q.utilisation).toBeCloseTo(busy / 3, 12);
    expect(q.pAbandon).toBeCloseTo(lq / 4, 12);
  });

  it('theta = mu with 200 servers and a 180: P(wait) = P(Poisson(180) >= 200) = 0.0749, no overflow', () => {
    const pois = poisson(180, 400);
    const tail = pois.slice(200).reduce((s, p) => s + p, 0);
    const q = erlangA(200, 180, 1, 1);
    expect(q.pWait).toBeCloseTo(tail, 12);
    expect(q.pWait).toBeCloseTo(0.0749, 4);
  });

  it('theta = mu: mean wait of the served = sum_{n>=c} pois(n) c/(n+1) (H_{n+1} - H_c) / P(served) (telescoping stages), 0.3138 for M/M/3+M at a 4', () => {
    // With theta = mu the stage with i ahead advances with probability (c+i)/(c+i+1): P_j = c/(c+j+1),
    // and its mean time is 1/((c+i+1) mu), so the wait sums to (H_{n+1} - H_c) / mu for n = c + j in system.
    const c = 3, a = 4;
    const pois = poisson(a, 100);
    let servedMass = 0, servedWait = 0;
    for (let n = 0; n < pois.length; n++) {
      if (n < c) { servedMass += pois[n]; continue; }
      let h = 0;
      for (let k = c + 1; k <= n + 1; k++) h += 1 / k;
      servedMass += (pois[n] * c) / (n + 1);
      servedWait += ((pois[n] * c) / (n + 1)) * h;
    }
    const q = erlangA(c, a, 1, 1);
    expect(servedMass).toBeCloseTo(1 - q.pAbandon, 12);
    expect(q.meanWaitServed).toBeCloseTo(servedWait / servedMass, 12);
    expect(q.meanWaitServed).toBeCloseTo(0.3138, 4);
  });

  it('theta 1e-9 approaches Erlang C within 1e-6: M/M/5 at rho 0.8 (P(wait) 0.5541) and M/M/200 at rho 0.95 (0.3653)', () => {
    for (const [c, lambda] of [[5, 4], [200, 190], [1, 0.8]] as const) {
      const A = erlangA(c, lambda, 1, 1e-9), C = erlangC(c, lambda, 1);
      expect(Math.abs(A.pWait - C.pWait)).toBeLessThan(1e-6);
      expect(Math.abs(A.meanWait - C.meanWait)).toBeLessThan(1e-6);
      expect(Math.abs(A.meanQueue - C.meanQueue)).toBeLessThan(1e-6);
      expect(Math.abs(A.utilisation - C.utilisation)).toBeLessThan(1e-6);
      expect(Math.abs(A.meanWaitServed! - C.meanWait)).toBeLessThan(1e-6);
      expect(A.pAbandon).toBeLessThan(1e-6);
    }
  });

  it('theta 0 is Erlang C exactly', () => {
    expect(erlangA(5, 4, 1, 0)).toEqual(erlangC(5, 4, 1));
  });

  it('P(abandon) lies in (0, 1) and equals theta Lq / lambda; flow balance c mu utilisation = lambda (1 - P(abandon))', () => {
    for (const [c, lambda, mu, theta] of [[5, 6, 1, 0.5], [3, 2.7, 1, 0.2], [5, 5.5, 1, 0.5], [200, 220, 1, 0.5], [1, 3, 2, 4]]) {
      const q = erlangA(c, lambda, mu, theta);
      expect(q.pAbandon).toBeGreaterThan(0);
      expect(q.pAbandon).toBeLessThan(1);
      expect(q.pAbandon).toBeCloseTo((theta * q.meanQueue) / lambda, 12);
      expect(q.meanQueue).toBeCloseTo(littleL(lambda, q.meanWait), 12);
      // Departures by service (E[min(N, c)] mu) plus abandonments (theta Lq) = arrivals.
      expect(c * mu * q.utilisation).toBeCloseTo(lambda * (1 - q.pAbandon), 10);
    }
  });

  it('above rho 1 the queue stays finite: M/M/5+M at lambda 6, mean patience 2 abandons 0.2264 > 1/6 of arrivals', () => {
    const q = erlangA(5, 6, 1, 0.5);
    expect(q.pAbandon).toBeGreaterThan(1 / 6);
    expect(q.pAbandon).toBeCloseTo(0.2264, 4);
    expect(q.pWait).toBeCloseTo(0.8028, 4);
  });

  it('matches the chain solved directly and the offered wait V by its Laplace transform: P(served) = E[e^{-theta V}] = 1 - P(abandon), E[W | served] = E[V e^{-theta V}] / E[e^{-theta V}]', () => {
    // A patient-less "offered wait" V with j ahead is a sum of Exp(c mu + i theta), i = 0..j (those ahead also
    // abandon); the tagged customer is served iff its patience exceeds V, and then waits V.
    for (const [c, lambda, mu, theta] of [[5, 6, 1, 0.5], [3, 2.7, 1, 0.2], [2, 1.5, 0.8, 2]]) {
      const p = chain(c, lambda, mu, theta, 600);
      const laplace = (j: number, s: number) => {
        let l = 1;
        for (let i = 0; i <= j; i++) l *= (c * mu + i * theta) / (c * mu + i * theta + s);
        return l;
      };
      const h = 1e-5;
      let pServed = 0, served = 0, pWait = 0, lq = 0;
      for (let n = 0; n < p.length; n++) {
        if (n < c) { pServed += p[n]; continue; }
        const j = n - c;
        pWait += p[n];
        lq += j * p[n];
        pServed += p[n] * laplace(j, theta);
        // E[V e^{-theta V}] = -L'(theta), central difference.
        served += (p[n] * -(laplace(j, theta + h) - laplace(j, theta - h))) / (2 * h);
      }
      const q = erlangA(c, lambda, mu, theta);
      expect(q.pWait).toBeCloseTo(pWait, 12);
      expect(q.meanQueue).toBeCloseTo(lq, 12);
      expect(pServed).toBeCloseTo(1 - q.pAbandon, 12);
      expect(q.meanWaitServed).toBeCloseTo(served / pServed, 8);
    }
  });

  it('the served wait is below its conditional counterparts: E[W | served] <= E[V] (infinitely patient offered wait) and E[W 1{served}] <= E[W]', () => {
    // E[V e^{-theta V}] <= E[V] E[e^{-theta V}] because V and e^{-theta V} move in opposite directions.
    for (const [c, lambda, mu, theta] of [[5, 6, 1, 0.5], [3, 2.7, 1, 0.2], [5, 4, 1, 1], [10, 9, 1, 0.05]]) {
      const p = chain(c, lambda, mu, theta, 2000);
      let offered = 0;
      for (let n = c; n < p.length; n++) {
        let v = 0;
        for (let i = 0; i <= n - c; i++) v += 1 / (c * mu + i * theta);
        offered += p[n] * v;
      }
      const q = erlangA(c, lambda, mu, theta);
      expect(q.meanWaitServed!).toBeLessThanOrEqual(offered);
      expect(q.meanWaitServed! * (1 - q.pAbandon)).toBeLessThanOrEqual(q.meanWait);
      expect(q.meanWaitServed!).toBeGreaterThan(0);
    }
  });

  it('refuses invalid inputs, quoting the values received', () => {
    expect(() => erlangA(0, 1, 1, 1)).toThrow('c 0');
    expect(() => erlangA(2, 1, 1, -0.5)).toThrow('theta -0.5');
    expect(() => erlangA(2, 1, 1, Number.NaN)).toThrow('theta NaN');
    expect(() => erlangA(2, 3, 1, 0)).toThrow('rho 1.5');
  });
});

describe('littleL', () => {
  it('L = lambda W: 4.5 per day waiting 2 days is 9 in queue', () => {
    expect(littleL(4.5, 2)).toBe(9);
  });
});
