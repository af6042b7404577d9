/**
 * The stored state of emulated spreadsheets (per account, in `ws.state('spreadsheets', …)`).
 * Plain data only; the fakes in spreadsheet-app.ts read and write it.
 */
import { Workspace } from './core';
import { DataValidation } from './spreadsheet-validation';
import {
  CellValue,
  ERR,
  MAX_CELLS,
  instantOfWallTime,
  isDate,
  wallTimeOf,
} from './spreadsheet-values';

export interface CellStyle {
  fontWeight?: 'bold' | 'normal';
  fontColor?: string;
  background?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

export interface Cell {
  value: CellValue;
  /** The formula text ('=…'), '' when the cell holds a plain value. */
  formula: string;
  note: string;
  /** Number format; '' is Sheets' automatic format. */
  format: string;
  validation: DataValidation | null;
  style: CellStyle;
}

export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface SheetData {
  id: number;
  name: string;
  rows: (Cell | undefined)[][];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
}

export type ProtectionKind = 'RANGE' | 'SHEET';

export interface ProtectionData {
  id: number;
  type: ProtectionKind;
  sheetId: number;
  /** The protected area (whole sheet for SHEET protections). */
  rect: Rect | null;
  unprotected: Rect[];
  description: string;
  warningOnly: boolean;
  /** Until its editors are changed a protection mirrors the spreadsheet's own permissions. */
  mirrorsSpreadsheet: boolean;
  editors: string[];
  creator: string;
  domainEdit: boolean;
}

export interface BookData {
  id: string;
  name: string;
  timeZone: string;
  /** File › Settings › Locale, e.g. `en_US` (getSpreadsheetLocale). */
  locale: string;
  owner: string;
  editors: string[];
  viewers: string[];
  sheets: SheetData[];
  activeSheetId: number;
  protections: ProtectionData[];
  namedRanges: Map<string, { sheetId: number; rect: Rect }>;
  sheetSeq: number;
  protectionSeq: number;
}

export interface SpreadsheetStore {
  books: Map<string, BookData>;
  boundId: string | null;
  seq: number;
}

export function spreadsheetStore(ws: Workspace): SpreadsheetStore {
  return ws.state<SpreadsheetStore>('spreadsheets', () => ({
    books: new Map(),
    boundId: null,
    seq: 0,
  }));
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export function newCell(): Cell {
  return { value: '', formula: '', note: '', format: '', validation: null, style: {} };
}

/** Sheet ids look random in Sheets (only the first is 0); these are deterministic. */
function sheetIdFor(seq: number): number {
  return seq === 0 ? 0 : (seq * 1234567891) % 2147483647;
}

export function newSheet(book: BookData, name: string, rows: number, columns: number): SheetData {
  const sheet: SheetData = {
    id: sheetIdFor(book.sheetSeq++),
    name,
    rows: [],
    maxRows: rows,
    maxColumns: columns,
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    tabColor: null,
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    hiddenRows: new Set(),
  };
  return sheet;
}

export function createBook(
  ws: Workspace,
  name: string,
  options: { owner?: string; timeZone?: string; rows?: number; columns?: number } = {},
): BookData {
  const store = spreadsheetStore(ws);
  const n = ++store.seq;
  // A 44-character id like Drive's, deterministic so that rehearsals are reproducible.
  const id = `1EmuSS${String(n).padStart(6, '0')}`.padEnd(44, 'x');
  const book: BookData = {
    id,
    name,
    timeZone: options.timeZone ?? ws.timeZone,
    // A real new spreadsheet takes its creator's language; the emulator's creator reads Chinese.
    locale: 'zh_CN',
    owner: options.owner ?? ws.owner,
    editors: [],
    viewers: [],
    sheets: [],
    activeSheetId: 0,
    protections: [],
    namedRanges: new Map(),
    sheetSeq: 0,
    protectionSeq: 0,
  };
  const first = newSheet(
    book,
    'Sheet1',
    options.rows ?? DEFAULT_ROWS,
    options.columns ?? DEFAULT_COLUMNS,
  );
  book.sheets.push(first);
  book.activeSheetId = first.id;
  store.books.set(id, book);
  return book;
}

export function cellAt(sheet: SheetData, row: number, column: number): Cell | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

export function cellFor(sheet: SheetData, row: number, column: number): Cell {
  const r = (sheet.rows[row - 1] ??= []);
  return (r[column - 1] ??= newCell());
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== '');
}

function isUsed(cell: Cell | undefined): boolean {
  if (!cell) return false;
  return (
    hasContent(cell) ||
    cell.note !== '' ||
    cell.format !== '' ||
    cell.validation !== null ||
    Object.keys(cell.style).length > 0
  );
}

/** The last row and column holding a value or formula (0 when the sheet is empty). */
export function contentExtent(sheet: SheetData): { lastRow: number; lastColumn: number } {
  return extent(sheet, hasContent);
}

/** The last row and column with anything at all (value, note, format, validation, style). */
export function usedExtent(sheet: SheetData): { lastRow: number; lastColumn: number } {
  return extent(sheet, isUsed);
}

function extent(
  sheet: SheetData,
  test: (cell: Cell | undefined) => boolean,
): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (test(cell)) {
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      }
    });
  });
  return { lastRow, lastColumn };
}

