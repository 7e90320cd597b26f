/**
 * Example scenario files served from public/examples/ (copies of presets, in the format “Save as
 * a file” writes), offered for download on the About page. Regenerate them after a preset or
 * the schema changes with `npx tsx src/cli/write-examples.ts`; test/scenario/examples.test.ts checks
 * they still parse and still equal their presets.
 */
export const EXAMPLE_FILES: readonly { id: string; why: string }[] = [
  { id: 'kent-2010', why: 'the default: a contact and assessment centre in front of eleven duty teams, as Ofsted found it' },
  { id: 'kent-2010-single-front-door', why: 'the same county with one qualified front door that decides once' },
  { id: 'medway-2006', why: 'Medway as the 2006 joint area review found it: an unclear threshold and few referrals assessed' },
];

/** Where an example file is, relative to the page (works when the site is served from a sub-path). */
export function exampleHref(id: string): string {
  return `examples/${id}.json`;
}
