import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DEFAULT_LATENCY,
  estimateMs,
  loadLatencyTable,
  parseLatencyTable,
  perCallMs,
  perCellMs,
  ruleFor,
} from '../../../src/offline/bench/latency';

describe('latency table', () => {
  test('the first matching rule prices a call; * matches any run of characters; unknown calls cost defaultMs', () => {
    const table = {
      defaultMs: 7,
      rules: [
        { pattern: 'SpreadsheetApp.Range.getValues', ms: 30, perCellMs: 0.01 },
        { pattern: 'SpreadsheetApp.Range.get*', ms: 2 },
        { pattern: 'SpreadsheetApp.*', ms: 20 },
      ],
    };
    expect(perCallMs(table, 'SpreadsheetApp.Range.getValues')).toBe(30);
    expect(perCellMs(table, 'SpreadsheetApp.Range.getValues')).toBe(0.01);
    expect(perCallMs(table, 'SpreadsheetApp.Range.getValue')).toBe(2);
    expect(perCellMs(table, 'SpreadsheetApp.Range.getValue')).toBe(0);
    expect(perCallMs(table, 'SpreadsheetApp.Sheet.getRange')).toBe(20);
    expect(perCallMs(table, 'MailApp.sendEmail')).toBe(7);
    // A dot in a pattern is a dot, not "any character".
    expect(ruleFor({ defaultMs: 1, rules: [{ pattern: 'A.b', ms: 5 }] }, 'Axb')).toBeNull();
  });

  test('an estimate is calls × per-call price plus cells moved × per-cell price', () => {
    const table = {
      defaultMs: 10,
      rules: [{ pattern: 'SpreadsheetApp.Range.getValues', ms: 30, perCellMs: 0.002 }],
    };
    const ms = estimateMs(
      table,
      { 'SpreadsheetApp.Range.getValues': 3, 'MailApp.sendEmail': 2 },
      { 'SpreadsheetApp.Range.getValues': 500000 },
    );
    expect(ms).toBeCloseTo(3 * 30 + 2 * 10 + 500000 * 0.002);
  });

  test('the built-in table prices mail and whole-file Drive work above batch Sheets reads, and per-cell loops above nothing', () => {
    const t = DEFAULT_LATENCY;
    expect(perCallMs(t, 'MailApp.sendEmail')).toBeGreaterThanOrEqual(100);
    expect(perCallMs(t, 'DriveApp.File.makeCopy')).toBeGreaterThan(
      perCallMs(t, 'MailApp.sendEmail'),
    );
    expect(perCallMs(t, 'SpreadsheetApp.Sheet.getRange')).toBeLessThan(10);
    expect(perCallMs(t, 'SpreadsheetApp.Range.getValue')).toBeGreaterThan(0);
    expect(perCallMs(t, 'PropertiesService.Properties.getProperty')).toBe(30);
    expect(perCallMs(t, 'ScriptApp.ClockTriggerBuilder.create')).toBe(300);
    expect(perCellMs(t, 'SpreadsheetApp.Range.setValues')).toBeGreaterThan(0);
    for (const rule of t.rules) expect(rule.source).toBeTruthy();
  });

  test('a table file replaces the built-in one; a malformed one fails naming the rule', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'latency-'));
    const file = path.join(dir, 'fast.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ defaultMs: 1, rules: [{ pattern: 'MailApp.*', ms: 50 }] }),
    );
    const table = loadLatencyTable(file);
    expect(perCallMs(table, 'MailApp.sendEmail')).toBe(50);
    expect(perCallMs(table, 'SpreadsheetApp.Range.getValues')).toBe(1);
    expect(() => parseLatencyTable('{"rules": []}')).toThrow('defaultMs');
    expect(() => parseLatencyTable('{"defaultMs": 1, "rules": [{"pattern": "x"}]}')).toThrow(
      'rules[0]',
    );
    expect(() =>
      parseLatencyTable('{"defaultMs": 1, "rules": [{"pattern": "x", "ms": 1, "perCellMs": -1}]}'),
    ).toThrow('perCellMs');
  });
});
