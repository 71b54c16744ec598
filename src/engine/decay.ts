/**
 * Decay of conversion with waiting: a function from wait (days) to a multiplier
 * of the conversion probability.
 */
import type { DecaySpec } from '../scenario/types.ts';

/** Wait (days) -> multiplier in [0, 1]. */
export type Decay = (waitDays: number) => number;

const HOUR = 1 / 24;

/**
 * Speed to lead (HBR, Oldroyd et al. 2011; MIT/InsideSales 2007): the odds of
 * qualifying fall as a power law of the time to first contact, about t^-1.3
 * between 1 and 24 hours (60x lower at 24 h than within the hour). Normalised to
 * contact within the first hour: the conversion rate entered is the rate of leads
 * reached within an hour. The steeper minutes-scale part (t^-1.7 from 5 to 30
 * minutes) is left out: a multiplier above 1 would push rates above what users
 * entered, and IS queues are measured in hours and days. Flat after 24 hours:
 * the research has no figures beyond, and a lead reached late still converts
 * at 1/60 of the rate.
 */
export const SPEED_TO_LEAD_POINTS: [number, number][] = [
  [HOUR, 1],
  [24 * HOUR, Math.pow(24, -1.3)],
];

/** Compiles a decay specification into a function of the wait. */
export function compileDecay(spec: DecaySpec): Decay {
  switch (spec.kind) {
    case 'none':
      return () => 1;
    case 'halfLife': {
      const rate = Math.LN2 / spec.halfLifeDays;
      return (w) => Math.exp(-rate * w);
    }
    case 'curve':
      return logLogCurve(spec.points);
    case 'preset':
      return logLogCurve(SPEED_TO_LEAD_POINTS);
  }
}

/**
 * Interpolates points linearly in (log wait, log multiplier), so a power law is
 * a straight line; flat before the first point and after the last.
 */
export function logLogCurve(points: [number, number][]): Decay {
  const lx = points.map((p) => Math.log(p[0]));
  const ly = points.map((p) => Math.log(p[1]));
  const first = Math.min(1, points[0][1]);
  const last = Math.min(1, points[points.length - 1][1]);
  return (w) => {
    if (w <= points[0][0]) return first;
    if (w >= points[points.length - 1][0]) return last;
    const x = Math.log(w);
    let i = 1;
    while (lx[i] < x) i++;
    const f = (x - lx[i - 1]) / (lx[i] - lx[i - 1]);
    return Math.min(1, Math.exp(ly[i - 1] + f * (ly[i] - ly[i - 1])));
  };
}
