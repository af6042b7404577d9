import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** One module's static imports, as project-relative paths of the files they resolve to. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every `.ts` file under the given project-relative folders, as project-relative paths. */
export function tsFilesUnder(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts'))
        files.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return files.sort();
}

/**
 * The graph of relative `import … from` and `export … from` statements among `files`. Type-only
 * imports count too: a circle of types is still a circle a reader has to untangle. Package imports
 * (`zod/mini`, `node:fs`) and files that are not among `files` (a JSON manifest) are not edges.
 */
export function importGraph(root: string, files: readonly string[]): ImportGraph {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      fs.readFileSync(path.join(root, file), 'utf8'),
      ts.ScriptTarget.ES2022,
    );
    const targets = new Set<string>();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const target = resolveRelative(known, file, specifier.text);
      if (target !== undefined) targets.add(target);
      // A JSON file or a module outside the folders is a leaf here; a missing file is a mistake.
      else if (!fs.existsSync(path.join(root, path.dirname(file), specifier.text))) {
        throw new Error(`${file}: cannot resolve '${specifier.text}'`);
      }
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

function resolveRelative(
  known: ReadonlySet<string>,
  from: string,
  specifier: string,
): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => known.has(candidate));
}

/**
 * Every elementary cycle of the graph, each as its path `a → b → … → a` starting at its
 * alphabetically first module, so the same circle is always named the same way.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const nodes = [...graph.keys()].sort();
  const cycles: string[][] = [];
  // A cycle is found once, from its smallest node: the search from `start` only visits larger nodes.
  for (const start of nodes) {
    const onPath = [start];
    const visit = (node: string): void => {
      for (const next of graph.get(node) ?? []) {
        if (next === start) cycles.push([...onPath, start]);
        else if (next > start && !onPath.includes(next)) {
          onPath.push(next);
          visit(next);
          onPath.pop();
        }
      }
    };
    visit(start);
  }
  return cycles;
}
