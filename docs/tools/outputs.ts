/**
 * Writes docs/outputs.md from the declarations of the series columns and outcomes.
 *
 *   npm run docs:outputs
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { outputsMarkdown } from './outputsMarkdown.ts';

const path = fileURLToPath(new URL('../outputs.md', import.meta.url));
writeFileSync(path, outputsMarkdown());
console.log(`wrote ${path}`);
