import type { Answers } from '../answers/schema.js';
import type { StagedSet } from '../output/set.js';
import type { Format } from '../render/index.js';

/** Messages between the batch's main thread and its workers (structured-clone data only). */

export interface WorkerInit {
  /** Templates directory; the bundled templates when absent. */
  readonly templatesDir: string | undefined;
}

/** Read and validate one answers file (with its bases): in a worker, so a slow file holds only that worker. */
export interface LoadTask {
  readonly kind: 'load';
  readonly id: number;
  readonly file: string;
  readonly out: string;
  readonly extendsRoot: string | undefined;
}

/** Build one client into a staging folder; the main thread moves the set in. */
export interface BuildTask {
  readonly kind: 'build';
  readonly id: number;
  readonly file: string;
  readonly answers: Answers;
  readonly out: string;
  readonly formats: readonly Format[];
  readonly draft: boolean;
  /** House-template directories of the command line (`--templates`), laid over those the answers name. */
  readonly overlays: readonly string[];
  /** The run's token (src/output/files.ts): the staging folder carries it. */
  readonly token: string;
}

export type WorkerTask = LoadTask | BuildTask;

/** What a file says of itself, whether or not it validates: which file it extends, and whether it names its organization. */
export interface Peek {
  /** Absolute path of the file its `extends:` names. */
  readonly base: string | undefined;
  readonly named: boolean;
}

export type LoadReply =
  | {
      readonly kind: 'load';
      readonly id: number;
      readonly ok: true;
      readonly peek: Peek;
      readonly answers: Answers;
      readonly outputDir: string;
    }
  | {
      readonly kind: 'load';
      readonly id: number;
      readonly ok: false;
      readonly peek: Peek;
      readonly error: string;
      readonly internal: boolean;
    };

export interface OutputFile {
  /** Absolute path, once the set is moved in. */
  readonly path: string;
  readonly format: Format;
  readonly bytes: number;
  readonly sha256: string;
  /** Pages of a PDF, when the count can be read from it. */
  readonly pages: number | undefined;
}

export type BuildReply =
  | {
      readonly kind: 'build';
      readonly id: number;
      readonly ok: true;
      readonly outputDir: string;
      readonly staged: StagedSet;
      readonly files: readonly OutputFile[];
      readonly unfilled: number;
      /** This worker's own memory (V8 heap + buffers) after the task, in bytes. */
      readonly workerMemory: number;
    }
  | {
      readonly kind: 'build';
      readonly id: number;
      readonly ok: false;
      readonly error: string;
      /** A bug in kitei or its templates rather than a problem of the client's answers. */
      readonly internal: boolean;
      readonly workerMemory: number;
    };

export type WorkerReply = LoadReply | BuildReply;
export type ReplyOf<T extends WorkerTask> = T extends LoadTask ? LoadReply : BuildReply;

/** What a worker sends: `ready` once when its templates are loaded, then one reply per task. */
export type WorkerMessage = { readonly ready: true } | WorkerReply;
