import { startTransition, useEffect, useState } from 'react';

/**
 * Hands a new value to the parts of a large view one at a time, each in its own low-priority
 * update, so no single render-and-commit of the whole view blocks the page. Parts not yet
 * reached keep their previous value (or null on first show), so nothing disappears on update.
 */
export function useStagedParts<T>(value: T, parts: number): (T | null)[] {
  const [values, setValues] = useState<(T | null)[]>(() => [value, ...Array.from({ length: parts - 1 }, () => null)]);
  const next = values.findIndex((v) => v !== value);
  useEffect(() => {
    if (next < 0) return;
    const timer = setTimeout(() => startTransition(() => setValues((vs) => vs.map((v, i) => (i === next ? value : v)))), 0);
    return () => clearTimeout(timer);
  }, [next, value]);
  return values;
}
