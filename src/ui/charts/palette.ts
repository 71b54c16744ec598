/** Colour-blind-safe colours (Okabe and Ito): the departments' (from their descriptors), the losses' and the warning ramp. */
import { DEPARTMENT_LIST, type Department } from '../../domain/departments.ts';

/** Each department's colour, as its descriptor declares it. */
export const DEPARTMENT_COLOURS = Object.fromEntries(DEPARTMENT_LIST.map((d) => [d.key, d.colour])) as Record<Department, string>;

/** Bars of losses: red for those waiting caused (capacity avoids them), grey for the others. */
export const LOSS_COLOURS = { whileWaiting: '#D55E00', other: '#8C96A0' } as const;

/** Fill of a department's stage-balance bar by utilisation: spare, near full, over. */
export function loadColour(utilisation: number): string {
  if (!(utilisation < 0.95)) return '#D55E00';
  if (utilisation >= 0.85) return '#E69F00';
  return '#009E73';
}

/** Colours of the scenarios in a comparison: the baseline, then up to three variants (Okabe and Ito). */
export const SCENARIO_COLOURS = ['#3B4450', '#D55E00', '#0072B2', '#009E73'] as const;
