/**
 * End-to-end tests of Explore as a teaching instrument (see harness.ts): the run survives
 * leaving the view and switching language; the pace is in weeks per second and labelled; the
 * end of the run is shown and what cannot happen after it is refused with a message; the
 * scenario, switches and route profile read as words in English and Dutch.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import attackAbroad from '../../scenarios/attack-abroad.json';
import baseline from '../../scenarios/baseline.json';
import informationSharing from '../../scenarios/information-sharing.json';
import { SPEEDS } from '../../web/explorePace.ts';
import { join } from 'node:path';
import { loadFresh, shots, useApp } from './harness.ts';

const app = useApp();
let page: Page;
let base = '';

const weekOf = (p: Page) => p.locator('#status').getAttribute('data-week').then(Number);

/** Loads Explore with a small population and run, and waits for week 0 of it. */
async function smallRun(p: Page, agents: number, weeks: number): Promise<void> {
  await p.fill('#agents', String(agents));
  await p.fill('#weeks', String(weeks));
  await p.click('#restart');
  await p.waitForFunction(
    ([a, w]) => {
      const el = document.querySelector('#status') as HTMLElement | null;
      const n = [0, 1, 2, 3].reduce((s, k) => s + Number(el?.dataset[`phase${k}`]), 0);
      return el?.dataset.week === '0' && n === a && el.textContent?.includes(`/ ${w}`);
    },
    [agents, weeks],
  );
}

async function setSpeed(p: Page, weeksPerSecond: number): Promise<void> {
  await p.fill('#speed', String(SPEEDS.indexOf(weeksPerSecond)));
}

/** What the view shows of the run: week, fired triggers, selected person, the chart's lines. */
async function snapshot(p: Page) {
  return {
    week: await weekOf(p),
    fired: await p.locator('#status').getAttribute('data-fired'),
    firedLines: await p.locator('#chart svg g.fired line').count(),
    selected: await p.locator('#people').getAttribute('data-selected'),
    routeId: await p.locator('#route').getAttribute('data-id'),
    line1: await p.locator('#chart svg path.line-phase1').getAttribute('d'),
    log: await p.locator('#macro-log').getAttribute('data-fired'),
  };
}

beforeAll(() => {
  page = app.page;
  base = app.base;
});

