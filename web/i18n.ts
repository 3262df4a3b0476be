/** English and Dutch labels. Practice terms follow the seeds (signaal, weegploeg, PGA, casusoverleg). */
export type Lang = 'en' | 'nl';

const en = {
  title: 'radsim: radicalisation dynamics simulator',
  explore: 'Explore',
  compare: 'Compare',
  research: 'Research',
  about: 'About',
  scenario: 'Scenario',
  agents: 'Agents',
  weeks: 'Weeks',
  play: 'Play',
  pause: 'Pause',
  step: 'Step one week',
  restart: 'Restart',
  speed: 'Speed (weeks per frame)',
  week: 'Week',
  phase0: 'No phase',
  phase1: 'Sensitivity',
  phase2: 'Group',
  phase3: 'Action',
  macro: 'Fire a macro trigger',
  ablation: 'Factor groups (switching one off restarts)',
  people: 'People (click a person to trace their route)',
  route: 'Route',
  tracing: 'Tracing the route (replaying the run)…',
  noEvents: 'No events yet for this person.',
  replicates: 'Replicates',
  run: 'Run comparison',
  cancel: 'Cancel',
  pick: 'Pick two or more scenarios; the first is the reference.',
  results: 'Results',
  summary: 'Summary in plain language',
  exportCsv: 'Export CSV',
  exportDiff: 'Export differences CSV',
  exportSvg: 'Export chart (SVG)',
  share: 'Share link',
  outcome: 'Outcome',
  difference: 'Difference with reference',
  badLink: 'This share link cannot be restored',
  editor: 'Scenario editor (JSON; validated as you type, saved in this browser)',
  formula: 'Hazard formula (validated as you type)',
  valid: 'Valid scenario',
  validFormula: 'Valid formula',
  reset: 'Reset to library scenario',
  signal: 'signal',
  triage: 'triage team',
  pga: 'person-centred approach (PGA)',
  caseMeeting: 'case meeting',
  ethics:
    'The population is synthetic. radsim explores mechanisms and policies; it is not a tool to assess, score or predict real persons, and must not be used as one.',
  sources: 'Sources',
  terms: 'Practice terms',
  // -- explore (new keys below) --
  // -- compare (new keys below) --
  // -- research (new keys below) --
};
export type Key = keyof typeof en;

const nl: Record<Key, string> = {
  title: 'radsim: simulator van radicaliseringsdynamiek',
  explore: 'Verkennen',
  compare: 'Vergelijken',
  research: 'Onderzoek',
  about: 'Over',
  scenario: 'Scenario',
  agents: 'Personen',
  weeks: 'Weken',
  play: 'Afspelen',
  pause: 'Pauzeren',
  step: 'Eén week verder',
  restart: 'Opnieuw',
  speed: 'Snelheid (weken per beeld)',
  week: 'Week',
  phase0: 'Geen fase',
  phase1: 'Gevoeligheid',
  phase2: 'Groep',
  phase3: 'Actie',
  macro: 'Macro-trigger afvuren',
  ablation: 'Factorgroepen (uitzetten start opnieuw)',
  people: 'Personen (klik op een persoon voor de route)',
  route: 'Route',
  tracing: 'Route wordt gevolgd (de run wordt herhaald)…',
  noEvents: 'Nog geen gebeurtenissen voor deze persoon.',
  replicates: 'Herhalingen',
  run: 'Vergelijking starten',
  cancel: 'Annuleren',
  pick: 'Kies twee of meer scenario’s; het eerste is de referentie.',
  results: 'Resultaten',
  summary: 'Samenvatting in gewone taal',
  exportCsv: 'CSV exporteren',
  exportDiff: 'Verschillen als CSV',
  exportSvg: 'Grafiek exporteren (SVG)',
  share: 'Deellink',
  outcome: 'Uitkomst',
  difference: 'Verschil met referentie',
  badLink: 'Deze deellink kan niet worden hersteld',
  editor: 'Scenario-editor (JSON; wordt tijdens het typen gecontroleerd en in deze browser bewaard)',
  formula: 'Hazardformule (wordt tijdens het typen gecontroleerd)',
  valid: 'Geldig scenario',
  validFormula: 'Geldige formule',
  reset: 'Terug naar bibliotheekscenario',
  signal: 'signaal',
  triage: 'weegploeg',
  pga: 'persoonsgerichte aanpak (PGA)',
  caseMeeting: 'casusoverleg',
  ethics:
    'De populatie is synthetisch. radsim verkent mechanismen en beleid; het is geen instrument om echte personen te beoordelen, te scoren of te voorspellen en mag daar niet voor worden gebruikt.',
  sources: 'Bronnen',
  terms: 'Praktijktermen',
  // -- explore (new keys below) --
  // -- compare (new keys below) --
  // -- research (new keys below) --
};

const dicts: Record<Lang, Record<Key, string>> = { en, nl };
let lang: Lang = (globalThis.localStorage?.getItem('radsim.lang') as Lang) === 'nl' ? 'nl' : 'en';

export function t(k: Key): string {
  return dicts[lang][k];
}
export function getLang(): Lang {
  return lang;
}
export function setLang(l: Lang): void {
  lang = l;
  localStorage.setItem('radsim.lang', l);
}
