import { BUNDLE_LIMIT_KB } from '../src/offline/bench/report';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { projectRoot } from '../src/offline/project-root';
import { bundleCode, manifest } from './support/bundle';
import * as main from '../src/main';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS build script
const { FORBIDDEN_BUILTINS, forbiddenBuiltinsIn } = require('../scripts/builtins.cjs') as {
  FORBIDDEN_BUILTINS: [string, string, RegExp][];
  forbiddenBuiltinsIn(code: string): { what: string; edition: string; line: number }[];
};

const SCOPE = 'https://www.googleapis.com/auth/';

/** Which OAuth scope each Apps Script service (or method) needs — apps-script-facts.md. */
const SCOPE_OF: { pattern: RegExp; scope: string | string[] }[] = [
  { pattern: /\bSpreadsheetApp\.getUi\b/, scope: 'script.container.ui' },
  { pattern: /\bSpreadsheetApp\./, scope: ['spreadsheets.currentonly', 'spreadsheets'] },
  { pattern: /\bFormApp\./, scope: 'forms' },
  { pattern: /\bMailApp\./, scope: 'script.send_mail' },
  { pattern: /\bDocumentApp\./, scope: 'documents' },
  { pattern: /\bDriveApp\./, scope: 'drive' },
  {
    pattern: /\bScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger)\b/,
    scope: 'script.scriptapp',
  },
  { pattern: /\bSession\.get(Active|Effective)User\b/, scope: 'userinfo.email' },
];

describe('dist/Code.js, the artifact clasp pushes', () => {
  const code = bundleCode();

  test('every entry point exported by src/main.ts is a top-level function (Apps Script calls only those)', () => {
    const names = Object.keys(main).sort();
    expect(names.length).toBeGreaterThan(0);
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of names) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
    }
  });

  test('the bundle is an IIFE under __app, not assigned to globalThis (which would shadow the global object)', () => {
    expect(code).toMatch(/(^|;)var __app\s*=\s*\(\(\)\s*=>\s*\{/m);
    expect(code).not.toMatch(/globalThis\s*=/);
  });

  // Issue 13 defect 8: Google's V8 page (https://developers.google.com/apps-script/guides/v8-runtime)
  // documents syntax only, so built-ins after ES2019 (which esbuild does not lower) are refused.
  test('issue 13 #8: dist/Code.js uses no built-in after ES2019 (.at, Object.hasOwn, structuredClone, findLast, toSorted, replaceAll, matchAll, …), and the build check catches one', () => {
    expect(forbiddenBuiltinsIn(code)).toEqual([]);
    const names = (FORBIDDEN_BUILTINS as [string, string, RegExp][]).map(([what]) => what);
    expect(names).toEqual(
      expect.arrayContaining([
        'Array/String.prototype.at',
        'Object.hasOwn',
        'structuredClone',
        'Array.prototype.findLast',
        'Array.prototype.toSorted',
        'String.prototype.replaceAll',
      ]),
    );
    expect(forbiddenBuiltinsIn('var x = 1;\nvar last = list.at(-1);')).toEqual([
      { what: 'Array/String.prototype.at', edition: 'ES2022', line: 2 },
    ]);
  });

  test('the bundle stays small (every execution loads all of it)', () => {
    // It carries the campaign templates Setup writes (≈ 56 KB with the 27 key tasks' texts).
    expect(Buffer.byteLength(code)).toBeLessThan(BUNDLE_LIMIT_KB * 1024);
  });

  test('the manifest is V8, Asia/Shanghai, Stackdriver logging, with explicit scopes', () => {
    const m = manifest();
    expect(m.runtimeVersion).toBe('V8');
    expect(m.timeZone).toBe('Asia/Shanghai');
    expect(m.exceptionLogging).toBe('STACKDRIVER');
    expect(Array.isArray(m.oauthScopes)).toBe(true);
  });

  test('oauthScopes cover every service the bundle calls, and nothing it does not call (explicit scopes turn off detection)', () => {
    const scopes = new Set(manifest().oauthScopes.map((s) => s.replace(SCOPE, '')));
    const needed = new Set<string>();
    for (const { pattern, scope } of SCOPE_OF) {
      if (!pattern.test(code)) continue;
      const options = Array.isArray(scope) ? scope : [scope];
      const granted = options.find((s) => scopes.has(s));
      expect({ service: pattern.source, granted: granted ?? null }).toEqual({
        service: pattern.source,
        granted: expect.any(String),
      });
      needed.add(granted as string);
    }
    expect([...scopes].filter((s) => !needed.has(s))).toEqual([]);
  });

  test('clasp (rootDir dist) would push exactly dist/Code.js, dist/appsscript.json and the web page — `clasp show-file-status`, no credentials needed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clasp-'));
    fs.cpSync(path.join(projectRoot(), 'dist'), path.join(dir, 'dist'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, '.clasp.json'),
      JSON.stringify({ scriptId: '1' + 'x'.repeat(56), rootDir: 'dist' }),
    );
    const clasp = path.join(projectRoot(), 'node_modules/@google/clasp/build/src/index.js');
    const result = spawnSync(process.execPath, [clasp, 'show-file-status', '--json'], {
      cwd: dir,
      env: { ...process.env, HOME: dir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout.trim().split('\n').pop() as string);
    expect([...status.filesToPush].sort()).toEqual([
      'dist/Code.js',
      'dist/appsscript.json',
      'dist/page.html',
    ]);
  });
});
