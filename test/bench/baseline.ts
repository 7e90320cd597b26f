/**
 * The practical speed limit on this machine: a bare M/M/c simulation in plain TypeScript (an
 * array binary heap of (time, kind) pairs and inverse-transform exponentials, no records, no
 * machine, no calendar). The engine's events per second are reported as a ratio of this.
 */
export function baselineMmc(events: number, lambda = 1, mu = 0.125, c = 10): { events: number; ms: number } {
  let seed = 12345;
  const uniform = () => {
    // mulberry32 (Tommy Ettinger, public domain): cheap and good enough for a speed baseline.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const exp = (rate: number) => -Math.log(1 - uniform()) / rate;
  const times: number[] = [];
  const kinds: number[] = [];
  const push = (t: number, k: number) => {
    let i = times.length;
    times.push(t);
    kinds.push(k);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p]! <= t) break;
      times[i] = times[p]!;
      kinds[i] = kinds[p]!;
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };
  const pop = (): [number, number] => {
    const t0 = times[0]!;
    const k0 = kinds[0]!;
    const lt = times.pop()!;
    const lk = kinds.pop()!;
    const n = times.length;
    if (n) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && times[r]! < times[l]! ? r : l;
        if (times[m]! >= lt) break;
        times[i] = times[m]!;
        kinds[i] = kinds[m]!;
        i = m;
      }
      times[i] = lt;
      kinds[i] = lk;
    }
    return [t0, k0];
  };
  const start = performance.now();
  let busy = 0;
  let queue = 0;
  push(exp(lambda), 0);
  for (let e = 0; e < events; e++) {
    const [t, kind] = pop();
    if (kind === 0) {
      push(t + exp(lambda), 0);
      if (busy < c) {
        busy++;
        push(t + exp(mu), 1);
      } else queue++;
    } else if (queue > 0) {
      queue--;
      push(t + exp(mu), 1);
    } else busy--;
  }
  return { events, ms: performance.now() - start };
}
