/**
 * How long the browser's Compare view takes for the default comparison, on fresh workers and on
 * the workers the job pool kept from the run before (web/jobPool.ts).
 *
 *   node --import tsx bench/browserCompare.ts               # the default comparison, 3 rounds
 *   node --import tsx bench/browserCompare.ts --rounds 5 --query "s=baseline,capacity-cut&r=10&a=5000&w=260"
 *   node --import tsx bench/browserCompare.ts --rounds 1 --warm 1   # one fresh and one kept-workers run
 *
 * Builds the app and opens it in Debian's headless Chromium (the e2e harness). Each round loads
 * the page anew (so the pool has no workers) and times the comparison the page starts by itself,
 * from the navigation to the "done" state (page load included, a fraction of a second); then
 * clicks Run again (--warm times, default 2) and times each (the pool's workers kept). Prints the medians, and for a
 * precision-driven comparison where it stopped, and writes bench/browser-compare-results.json.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadFresh, startApp } from '../test/e2e/harness.ts';
import { BENCH_DIR, machineInfo, median, parseArgs, round, table } from './lib/util.ts';

const args = parseArgs(process.argv.slice(2));
const ROUNDS = Number(args.rounds ?? 3);
/** Runs on the kept workers after each fresh one. */
const WARM = Number(args.warm ?? 2);
// web/compareData.ts DEFAULTS: baseline against school-resilience, 10,000 agents x 260 weeks,
// replicates until every change at a glance is within +-10% of the reference mean, at most 20.
const QUERY = typeof args.query === 'string' ? args.query : 's=baseline,school-resilience&p=0.1&m=20&a=10000&w=260';
const OUT = resolve(BENCH_DIR, typeof args.out === 'string' ? args.out : 'browser-compare-results.json');

async function main(): Promise<void> {
  const app = await startApp();
  try {
    const { page, base } = app;
    const done = () => page.waitForSelector('#compare-progress-text[data-state="done"]', { timeout: 300_000 });
    const cold: number[] = [],
      warm: number[] = [];
    const stops: string[] = [];
    const stopOf = async () => {
      const stop = page.locator('#compare-stop');
      if ((await stop.count()) === 0) return 'fixed size';
      return `${await stop.getAttribute('data-reason')} at ${await stop.getAttribute('data-n')} replicates`;
    };
    for (let r = 0; r < ROUNDS; r++) {
      let t0 = performance.now();
      await loadFresh(page, `${base}#compare?${QUERY}`);
      await done();
      cold.push((performance.now() - t0) / 1000);
      stops.push(await stopOf());
      for (let k = 0; k < WARM; k++) {
        t0 = performance.now();
        await page.click('#run-compare');
        await page.waitForSelector('#compare-progress-text[data-state="running"]');
        await done();
        warm.push((performance.now() - t0) / 1000);
      }
      process.stderr.write(
        `round ${r + 1} (${stops[r]}): fresh workers ${cold[r].toFixed(2)} s, kept workers ${warm
          .slice(-2)
          .map((x) => x.toFixed(2))
          .join(', ')} s\n`,
      );
    }
    const rows = [
      ['fresh workers (page loaded anew)', cold.length, median(cold), Math.min(...cold)],
      ...(warm.length ? [['workers kept from the run before', warm.length, median(warm), Math.min(...warm)]] : []),
    ];
    console.log(`\nCompare in the browser (#compare?${QUERY})\n`);
    console.log(table(['', 'runs', 'median s', 'best s'], rows));
    if (warm.length) console.log(`\nkept workers: ${(median(cold) / median(warm)).toFixed(2)}x faster (medians)`);
    console.log(`stopped: ${stops.join('; ')}`);
    const results = {
      machine: machineInfo(),
      query: QUERY,
      rounds: ROUNDS,
      stops,
      coldSeconds: cold.map((x) => round(x, 3)),
      warmSeconds: warm.map((x) => round(x, 3)),
      speedup: warm.length ? median(cold) / median(warm) : null,
    };
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`wrote ${OUT}`);
  } finally {
    await app.close();
  }
}

await main();
