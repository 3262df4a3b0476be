/**
 * End-to-end tests of the app in words (see harness.ts): Compare's scenario list shows titles
 * and descriptions, asks for two scenarios in words and copies the share link; the Dutch page
 * has no English left in the places that had it (switches, regions, profile, parameter texts,
 * sources, the scenario's question and its trigger and programme labels, summaries, About).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { playExploreToEndAndSelect, useApp } from './harness.ts';

type Text = { en: string; nl: string };
const scenario = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')) as {
    question: Text;
    triggers: { catalogue: { id: string; label: Text }[] };
  };
const baseline = scenario('baseline');
const capacityCut = scenario('capacity-cut');

const app = useApp();
let page: Page;
let base = '';

beforeAll(() => {
  page = app.page;
  base = app.base;
});

/** The text a reader sees (form fields' values and code aside). */
const visibleText = (p: Page) =>
  p.evaluate(() => {
    const out: string[] = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('textarea, code, script, style, option') || el.closest('[hidden]')) continue;
      out.push(n.textContent ?? '');
    }
    document.querySelectorAll('[aria-label]').forEach((el) => out.push(el.getAttribute('aria-label') ?? ''));
    return out.join('\n');
  });

describe('Compare in words', () => {
  it('lists scenarios by title and description, and asks for two in words', async () => {
    await page.goto(`${base}#compare`);
    const label = page.locator('#compare-scenarios label[data-name="capacity-cut"]');
    expect(await label.locator('.scen-title').textContent()).toBe('Case capacity cut (capacity-cut)');
    expect(await label.locator('.scen-desc').textContent()).toMatch(/cut to a third/);
    const checked = await page.$$eval('#compare-scenarios input:checked', (els) => els.map((e) => e.id));
    for (const id of checked) await page.uncheck(`#${id}`);
    await page.check('#cmp-baseline');
    await page.click('#run-compare');
    await page.waitForSelector('#pick-two');
    const text = await page.locator('#pick-two').textContent();
    expect(text).toMatch(/Pick at least two scenarios/);
    expect(text).not.toContain('s=');
  });

  it('copies the share link', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
    await page.goto(`${base}#compare?s=baseline,capacity-cut&r=2&a=1000&w=26`);
    await page.click('#run-compare');
    await page.waitForSelector('#compare-progress-text[data-state="done"]', { timeout: 120_000 });
    await page.click('#copy-link');
    await page.waitForSelector('#copy-status:text("Copied")');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.inputValue('#share-link'));
    expect(copied).toContain('#compare?s=baseline,capacity-cut&r=2&a=1000&w=26');
    // Every chart over time labels its y-axis.
    expect(await page.locator('svg .y-label').count()).toBeGreaterThanOrEqual(2);
  });
});

