// `npm run bench:cli`: whole-process time of `front-door --help` (the built CLI, plain JavaScript)
// beside bare `node -e 0` (the floor no CLI can beat) and the old way, `tsx src/cli/bin.ts --help`.
// Prints medians and ranges of several runs; a benchmark, not a test: nothing passes or fails.
// Wall time suffers on a busy machine, so CPU time (user + system, from /usr/bin/time when there
// is one) is printed beside it: it is what the process itself costs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number(process.argv[2] ?? 15);

const TIME = '/usr/bin/time';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(label, cmd, args) {
  const ms = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = existsSync(TIME)
      ? spawnSync(TIME, ['-f', 'cpu %U %S', cmd, ...args], { cwd: root, encoding: 'utf8' })
      : spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${label} exited ${r.status}: ${r.stderr}`);
    const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  ms.sort((a, b) => a - b);
  const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  const cpuText = cpu.length ? `   cpu median ${median(cpu).toFixed(0).padStart(5)} ms` : '';
  console.log(
    `${label.padEnd(32)} wall median ${q(0.5).toFixed(0).padStart(5)} ms   min ${ms[0].toFixed(0).padStart(5)} ms   p90 ${q(0.9).toFixed(0).padStart(5)} ms${cpuText}`,
  );
  return q(0.5);
}

console.log(`front-door --help, whole process, ${runs} runs each (node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0].toFixed(2)})`);
const floor = time('node -e 0', process.execPath, ['-e', '0']);
const built = time('front-door --help (build/cli)', process.execPath, [join(root, 'build', 'cli', 'front-door.mjs'), '--help']);
const tsx = time('tsx src/cli/bin.ts --help', process.execPath, [
  join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
  join(root, 'src', 'cli', 'bin.ts'),
  '--help',
]);
console.log(
  `front-door --help: ${built.toFixed(0)} ms, of which ${(built - floor).toFixed(0)} ms above bare node; ${(tsx / built).toFixed(1)}x faster than through tsx`,
);
