// The error of an ensemble asked for wrongly (plan, sweep design, shard), before anything runs.

/** A problem with what was asked for; nothing has run. Lists every problem found. */
export class PlanError extends Error {
  constructor(
    readonly problems: readonly string[],
    heading = 'cannot plan the ensemble',
  ) {
    super(`${heading}:\n${problems.map((p) => `  - ${p.replace(/\n/g, '\n    ')}`).join('\n')}`);
    this.name = 'PlanError';
  }
}
