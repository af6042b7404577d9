/**
 * How long Apps Script service calls take, per method family: the table behind every "estimated
 * Apps Script time" the benchmark prints. The emulator counts calls exactly; what a call costs on
 * Google's servers is not something we can measure offline, so the figures are stated openly here
 * and can be replaced with `npm run bench -- --latency FILE` (a JSON file of the same shape).
 *
 * Where the figures come from (all are rough; Apps Script timings vary by day and by load):
 * - Google's best-practices page: calls to other services are "considerably" slower than
 *   JavaScript, and a batch read/write beats one call per cell by orders of magnitude.
 *   https://developers.google.com/apps-script/guides/support/best-practices
 * - Google's "Optimizing Spreadsheet Operations" (2010): look-ahead read cache and write cache;
 *   every read after a write flushes the write cache (why per-cell loops are slow).
 *   http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html
 * - Measurements published on Stack Overflow ("What is faster: ScriptDb or SpreadsheetApp?"):
 *   one setValues of 4,000 cells took < 50 ms; 400 rows written row by row 164 ms, with a
 *   flush per row ~12 s (≈ 30 ms per flushed row); cell by cell two orders of magnitude slower
 *   than one batch. https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp
 * - Luis Peralta, "Google Apps Script APIs performance" (100 runs each): script properties
 *   getProperty avg 30 ms, setProperty avg 62 ms; CacheService put ~93 ms, get ~3 ms.
 *   https://ziritione.org/post/apps_script_performance
 * - Small Outbox add-on FAQ: an email of ~100 KB takes about 1.2 s to send; small text emails
 *   are faster — we take 300 ms. https://sites.google.com/quickfixters.com/add-onsuniverse/faq
 * - officeforest.org (GAS 6-minute wall, file copies): ~3.6 s per Drive file copy; Qiita
 *   (kazunoriboy): ~4 s per copied file — we take 3 s for makeCopy.
 *   https://officeforest.org/wp/?p=16883 · https://qiita.com/kazunoriboy/items/59a3056e873f2e9c53ba
 * - LockService, FormApp, ScriptApp, Session, Utilities: no published per-call measurement was
 *   found; the figures are our assumptions (tens of ms for a round trip to a Google service,
 *   ~1 ms for in-process helpers such as Utilities.formatDate) and are marked so below.
 *
 * The per-cell figures apply to the cells a call moves (getValues, setValues, appendRow …): a
 * read of 850,000 cells is not free even in one call.
 */
import * as fs from 'node:fs';

export interface LatencyRule {
  /** Counted call name, `*` matching any run of characters (e.g. 'SpreadsheetApp.Range.get*'). */
  pattern: string;
  /** Milliseconds per call. */
  ms: number;
  /** Extra milliseconds per cell the call reads or writes. */
  perCellMs?: number;
  /** Where the figure comes from ('assumed' when nobody published one). */
  source?: string;
}

export interface LatencyTable {
  /** Milliseconds of a call no rule matches. */
  defaultMs: number;
  /** First matching rule wins. */
  rules: LatencyRule[];
}

