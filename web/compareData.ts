/**
 * Pure helpers of the Compare view (no DOM; unit-tested in test/unit/compareData.test.ts):
 * the share link (settings, plus an embedded scenario compressed into `d=`) and the weekly
 * bands of the series charts.
 */
import {
  meanCI,
  pairedDifference,
  parsePrecisionTarget,
  parseScenarioText,
  PRECISION_DEFAULTS,
  type PrecisionTarget,
  precisionTargetText,
  quantile,
  SCENARIO_LIMITS,
} from '../sim/index.ts';

export interface CompareSettings {
  scenarios: string[];
  /** Replicates of a comparison of fixed size (when `precision` is null). */
  replicates: number;
  agents: number;
  weeks: number;
  /**
   * Add replicates until the effects at a glance are precise to this target (sim/ensemble/
   * precision.ts, with the command line's minimum and batch), or null for `replicates` replicates.
   */
  precision: PrecisionTarget | null;
  /** The budget of a precision-driven comparison. */
  maxReplicates: number;
  /**
   * Where the replicates branch from their shared history (sim/run/branch.ts): a week from the
   * end of the burn-in, or 'none'; absent: the default, the end of the burn-in. In links `b=`.
   */
  branch?: number | 'none';
}

/**
 * The defaults: precision-driven, +-10% of the reference mean, at most 20 replicates, 10,000
 * agents over five years after the burn-in. docs/statistics.md (section 8) has the measurements
 * behind them: on 2 cores the effects at a glance reach the target or the budget in about a minute.
 */
export const DEFAULTS: CompareSettings = {
  scenarios: ['baseline', 'school-resilience'],
  replicates: 4,
  agents: 10000,
  weeks: 260,
  precision: { kind: 'relative', value: 0.1 },
  maxReplicates: 20,
};

/** Limits of the budget in the form and in links. */
export const MAX_REPLICATES_LIMITS = { min: PRECISION_DEFAULTS.minReplicates, max: 100 } as const;

/** The scenario edited in Research (as in web/scenarios.ts). */
export const EDITED = 'edited';

/**
 * A scenario that a share link carries in `d=` (someone's edited scenario), as the Compare view
 * lists it when it differs from the edit saved in this browser. It is kept in the page only; the
 * user's own edit is never overwritten by opening a link. In links it is written as EDITED.
 */
export const SHARED = 'shared';

export interface ShareQuery {
  settings: CompareSettings;
  /** The `d=` text (base64url of the compressed scenario JSON), or null. */
  data: string | null;
}

/**
 * "s=a,b&r=4&a=5000&w=260[&b=none|week][&d=...]" -> settings; throws one Error listing every problem.
 * `known` are the scenario names this page can run (the library, plus EDITED when saved).
 * With `d=`, EDITED (or SHARED) names the scenario carried in the link; without it, EDITED is
 * the edit saved in this browser.
 */
export function parseShareQuery(query: string, known: readonly string[]): ShareQuery {
  const q = new URLSearchParams(query);
  const problems: string[] = [];
  const s = (q.get('s') ?? '').split(',').filter(Boolean);
  const data = q.get('d');
  if (s.length < 2) problems.push('name at least two scenarios (s=baseline,school-resilience)');
  const carries = data !== null && data !== '';
  for (const n of s) {
    if (n === SHARED) {
      if (!carries)
        problems.push(`scenario "${SHARED}" needs its data in d=, which the link does not have (was it cut off?)`);
    } else if (n === EDITED) {
      if (!carries && !known.includes(n))
        problems.push(
          `scenario "${EDITED}" is a scenario edited in another browser, and this link does not carry it in d= (was it cut off?)`,
        );
    } else if (!known.includes(n)) problems.push(`unknown scenario "${n}"`);
  }
  const dup = s.filter((n, i) => s.indexOf(n) !== i);
  if (dup.length) problems.push(`scenario "${dup[0]}" is named twice`);
  if (s.includes(EDITED) && s.includes(SHARED))
    problems.push(`a link carries one edited scenario: name "${EDITED}" or "${SHARED}", not both`);
  if (data !== null && !s.includes(EDITED) && !s.includes(SHARED))
    problems.push(`d= holds a scenario, but s= does not name "${EDITED}"`);
  const int = (key: string, name: string, lo: number, hi: number, def: number) => {
    const v = q.get(key);
    if (v === null) return def;
    // Digits only: Number() would also read "", "1e3" and "0x10".
    const x = /^[0-9]+$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isInteger(x) || x < lo || x > hi)
      problems.push(`${name} must be a whole number from ${lo} to ${hi} (found "${v}")`);
    return x;
  };
  const r = int('r', 'replicates', 2, 100, DEFAULTS.replicates);
  // A link without p= (as every link made before precision-driven comparisons) has a fixed size.
  let precision: PrecisionTarget | null = null;
  const p = q.get('p');
  if (p !== null) {
    try {
      precision = parsePrecisionTarget(p);
    } catch (err) {
      problems.push((err as Error).message.replace('--precision', 'p= (precision)'));
    }
  }
  const m = int(
    'm',
    'maximum replicates',
    MAX_REPLICATES_LIMITS.min,
    MAX_REPLICATES_LIMITS.max,
    DEFAULTS.maxReplicates,
  );
  const a = int('a', 'agents', 100, 100000, DEFAULTS.agents);
  const w = int('w', 'weeks', 1, 2000, DEFAULTS.weeks);
  const b = q.get('b');
  let branch: CompareSettings['branch'];
  if (b === 'none') branch = 'none';
  else if (b !== null) branch = int('b', 'branch week (b=)', 0, 1999, 0);
  if (problems.length) throw new Error(problems.join('\n'));
  const settings: CompareSettings = { scenarios: s, replicates: r, agents: a, weeks: w, precision, maxReplicates: m };
  if (branch !== undefined) settings.branch = branch;
  return { settings, data: carries ? data : null };
}

