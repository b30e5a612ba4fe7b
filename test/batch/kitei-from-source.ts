// `bin/kitei.js` from the TypeScript sources, for tests that need the CLI as a real process
// (signals, a stdout that is not a terminal): node --import tsx test/batch/kitei-from-source.ts …
import { run } from '../../src/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
