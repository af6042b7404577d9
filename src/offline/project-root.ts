import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The project folder (where package.json lives). Offline code runs from src/ under jest and from a
 * bundled file under .build/ for the CLIs, so paths are resolved from here, not from __dirname.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = process.cwd();
  for (let candidate = __dirname; ; candidate = path.dirname(candidate)) {
    if (fs.existsSync(path.join(candidate, 'package.json'))) {
      dir = candidate;
      break;
    }
    if (path.dirname(candidate) === candidate) break;
  }
  cached = dir;
  return dir;
}
