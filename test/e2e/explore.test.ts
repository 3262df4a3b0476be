/**
 * End-to-end tests of the Explore view (see harness.ts): selecting a person draws their ties
 * and their route timeline at once (no replay), Escape deselects, the macro log lists a fired
 * trigger and the wave panel shows the change since, and `#explore?scenario=edited` runs the
 * scenario saved in Research. Writes the screenshot explore-network.png (harness.ts `shots`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { crashWorkers, root, shots, useApp } from './harness.ts';

const app = useApp();
let page: Page;
let base = '';

const weekOf = (p: Page) => p.locator('#status').getAttribute('data-week').then(Number);
const total = (p: Page) =>
  p
    .locator('#status')
    .evaluate((el) => [0, 1, 2, 3].reduce((a, k) => a + Number((el as HTMLElement).dataset[`phase${k}`]), 0));

beforeAll(() => {
  page = app.page;
  base = app.base;
});

describe('Explore', () => {
  it('fires a trigger, shows the wave and the macro log, selects a person with ties and route at once, and deselects', async () => {
    await page.goto(`${base}#explore`);
    await page.waitForSelector('#status[data-week="0"]');
    await page.fill('#agents', '4000');
    await page.click('#restart');
    await page.waitForFunction(() => {
      const el = document.querySelector('#status') as HTMLElement | null;
      return el?.dataset.week === '0' && [0, 1, 2, 3].reduce((a, k) => a + Number(el.dataset[`phase${k}`]), 0) === 4000;
    });
    await page.fill('#speed', '13');
    await page.click('#play');
    await page.waitForFunction(() => Number(document.querySelector('#status')?.getAttribute('data-week')) >= 40);
    await page.click('#play');
    await page.waitForSelector('#status[data-running="false"]');
    expect(await total(page)).toBe(4000);

    // Fire a trigger: the macro log lists it (to come, then done) and the wave panel appears.
    const w0 = await weekOf(page);
    await page.click('#macros button[data-macro="polarisingEvent"]');
    await page.waitForSelector('#status[data-fired="1"]');
    await page.waitForSelector(
      `#macro-log li[data-source="fired"][data-type="polarisingEvent"][data-week="${w0 + 1}"][data-status="pending"]`,
    );
    expect(await page.locator('#wave').isVisible()).toBe(true);
    for (let k = 1; k <= 3; k++) {
      await page.click('#step');
      await page.waitForSelector(`#status[data-week="${w0 + k}"]`);
    }
    await page.waitForSelector(`#macro-log li[data-source="fired"][data-status="done"]`);
    expect(await page.locator('#wave').getAttribute('data-week')).toBe(String(w0));
    expect(await page.locator('#wave').textContent()).toMatch(/Polarising event/);
    expect(await page.locator('#chart svg g.fired line').count()).toBe(1);

    // Select a person (Enter: someone in the highest phase): ties and route at once, no replay.
    const w1 = await weekOf(page);
    const t0 = Date.now();
    await page.focus('#people');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#route h3');
    await page.waitForFunction(() => Number(document.querySelector('#people')?.getAttribute('data-ego-ties')) > 0);
    const ms = Date.now() - t0;
    expect(ms).toBeLessThan(5000); // instant, not a replay of the run
    expect(await page.locator('#route h3').textContent()).toMatch(/Route: #\d+/);
    expect(await page.locator('#tracing').count()).toBe(0);
    expect(await weekOf(page)).toBe(w1);
    expect(await page.locator('#route').getAttribute('data-since')).toBe(String(w1));
    const id = Number(await page.locator('#people').getAttribute('data-selected'));
    expect(await page.locator('#route').getAttribute('data-id')).toBe(String(id));
    const ties = Number(await page.locator('#people').getAttribute('data-ego-ties'));
    const layers = (await page.locator('#people').getAttribute('data-ego-layers'))!.split(',').map(Number);
    expect(layers.reduce((a, b) => a + b, 0)).toBe(ties);
    expect(await page.locator('#ego-legend').isVisible()).toBe(true);
    expect(await page.locator('#ego-info').textContent()).toContain(`#${id}`);
    await page.waitForSelector('#route-timeline');
    await page.waitForSelector('#route-events');

    // The route grows as the run goes on; the timeline keeps the phase strip from the selection week.
    await page.fill('#speed', '4');
    await page.click('#play');
    await page.waitForFunction(
      (w) => Number(document.querySelector('#status')?.getAttribute('data-week')) >= w + 26,
      w1,
    );
    await page.click('#play');
    await page.waitForSelector('#status[data-running="false"]');
    expect(await page.locator('#route').getAttribute('data-since')).toBe(String(w1));
    expect(await page.locator('#route-timeline rect.seg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'explore-network.png'), fullPage: true });

    // The arrow keys follow a tie to a neighbour (the keyboard's click on a tie).
    await page.focus('#people');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((first) => {
      const c = document.querySelector('#people');
      return c?.getAttribute('data-selected') !== String(first) && Number(c?.getAttribute('data-ego-ties')) > 0;
    }, id);
    const next = Number(await page.locator('#people').getAttribute('data-selected'));
    expect(next).not.toBe(id);
    await page.waitForFunction((n) => document.querySelector('#route h3')?.textContent?.includes(`#${n}`), next);

    // Escape deselects: no ties, no route. The route panel clears at once; the canvas and its
    // counts at the next frame, which on a loaded machine can come after the panel's change.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#route h3', { state: 'detached' });
    expect(await page.locator('#people').getAttribute('data-selected')).toBe('');
    await page.waitForFunction(() => document.querySelector('#people')?.getAttribute('data-ego-ties') === '0');
    expect(await page.locator('#ego-legend').isVisible()).toBe(false);

    // A click selects again; the secondary action replays the run for the whole route.
    const box = (await page.locator('#people').boundingBox())!;
    await page.mouse.click(box.x + 80, box.y + 80);
    await page.waitForSelector('#route h3');
    await page.click('#replay');
    await page.waitForSelector('#route[data-since="0"]', { timeout: 60_000 });
    await page.waitForSelector('#route-timeline');
    expect(await page.locator('#route-since').textContent()).toMatch(/from the start/);
  });

  it('runs the scenario saved in Research from #explore?scenario=edited', async () => {
    const data = JSON.parse(readFileSync(join(root, 'scenarios/baseline.json'), 'utf8')) as Record<string, unknown>;
    const edit = JSON.stringify({ ...data, name: 'my edit', agents: 1500, weeks: 60 });
    await page.evaluate((text) => {
      localStorage.setItem('radsim.editor.text', text);
      localStorage.setItem('radsim.editor.base', 'baseline');
    }, edit);
    await page.goto(`${base}#explore?scenario=edited`);
    await page.waitForFunction(
      () => (document.querySelector('#scenario') as HTMLSelectElement | null)?.value === 'edited',
    );
    expect(await page.inputValue('#agents')).toBe('1500');
    await page.waitForFunction(() => {
      const el = document.querySelector('#status') as HTMLElement | null;
      return el?.dataset.week === '0' && [0, 1, 2, 3].reduce((a, k) => a + Number(el.dataset[`phase${k}`]), 0) === 1500;
    });
    expect(await page.locator('#explore-error').textContent()).toBe('');
    await page.click('#step');
    await page.waitForSelector('#status[data-week="1"]');
    await page.evaluate(() => localStorage.removeItem('radsim.editor.text'));
  });

  it('a crashed worker gives a clear message, and Restart runs again on a new worker', async () => {
    // The real worker, plus an uncaught error in it a moment after it started.
    const stopCrashing = await crashWorkers(page, 1500, 'simulated crash in Explore');
    try {
      await page.goto(`${base}#explore`);
      await page.reload(); // the view keeps one worker per page: a new page gets the routed one
      await page.waitForSelector('#explore-worker-error', { timeout: 30_000 });
      expect(await page.locator('#explore-worker-error').textContent()).toContain('simulated crash in Explore');
      expect(await page.locator('#status').getAttribute('data-running')).not.toBe('true');
    } finally {
      await stopCrashing();
    }
    // The page keeps working: Restart starts the run on a fresh worker.
    await page.fill('#agents', '2000');
    await page.click('#restart');
    await page.waitForFunction(() => {
      const el = document.querySelector('#status') as HTMLElement | null;
      return el?.dataset.week === '0' && [0, 1, 2, 3].reduce((a, k) => a + Number(el.dataset[`phase${k}`]), 0) === 2000;
    });
    expect(await page.locator('#explore-worker-error').count()).toBe(0);
    await page.click('#step');
    await page.waitForSelector('#status[data-week="1"]');
  });
});
