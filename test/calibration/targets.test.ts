/**
 * The calibration targets (calibration/targets.json, docs/calibration-targets.md) are data that
 * `radsim calibrate` reads: every statistic must name series columns the baseline records, every
 * interval must be a usable range of a rate, and every target must say where its numbers come
 * from, or that they are an assumption and why.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seriesColumns } from '../../sim/run/series.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const TARGETS = fileURLToPath(new URL('../../calibration/targets.json', import.meta.url));
const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const AGGREGATES = ['mean', 'perYear', 'last'];

interface Target {
  name: string;
  description: string;
  statistic: { columns: string[]; aggregate: string; per: number };
  interval: [number, number];
  source: { title: string; publisher: string; year: number; link: string };
  derivation: string;
  assumption: boolean;
}

const file = JSON.parse(readFileSync(TARGETS, 'utf8'));
const targets: Target[] = file.targets;
const columns = new Set(seriesColumns(loadScenarioFile(BASELINE, { agents: 100, weeks: 1, seed: 1 })));

describe('calibration targets', () => {
  it('is version 1, describes its population and holds at least six targets with unique names', () => {
    expect(file.version).toBe(1);
    expect(typeof file.population).toBe('string');
    expect(file.population.length).toBeGreaterThan(20);
    expect(targets.length).toBeGreaterThanOrEqual(6);
    expect(new Set(targets.map((t) => t.name)).size).toBe(targets.length);
  });

  describe.each(targets.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    it('sums columns the baseline series records, with a known aggregate and a positive "per"', () => {
      expect(t.statistic.columns.length).toBeGreaterThan(0);
      for (const c of t.statistic.columns) expect(columns, `column "${c}"`).toContain(c);
      expect(AGGREGATES).toContain(t.statistic.aggregate);
      expect(t.statistic.per).toBeGreaterThan(0);
    });

    it('has an ordered interval of positive numbers', () => {
      expect(t.interval).toHaveLength(2);
      const [lo, hi] = t.interval;
      expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
      expect(lo).toBeGreaterThan(0);
      expect(hi).toBeGreaterThan(lo);
    });

    it('says where it comes from: a linked source, or an assumption with its reason', () => {
      expect(typeof t.assumption).toBe('boolean');
      expect(t.description.length).toBeGreaterThan(10);
      expect(t.derivation.length).toBeGreaterThan(40);
      const linked =
        typeof t.source?.link === 'string' &&
        /^https?:\/\/\S+$/.test(t.source.link) &&
        t.source.title.length > 0 &&
        t.source.publisher.length > 0 &&
        Number.isInteger(t.source.year);
      expect(linked || t.assumption).toBe(true);
    });
  });
});
