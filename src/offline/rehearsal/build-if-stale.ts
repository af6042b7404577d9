import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../project-root';

/** Everything that goes into dist/: when any is newer than the bundle, the bundle is stale. */
const INPUTS = [
  'src',
  'sheets-templates',
  'appsscript.json',
  'scripts/build.mjs',
  'package-lock.json',
];

function newestMtime(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(file)) {
    if (entry === 'offline' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

export function isStale(root = projectRoot()): boolean {
  const bundle = fs.statSync(path.join(root, 'dist/Code.js'), { throwIfNoEntry: false });
  const manifest = fs.statSync(path.join(root, 'dist/appsscript.json'), { throwIfNoEntry: false });
  if (!bundle || !manifest) return true;
  const newest = Math.max(...INPUTS.map((p) => newestMtime(path.join(root, p))));
  return newest > Math.min(bundle.mtimeMs, manifest.mtimeMs);
}

/** Runs `npm run build` when dist/ is missing or older than its inputs; true when it built. */
export function ensureBuilt(run: (cmd: string, args: string[]) => unknown): boolean {
  if (!isStale()) return false;
  run(process.execPath, [path.join(projectRoot(), 'scripts/build.mjs')]);
  return true;
}
