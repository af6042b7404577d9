/** Runs the rehearsal's command line (`npm start`) on a scenario folder, as a user would. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../src/offline/project-root';

export const SAMPLE_DIR = path.join(projectRoot(), 'sheets-templates/sample-campaign');

/** A scratch folder for the file's tests, removed after them. */
export function scratchDir(prefix: string): () => string {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** `npm start -- --quiet --scenario <dir> --out <out> --to <to>`, waiting up to two minutes. */
export function rehearseCli(scenario: string, out: string, to: string): SpawnSyncReturns<string> {
  const result = spawnSync(
    process.execPath,
    [
      'scripts/run-ts.mjs',
      'src/offline/rehearsal/cli.ts',
      '--quiet',
      '--scenario',
      scenario,
      '--out',
      out,
      '--to',
      to,
    ],
    { cwd: projectRoot(), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.error) throw result.error;
  return result;
}