export function totalCells(book: BookData): number {
  return book.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
}

export function assertCellLimit(book: BookData, extra: number): void {
  if (totalCells(book) + extra > MAX_CELLS) throw new Error(ERR.cellLimit);
}

export function inRect(rect: Rect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.numRows &&
    column >= rect.column &&
    column < rect.column + rect.numColumns
  );
}

/**
 * Moves a 1-D span [start, start+count) when `delta` lines are inserted (delta > 0) before line
 * `at`, or deleted (delta < 0) starting at line `at`. Returns null when the span disappears.
 */
export function shiftSpan(
  start: number,
  count: number,
  at: number,
  delta: number,
): [number, number] | null {
  const end = start + count; // exclusive
  if (delta > 0) {
    if (at <= start) return [start + delta, count];
    if (at < end) return [start, count + delta];
    return [start, count];
  }
  const delEnd = at - delta; // exclusive
  const newStart = start < at ? start : Math.max(at, start + delta);
  const kept = count - Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
  if (kept <= 0) return null;
  return [start >= delEnd ? start + delta : newStart, kept];
}

/** Keeps protections and named ranges on the same cells when rows/columns move. */
export function shiftAnchors(
  book: BookData,
  sheetId: number,
  dimension: 'row' | 'column',
  at: number,
  delta: number,
): void {
  const move = (rect: Rect): Rect | null => {
    const [start, count] =
      dimension === 'row' ? [rect.row, rect.numRows] : [rect.column, rect.numColumns];
    const moved = shiftSpan(start, count, at, delta);
    if (!moved) return null;
    return dimension === 'row'
      ? { ...rect, row: moved[0], numRows: moved[1] }
      : { ...rect, column: moved[0], numColumns: moved[1] };
  };
  book.protections = book.protections.filter((p) => {
    if (p.sheetId !== sheetId) return true;
    p.unprotected = p.unprotected.map(move).filter((r): r is Rect => r !== null);
    if (p.type === 'SHEET' || !p.rect) return true;
    const moved = move(p.rect);
    // A protected range whose cells are all deleted disappears, as in Sheets.
    if (!moved) return false;
    p.rect = moved;
    return true;
  });
  for (const [name, named] of book.namedRanges) {
    if (named.sheetId !== sheetId) continue;
    const moved = move(named.rect);
    if (moved) named.rect = moved;
    else book.namedRanges.delete(name);
  }
}

/**
 * Sheets stores date-times as wall-clock serials: changing the spreadsheet's time zone keeps
 * the wall time and so moves the instant a stored Date stands for.
 */
export function rezoneDates(book: BookData, from: string, to: string): void {
  for (const sheet of book.sheets) {
    for (const row of sheet.rows) {
      if (!row) continue;
      for (const cell of row) {
        if (cell && isDate(cell.value)) {
          cell.value = new Date(instantOfWallTime(wallTimeOf(cell.value.getTime(), from), to));
        }
      }
    }
  }
}
