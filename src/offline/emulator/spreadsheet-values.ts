/**
 * Pure helpers of the emulated Sheets: A1 notation, the coercion Sheets applies to a typed or
 * script-written string, time-zone wall clocks and display formatting. No Apps Script objects here.
 */

/** What a cell holds, as `getValues()` returns it. */
export type CellValue = string | number | boolean | Date;

/** Sheets keeps at most this many characters in one cell. */
export const MAX_CELL_CHARS = 50000;
/** A spreadsheet holds at most ten million cells (all sheets together). */
export const MAX_CELLS = 10_000_000;
/** Column ZZZ is the last column Sheets can address. */
export const MAX_COLUMNS = 18278;

export const ERR = {
  tooManyChars: `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  sheetExists: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  removeAllSheets: "You can't remove all the sheets in a document.",
  hideAllSheets: "You can't hide all the sheets in a document.",
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  cellLimit: `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
  openById:
    'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  openByUrl:
    'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
  signature: (args: unknown[], method: string) =>
    `The parameters (${args.map(gasTypeName).join(',')}) don't match the method signature for ${method}.`,
};

/** How Apps Script names an argument's type in its "parameters don't match" message. */
function gasTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'number[]';
  return 'Object';
}

/** Dates may come from the sandbox's realm, where `instanceof Date` is false. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

// ---------------------------------------------------------------- A1 notation

export function columnToLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 reference; null bounds mean "to the edge of the sheet" ('A:A', '2:2', 'B2:D'). */
export interface A1Ref {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

const A1_PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;
const R1C1_PART = /^R(\d+)C(\d+)$/i;

/** Splits "'My sheet'!A1:B2" into the sheet name and the cell part. */
export function splitSheetName(a1: string): { sheetName: string | null; cells: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: a1 };
  let name = a1.slice(0, bang);
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, cells: a1.slice(bang + 1) };
}

/** Parses A1 notation as Sheets accepts it; throws 'Range not found' otherwise. */
export function parseA1(a1: string): A1Ref {
  if (typeof a1 !== 'string') throw new Error(ERR.rangeNotFound);
  const { sheetName, cells } = splitSheetName(a1.trim());
  const parts = cells.split(':');
  if (parts.length < 1 || parts.length > 2) throw new Error(ERR.rangeNotFound);
  // Live Apps Script also reads absolute R1C1 ('R5C3', 'R2C1:R3C4') — public live-test suite
  // (gas-fakes). A1 cannot be mistaken for it: a column's letters never have digits inside.
  const r1c1 = parts.map((part) => R1C1_PART.exec(part));
  if (r1c1.every((m) => m !== null)) {
    const [a, b = a] = r1c1.map((m) => ({ row: Number(m![1]), column: Number(m![2]) }));
    const cellsOk = [a, b].every((c) => c.row >= 1 && c.column >= 1 && c.column <= MAX_COLUMNS);
    if (!cellsOk) throw new Error(ERR.rangeNotFound);
    return {
      sheetName,
      startRow: Math.min(a.row, b.row),
      endRow: Math.max(a.row, b.row),
      startColumn: Math.min(a.column, b.column),
      endColumn: Math.max(a.column, b.column),
    };
  }
  const parsed = parts.map((part) => {
    const m = A1_PART.exec(part);
    if (!m || (m[1] === '' && m[2] === '')) throw new Error(ERR.rangeNotFound);
    const column = m[1] === '' ? null : lettersToColumn(m[1]);
    const row = m[2] === '' ? null : Number(m[2]);
    if (row === 0) throw new Error(ERR.rangeNotFound);
    if (column !== null && column > MAX_COLUMNS) throw new Error(ERR.rangeNotFound);
    return { row, column };
  });
  const [a, b = a] = parsed;
  if (parts.length === 1 && (a.row === null || a.column === null)) {
    // A lone 'A' or '3' is not a reference in Sheets.
    throw new Error(ERR.rangeNotFound);
  }
  // 'A:3' mixes a whole column with a whole row: not a rectangle.
  if ((a.column === null && b.row === null) || (a.row === null && b.column === null)) {
    throw new Error(ERR.rangeNotFound);
  }
  // A null end runs to the edge of the sheet ('B2:D'); a null start begins at 1 ('B:D5').
  const span = (x: number | null, y: number | null): [number | null, number | null] => {
    if (x !== null && y !== null) return [Math.min(x, y), Math.max(x, y)];
    if (x === null && y === null) return [null, null];
    return x !== null ? [x, null] : [1, y];
  };
  const [startRow, endRow] = span(a.row, b.row);
  const [startColumn, endColumn] = span(a.column, b.column);
  return { sheetName, startRow, startColumn, endRow, endColumn };
}

