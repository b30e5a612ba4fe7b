import { config } from 'zod';

/**
 * zod as kitei uses it: every schema module imports it from here (`import * as z from '../zod.js'`),
 * so this runs before any schema is built. zod's default compiles a parser (generated code) for each
 * object schema the first time it parses; in a cold `kitei build` that was ~100 ms for two parses
 * (the profile, then the view) whose parsers are not used again. The interpreted path gives the
 * same results and the same issues.
 */
config({ jitless: true });

// Re-exported name by name, never as one `z` object: esbuild then keeps only the parts kitei uses,
// not zod's 64 locales and JSON Schema converters.
export * from 'zod';
