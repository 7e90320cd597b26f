/**
 * Summary statistics across replications: mean and a 95% confidence interval from Student's t
 * (Law, Simulation Modeling and Analysis, 5th ed., §4.5: replications are i.i.d. observations).
 */

// t(0.975, df) for df = 1..30 to full double precision (R's qt(0.975, df); checked against
// Hill 1970 to 1e-6 in test/sim/stats.test.ts), so batch intervals and paired comparisons agree.
const T975 = [
  12.706204736174698, 4.302652729749464, 3.182446305284263, 2.7764451051977934, 2.570581835636314, 2.446911848791681, 2.364624251010299, 2.306004135204166,
  2.2621571582187063, 2.228138851986274, 2.200985160082949, 2.178812829667228, 2.160368656461013, 2.144786687916926, 2.131449545559323, 2.119905299221255,
  2.109815577833181, 2.100922040241038, 2.093024054408263, 2.085963447265837, 2.079613844727662, 2.073873067904015, 2.068657610419041, 2.063898561628021,
  2.059538552753294, 2.055529438642871, 2.051830516480283, 2.048407141795244, 2.045229642132703, 2.042272456301238,
];

/** The 97.5% quantile of Student's t with `df` degrees of freedom (table to 30, then Cornish-Fisher). */
export function tQuantile975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  const z = 1.959963984540054;
  const z2 = z * z;
  // Cornish-Fisher expansion of t about the normal, three terms (Abramowitz and Stegun 26.7.5).
  const g1 = (z2 * z + z) / 4;
  const g2 = (5 * z2 * z2 * z + 16 * z2 * z + 3 * z) / 96;
  const g3 = (3 * z2 * z2 * z2 * z + 19 * z2 * z2 * z + 17 * z2 * z - 15 * z) / 384;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df);
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

/**
 * Mean with a 95% t-interval; one value gives a zero-width interval (no spread can be estimated).
 * With `range`, the interval is cut to the values the quantity can take (a count is never below
 * 0, a share never outside [0, 1]): the true mean lies in that range, so cutting never removes it
 * and coverage stays at least 95% (a truncated interval; cf. Mandelkern 2002, Stat. Sci. 17:149).
 */
export function estimate(xs: readonly number[], range: readonly [number, number] = [-Infinity, Infinity]): { mean: number; ci95: [number, number] } {
  const m = mean(xs);
  if (xs.length < 2) return { mean: m, ci95: [m, m] };
  const half = tQuantile975(xs.length - 1) * (sampleSd(xs) / Math.sqrt(xs.length));
  const [lo, hi] = range;
  return { mean: m, ci95: [Math.max(lo, m - half), Math.min(hi, m + half)] };
}
