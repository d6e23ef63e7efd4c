// Runs the pipeline on several worker threads. Articles are dispatched to the least busy
// worker; results come back as promises, so callers can keep input order while the
// work runs in parallel.
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { Doc } from "../model/document.js";
import type { RawArticle } from "../ingest/types.js";
import type { WorkRequest, WorkResponse } from "./worker.js";

interface Pending {
  readonly resolve: (doc: Doc) => void;
  readonly reject: (error: Error) => void;
  readonly worker: WorkerSlot;
}

interface WorkerSlot {
  readonly worker: Worker;
  busy: number;
}

/** Workers to use when not told: every core but one for the main thread (which parses input and writes the store). */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

export class PipelinePool {
  private readonly slots: WorkerSlot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(readonly size: number) {
    const url = new URL("./worker.js", import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url);
      const slot: WorkerSlot = { worker, busy: 0 };
      worker.on("message", (response: WorkResponse) => this.settle(response));
      worker.on("error", (error) => this.failAll(slot, error));
      this.slots.push(slot);
    }
  }

  run(article: RawArticle, docId: string): Promise<Doc> {
    const slot = this.slots.reduce((best, s) => (s.busy < best.busy ? s : best));
    const id = this.nextId++;
    slot.busy++;
    return new Promise<Doc>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: slot });
      slot.worker.postMessage({ id, article, docId } satisfies WorkRequest);
    });
  }

  private settle(response: WorkResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    pending.worker.busy--;
    if ("error" in response) pending.reject(new Error(response.error));
    else pending.resolve(response.doc);
  }

  private failAll(slot: WorkerSlot, error: Error): void {
    for (const [id, pending] of this.pending) {
      if (pending.worker !== slot) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
