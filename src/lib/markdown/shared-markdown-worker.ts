/**
 * The content sync's Markdown worker: one worker thread
 * (`markdown-render-worker.ts`) that renders the entries' Markdown bodies
 * while Astro's thread reads, parses and validates the next files (issue 13:
 * at 10 000 startups the sync took 15–18 s in one thread, Sätteri and the
 * site's plugins ~4 CPU-s of it, while the second core waited).
 *
 * The collections that load at the same time (Astro loads them all at once)
 * share it through leases; the last lease released ends the thread, so the
 * build's rendering of pages does not carry its memory. Nothing here throws:
 * a body the worker could not render, or a worker that could not start or
 * stopped, gives `undefined`, and the caller renders in its own thread.
 */
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownRenderResult } from '@astrojs/internal-helpers/markdown';
import type { MarkdownWorkerData, RenderReply, RenderRequest } from './markdown-worker-messages.ts';

// A path, not `new URL(…, import.meta.url)`, which Vite would turn into an asset of the build.
const WORKER_FILE = join(dirname(fileURLToPath(import.meta.url)), 'markdown-render-worker.ts');

/** A Markdown body to render, as {@link RenderRequest} without its number. */
export type MarkdownToRender = Omit<RenderRequest, 'id'>;

/** One lease of the shared worker: renders until released. */
export interface MarkdownWorkerLease {
  /** Sätteri's result for the body, or `undefined` when it must be rendered in the caller's thread. */
  render(markdown: MarkdownToRender): Promise<MarkdownRenderResult | undefined>;
  /** Ends the lease (again: nothing); the last one ends the worker. */
  release(): void;
}

class MarkdownWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, (reply: RenderReply | undefined) => void>();
  #nextId = 0;
  #stopped = false;

  /** @param onFailure told once, with the reason, when the worker stops before it is closed */
  constructor(data: MarkdownWorkerData, onFailure: (reason: string) => void) {
    this.#worker = new Worker(WORKER_FILE, { workerData: data });
    this.#worker.on('message', (reply: RenderReply) => {
      this.#pending.get(reply.id)?.(reply);
      this.#pending.delete(reply.id);
    });
    this.#worker.on('error', (error) => {
      if (!this.#stopped) onFailure(error.message);
      this.#stop();
    });
    this.#worker.on('exit', () => this.#stop());
  }

  render(markdown: MarkdownToRender): Promise<MarkdownRenderResult | undefined> {
    if (this.#stopped) return Promise.resolve(undefined);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, (reply) => resolve(reply === undefined || 'failed' in reply ? undefined : { code: reply.code, metadata: reply.metadata }));
      try {
        this.#worker.postMessage({ id, ...markdown } satisfies RenderRequest);
      } catch {
        // A front matter value that cannot be cloned: this body is rendered in the caller's thread.
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
 * @param onFailure told once when the worker fails (not started, or stopped), with the reason in English
 */
export function leaseMarkdownWorker(data: MarkdownWorkerData, onFailure: (reason: string) => void): MarkdownWorkerLease {
  let held: { worker: MarkdownWorker; leases: number } | undefined;
  try {
    held = shared ??= { worker: new MarkdownWorker(data, onFailure), leases: 0 };
    held.leases += 1;
  } catch (error) {
    // Options that cannot be cloned into the worker: every body is rendered in the caller's thread.
    onFailure(error instanceof Error ? error.message : String(error));
  }
  return {
    render: (markdown) => (held === undefined ? Promise.resolve(undefined) : held.worker.render(markdown)),
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
