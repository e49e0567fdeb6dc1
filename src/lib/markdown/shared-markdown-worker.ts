/**
 * The content sync's Markdown worker: one worker thread
 * (`markdown-worker.ts`) that parses the entries' front matter and
 * renders their Markdown bodies while Astro's thread reads and validates the
 * next files (issue 13: at 10 000 startups the sync took 15–18 s in one
 * thread, ~6 CPU-s of it YAML, Sätteri and the site's plugins, while the
 * second core waited).
 *
 * The collections that load at the same time (Astro loads them all at once)
 * share it through leases; the last lease released ends the thread, so the
 * build's rendering of pages does not carry its memory. Nothing here throws:
 * a job the worker could not do, or a worker that could not start or
 * stopped, gives `undefined`, and the caller does the job in its own thread.
 */
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobReply, JobRequest, JobResults, MarkdownJob, MarkdownWorkerData } from './markdown-worker-messages.ts';

// A path, not `new URL(…, import.meta.url)`, which Vite would turn into an asset of the build.
const WORKER_FILE = join(dirname(fileURLToPath(import.meta.url)), 'markdown-worker.ts');

/** One lease of the shared worker: takes jobs until released. */
export interface MarkdownWorkerLease {
  /**
   * The job's result (a file's front matter and body, or a body's HTML), or
   * `undefined` when the caller must do it in its own thread.
   */
  run<Job extends MarkdownJob>(job: Job): Promise<JobResults[Job['kind']] | undefined>;
  /** Ends the lease (again: nothing); the last one ends the worker. */
  release(): void;
}

class MarkdownWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, (reply: JobReply | undefined) => void>();
  #nextId = 0;
  #stopped = false;

  /** @param onFailure told once, with the reason, when the worker stops before it is closed */
  constructor(data: MarkdownWorkerData, onFailure: (reason: string) => void) {
    this.#worker = new Worker(WORKER_FILE, { workerData: data });
    this.#worker.on('message', (reply: JobReply) => {
      this.#pending.get(reply.id)?.(reply);
      this.#pending.delete(reply.id);
    });
    this.#worker.on('error', (error) => {
      if (!this.#stopped) onFailure(error.message);
      this.#stop();
    });
    // An exit that is not ours (close) nor after an error: the worker died without saying why.
    this.#worker.on('exit', (code) => {
      if (!this.#stopped) onFailure(`the worker exited (code ${code})`);
      this.#stop();
    });
  }

  run<Job extends MarkdownJob>(job: Job): Promise<JobResults[Job['kind']] | undefined> {
    if (this.#stopped) return Promise.resolve(undefined);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      // The worker answers a job of a kind with that kind's result.
      this.#pending.set(id, (reply) => resolve(reply === undefined || 'failed' in reply ? undefined : (reply.result as JobResults[Job['kind']])));
      try {
        this.#worker.postMessage({ id, ...job } satisfies JobRequest);
      } catch {
        // A front matter value that cannot be cloned: this job is done in the caller's thread.
        this.#pending.delete(id);
        resolve(undefined);
      }
    });
  }

  close(): void {
    this.#stop();
    void this.#worker.terminate();
  }

  #stop(): void {
    this.#stopped = true;
    for (const settle of this.#pending.values()) settle(undefined);
    this.#pending.clear();
  }
}

let shared: { worker: MarkdownWorker; leases: number } | undefined;

/**
 * Lease the shared worker, started with `data` unless a lease already holds it
 * (every collection passes the same data: the site's placeholders and Astro's
 * Markdown options).
 * @param onFailure told once when the worker fails (not started, or stopped), with the reason in English;
 *   a lease that joins a running worker is not told (the lease that started it was: one warning per worker)
 */
export function leaseMarkdownWorker(data: MarkdownWorkerData, onFailure: (reason: string) => void): MarkdownWorkerLease {
  let held: { worker: MarkdownWorker; leases: number } | undefined;
  try {
    held = shared ??= { worker: new MarkdownWorker(data, onFailure), leases: 0 };
    held.leases += 1;
  } catch (error) {
    // Options that cannot be cloned into the worker: every job is done in the caller's thread.
    onFailure(error instanceof Error ? error.message : String(error));
  }
  return {
    run: (job) => (held === undefined ? Promise.resolve(undefined) : held.worker.run(job)),
    release() {
      if (held === undefined) return;
      held.leases -= 1;
      if (held.leases === 0) {
        held.worker.close();
        if (shared === held) shared = undefined;
      }
      held = undefined;
    },
  };
}
