/**
 * summary.md: the result of a comparison or a sweep in plain language, for readers who will
 * not open the CSV files. Every number in it is also in the CSV files; nothing here depends on
 * timing, paths or the machine, so the text is the same for sharded, resumed and single runs.
 *
 * reportCompare.ts writes a comparison (and its difference sentences) once for every language,
 * with the words of reportWords.ts; reportSweep.ts writes a sweep; reportFormat.ts formats the
 * numbers. This module is the entry point.
 */
export { compareSummary, differenceSentence, isClear } from './reportCompare.ts';
export { sweepSummary } from './reportSweep.ts';
export { ETHICS_LINE, ETHICS_LINE_NL } from './reportWords.ts';
export { num, pct } from './reportFormat.ts';
