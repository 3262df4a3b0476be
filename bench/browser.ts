/**
 * `npm run bench:browser`: the frame rate of the Explore view while the simulation runs in its
 * Web Worker (issue 8: 30 frames per second or more at 100,000 agents).
 *
 *   node --import tsx bench/browser.ts                  # 100k agents, 20 s of play, a person selected
 *   node --import tsx bench/browser.ts --agents 20000 --seconds 10 --speed 10   # weeks per second
 *   node --import tsx bench/browser.ts --no-select      # without a selected person (no ties, no route)
 *   node --import tsx bench/browser.ts --gpu            # without --disable-gpu
 *   node --import tsx bench/browser.ts --out /tmp/x.json # results elsewhere (default bench/browser-results.json)
 *
 * Builds the app (vite) into a temporary directory, serves it with `vite preview`, opens
 * #explore in Debian's headless Chromium (/usr/bin/chromium through playwright-core; never a
 * browser download), restarts with the given agents, selects a person (Enter on the canvas:
 * their ties and route are then fetched and drawn every update) and plays. In the page, a
 * requestAnimationFrame loop records frame timestamps during the measured window, and a
 * PerformanceObserver counts long tasks (> 50 ms) on the main thread. Before playing, the same
 * is measured on the idle page: headless Chromium may pace or throttle frames, and the idle rate
 * is the ceiling the view can reach.
 *
 * Prints and writes bench/browser-results.json: median frames per second, the 95th percentile
 * frame time (the 5th percentile of the frame rate), the longest frame, frames over 33 ms, long
 * tasks, and weeks simulated per second.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumArgs, startApp } from '../test/e2e/harness.ts';
import { speedIndex } from '../web/explorePace.ts';
import { BENCH_DIR, machineInfo, median, parseArgs, quantile, round, table } from './lib/util.ts';

const args = parseArgs(process.argv.slice(2));
const AGENTS = Number(args.agents ?? 100_000);
const SECONDS = Number(args.seconds ?? 20);
const SPEED = Number(args.speed ?? 50); // weeks per second (the fastest the slider allows)
const SELECT = !args['no-select'];
const GPU = Boolean(args.gpu);
const WEEKS = Number(args.weeks ?? 2000);
const OUT = resolve(BENCH_DIR, typeof args.out === 'string' ? args.out : 'browser-results.json');

interface FrameStats {
  frames: number;
  seconds: number;
  medianFps: number;
  meanFps: number;
  p95FrameMs: number;
  p5Fps: number;
  longestFrameMs: number;
  framesOver33ms: number;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
}

/** Starts recording frame timestamps and long tasks in the page. */
async function startRecording(page: Page): Promise<void> {
  // A string, not a function: tsx would add helpers (__name) the page does not have.
  await page.evaluate(`(() => {
    const b = { frames: [], tasks: [], on: true, obs: undefined };
    globalThis.__bench = b;
    const f = (ts) => {
      if (!b.on) return;
      b.frames.push(ts);
      requestAnimationFrame(f);
    };
    requestAnimationFrame(f);
    try {
      b.obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) b.tasks.push(e.duration);
      });
      b.obs.observe({ type: 'longtask', buffered: false });
    } catch {
      // long tasks not supported: reported as 0
    }
  })()`);
}

async function stopRecording(page: Page): Promise<FrameStats> {
  const { frames, tasks } = await page.evaluate<{ frames: number[]; tasks: number[] }>(`(() => {
    const b = globalThis.__bench;
    b.on = false;
    if (b.obs) b.obs.disconnect();
    return { frames: b.frames, tasks: b.tasks };
  })()`);
  const dt = frames.slice(1).map((t, k) => t - frames[k]);
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  const med = median(dt);
  const p95 = quantile(dt, 0.95);
  return {
    frames: dt.length,
    seconds: round(seconds, 2),
    medianFps: round(1000 / med, 1),
    meanFps: round(dt.length / seconds, 1),
    p95FrameMs: round(p95, 1),
    p5Fps: round(1000 / p95, 1),
    longestFrameMs: round(Math.max(...dt), 1),
    framesOver33ms: dt.filter((x) => x > 1000 / 30).length,
    longTasks: tasks.length,
    longTaskMs: round(
      tasks.reduce((a, b) => a + b, 0),
      0,
    ),
    longestTaskMs: round(tasks.length ? Math.max(...tasks) : 0, 0),
  };
}

const weekOf = (p: Page) => p.locator('#status').getAttribute('data-week').then(Number);

