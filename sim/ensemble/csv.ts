/** CSV text for the aggregate files: RFC 4180 quoting, numbers as sim/run/series.ts prints them. */
import { formatNumber } from '../run/series.ts';

/** A cell: numbers via formatNumber (9 decimals at most), NaN/null as NA, booleans as true/false. */
export function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return 'NA';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NA';
    if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
    return formatNumber(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(cell).join(',');
}

/** Header plus rows, with a final newline. */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  const lines = [csvLine(header)];
  for (const r of rows) lines.push(csvLine(r));
  return `${lines.join('\n')}\n`;
}

/** Column name of a band probability: 0.05 -> q05, 0.5 -> q50, 0.025 -> q2.5. */
export function bandColumn(p: number): string {
  const pct = Math.round(p * 1e6) / 1e4;
  return `q${Number.isInteger(pct) && pct < 10 ? `0${pct}` : String(pct)}`;
}
