// Entry of a simulation worker thread (cli/pool.ts). Worker threads do not inherit the
// TypeScript loader of the main thread, so this plain-JS file registers tsx and then loads
// cli/worker.ts. The heavy dependencies are imported first, natively: under tsx's loader hooks
// mathjs alone takes about twice as long to load (1.6 s against 3.4 s on the CI machine).
await Promise.allSettled([import('mathjs/number'), import('zod'), import('seedrandom'), import('comlink')]);
const { register } = await import('tsx/esm/api');
register();
await import('./worker.ts');
