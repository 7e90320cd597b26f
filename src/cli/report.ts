import { formatProblems, type Problem } from '../scenario/parse.ts';

/** How many problems are listed before the rest are counted (a 10,000-value sweep can have 50,000). */
export const MAX_PROBLEMS_SHOWN = 20;

/** Problems one per line, at most `max` of them, then how many more there are and of how many kinds. */
export function formatProblemsCapped(problems: readonly Problem[], max = MAX_PROBLEMS_SHOWN): string {
  if (problems.length <= max) return formatProblems(problems);
  const rest = problems.slice(max);
  // a kind is the message without the numbers in it (sweep value, point number)
  const kinds = new Set(rest.map((p) => p.message.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, '#')));
  return `${formatProblems(problems.slice(0, max))}\n… and ${rest.length.toLocaleString('en-GB')} more problems (${kinds.size.toLocaleString('en-GB')} kind${kinds.size === 1 ? '' : 's'} of message); fix these and run again to see the rest`;
}