describe('Explore as a teaching instrument', () => {
  it('keeps the run (week, fired trigger, selected person, chart) across another view and a language switch', async () => {
    await page.goto(`${base}#explore`);
    await page.waitForSelector('#status[data-week="0"]');
    await smallRun(page, 3000, 200);
    await setSpeed(page, 50);
    await page.click('#play');
    await page.waitForFunction(() => Number(document.querySelector('#status')?.getAttribute('data-week')) >= 30);
    await page.click('#play');
    await page.waitForSelector('#status[data-running="false"]');
    await page.click('#macros button[data-macro="attackAbroad"]');
    await page.waitForSelector('#status[data-fired="1"]');
    await page.click('#step');
    await page.focus('#people');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#route h3');
    await page.waitForFunction(
      () => (document.querySelector('#chart svg path.line-phase1')?.getAttribute('d') ?? '').length > 0,
    );
    const before = await snapshot(page);
    expect(before.week).toBeGreaterThanOrEqual(31);
    expect(before.selected).not.toBe('');

    await page.click('#nav-about');
    await page.waitForSelector('#about');
    await page.click('#nav-explore');
    await page.waitForSelector(`#status[data-week="${before.week}"][data-fired="1"]`);
    await page.waitForSelector(`#route[data-id="${before.selected}"]`);
    expect(await snapshot(page)).toEqual(before);
    expect(await page.inputValue('#agents')).toBe('3000');

    await page.click('#lang');
    await page.waitForSelector('#nav-explore:text("Verkennen")');
    await page.waitForSelector(`#status[data-week="${before.week}"][data-fired="1"]`);
    await page.waitForSelector(`#route[data-id="${before.selected}"]`);
    expect(await snapshot(page)).toEqual(before);

    // The Dutch page in words: the scenario, the switches, the profile.
    expect(await page.locator('#scenario-title').textContent()).toBe('Basis: de praktijk van nu');
    expect(await page.locator('label:has(#abl-socialInfluence)').textContent()).toContain('Sociale invloed');
    expect(await page.locator('#route .profile').textContent()).toMatch(
      /^\d+, (man|vrouw), [^,]+, (in geen fase|gevoeligheidsfase|groepsfase|actiefase)/,
    );
    expect(await page.locator('#speed-value').textContent()).toBe('50 weken/s');

    // Playing on after coming back continues from the same week.
    await page.click('#lang');
    await page.waitForSelector('#nav-explore:text("Explore")');
    expect(await page.locator('#route .profile').textContent()).toMatch(
      /^\d+, (man|woman), [^,]+, (in no phase|sensitivity phase|group phase|action phase)/,
    );
    await page.click('#step');
    await page.waitForSelector(`#status[data-week="${before.week + 1}"]`);
  });

  it('plays at the speed set, in weeks per second, labelled with its value', async () => {
    await loadFresh(page, `${base}#explore`); // a new page: the default speed
    await smallRun(page, 2000, 520);
    expect(await page.locator('#speed-value').textContent()).toBe('5 weeks/s');
    expect(await page.locator('#speed').getAttribute('aria-valuetext')).toBe('5 weeks/s');
    await setSpeed(page, 0.5);
    expect(await page.locator('#speed-value').textContent()).toBe('0.5 weeks/s');
    await setSpeed(page, 10);
    expect(await page.locator('#speed-value').textContent()).toBe('10 weeks/s');
    await page.click('#play');
    await page.waitForSelector('#status[data-week="1"]');
    const w0 = await weekOf(page);
    const t0 = Date.now();
    await page.waitForTimeout(3000);
    const w1 = await weekOf(page);
    const seconds = (Date.now() - t0) / 1000;
    await page.click('#play');
    await page.waitForSelector('#status[data-running="false"]');
    // Never faster than set (one frame's weeks of slack); at 2,000 people not much slower either.
    expect(w1 - w0).toBeLessThanOrEqual(10 * seconds + 2);
    expect(w1 - w0).toBeGreaterThanOrEqual(0.5 * 10 * seconds);
  });

  it('shows the end of the run, and refuses Play and a trigger after it with a message', async () => {
    await page.goto(`${base}#explore`);
    await smallRun(page, 2000, 30);
    expect(await page.locator('#run-end').isVisible()).toBe(false);
    await setSpeed(page, 50);
    await page.click('#play');
    await page.waitForSelector('#status[data-ended="true"][data-running="false"]');
    expect(await weekOf(page)).toBe(30);
    expect(await page.locator('#run-end').textContent()).toMatch(/End of the run: week 30/);
    expect(await page.locator('#chart .run-end-mark').getAttribute('display')).toBeNull();

    await page.click('#play');
    await page.waitForSelector('#explore-refused');
    expect(await page.locator('#explore-refused').textContent()).toMatch(/ended at week 30/);
    expect(await page.locator('#status').getAttribute('data-running')).toBe('false');

    await page.click('#macros button[data-macro="attackAbroad"]');
    await page.waitForFunction(() => document.querySelector('#explore-refused')?.textContent?.includes('not fired'));
    expect(await page.locator('#macro-log li[data-source="fired"]').count()).toBe(0);
    expect(await page.locator('#status').getAttribute('data-fired')).toBe('0');

    // Restart clears the message and the end.
    await page.click('#restart');
    await page.waitForSelector('#status[data-week="0"][data-ended="false"]');
    expect(await page.locator('#explore-refused').count()).toBe(0);
  });

  it('says so when the linked scenario does not exist, and shows what each scenario is before a run', async () => {
    await page.goto(`${base}#explore?scenario=doesnotexist`);
    await page.waitForSelector('#explore-unknown');
    await page.waitForSelector('#status[data-week="0"]');
    expect(await page.locator('#explore-unknown').textContent()).toContain('"doesnotexist"');
    const option = await page.locator('#scenario option[value="capacity-cut"]').textContent();
    expect(option).toBe('Case capacity cut (capacity-cut)');
    await page.selectOption('#scenario', 'capacity-cut');
    expect(await page.locator('#scenario-title').textContent()).toBe('Case capacity cut');
    expect(await page.locator('#scenario-description').textContent()).toContain('cut to a third');
    expect(await page.locator('label:has(#abl-microTriggers)').textContent()).toContain('Personal triggers (micro)');
  });

  it('at 1280x800 shows chart and people side by side above the fold, the canvas at the device pixel ratio', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    try {
      const p = await ctx.newPage();
      await p.goto(`${base}#explore`);
      await p.waitForSelector('#status[data-week="0"]');
      await p.waitForSelector('#chart svg');
      const chart = (await p.locator('#chart svg').boundingBox())!;
      const canvas = (await p.locator('#people').boundingBox())!;
      expect(chart.width).toBeGreaterThan(540);
      expect(canvas.x).toBeGreaterThanOrEqual(chart.x + chart.width);
      expect(chart.y + chart.height).toBeLessThanOrEqual(800);
      expect(canvas.y + canvas.height).toBeLessThanOrEqual(800);
      const backing = await p.locator('#people').evaluate((c) => [(c as HTMLCanvasElement).width, c.clientWidth]);
      expect(backing[0]).toBe(2 * backing[1]);
    } finally {
      await ctx.close();
    }
  });

  it('presenter mode: large caption, run from the keyboard (a clicker sends PageDown and PageUp), Escape leaves', async () => {
    await page.goto(`${base}#explore`);
    await page.waitForSelector('#status[data-week]');
    await page.selectOption('#scenario', 'baseline'); // the view keeps the scenario an earlier test chose
    await smallRun(page, 2000, 100);
    await setSpeed(page, 5);
    await page.click('#present');
    await page.waitForSelector('body.presenting #caption:not([hidden])');
    expect(await page.locator('#caption').textContent()).toMatch(/^Baseline: today's practice · Week 0 \/ 100/);
    const size = await page.locator('#caption').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    await page.locator('body').press('PageUp');
    await page.waitForSelector('#status[data-week="1"]');
    await page.locator('body').press('PageDown');
    await page.waitForSelector('#status[data-running="true"]');
    await page.locator('body').press('PageDown');
    await page.waitForSelector('#status[data-running="false"]');
    await page.locator('body').press('1');
    await page.waitForSelector('#status[data-fired="1"]');
    await page.locator('body').press('PageUp');
    await page.locator('body').press('PageUp');
    await page.waitForFunction(() =>
      /· (Attack abroad|War|Polarising|Discriminating|Incident)/.test(
        document.querySelector('#caption')?.textContent ?? '',
      ),
    );
    await page.locator('body').press('Escape');
    await page.waitForSelector('body:not(.presenting)');
    expect(await page.locator('#caption').isVisible()).toBe(false);
  });

  it('a guided demo (scenario data) stops at each step with its caption, fires its trigger, and goes on when asked', async () => {
    await page.goto(`${base}#explore`);
    await page.waitForSelector('#status[data-week]');
    await page.selectOption('#scenario', 'capacity-cut');
    expect(await page.locator('#demo').isVisible()).toBe(false); // this scenario has no demo
    await page.selectOption('#scenario', 'attack-abroad');
    await page.waitForSelector('#demo:not([hidden])');
    await page.fill('#agents', '2000');
    await setSpeed(page, 50);
    await page.click('#demo');
    await page.waitForSelector('#demo-caption[data-step="1"]:not([hidden])');
    expect(await weekOf(page)).toBe(0);
    expect(await page.locator('#demo-caption').textContent()).toMatch(/Ten years of a synthetic city/);
    await page.click('#demo-next');
    await page.waitForSelector('#demo-caption[data-step="2"]:not([hidden])', { timeout: 60_000 });
    expect(await weekOf(page)).toBe(100);
    expect(await page.locator('#status').getAttribute('data-running')).not.toBe('true');
    await page.click('#demo-next');
    await page.waitForSelector('#demo-caption[data-step="3"]:not([hidden])', { timeout: 60_000 });
    expect(await weekOf(page)).toBe(130);
    await page.click('#demo-next');
    await page.waitForSelector('#demo-caption[data-step="4"]:not([hidden])', { timeout: 60_000 });
    expect(await weekOf(page)).toBe(200);
    await page.waitForSelector('#macro-log li[data-source="fired"][data-type="polarisingEvent"]');
    expect(await page.locator('#status').getAttribute('data-fired')).toBe('1');
    await page.click('#demo-next');
    await page.waitForSelector('#demo-caption[data-step="5"]:not([hidden])', { timeout: 60_000 });
    expect(await page.locator('#demo-next').textContent()).toBe('End the demo');
    await page.click('#demo-next');
    expect(await page.locator('#demo-caption').isVisible()).toBe(false);
  });

  it('presenter mode: N, the right arrow and PageDown (a clicker) go to the next demo stop, as its help says', async () => {
    await page.goto(`${base}#explore`);
    await page.waitForSelector('#status[data-week]');
    await page.selectOption('#scenario', 'attack-abroad');
    await page.waitForSelector('#demo:not([hidden])');
    expect(await page.locator('#present').getAttribute('title')).toMatch(
      /PageDown, N or the right arrow: the next stop/,
    );
    await page.fill('#agents', '2000');
    await setSpeed(page, 50);
    await page.click('#demo');
    await page.waitForSelector('#demo-caption[data-step="1"]:not([hidden])');
    await page.click('#present');
    await page.waitForSelector('body.presenting');
    const stops = attackAbroad.demo as { week: number }[];
    for (const [i, key] of (['n', 'PageDown', 'ArrowRight', 'N'] as const).entries()) {
      await page.locator('body').press(key);
      await page.waitForSelector(`#demo-caption[data-step="${i + 2}"]:not([hidden])`, { timeout: 60_000 });
      await page.waitForSelector(`#status[data-week="${stops[i + 1].week}"][data-running="false"]`);
    }
    // At the last stop "next" ends the demo; then PageDown plays and pauses again.
    await page.locator('body').press('PageDown');
    await page.waitForSelector('#demo-caption', { state: 'hidden' });
    await page.locator('body').press('PageDown');
    await page.waitForSelector('#status[data-running="true"]');
    await page.locator('body').press('PageDown');
    await page.waitForSelector('#status[data-running="false"]');
    // Without a demo under way N does nothing.
    const week = await weekOf(page);
    await page.locator('body').press('n');
    await page.waitForTimeout(300);
    expect(await weekOf(page)).toBe(week);
    await page.locator('body').press('Escape');
    await page.waitForSelector('body:not(.presenting)');
  });

  interface Stop {
    week: number;
    caption: { en: string; nl: string };
    fire?: string;
    select?: string;
  }
  const demos: [string, Stop[]][] = [
    ['attack-abroad', attackAbroad.demo],
    ['baseline', baseline.demo],
    ['information-sharing', informationSharing.demo],
  ];
  it.each(demos)(
    'the %s demo reaches each stop, fires and selects there, and shows its caption in English and Dutch',
    async (name, stops) => {
      await page.goto(`${base}#explore`);
      await page.waitForSelector('#status[data-week]');
      await page.selectOption('#scenario', name);
      await page.waitForSelector('#demo:not([hidden])');
      await page.fill('#agents', '3000');
      await setSpeed(page, 50);
      await page.click('#demo');
      let firedCount = 0;
      for (const [i, stop] of stops.entries()) {
        if (i > 0) await page.click('#demo-next');
        await page.waitForSelector(`#demo-caption[data-step="${i + 1}"]:not([hidden])`, { timeout: 90_000 });
        // The status line is redrawn at the next animation frame: wait for it, then it must stay.
        await page.waitForSelector(`#status[data-week="${stop.week}"]`);
        expect(await page.locator('#demo-caption .demo-step').textContent()).toContain(`Week ${stop.week}:`);
        expect(await page.locator('#status').getAttribute('data-running')).not.toBe('true');
        await page.waitForTimeout(200);
        expect(await weekOf(page)).toBe(stop.week); // paused at the stop
        expect(await page.locator('#demo-caption').textContent()).toContain(stop.caption.en);
        if (stop.fire) {
          firedCount++;
          await page.waitForSelector(`#macro-log li[data-source="fired"][data-type="${stop.fire}"]`);
          expect(await page.locator('#status').getAttribute('data-fired')).toBe(String(firedCount));
        }
        const chosen = page.locator('#demo-caption .demo-selected');
        if (stop.select) {
          expect(await chosen.getAttribute('data-select')).toBe(stop.select);
          const id = (await chosen.getAttribute('data-id')) ?? '';
          // Someone is always hit by a trigger; someone is in a phase in almost every run of 3,000.
          if (stop.select === 'mostTriggers') expect(id).not.toBe('');
          if (id !== '') {
            expect(await page.locator('#people').getAttribute('data-selected')).toBe(id);
            await page.waitForSelector(`#route[data-id="${id}"]`);
            expect(await chosen.textContent()).toContain(`person ${id}`);
          } else expect(await chosen.textContent()).toMatch(/^Nobody/);
        } else expect(await chosen.count()).toBe(0);

        // The stop survives a switch to Dutch: the same stop, its Dutch caption, then back.
        await page.click('#lang');
        await page.waitForSelector('#nav-explore:text("Verkennen")');
        await page.waitForSelector(`#demo-caption[data-step="${i + 1}"]:not([hidden])`);
        expect(await page.locator('#demo-caption').textContent()).toContain(stop.caption.nl);
        if (stop.select)
          expect(await page.locator('#demo-caption .demo-selected').textContent()).toMatch(/^(Geselecteerd|Niemand)/);
        await page.click('#lang');
        await page.waitForSelector('#nav-explore:text("Explore")');
        await page.waitForSelector(`#demo-caption[data-step="${i + 1}"]:not([hidden])`);
      }
      expect(await page.locator('#demo-next').textContent()).toBe('End the demo');
      await page.click('#demo-next');
      expect(await page.locator('#demo-caption').isVisible()).toBe(false);
    },
    300_000,
  );

  it('screenshots at 1280x800: a demo stop with its person selected, and the same in presenter mode', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const p = await ctx.newPage();
      await p.goto(`${base}#explore`);
      await p.waitForSelector('#status[data-week]');
      await p.selectOption('#scenario', 'baseline');
      await p.waitForSelector('#demo:not([hidden])');
      await setSpeed(p, 50);
      await p.click('#demo'); // the scenario's 20,000 people
      await p.waitForSelector('#demo-caption[data-step="1"]:not([hidden])', { timeout: 120_000 });
      await p.click('#demo-next');
      await p.waitForSelector('#demo-caption[data-step="2"]:not([hidden])', { timeout: 120_000 });
      const id = await p.locator('#people').getAttribute('data-selected');
      if (id) await p.waitForSelector(`#route[data-id="${id}"] h3`);
      await p.waitForTimeout(500);
      await p.screenshot({ path: join(shots, 'explore-demo.png') });
      await p.click('#present');
      await p.waitForSelector('body.presenting #caption:not([hidden])');
      await p.waitForTimeout(800);
      await p.screenshot({ path: join(shots, 'explore-present.png') });
      expect(await p.locator('#demo-caption').isVisible()).toBe(true);
    } finally {
      await ctx.close();
    }
  }, 300_000);

  it('the network view draws the people in a phase and their contacts, at the device pixel ratio', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    try {
      const p = await ctx.newPage();
      await p.goto(`${base}#explore`);
      await p.waitForSelector('#status[data-week="0"]');
      await p.selectOption('#scenario', 'baseline'); // 20,000 people: some 15 to 40 in a phase
      await p.waitForSelector('#status[data-week="0"]');
      await p.click('#people-mode');
      await p.waitForSelector('#people[data-mode="network"][data-in-phase]');
      const inPhase = await p
        .locator('#status')
        .evaluate((el) => [1, 2, 3].reduce((s, k) => s + Number((el as HTMLElement).dataset[`phase${k}`]), 0));
      expect(inPhase).toBeGreaterThan(0);
      expect(Number(await p.locator('#people').getAttribute('data-in-phase'))).toBe(Math.min(80, inPhase));
      expect(Number(await p.locator('#people').getAttribute('data-drawn'))).toBeGreaterThan(inPhase);
      expect(await p.locator('#net-info').textContent()).toMatch(new RegExp(`^In a phase: ${inPhase} people`));
      expect(await p.locator('#people-mode').getAttribute('aria-pressed')).toBe('true');
      const backing = await p.locator('#people').evaluate((c) => [(c as HTMLCanvasElement).width, c.clientWidth]);
      expect(backing[0]).toBe(2 * backing[1]);
      // The canvas shows the phase colours of the people in a phase (not only the contacts' grey).
      const coloured = await p.locator('#people').evaluate((c) => {
        const cv = c as HTMLCanvasElement;
        const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] > 200 && d[i + 1] > 120 && d[i + 1] < 180 && d[i + 2] < 40) n++; // #E69F00
        return n;
      });
      expect(coloured).toBeGreaterThan(20);
      await p.screenshot({ path: join(shots, 'explore-phase-network.png') });
      // The view mode survives a language switch.
      await p.click('#lang');
      await p.waitForSelector('#people[data-mode="network"][data-in-phase]');
      await p.waitForFunction(() => document.querySelector('#net-info')?.textContent?.startsWith('In een fase:'));
      expect(await p.locator('#people-mode').textContent()).toBe('Iedereen (raster)');
      await p.click('#lang');
      await p.waitForSelector('#people-mode:text("Everyone (grid)")');
      await p.click('#people-mode');
      await p.waitForSelector('#people[data-mode="grid"]');
      expect(await p.locator('#net-info').isVisible()).toBe(false);
    } finally {
      await ctx.close();
    }
  }, 300_000);
});
