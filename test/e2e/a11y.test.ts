/**
 * Accessibility of every view in English and Dutch, checked with axe-core (injected into the
 * page): no serious or critical violation. Explore is checked with a person selected (the route
 * panel and the network legend shown), then in the people view's network of the people in a phase
 * and in presenter mode; Compare with results.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { playExploreToEndAndSelect, useApp } from './harness.ts';

const app = useApp();
let page: Page;
let base = '';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical violations on the page as it is, one line each. */
async function violations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: axePath });
  const { found, checked } = (await p.evaluate(async () => {
    type Result = { violations: unknown[]; passes: unknown[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
    const r = await axe.run(document, {});
    return { found: r.violations, checked: r.passes.length };
  })) as { found: Violation[]; checked: number };
  expect(checked).toBeGreaterThan(10); // axe ran its rules on the page
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

beforeAll(() => {
  page = app.page;
  base = app.base;
});

describe.each(['en', 'nl'])('accessibility (%s)', (lang) => {
  it('Explore, with a person selected', async () => {
    await page.goto(`${base}#about`);
    await page.evaluate((l) => localStorage.setItem('radsim.lang', l), lang);
    await page.goto(`${base}#explore`);
    await page.reload();
    await playExploreToEndAndSelect(page, 60);
    await page.waitForSelector('#route-timeline');
    expect(await violations(page)).toEqual([]);
  });

  it('Explore, the network of the people in a phase and presenter mode', async () => {
    // The run and the selected person of the test before are kept (the view keeps its run).
    await page.click('#people-mode');
    await page.waitForSelector('#people[data-mode="network"][data-in-phase]');
    expect(await page.locator('#people-mode').getAttribute('aria-pressed')).toBe('true');
    await page.waitForSelector('#net-info:not([hidden])');
    expect(await violations(page)).toEqual([]);
    await page.click('#present');
    await page.waitForSelector('body.presenting #caption:not([hidden])');
    expect(await violations(page)).toEqual([]);
    await page.locator('body').press('Escape'); // deselects the person
    await page.locator('body').press('Escape'); // leaves presenter mode
    await page.waitForSelector('body:not(.presenting)');
    await page.click('#people-mode');
    await page.waitForSelector('#people[data-mode="grid"]');
  });

  it('Compare, with results', async () => {
    await page.goto(`${base}#compare?s=baseline,capacity-cut&r=2&a=1000&w=52`);
    await page.click('#run-compare');
    await page.waitForSelector('#compare-progress-text[data-state="done"]', { timeout: 120_000 });
    await page.waitForSelector('#share-link');
    expect(await violations(page)).toEqual([]);
  });

  it('Research', async () => {
    await page.goto(`${base}#research`);
    await page.waitForSelector('#editor-ok');
    expect(await violations(page)).toEqual([]);
  });

  it('About', async () => {
    await page.goto(`${base}#about`);
    await page.waitForSelector('#about');
    expect(await violations(page)).toEqual([]);
  });
});
