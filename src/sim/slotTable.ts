/**
 * A table of live items addressed by small reusable slot numbers, for the engine's children and
 * cases. A `Map` keyed by ever-growing ids rehashes as items come and go (it was the engine's
 * largest single cost); slots freed on removal are reused, so the arrays stay as large as the
 * most items alive at once and memory does not grow with the length of a run. Items keep their
 * own unique ids for records; `inIdOrder` gives them back in the order they were created.
 */
export class SlotTable<T extends { id: number }> {
  private readonly items: (T | undefined)[] = [];
  private readonly free: number[] = [];
  private count = 0;

  /** Items alive now. */
  get size(): number {
    return this.count;
  }

  /** Stores `item` and returns its slot (valid until `remove`). */
  add(item: T): number {
    const slot = this.free.length > 0 ? this.free.pop()! : this.items.length;
    this.items[slot] = item;
    this.count++;
    return slot;
  }

  /** The item in `slot`; throws if the slot is empty (an event about an item already gone). */
  get(slot: number): T {
    const item = this.items[slot];
    if (item === undefined) throw new Error(`no live item in slot ${slot}`);
    return item;
  }

  /** Frees `slot` for reuse. */
  remove(slot: number): void {
    if (this.items[slot] === undefined) throw new Error(`slot ${slot} is already free`);
    this.items[slot] = undefined;
    this.free.push(slot);
    this.count--;
  }

  /** The live items, oldest first (by id), as a Map keyed by id kept in insertion order would give them. */
  inIdOrder(): T[] {
    const out: T[] = [];
    for (const item of this.items) if (item !== undefined) out.push(item);
    return out.sort((a, b) => a.id - b.id);
  }
}
