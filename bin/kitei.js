#!/usr/bin/env node
// Entry point of the `kitei` command: the CLI compiled and bundled into dist/bundle/ by
// `npm run build` (which `npm ci` runs through the prepare script); see scripts/bundle.mjs.
import { tuneV8 } from './v8-flags.js';

// Before the bundle is compiled, so that all of it runs under them.
tuneV8();
// The bundle is minified: with KITEI_DEBUG set, a stack trace names the lines of dist/ instead
// (source maps are read only for modules loaded after they are enabled, hence the dynamic import).
if (process.env.KITEI_DEBUG) process.setSourceMapsEnabled(true);
const { run } = await import('../dist/bundle/main.js');

process.exitCode = await run(process.argv.slice(2));
