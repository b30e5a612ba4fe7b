#!/usr/bin/env node
// Entry point of the `kitei` command: the CLI compiled and bundled into dist/bundle/ by
// `npm run build` (which `npm ci` runs through the prepare script); see scripts/bundle.mjs.
import { setFlagsFromString } from 'node:v8';

// A run of kitei calls most of its functions a few times only, so V8's default of waiting for a
// function's eighth call before it starts collecting type feedback keeps much of it in the
// slowest tier; collecting from the first call lets the code speed up sooner (~5–10 % of a cold
// `kitei build`; the output is the same). Set before the bundle is compiled, so that all of it does.
setFlagsFromString('--no-lazy-feedback-allocation');
// The bundle is minified: with KITEI_DEBUG set, a stack trace names the lines of dist/ instead
// (source maps are read only for modules loaded after they are enabled, hence the dynamic import).
if (process.env.KITEI_DEBUG) process.setSourceMapsEnabled(true);
const { run } = await import('../dist/bundle/main.js');

process.exitCode = await run(process.argv.slice(2));
