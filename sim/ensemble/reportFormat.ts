/**
 * Number and text formatting of summary.md (deterministic, no locale). The functions here write
 * a decimal point; `numberText` gives the same texts with the decimal mark of a language.
 */

/** A readable number: integers as they are, otherwise about three significant digits. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'n/a' : x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  let s: string;
  if (a >= 100) s = x.toFixed(0);
  else if (a >= 10) s = String(Number(x.toFixed(1)));
  else if (a >= 1) s = String(Number(x.toFixed(2)));
  else if (a >= 1e-4) s = String(Number(x.toPrecision(2)));
  else s = x.toExponential(1);
  return s === '-0' || /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

export function signedNum(x: number): string {
  const s = num(x);
  return x > 0 && !s.startsWith('+') ? `+${s}` : s;
}

/** 0.123 -> "12%", 0.045 -> "4.5%". */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const p = x * 100;
  const s = Math.abs(p) >= 10 ? p.toFixed(0) : p.toFixed(1);
  return `${/^-0(\.0)?$/.test(s) ? s.slice(1) : s}%`;
}

export function signedPct(x: number): string {
  const s = pct(x);
  return x > 0 && s !== '0%' && s !== '0.0%' ? `+${s}` : s;
}

/** How many times wider: "4.3x", "12x". */
export function ratio(x: number): string {
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}x`;
}

/** A confidence level as a percentage: 0.95 -> "95%", 0.975 -> "97.5%". */
export function levelText(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}

export function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.0+$/.test(s) ? s.slice(1) : s;
}

export function pValue(p: number): string {
  if (!Number.isFinite(p)) return 'p n/a';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** The decimal separator of a language's numbers (none of the texts here groups thousands). */
export type DecimalMark = '.' | ',';

/** The number texts of summary.md, with a language's decimal mark. */
export interface NumberText {
  num(x: number): string;
  signedNum(x: number): string;
  pct(x: number): string;
  signedPct(x: number): string;
  ratio(x: number): string;
  level(level: number): string;
}

export function numberText(mark: DecimalMark): NumberText {
  // Each text has at most one decimal point (num, pct, ratio and levelText never group thousands).
  const d = mark === '.' ? (s: string) => s : (s: string) => s.replace('.', mark);
  return {
    num: (x) => d(num(x)),
    signedNum: (x) => d(signedNum(x)),
    pct: (x) => d(pct(x)),
    signedPct: (x) => d(signedPct(x)),
    ratio: (x) => d(ratio(x)),
    level: (level) => d(levelText(level)),
  };
}

/** "a", "a and b", "a, b and c" (with the language's word for "and"). */
export function listText(items: readonly string[], and = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Escapes the characters that break a markdown table cell. */
export function md(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
