/**
 * End-to-end tests of the Compare view (see harness.ts): series bands and paired differences,
 * PNG export, the print report, Dutch, an edited scenario carried by a share link to another
 * browser, the branch week shown and carried by the link, and a crashed worker. Small runs (2,000 agents, 104 weeks, 2 replicates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { breakWorkerScript, crashWorkers, loadFresh, root, shots, useApp } from './harness.ts';

const app = useApp();
let page: Page;
let base = '';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const LINK = '#compare?s=baseline,school-resilience,capacity-cut&r=2&a=2000&w=104';

async function downloaded(p: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([p.waitForEvent('download'), p.click(selector)]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

beforeAll(() => {
  page = app.page;
  base = app.base;
});

describe('Compare view', () => {
  it('shows each scenario over time with a band, and the paired differences with theirs', async () => {
    await page.goto(`${base}${LINK}`);
    await page.waitForSelector('#compare-summary', { timeout: 90_000 });
    // One band and one line per scenario; one per non-reference scenario in the difference chart.
    expect(await page.locator('#bands-chart svg path.line').count()).toBe(3);
    expect(await page.locator('#bands-chart svg path.band').count()).toBe(3);
    expect(await page.locator('#diff-chart svg path.line').count()).toBe(2);
    expect(await page.locator('#diff-chart svg path.band').count()).toBe(2);
    expect(await page.locator('#diff-chart svg line.zero').count()).toBe(1);
    expect(await page.locator('#bands-chart svg path.line-0').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await page.locator('#bands-chart svg path.line-1').getAttribute('stroke')).toBe('#0072B2');
    expect(await page.locator('#bands-chart figcaption').textContent()).toContain('95% t interval of the mean');
    expect(await page.locator('#diff-chart figcaption').textContent()).toContain('common random numbers');
    await page.locator('#compare-results').screenshot({ path: join(shots, 'compare-bands.png') });
    // A link without p= (as links made before precision-driven comparisons) has a fixed size.
    expect(await page.inputValue('#cmp-mode')).toBe('fixed');
    expect(await page.inputValue('#replicates')).toBe('2');
    expect(await page.isDisabled('#cmp-precision')).toBe(true);
    expect(await page.locator('#compare-stop').count()).toBe(0);

    const before = await page.locator('#bands-chart svg path.band-0').getAttribute('d');
    await page.selectOption('#band-kind', 'runs');
    expect(await page.locator('#bands-chart figcaption').textContent()).toContain('2.5–97.5%');
    await page.selectOption('#series-column', 'phase_3');
    expect(await page.locator('#bands-chart svg text').first().textContent()).toContain('action phase');
    expect(await page.locator('#bands-chart svg path.band-0').getAttribute('d')).not.toBe(before);

    // The at-a-glance table: effect, interval and cost per scenario.
    const glance = await page.locator('#compare-glance').textContent();
    expect(glance).toContain('people reaching the action phase');
    expect(glance).toContain('professional hours');
    expect(await page.locator('#compare-glance tr').count()).toBe(3);
    // Under each change: reference and scenario per 100,000 population.
    expect(await page.locator('#compare-glance small.per100k').first().textContent()).toMatch(
      /^[\d,.]+ → [\d,.]+ per 100,000$/,
    );
    expect(await page.locator('#compare-glance-per100k').textContent()).toContain('Fieller interval');
  });

  it('exports the charts as PNG and SVG and the series as CSV', async () => {
    for (const [button, chart] of [
      ['#export-png', '#compare-chart'],
      ['#export-bands-png', '#bands-chart'],
      ['#export-diffband-png', '#diff-chart'],
    ]) {
      const png = await downloaded(page, button);
      expect(png.name).toMatch(/\.png$/);
      expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
      // Drawn at 2x: the IHDR width and height are twice those of the SVG.
      const [w, hgt] = await page
        .locator(`${chart} svg`)
        .evaluate((s) => [Number(s.getAttribute('width')), Number(s.getAttribute('height'))]);
      expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([2 * w, 2 * hgt]);
    }
    const svg = await downloaded(page, '#export-diffband-svg');
    expect(svg.name).toBe('phase_3_differences.svg');
    expect(svg.bytes.toString('utf8')).toContain('<svg');
    const csv = await downloaded(page, '#export-series');
    expect(csv.name).toBe('series_bands.csv');
    expect(csv.bytes.toString('utf8').split('\n')[0]).toMatch(/^scenario,series,week,mean/);
  });

  it('prints a report: controls hidden, settings, link, summary, table and charts shown', async () => {
    expect(await page.isVisible('#print-report')).toBe(true);
    expect(await page.isVisible('#print-header')).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      for (const hidden of [
        '#run-compare',
        '#compare-settings',
        '#export-csv',
        '#print-report',
        '#series-column',
        'header nav',
      ]) {
        expect(await page.isVisible(hidden), hidden).toBe(false);
      }
      for (const shown of [
        '#print-header',
        '#compare-summary',
        '#compare-table',
        '#compare-glance',
        '#bands-chart svg',
        '#diff-chart svg',
        '#compare-chart svg',
      ]) {
        expect(await page.isVisible(shown), shown).toBe(true);
      }
      const header = await page.locator('#print-header').textContent();
      expect(header).toContain('comparison of scenarios');
      expect(header).toContain('2 replicates');
      expect(header).toMatch(/Made on \d{4}-\d\d-\d\d/);
      expect(await page.locator('#print-share').textContent()).toContain(
        '#compare?s=baseline,school-resilience,capacity-cut&r=2&a=2000&w=104',
      );
      await page.screenshot({ path: join(shots, 'compare-print.png'), fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('switches to Dutch: outcome names and the summary, without running again', async () => {
    await page.click('#lang');
    await page.waitForSelector('#nav-compare:has-text("Vergelijken")');
    await page.waitForSelector('#compare-summary');
    try {
      expect(await page.locator('#compare-progress-text').getAttribute('data-state')).toBe('done');
      const summary = await page.locator('#compare-summary').textContent();
      expect(summary).toContain('Vergelijking: school-resilience, capacity-cut met referentie baseline');
      expect(summary).toContain('Synthetische populatie');
      expect(summary).toContain('Belangrijkste bevindingen');
      expect(summary).toContain('weegploeg');
      expect(summary).not.toMatch(/people reaching/);
      const table = await page.locator('#compare-table').textContent();
      expect(table).toContain('mensen die de actiefase bereiken');
      expect(table).toContain('onterechte opnames in het casusoverleg');
      expect(await page.locator('#compare-glance').textContent()).toContain('professionele uren');
      expect(await page.locator('#compare-glance').textContent()).toContain('per 100.000');
      expect(await page.locator('#bands-chart figcaption').textContent()).toContain('herhalingen');
      await page.screenshot({ path: join(shots, 'compare-nl.png'), fullPage: true });
    } finally {
      await page.click('#lang');
      await page.waitForSelector('#nav-compare:has-text("Compare")');
    }
  });

  it('an edited scenario travels in the share link and is restored exactly in another browser', async () => {
    const edit = JSON.parse(readFileSync(join(root, 'scenarios/school-resilience.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    edit.name = 'my-edit';
    await page.evaluate(
      (text) => {
        localStorage.setItem('radsim.editor.text', text);
        localStorage.setItem('radsim.editor.base', 'baseline');
      },
      JSON.stringify(edit, null, 2),
    );
    await page.goto(`${base}#compare?s=baseline,edited&r=2&a=2000&w=52`);
    await page.waitForSelector('#compare-summary', { timeout: 90_000 });
    const link = await page.inputValue('#share-link');
    expect(link).toMatch(/#compare\?s=baseline,edited&r=2&a=2000&w=52&d=[A-Za-z0-9_-]+$/);
    const tableA = await page.locator('#compare-table').textContent();
    expect(tableA).toContain('my-edit');
    // In this browser the link's scenario is the saved edit itself.
    expect(await page.isChecked('#cmp-edited')).toBe(true);
    expect(await page.locator('#cmp-shared').count()).toBe(0);

    // Another machine: a fresh browser context, with an edit of its own that must survive.
    const other = await app.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const p2 = await other.newPage();
      await p2.goto(`${base}#about`);
      await p2.evaluate(() =>
        localStorage.setItem('radsim.editor.text', '{"extends": "baseline.json", "name": "mine"}'),
      );
      await p2.goto(link);
      await p2.waitForSelector('#compare-summary', { timeout: 90_000 });
      expect(await p2.locator('#compare-table').textContent()).toBe(tableA);
      expect(await p2.isChecked('#cmp-shared')).toBe(true);
      expect(await p2.locator('#shared-scenario').textContent()).toContain('your own edited scenario is unchanged');
      expect(await p2.evaluate(() => localStorage.getItem('radsim.editor.text'))).toContain('"mine"');
      // Saving it asks before replacing the own edit.
      p2.once('dialog', (d) => void d.accept());
      await p2.click('#save-shared');
      await p2.waitForSelector('#shared-saved');
      const saved = JSON.parse((await p2.evaluate(() => localStorage.getItem('radsim.editor.text')))!) as Record<
        string,
        unknown
      >;
      expect(saved.name).toBe('my-edit');
      expect(await p2.locator('#cmp-edited').count()).toBe(1);

      // A damaged d= names the problem.
      await p2.goto(link.slice(0, link.length - 40));
      await p2.waitForSelector('#share-error');
      expect(await p2.locator('#share-error').textContent()).toMatch(
        /d= (cannot be decompressed|is not valid base64url)/,
      );
    } finally {
      await other.close();
      await page.evaluate(() => localStorage.removeItem('radsim.editor.text'));
    }
  });

  it('runs until precise: the form, the link, where it stopped, and the same result on 1 worker', async () => {
    // The defaults of a fresh Compare view: precision-driven.
    await page.goto(`${base}#compare`);
    await page.waitForSelector('#cmp-mode');
    expect(await page.inputValue('#cmp-mode')).toBe('precision');
    expect(await page.inputValue('#cmp-precision')).toBe('0.1');
    expect(await page.inputValue('#cmp-max-replicates')).toBe('20');
    expect(await page.isDisabled('#replicates')).toBe(true);

    const link = '#compare?s=baseline,capacity-cut&p=0.5&m=12&a=2000&w=52';
    await loadFresh(page, `${base}${link}`);
    await page.waitForSelector('#compare-summary', { timeout: 90_000 });
    expect(await page.inputValue('#cmp-precision')).toBe('0.5');
    expect(await page.inputValue('#cmp-max-replicates')).toBe('12');
    expect(await page.inputValue('#share-link')).toContain(link);
    const stop = page.locator('#compare-stop');
    const reason = await stop.getAttribute('data-reason');
    const n = Number(await stop.getAttribute('data-n'));
    // Checked at 10 replicates, then at the budget of 12.
    expect([10, 12]).toContain(n);
    expect(await stop.textContent()).toContain(
      reason === 'precision' ? `known to ±50% of the reference mean after ${n} replicates` : 'maximum of 12 replicates',
    );
    expect(await page.locator('#compare-summary').textContent()).toContain(`Each scenario ran ${n} times`);
    expect(await page.locator('#compare-progress-text').textContent()).toContain(`${2 * n} runs`);
    const table = await page.locator('#compare-table').textContent();

    // The same link on one worker ends with the same replicates and the same numbers.
    const other = await app.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const p1 = await other.newPage();
      await p1.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 1 }));
      await p1.goto(`${base}${link}`);
      await p1.waitForSelector('#compare-summary', { timeout: 120_000 });
      expect(await p1.locator('#compare-progress-text').textContent()).toContain('on 1 workers');
      expect(await p1.locator('#compare-stop').getAttribute('data-n')).toBe(String(n));
      expect(await p1.locator('#compare-table').textContent()).toBe(table);
    } finally {
      await other.close();
    }
  });

  it('keeps its workers for the next comparison: each worker starts once', async () => {
    // Count the workers the page creates (the pool's, and Explore's if it starts one).
    await page.addInitScript(() => {
      const Base = window.Worker;
      const w = window as unknown as { workersMade: number };
      w.workersMade = 0;
      window.Worker = class extends Base {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          w.workersMade++;
        }
      };
    });
    await loadFresh(page, `${base}#compare?s=baseline,capacity-cut&r=2&a=2000&w=52`);
    await page.waitForSelector('#compare-progress-text[data-state="done"]', { timeout: 90_000 });
    const made = () => page.evaluate(() => (window as unknown as { workersMade: number }).workersMade);
    const first = await made();
    expect(first).toBeGreaterThan(0);
    await page.click('#run-compare');
    await page.waitForSelector('#compare-progress-text[data-state="running"]');
    await page.waitForSelector('#compare-progress-text[data-state="done"]', { timeout: 90_000 });
    expect(await made()).toBe(first);
    expect(await page.locator('#compare-summary').count()).toBe(1);
  });

  it('shows the branch week (the end of the burn-in by default) and carries another in the share link', async () => {
    // The run of the test before: branched at the end of the burn-in, the default, not in the link.
    expect(await page.locator('#cmp-branch-note').getAttribute('data-week')).toBe('0');
    expect(await page.locator('#cmp-branch-note').textContent()).toContain('end of the 260-week burn-in');
    expect(await page.locator('#cmp-branch').inputValue()).toBe('burn-in');
    await loadFresh(page, `${base}#compare?s=baseline,capacity-cut&r=2&a=2000&w=52&b=10`);
    await page.waitForSelector('#compare-summary', { timeout: 90_000 });
    expect(await page.locator('#cmp-branch-note').getAttribute('data-week')).toBe('10');
    expect(await page.locator('#cmp-branch').inputValue()).toBe('10');
    expect(await page.locator('#compare-summary').textContent()).toContain('Branched at week 10');
    await page.selectOption('#cmp-branch', 'none');
    await page.click('#run-compare');
    await page.waitForSelector('#compare-progress-text[data-state="running"]');
    await page.waitForSelector('#compare-progress-text[data-state="done"]', { timeout: 90_000 });
    expect(await page.locator('#cmp-branch-note').getAttribute('data-week')).toBe('none');
    expect(await page.evaluate(() => location.hash)).toBe('#compare?s=baseline,capacity-cut&r=2&a=2000&w=52&b=none');
  });

  it('a crashed worker gives a clear message, and the next run works', async () => {
    const stopBreaking = await breakWorkerScript(page, 'simulated worker crash');
    await loadFresh(page, `${base}#compare?s=baseline,capacity-cut&r=2&a=2000&w=52`);
    await page.waitForSelector('#compare-worker-error', { timeout: 30_000 });
    const text = (await page.locator('#compare-worker-error').textContent())!;
    expect(text).toMatch(/worker running (baseline|capacity-cut), replicate [12] of 2 \(run s0[01]-r00[01]\) failed/);
    expect(text).toContain('simulated worker crash');
    expect(await page.locator('#compare-progress-text').getAttribute('data-state')).toBe('failed');
    expect(await page.isEnabled('#run-compare')).toBe(true);
    expect(await page.isEnabled('#cancel-compare')).toBe(false);
    expect(await page.locator('#compare-summary').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'compare-worker-failed.png') });

    await stopBreaking();
    await page.click('#run-compare');
    await page.waitForSelector('#compare-summary', { timeout: 90_000 });
    expect(await page.locator('#compare-progress-text').getAttribute('data-state')).toBe('done');
    expect(await page.locator('#compare-worker-error').count()).toBe(0);
  });

  it('a worker crashing in the middle of a run stops the comparison with a message', async () => {
    // The real worker, plus an uncaught error a moment after it started (while its job runs).
    const stopCrashing = await crashWorkers(page, 1000, 'simulated crash during a run');
    try {
      await loadFresh(page, `${base}#compare?s=baseline,capacity-cut&r=2&a=10000&w=520`);
      await page.waitForSelector('#compare-progress-text[data-state="running"]');
      await page.waitForSelector('#compare-worker-error', { timeout: 30_000 });
      expect(await page.locator('#compare-worker-error').textContent()).toContain('simulated crash during a run');
      expect(await page.locator('#compare-progress-text').getAttribute('data-state')).toBe('failed');
      expect(await page.isEnabled('#run-compare')).toBe(true);
    } finally {
      await stopCrashing();
    }
    // The page keeps working.
    await page.fill('#cmp-agents', '2000');
    await page.fill('#cmp-weeks', '52');
    await page.click('#run-compare');
    await page.waitForSelector('#compare-summary', { timeout: 90_000 });
    expect(await page.locator('#compare-worker-error').count()).toBe(0);
  });
});
