import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../src/offline/project-root';

/** The one artifact: dist/Code.js as `npm run build` wrote it (npm test builds first). */
export function bundlePath(): string {
  const file = path.join(projectRoot(), 'dist/Code.js');
  if (!fs.existsSync(file)) {
    throw new Error('dist/Code.js is missing: run `npm run build` (npm test does it first)');
  }
  return file;
}

export function bundleCode(): string {
  return fs.readFileSync(bundlePath(), 'utf8');
}

export function manifest(): {
  oauthScopes: string[];
  timeZone: string;
  runtimeVersion: string;
  exceptionLogging: string;
} {
  return JSON.parse(fs.readFileSync(path.join(projectRoot(), 'dist/appsscript.json'), 'utf8'));
}
