#!/usr/bin/env node
// Entry point of the `kitei` command: the CLI compiled and bundled into dist/bundle/main.cjs by
// `npm run build` (which `npm ci` runs through the prepare script); see scripts/bundle.mjs.
import module from 'node:module';
import { tuneV8 } from './v8-flags.js';

// Before the bundle is compiled, so that all of it runs under them (and its code cache matches them).
tuneV8();
// V8's compiled code of this file, the loader and the packages loaded on first use (their own
// files), kept by Node.js (22.1 and later) under the system's temporary folder; the bundle itself
// has a code cache of its own (load-bundle.js). NODE_DISABLE_COMPILE_CACHE=1 turns Node's off.
module.enableCompileCache?.();
// The bundle is minified: with KITEI_DEBUG set, a stack trace names the lines of dist/ instead
// (source maps are read only for modules loaded after they are enabled).
if (process.env.KITEI_DEBUG) process.setSourceMapsEnabled(true);
const { loadCli } = await import('./load-bundle.js');
const argv = process.argv.slice(2);
// KITEI_WRITE_CODE_CACHE: the folder `npm run build` asks this run to leave its code cache in (scripts/code-cache.mjs).
const { run } = loadCli(argv, { writeDir: process.env.KITEI_WRITE_CODE_CACHE || undefined });

process.exitCode = await run(argv);