describe('the Dutch page', () => {
  it('has no English left in Explore, Research and About', async () => {
    await page.goto(`${base}#about`);
    await page.evaluate(() => localStorage.setItem('radsim.lang', 'nl'));
    try {
      await page.goto(`${base}#explore`);
      await page.reload();
      expect(await page.locator('#scenario-question').textContent()).toBe(baseline.question.nl);
      expect(await page.locator('#scenario-question').getAttribute('lang')).toBe('nl');
      await playExploreToEndAndSelect(page, 40);
      await page.waitForSelector('#route .profile');
      // The route from the start names triggers by their Dutch labels, not by their ids or English labels.
      await page.click('#replay');
      await page.waitForSelector('#route[data-since="0"]', { timeout: 60_000 });
      await page.waitForSelector('#route-events li');
      const triggers = await page.locator('#route-events li[data-kind="trigger"]').allTextContents();
      expect(triggers.length).toBeGreaterThan(0);
      const dutchLabels = baseline.triggers.catalogue.map((x) => x.label.nl);
      for (const line of triggers)
        expect(
          dutchLabels.some((l) => line.includes(`trigger ${l} (`)),
          line,
        ).toBe(true);
      expect(await page.locator('#people').getAttribute('data-regions')).toBe('grote stad|landelijke regio');
      expect(await page.locator('#chart svg .y-label').textContent()).toBe('personen');
      const explore = await visibleText(page);
      for (const english of [
        'microTriggers',
        'socialInfluence',
        'ageAtEnd',
        'rightWing',
        'phaseAtEnd',
        'weeks/s',
        'phase counts',
        'Baseline',
        'How does radicalisation',
        ...baseline.triggers.catalogue.flatMap((x) => [`trigger ${x.id} (`, x.label.en]),
      ])
        expect(explore).not.toContain(english);
      expect(await page.locator('#run-end').textContent()).toMatch(/^Einde van de run/);

      await page.goto(`${base}#research`);
      await page.waitForSelector('#editor-ok');
      expect(await page.locator('.field[data-path="population.maleShare"] .desc').textContent()).toBe('aandeel mannen');
      expect(await page.locator('.field[data-path="name"] .source').textContent()).toContain(
        'scenariotekst (geen modelparameter)',
      );
      // The scenario's texts have a Dutch field each, whose default is the Dutch text.
      const labelNl = '.field[data-path="triggers.catalogue[0].label.nl"]';
      expect(await page.locator(`${labelNl} .default`).textContent()).toContain(
        baseline.triggers.catalogue[0].label.nl,
      );
      expect(await page.locator('.field[data-path="question.nl"] input').inputValue()).not.toBe('');
      const research = await visibleText(page);
      for (const english of ['item(s)', 'scenario text', 'share of men', 'whole number', 'assumption', 'variables:'])
        expect(research).not.toContain(english);

      // A bad field and bad JSON are told in Dutch (the scenario's problems, sim/scenario/messages.ts).
      const row = '.field[data-path="population.maleShare"]';
      await page.fill('#field-search', 'population.maleShare');
      await page.fill('#field-population_maleShare', '2');
      await page.waitForSelector(`${row}.invalid`);
      expect(await page.locator(`${row} .field-error`).textContent()).toMatch(/^population\.maleShare: moet <= 1 zijn/);
      const listed = await page.locator('#editor-error').textContent();
      expect(listed).toContain('population.maleShare: moet <= 1 zijn (gevonden: 2)');
      expect(listed).not.toMatch(/must|found/);
      await page.fill('#editor', '{"extends": "baseline.json",');
      await page.waitForFunction(() =>
        document.querySelector('#editor-error')?.textContent?.startsWith('geen geldige JSON'),
      );
      expect(await page.locator('#editor-error').textContent()).toMatch(/^geen geldige JSON: de tekst houdt op waar/);
      await page.fill('#editor', '{"extends": "baseline.json"}');
      await page.waitForSelector('#editor-ok');

      // A sweep's plain-language summary is Dutch too, with decimal commas.
      await page.fill('#sweep-p1', 'influence.mu');
      await page.dispatchEvent('#sweep-p1', 'change');
      // The parameter list says in Dutch what a parameter is, and of which trigger.
      const rate = page.locator('#sweep-paths option[value="triggers.catalogue[0].perYear"]');
      expect(await rate.textContent()).toMatch(
        new RegExp(`^${baseline.triggers.catalogue[0].label.nl}: basisfrequentie per persoon per jaar`),
      );
      await page.fill('#sweep-lo1', '0.05');
      await page.fill('#sweep-hi1', '0.15');
      await page.fill('#sweep-n1', '2');
      await page.fill('#sweep-replicates', '2');
      await page.fill('#sweep-agents', '1000');
      await page.fill('#sweep-weeks', '26');
      await page.click('#sweep-run');
      await page.waitForSelector('#sweep-progress-text[data-state="done"]', { timeout: 120_000 });
      const summary = (await page.locator('#view-research .summary').textContent()) ?? '';
      expect(summary).toContain('Wat is doorgerekend');
      expect(summary).toContain('Zo leest u dit');
      expect(summary).toMatch(/influence\.mu\s*0,05; 0,15/);
      expect(summary).not.toMatch(/What was run|How to read|Main findings|goes with|No clear/);
      expect(summary).toMatch(/Basisscenario \S+: \S/);
      expect(summary).not.toMatch(/Base scenario|How does radicalisation|What does/);
      await page.fill('#field-search', '');

      // A comparison's summary asks each scenario's question in Dutch.
      await page.goto(`${base}#compare?s=baseline,capacity-cut&r=2&a=1000&w=26`);
      await page.click('#run-compare');
      await page.waitForSelector('#compare-progress-text[data-state="done"]', { timeout: 120_000 });
      const compared = (await page.locator('#compare-summary').textContent()) ?? '';
      expect(compared).toContain(baseline.question.nl);
      expect(compared).toContain(capacityCut.question.nl);
      expect(compared).not.toContain(capacityCut.question.en);

      await page.goto(`${base}#about`);
      const about = await visibleText(page);
      for (const english of ["Minister's letter", 'Phase colours', 'Ministry memo'])
        expect(about).not.toContain(english);
      expect(about).toContain('docs/sources/');
    } finally {
      await page.evaluate(() => localStorage.setItem('radsim.lang', 'en'));
    }
  });
});
