/** A connection to one simulation worker (web/worker.ts) through comlink. */
import { wrap, type Remote } from 'comlink';
import type { WebHost } from './worker.ts';

export interface WorkerClient {
  api: Remote<WebHost>;
  worker: Worker;
}

export function newWorker(): WorkerClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return { api: wrap<WebHost>(worker), worker };
}

/**
 * Rejects when the worker's script fails to load or throws outside a call (an `error` event).
 * comlink never answers a call on such a worker, so a caller races its calls against this.
 */
export function crashOf(worker: Worker): Promise<never> {
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e: Event) => {
      e.preventDefault();
      const msg =
        e instanceof ErrorEvent && e.message
          ? e.message
          : 'the worker script could not be loaded or stopped with an error';
      reject(new Error(msg));
    });
    worker.addEventListener('messageerror', () => reject(new Error('a message from the worker could not be read')));
  });
  crashed.catch(() => {}); // handled where a call waits on it
  return crashed;
}