/** The query part of a share link; `data` is the encoded edited scenario (see encodeScenario). */
export function shareQueryText(c: CompareSettings, data: string | null = null): string {
  const size = c.precision ? `p=${precisionTargetText(c.precision)}&m=${c.maxReplicates}` : `r=${c.replicates}`;
  const base = `s=${c.scenarios.join(',')}&${size}&a=${c.agents}&w=${c.weeks}${c.branch === undefined ? '' : `&b=${c.branch}`}`;
  return data !== null && (c.scenarios.includes(EDITED) || c.scenarios.includes(SHARED)) ? `${base}&d=${data}` : base;
}

// --- scenario data in the link: JSON -> deflate-raw -> base64url -------------------------

function toBase64url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new Error('d= is not base64url text (only letters, digits, - and _ may appear)');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new Error('d= is not valid base64url text (was the link cut off?)');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** Scenario data as the `d=` text of a share link. */
export async function encodeScenario(data: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(data));
  return toBase64url(await pipe(json, new CompressionStream('deflate-raw')));
}

/**
 * Inflates deflate-raw data and stops reading as soon as the output passes `cap` bytes (then
 * returns null). The input goes in small slices, so each step can only inflate so much (deflate
 * packs at most about 1,000 to 1): a link that unpacks to a gigabyte costs a megabyte or so, not
 * the gigabyte. Throws if the data is not deflate-raw.
 */
export async function inflateCapped(bytes: Uint8Array, cap: number): Promise<Uint8Array | null> {
  const SLICE = 1024;
  let at = 0;
  const input = new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (at >= bytes.length) controller.close();
        else {
          controller.enqueue(bytes.slice(at, at + SLICE));
          at += SLICE;
        }
      },
    },
    { highWaterMark: 0 },
  );
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let k = 0;
  for (const c of chunks) {
    out.set(c, k);
    k += c.length;
  }
  return out;
}

/** The scenario data of a `d=` text; throws an Error saying what is wrong with it. */
export async function decodeScenario(text: string): Promise<Record<string, unknown>> {
  const cap = SCENARIO_LIMITS.size;
  const tooLarge = () =>
    new Error(
      `d= is too large: the scenario in this link unpacks to more than ${cap.toLocaleString('en')} bytes, the most a scenario may have`,
    );
  // Deflate never grows a text by more than a few bytes per 16 KB and base64 adds a third, so a
  // d= longer than twice the cap cannot unpack to an allowed scenario: refuse it undecoded.
  if (text.length > 2 * cap) throw tooLarge();
  const bytes = fromBase64url(text);
  let json: string;
  try {
    const inflated = await inflateCapped(bytes, cap);
    if (inflated === null) throw tooLarge();
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('d= is too large')) throw err;
    throw new Error('d= cannot be decompressed: the link is damaged or cut off');
  }
  return parseScenarioText(json, 'd= (the scenario in the link)');
}

// --- weekly bands -------------------------------------------------------------------------

