declare const __FRONT_DOOR_VERSION__: string;
declare const __FRONT_DOOR_BUILD_DATE__: string;
declare const __FRONT_DOOR_SINGLE_FILE__: boolean;

/** This build's version (package.json) and date (YYYY-MM-DD), set by vite.config.ts. */
export const BUILD = { version: __FRONT_DOOR_VERSION__, date: __FRONT_DOOR_BUILD_DATE__ } as const;

/** True in the single-file build (dist/front-door.html), which has no service worker. */
export const IS_SINGLE_FILE: boolean = __FRONT_DOOR_SINGLE_FILE__;

declare const __FRONT_DOOR_CODE__: string;
/**
 * A digest of the source this build was made from (build/buildInfo.ts): replications kept in the
 * browser from an earlier visit are reused only by a build with the same digest. Empty outside a
 * build of the hosted site (dev server, single file, tests): nothing is kept there.
 */
export const CODE_DIGEST: string = __FRONT_DOOR_CODE__;

declare const __FRONT_DOOR_SHIPPED_RUNS__: readonly string[];
/**
 * The names of the runs this build ships (src/worker/shippedRuns.ts, files runs/<name>.json):
 * every preset at the app's default settings. Empty outside a build of the hosted site.
 */
export const SHIPPED_RUNS: readonly string[] = __FRONT_DOOR_SHIPPED_RUNS__;

declare const __FRONT_DOOR_EMBEDDED_RUN__: { code: string; name: string; json: string } | null;
/**
 * The single file's own copy of the default preset's run at the default settings (the text of its
 * shipped file, src/worker/shippedRuns.ts, and the name and digest it was computed under); null in
 * every other build. The single file has no folder to ship runs in, so it carries this one in its
 * code: its first run shows at once, as the hosted site's does (DESIGN 76).
 */
export const EMBEDDED_RUN: { code: string; name: string; json: string } | null = __FRONT_DOOR_EMBEDDED_RUN__;
