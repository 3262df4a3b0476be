/**
 * End-to-end tests of the web app (see harness.ts). Screenshots of each mode go to `shots` (harness.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { shots, useApp } from './harness.ts';

const app = useApp();
let page: Page;
let base = '';

const weekOf = (p: Page) => p.locator('#status').getAttribute('data-week').then(Number);
const counts = (p: Page) =>
  p.locator('#status').evaluate((el) => [0, 1, 2, 3].map((k) => Number((el as HTMLElement).dataset[`phase${k}`])));

beforeAll(() => {
  page = app.page;
  base = app.base;
});

describe('web app', () => {
  it('Explore runs a year, shows the counts, moves on a trigger and traces a route', async () => {
    await page.goto(`${base}#explore`);
    await page.waitForSelector('#status[data-week="0"]');
    // A smaller population keeps the test quick.
    await page.fill('#agents', '5000');
    await page.click('#restart');
    await page.waitForSelector('#status[data-week="0"]');
    await page.click('#step');
    await page.waitForSelector('#status[data-week="1"]');
    await page.fill('#speed', '13');
    await page.click('#play');
    await page.waitForFunction(() => Number(document.querySelector('#status')?.getAttribute('data-week')) >= 52);
    await page.click('#play'); // pause
    await page.waitForSelector('#status[data-running="false"]');
    const w = await weekOf(page);
    expect(w).toBeGreaterThanOrEqual(52);
    const c = await counts(page);
    expect(c.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(c[1]).toBeGreaterThan(0);
    expect(await page.locator('#chart svg path.line-phase1').getAttribute('d')).toMatch(/^M/);

    // Fire a macro trigger and see the counts move.
    const macros = page.locator('#macros button');
    expect(await macros.count()).toBeGreaterThan(0);
    const before = await counts(page);
    const w0 = await weekOf(page);
    const threat0 = Number(await page.locator('#status').getAttribute('data-threat'));
    const events0 = Number(await page.locator('#status').getAttribute('data-macro-events'));
    await page.click('#macros button[data-macro="attackAbroad"]');
    await page.waitForSelector('#status[data-fired="1"]');
    // Step until the phase counts move (a few weeks at 5,000 people; how many depends on the week
    // the run was paused at, which depends on the machine's speed), at most twelve.
    let stepped = 0,
      after = before;
    while (stepped < 12 && (stepped < 4 || after.every((v, k) => v === before[k]))) {
      await page.click('#step');
      await page.waitForSelector(`#status[data-week="${w0 + ++stepped}"]`);
      after = await counts(page);
    }
    expect(after).not.toEqual(before);
    expect(Number(await page.locator('#status').getAttribute('data-macro-events'))).toBeGreaterThan(events0);
    expect(Number(await page.locator('#status').getAttribute('data-threat'))).toBeGreaterThan(threat0);
    await page.screenshot({ path: join(shots, 'explore.png'), fullPage: true });

    // Select a person (keyboard: Enter on the canvas picks someone in the highest phase) and see a route.
    await page.focus('#people');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#route h3', { timeout: 60_000 });
    expect(await page.locator('#route h3').textContent()).toMatch(/Route: #\d+/);
    await page.waitForSelector('#route-events');
    expect(await weekOf(page)).toBe(w0 + stepped); // replayed to the same week
    // And with the mouse.
    const box = (await page.locator('#people').boundingBox())!;
    await page.mouse.click(box.x + 60, box.y + 60);
    await page.waitForSelector('#tracing', { state: 'detached', timeout: 60_000 });
    await page.waitForSelector('#route h3');
    await page.screenshot({ path: join(shots, 'explore-route.png'), fullPage: true });
  });

  it('Compare runs two scenarios from a share link, shows the summary and exports CSV', async () => {
    await page.goto(`${base}#compare?s=baseline,school-resilience&r=2&a=2000&w=104`);
    await page.waitForSelector('#compare-summary', { timeout: 90_000 });
    const summary = await page.locator('#compare-summary').textContent();
    expect(summary).toContain('school-resilience');
    expect(summary).toMatch(/synthetic/i);
    expect(await page.locator('#compare-table tr').count()).toBeGreaterThan(2);
    expect(await page.locator('#compare-progress-text').getAttribute('data-state')).toBe('done');
    expect(await page.inputValue('#replicates')).toBe('2');
    await page.screenshot({ path: join(shots, 'compare.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(download.suggestedFilename()).toBe('outcomes.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toMatch(/scenario/);
    expect(text).toContain('school-resilience');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    expect(readFileSync((await svg.path())!, 'utf8')).toContain('<svg');
  });

  it('Compare can be cancelled', async () => {
    await page.goto(`${base}#compare?s=baseline,capacity-cut&r=8&a=20000&w=520`);
    await page.waitForSelector('#compare-progress-text[data-state="running"]');
    await page.click('#cancel-compare');
    await page.waitForSelector('#compare-progress-text[data-state="cancelled"]');
    expect(await page.locator('#compare-summary').count()).toBe(0);
    expect(await page.isEnabled('#run-compare')).toBe(true);
  });

  it('a bad share link shows a clear error', async () => {
    await page.goto(`${base}#compare?s=baseline,nope&r=x`);
    await page.waitForSelector('#share-error');
    const text = await page.locator('#share-error').textContent();
    expect(text).toContain('unknown scenario "nope"');
    expect(text).toContain('replicates');
    await page.screenshot({ path: join(shots, 'compare-bad-link.png') });
  });

  it('Research validates a formula and the scenario as you type, and keeps edits after a reload', async () => {
    // An edit of school-resilience (a small file; a new edit starts from the whole baseline).
    await page.goto(`${base}#about`);
    await page.evaluate(() => {
      localStorage.removeItem('radsim.editor.text');
      localStorage.setItem('radsim.editor.base', 'school-resilience');
    });
    await page.goto(`${base}#research`);
    await page.waitForSelector('#editor-ok');
    await page.fill('#formula', 'a01 * attitude + import({}, {})');
    await page.waitForSelector('#formula-error');
    expect(await page.locator('#formula-error').textContent()).toContain('import');
    const text = await page.inputValue('#editor');
    await page.fill(
      '#editor',
      text.replace('"extends": "baseline.json",', '"extends": "baseline.json",\n  "agents": -5,'),
    );
    await page.waitForSelector('#editor-error');
    expect(await page.locator('#editor-error').textContent()).toContain('agents');
    await page.screenshot({ path: join(shots, 'research.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('#editor-error');
    expect(await page.inputValue('#editor')).toContain('"agents": -5');
    expect(await page.inputValue('#formula')).toContain('import');
    await page.waitForSelector('#formula-error');
  });

  it('About shows the ethics note and sources; Dutch labels switch', async () => {
    await page.goto(`${base}#about`);
    await page.waitForSelector('#about');
    expect(await page.locator('#about').textContent()).toContain('003_b01ffb2916f57b10.txt');
    await page.click('#lang');
    await page.waitForSelector('#nav-compare:has-text("Vergelijken")');
    expect(await page.locator('#about').textContent()).toContain('weegploeg');
    await page.screenshot({ path: join(shots, 'about-nl.png'), fullPage: true });
    await page.click('#lang');
    await page.waitForSelector('#nav-compare:has-text("Compare")');
  });
});
