/** A guarded transition taken when the completion event carries `route` (see caseJourney.machine.ts). */
export function routeTo<R extends string>(route: R, target: string, actions?: 'recordReferral') {
  return {
    guard: { type: 'routeIs', params: { route } },
    target,
    ...(actions ? { actions } : {}),
  } as const;
}
