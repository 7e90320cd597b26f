import { z } from 'zod';

/**
 * zod 4 compiles fast object parsers with `new Function` when it may, and probes for that
 * with a `new Function` call. The built app's Content-Security-Policy forbids eval, and
 * Chromium reports even the swallowed probe as a violation, so zod runs without it here
 * (imported by every module that defines schemas, before any parse).
 */
z.config({ jitless: true });
