/**
 * Erlang C: the M/M/c queue in steady state, for checking the engine against theory.
 *
 * With Poisson arrivals at rate λ, c servers each serving at exponential rate μ, offered load
 * a = λ/μ and utilisation ρ = a/c < 1, the chance an arrival has to wait is
 *
 *   C(c, a) = (a^c / c!) · c/(c − a)  ÷  [ Σ_{k=0}^{c−1} a^k/k!  +  (a^c / c!) · c/(c − a) ],
 *
 * the mean wait in queue is Wq = C(c, a) / (cμ − λ), and the mean number waiting is Lq = λ·Wq
 * (Little's law). Sources: A. K. Erlang (1917), "Solution of some problems in the theory of
 * probabilities of significance in automatic telephone exchanges", Elektroteknikeren 13;
 * L. Kleinrock (1975), Queueing Systems, Vol. 1: Theory, Wiley, §3.5, eqs. (3.40)-(3.43);
 * D. Gross, J. F. Shortle, J. M. Thompson and C. M. Harris (2008), Fundamentals of Queueing
 * Theory, 4th ed., Wiley, §2.3 (eqs. 2.26-2.30). For M/M/1, C = ρ and Wq = ρ/(μ − λ).
 *
 * Computed through the Erlang B recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)) and
 * C = c·B / (c − a·(1 − B)), which is exact and avoids large factorials (Gross et al. §2.3).
 */
export interface ErlangC {
  /** Chance an arrival waits, C(c, a). */
  probabilityOfWaiting: number;
  /** Mean wait in queue Wq, in the time unit of 1/λ and 1/μ (hours here). */
  meanWaitInQueue: number;
  /** Mean number waiting, Lq = λ·Wq. */
  meanNumberWaiting: number;
  /** Utilisation ρ = λ/(cμ). */
  utilisation: number;
}

/** Erlang C for arrival rate `lambda`, service rate `mu` per server and `c` servers; throws unless ρ < 1. */
export function erlangC(lambda: number, mu: number, c: number): ErlangC {
  if (!(lambda > 0 && mu > 0 && Number.isInteger(c) && c >= 1)) throw new Error(`erlangC: need λ > 0, μ > 0 and whole c ≥ 1, got λ=${lambda}, μ=${mu}, c=${c}`);
  const a = lambda / mu;
  const rho = a / c;
  if (!(rho < 1)) throw new Error(`erlangC: the queue is unstable (ρ = ${rho} ≥ 1)`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const pWait = (c * b) / (c - a * (1 - b));
  const wq = pWait / (c * mu - lambda);
  return { probabilityOfWaiting: pWait, meanWaitInQueue: wq, meanNumberWaiting: lambda * wq, utilisation: rho };
}

/** The same C(c, a) from the closed form with factorials (for checking the recursion; small c only). */
export function erlangCClosedForm(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const tail = (term * c) / (c - a); // term is now a^c / c!
  return tail / (sum + tail);
}
