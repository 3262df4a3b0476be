/**
 * Where each parameter comes from: a seed file (the Dutch
 * source documents in docs/sources/, by file name), a section of the domain brief MODEL.md,
 * a paper, or "assumption". A seed or MODEL.md section almost always supports only the
 * *mechanism*; the *value* is then an assumption, and the text says so. Of the default
 * scenario only the entry constants of the phase hazards, the arrest hazard before incidents
 * and the visibility of the group phase are calibrated to public Dutch figures
 * (docs/calibration.md); their texts say so.
 *
 * Entries are path prefixes in the notation of sim/scenario/errors.ts `formatPath`, with every
 * list index written as `[]` and every record key (macro types, constants, hazards) as `[*]`.
 * The longest matching prefix wins, so a section can have a general entry and a few specific
 * ones. docs/parameters.md (npm run docs:parameters) shows these next to every parameter.
 */

export const SEEDS = {
  wodc2025: '003_b01ffb2916f57b10.txt',
  triggers2015: '002_8eba30a1dfbc2ef6.txt',
  detection2024: '004_3f123f64741c8191.txt',
  memo2025: '001_9985252c126c6d4e.txt',
  letter2025: '000_eb77dd75b44609ec.txt',
} as const;

const S003 = SEEDS.wodc2025;
const S002 = SEEDS.triggers2015;
const S004 = SEEDS.detection2024;
const S001 = SEEDS.memo2025;