export const DEFAULT_LATENCY: LatencyTable = {
  defaultMs: 20,
  rules: [
    // Spreadsheet: batch reads/writes pay a round trip plus a cost per cell moved.
    {
      pattern: 'SpreadsheetApp.Range.getValues',
      ms: 30,
      perCellMs: 0.002,
      source: 'SO 29263774 (4,000 cells < 50 ms), best practices',
    },
    {
      pattern: 'SpreadsheetApp.Range.getDisplayValues',
      ms: 30,
      perCellMs: 0.003,
      source: 'as getValues',
    },
    {
      pattern: 'SpreadsheetApp.Range.getFormulas',
      ms: 30,
      perCellMs: 0.002,
      source: 'as getValues',
    },
    { pattern: 'SpreadsheetApp.Range.getNotes', ms: 30, perCellMs: 0.002, source: 'as getValues' },
    {
      pattern: 'SpreadsheetApp.Range.setValues',
      ms: 40,
      perCellMs: 0.005,
      source: 'SO 29263774 (one 4,000-cell setValues < 50 ms)',
    },
    { pattern: 'SpreadsheetApp.Range.set*s', ms: 40, perCellMs: 0.005, source: 'as setValues' },
    // One cell at a time: each read may flush the write cache (Google 2010 post); SO 29263774.
    {
      pattern: 'SpreadsheetApp.Range.getValue',
      ms: 10,
      source: 'SO 29263774: cell by cell ~100× a batch',
    },
    { pattern: 'SpreadsheetApp.Range.getDisplayValue', ms: 10, source: 'as getValue' },
    {
      pattern: 'SpreadsheetApp.Range.setValue',
      ms: 20,
      source: 'SO 29263774: ~30 ms per flushed row write',
    },
    {
      pattern: 'SpreadsheetApp.Sheet.appendRow',
      ms: 60,
      perCellMs: 0.005,
      source: 'appendRow is atomic (flushes); SO 29263774 ~30 ms/flushed row, doubled',
    },
    { pattern: 'SpreadsheetApp.Range.set*', ms: 20, source: 'as setValue' },
    { pattern: 'SpreadsheetApp.Range.protect', ms: 100, source: 'assumed' },
    { pattern: 'SpreadsheetApp.Protection.*', ms: 50, source: 'assumed' },
    {
      pattern: 'SpreadsheetApp.flush',
      ms: 200,
      source: 'SO 29263774: flush ~560 ms after a big write',
    },
    // Handles and metadata: served from the script's cached copy of the spreadsheet.
    { pattern: 'SpreadsheetApp.Sheet.getRange', ms: 2, source: 'assumed (no round trip)' },
    { pattern: 'SpreadsheetApp.Range.get*', ms: 2, source: 'assumed (metadata)' },
    { pattern: 'SpreadsheetApp.Sheet.get*', ms: 5, source: 'assumed (metadata)' },
    { pattern: 'SpreadsheetApp.Spreadsheet.get*', ms: 5, source: 'assumed (metadata)' },
    { pattern: 'SpreadsheetApp.get*', ms: 10, source: 'assumed' },
    { pattern: 'SpreadsheetApp.Sheet.insert*', ms: 50, source: 'assumed (structure change)' },
    { pattern: 'SpreadsheetApp.*', ms: 20, source: 'assumed' },
    // Mail.
    {
      pattern: 'MailApp.sendEmail',
      ms: 300,
      source: 'Small Outbox FAQ: ~1.2 s for 100 KB; short text mail less',
    },
    { pattern: 'MailApp.*', ms: 20, source: 'assumed' },
    // Documents and Drive: whole-file operations are slow.
    {
      pattern: 'DriveApp.File.makeCopy',
      ms: 3000,
      source: 'officeforest 3.6 s, Qiita ~4 s per copy',
    },
    { pattern: 'DriveApp.File.getAs', ms: 1500, source: 'assumed (PDF conversion)' },
    { pattern: 'DriveApp.*', ms: 200, source: 'assumed (Drive round trip)' },
    { pattern: 'DocumentApp.openById', ms: 500, source: 'assumed' },
    { pattern: 'DocumentApp.create', ms: 1000, source: 'assumed' },
    { pattern: 'DocumentApp.Document.saveAndClose', ms: 500, source: 'assumed' },
    { pattern: 'DocumentApp.Document.getAs', ms: 1500, source: 'assumed (PDF conversion)' },
    { pattern: 'DocumentApp.*', ms: 30, source: 'assumed (element edits are batched)' },
    // Forms.
    { pattern: 'FormApp.openById', ms: 300, source: 'assumed' },
    { pattern: 'FormApp.create', ms: 1000, source: 'assumed' },
    { pattern: 'FormApp.*', ms: 30, source: 'assumed (tens of ms)' },
    // Script services.
    { pattern: 'LockService.*', ms: 20, source: 'assumed (tens of ms)' },
    { pattern: 'PropertiesService.Properties.getProperty', ms: 30, source: 'Peralta: avg 30 ms' },
    { pattern: 'PropertiesService.Properties.setProperty', ms: 62, source: 'Peralta: avg 62 ms' },
    { pattern: 'PropertiesService.Properties.*', ms: 40, source: 'Peralta, interpolated' },
    { pattern: 'PropertiesService.*', ms: 5, source: 'assumed (handle)' },
    { pattern: 'CacheService.Cache.put*', ms: 93, source: 'Peralta: avg 93 ms' },
    { pattern: 'CacheService.Cache.get*', ms: 3, source: 'Peralta: avg 3 ms' },
    { pattern: 'CacheService.*', ms: 5, source: 'assumed' },
    { pattern: 'ScriptApp.*TriggerBuilder.create', ms: 300, source: 'assumed' },
    { pattern: 'ScriptApp.*TriggerBuilder.*', ms: 5, source: 'assumed (builder)' },
    { pattern: 'ScriptApp.getProjectTriggers', ms: 100, source: 'assumed' },
    { pattern: 'ScriptApp.deleteTrigger', ms: 100, source: 'assumed' },
    { pattern: 'ScriptApp.*', ms: 20, source: 'assumed' },
    { pattern: 'Session.*', ms: 5, source: 'assumed' },
    { pattern: 'Utilities.*', ms: 1, source: 'assumed (in-process helper)' },
    { pattern: 'Logger.*', ms: 1, source: 'assumed' },
    { pattern: 'Base.Ui.*', ms: 50, source: 'assumed (dialogs wait for nobody offline)' },
  ],
};