async function main(): Promise<void> {
  process.stderr.write('building the app…\n');
  const app = await startApp({ gpu: GPU });
  try {
    const { page, browser } = app;
    await page.goto(`${app.base}#explore`);
    await page.waitForSelector('#status[data-week="0"]', { timeout: 120_000 });
    await page.fill('#agents', String(AGENTS));
    await page.fill('#weeks', String(WEEKS));
    const t0 = Date.now();
    await page.click('#restart');
    await page.waitForFunction(
      (n) => {
        const el = document.querySelector('#status') as HTMLElement | null;
        return el?.dataset.week === '0' && [0, 1, 2, 3].reduce((a, k) => a + Number(el.dataset[`phase${k}`]), 0) === n;
      },
      AGENTS,
      { timeout: 300_000 },
    );
    const buildSeconds = (Date.now() - t0) / 1000;
    process.stderr.write(`world of ${AGENTS} agents built in the worker in ${buildSeconds.toFixed(1)} s\n`);

    // The idle page: the frame rate headless Chromium gives with nothing to do.
    await startRecording(page);
    await page.waitForTimeout(3000);
    const idle = await stopRecording(page);

    if (SELECT) {
      await page.focus('#people');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#route h3', { timeout: 60_000 });
      await page.waitForFunction(
        () => Number(document.querySelector('#people')?.getAttribute('data-ego-ties')) > 0,
        undefined,
        { timeout: 60_000 },
      );
    }
    await page.fill('#speed', String(speedIndex(SPEED)));
    await page.click('#play');
    await page.waitForTimeout(2000); // warm-up
    const w0 = await weekOf(page);
    const s0 = Date.now();
    await startRecording(page);
    process.stderr.write(`playing for ${SECONDS} s…\n`);
    await page.waitForTimeout(SECONDS * 1000);
    const running = await stopRecording(page);
    const w1 = await weekOf(page);
    const wall = (Date.now() - s0) / 1000;
    await page.click('#play');
    const weeksPerSecond = round((w1 - w0) / wall, 2);
    const ties = Number(await page.locator('#people').getAttribute('data-ego-ties'));
    const drawing = await page.evaluate<Record<string, { n: number; ms: number; max: number }>>(
      'globalThis.radsimExploreTiming ?? {}',
    );
    const drawRows = Object.entries(drawing).map(([k, v]) => [k, v.n, round(v.ms / v.n, 2), round(v.max, 1)]);
    const chromiumVersion = browser.version();

    const rows = [
      [
        'idle page',
        idle.medianFps,
        idle.p95FrameMs,
        idle.p5Fps,
        idle.longestFrameMs,
        idle.framesOver33ms,
        idle.longTasks,
        '-',
      ],
      [
        `playing ${AGENTS} agents`,
        running.medianFps,
        running.p95FrameMs,
        running.p5Fps,
        running.longestFrameMs,
        running.framesOver33ms,
        running.longTasks,
        weeksPerSecond,
      ],
    ];
    console.log(
      `\nExplore frame rate (${chromiumVersion}, ${GPU ? 'GPU allowed' : '--disable-gpu'}, speed ${SPEED} weeks per second, ${SELECT ? `person selected: ${ties} ties` : 'nobody selected'})`,
    );
    console.log(
      table(
        ['', 'median fps', 'p95 frame ms', 'p5 fps', 'longest frame ms', 'frames > 33 ms', 'long tasks', 'weeks/s'],
        rows,
      ),
    );
    console.log('\nDrawing on the main thread, whole session (web/explore.ts):');
    console.log(table(['part', 'draws', 'mean ms', 'longest ms'], drawRows));
    const target = running.medianFps >= 30 && running.p5Fps >= 30;
    console.log(
      `\nweeks ${w0} -> ${w1} in ${wall.toFixed(1)} s; target (30 fps or more, median and 5th percentile): ${target ? 'met' : 'NOT met'}`,
    );
    const results = {
      command: `node --import tsx bench/browser.ts ${process.argv.slice(2).join(' ')}`.trim(),
      machine: machineInfo(),
      chromium: chromiumVersion,
      flags: chromiumArgs({ gpu: GPU }),
      agents: AGENTS,
      speed: SPEED,
      selected: SELECT,
      egoTies: ties,
      buildSeconds: round(buildSeconds, 2),
      idle,
      running,
      weeks: { from: w0, to: w1, seconds: round(wall, 2), perSecond: weeksPerSecond },
      drawing: Object.fromEntries(
        Object.entries(drawing).map(([k, v]) => [
          k,
          { draws: v.n, meanMs: round(v.ms / v.n, 2), longestMs: round(v.max, 1) },
        ]),
      ),
      targetMet: target,
    };
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`wrote ${OUT}`);
  } finally {
    await app.close();
  }
}

await main();
