import { detExp, detLog } from './detMath.ts';
import type { Stream } from './rng.ts';

/**
 * Samplers for the distributions the model uses. Each takes the stream to draw from so the
 * caller decides which named stream a quantity consumes. They use `detLog`/`detExp`, never
 * `Math.log`/`Math.cos`, so a seed gives the same numbers in every JavaScript engine.
 */

/** Exponential with the given mean (inverse transform; 0 mean gives 0). */
export function exponential(s: Stream, mean: number): number {
  if (mean <= 0) return 0;
  return -detLog(1 - s.next()) * mean;
}

/**
 * Exponential with the given mean conditioned to be at most `upper` (inverse transform of the
 * truncated distribution: one uniform, so streams stay aligned). A child already `age` hours into
 * a return horizon of H returns after Exp truncated to H − age: memorylessness makes this exact.
 */
export function truncatedExponential(s: Stream, mean: number, upper: number): number {
  return truncatedExponentialAt(s.next(), mean, upper);
}

/** The truncated exponential's quantile at `u` in [0, 1) (for a uniform drawn earlier). */
export function truncatedExponentialAt(u: number, mean: number, upper: number): number {
  if (mean <= 0 || upper <= 0) return 0;
  if (!Number.isFinite(upper)) return -detLog(1 - u) * mean;
  const mass = 1 - detExp(-upper / mean);
  return -detLog(1 - u * mass) * mean;
}

/**
 * Poisson with a small mean by inversion (Knuth, TAOCP vol. 2 §3.4.1); one uniform per call, so
 * the stream's alignment does not depend on the result. Means above 30 are refused: the warm
 * start uses means of 1/K for K snapshots.
 */
export function poisson(s: Stream, mean: number): number {
  if (!(mean >= 0 && mean <= 30)) throw new Error(`poisson: mean must be in [0, 30], got ${mean}`);
  const u = s.next();
  let k = 0;
  let p = detExp(-mean);
  let cdf = p;
  while (u > cdf && k < 200) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * Standard normal by Marsaglia's polar method (Marsaglia and Bray 1964), which needs no cosine;
 * each accepted pair gives two normals and the second is kept on the stream for the next call.
 * How many uniforms a call uses depends only on the uniforms, never on the scenario, so two
 * scenarios on the same seed stay aligned.
 */
export function standardNormal(s: Stream): number {
  const spare = s.spareNormal;
  if (spare === spare) {
    s.spareNormal = NaN;
    return spare;
  }
  let u: number;
  let v: number;
  let q: number;
  do {
    u = 2 * s.next() - 1;
    v = 2 * s.next() - 1;
    q = u * u + v * v;
  } while (q >= 1 || q === 0);
  const m = Math.sqrt((-2 * detLog(q)) / q); // sqrt is exactly rounded (IEEE 754)
  s.spareNormal = v * m;
  return u * m;
}

/** Normal with mean and standard deviation. */
export function normal(s: Stream, mean: number, sd: number): number {
  // Draws even when sd is 0, so streams stay aligned between scenarios that differ in sd.
  const z = standardNormal(s);
  return sd > 0 ? mean + sd * z : mean;
}

/**
 * Gamma with the given shape and mean, by Marsaglia and Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26(3); shape < 1 via the boost U^(1/shape).
 * Shape 1 is the exponential.
 */
export function gamma(s: Stream, shape: number, mean: number): number {
  if (mean <= 0) return 0;
  if (shape === 1) return exponential(s, mean);
  const scale = mean / shape;
  if (shape < 1) {
    const u = s.next();
    return gamma(s, shape + 1, (shape + 1) * scale) * detExp(detLog(u) / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(s);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = s.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (detLog(u) < 0.5 * x * x + d * (1 - v + detLog(v))) return d * v * scale;
  }
}

/** Index drawn with probability proportional to `weights` (all ≥ 0, sum > 0). */
export function pickWeighted(s: Stream, weights: readonly number[], total: number): number {
  let u = s.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  // Rounding can leave u at 0 on the last positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  throw new Error('pickWeighted: all weights are zero');
}
