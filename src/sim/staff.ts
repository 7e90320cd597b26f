/**
 * Staff as the engine sees them: pools of screeners or managers who take one piece of work at
 * a time, and social workers who each hold up to a caseload cap of assessments. Queues are
 * first come, first served, with an urgent lane served first (child protection fast track,
 * returned reclassifications).
 */

/** A first-in first-out queue of case ids with an urgent lane. */
export class CaseQueue {
  private urgent: number[] = [];
  private normal: number[] = [];
  private uHead = 0;
  private nHead = 0;

  get length(): number {
    return this.urgent.length - this.uHead + (this.normal.length - this.nHead);
  }

  push(id: number, urgent = false): void {
    (urgent ? this.urgent : this.normal).push(id);
  }

  /** Takes the next case id (urgent first), or -1 when empty. */
  shift(): number {
    if (this.uHead < this.urgent.length) {
      const id = this.urgent[this.uHead++]!;
      if (this.uHead > 1024 && this.uHead * 2 > this.urgent.length) {
        this.urgent = this.urgent.slice(this.uHead);
        this.uHead = 0;
      }
      return id;
    }
    if (this.nHead < this.normal.length) {
      const id = this.normal[this.nHead++]!;
      if (this.nHead > 1024 && this.nHead * 2 > this.normal.length) {
        this.normal = this.normal.slice(this.nHead);
        this.nHead = 0;
      }
      return id;
    }
    return -1;
  }

  /** The ids waiting, urgent lane first (for snapshots). */
  ids(): number[] {
    return [...this.urgent.slice(this.uHead), ...this.normal.slice(this.nHead)];
  }
}

/** Staff who each do one piece of work at a time; unqualified staff are used first. */
export class ServerPool {
  private freeUnqualified: number;
  private freeQualified: number;
  readonly queue = new CaseQueue();

  constructor(
    readonly unqualified: number,
    readonly qualified: number,
  ) {
    this.freeUnqualified = unqualified;
    this.freeQualified = qualified;
  }

  get size(): number {
    return this.unqualified + this.qualified;
  }

  get busy(): number {
    return this.size - this.freeUnqualified - this.freeQualified;
  }

  /** Takes a free member of staff: 'u' unqualified, 'q' qualified, or null if all are busy. */
  acquire(): 'u' | 'q' | null {
    if (this.freeUnqualified > 0) {
      this.freeUnqualified--;
      return 'u';
    }
    if (this.freeQualified > 0) {
      this.freeQualified--;
      return 'q';
    }
    return null;
  }

  release(kind: 'u' | 'q'): void {
    if (kind === 'u') {
      if (this.freeUnqualified >= this.unqualified) throw new Error('released an unqualified screener who was not busy');
      this.freeUnqualified++;
    } else {
      if (this.freeQualified >= this.qualified) throw new Error('released a qualified screener who was not busy');
      this.freeQualified++;
    }
  }
}

/**
 * Social workers of one duty team, each holding up to a cap of assessments. Workers are kept in
 * buckets by free places, so allocation to the worker with the most free places (a manager
 * balancing caseloads) costs O(cap), not O(workers): events per second stay flat as a county
 * grows (npm run bench).
 */
export class Caseloads {
  readonly caps: number[];
  readonly load: number[];
  readonly newlyQualified: boolean[];
  /** Places of the workers in post (changes when a worker joins, leaves or matures: engine/workforce.ts). */
  places: number;
  held = 0;
  readonly queue = new CaseQueue();
  /** buckets[f] lists the workers with exactly f free places; pos[w] is w's index in its bucket. */
  private readonly buckets: number[][];
  private readonly pos: number[];
  private top: number;

  /** `filled` posts, of which `nq` are newly qualified with the protected cap. */
  constructor(filled: number, nq: number, cap: number, nqCap: number) {
    this.caps = [];
    this.newlyQualified = [];
    for (let i = 0; i < filled; i++) {
      const isNq = i < nq;
      this.caps.push(isNq ? nqCap : cap);
      this.newlyQualified.push(isNq);
    }
    this.load = Array.from({ length: filled }, () => 0);
    this.places = this.caps.reduce((a, b) => a + b, 0);
    this.top = Math.max(cap, nqCap, 0);
    this.buckets = Array.from({ length: this.top + 1 }, () => [] as number[]);
    this.pos = Array.from({ length: filled }, () => 0);
    // Lowest index first within a bucket, as a scan from worker 0 would find them.
    for (let w = filled - 1; w >= 0; w--) this.put(w, this.caps[w]!);
  }

