import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../../src/offline/project-root';
import { importCycles, importGraph, tsFilesUnder } from '../support/import-graph';

/** The folders whose modules must not import each other in a circle. */
const FOLDERS = ['src', 'sheets-templates'];

const named = (cycles: string[][]) => cycles.map((cycle) => cycle.join(' → '));

describe('import cycles', () => {
  it('src/ and sheets-templates/ import each other without a circle', () => {
    const root = projectRoot();
    const graph = importGraph(root, tsFilesUnder(root, FOLDERS));
    // The graph is really built: the entry point and a known import are in it.
    expect(graph.get('src/main.ts')?.length).toBeGreaterThan(5);
    expect(graph.get('src/app/activate.ts')).toContain('src/app/review.ts');
    expect(named(importCycles(graph))).toEqual([]);
  });

  describe('the cycle finder', () => {
    let root: string;
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cycles-'));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('names each circle from its first module, through type imports, re-exports and index files', () => {
      write('src/a.ts', "import { b } from './b';\nexport const a = b;\n");
      write('src/b.ts', "import type { A } from './types';\nexport const b = 1;\n");
      write('src/types/index.ts', "export * from '../c';\n");
      write('src/c.ts', "import { a } from './a';\nexport type A = typeof a;\n");
      write('src/d.ts', "import { z } from 'zod/mini';\nimport data from '../data.json';\n");
      write('data.json', '{}');
      write('src/e.ts', "import { f } from './f';\nexport const e = f;\n");
      write('src/f.ts', "export { e as f } from './e';\n");
      const graph = importGraph(root, tsFilesUnder(root, ['src']));
      expect(named(importCycles(graph))).toEqual([
        'src/a.ts → src/b.ts → src/types/index.ts → src/c.ts → src/a.ts',
        'src/e.ts → src/f.ts → src/e.ts',
      ]);
    });

    it('refuses an import it cannot resolve, rather than miss an edge', () => {
      write('src/a.ts', "import { b } from './missing';\n");
      expect(() => importGraph(root, tsFilesUnder(root, ['src']))).toThrow(
        "src/a.ts: cannot resolve './missing'",
      );
    });
  });
});