/**
 * What the band of a scenario's weekly series shows:
 * - 'mean': the 95% t interval of the mean over replicates (as the table's intervals);
 * - 'runs': the 2.5-97.5% quantile range of the replicates (where single runs fall).
 */
export type BandKind = 'mean' | 'runs';

export interface Band {
  /** Mean per week. */
  mean: number[];
  lo: number[];
  hi: number[];
}

/** Band of one scenario: runs[r][week] for replicate r. */
export function scenarioBand(runs: readonly ArrayLike<number>[], kind: BandKind, level = 0.95): Band {
  if (runs.length === 0) throw new RangeError('scenarioBand: no runs');
  const T = Math.min(...runs.map((r) => r.length));
  const out: Band = { mean: [], lo: [], hi: [] };
  const col = new Array<number>(runs.length);
  const a = (1 - level) / 2;
  for (let w = 0; w < T; w++) {
    for (let r = 0; r < runs.length; r++) col[r] = runs[r][w];
    const ci = meanCI(col, level);
    out.mean.push(ci.mean);
    if (kind === 'mean') {
      // A constant week (sd 0) gives a zero-width interval; one run gives none.
      out.lo.push(Number.isFinite(ci.lo) ? ci.lo : ci.mean);
      out.hi.push(Number.isFinite(ci.hi) ? ci.hi : ci.mean);
    } else {
      out.lo.push(quantile(col, a));
      out.hi.push(quantile(col, 1 - a));
    }
  }
  return out;
}

/**
 * Paired difference (other - reference) per week with its t interval: replicate r of both
 * shares its seed (common random numbers), so the pairs are ref[r] and other[r].
 */
export function differenceBand(
  ref: readonly ArrayLike<number>[],
  other: readonly ArrayLike<number>[],
  level = 0.95,
): Band {
  if (ref.length !== other.length)
    throw new RangeError(`differenceBand: ${ref.length} reference runs but ${other.length} runs to pair with them`);
  const T = Math.min(...ref.map((r) => r.length), ...other.map((r) => r.length));
  const out: Band = { mean: [], lo: [], hi: [] };
  const a = new Array<number>(ref.length);
  const b = new Array<number>(ref.length);
  for (let w = 0; w < T; w++) {
    for (let r = 0; r < ref.length; r++) {
      a[r] = ref[r][w];
      b[r] = other[r][w];
    }
    const d = pairedDifference(a, b, level);
    out.mean.push(d.meanDiff);
    out.lo.push(Number.isFinite(d.lo) ? d.lo : d.meanDiff);
    out.hi.push(Number.isFinite(d.hi) ? d.hi : d.meanDiff);
  }
  return out;
}

/** Series a comparison records and charts (all in sim/run/series.ts), with their labels. */
export const CHART_SERIES: readonly { column: string; en: string; nl: string }[] = [
  { column: 'phase_1', en: 'people in the sensitivity phase', nl: 'mensen in de gevoeligheidsfase' },
  { column: 'phase_2', en: 'people in the group phase', nl: 'mensen in de groepsfase' },
  { column: 'phase_3', en: 'people in the action phase', nl: 'mensen in de actiefase' },
  {
    column: 'ever_phase_1',
    en: 'people ever in the sensitivity phase (cumulative)',
    nl: 'mensen ooit in de gevoeligheidsfase (cumulatief)',
  },
  {
    column: 'ever_phase_3',
    en: 'people ever in the action phase (cumulative)',
    nl: 'mensen ooit in de actiefase (cumulatief)',
  },
  { column: 'group_members', en: 'members of radical groups', nl: 'leden van radicale groepen' },
  { column: 'groups', en: 'radical groups', nl: 'radicale groepen' },
  { column: 'incidents', en: 'incidents per week', nl: 'incidenten per week' },
  { column: 'detained', en: 'people detained', nl: 'mensen in detentie' },
  { column: 'cases', en: 'open cases (case meeting)', nl: 'open casussen (casusoverleg)' },
  { column: 'waiting_list', en: 'waiting list', nl: 'wachtlijst' },
  { column: 'intervention_participants', en: 'people in an intervention', nl: 'mensen in een interventie' },
  {
    column: 'missed_cases',
    en: 'radicalising people unknown to practice',
    nl: 'radicaliserende mensen onbekend bij de praktijk',
  },
  {
    column: 'mean_attitude_radicalising',
    en: 'mean attitude of the radicalising',
    nl: 'gemiddelde houding van radicaliserenden',
  },
  { column: 'threat', en: 'threat level', nl: 'dreigingsniveau' },
];
