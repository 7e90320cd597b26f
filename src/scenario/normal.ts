/**
 * Normal probabilities for the capacity check (src/scenario may not import the engine's
 * distributions, and these need no random numbers).
 */

/** Standard normal cumulative distribution (erfc after Numerical Recipes §6.2; error < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Chance that a normal(mean, sd) variable is at or above `level` (sd 0 gives 0 or 1). */
export function above(level: number, mean: number, sd: number): number {
  if (sd <= 0) return mean >= level ? 1 : 0;
  return 1 - normalCdf((level - mean) / sd);
}
