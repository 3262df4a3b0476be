/**
 * Ensembles: replicate seeds, plans (comparisons and sweeps) and their jobs, shards, outcomes,
 * run records, aggregation and the plain-language summary. Pure and host-independent: the
 * command line (cli/compare.ts, cli/sweep.ts, cli/merge.ts) and a browser app drive it.
 */
export { canonicalJSON, hashText, hashValue } from './hash.ts';
export { replicateSeed, replicateSeeds } from './seeds.ts';
export { getPath, parsePath, PathError, setPath } from './paths.ts';
export {
  availableOutcomes,
  computeOutcomes,
  DEFAULT_BAND_SERIES,
  DEFAULT_OUTCOMES,
  OUTCOMES,
  outcomeLabel,
  outcomeProblems,
  type OutcomeDef,
  type ReportLang,
  type SeriesView,
} from './outcomes.ts';
export {
  createComparePlan,
  createSweepPlan,
  jobCount,
  jobScenario,
  PLAN_FORMAT,
  PlanError,
  planHash,
  planJobs,
  pointData,
  pointId,
  pointLabel,
  variantCount,
  variantLabel,
  type ComparePlan,
  type CompareOptions,
  type Job,
  type Plan,
  type ScenarioEntry,
  type SweepOptions,
  type SweepPlan,
} from './plan.ts';
export { parseVary, type ParamValue, type VarySpec } from './sweepDesign.ts';
export { parseShard, shardJobs, type Shard } from './shard.ts';
export { parseRunRecord, RUN_FORMAT, runRecord, runRecordText, sameResults, type RunRecord } from './records.ts';
export {
  aggregateCompare,
  aggregatePlan,
  aggregateSweep,
  compareStats,
  inJobOrder,
  prccPValue,
  sweepStats,
  type AggregateFiles,
  type CompareStats,
  type SweepStats,
} from './aggregate.ts';
export { compareSummary, differenceSentence, ETHICS_LINE, ETHICS_LINE_NL, sweepSummary } from './report.ts';