  get workers(): number {
    return this.caps.length;
  }

  private put(w: number, free: number): void {
    const b = this.buckets[free]!;
    this.pos[w] = b.length;
    b.push(w);
  }

  private take(w: number, free: number): void {
    const b = this.buckets[free]!;
    const i = this.pos[w]!;
    const last = b.pop()!;
    if (last !== w) {
      b[i] = last;
      this.pos[last] = i;
    }
  }

  /** Allocates to a worker with the most free places; -1 if nobody has a free place. */
  acquire(): number {
    let f = this.top;
    while (f > 0 && this.buckets[f]!.length === 0) f--;
    if (f === 0) return -1;
    const b = this.buckets[f]!;
    const w = b[b.length - 1]!;
    this.take(w, f);
    this.put(w, f - 1);
    this.load[w]!++;
    this.held++;
    return w;
  }

  /** Whether worker `w` is in post, at work (not off sick) and has a free place. */
  hasFreePlace(w: number): boolean {
    return this.inPost(w) && !this.isAway(w) && this.load[w]! < this.caps[w]!;
  }

  /** Allocates to worker `w`, who must have a free place (hasFreePlace). */
  acquireWorker(w: number): number {
    if (!this.hasFreePlace(w)) throw new Error(`worker ${w} has no free place`);
    const free = this.caps[w]! - this.load[w]!;
    this.take(w, free);
    this.put(w, free - 1);
    this.load[w]!++;
    this.held++;
    return w;
  }

  release(worker: number): void {
    if (!(this.load[worker]! > 0)) throw new Error(`released a caseload place worker ${worker} did not hold`);
    if ((this.gone !== null && this.gone[worker]) || (this.absent !== null && this.absent[worker])) {
      // A leaver's assessment, finished by colleagues: the place goes with them. An absent
      // worker's: the place is free when they come back (back() counts their load then).
      this.load[worker]!--;
      this.held--;
      return;
    }
    const free = this.caps[worker]! - this.load[worker]!;
    this.take(worker, free);
    this.put(worker, free + 1);
    this.load[worker]!--;
    this.held--;
  }

  /** Workers who have left (null until one does: the common run never pays for it). */
  private gone: boolean[] | null = null;

  /** Whether worker `w` is in post. */
  inPost(w: number): boolean {
    return w < this.caps.length && !(this.gone !== null && this.gone[w]);
  }

  /** A worker joins with caseload cap `cap` (at most the largest cap the team was built with); returns their index. */
  addWorker(cap: number, newlyQualified: boolean): number {
    if (cap > this.top) throw new Error(`a joiner's cap ${cap} is above the team's largest cap ${this.top}`);
    const w = this.caps.length;
    this.caps.push(cap);
    this.newlyQualified.push(newlyQualified);
    this.load.push(0);
    this.pos.push(0);
    this.gone?.push(false);
    this.absent?.push(false);
    this.put(w, cap);
    this.places += cap;
    return w;
  }

  /**
   * Worker `w` leaves: they take no new case and their places go. The assessments they hold run
   * on to completion, finished by colleagues over their caps (release() then frees no place).
   */
  retire(w: number): void {
    if (!this.inPost(w)) throw new Error(`worker ${w} is not in post`);
    if (this.isAway(w)) {
      // Off sick when they leave: their places went when the absence began.
      this.absent![w] = false;
    } else {
      this.take(w, this.caps[w]! - this.load[w]!);
      this.places -= this.caps[w]!;
    }
    this.gone ??= this.caps.map(() => false);
    this.gone[w] = true;
  }

  /** Worker `w`'s cap rises to `cap` (a newly qualified worker leaves the protected cap). */
  raiseCap(w: number, cap: number, newlyQualified: boolean): void {
    if (!this.inPost(w)) return;
    const old = this.caps[w]!;
    if (cap < old || cap > this.top) throw new Error(`worker ${w}: cap ${old} cannot become ${cap}`);
    this.newlyQualified[w] = newlyQualified;
    if (this.isAway(w)) {
      // Their places come back at the new cap when they do.
      this.caps[w] = cap;
      return;
    }
    this.take(w, old - this.load[w]!);
    this.caps[w] = cap;
    this.put(w, cap - this.load[w]!);
    this.places += cap - old;
  }

  /** Workers off sick (null until one is: the common run never pays for it). */
  private absent: boolean[] | null = null;

