#!/usr/bin/env node
// Entry point of the `kitei` command: the CLI compiled and bundled into dist/bundle/ by
// `npm run build` (which `npm ci` runs through the prepare script); see scripts/bundle.mjs.
import { run } from '../dist/bundle/main.js';

process.exitCode = await run(process.argv.slice(2));
