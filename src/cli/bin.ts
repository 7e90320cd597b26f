#!/usr/bin/env node
import { main } from './main.ts';
import { processIo } from './processIo.ts';

// `front-door`: the executable (built to build/cli/front-door.mjs by `npm run build:cli`).
main(process.argv.slice(2), processIo()).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: unknown) => {
    // the last line of defence: a bug, reported in one line rather than a stack trace
    process.stderr.write(`front-door: internal error: ${(e as Error | null)?.message ?? String(e)}\n(please report this with the command you ran)\n`);
    process.exitCode = 70;
  },
);
