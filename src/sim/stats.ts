/**
 * Summary statistics across replications: mean and a 95% confidence interval from Student's t
 * (Law, Simulation Modeling and Analysis, 5th ed., §4.5: replications are i.i.d. observations).
 */

// t(0.975, df) for df = 1..30 (standard tables, e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 97.5% quantile of Student's t with `df` degrees of freedom (tables to 30, then Cornish-Fisher). */
export function tQuantile975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  const z = 1.959964;
  // Cornish-Fisher expansion of t about the normal (Abramowitz and Stegun 26.7.5).
  const z3 = z * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
}

/** Mean of the values (0 for none). */
export function mean(xs: readonly number[]): number {
  if (!xs.length) return 0;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** Mean with a 95% t-interval; one value gives a zero-width interval (no spread can be estimated). */
export function estimate(xs: readonly number[]): { mean: number; ci95: [number, number] } {
  const m = mean(xs);
  if (xs.length < 2) return { mean: m, ci95: [m, m] };
  const half = tQuantile975(xs.length - 1) * (sampleSd(xs) / Math.sqrt(xs.length));
  return { mean: m, ci95: [m - half, m + half] };
}
