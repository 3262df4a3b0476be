#!/usr/bin/env node
// The radsim command line. Runs the TypeScript sources through tsx, so there is no build step.
// The heavy dependencies load natively first when a command needs them: under tsx's loader
// hooks they take about twice as long to load.
const [command] = process.argv.slice(2);
if (command && !command.startsWith('-') && command !== 'help') {
  await Promise.allSettled([import('mathjs/number'), import('zod'), import('seedrandom')]);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