  /** Whether worker `w` is off sick. */
  isAway(w: number): boolean {
    return this.absent !== null && this.absent[w] === true;
  }

  /**
   * Worker `w` goes off sick: they take no new case and their places leave the team's count
   * until they come back; the assessments they hold run on (in this model of places, not hours).
   */
  away(w: number): void {
    if (!this.inPost(w) || this.isAway(w)) return;
    this.take(w, this.caps[w]! - this.load[w]!);
    this.places -= this.caps[w]!;
    this.absent ??= this.caps.map(() => false);
    this.absent[w] = true;
  }

  /** Worker `w` comes back from sickness with the places their load leaves free. */
  back(w: number): void {
    if (!this.isAway(w)) return;
    this.absent![w] = false;
    this.put(w, Math.max(0, this.caps[w]! - this.load[w]!));
    this.places += this.caps[w]!;
  }
}

/** Filled posts and how many are newly qualified, rounded to whole people. */
export function staffing(posts: number, vacancyRate: number, newlyQualifiedShare: number): { filled: number; nq: number } {
  const filled = Math.round(posts * (1 - vacancyRate));
  return { filled, nq: Math.round(filled * newlyQualifiedShare) };
}

/**
 * Whole people for shares spread over teams, rounded once for the county by the largest
 * remainder (Hamilton) method: the county total is the rounded sum, and each team gets its
 * floor plus one for the largest fractional parts (ties to the earlier team). Rounding each
 * team separately hid the difference between 13% and 10% vacancies on 8-post teams.
 */
export function largestRemainder(exact: readonly number[]): number[] {
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  let extra = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - floors[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (extra <= 0) break;
    floors[i]!++;
    extra--;
  }
  return floors;
}

/** Filled posts and newly qualified workers for every team, rounded at county level. */
export function countyStaffing(
  teams: readonly { socialWorkerPosts: number; vacancyRate: number; newlyQualifiedShare: number }[],
): { filled: number; nq: number }[] {
  const filled = largestRemainder(teams.map((t) => t.socialWorkerPosts * (1 - t.vacancyRate)));
  const nq = largestRemainder(teams.map((t, i) => filled[i]! * t.newlyQualifiedShare));
  return filled.map((f, i) => ({ filled: f, nq: Math.min(f, nq[i]!) }));
}

/**
 * Agency workers a yearly budget keeps in post all year: the budget over one worker's cost for a
 * year of the calendar's working hours (37 a week on the usual calendar, less bank holidays).
 */
export function agencyWorkersBought(budgetPerYear: number, hourlyCost: number, workingHoursPerYear: number): number {
  if (!(budgetPerYear > 0 && hourlyCost > 0 && workingHoursPerYear > 0)) return 0;
  return Math.floor(budgetPerYear / (hourlyCost * workingHoursPerYear) + 1e-9);
}

/** A duty worker's full-time equivalent: part-time workers are spread evenly through the team's index order (worker `w` is part-time when ⌊(w+1)s⌋ > ⌊ws⌋). */
export function fteOf(spec: { partTimeShare: number; partTimeFte: number }, worker: number): number {
  const s = spec.partTimeShare;
  return Math.floor((worker + 1) * s + 1e-9) > Math.floor(worker * s + 1e-9) ? spec.partTimeFte : 1;
}

/** Casework hours per working hour of duty worker `worker`: FTE × (1 − non-case work share) (src/sim/engine/casework.ts). */
export function caseworkCapacity(spec: { partTimeShare: number; partTimeFte: number; nonCaseWorkShare: number }, worker: number): number {
  return fteOf(spec, worker) * (1 - spec.nonCaseWorkShare);
}

/**
 * Which teams a number of agency workers cover, one at a time, each going to the team with the
 * most posts still uncovered (ties to the first team), while that is more than `atLeast`:
 * the team index of each worker placed, in order. Shared by the engine (engine/workforce.ts,
 * whole vacant posts) and the capacity check (flow/capacity.ts, average filled posts).
 */
export function coverPicks(uncovered: readonly number[], workers: number, atLeast = 0): number[] {
  const left = [...uncovered];
  const picks: number[] = [];
  while (picks.length < workers) {
    let best = -1;
    let most = atLeast;
    left.forEach((u, t) => {
      if (u > most) {
        most = u;
        best = t;
      }
    });
    if (best < 0) break;
    left[best]!--;
    picks.push(best);
  }
  return picks;
}
