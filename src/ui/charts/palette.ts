/** Colour-blind-safe colours (Okabe and Ito), one per department, and the warning ramp. */
export const DEPARTMENT_COLOURS = {
  marketing: '#E69F00',
  insideSales: '#0072B2',
  fieldSales: '#009E73',
  customerSuccess: '#CC79A7',
} as const;

/** Fill of a department's stage-balance bar by utilisation: spare, near full, over. */
export function loadColour(utilisation: number): string {
  if (!(utilisation < 0.95)) return '#D55E00';
  if (utilisation >= 0.85) return '#E69F00';
  return '#009E73';
}

/** Colours of the scenarios in a comparison: the baseline, then up to three variants (Okabe and Ito). */
export const SCENARIO_COLOURS = ['#3B4450', '#D55E00', '#0072B2', '#009E73'] as const;
