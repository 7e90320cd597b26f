import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { METRIC_NAMES } from '../sim/metricDefinitions.ts';
import { csvField } from './csv.ts';
import { SweepShardFile, type SweepFile } from './sweepResults.ts';
import type { Io } from './simulate.ts';

/** Merges shard files into one sweep; refuses shards of different sweeps, missing or repeated points. */
export function mergeShards(shards: readonly SweepShardFile[]): SweepFile {
  if (!shards.length) throw new Error('no shard files given');
  const first = shards[0]!;
  const byIndex = new Map<number, SweepShardFile['points'][number]>();
  for (const s of shards) {
    if (s.fingerprint !== first.fingerprint) {
      throw new Error(`shard ${s.shard.index}/${s.shard.count} belongs to a different sweep (fingerprint ${s.fingerprint}, expected ${first.fingerprint})`);
    }
    for (const p of s.points) {
      if (byIndex.has(p.index)) throw new Error(`point ${p.index} appears in more than one shard`);
      byIndex.set(p.index, p);
    }
  }
  const missing = first.sweep.values.map((_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length) throw new Error(`points ${missing.join(', ')} are missing: run their shards (shard i of n runs points i, i+n, …)`);
  return {
    kind: 'front-door-sweep',
    version: 1,
    fingerprint: first.fingerprint,
    sweep: first.sweep,
    points: [...byIndex.values()].sort((a, b) => a.index - b.index),
  };
}

/** A sweep as CSV: one row per point and metric with the mean and 95% limits. */
export function sweepToCsv(s: SweepFile): string {
  const rows: (string | number)[][] = [[s.sweep.parameter, 'metric', 'mean', 'ci95_low', 'ci95_high']];
  for (const p of s.points) {
    for (const n of METRIC_NAMES) {
      const e = p.result.metrics[n];
      rows.push([JSON.stringify(p.value), n, e.mean, e.ci95[0], e.ci95[1]]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** `npm run merge -- --out sweep.json shard-0.json shard-1.json …` (exit 2 on bad input). */
export function mergeMain(argv: readonly string[], io: Io): number {
  const args = [...argv];
  let out: string | undefined;
  let format: 'json' | 'csv' = 'json';
  const files: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--out') out = args.shift();
    else if (a === '--format') {
      const f = args.shift();
      if (f !== 'json' && f !== 'csv') {
        io.err(`merge: --format must be json or csv, got ${f}\n`);
        return 2;
      }
      format = f;
    } else if (a.startsWith('--')) {
      io.err(`merge: unknown flag ${a}\nUsage: npm run merge -- [--out file] [--format json|csv] shard-files…\n`);
      return 2;
    } else files.push(a);
  }
  const shards: SweepShardFile[] = [];
  for (const f of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(f, 'utf8'));
    } catch (e) {
      io.err(`merge: cannot read ${f}: ${(e as Error).message}\n`);
      return 2;
    }
    const parsed = SweepShardFile.safeParse(data);
    if (!parsed.success) {
      io.err(`merge: ${f} is not a sweep shard file:\n${parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}\n`);
      return 2;
    }
    shards.push(parsed.data);
  }
  let merged: SweepFile;
  try {
    merged = mergeShards(shards);
  } catch (e) {
    io.err(`merge: ${(e as Error).message}\n`);
    return 2;
  }
  const text = format === 'csv' ? sweepToCsv(merged) : JSON.stringify(merged, null, 2) + '\n';
  if (out) writeFileSync(out, text);
  else io.out(text);
  io.err(`merge: ${merged.points.length} points from ${shards.length} shard(s)${out ? ` written to ${out}` : ''}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = mergeMain(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
}
