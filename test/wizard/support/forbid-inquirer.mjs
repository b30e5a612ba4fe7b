// Loaded with `node --import`: any attempt to load @inquirer/* fails the process, so a test can
// prove that a command never loads the wizard's terminal library.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@inquirer/')) {
    throw new Error('FORBIDDEN: ' + specifier + ' from ' + context.parentURL);
  }
  return next(specifier, context);
}
`),
);
