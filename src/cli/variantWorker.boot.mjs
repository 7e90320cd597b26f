// Worker threads start without the tsx loader the CLI runs under; register it, then load the
// TypeScript worker (tsx's documented API: https://tsx.is/dev-api/register-esm).
import { register } from 'tsx/esm/api';

register();
await import('./variantWorker.ts');
