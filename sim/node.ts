/**
 * The Node entry of the simulator, for the command line: everything of sim/index.ts plus reading
 * scenario files from disk (node:fs), which the browser bundle must not pull in.
 */
export * from './index.ts';
export { loadScenarioFile, resolveScenarioFile } from './scenario/file.ts';