export function a1Of(
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
  unbounded: { rows: boolean; columns: boolean } = { rows: false, columns: false },
): string {
  const c1 = columnToLetters(column);
  const c2 = columnToLetters(column + numColumns - 1);
  const r2 = row + numRows - 1;
  if (unbounded.rows && unbounded.columns) return `${c1}:${c2}`;
  if (unbounded.rows) return row === 1 ? `${c1}:${c2}` : `${c1}${row}:${c2}`;
  if (unbounded.columns) return `${row}:${r2}`;
  if (numRows === 1 && numColumns === 1) return `${c1}${row}`;
  return `${c1}${row}:${c2}${r2}`;
}

// ---------------------------------------------------------------- time zones

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall-clock time an instant shows in a time zone. */
export function wallTimeOf(ms: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

function offsetAt(ms: number, timeZone: string): number {
  const w = wallTimeOf(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return asUtc - ms;
}

/** The instant at which a time zone's clock shows the given wall time (DST gaps move forward). */
export function instantOfWallTime(w: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  let guess = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(guess, timeZone);
  if (second !== guess) guess = Math.max(guess, second);
  return guess;
}

/** Sheets' serial day number (days since 1899-12-30 on the spreadsheet's wall clock). */
export function serialOf(date: Date, timeZone: string): number {
  const w = wallTimeOf(date.getTime(), timeZone);
  const utc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (utc - Date.UTC(1899, 11, 30)) / 86400000;
}

// ---------------------------------------------------------------- coercion

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TEXT = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export interface Coerced {
  value: CellValue;
  formula: string;
  /** The number format Sheets gives a cell when it recognises a date in typed text. */
  impliedFormat?: string;
}

function checkLength(text: string): void {
  if (text.length > MAX_CELL_CHARS) throw new Error(ERR.tooManyChars);
}

/**
 * What Sheets stores when a script (setValue/setValues/appendRow) or a person writes `input`
 * into a cell with number format `format` ('' = automatic).
 */
export function coerceInput(input: unknown, format: string, timeZone: string): Coerced {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (typeof input === 'number') {
    // NaN and ±Infinity cannot be stored as numbers; Sheets shows their text (assumption).
    if (!Number.isFinite(input)) return { value: String(input), formula: '' };
    return { value: input === 0 ? 0 : input, formula: '' };
  }
  if (typeof input === 'boolean') return { value: input, formula: '' };
  if (isDate(input)) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) return { value: 'Invalid Date', formula: '' };
    return { value: new Date(ms), formula: '' };
  }
  const text = typeof input === 'string' ? input : String(input);
  checkLength(text);
  if (format === '@') return { value: text, formula: '' };
  if (text === '') return { value: '', formula: '' };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  if (NUMBER_TEXT.test(text)) {
    // Sheets keeps 15 significant digits: an 18-digit ID number loses its last digits.
    const n = Number(Number(text).toPrecision(15));
    if (Number.isFinite(n)) return { value: n === 0 ? 0 : n, formula: '' };
  }
  const upper = text.toUpperCase();
  if (upper === 'TRUE') return { value: true, formula: '' };
  if (upper === 'FALSE') return { value: false, formula: '' };
  const d = DATE_TEXT.exec(text);
  if (d) {
    const [year, month, day] = [Number(d[1]), Number(d[3]), Number(d[4])];
    const hour = d[5] === undefined ? 0 : Number(d[5]);
    const minute = d[6] === undefined ? 0 : Number(d[6]);
    const second = d[7] === undefined ? 0 : Number(d[7]);
    const probe = new Date(Date.UTC(year, month - 1, day));
    const realDay =
      probe.getUTCFullYear() === year &&
      probe.getUTCMonth() === month - 1 &&
      probe.getUTCDate() === day;
    if (realDay && hour < 24 && minute < 60 && second < 60) {
      const ms = instantOfWallTime(
        { year, month, day, hour, minute, second, millisecond: 0 },
        timeZone,
      );
      return {
        value: new Date(ms),
        formula: '',
        impliedFormat: d[5] === undefined ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss',
      };
    }
  }
  return { value: text, formula: '' };
}

// ---------------------------------------------------------------- display

/** Sheets' default format for a date-time written by a script (en_US spreadsheet locale). */
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy H:mm:ss';

