/** Progress on stderr: a bar that redraws in place on a terminal, sparse plain lines otherwise
 * (logs, CI), so a long run never floods a log file. */
export interface Progress {
  update(done: number): void;
  finish(message: string): void;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = Date.now();
  const tty = Boolean(stream.isTTY);
  let lastShown = -1;
  const eta = (done: number) => {
    const elapsed = (Date.now() - start) / 1000;
    return done > 0 ? Math.max(0, (elapsed * (total - done)) / done) : NaN;
  };
  return {
    update(done) {
      if (tty) {
        const width = 30;
        const filled = Math.round((width * done) / total);
        const left = eta(done);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${Number.isFinite(left) ? `, ${left.toFixed(0)} s left` : ''}  `,
        );
        return;
      }
      const tenth = Math.floor((10 * done) / total);
      if (tenth > lastShown) {
        lastShown = tenth;
        stream.write(`${label}: ${done}/${total} (${tenth * 10}%)\n`);
      }
    },
    finish(message) {
      stream.write(`${tty ? '\r\x1b[K' : ''}${message}\n`);
    },
  };
}
