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

/** Social workers of one duty team, each holding up to a cap of assessments. */
export class Caseloads {
  readonly caps: number[];
  readonly load: number[];
  readonly newlyQualified: boolean[];
  readonly places: number;
  held = 0;
  readonly queue = new CaseQueue();

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
  }

  get workers(): number {
    return this.caps.length;
  }

  /** Allocates to the worker with the most free places (a manager balancing caseloads); -1 if none is free. */
  acquire(): number {
    let best = -1;
    let bestFree = 0;
    for (let i = 0; i < this.caps.length; i++) {
      const free = this.caps[i]! - this.load[i]!;
      if (free > bestFree) {
        best = i;
        bestFree = free;
      }
    }
    if (best >= 0) {
      this.load[best]!++;
      this.held++;
    }
    return best;
  }

  release(worker: number): void {
    if (!(this.load[worker]! > 0)) throw new Error(`released a caseload place worker ${worker} did not hold`);
    this.load[worker]!--;
    this.held--;
  }
}

/** Filled posts and how many are newly qualified, rounded to whole people. */
export function staffing(posts: number, vacancyRate: number, newlyQualifiedShare: number): { filled: number; nq: number } {
  const filled = Math.round(posts * (1 - vacancyRate));
  return { filled, nq: Math.round(filled * newlyQualifiedShare) };
}
