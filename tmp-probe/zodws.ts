import { z } from 'zod';
import { getPreset } from '/work/main/src/scenario/presets.ts';
import { buildWarmState } from '/work/main/src/sim/warmStart.ts';
const s = getPreset('kent-2010')!;
let t = performance.now();
const w = buildWarmState(s as any, 2010);
console.log('build', performance.now()-t, w.entities.length, w.months);
const num = z.custom<number>((v) => typeof v === 'number');
const Child = z.strictObject({ team: z.number().int().min(0), need: z.number(), needMet: z.boolean(), known: z.boolean(), referralAge: num, contactAge: num, closureAge: num, closureUnmet: z.boolean() });
const E = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('returning'), child: Child }),
  z.strictObject({ kind: z.literal('service'), episode: z.enum(['plan','earlyHelp']), child: Child, state: z.string(), agency: z.number().int(), plan: z.string(), meanMonths: z.number() }),
  z.strictObject({ kind: z.literal('assessment'), child: Child, state: z.string(), agency: z.number().int(), fastTrack: z.boolean(), allocated: z.boolean(), referralAge: num, acceptedAge: num, initialDeadlineIn: num, inProgress: z.strictObject({ state: z.string(), activity: z.enum(['initial','core']), remainingWorkingHours: z.number(), coreDeadlineIn: num }).optional() }),
]);
const W = z.strictObject({ snapshots: z.number().int(), months: z.number(), entities: z.array(E) });
for (let i=0;i<5;i++){ t = performance.now(); const c = structuredClone(w); const t1=performance.now(); W.parse(c); console.log('clone', (t1-t).toFixed(0), 'parse', (performance.now()-t1).toFixed(0)); }
console.log('json size', JSON.stringify(w).length);
