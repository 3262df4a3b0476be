// Worker entry of the ensemble benchmark: registers tsx in this worker thread, then loads the
// TypeScript worker body. (On Node 20, `new Worker(url.ts, { execArgv: ['--import', 'tsx'] })`
// fails with ERR_UNKNOWN_FILE_EXTENSION: the worker's entry module is resolved before the
// hooks of --import apply. Registering from a plain .mjs entry works on Node 20 and 22.)
import { register } from 'tsx/esm/api';

register();
await import('./ensembleWorker.ts');
