import { METRIC_NAMES } from '../sim/metricDefinitions.ts';
import type { Parsed, Problem } from '../scenario/parse.ts';
import { csvField } from './csv.ts';
import { deliver } from './deliver.ts';
import { readFlags } from './flagTokens.ts';
import type { Io } from './io.ts';
import { checkOutTarget } from './outputTarget.ts';
import { readInputText } from './readInput.ts';
import { formatProblemsCapped } from './report.ts';
import { writeJson } from './streamJson.ts';
import { sweepFingerprint } from './sweep.ts';
import { SweepShardFile, type SweepFile } from './sweepResults.ts';

/** The largest shard file merge reads (500 MiB, under V8's longest string). */
const MAX_SHARD_BYTES = 500 * 2 ** 20;

export const MERGE_USAGE = `Usage: front-door merge [--out file] [--format json|csv] shard-files…
       (from a checkout without the build: npm run merge -- <the same arguments>)

Checks that every shard comes from the same sweep (recomputing its fingerprint from its own
settings), that every point's number and value belong to the sweep and to its shard, and that
every point is there exactly once; then writes JSON or CSV. --out is written atomically and may
not be one of the shard files. Exit codes: 0 merged; 1 not written where asked (kept in a rescue
file); 2 bad arguments or shards, nothing written.`;

/** A shard with the file it came from, for messages. */
export interface NamedShard {
  file: string;
  shard: SweepShardFile;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Merges shard files into one sweep, or every reason it cannot, each naming its file. */
export function mergeShards(shards: readonly NamedShard[]): Parsed<SweepFile> {
  if (!shards.length) return { ok: false, problems: [{ path: 'files', message: 'no shard files given' }] };
  const problems: Problem[] = [];
  const first = shards[0]!;
  const byIndex = new Map<number, { file: string; point: SweepShardFile['points'][number] }>();
  for (const { file, shard: s } of shards) {
    const own = sweepFingerprint(s.sweep);
    if (s.fingerprint !== own) {
      problems.push({
        path: file,
        message: `its fingerprint ${s.fingerprint} does not match its own settings (${own}): the file was edited, or its fingerprint copied from another sweep`,
      });
    } else if (s.fingerprint !== first.shard.fingerprint) {
      problems.push({
        path: file,
        message: `belongs to a different sweep than ${first.file} (fingerprint ${s.fingerprint}, expected ${first.shard.fingerprint})`,
      });
    }
    if (s.shard.index >= s.shard.count) problems.push({ path: `${file}: shard`, message: `${s.shard.index}/${s.shard.count} needs 0 ≤ i < n` });
    if (s.shard.count !== first.shard.shard.count)
      problems.push({ path: `${file}: shard`, message: `is one of ${s.shard.count} shards, but ${first.file} is one of ${first.shard.shard.count}` });
    const { values, days, warmupDays, reps, seed } = s.sweep;
    for (const p of s.points) {
      const where = `${file}: point ${p.index}`;
      if (p.index >= values.length) {
        problems.push({ path: where, message: `is out of range: the sweep has points 0 to ${values.length - 1}` });
        continue;
      }
      if (!same(p.value, values[p.index]))
        problems.push({ path: where, message: `has value ${JSON.stringify(p.value)}, but the sweep's point ${p.index} is ${JSON.stringify(values[p.index])}` });
      if (p.index % s.shard.count !== s.shard.index)
        problems.push({
          path: where,
          message: `does not belong to shard ${s.shard.index}/${s.shard.count} (it runs points ${s.shard.index}, ${s.shard.index + s.shard.count}, …)`,
        });
      const r = p.result;
      if (r.days !== days || r.warmupDays !== warmupDays || r.reps !== reps || r.seed !== seed) {
        problems.push({
          path: where,
          message: `was run with ${r.days} days, ${r.warmupDays} warm-up, ${r.reps} replications, seed ${r.seed}; the sweep says ${days}, ${warmupDays}, ${reps}, seed ${seed}`,
        });
      }
      const prev = byIndex.get(p.index);
      if (prev) problems.push({ path: where, message: `appears in more than one shard (also in ${prev.file})` });
      else byIndex.set(p.index, { file, point: p });
    }
  }
  if (!problems.length) {
    const missing = first.shard.sweep.values.map((_, i) => i).filter((i) => !byIndex.has(i));
    if (missing.length)
      problems.push({ path: 'files', message: `points ${missing.join(', ')} are missing: run their shards (shard i of n runs points i, i+n, …)` });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      kind: 'front-door-sweep',
      version: 1,
      fingerprint: first.shard.fingerprint,
      sweep: first.shard.sweep,
      points: [...byIndex.values()].map((v) => v.point).sort((a, b) => a.index - b.index),
    },
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

/** `front-door merge --out sweep.json shard-0.json shard-1.json …` (exit 2 on bad input, nothing written). */
export function mergeMain(argv: readonly string[], io: Io): number {
  const bad = (problems: readonly Problem[], usage = false) => {
    io.err(`merge: nothing was written\n${formatProblemsCapped(problems)}\n${usage ? `\n${MERGE_USAGE}\n` : ''}`);
    return 2;
  };
  const flags = readFlags(argv, { out: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (!flags.ok) return bad(flags.problems, true);
  const { values, positionals: files } = flags.value;
  if (values.help) {
    io.out(MERGE_USAGE + '\n');
    return 0;
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') return bad([{ path: '--format', message: `must be json or csv, got ${String(format)}` }], true);
  const outFlag = values.out as string | undefined;
  if (outFlag === '') return bad([{ path: '--out', message: 'needs a file name' }], true);
  if (!files.length) return bad([{ path: 'files', message: 'give the shard files to merge' }], true);
  const out = outFlag ? checkOutTarget(outFlag, files) : undefined;
  if (out && !out.ok) return bad(out.problems);
  const shards: NamedShard[] = [];
  for (const f of files) {
    const text = readInputText(f, f, MAX_SHARD_BYTES);
    if (!text.ok) return bad(text.problems);
    let data: unknown;
    try {
      data = JSON.parse(text.value);
    } catch (e) {
      return bad([{ path: f, message: `is not valid JSON: ${(e as Error).message}` }]);
    }
    const parsed = SweepShardFile.safeParse(data);
    if (!parsed.success) return bad(parsed.error.issues.map((i) => ({ path: `${f}: ${i.path.join('.')}`, message: i.message })));
    shards.push({ file: f, shard: parsed.data });
  }
  const merged = mergeShards(shards);
  if (!merged.ok) return bad(merged.problems);
  const code = deliver('merge', out?.value, format, format === 'csv' ? (w) => w(sweepToCsv(merged.value)) : (w) => (writeJson(merged.value, w), w('\n')), io);
  if (code === 0) io.err(`merge: ${merged.value.points.length} points from ${shards.length} shard(s)${outFlag ? ` written to ${outFlag}` : ''}\n`);
  return code;
}
