import {
  a1Of,
  coerceInput,
  columnToLetters,
  displayOf,
  instantOfWallTime,
  lettersToColumn,
  parseA1,
} from '../../../src/offline/emulator/spreadsheet-values';

const TZ = 'Asia/Shanghai';

describe('A1 notation', () => {
  test.each([
    ['A1', { startRow: 1, startColumn: 1, endRow: 1, endColumn: 1 }],
    ['A1:C3', { startRow: 1, startColumn: 1, endRow: 3, endColumn: 3 }],
    ['C3:A1', { startRow: 1, startColumn: 1, endRow: 3, endColumn: 3 }],
    ['A:A', { startRow: null, startColumn: 1, endRow: null, endColumn: 1 }],
    ['B:D', { startRow: null, startColumn: 2, endRow: null, endColumn: 4 }],
    ['2:2', { startRow: 2, startColumn: null, endRow: 2, endColumn: null }],
    ['B2:D', { startRow: 2, startColumn: 2, endRow: null, endColumn: 4 }],
    ['$A$1:$B$2', { startRow: 1, startColumn: 1, endRow: 2, endColumn: 2 }],
    ['aa10', { startRow: 10, startColumn: 27, endRow: 10, endColumn: 27 }],
    // Absolute R1C1, read by live Apps Script too (public live-test suite, gas-fakes).
    ['R5C3', { startRow: 5, startColumn: 3, endRow: 5, endColumn: 3 }],
    ['R2C1:R3C4', { startRow: 2, startColumn: 1, endRow: 3, endColumn: 4 }],
  ])('parses %s as Sheets reads it', (a1, expected) => {
    expect(parseA1(a1)).toMatchObject(expected);
  });

  test("parses a quoted sheet name such as 'It''s here'!A1:B2", () => {
    expect(parseA1("'It''s here'!A1:B2")).toMatchObject({
      sheetName: "It's here",
      startRow: 1,
      endColumn: 2,
    });
  });

  test.each(['', 'A', '3', 'A0', '1A', 'A1:B2:C3', 'A:3', 'foo bar', 'R0C1'])(
    "throws 'Range not found' for the invalid reference %p",
    (a1) => {
      expect(() => parseA1(a1)).toThrow('Range not found');
    },
  );

  test('converts column numbers and letters both ways (Z, AA, ZZ, AAA)', () => {
    for (const [n, s] of [
      [1, 'A'],
      [26, 'Z'],
      [27, 'AA'],
      [702, 'ZZ'],
      [703, 'AAA'],
    ] as const) {
      expect(columnToLetters(n)).toBe(s);
      expect(lettersToColumn(s)).toBe(n);
    }
  });

  test('getA1Notation forms: single cell, block, whole columns, whole rows', () => {
    expect(a1Of(1, 1, 1, 1)).toBe('A1');
    expect(a1Of(2, 2, 3, 3)).toBe('B2:D4');
    expect(a1Of(1, 1, 1000, 1, { rows: true, columns: false })).toBe('A:A');
    expect(a1Of(2, 1, 999, 1, { rows: true, columns: false })).toBe('A2:A');
    expect(a1Of(2, 1, 1, 26, { rows: false, columns: true })).toBe('2:2');
  });
});

