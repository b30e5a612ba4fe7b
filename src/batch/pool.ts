import { Worker } from 'node:worker_threads';
import type { ReplyOf, WorkerInit, WorkerMessage, WorkerReply, WorkerTask } from './protocol.js';

/**
 * A small pool of long-lived worker threads. A task (read a client's answers, or build it) goes to
 * the next idle worker; a worker that dies (an uncaught error, running out of memory) fails only its
 * own task and is replaced.
 */

// From dist/ the compiled worker.js runs as is; from the sources (vitest, tsx) a bootstrap
// registers the TypeScript loader in the worker thread first.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker-dev.mjs' : './worker.js', import.meta.url);

/**
 * A ceiling per worker: it keeps a worker's memory near what it holds, and a runaway document fails
 * its own client (the worker is replaced) instead of taking the machine's memory. A client holds
 * ~45 MB live but makes ~250 MB of garbage; how eagerly V8 collects depends on the ceiling. 100
 * clients, 2 workers (2026-11): 2 GB 39.7 s / peak RSS 663 MB, 1 GB 40.1 s / 439 MB,
 * 640 MB 43.5 s / 418 MB, 384 MB 47.8 s / 411 MB. 1 GB keeps the memory for little time.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024 };

interface Job {
  readonly task: WorkerTask;
  readonly resolve: (reply: WorkerReply) => void;
  readonly onStart: () => void;
}

interface Slot {
  worker: Worker;
  task: Job | undefined;
  /** The worker has loaded its templates and said so. */
  ready: boolean;
  /** Stopped by shrink(): its exit is no failure. */
  retired?: boolean;
}

export class BuildPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** Why no worker can start (set with `closed`): later tasks get it as their reply at once. */
  private broken: string | undefined;

  constructor(
    size: number,
    private readonly init: WorkerInit,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Runs one task on the next idle worker (`onStart` when it takes it); never rejects (a failure is a reply). */
  run<T extends WorkerTask>(task: T, onStart: () => void = () => {}): Promise<ReplyOf<T>> {
    return new Promise((resolve) => {
      if (this.broken !== undefined) {
        resolve(this.failed(task, this.broken) as ReplyOf<T>);
        return;
      }
      this.queue.push({ task, resolve: resolve as (reply: WorkerReply) => void, onStart });
      this.dispatch();
    });
  }

  /** Workers in the pool. */
  get size(): number {
    return this.slots.length;
  }

  /** Stops idle workers until `size` are left (fewer clients to build than clients read). */
  shrink(size: number): void {
    for (let i = this.slots.length - 1; i >= 0 && this.slots.length > size; i--) {
      const slot = this.slots[i]!;
      if (slot.task) continue;
      this.slots.splice(i, 1);
      slot.retired = true;
      void slot.worker.terminate();
    }
  }

  /** Stops the workers once every task has its reply. */
  async close(): Promise<void> {
    await this.terminate();
  }

  /** Stops every worker at once (an interrupted run); tasks in flight get no reply. */
  async terminate(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: this.init, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, task: undefined, ready: false };
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        return;
      }
      const reply = message;
      const current = slot.task;
      slot.task = undefined;
      current?.resolve(reply);
      this.dispatch();
    });
    let failure: string | undefined;
    worker.on('error', (error) => (failure = error.message));
    worker.on('exit', (code) => {
      if (this.closed || slot.retired) return;
      const why = failure ?? `終了コード ${code}`;
      const current = slot.task;
      slot.task = undefined;
      if (slot.ready) {
        if (current) current.resolve(this.failed(current.task, `生成中の処理が異常終了しました（${why}）`));
        // Replace the dead worker so the remaining clients still run in parallel.
        this.slots[this.slots.indexOf(slot)] = this.spawn();
        this.dispatch();
      } else {
        // Died while starting (templates unreadable…): every other worker would too.
        this.closed = true;
        this.broken = `生成の準備に失敗しました（${why}）`;
        const pending = [...(current ? [current] : []), ...this.slots.flatMap((other) => (other.task ? [other.task] : [])), ...this.queue.splice(0)];
        for (const other of this.slots) other.task = undefined;
        for (const each of pending) each.resolve(this.failed(each.task, this.broken));
        void Promise.all(this.slots.map((other) => other.worker.terminate()));
      }
    });
    return slot;
  }

  private failed(task: WorkerTask, message: string): WorkerReply {
    const error = `${task.file}: 内部エラー: ${message}`;
    return task.kind === 'load'
      ? { kind: 'load', id: task.id, ok: false, peek: { base: undefined, named: true }, error, internal: true }
      : { kind: 'build', id: task.id, ok: false, error, internal: true, workerMemory: 0 };
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.closed || this.queue.length === 0) return;
      if (slot.task) continue;
      const next = this.queue.shift()!;
      slot.task = next;
      next.onStart();
      slot.worker.postMessage(next.task);
    }
  }
}
