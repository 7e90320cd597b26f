/**
 * Nelder-Mead on the unit box [0, 1]^d (Nelder & Mead 1965; coefficients of Lagarias et al.
 * 1998: reflection 1, expansion 2, contraction ½, shrink ½), with points projected back into
 * the box. Written here rather than taken from npm (DESIGN.md §56): the maintained packages
 * either have no bounds, or evaluate one point at a time. This one asks its objective for a
 * batch of points at once (the reflection and the expansion together; every point of a shrink),
 * so a pool of workers evaluates them side by side. Pure: no timers, no chance.
 */

/** Evaluates points (each in [0,1]^d) and returns their objective values in order. */
export type BatchObjective = (points: number[][]) => Promise<number[]>;

export interface NelderMeadOptions {
  /** Starting point in [0,1]^d. */
  start: readonly number[];
  /** Initial simplex step along each axis (default 0.25). */
  step?: number;
  /** Stop after this many objective evaluations (default 200). */
  maxEvaluations?: number;
  /** Stop when every vertex is within this distance (max norm) of the best (default 0.01). */
  xTolerance?: number;
  /** …and the objective's spread over the simplex is below this (default 0.01). */
  fTolerance?: number;
  /** Asked before each batch: true stops the search (it returns the best so far). */
  shouldStop?: () => boolean;
  /** Told after each batch. */
  onProgress?: (p: { evaluations: number; best: number; iteration: number }) => void;
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  evaluations: number;
  iterations: number;
  /** Why it stopped. */
  stop: 'converged' | 'maxEvaluations' | 'cancelled';
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const along = (a: readonly number[], b: readonly number[], t: number) => a.map((ai, i) => clamp01(ai + t * (b[i]! - ai)));

/** Minimises `f` over [0,1]^d from `opts.start`. */
export async function nelderMead(f: BatchObjective, opts: NelderMeadOptions): Promise<NelderMeadResult> {
  const d = opts.start.length;
  if (d === 0) throw new Error('Nelder-Mead needs at least one parameter');
  const step = opts.step ?? 0.25;
  const maxEval = opts.maxEvaluations ?? 200;
  const xTol = opts.xTolerance ?? 0.01;
  const fTol = opts.fTolerance ?? 0.01;
  let evaluations = 0;
  let iteration = 0;
  const x0 = opts.start.map(clamp01);
  const simplex: number[][] = [x0];
  for (let i = 0; i < d; i++) {
    const v = [...x0];
    v[i] = v[i]! + step <= 1 ? v[i]! + step : v[i]! - step;
    simplex.push(v);
  }
  const evalBatch = async (pts: number[][]) => {
    const ys = await f(pts);
    if (ys.length !== pts.length) throw new Error(`the objective returned ${ys.length} values for ${pts.length} points`);
    evaluations += pts.length;
    return ys;
  };
  let values = await evalBatch(simplex);
  const order = () => {
    const idx = simplex.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const s = idx.map((i) => simplex[i]!);
    const v = idx.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...s);
    values = v;
  };
  const report = () => opts.onProgress?.({ evaluations, best: values[0]!, iteration });
  order();
  report();
  let stop: NelderMeadResult['stop'] = 'maxEvaluations';
  while (evaluations < maxEval) {
    const spreadX = Math.max(...simplex.slice(1).map((v) => Math.max(...v.map((vi, i) => Math.abs(vi - simplex[0]![i]!)))));
    if (spreadX < xTol && values[d]! - values[0]! < fTol) {
      stop = 'converged';
      break;
    }
    if (opts.shouldStop?.()) {
      stop = 'cancelled';
      break;
    }
    iteration++;
    const centroid = Array.from({ length: d }, (_, i) => simplex.slice(0, d).reduce((a, v) => a + v[i]!, 0) / d);
    const worst = simplex[d]!;
    const xr = along(centroid, worst, -1);
    const xe = along(centroid, worst, -2);
    const [fr, fe] = await evalBatch([xr, xe]);
    if (fr! < values[0]!) {
      if (fe! < fr!) [simplex[d], values[d]] = [xe, fe!];
      else [simplex[d], values[d]] = [xr, fr!];
    } else if (fr! < values[d - 1]!) {
      [simplex[d], values[d]] = [xr, fr!];
    } else {
      const outside = fr! < values[d]!;
      const xc = outside ? along(centroid, xr, 0.5) : along(centroid, worst, 0.5);
      const [fc] = await evalBatch([xc]);
      if (fc! < (outside ? fr! : values[d]!)) {
        [simplex[d], values[d]] = [xc, fc!];
      } else {
        const best = simplex[0]!;
        const shrunk = simplex.slice(1).map((v) => along(best, v, 0.5));
        const fs = await evalBatch(shrunk);
        shrunk.forEach((v, i) => ((simplex[i + 1] = v), (values[i + 1] = fs[i]!)));
      }
    }
    order();
    report();
  }
  return { x: [...simplex[0]!], f: values[0]!, evaluations, iterations: iteration, stop };
}