describe('coercion of written strings (automatic format)', () => {
  test.each([
    ['123', 123],
    ['-5', -5],
    ['+3.5', 3.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['0123', 123],
  ])('the numeric string %p becomes the number %p', (input, expected) => {
    expect(coerceInput(input, '', TZ)).toEqual({ value: expected, formula: '' });
  });

  test('an 18-digit ID number keeps only 15 significant digits, as in Sheets', () => {
    expect(coerceInput('110101199003071234', '', TZ).value).toBe(110101199003071000);
  });

  test.each([
    ['TRUE', true],
    ['false', false],
    ['True', true],
  ])('%p becomes the boolean %p', (input, expected) => {
    expect(coerceInput(input, '', TZ).value).toBe(expected);
  });

  test("a leading apostrophe stores the rest as plain text ('0123 → '0123' text)", () => {
    expect(coerceInput("'0123", '', TZ)).toEqual({ value: '0123', formula: '' });
    expect(coerceInput("'=1+1", '', TZ)).toEqual({ value: '=1+1', formula: '' });
  });

  test("a string starting with '=' is stored as a formula, not as a value", () => {
    expect(coerceInput('=SUM(A1:A3)', '', TZ)).toEqual({ value: '', formula: '=SUM(A1:A3)' });
  });

  test("in a plain-text ('@') cell strings are kept verbatim: no number, no formula", () => {
    expect(coerceInput('=SUM(A1)', '@', TZ)).toEqual({ value: '=SUM(A1)', formula: '' });
    expect(coerceInput('0123', '@', TZ)).toEqual({ value: '0123', formula: '' });
    expect(coerceInput('TRUE', '@', TZ)).toEqual({ value: 'TRUE', formula: '' });
  });

  test('yyyy-MM-dd becomes a Date at midnight of the spreadsheet time zone', () => {
    const c = coerceInput('2014-05-20', '', TZ);
    expect(c.value).toEqual(new Date('2014-05-20T00:00:00+08:00'));
    expect(c.impliedFormat).toBe('yyyy-mm-dd');
  });

  test('yyyy/M/d HH:mm[:ss] becomes a Date at that wall time', () => {
    expect(coerceInput('2014/5/2 9:30', '', TZ).value).toEqual(
      new Date('2014-05-02T09:30:00+08:00'),
    );
    expect(coerceInput('2014-05-02 18:00:05', '', 'Europe/London').value).toEqual(
      new Date('2014-05-02T18:00:05+01:00'),
    );
  });

  test('an impossible date such as 2014-02-30 stays text', () => {
    expect(coerceInput('2014-02-30', '', TZ).value).toBe('2014-02-30');
  });

  test('other strings, numbers, booleans and Dates are stored as given; null/undefined as empty', () => {
    expect(coerceInput('U01', '', TZ).value).toBe('U01');
    expect(coerceInput(42, '', TZ).value).toBe(42);
    expect(coerceInput(false, '', TZ).value).toBe(false);
    const d = new Date('2014-05-20T01:00:00Z');
    const stored = coerceInput(d, '', TZ).value as Date;
    expect(stored).toEqual(d);
    expect(stored).not.toBe(d);
    expect(coerceInput(null, '', TZ).value).toBe('');
    expect(coerceInput(undefined, '', TZ).value).toBe('');
  });

  test("throws 'Your input contains more than the maximum of 50000 characters in a single cell.' past 50,000", () => {
    expect(() => coerceInput('x'.repeat(50001), '', TZ)).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(coerceInput('x'.repeat(50000), '', TZ).value).toHaveLength(50000);
  });
});

describe('display values', () => {
  test('booleans show TRUE/FALSE, numbers in automatic format, dates as M/d/yyyy H:mm:ss', () => {
    expect(displayOf(true, '', TZ)).toBe('TRUE');
    expect(displayOf(0.1 + 0.2, '', TZ)).toBe('0.3');
    expect(displayOf(1234, '', TZ)).toBe('1234');
    expect(displayOf(new Date('2014-05-20T01:00:00Z'), '', TZ)).toBe('5/20/2014 9:00:00');
  });

  test('explicit number and date formats are applied', () => {
    expect(displayOf(1234.5, '#,##0.00', TZ)).toBe('1,234.50');
    expect(displayOf(0.256, '0.0%', TZ)).toBe('25.6%');
    expect(displayOf(1.5, '0.###', TZ)).toBe('1.5');
    expect(displayOf(new Date('2014-05-20T01:02:03Z'), 'yyyy-mm-dd hh:mm', TZ)).toBe(
      '2014-05-20 09:02',
    );
  });

  test('wall time conversion round-trips across a DST change', () => {
    const ms = instantOfWallTime(
      { year: 2014, month: 3, day: 30, hour: 12, minute: 0, second: 0, millisecond: 0 },
      'Europe/Berlin',
    );
    expect(new Date(ms).toISOString()).toBe('2014-03-30T10:00:00.000Z');
  });
});
