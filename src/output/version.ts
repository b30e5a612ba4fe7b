import { readFileSync } from 'node:fs';

/** The version of kitei, as files it writes record it (the batch manifest, the export manifest of house templates). */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
