// Runs a Node-only TypeScript entry (the rehearsal CLI, the benchmark): bundles it with esbuild
// into .build/ (CommonJS, packages left external) and runs it in this process.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const outfile = join(root, '.build', basename(entry).replace(/\.ts$/, '.cjs'));
await esbuild.build({
  entryPoints: [join(root, entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outfile,
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
const require = createRequire(import.meta.url);
require(outfile);
