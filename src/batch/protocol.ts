import type { Answers } from '../answers/schema.js';
import type { Format } from '../render/index.js';

/** Messages between the batch's main thread and its workers (structured-clone data only). */

export interface WorkerInit {
  /** Templates directory; the bundled templates when absent. */
  readonly templatesDir: string | undefined;
}

export interface BuildTask {
  readonly id: number;
  readonly file: string;
  readonly answers: Answers;
  readonly out: string;
  readonly formats: readonly Format[];
  readonly draft: boolean;
  /** House-template directories of the command line (`--templates`), laid over those the answers name. */
  readonly overlays: readonly string[];
}

export interface OutputFile {
  /** Absolute path. */
  readonly path: string;
  readonly format: Format;
  readonly bytes: number;
  readonly sha256: string;
  /** Pages of a PDF, when the count can be read from it. */
  readonly pages: number | undefined;
}

export type BuildReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly outputDir: string;
      readonly files: readonly OutputFile[];
      readonly unfilled: number;
      /** This worker's own memory (V8 heap + buffers) after the task, in bytes. */
      readonly workerMemory: number;
    }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: string;
      /** A bug in kitei or its templates rather than a problem of the client's answers. */
      readonly internal: boolean;
      readonly workerMemory: number;
    };

/** What a worker sends: `ready` once when its templates are loaded, then one reply per task. */
export type WorkerMessage = { readonly ready: true } | BuildReply;
