/** Route events in words (web/routeText.ts): triggers and programmes by their labels, in the page's language. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { describeRouteEvent, routeNames } from '../../web/routeText.ts';

const file = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
const school = resolveScenarioFile(file('school-resilience'));
const trigger = {
  week: 12,
  kind: 'trigger',
  id: 'discrimination',
  level: 'micro',
  direction: 'radicalising',
  impact: 0.3,
} as const;
const programme = { week: 30, kind: 'intervention', event: 'started', id: 'schoolResilience' } as const;

describe('route events in words', () => {
  it('name triggers and programmes by their Dutch labels on the Dutch page', () => {
    const nl = routeNames(school, 'nl');
    expect(describeRouteEvent(trigger, 'nl', nl)).toBe(
      'Week 12: microtrigger ervaren discriminatie (radicaliserend, impact 0,3)',
    );
    expect(describeRouteEvent(programme, 'nl', nl)).toBe(
      'Week 30: interventie schoolprogramma voor weerbaarheid en kritisch denken (leerlingen van 12-17 jaar): gestart',
    );
  });

  it('name them by their English labels on the English page', () => {
    const en = routeNames(school, 'en');
    expect(describeRouteEvent(trigger, 'en', en)).toBe(
      'Week 12: micro trigger experienced discrimination (radicalising, impact 0.3)',
    );
  });

  it('show a label given as one string in every language, and the id when there is no label', () => {
    const data = structuredClone(school) as { triggers: { catalogue: { label: unknown }[] } };
    data.triggers.catalogue[0].label = 'discrimination at work';
    const nl = routeNames(data, 'nl');
    expect(describeRouteEvent(trigger, 'nl', nl)).toContain('microtrigger discrimination at work (');
    expect(describeRouteEvent({ ...trigger, id: 'constructor' }, 'nl', nl)).toContain('microtrigger constructor (');
    expect(describeRouteEvent(trigger, 'nl')).toContain('microtrigger discrimination (');
  });
});