const compiled = new WeakMap<LatencyTable, { re: RegExp; rule: LatencyRule }[]>();
const memo = new WeakMap<LatencyTable, Map<string, LatencyRule | null>>();

function compile(table: LatencyTable) {
  let list = compiled.get(table);
  if (!list) {
    list = table.rules.map((rule) => ({
      rule,
      re: new RegExp(
        `^${rule.pattern
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      ),
    }));
    compiled.set(table, list);
  }
  return list;
}

/** The rule that prices a counted call name, or null (then `defaultMs` applies). */
export function ruleFor(table: LatencyTable, name: string): LatencyRule | null {
  let cache = memo.get(table);
  if (!cache) memo.set(table, (cache = new Map()));
  if (!cache.has(name)) cache.set(name, compile(table).find((c) => c.re.test(name))?.rule ?? null);
  return cache.get(name) ?? null;
}

export function perCallMs(table: LatencyTable, name: string): number {
  return ruleFor(table, name)?.ms ?? table.defaultMs;
}

export function perCellMs(table: LatencyTable, name: string): number {
  return ruleFor(table, name)?.perCellMs ?? 0;
}

/**
 * Estimated Apps Script time of one execution: every counted call at its per-call price, plus
 * the per-cell price of the cells each kind of call moved.
 */
export function estimateMs(
  table: LatencyTable,
  counts: Record<string, number>,
  cells: Record<string, number> = {},
): number {
  let ms = 0;
  for (const [name, n] of Object.entries(counts)) ms += n * perCallMs(table, name);
  for (const [name, n] of Object.entries(cells)) ms += n * perCellMs(table, name);
  return ms;
}

/** Reads a table from JSON, checking its shape (a wrong file fails loudly, naming the problem). */
export function parseLatencyTable(text: string, origin = 'latency table'): LatencyTable {
  const data = JSON.parse(text) as Partial<LatencyTable>;
  if (typeof data.defaultMs !== 'number' || !Array.isArray(data.rules)) {
    throw new Error(`${origin}: expected { "defaultMs": number, "rules": [ … ] }`);
  }
  data.rules.forEach((rule, i) => {
    if (typeof rule?.pattern !== 'string' || typeof rule.ms !== 'number' || rule.ms < 0) {
      throw new Error(`${origin}: rules[${i}] needs "pattern" (string) and "ms" (number ≥ 0)`);
    }
    if (
      rule.perCellMs !== undefined &&
      (typeof rule.perCellMs !== 'number' || rule.perCellMs < 0)
    ) {
      throw new Error(`${origin}: rules[${i}].perCellMs must be a number ≥ 0`);
    }
  });
  return { defaultMs: data.defaultMs, rules: data.rules };
}

export function loadLatencyTable(file: string): LatencyTable {
  return parseLatencyTable(fs.readFileSync(file, 'utf8'), file);
}
