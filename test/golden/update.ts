/**
 * Re-blesses the golden outputs: runs every case, prints what moved against the kept files
 * (the same report as the test), then writes the new files. `npm run golden:update`.
 */
import { caseName, compareGolden, GOLDEN_CASES, readGolden, runCase, writeGolden } from './golden.ts';

let moved = 0;
for (const c of GOLDEN_CASES) {
  const now = runCase(c);
  const report = compareGolden(c, readGolden(c), now);
  if (report.length) {
    moved++;
    console.log(report.join('\n'));
  }
  writeGolden(c, now);
}
console.log(
  moved
    ? `${moved} of ${GOLDEN_CASES.length} cases moved; files rewritten in test/golden/data/`
    : `all ${GOLDEN_CASES.length} cases unchanged (${GOLDEN_CASES.map(caseName).join(', ')})`,
);
