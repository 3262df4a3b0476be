/**
 * End-to-end tests of the Research view (see harness.ts): the schema-generated form and the
 * JSON text in step, inline field errors, autosave across a reload, import of bad files, a one-
 * and a two-parameter sweep with their plots, sensitivity table and CSV, a sweep stopped by a
 * crashed worker, and running the edit in Explore. Screenshots (harness.ts `shots`): research-form.png
 * and research-sweep.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { breakWorkerScript, loadFresh, shots, useApp } from './harness.ts';

const app = useApp();
let page: Page;
let base = '';

beforeAll(() => {
  page = app.page;
  base = app.base;
});

const mu = '#field-influence_mu';
const muRow = '.field[data-path="influence.mu"]';

async function setParam(p: Page, j: number, path: string, lo: string, hi: string, n: string): Promise<void> {
  await p.fill(`#sweep-p${j}`, path);
  await p.dispatchEvent(`#sweep-p${j}`, 'change');
  await p.fill(`#sweep-lo${j}`, lo);
  await p.fill(`#sweep-hi${j}`, hi);
  await p.fill(`#sweep-n${j}`, n);
}

describe('Research view', () => {
  it('keeps the form and the JSON in step, shows field errors inline and survives a reload', async () => {
    // These tests edit school-resilience (a small file with one intervention); a new edit starts from the baseline.
    await page.goto(`${base}#about`);
    await page.evaluate(() => localStorage.setItem('radsim.editor.base', 'school-resilience'));
    await page.goto(`${base}#research`);
    await page.waitForSelector('#editor-ok');
    expect(await page.locator('.field').count()).toBeGreaterThan(300);

    // Form -> JSON.
    await page.fill('#field-search', 'influence.mu');
    await page.waitForSelector(`${muRow}:visible`);
    expect(await page.isVisible('.field[data-path="influence.contactsPerWeek"]')).toBe(false);
    expect(await page.locator('#field-count').textContent()).toMatch(/^1 \//);
    expect(await page.locator(`${muRow} .field-meta`).textContent()).toMatch(
      /unit: 0\.\.1.*allowed: 0 ≤ x ≤ 1.*default: 0\.1.*source: .*Deffuant/,
    );
    await page.fill(mu, '0.15');
    await page.waitForFunction(() =>
      (document.querySelector('#editor') as HTMLTextAreaElement).value.includes('"mu": 0.15'),
    );
    expect(JSON.parse(await page.inputValue('#editor')).influence).toEqual({ mu: 0.15 });
    expect(await page.locator(muRow).getAttribute('class')).toContain('changed');
    await page.waitForSelector('#editor-ok');

    // JSON -> form.
    const text = await page.inputValue('#editor');
    await page.fill(
      '#editor',
      text.replace('"extends": "baseline.json",', '"extends": "baseline.json",\n  "agents": 3000,'),
    );
    await page.fill('#field-search', '');
    expect(await page.inputValue('#field-agents')).toBe('3000');

    // An out-of-range value: inline error naming the field and the range; the JSON follows.
    await page.fill('#field-search', 'influence.mu');
    await page.fill(mu, '1.5');
    await page.waitForSelector(`${muRow}.invalid`);
    const err = await page.locator(`${muRow} .field-error`).textContent();
    expect(err).toContain('influence.mu');
    expect(err).toMatch(/<= 1/);
    expect(err).toContain('0 ≤ x ≤ 1');
    expect(await page.locator('#editor-error').textContent()).toContain('influence.mu');
    expect(await page.isDisabled('#explore-edited')).toBe(true);
    await page.fill('#field-search', 'influence.');
    await page.locator('#view-research').screenshot({ path: join(shots, 'research-form.png') });
    await page.fill('#field-search', 'influence.mu');

    // Reset to the base value removes the override; then a valid edit again.
    await page.click(`${muRow} .field-reset`);
    await page.waitForSelector('#editor-ok');
    expect(await page.inputValue(mu)).toBe('0.1');
    expect(JSON.parse(await page.inputValue('#editor')).influence).toBeUndefined();
    await page.fill(mu, '0.12');
    await page.waitForSelector('#editor-ok');

    // A reload keeps the edit.
    await page.reload();
    await page.waitForSelector('#editor-ok');
    expect(await page.inputValue(mu)).toBe('0.12');
    expect(await page.inputValue('#field-agents')).toBe('3000');
    expect(JSON.parse(await page.inputValue('#editor')).influence).toEqual({ mu: 0.12 });
  });

  it('an imported bad file gives a clear error and keeps the edit', async () => {
    const before = await page.inputValue('#editor');
    await page.setInputFiles('#import-file', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "extends": "baseline.json", nope'),
    });
    await page.waitForSelector('#import-error');
    expect(await page.locator('#import-error').textContent()).toMatch(/broken\.json: not valid JSON/);
    expect(await page.inputValue('#editor')).toBe(before);

    const bad = JSON.stringify({ extends: 'baseline.json', name: 'bad', agents: -1, influence: { mu: 2 } });
    await page.setInputFiles('#import-file', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bad),
    });
    await page.waitForSelector('#import-error:has-text("bad.json")');
    const msg = await page.locator('#import-error').textContent();
    expect(msg).toContain('agents');
    expect(msg).toContain('influence.mu');
    expect(await page.inputValue('#editor')).toBe(before);
    await page.click('#import-keep');
    expect(await page.locator('#import-error').count()).toBe(0);
    expect(await page.inputValue('#editor')).toBe(before);
  });

  it('adds and removes list items from the form', async () => {
    await page.fill('#field-search', 'interventions');
    await page.click('.list-tools[data-list="interventions"] .list-add');
    await page.waitForSelector('.field[data-path="interventions[1].coverage"]');
    const data = JSON.parse(await page.inputValue('#editor'));
    expect(data.interventions).toHaveLength(2);
    expect(data.interventions[1].id).toBe('schoolResilience2');
    await page.waitForSelector('#editor-ok');
    await page.click('.list-tools[data-list="interventions"] .list-remove');
    await page.waitForSelector('.field[data-path="interventions[1].coverage"]', { state: 'detached' });
    expect(JSON.parse(await page.inputValue('#editor')).interventions).toHaveLength(1);
    await page.fill('#field-search', '');
  });

  it('starting again from a library scenario can be undone', async () => {
    const before = await page.inputValue('#editor');
    await page.selectOption('#editor-base', 'baseline');
    await page.waitForSelector('#import-undo');
    expect(await page.inputValue('#editor')).not.toBe(before);
    await page.click('#import-undo');
    expect(await page.inputValue('#editor')).toBe(before);
    expect(await page.inputValue('#editor-base')).toBe('school-resilience');
  });

  it('locks the form while the JSON text is not readable', async () => {
    const before = await page.inputValue('#editor');
    await page.fill('#editor', before.slice(0, -3));
    await page.waitForSelector('#editor-error');
    expect(await page.locator('#form-note').textContent()).toMatch(/syntax error/);
    expect(await page.locator('#field-editor').evaluate((e) => (e as HTMLElement).inert)).toBe(true);
    await page.fill('#editor', before);
    await page.waitForSelector('#editor-ok');
    expect(await page.locator('#field-editor').evaluate((e) => (e as HTMLElement).inert)).toBe(false);
  });

  it('runs a one-parameter sweep: line plot, sensitivity and CSV', async () => {
    await setParam(page, 1, 'influence.mu', '0.05', '0.3', '2');
    await page.fill('#sweep-replicates', '2');
    await page.fill('#sweep-agents', '1000');
    await page.fill('#sweep-weeks', '52');
    await page.click('#sweep-run');
    await page.waitForSelector('#sweep-progress-text[data-state="done"]', { timeout: 60_000 });
    expect(await page.locator('#sweep-chart svg.sweep-line path.band').count()).toBe(1);
    expect(await page.locator('#sweep-chart svg.sweep-line circle.run').count()).toBe(4);
    expect(await page.locator('#sweep-sensitivity tr').count()).toBeGreaterThan(2);
    expect(await page.locator('#sweep-sensitivity').textContent()).toContain('PRCC influence.mu');
    // 2 points x 2 replicates: far too few runs for a PRCC, and the '-' is explained.
    expect(await page.locator('#sweep-warnings').textContent()).toContain('Too few runs for a sensitivity analysis');
    expect(await page.locator('#sweep-dash-legend').textContent()).toContain('"-" means no PRCC');
    if (process.env.RADSIM_LINE_SHOT)
      await page.locator('#sweep-chart').screenshot({ path: process.env.RADSIM_LINE_SHOT });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#sweep-csv')]);
    expect(csv.suggestedFilename()).toBe('sweep.csv');
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('run_id,point,replicate,seed,influence.mu,outcome,value,per_100k,per_100k_year');
    expect(lines.length).toBeGreaterThan(4 * 5);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#sweep-json')]);
    const summary = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(summary.sensitivity.length).toBeGreaterThan(0);
    expect(summary.plan.points).toEqual([[0.05], [0.3]]);

    // The results survive a reload (the edit already did).
    await page.reload();
    await page.waitForSelector('#sweep-restored');
    expect(await page.locator('#sweep-chart svg.sweep-line circle.run').count()).toBe(4);
    expect(await page.locator('#sweep-chart svg .y-label').textContent()).toBeTruthy();
  });

  it('runs a two-parameter sweep and draws a heatmap', async () => {
    await setParam(page, 1, 'phases.constants.a01', '0.001', '0.004', '2');
    await setParam(page, 2, 'population.initialSensitivityShare', '0.002', '0.02', '2');
    await page.click('#sweep-run');
    await page.waitForSelector('#sweep-progress-text[data-state="done"]', { timeout: 60_000 });
    expect(await page.locator('#sweep-chart svg.sweep-heatmap g.cell').count()).toBe(4);
    expect(await page.locator('#sweep-chart svg.sweep-heatmap .legend').count()).toBe(1);
    expect(await page.locator('#sweep-sensitivity').textContent()).toContain('PRCC population.initialSensitivityShare');
    await page.locator('#sweep-panel').screenshot({ path: join(shots, 'research-sweep.png') });
  });

  it('a sweep can be cancelled', async () => {
    await page.fill('#sweep-p2', '');
    await setParam(page, 1, 'influence.mu', '0.05', '0.3', '3');
    await page.fill('#sweep-agents', '20000');
    await page.fill('#sweep-weeks', '520');
    await page.click('#sweep-run');
    await page.waitForSelector('#sweep-progress-text[data-state="running"]');
    await page.click('#sweep-cancel');
    await page.waitForSelector('#sweep-progress-text[data-state="cancelled"]');
    expect(await page.locator('#sweep-chart').count()).toBe(0);
    expect(await page.isEnabled('#sweep-run')).toBe(true);
  });

  it('a crashed worker stops the sweep with a clear message, and the next sweep works', async () => {
    const stopBreaking = await breakWorkerScript(page, 'simulated worker crash');
    await loadFresh(page, `${base}#research`); // no workers kept from the sweeps before
    try {
      await setParam(page, 1, 'influence.mu', '0.05', '0.3', '2');
      await page.fill('#sweep-replicates', '2');
      await page.fill('#sweep-agents', '1000');
      await page.fill('#sweep-weeks', '52');
      await page.click('#sweep-run');
      await page.waitForSelector('#sweep-worker-error', { timeout: 30_000 });
      const text = (await page.locator('#sweep-worker-error').textContent())!;
      expect(text).toMatch(
        /worker running point p0[01] \(influence\.mu=0\.(05|3)\), replicate [12] of 2 \(run p0[01]-r0*[01]\) failed/,
      );
      expect(text).toContain('simulated worker crash');
      expect(await page.locator('#sweep-progress-text').getAttribute('data-state')).toBe('failed');
      expect(await page.isEnabled('#sweep-run')).toBe(true);
      expect(await page.isEnabled('#sweep-cancel')).toBe(false);
      expect(await page.locator('#sweep-chart').count()).toBe(0);
    } finally {
      await stopBreaking();
    }
    // The page keeps working.
    await page.click('#sweep-run');
    await page.waitForSelector('#sweep-progress-text[data-state="done"]', { timeout: 60_000 });
    expect(await page.locator('#sweep-worker-error').count()).toBe(0);
    expect(await page.locator('#sweep-chart svg.sweep-line').count()).toBe(1);
  });

  it('"Compare with its base" opens Compare with the base and the edit', async () => {
    await page.goto(`${base}#research`);
    await page.waitForSelector('#editor-ok');
    const [hash] = await Promise.all([
      page
        .waitForFunction(() => (location.hash.startsWith('#compare') ? location.hash : null))
        .then((h) => h.jsonValue()),
      page.click('#compare-edited'),
    ]);
    expect(hash).toMatch(/^#compare\?s=school-resilience,edited&r=4&a=5000&w=260/);
    await page.waitForSelector('#view-compare');
  });

  it('"Compare with its base" says so instead of running when the edit has the base\'s parameters', async () => {
    await page.goto(`${base}#about`);
    await page.evaluate(() => {
      localStorage.removeItem('radsim.editor.text');
      localStorage.removeItem('radsim.editor.base');
    });
    await page.goto(`${base}#research`);
    await page.waitForSelector('#editor-ok');
    expect(await page.inputValue('#editor-base')).toBe('baseline');
    await page.selectOption('#editor-base', 'capacity-cut');
    await page.waitForSelector('#editor-ok');
    await page.click('#compare-edited');
    await page.waitForSelector('#compare-same');
    expect(await page.locator('#compare-same').textContent()).toMatch(/same parameters as its base, Case capacity cut/);
    expect(page.url()).toContain('#research');
  });

  it('"Explore this scenario" opens Explore with the edited scenario', async () => {
    await page.goto(`${base}#research`);
    await page.waitForSelector('#editor-ok');
    await page.click('#explore-edited');
    await page.waitForFunction(() => location.hash.startsWith('#explore?scenario=edited'));
    await page.waitForSelector('#scenario');
    expect(await page.inputValue('#scenario')).toBe('edited');
  });
});
