#!/usr/bin/env node
// Entry point of the `kitei` command: the compiled CLI lives in dist/ (built by `npm run build`,
// which `npm ci` runs through the prepare script).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