/** Path prefix -> source text. */
export const SOURCES: Readonly<Record<string, string>> = {
  // 8.1 Run
  name: 'scenario text (not a model parameter)',
  title: 'scenario text (not a model parameter)',
  question: 'scenario text (not a model parameter)',
  description: 'scenario text (not a model parameter)',
  demo: 'presentation script for Explore (not a model parameter)',
  seed: 'assumption: any seed; replicates use seeds derived from it',
  agents:
    'assumption: large enough for a few dozen entries into the action phase, small enough to run in seconds; incident strength is scaled per 100,000 people so results do not depend on it',
  weeks: 'assumption: long enough for routes with returns and for group life cycles',
  burnInWeeks:
    'assumption: five years, several times the slowest relaxation time of the restoring forces and phase exits (a year or two), so the series start from the steady state (test/model/stationarity.test.ts)',
  // 8.2 Regions
  regions: `city/region contrast: ${S003}, ${S004}, MODEL.md 3; shares, sizes and rate multipliers: assumption`,
  'regions[].practice': `${S003} (less knowledge and experience in the regions), ${S004} (limited capacity of smaller municipalities); values: assumption`,
  'regions[].population': 'assumption (region-specific population)',
  // 8.3 Population
  population: 'assumption (rough Dutch-like values, not from a seed)',
  'population.ageBands':
    'assumption: a rough Dutch-like age structure of people aged 12+, not from a seed; the bands also set the turnover that keeps them at rest (docs/model.md 7.8): people leave where the density per year of age falls and at the largest `to`, newcomers arrive at the smallest `from` and where it rises; deaths, emigration and immigration (CBS population dynamics) are assumed to happen only there',
  'population.maleShare': 'assumption: near-even sex ratio',
  'population.householdSize': 'assumption: rough Dutch-like household sizes; realised sizes differ (docs/model.md 5)',
  'population.education': `shares: assumption; that education moderates vulnerability: ${S002}`,
  'population.ideologyLeaning': `categories: ${S004} and MODEL.md 2; shares: assumption`,
  'population.initialSensitivityShare': 'assumption: a small seed of people already receptive at the start',
  'population.pathology': `conditions: ${S003} and MODEL.md 2; severity: assumption`,
  'population.pathology[*].prevalence': 'MODEL.md 2 (domain brief default)',
  'population.pathology[*].maleRatio': 'assumption: the usual direction of sex differences, not from a seed',
  'population.protective': `factors: ${S003} and MODEL.md 2; values: assumption`,
  'population.needs': `the four needs: ${S003}, ${S002}; values: assumption`,
  'population.needs.baseline': `the four needs: ${S003}, ${S002}; values: assumption (needs mostly met in the general population)`,
  'population.needs.adolescentIdentityExtra': `mechanism ${S003} (adolescents can need a positive social identity more); value: assumption`,
  'population.needs.youngMaleSensationExtra': `mechanism MODEL.md 2 (sex and age as moderators: ${S002}); value and age window: assumption`,
  'population.attitude': 'assumption: almost everyone starts far from their leaning\u2019s extreme',
  'population.uncertainty':
    'assumption: moderates are uncertain, as in the relative agreement set-up of Deffuant et al. 2002',
  'population.online': `mechanism: online radicalisation, above all of young people (${S003}, ${S004}, ${S001}); values: assumption`,
  'population.contact': `MODEL.md 2 (contact with care, social and security professionals: ${S003}, ${S004}); values: assumption; read by the signals of the practice stage`,
  // 8.4 Network
  network: `layers: MODEL.md 3 and ${S003} (the social context); values: assumption`,
  'network.peer.meanDegree': 'assumption: a handful of close classmates or colleagues',
  'network.peer.schoolSize': 'assumption: a secondary school\u2019s intake in the model population',
  'network.peer.workplaceSize': 'assumption: a workplace or college unit',
  'network.peer.activeShare': 'assumption: adults below 67 in work or study',
  'network.neighbourhood.meanDegree': 'assumption: a few neighbours',
  'network.online.meanDegree': 'assumption: at average exposure',
  'network.online.crossRegionShare':
    'assumption: the partner of an online tie is drawn from the whole population half the time, else from the own region; about 0.24 of online ties then cross regions (docs/model.md 5)',
  'network.weights': 'assumption: weekly contact mostly with family and peers',
  // 8.5 Macro
  macro: `mechanism: macro-level triggers (${S002}, ${S003}; MODEL.md 4.1); values: assumption`,
  'macro.halfLifeWeeks.grievance': 'assumption: grievance lingers for months',
  'macro.halfLifeWeeks.threat': 'assumption: threat perception fades faster',
  'macro.types': `event types: the examples of MODEL.md 4.1 (attack abroad, war, polarising event, discriminating measure) and \`incident\`, what an incident in the model fires; rises: assumption`,
  'macro.reciprocalShare': 'mechanism MODEL.md 4.1 (reciprocal radicalisation); value: assumption',
  'macro.opponents': 'MODEL.md 4.1 (reciprocal radicalisation); pairing: assumption',
  // 8.6 Triggers
  triggers: `mechanism: micro and meso triggers set radicalisation in motion (${S002}) or lead to deradicalisation (${S003}); rates vary with sex, age and education (${S002}); events: MODEL.md 4.2; every rate, multiplier and effect: assumption`,
  'triggers.recentHalfLifeWeeks': 'assumption: a trigger\u2019s push fades over about two months',
  'triggers.catalogue[].label': 'scenario text (not a model parameter)',
  // 8.7 Susceptibility
  susceptibility: `mechanism: vulnerability differs by motive, sex, age and education (${S002}); age and psychopathology moderate (${S003}); pattern MODEL.md 4.3; values: assumption`,
  'susceptibility.pathology': `mechanism MODEL.md 2 and 4.3 (pathology as a moderator, ${S003}); values: assumption`,
  'susceptibility.pathology.adhd': `mechanism MODEL.md 2 and 4.3 (impulsivity; pathology as a moderator, ${S003}); value: assumption`,
  'susceptibility.pathology.autism': `mechanism MODEL.md 2 (rigid fixation; pathology as a moderator, ${S003}); value: assumption`,
  'susceptibility.pathology.psychosis': `mechanism MODEL.md 2 (paranoid grievance; pathology as a moderator, ${S003}); value: assumption`,
  'susceptibility.pathology.narcissism': `mechanism MODEL.md 2 (ego need; pathology as a moderator, ${S003}); value: assumption`,
  'susceptibility.pathology.depression': `mechanism MODEL.md 2 (lower resilience; pathology as a moderator, ${S003}); value: assumption`,
  'susceptibility.pathology.trauma':
    'mechanism MODEL.md 4.3 (trauma amplifies the reaction to triggers); value: assumption, the largest weight',
  'susceptibility.protectiveDamping': `mechanism ${S003} (protective factors); value: assumption`,
  // 8.8 Influence
  influence:
    'bounded-confidence influence of the relative agreement family (MODEL.md 4.4; Deffuant et al. 2002); values: assumption',
  'influence.contactsPerWeek': 'assumption: one influential conversation a week',
  'influence.mu': 'assumption: a common value in relative agreement studies (Deffuant et al. 2002)',
  'influence.mainstreamThreshold':
    'assumption: below this, a contact of another leaning counts as mainstream and can moderate',
  'influence.followerConformity': `mechanism ${S003} (followers more sensitive to group pressure); value: assumption`,
  'influence.leaderConformity': `mechanism ${S003}; value: assumption`,
  'influence.sources': `high-reach online sources (MODEL.md 3; online radicalisation ${S003}, ${S004}); values: assumption`,
  'influence.sources.amplification':
    'assumption: 1 is the neutral setting; the lever for algorithmic amplification or moderation',
  'influence.sources.attitude': 'assumption: the sources are at the extreme',
  'influence.sources.uncertainty': 'assumption: confident extremists',
  'influence.groupIdentificationGrowth':
    'mechanism MODEL.md 4.4 (identification grows with time among members); value: assumption',
  // 8.9 Needs
  needs: 'mechanism MODEL.md 2, 4.5; values: assumption',
  'needs.groupMeets': 'MODEL.md 2, 4.5 (groups meet identity, meaning and sensation); values: assumption',
  'needs.groupMeets.justice': 'MODEL.md 4.5 (a group meets identity, meaning and sensation, not justice)',
  // Restoring forces
  restoring: `mechanism: triggers lead to radicalisation or to deradicalisation (${S003}), so their push is not permanent; protective factors counter radicalisation (${S003}); values: assumption`,
  'restoring.attitudeHalfLifeWeeks':
    'assumption: the push of an event on a person\u2019s attitude halves in a year when nothing renews it (attitudes return toward the person\u2019s own set point)',
  'restoring.protectiveHalfLifeWeeks':
    'assumption: a blow to (or a boost of) resilience, bonds or trust halves in two years; protective factors are more stable traits than attitudes',
  'restoring.releaseDisengagement': `mechanism: disengagement after detention (desistance literature; few released terrorist offenders reoffend, Renard 2020, CTC Sentinel 13(4)); ${S003} (deradicalising a phase back); value 0.9: assumption`,
  // 8.10 Groups
  groups: 'mechanism MODEL.md 3 (groups form and dissolve, recruit, have a leader); values: assumption',
  'groups.leaderScore.narcissism': `mechanism ${S003} (leaders with a stronger ego need, possibly narcissistic); weight: assumption (the dominant term)`,
  'groups.maxSize': 'assumption: small local groups',
  'groups.takeoverMargin':
    'assumption: a newcomer takes the lead only with a clearly higher leadership score (25% above the leader\u2019s)',
  'groups.breakupAttitudeLoss': 'mechanism MODEL.md 4.2 (a group breaking up deradicalises); value: assumption',
  // 8.11 Phases
  phases: `three phases, order not fixed, skips and returns (${S003}); interaction terms MODEL.md 4.6; functional forms: assumption; the entry constants (a01, a12, the weights by leaning jih01 to anti12, antiAge) calibrated to public Dutch figures (calibration/targets.json; docs/calibration.md), the other constants set by hand. Leaning weights: the movements differ in size by one to two orders of magnitude (AIVD 2023: more than 100,000 people believe the anti-institutional 'evil elite' narrative; NCTV 2019: a jihadist movement of some 500 and a few thousand sympathisers). antiAge: assumption that anti-institutional adherence does not mature out but grows with age (the young are over-represented in the accelerationist right, AIVD 2021, not in the anti-institutional movement). Exit terms: maturing out with age (mature per year above matureFrom on every exit hazard; the age-crime curve of the desistance literature, stated assumption; age as a moderator: ${S003}), disengagement during a case plan (caseExit; ${S003} on working elements, value assumption), leaving the group or giving up violence over a few years whatever the group ties (d21, d31: mean stays of about four and two years; Bj\u00f8rgo & Horgan 2009 on disengagement, values assumption)`,
  // 8.12 Action
  action: 'mechanism MODEL.md 4.7 (incidents, arrest, detention, group break-up); values: assumption',
  'action.incidentPerWeek': 'assumption: about one incident per ten years of full willingness',
  'action.incidentStrength':
    'assumption; scaled per 100,000 people so the climate depends on the incident rate, not on the model size',
  'action.detentionWeeks': 'assumption: two years',
  'action.preparationArrestPerWeek':
    "mechanism MODEL.md 4.7 and public figures: most terrorism arrests come before any attack: 'vele tientallen terreurverdachten opgepakt' in recent years against three or four foiled attacks since 2011 (BN DeStem, September 2018, quoting the head of the AIVD) and a handful of attacks a decade (AIVD annual report 2018); people arrested for preparing an attack on the prime minister and for threats (AIVD annual report 2021); value: calibrated to the arrests and detention targets (docs/calibration.md)",
  'action.membershipArrestPerWeek':
    "mechanism: arrests for membership of, or support to, a terrorist organisation ('vele tientallen terreurverdachten opgepakt', BN DeStem 2018; ten activists imprisoned for sedition or serious threats in 2021, AIVD annual report 2021); value: assumption, a small fraction of the preparation hazard",
  'action.leaderArrestBreakup': 'assumption (MODEL.md 3: arrest of the leader can break a group up)',
  // 8.13 Practice
  practice: `early-detection pipeline of ${S004} and ${S003}; MODEL.md 4.8; values: assumption (no seed gives a number)`,
  'practice.signals.rate': `mechanism ${S004} (signals from professionals in the field), ${S003} (care, social and security domains); values: assumption`,
  'practice.signals.rate.security': `mechanism ${S004} (signals from professionals in the field), ${S003}; value: assumption: police see more per unit of contact, but contact with them is rarer (population.contact.security)`,
  'practice.signals.visibilityByPhase':
    'mechanism MODEL.md 4.8 (visible behaviour by phase); values: assumption: the further along, the more visible; phase 0 shows only confused behaviour; the sensitivity phase (index 1) calibrated to the PGA caseload (docs/calibration.md): sympathisers rarely show what professionals would signal',
  'practice.signals.confusion': `mechanism MODEL.md 4.8 (confused behaviour gives false signals); ${S004} ("verwarde personen"); weights: assumption`,
  'practice.signals.confusion.falseSignalShare':
    'assumption: fully confused behaviour is much less visible as "radicalisation" than the action phase; value calibrated to the PGA caseload (docs/calibration.md)',
  'practice.signals.recognition': `${S004} (recognition has mostly been aimed at Islamic radicalisation; right-wing and anti-institutional extremism are not always recognised); values: assumption; left-wing (not named there) set equal to right-wing by assumption`,
  'practice.signals.recognitionFemale': `${S004} (signals noticed differently in men than in women); the direction (women recognised less) and the value: assumption, the source says "anders", not "less"`,
  'practice.signals.training': `${S004} (training in recognising all extremist ideologies); value: assumption`,
  'practice.signals.trainingGain': 'assumption: full training doubles the signal rate',
  'practice.signals.biasTraining': `${S004}, MODEL.md 5 (training for all ideologies and both sexes); 0 = today\u2019s bias: assumption`,
  'practice.signals.cooldownWeeks': 'assumption: after a signal the same person is not signalled again for half a year',
  'practice.triage': `${S004} (capacity, objective criteria, information sharing), ${S003} (professional secrecy and risk assessment); values: assumption`,
  'practice.triage.capacityPer100k': `${S004} (fluctuating capacity, dependence on key officials, limited capacity in smaller municipalities); value: assumption`,
  'practice.triage.informationSharing': `${S004} (lasting unclarity about what may be shared), ${S003} (professional secrecy against risk assessment); value: assumption (partial sharing)`,
  'practice.triage.falsePositive': `mechanism ${S004} (risk of an incorrect, one-sided or unequal weighing of signals); values: assumption`,
  'practice.triage.riskAssessment': `${S004} (insufficient objective criteria), ${S003} and ${S001} (standardised risk assessment recommended); value: assumption`,
  'practice.triage.hoursPerSignal': 'assumption',
  'practice.cases': `${S004} (PGA, limited capacity), ${S003} (long-term involvement, tailoring); values: assumption`,
  'practice.cases.slotsPer100k': `${S004} (PGA; limited and fluctuating capacity that depends on key officials); value: assumption (no public figure on PGA capacity): practice sized to its caseload with a margin for peaks, about the largest weekly caseload per region of the calibrated baseline (docs/model.md 8.13)`,
  'practice.cases.caseWeeks': `${S003} (long-term involvement of professionals); value: assumption`,
  'practice.cases.tailored': `${S003} ("maatwerk staat centraal"); MODEL.md 4.8 (tailored or one size fits all); value: assumption (half way)`,
  'practice.cases.plan': `${S003} (effective interventions address several working elements, of which psychopathology can be one); values: assumption`,
  'practice.cases.followUpWeeks': `${S003}, ${S001} (systematic long-term follow-up); value: assumption`,
  'practice.cases.hoursPerWeek': 'assumption',
  'practice.labelling': `${S003} (stigma and distrust; the lifelong "stempel radicalisering"), MODEL.md 4.8; values: assumption`,
  'practice.labelling.transparency': `${S003} (stigma and distrust as barriers, above all when not transparent); MODEL.md 4.8; value: assumption (mostly opaque today)`,
  'practice.labelling.transparencyProtection': 'assumption: transparency softens the harm but cannot undo it',
  // 8.14 Intervention mechanics
  interventionMechanics: `mechanism ${S003} (working elements; duration, resistance, stigma, distrust, transparency, holistic and trauma-sensitive approach) and MODEL.md 5; all values: assumption`,
  'interventionMechanics.uptake.base': 'assumption: most people offered a programme accept',
  'interventionMechanics.uptake.trust': `${S003} (distrust as a barrier); value: assumption`,
  'interventionMechanics.uptake.cultural': `${S003} (culturally responsive interventions; cultural stigma around therapy); value: assumption`,
  'interventionMechanics.uptake.stigma': `${S003} (stigma as a barrier); value: assumption`,
  'interventionMechanics.dropoutPerWeek.distrust': `${S003} (distrust); value: assumption`,
  'interventionMechanics.dropoutPerWeek.resistance': `${S003} (resistance to ideological change); value: assumption`,
  'interventionMechanics.response.rate': 'assumption: about seven weeks to half the target',
  'interventionMechanics.response.minEffectiveWeeks': `${S003} (short programmes often lead to no behavioural change); value: assumption`,
  'interventionMechanics.response.fullEffectWeeks': `${S003} (long-term involvement recommended); value: assumption (about a school year)`,
  'interventionMechanics.holisticSynergy': `${S003} (address more than one of the three factors: holistic rather than one-sided); value: assumption`,
  'interventionMechanics.traumaSensitivityGain': `${S003} (a more trauma- and context-sensitive approach); value: assumption`,
  'interventionMechanics.effects.cognitive': `${S003} (cognitive factors: critical thinking, tolerance of ambiguity); values: assumption`,
  'interventionMechanics.effects.psychosocial': `${S003} (psychosocial factors: emotion regulation, resilience, self-confidence); values: assumption`,
  'interventionMechanics.effects.socialEducational': `${S003} (re-engagement with education, skills); that this meets the meaning and identity needs: assumption; values: assumption`,
  'interventionMechanics.effects.behavioural': `${S003} (less support for political violence, resilience against recruitment, reintegration); values: assumption`,
  'interventionMechanics.effects.societal': `${S003} (civic and political competence); the effects on trust and the justice need: assumption; values: assumption`,
  'interventionMechanics.uptake.messengers': `${S003} and ${S001} (people from the community build trust); value: assumption`,
  'interventionMechanics.resistance': `${S003} (resistance to ideological change); MODEL.md 5 (grows with phase and group identification); values: assumption`,
  'interventionMechanics.effects.pathologyTreatment': `MODEL.md 5 (pathology treatment as a working element); ${S003} (no evaluated intervention targets psychopathology alone); value: assumption`,
  // 8.15 Interventions
  interventions: `kinds and working elements: ${S003} and MODEL.md 5; every number: assumption`,
  'interventions[].delivery.communityMessengers': `${S003}, ${S001}; value: assumption`,
  'interventions[].label': 'scenario text (not a model parameter)',
  // 8.16 Ablation and outputs
  ablation: 'model switch (docs/model.md section 9), not an empirical parameter',
  outputs: 'recording option, not a model parameter',
};

/** "regions[0].practice.triage.x" -> "regions[].practice.triage.x"; record keys of known records -> "[*]". */
export function sourcePattern(path: string): string {
  return path
    .replace(/\[\d+\]/g, '[]')
    .replace(/\["[^"]*"\]/g, '[*]')
    .replace(/^(macro\.types|phases\.constants|phases\.hazards)\.[A-Za-z_$][\w$]*/, '$1[*]')
    .replace(/^(population\.pathology)\.[A-Za-z_$][\w$]*/, '$1[*]');
}

/** The source of a parameter (longest matching prefix of SOURCES), or null when none matches. */
const cache = new Map<string, string | null>();

export function sourceOf(path: string): string | null {
  const p = sourcePattern(path);
  const hit = cache.get(p);
  if (hit !== undefined) return hit;
  const found = lookup(p);
  cache.set(p, found);
  return found;
}

function lookup(p: string): string | null {
  let best: string | null = null;
  for (const prefix of Object.keys(SOURCES)) {
    if (p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`)) {
      if (best === null || prefix.length > best.length) best = prefix;
    }
  }
  return best === null ? null : SOURCES[best];
}
