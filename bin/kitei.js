#!/usr/bin/env node
// Entry point of the `kitei` command: the CLI compiled and bundled into dist/bundle/ by
// `npm run build` (which `npm ci` runs through the prepare script); see scripts/bundle.mjs.
import module from 'node:module';
import { tuneV8 } from './v8-flags.js';

// Before the bundle is compiled, so that all of it runs under them.
tuneV8();
// V8's compiled code of the bundle, kept by Node.js (22.1 and later) in its own folder under the
// system's temporary folder and checked against the source before use: a later run skips
// compiling ~2 MB of JavaScript (~4 % of a `kitei build`). NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
// The bundle is minified: with KITEI_DEBUG set, a stack trace names the lines of dist/ instead
// (source maps are read only for modules loaded after they are enabled, hence the dynamic import).
if (process.env.KITEI_DEBUG) process.setSourceMapsEnabled(true);
const { run } = await import('../dist/bundle/main.js');

process.exitCode = await run(process.argv.slice(2));
