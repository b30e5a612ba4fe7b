// Prints the Node.js majors the project supports, from package.json "engines" ("^22 || ^24 || >=26"):
// the caret ranges, which CI tests one by one. A ">=" bound names versions not yet released, so it is
// not tested.
import { readFileSync } from 'node:fs';

const range = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const majors = [...range.matchAll(/\^(\d+)/gu)].map((m) => m[1]);
if (!majors.length) throw new Error(`package.json engines.node に ^22 のような範囲がありません: ${range}`);
console.log(majors.join(' '));
