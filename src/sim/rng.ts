/**
 * Named, seeded random streams. Each stochastic input draws from its own stream so that two
 * scenarios run on the same seed share arrivals and children (common random numbers): a
 * comparison then shows the effect of the change, not noise (Law, Simulation Modeling and
 * Analysis, 5th ed., §11.2). No `Math.random` anywhere in the core.
 *
 * The generator is xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021) with its 128-bit state filled by splitmix32. We first used
 * pure-rand 8's xoroshiro128plus, which seeds its state as (-1, ~seed, seed, 0) and returns the
 * weak low bits: M/M/5 waits drifted with the replication index, 5% under Erlang C (DESIGN.md).
 */
export const STREAM_NAMES = [
  'arrivals', // inter-arrival times, one sub-stream per agency
  'children', // each new child's need, known status, team, duplicate report
  'screening', // screeners' and managers' perception error and threshold inconsistency
  'work', // staff hours per screening
  'assessment', // assessors' perception, premature closure, early-help take-up
  'durations', // assessment, plan and early-help durations
  'returns', // time to a child's next contact and its agency
  'warmStart', // how many copies of each warm-state entity a replication starts with, and their residual times
  'delays', // when a delay with no staff of its own ends within its window (a research window)
  'workforce', // who leaves, when (turnover), and whether a new recruit is newly qualified
] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

/** fmix32 from MurmurHash3 (Appleby): spreads a 32-bit integer over all bits. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Derives an independent 32-bit seed from a base seed and a list of integer labels. */
export function deriveSeed(seed: number, ...labels: number[]): number {
  let h = mix32(seed ^ 0x9e3779b9);
  for (const l of labels) h = mix32(h ^ Math.imul(l + 1, 0x9e3779b1));
  return h;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** splitmix32 step (after Steele, Lea and Flood 2014): a well-mixed word from a counter. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** A stream of uniform doubles in [0, 1) with 53 random bits, from xoshiro128**. */
export class Stream {
  /**
   * The 128-bit state as four int32 words. A typed array, not four number fields: browsers
   * compress pointers, so half of all int32 values do not fit a small integer there and number
   * fields would hold them as heap numbers; an Int32Array holds them unboxed everywhere.
   */
  private readonly s = new Int32Array(4);
  /** How many doubles this stream has produced (for tests and diagnostics). */
  draws = 0;
  /** The second normal of the last polar-method pair, or NaN (see distributions.ts). */
  spareNormal = NaN;

  constructor(seed: number) {
    let x = seed | 0;
    const s = this.s;
    s[0] = splitmix32((x = (x + 0x9e3779b9) | 0));
    s[1] = splitmix32((x = (x + 0x9e3779b9) | 0));
    s[2] = splitmix32((x = (x + 0x9e3779b9) | 0));
    s[3] = splitmix32((x = (x + 0x9e3779b9) | 0));
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[3] = 1; // the all-zero state is a fixed point
  }

  /** Next 32-bit word as a signed int32 (xoshiro128**); callers shift it unsigned. */
  private word(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    const c = s[2]! ^ a;
    const d = s[3]! ^ b;
    s[1] = b ^ c;
    s[0] = a ^ d;
    s[2] = c ^ t;
    s[3] = rotl(d, 11);
    return result;
  }

  /** Next uniform in [0, 1). */
  next(): number {
    this.draws++;
    const hi = this.word() >>> 5; // 27 bits
    const lo = this.word() >>> 6; // 26 bits
    return (hi * TWO_POW_26 + lo) / TWO_POW_53;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Creates the named stream `name` (optionally sub-stream `sub`) for a replication seed. */
export function createStream(seed: number, name: StreamName, sub = 0): Stream {
  return new Stream(deriveSeed(seed, STREAM_NAMES.indexOf(name), sub));
}

/** The seed of replication `rep` of a batch started with `seed` (independent of worker count). */
export function replicationSeed(seed: number, rep: number): number {
  return deriveSeed(seed, 1000 + rep) & 0x7fffffff;
}
