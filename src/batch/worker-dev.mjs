// Worker entry when kitei runs from its TypeScript sources (vitest, tsx): registers tsx in this
// thread, then loads the real worker. The compiled build starts dist/batch/worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