export function isDateFormat(format: string): boolean {
  const f = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[yd]/i.test(f) || /h/i.test(f) || /s/i.test(f.replace(/am\/pm/i, ''));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Formats a date with a Sheets date pattern (yyyy, yy, mmmm, mmm, mm, m, dd, d, hh, h, ss, am/pm). */
export function formatDate(date: Date, format: string, timeZone: string): string {
  const w = wallTimeOf(date.getTime(), timeZone);
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|[^ymdhs"\\]+|./gi) ?? [];
  const hasAmPm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.toLowerCase();
    const prev = tokens
      .slice(0, i)
      .reverse()
      .find((x) => /^[ymdhs]/i.test(x));
    const next = tokens.slice(i + 1).find((x) => /^[ymdhs]/i.test(x));
    if (t.startsWith('"')) out.push(t.slice(1, -1));
    else if (t.startsWith('\\')) out.push(t.slice(1));
    else if (lower === 'am/pm') out.push(w.hour < 12 ? 'AM' : 'PM');
    else if (lower === 'a/p') out.push(w.hour < 12 ? 'A' : 'P');
    else if (lower.startsWith('y'))
      out.push(lower.length <= 2 ? pad(w.year % 100, 2) : String(w.year));
    else if (lower.startsWith('d')) out.push(lower.length >= 2 ? pad(w.day, 2) : String(w.day));
    else if (lower.startsWith('h')) {
      const h = hasAmPm ? ((w.hour + 11) % 12) + 1 : w.hour;
      out.push(lower.length >= 2 ? pad(h, 2) : String(h));
    } else if (lower.startsWith('s')) out.push(pad(w.second, 2));
    else if (lower.startsWith('m')) {
      // 'm' right after an hour or right before seconds is minutes, as in Sheets and Excel.
      const minutes =
        (prev !== undefined && /^h/i.test(prev)) || (next !== undefined && /^s/i.test(next));
      if (minutes && lower.length <= 2)
        out.push(lower.length === 2 ? pad(w.minute, 2) : String(w.minute));
      else if (lower.length >= 4) out.push(MONTHS[w.month - 1]);
      else if (lower.length === 3) out.push(MONTHS[w.month - 1].slice(0, 3));
      else out.push(lower.length === 2 ? pad(w.month, 2) : String(w.month));
    } else out.push(t);
  }
  return out.join('');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Sheets' automatic number display: up to 10 significant digits, scientific when huge or tiny. */
function automaticNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mantissa, exp] = n.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${pad(Math.abs(e), 2)}`;
  }
  return String(Number(n.toPrecision(10)));
}

function formatNumber(n: number, format: string): string {
  const section = format.split(';')[0];
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const core = section.replace(/"[^"]*"/g, '').replace(/[^0#.,]/g, '');
  if (!/[0#]/.test(core)) return automaticNumber(n);
  const fraction = core.includes('.') ? core.split('.')[1] : '';
  const maxDecimals = (fraction.match(/[0#]/g) ?? []).length;
  const minDecimals = (fraction.match(/0/g) ?? []).length;
  let fixed = Math.abs(value).toFixed(maxDecimals);
  // '#' places are optional: Sheets drops their trailing zeros ('0.###' shows 1.5 as 1.5).
  while (fixed.includes('.') && fixed.split('.')[1].length > minDecimals && fixed.endsWith('0')) {
    fixed = fixed.slice(0, -1);
  }
  if (fixed.endsWith('.')) fixed = fixed.slice(0, -1);
  const [intPart, frac] = fixed.split('.');
  const body = (core.includes(',') ? groupThousands(intPart) : intPart) + (frac ? `.${frac}` : '');
  const prefix = section.slice(0, section.search(/[0#]/)).replace(/"/g, '');
  return `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${prefix}${body}${percent ? '%' : ''}`;
}

/** What `getDisplayValue()` shows for a stored value with a number format ('' = automatic). */
export function displayOf(value: CellValue, format: string, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const f = format && format !== '@' && isDateFormat(format) ? format : DEFAULT_DATE_FORMAT;
    return formatDate(value, f, timeZone);
  }
  if (format === '' || format === '@' || /^general$/i.test(format)) return automaticNumber(value);
  if (isDateFormat(format)) {
    const ms = Date.UTC(1899, 11, 30) + value * 86400000;
    return formatDate(new Date(ms), format, 'UTC');
  }
  return formatNumber(value, format);
}

/** A rough pixel width Sheets' auto-resize would pick for a text (CJK glyphs are wide). */
export function textWidthPx(text: string): number {
  let width = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) w += /[\u1100-\uFFFF]/.test(ch) ? 14 : 7;
    width = Math.max(width, w);
  }
  return width;
}
