import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsvTable } from '../../src/offline/rehearsal/csv';
import { projectRoot } from '../../src/offline/project-root';

/** A CSV file of a bundled sample (sheets-templates/<sample>/<file>), one object per row by header. */
export function readSampleCsv(sample: string, file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(projectRoot(), 'sheets-templates', sample, file), 'utf8');
  const table = parseCsvTable(text);
  if (table.issues.length) throw new Error(`${sample}/${file}: ${JSON.stringify(table.issues)}`);
  return table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r.fields[i]])));
}
