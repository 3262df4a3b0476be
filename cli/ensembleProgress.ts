/**
 * Progress of an ensemble on stderr, with an estimate of the time left. The estimate counts
 * work in agent-weeks (so a sweep over population sizes is estimated fairly) and includes the
 * weeks already done by the runs in progress. On a terminal one line redraws in place (at most
 * five times a second); otherwise a line is written at every tenth of the runs and at least
 * once a minute, so a log file stays short.
 */
export interface EnsembleProgress {
  start(id: string): void;
  week(id: string, week: number): void;
  done(id: string): void;
  /** A message on its own line (the progress line is redrawn after it); not with --quiet. */
  note(text: string): void;
  /** Clears the progress line and writes the last message, if any (not with --quiet). */
  finish(text: string): void;
}

export interface ProgressJob {
  id: string;
  agents: number;
  weeks: number;
}

export function createEnsembleProgress(
  label: string,
  jobs: readonly ProgressJob[],
  stream: NodeJS.WriteStream = process.stderr,
  quiet = false,
): EnsembleProgress {
  // The estimate counts from the first run's start, so worker start-up does not inflate it.
  let t0 = Date.now();
  let started = false;
  const tty = Boolean(stream.isTTY);
  const cost = new Map(jobs.map((j) => [j.id, { perWeek: j.agents, weeks: j.weeks }]));
  const totalWork = jobs.reduce((a, j) => a + j.agents * j.weeks, 0) || 1;
  const running = new Map<string, number>();
  let doneRuns = 0;
  let doneWork = 0;
  let lastDraw = 0;
  let lastTenth = -1;
  let lastLine = t0;

  const line = () => {
    let work = doneWork;
    for (const [id, week] of running) work += (cost.get(id)?.perWeek ?? 0) * week;
    const elapsed = (Date.now() - t0) / 1000;
    const frac = Math.min(1, work / totalWork);
    const left = frac > 0.01 ? (elapsed * (1 - frac)) / frac : NaN;
    const eta = Number.isFinite(left) ? `, ${duration(left)} left` : '';
    return `${label}: ${doneRuns}/${jobs.length} runs, ${running.size} running, ${(frac * 100).toFixed(0)}%${eta}`;
  };
  const draw = (force = false) => {
    if (quiet || jobs.length === 0) return;
    const now = Date.now();
    if (tty) {
      if (!force && now - lastDraw < 200) return;
      lastDraw = now;
      stream.write(`\r\x1b[K${line()}`);
      return;
    }
    const tenth = Math.floor((10 * doneRuns) / jobs.length);
    if (force || tenth > lastTenth || now - lastLine >= 60_000) {
      lastTenth = tenth;
      lastLine = now;
      stream.write(`${line()}\n`);
    }
  };
  return {
    start(id) {
      if (!started) {
        started = true;
        t0 = Date.now();
      }
      running.set(id, 0);
      draw();
    },
    week(id, week) {
      if (running.has(id)) running.set(id, week);
      draw();
    },
    done(id) {
      running.delete(id);
      const c = cost.get(id);
      doneWork += c ? c.perWeek * c.weeks : 0;
      doneRuns++;
      draw();
    },
    note(text) {
      if (quiet) return;
      stream.write(`${tty ? '\r\x1b[K' : ''}${text}\n`);
      if (tty) draw(true);
    },
    finish(text) {
      if (quiet) return;
      if (tty) stream.write('\r\x1b[K');
      if (text) stream.write(`${text}\n`);
    },
  };
}

/** 75 -> "1 min 15 s". */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
