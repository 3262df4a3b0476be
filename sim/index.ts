/**
 * The public entry of the simulator, for the command line (cli/, through sim/node.ts) and the web
 * app (web/). Host-independent: nothing here reads files or needs Node, so the browser bundle and
 * its worker can import it. File loading lives in sim/node.ts.
 */

// Categories of the model
export { LAYERS } from './domain.ts';

// Scenarios: schema, validation, overrides, editable fields, errors
export { ABLATION_SWITCHES, type Scenario } from './scenario/schema.ts';
export {
  isPlainObject,
  resolveExtends,
  type ScenarioData,
  validateScenario,
  withOverrides,
} from './scenario/resolve.ts';
export { formatIssue, issueMessage, ScenarioError, type ScenarioIssue, scenarioIssue } from './scenario/errors.ts';
export { type IssueKind, type IssueLang, ISSUE_MESSAGES, issueText } from './scenario/messages.ts';
export { parseScenarioText, SCENARIO_LIMITS } from './scenario/input.ts';
export { hasDutch, type LocalText, localText, textIn } from './scenario/texts.ts';
export {
  checkValue,
  type Field,
  type ListInfo,
  newListItem,
  rangeText,
  removeOverride,
  type Segment,
  schemaFields,
  schemaLists,
  setOverride,
  valueAt,
} from './scenario/fields.ts';

// Formulas
export { compileFormula, FormulaError } from './formula/compile.ts';
export { FORMULA_VARIABLE_NAMES } from './formula/variables.ts';

// One run and its outputs
export { Simulation } from './run/simulation.ts';
export { seriesColumn, seriesColumns, seriesToCSV } from './run/series.ts';
export type { Route, RouteEvent } from './run/routes.ts';
export {
  type LoadOptions,
  loadState,
  readStateHeader,
  saveState,
  STATE_FORMAT,
  StateError,
  type StateHeader,
} from './run/snapshot.ts';
export {
  BranchError,
  BUILD_ONLY,
  type BuildDifference,
  branchFrom,
  buildDifferences,
  formatBuildDifferences,
  sharedHistory,
} from './run/branch.ts';

// The simulation API a worker exposes
export { CancelledError, SimulationHost } from './api/host.ts';
export type {
  AgentSample,
  EgoNetwork,
  HostInfo,
  EnsembleTask,
  JobResult,
  JobSpec,
  MacroLogEntry,
  ReplicateSpec,
  PhaseNetwork,
} from './api/types.ts';

// Ensembles: plans, shards, run records, outcomes, aggregation, summaries
export {
  type ComparePlan,
  createComparePlan,
  DESIGN_LIMITS,
  createSweepPlan,
  type Job,
  jobCount,
  jobScenario,
  type Plan,
  PLAN_FORMAT,
  PlanError,
  planHash,
  planJobs,
  planTasks,
  type PlanTask,
  historyScenario,
  pointId,
  branchNote,
  type SweepPlan,
} from './ensemble/plan.ts';
export { canonicalJSON } from './ensemble/hash.ts';
export { parseShard, type Shard, shardJobs } from './ensemble/shard.ts';
export { parseRunRecord, type RunRecord, runRecord, runRecordText, sameResults } from './ensemble/records.ts';
export {
  availableOutcomes,
  DEFAULT_BAND_SERIES,
  DEFAULT_OUTCOMES,
  headlineOutcomes,
  OUTCOMES,
  outcomeLabel,
} from './ensemble/outcomes.ts';
export {
  aggregateCompare,
  aggregatePlan,
  aggregateSweep,
  compareStats,
  replicateValues,
  settledComparison,
  sweepStats,
} from './ensemble/aggregate.ts';
export {
  checkpoints,
  parsePrecisionTarget,
  PRECISION_DEFAULTS,
  type PrecisionRule,
  type PrecisionStop,
  type PrecisionTarget,
  precisionStep,
  precisionTargetText,
} from './ensemble/precision.ts';
export type { CompareStats, SweepStats } from './ensemble/resultStats.ts';
export { compareSummary, ETHICS_LINE, ETHICS_LINE_NL, sweepSummary } from './ensemble/report.ts';
export {
  detectablePrcc,
  MAX_DETECTABLE_PRCC,
  prccDashLegend,
  runsForPrcc,
  type SweepWarnings,
  sweepWarnings,
  sweepWarningTexts,
} from './ensemble/sweepWarnings.ts';

// Calibration (ABC-SMC): targets, priors, the algorithm's batches and state, the report files
export {
  type AbcJob,
  type AbcSettings,
  type AbcState,
  batchJobs,
  DISTANCES,
  type DistanceKind,
  recordBatch,
  startAbc,
} from './calibrate/abcSmc.ts';
export {
  abcProblem,
  type Calibration,
  CALIBRATION_FORMAT,
  calibrationColumns,
  calibrationHash,
  calibrationRun,
  createCalibration,
  jobId as calibrationJobId,
  jobScenario as calibrationJobScenario,
  parseCalibrationRun,
  runStatistics,
} from './calibrate/calibration.ts';
export { type ParameterPrior, parseDecimal, parseParamOption, parsePriors } from './calibrate/priors.ts';
export { calibrationReport, REPORT_FILES } from './calibrate/report.ts';
export { CalibrationInputError, parseTargets, type TargetsFile } from './calibrate/targets.ts';

// Statistics the web app draws with
export {
  largestChangeNotRuledOut,
  meanCI,
  minimumDetectableEffect,
  normalQuantile,
  pairedDifference,
  quantile,
} from './stats/index.ts';
