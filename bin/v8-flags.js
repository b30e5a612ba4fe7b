// V8 settings for a kitei process, set before any of kitei's code is compiled (bin/kitei.js, and
// the bench's batch run, which must run as the command does). Node.js 24 freezes V8's flags once
// it has started, so there these calls change nothing (its V8 tiers up well enough on its own).
import { setFlagsFromString } from 'node:v8';

const v8Major = Number(process.versions.v8.split('.')[0]);

export const V8_FLAGS = [
  // A run of kitei calls most of its functions a few times only, so V8's default of waiting for a
  // function's eighth call before it starts collecting type feedback keeps much of it in the
  // slowest tier; collecting from the first call lets the code speed up sooner (~5–10 % of a cold
  // `kitei build`; the output is the same).
  '--no-lazy-feedback-allocation',
  // TurboFan, V8's top tier, compiles a function after ~3,000 calls, on a second thread: a cold
  // `kitei build` then spends a third of its CPU time compiling code that runs for a few
  // milliseconds after, on the core the garbage collector and zlib would use. Waiting for far more
  // calls keeps TurboFan for the code that is really hot (a batch of many clients): measured
  // A/B under Node.js 22, a build 0.95× the time at 0.76× the CPU, a batch of 100 clients 0.88×.
  // (V8 12 and later: Node.js 22 on. Node.js 20's V8 counts otherwise and would print an error.)
  ...(v8Major >= 12 ? ['--invocation-count-for-turbofan=20000', '--invocation-count-for-osr=20000'] : []),
];

export function tuneV8() {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
