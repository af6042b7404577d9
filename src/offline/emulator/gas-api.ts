/**
 * The methods Apps Script declares for each class, read from `@types/google-apps-script` (the
 * typings the fakes are checked against). The membrane hands the script a stub for every declared
 * method a fake lacks, which throws `not emulated: Class.method`: a missing method must fail loudly,
 * never look like a silent no-op or a plain "is not a function" that reads like a typo.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ApiIndex {
  /** `Namespace.Interface` → method names, inherited ones included. */
  methods: Map<string, Set<string>>;
  /** `Namespace.Interface` → the interfaces it extends (as written). */
  parents: Map<string, string[]>;
  /** Global variable → `Namespace.Interface` (`MailApp` → `Mail.MailApp`). */
  globals: Map<string, string>;
}

let index: ApiIndex | null = null;

function typingsFolder(): string | null {
  try {
    return path.dirname(require.resolve('@types/google-apps-script/package.json'));
  } catch {
    return null;
  }
}

// The typings are generated with a fixed layout: `namespace X {` at 4 spaces, `interface Y … {` at
// 8, members at 12. Reading that layout is enough, and keeps the TypeScript compiler out of the run.
function load(): ApiIndex {
  const api: ApiIndex = { methods: new Map(), parents: new Map(), globals: new Map() };
  const folder = typingsFolder();
  if (!folder) return api;
  for (const file of fs.readdirSync(folder)) {
    if (!/^google-apps-script\..*\.d\.ts$/.test(file)) continue;
    let namespace = '';
    let current: string | null = null;
    for (const line of fs.readFileSync(path.join(folder, file), 'utf8').split('\n')) {
      const ns = /^ {4}namespace (\w+) \{/.exec(line);
      if (ns) namespace = ns[1];
      const iface = /^ {8}interface (\w+)(?:<[^>]*>)?(?: extends ([\w.,\s<>]+))? \{/.exec(line);
      if (iface && namespace) {
        current = `${namespace}.${iface[1]}`;
        if (!api.methods.has(current)) api.methods.set(current, new Set());
        if (iface[2]) {
          api.parents.set(
            current,
            iface[2].split(',').map((p) => p.trim().replace(/^GoogleAppsScript\./, '')),
          );
        }
        continue;
      }
      if (/^ {8}\}/.test(line)) current = null;
      const member = /^ {12}(\w+)\??\(/.exec(line);
      if (member && current) api.methods.get(current)!.add(member[1]);
      const global = /^declare var (\w+): GoogleAppsScript\.(\w+)\.(\w+);/.exec(line);
      if (global) api.globals.set(global[1], `${global[2]}.${global[3]}`);
    }
  }
  return api;
}

function allMethods(api: ApiIndex, name: string, namespace: string, seen = new Set<string>()) {
  const key = name.includes('.') ? name : `${namespace}.${name}`;
  const out = new Set<string>();
  if (seen.has(key)) return out;
  seen.add(key);
  for (const m of api.methods.get(key) ?? []) out.add(m);
  for (const parent of api.parents.get(key) ?? []) {
    for (const m of allMethods(api, parent, key.split('.')[0], seen)) out.add(m);
  }
  return out;
}

/** The typings' interface for a fake's `gasName` (`SpreadsheetApp.Range` → `Spreadsheet.Range`). */
function interfaceFor(api: ApiIndex, gasName: string): string | null {
  const dot = gasName.indexOf('.');
  if (dot < 0) {
    if (api.globals.has(gasName)) return api.globals.get(gasName)!;
    return api.methods.has(`Base.${gasName}`) ? `Base.${gasName}` : null;
  }
  const service = gasName.slice(0, dot);
  const cls = gasName.slice(dot + 1);
  const namespace = api.methods.has(`${service}.${cls}`)
    ? service
    : api.globals.get(service)?.split('.')[0];
  return namespace && api.methods.has(`${namespace}.${cls}`) ? `${namespace}.${cls}` : null;
}

const declaredCache = new Map<string, string[]>();

/** Every method Apps Script declares for the class, or `[]` when the typings do not know it. */
export function declaredMethods(gasName: string): string[] {
  const cached = declaredCache.get(gasName);
  if (cached) return cached;
  index ??= load();
  const key = interfaceFor(index, gasName);
  const list = key ? [...allMethods(index, key, key.split('.')[0])].sort() : [];
  declaredCache.set(gasName, list);
  return list;
}

/** Declared methods the fake does not implement: the script gets a loud stub for each. */
export function missingMethods(gasName: string, implemented: string[]): string[] {
  const have = new Set(implemented);
  // toString is the sandbox's own (Apps Script objects print as their class name).
  return declaredMethods(gasName).filter((m) => !have.has(m) && m !== 'toString');
}
