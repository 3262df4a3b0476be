import { loadScenarioFile, ScenarioError } from '../sim/node.ts';
import { parse, UsageError } from './args.ts';

export const VALIDATE_HELP = `radsim validate <scenario.json>...

Checks each scenario file: JSON syntax, "extends" chain, every field against the schema (path,
value found and what is allowed), and every hazard formula against the whitelist. Prints "ok"
per valid file; exits 1 if any file is invalid, listing all its errors.
`;

export async function validateCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length === 0) throw new UsageError('name at least one scenario file');
  let bad = 0;
  for (const file of positionals) {
    try {
      const s = loadScenarioFile(file);
      process.stdout.write(`${file}: ok (${s.name}: ${s.agents} agents, ${s.weeks} weeks)\n`);
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      bad++;
      process.stderr.write(`${err.message}\n`);
    }
  }
  return bad ? 1 : 0;
}
