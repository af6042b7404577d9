/**
 * The emulated SpreadsheetApp: Spreadsheet, Sheet, Range and Protection over the plain state of
 * spreadsheet-model.ts. Value semantics follow Sheets (see docs/fidelity/spreadsheet.md).
 *
 * Host side: `createBoundSpreadsheet(ws, name)` (or `SpreadsheetApp._createBound(name)`) makes the
 * container spreadsheet of the script; `Spreadsheet._snapshot()` is everything the .xlsx exporter
 * needs; `Spreadsheet._userEdit(...)` applies a person's typing with protections and validation.
 */
import { Faithful, Workspace } from './core';
import {
  BookData,
  Cell,
  CellStyle,
  DEFAULT_COLUMN_WIDTH,
  ProtectionData,
  ProtectionKind,
  Rect,
  SheetData,
  assertCellLimit,
  cellAt,
  cellFor,
  contentExtent,
  createBook,
  inRect,
  newSheet,
  rezoneDates,
  shiftAnchors,
  spreadsheetStore,
  usedExtent,
} from './spreadsheet-model';
import { Ui, User, assertUiContext, emailOf, uiState } from './spreadsheet-ui';
import {
  DataValidation,
  DataValidationBuilder,
  DataValidationCriteria,
  ValidationSnapshot,
} from './spreadsheet-validation';
import {
  CellValue,
  Coerced,
  DEFAULT_DATE_FORMAT,
  ERR,
  MAX_CELL_CHARS,
  a1Of,
  coerceInput,
  displayOf,
  instantOfWallTime,
  isDate,
  isDateFormat,
  parseA1,
  serialOf,
  splitSheetName,
  textWidthPx,
} from './spreadsheet-values';

/** What the fakes need of a Sheet/Range argument: real Apps Script objects and fakes both fit. */
type GasSheet = { getSheetId(): number };
type GasRange = {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getSheet(): { getSheetId(): number };
};
type AnyValidation = GoogleAppsScript.Spreadsheet.DataValidation | DataValidation;
type GasProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GasUser = GoogleAppsScript.Base.User;

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;
export const BorderStyle = {
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOUBLE: 'DOUBLE',
} as const;

/** What getNumberFormat() reports for a cell left in Sheets' automatic format. */
const AUTOMATIC_FORMAT = '0.###############';

// ------------------------------------------------------------------ shared context

interface Ctx {
  ws: Workspace;
  book: BookData;
}

function currentUser(ws: Workspace, book: BookData): string {
  return ws.hasExecution() ? ws.execution().effectiveUser : book.owner;
}

function findSheet(book: BookData, id: number): SheetData {
  const sheet = book.sheets.find((s) => s.id === id);
  // Apps Script reports a deleted sheet object the same way (assumption: wording unverified).
  if (!sheet) throw new Error('The sheet has been deleted.');
  return sheet;
}

function isEditorOf(book: BookData, email: string): boolean {
  const e = email.toLowerCase();
  return e === book.owner.toLowerCase() || book.editors.some((x) => x.toLowerCase() === e);
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Whether `email` may edit under this protection (ignoring warning-only). */
function protectionAllows(book: BookData, p: ProtectionData, email: string): boolean {
  const e = email.toLowerCase();
  if (e === book.owner.toLowerCase()) return true;
  if (p.mirrorsSpreadsheet) return isEditorOf(book, email);
  if (p.editors.some((x) => x.toLowerCase() === e)) return true;
  return p.domainEdit && domainOf(email) === domainOf(book.owner) && isEditorOf(book, email);
}

function protects(p: ProtectionData, sheet: SheetData, row: number, column: number): boolean {
  if (p.sheetId !== sheet.id) return false;
  if (p.type === 'RANGE') return p.rect !== null && inRect(p.rect, row, column);
  return !p.unprotected.some((r) => inRect(r, row, column));
}

/** Why `email` cannot edit the cell, or null when they can (the owner always can). */
function editRefusal(book: BookData, sheet: SheetData, email: string, row: number, column: number) {
  if (email.toLowerCase() === book.owner.toLowerCase()) return null;
  if (!isEditorOf(book, email)) return 'not an editor of the spreadsheet';
  for (const p of book.protections) {
    if (p.warningOnly || !protects(p, sheet, row, column)) continue;
    if (!protectionAllows(book, p, email)) return 'protected';
  }
  return null;
}

/** Script writes run as the effective user: a protected cell they may not edit throws. */
function assertScriptMayWrite(ctx: Ctx, sheet: SheetData, rect: Rect): void {
  if (!ctx.ws.hasExecution()) return;
  const user = ctx.ws.execution().effectiveUser;
  if (user.toLowerCase() === ctx.book.owner.toLowerCase()) return;
  const relevant = ctx.book.protections.filter(
    (p) => p.sheetId === sheet.id && !p.warningOnly && !protectionAllows(ctx.book, p, user),
  );
  if (relevant.length === 0 && isEditorOf(ctx.book, user)) return;
  if (!isEditorOf(ctx.book, user)) throw new Error(ERR.protectedCell);
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      if (relevant.some((p) => protects(p, sheet, r, c))) throw new Error(ERR.protectedCell);
    }
  }
}

/** Optional trailing arguments may be omitted; an undefined in the middle is a real argument. */
function trimTrailingUndefined(args: unknown[]): unknown[] {
  const out = [...args];
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}

function assertWholeNumber(args: unknown[], method: string): void {
  if (args.some((a) => typeof a !== 'number' || !Number.isFinite(a))) {
    throw new Error(ERR.signature(args, method));
  }
}

/** Applies a Sheets value read-back: the number format decides Date vs number. */
function readValue(cell: Cell | undefined, timeZone: string): CellValue {
  if (!cell) return '';
  const v = cell.value;
  const explicit = cell.format !== '' && cell.format !== '@';
  if (typeof v === 'number' && explicit && isDateFormat(cell.format)) {
    return dateOfSerial(v, timeZone);
  }
  if (isDate(v)) {
    if (explicit && !isDateFormat(cell.format)) return serialOf(v, timeZone);
    return new Date(v.getTime());
  }
  return v;
}

function dateOfSerial(serial: number, timeZone: string): Date {
  const utc = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
  return new Date(
    instantOfWallTime(
      {
        year: utc.getUTCFullYear(),
        month: utc.getUTCMonth() + 1,
        day: utc.getUTCDate(),
        hour: utc.getUTCHours(),
        minute: utc.getUTCMinutes(),
        second: utc.getUTCSeconds(),
        millisecond: utc.getUTCMilliseconds(),
      },
      timeZone,
    ),
  );
}

function storeCoerced(cell: Cell, coerced: Coerced): void {
  cell.value = coerced.value;
  cell.formula = coerced.formula;
  if (cell.format === '') {
    // Sheets gives an automatic cell a date format when it receives a date.
    if (coerced.impliedFormat) cell.format = coerced.impliedFormat;
    else if (isDate(coerced.value)) cell.format = DEFAULT_DATE_FORMAT;
  }
}

function displayOfCell(cell: Cell | undefined, timeZone: string): string {
  if (!cell || cell.formula !== '') return '';
  return displayOf(cell.value, cell.format, timeZone);
}

function checkShape(values: unknown, numRows: number, numColumns: number, method: string): void {
  if (!Array.isArray(values)) throw new Error(ERR.signature([values], method));
  if (values.length !== numRows) throw new Error(ERR.rowsMismatch(values.length, numRows));
  for (const row of values) {
    if (!Array.isArray(row)) {
      throw new Error(ERR.signature([values], method).replace('(number[])', '(Object[])'));
    }
    if (row.length !== numColumns) throw new Error(ERR.columnsMismatch(row.length, numColumns));
  }
}

// ------------------------------------------------------------------ SpreadsheetApp

export class SpreadsheetApp implements Faithful<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  | 'create'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveSheet'
> {
  static readonly gasName = 'SpreadsheetApp';
  static readonly gasEnums = {
    DataValidationCriteria,
    ProtectionType,
    WrapStrategy,
    BorderStyle,
  };

  constructor(private readonly ws: Workspace) {}

  /**
   * The container spreadsheet. A standalone script gets null (the d.ts omits null, Apps Script
   * does not), hence the casts.
   */
  getActiveSpreadsheet(): Spreadsheet {
    const store = spreadsheetStore(this.ws);
    const book = store.boundId ? store.books.get(store.boundId) : undefined;
    return (book ? new Spreadsheet(this.ws, book) : null) as Spreadsheet;
  }

  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): Sheet {
    const ss = this.getActiveSpreadsheet() as Spreadsheet | null;
    return (ss ? ss.getActiveSheet() : null) as Sheet;
  }

  setActiveSheet(sheet: GasSheet, restoreSelection?: boolean): Sheet {
    void restoreSelection;
    const ss = this.getActiveSpreadsheet() as Spreadsheet | null;
    if (!ss) throw new Error(ERR.signature([sheet], 'SpreadsheetApp.setActiveSheet'));
    return ss.setActiveSheet(sheet);
  }

  openById(id: string): Spreadsheet {
    const book = spreadsheetStore(this.ws).books.get(String(id));
    if (!book) throw new Error(ERR.openById);
    return this._opened(book);
  }

  openByUrl(url: string): Spreadsheet {
    const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    const book = m ? spreadsheetStore(this.ws).books.get(m[1]) : undefined;
    if (!book) throw new Error(ERR.openByUrl);
    return this._opened(book);
  }

  private _opened(book: BookData): Spreadsheet {
    const user = currentUser(this.ws, book);
    const e = user.toLowerCase();
    if (!isEditorOf(book, user) && !book.viewers.some((v) => v.toLowerCase() === e)) {
      throw new Error('You do not have permission to access the requested document.');
    }
    return new Spreadsheet(this.ws, book);
  }

  create(name: string, rows?: number, columns?: number): Spreadsheet {
    const book = createBook(this.ws, String(name), {
      owner: this.ws.hasExecution() ? this.ws.execution().effectiveUser : this.ws.owner,
      rows,
      columns,
    });
    return new Spreadsheet(this.ws, book);
  }

  /** Writes are applied at once in the emulator; flush only marks the boundary. */
  flush(): void {}

  getUi(): Ui {
    assertUiContext(this.ws);
    return new Ui(this.ws);
  }

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }

  // ---- host side

  /** Creates the spreadsheet the script is bound to (the host's "new spreadsheet"). */
  _createBound(name: string, options: { owner?: string; timeZone?: string } = {}): Spreadsheet {
    return createBoundSpreadsheet(this.ws, name, options);
  }

  /** Every spreadsheet of the account, in creation order. */
  _all(): Spreadsheet[] {
    return allSpreadsheets(this.ws);
  }

  _ui(): Ui {
    return new Ui(this.ws);
  }
}

/** Host: creates the container spreadsheet of the script (getActiveSpreadsheet returns it). */
export function createBoundSpreadsheet(
  ws: Workspace,
  name: string,
  options: { owner?: string; timeZone?: string } = {},
): Spreadsheet {
  const book = createBook(ws, name, options);
  spreadsheetStore(ws).boundId = book.id;
  return new Spreadsheet(ws, book);
}

/** Host: a spreadsheet by id, or null. */
export function spreadsheetById(ws: Workspace, id: string): Spreadsheet | null {
  const book = spreadsheetStore(ws).books.get(id);
  return book ? new Spreadsheet(ws, book) : null;
}

/** Host: every spreadsheet of the account, in creation order. */
export function allSpreadsheets(ws: Workspace): Spreadsheet[] {
  return [...spreadsheetStore(ws).books.values()].map((b) => new Spreadsheet(ws, b));
}

// ------------------------------------------------------------------ snapshots

export interface ProtectionSnapshot {
  type: ProtectionKind;
  /** A1 of the protected range; null for a whole-sheet protection. */
  range: string | null;
  unprotectedRanges: string[];
  description: string;
  warningOnly: boolean;
  /** Who may edit; null while the protection still mirrors the spreadsheet's editors. */
  editors: string[] | null;
}

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  /** Extent of values/formulas (getLastRow/getLastColumn). */
  lastRow: number;
  lastColumn: number;
  /**
   * The grids below all cover rows 1..usedRows × columns 1..usedColumns: the extent of anything
   * in the sheet (values, notes, formats, validations, styles), so nothing is lost.
   */
  usedRows: number;
  usedColumns: number;
  /** As getValues() returns them (Dates for date cells, '' for empty and formula cells). */
  cells: CellValue[][];
  formulas: string[][];
  displayValues: string[][];
  notes: string[][];
  /** '' where the cell has Sheets' automatic format. */
  numberFormats: string[][];
  validations: (ValidationSnapshot | null)[][];
  styles: (CellStyle | null)[][];
  /** Pixel width per column 1..usedColumns (100 when never set). */
  columnWidths: number[];
  hiddenColumns: number[];
  protections: ProtectionSnapshot[];
}

export interface SpreadsheetSnapshot {
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  editors: string[];
  sheets: SheetSnapshot[];
}

export interface UserEditResult {
  accepted: boolean;
  /** 'protected' | 'invalid' | 'not an editor of the spreadsheet' when refused. */
  reason?: string;
  oldValue: CellValue;
  newValue: CellValue;
  /** The onEdit event fields Apps Script would pass (only when accepted). */
  event?: {
    range: Range;
    source: Spreadsheet;
    user: User;
    /** The new value as text (Sheets passes strings; dates as serial numbers); absent when cleared. */
    value?: string;
    oldValue?: string;
  };
}

function eventText(value: CellValue, timeZone: string): string | undefined {
  if (value === '') return undefined;
  if (isDate(value)) return String(serialOf(value, timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

// ------------------------------------------------------------------ Spreadsheet

export class Spreadsheet implements Faithful<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getNumSheets'
  | 'getOwner'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'getViewers'
  | 'insertSheet'
  | 'removeEditor'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast'
> {
  static readonly gasName = 'SpreadsheetApp.Spreadsheet';

  constructor(
    private readonly ws: Workspace,
    private readonly book: BookData,
  ) {}

  private _sheetObject(sheet: SheetData): Sheet {
    return new Sheet(this.ws, this.book, sheet.id);
  }

  getId(): string {
    return this.book.id;
  }
  getName(): string {
    return this.book.name;
  }
  rename(newName: string): void {
    this.book.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.book.id}/edit`;
  }

  getSheets(): Sheet[] {
    return this.book.sheets.map((s) => this._sheetObject(s));
  }
  getNumSheets(): number {
    return this.book.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const sheet = findByName(this.book, String(name));
    return sheet ? this._sheetObject(sheet) : null;
  }
  getSheetById(id: number): Sheet | null {
    const sheet = this.book.sheets.find((s) => s.id === Number(id));
    return sheet ? this._sheetObject(sheet) : null;
  }

  getActiveSheet(): Sheet {
    const sheet =
      this.book.sheets.find((s) => s.id === this.book.activeSheetId) ?? this.book.sheets[0];
    return this._sheetObject(sheet);
  }

  setActiveSheet(sheet: GasSheet, restoreSelection?: boolean): Sheet {
    void restoreSelection;
    const data = findSheet(this.book, sheet.getSheetId());
    this.book.activeSheetId = data.id;
    return this._sheetObject(data);
  }

  insertSheet(
    nameOrIndex?: string | number | { template?: GasSheet },
    indexOrOptions?: number | { template?: GasSheet },
    options?: { template?: GasSheet },
  ): Sheet {
    void options;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof nameOrIndex === 'string') name = nameOrIndex;
    else if (typeof nameOrIndex === 'number') index = nameOrIndex;
    if (typeof indexOrOptions === 'number') index = indexOrOptions;
    if (name === undefined) {
      let n = this.book.sheets.length + 1;
      while (findByName(this.book, `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (findByName(this.book, name)) throw new Error(ERR.sheetExists(name));
    assertCellLimit(this.book, 1000 * 26);
    const sheet = newSheet(this.book, name, 1000, 26);
    // Without an index the new sheet goes right after the active one, and becomes active.
    const active = this.book.sheets.findIndex((s) => s.id === this.book.activeSheetId);
    const at =
      index === undefined
        ? active + 1
        : Math.max(0, Math.min(Math.trunc(index), this.book.sheets.length));
    this.book.sheets.splice(at, 0, sheet);
    this.book.activeSheetId = sheet.id;
    return this._sheetObject(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    const data = findSheet(this.book, sheet.getSheetId());
    if (this.book.sheets.length === 1) throw new Error(ERR.removeAllSheets);
    const at = this.book.sheets.indexOf(data);
    this.book.sheets.splice(at, 1);
    this.book.protections = this.book.protections.filter((p) => p.sheetId !== data.id);
    for (const [name, named] of this.book.namedRanges) {
      if (named.sheetId === data.id) this.book.namedRanges.delete(name);
    }
    if (this.book.activeSheetId === data.id) {
      this.book.activeSheetId = this.book.sheets[Math.max(0, at - 1)].id;
    }
  }

  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.book.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.book.locale = String(locale);
  }
  setSpreadsheetTimeZone(timezone: string): void {
    const tz = String(timezone);
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      throw new Error(`Invalid argument: timezone`);
    }
    rezoneDates(this.book, this.book.timeZone, tz);
    this.book.timeZone = tz;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    uiState(this.ws).toasts.push({
      spreadsheetId: this.book.id,
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? 5 : timeoutSeconds,
      at: this.ws.now(),
      executionId: this.ws.hasExecution() ? this.ws.execution().id : null,
    });
  }

  getRange(a1Notation: string): Range {
    const { sheetName } = splitSheetName(String(a1Notation));
    const sheet =
      sheetName === null
        ? this.getActiveSheet()
        : (() => {
            const s = findByName(this.book, sheetName);
            if (!s) throw new Error(ERR.rangeNotFound);
            return this._sheetObject(s);
          })();
    return sheet.getRange(splitSheetName(String(a1Notation)).cells);
  }

  setNamedRange(name: string, range: GasRange): void {
    const sheet = findSheet(this.book, range.getSheet().getSheetId());
    this.book.namedRanges.set(String(name), {
      sheetId: sheet.id,
      rect: {
        row: range.getRow(),
        column: range.getColumn(),
        numRows: range.getNumRows(),
        numColumns: range.getNumColumns(),
      },
    });
  }
  getRangeByName(name: string): Range | null {
    const named = this.book.namedRanges.get(String(name));
    if (!named) return null;
    const { row, column, numRows, numColumns } = named.rect;
    return new Sheet(this.ws, this.book, named.sheetId).getRange(row, column, numRows, numColumns);
  }
  removeNamedRange(name: string): void {
    this.book.namedRanges.delete(String(name));
  }

  getProtections(type: GasProtectionType): Protection[] {
    const kind = String(type);
    return this.book.protections
      .filter((p) => p.type === kind)
      .map((p) => new Protection(this.ws, this.book, p.id));
  }

  addEditor(user: string | GasUser): Spreadsheet {
    const email = emailOf(user);
    if (!isEditorOf(this.book, email)) this.book.editors.push(email);
    return this;
  }
  addEditors(emailAddresses: string[]): Spreadsheet {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  removeEditor(user: string | GasUser): Spreadsheet {
    const e = emailOf(user).toLowerCase();
    this.book.editors = this.book.editors.filter((x) => x.toLowerCase() !== e);
    return this;
  }
  /** Assumption: the owner is listed first among the editors. */
  getEditors(): User[] {
    return [this.book.owner, ...this.book.editors].map((e) => new User(e));
  }
  getOwner(): User {
    return new User(this.book.owner);
  }
  addViewer(user: string | GasUser): Spreadsheet {
    const email = emailOf(user);
    if (!this.book.viewers.includes(email)) this.book.viewers.push(email);
    return this;
  }
  addViewers(emailAddresses: string[]): Spreadsheet {
    for (const e of emailAddresses) this.addViewer(e);
    return this;
  }
  getViewers(): User[] {
    return this.book.viewers.map((e) => new User(e));
  }

  // ---- host side

  /** Everything the .xlsx exporter and the tests need, as plain data. */
  _snapshot(): SpreadsheetSnapshot {
    return {
      id: this.book.id,
      name: this.book.name,
      timeZone: this.book.timeZone,
      owner: this.book.owner,
      editors: [...this.book.editors],
      sheets: this.book.sheets.map((s) => new Sheet(this.ws, this.book, s.id)._snapshot()),
    };
  }

  _sheet(name: string): Sheet {
    const sheet = findByName(this.book, name);
    if (!sheet) throw new Error(`no sheet named "${name}" in "${this.book.name}"`);
    return this._sheetObject(sheet);
  }

  /** Whether `email` may edit the cell as a person in the Sheets UI (owner always can). */
  _canEdit(email: string, sheetName: string, row: number, column: number): boolean {
    return this._sheet(sheetName)._canEdit(email, row, column);
  }

  /**
   * A person types `typed` into one cell. Sheets refuses the edit when the cell is protected
   * against them, or when it fails a validation rule that rejects input; otherwise the value is
   * coerced as typing coerces it and stored. Firing onEdit is the caller's job.
   */
  _userEdit(sheetName: string, a1: string, typed: unknown, userEmail: string): UserEditResult {
    const sheet = this._sheet(sheetName);
    const range = sheet.getRange(a1).getCell(1, 1);
    const data = findSheet(this.book, sheet.getSheetId());
    const row = range.getRow();
    const column = range.getColumn();
    const cell = cellAt(data, row, column);
    const oldValue = readValue(cell, this.book.timeZone);
    const coerced = coerceInput(typed, cell?.format ?? '', this.book.timeZone);
    const refusal = editRefusal(this.book, data, userEmail, row, column);
    if (refusal) return { accepted: false, reason: refusal, oldValue, newValue: oldValue };
    if (cell?.validation && coerced.formula === '' && !cell.validation._isValid(coerced.value)) {
      return { accepted: false, reason: 'invalid', oldValue, newValue: oldValue };
    }
    storeCoerced(cellFor(data, row, column), coerced);
    const newValue = readValue(cellAt(data, row, column), this.book.timeZone);
    const event: NonNullable<UserEditResult['event']> = {
      range,
      source: this,
      user: new User(this.ws.visibleIdentity(userEmail)),
    };
    const value = eventText(newValue, this.book.timeZone);
    const old = eventText(oldValue, this.book.timeZone);
    if (value !== undefined) event.value = value;
    if (old !== undefined) event.oldValue = old;
    return { accepted: true, oldValue, newValue, event };
  }

  /** Toasts shown by scripts for this spreadsheet. */
  _toasts() {
    return uiState(this.ws).toasts.filter((t) => t.spreadsheetId === this.book.id);
  }
}

function findByName(book: BookData, name: string): SheetData | undefined {
  // Sheets treats sheet names case-insensitively (no two sheets 'Log' and 'LOG').
  const lower = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === lower);
}

// ------------------------------------------------------------------ Sheet

export class Sheet implements Faithful<
  GoogleAppsScript.Spreadsheet.Sheet,
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'hideColumns'
  | 'hideRows'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isColumnHiddenByUser'
  | 'isRowHiddenByUser'
  | 'isSheetHidden'
  | 'protect'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showColumns'
  | 'showRows'
  | 'showSheet'
> {
  static readonly gasName = 'SpreadsheetApp.Sheet';

  constructor(
    private readonly ws: Workspace,
    private readonly book: BookData,
    private readonly sheetId: number,
  ) {}

  private get _data(): SheetData {
    return findSheet(this.book, this.sheetId);
  }

  private _ctx(): Ctx {
    return { ws: this.ws, book: this.book };
  }

  getName(): string {
    return this._data.name;
  }
  getSheetName(): string {
    return this._data.name;
  }
  setName(name: string): Sheet {
    const n = String(name);
    const clash = findByName(this.book, n);
    if (clash && clash.id !== this.sheetId) throw new Error(ERR.sheetExists(n));
    this._data.name = n;
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.book.sheets.indexOf(this._data) + 1;
  }
  getParent(): Spreadsheet {
    return new Spreadsheet(this.ws, this.book);
  }
  activate(): Sheet {
    this._data.hidden = false;
    this.book.activeSheetId = this.sheetId;
    return this;
  }

  getRange(
    rowOrA1: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): Range {
    const data = this._data;
    if (typeof rowOrA1 === 'string' && column === undefined) {
      const ref = parseA1(rowOrA1);
      const row = ref.startRow ?? 1;
      const col = ref.startColumn ?? 1;
      const endRow = ref.endRow ?? data.maxRows;
      const endCol = ref.endColumn ?? data.maxColumns;
      if (endRow > data.maxRows || endCol > data.maxColumns || row > endRow || col > endCol) {
        throw new Error(ERR.outside);
      }
      return new Range(this.ws, this.book, this.sheetId, {
        row,
        column: col,
        numRows: endRow - row + 1,
        numColumns: endCol - col + 1,
        rowsUnbounded: ref.endRow === null,
        columnsUnbounded: ref.endColumn === null,
      });
    }
    const args = trimTrailingUndefined([rowOrA1, column, numRows, numColumns]);
    if (args.length < 2) throw new Error(ERR.signature(args, 'SpreadsheetApp.Sheet.getRange'));
    assertWholeNumber(args, 'SpreadsheetApp.Sheet.getRange');
    return rangeAt(this.ws, this.book, this.sheetId, {
      row: Math.trunc(rowOrA1 as number),
      column: Math.trunc(column as number),
      numRows: numRows === undefined ? 1 : Math.trunc(numRows),
      numColumns: numColumns === undefined ? 1 : Math.trunc(numColumns),
    });
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): CellValue[][] {
    // -1 means "to the last row/column with content", as documented for getSheetValues.
    const { lastRow, lastColumn } = contentExtent(this._data);
    const nr = numRows === -1 ? lastRow - startRow + 1 : numRows;
    const nc = numColumns === -1 ? lastColumn - startColumn + 1 : numColumns;
    return this.getRange(startRow, startColumn, nr, nc).getValues();
  }

  getDataRange(): Range {
    const { lastRow, lastColumn } = contentExtent(this._data);
    return this.getRange(1, 1, Math.max(1, lastRow), Math.max(1, lastColumn));
  }
  getLastRow(): number {
    return contentExtent(this._data).lastRow;
  }
  getLastColumn(): number {
    return contentExtent(this._data).lastColumn;
  }
  getMaxRows(): number {
    return this._data.maxRows;
  }
  getMaxColumns(): number {
    return this._data.maxColumns;
  }

  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new Error(ERR.signature([rowContents], 'SpreadsheetApp.Sheet.appendRow'));
    }
    const data = this._data;
    const row = contentExtent(data).lastRow + 1;
    const coerced = rowContents.map((v, i) =>
      coerceInput(v, cellAt(data, row, i + 1)?.format ?? '', this.book.timeZone),
    );
    const extraRows = Math.max(0, row - data.maxRows);
    const extraColumns = Math.max(0, rowContents.length - data.maxColumns);
    assertCellLimit(
      this.book,
      extraRows * data.maxColumns + extraColumns * (data.maxRows + extraRows),
    );
    assertScriptMayWrite(this._ctx(), data, {
      row,
      column: 1,
      numRows: 1,
      numColumns: Math.min(rowContents.length, data.maxColumns),
    });
    // appendRow grows the sheet when it is full, unlike setValues.
    data.maxRows += extraRows;
    data.maxColumns += extraColumns;
    coerced.forEach((c, i) => storeCoerced(cellFor(data, row, i + 1), c));
    return this;
  }

  private _insertLines(
    dimension: 'row' | 'column',
    before: number,
    howMany: number,
    inheritFrom: number | null,
  ): void {
    const data = this._data;
    const method = dimension === 'row' ? 'insertRows' : 'insertColumns';
    assertWholeNumber([before, howMany], `SpreadsheetApp.Sheet.${method}`);
    const max = dimension === 'row' ? data.maxRows : data.maxColumns;
    if (before < 1 || before > max + 1) {
      throw new Error(dimension === 'row' ? ERR.rowsOutOfBounds : ERR.columnsOutOfBounds);
    }
    if (howMany < 1) {
      throw new Error(dimension === 'row' ? ERR.rowsAtLeastOne : ERR.columnsAtLeastOne);
    }
    assertCellLimit(this.book, howMany * (dimension === 'row' ? data.maxColumns : data.maxRows));
    // New lines take the formatting (number format, style, validation) of their neighbour.
    const template = (cells: (Cell | undefined)[]): (Cell | undefined)[] =>
      cells.map((c) =>
        c && (c.format !== '' || c.validation || Object.keys(c.style).length > 0)
          ? {
              value: '',
              formula: '',
              note: '',
              format: c.format,
              validation: c.validation,
              style: { ...c.style },
            }
          : undefined,
      );
    if (dimension === 'row') {
      const source = inheritFrom === null ? [] : (data.rows[inheritFrom - 1] ?? []);
      const fresh = Array.from({ length: howMany }, () => template(source));
      // Past the stored rows there is nothing to move (and nothing to inherit from).
      if (data.rows.length >= before - 1) data.rows.splice(before - 1, 0, ...fresh);
      data.maxRows += howMany;
      if (before <= data.frozenRows) data.frozenRows += howMany;
      data.hiddenRows = shiftSet(data.hiddenRows, before, howMany);
    } else {
      data.rows.forEach((row, r) => {
        if (!row) return;
        const src = inheritFrom === null ? undefined : row[inheritFrom - 1];
        const fresh = Array.from({ length: howMany }, () => template([src])[0]);
        if (row.length >= before - 1) row.splice(before - 1, 0, ...fresh);
        data.rows[r] = row;
      });
      data.maxColumns += howMany;
      if (before <= data.frozenColumns) data.frozenColumns += howMany;
      data.hiddenColumns = shiftSet(data.hiddenColumns, before, howMany);
      data.columnWidths = shiftMap(data.columnWidths, before, howMany);
    }
    shiftAnchors(this.book, this.sheetId, dimension, before, howMany);
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this._insertLines('row', afterPosition + 1, howMany, afterPosition >= 1 ? afterPosition : null);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this._insertLines(
      'row',
      beforePosition,
      howMany,
      beforePosition > 1 ? beforePosition - 1 : null,
    );
    return this;
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this._insertLines(
      'column',
      afterPosition + 1,
      howMany,
      afterPosition >= 1 ? afterPosition : null,
    );
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this._insertLines(
      'column',
      beforePosition,
      howMany,
      beforePosition > 1 ? beforePosition - 1 : null,
    );
    return this;
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  private _deleteLines(dimension: 'row' | 'column', position: number, howMany: number): void {
    const data = this._data;
    const method = dimension === 'row' ? 'deleteRows' : 'deleteColumns';
    assertWholeNumber([position, howMany], `SpreadsheetApp.Sheet.${method}`);
    const max = dimension === 'row' ? data.maxRows : data.maxColumns;
    const frozen = dimension === 'row' ? data.frozenRows : data.frozenColumns;
    if (position < 1 || howMany < 1 || position + howMany - 1 > max) {
      throw new Error(dimension === 'row' ? ERR.rowsOutOfBounds : ERR.columnsOutOfBounds);
    }
    const deletedFrozen = Math.max(0, Math.min(frozen, position + howMany - 1) - position + 1);
    const remainingUnfrozen = max - frozen - (howMany - deletedFrozen);
    if (remainingUnfrozen <= 0) {
      throw new Error(dimension === 'row' ? ERR.deleteAllRows : ERR.deleteAllColumns);
    }
    const rect: Rect =
      dimension === 'row'
        ? { row: position, column: 1, numRows: howMany, numColumns: data.maxColumns }
        : { row: 1, column: position, numRows: data.maxRows, numColumns: howMany };
    assertScriptMayWrite(this._ctx(), data, rect);
    if (dimension === 'row') {
      data.rows.splice(position - 1, howMany);
      data.maxRows -= howMany;
      data.frozenRows -= deletedFrozen;
      data.hiddenRows = shiftSet(data.hiddenRows, position, -howMany);
    } else {
      for (const row of data.rows) row?.splice(position - 1, howMany);
      data.maxColumns -= howMany;
      data.frozenColumns -= deletedFrozen;
      data.hiddenColumns = shiftSet(data.hiddenColumns, position, -howMany);
      data.columnWidths = shiftMap(data.columnWidths, position, -howMany);
    }
    shiftAnchors(this.book, this.sheetId, dimension, position, -howMany);
  }

  deleteRow(rowPosition: number): Sheet {
    this._deleteLines('row', rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._deleteLines('row', rowPosition, howMany);
  }
  deleteColumn(columnPosition: number): Sheet {
    this._deleteLines('column', columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._deleteLines('column', columnPosition, howMany);
  }

  setFrozenRows(rows: number): void {
    assertWholeNumber([rows], 'SpreadsheetApp.Sheet.setFrozenRows');
    this._data.frozenRows = Math.max(0, Math.trunc(rows));
  }
  getFrozenRows(): number {
    return this._data.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    assertWholeNumber([columns], 'SpreadsheetApp.Sheet.setFrozenColumns');
    this._data.frozenColumns = Math.max(0, Math.trunc(columns));
  }
  getFrozenColumns(): number {
    return this._data.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._data.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this._data.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._data.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  /** Approximates Sheets' fit-to-data width from the displayed text (7 px per Latin glyph). */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    const data = this._data;
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let width = 0;
      data.rows.forEach((row) => {
        const cell = row?.[c - 1];
        if (cell) width = Math.max(width, textWidthPx(displayOfCell(cell, this.book.timeZone)));
      });
      data.columnWidths.set(c, Math.max(21, width + 10));
    }
    return this;
  }

  hideColumns(columnIndex: number, numColumns?: number): void {
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++)
      this._data.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns?: number): void {
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++)
      this._data.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._data.hiddenColumns.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows?: number): void {
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) this._data.hiddenRows.add(r);
  }
  showRows(rowIndex: number, numRows?: number): void {
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) this._data.hiddenRows.delete(r);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this._data.hiddenRows.has(rowPosition);
  }

  hideSheet(): Sheet {
    const visible = this.book.sheets.filter((s) => !s.hidden && s.id !== this.sheetId);
    if (visible.length === 0) throw new Error(ERR.hideAllSheets);
    this._data.hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this._data.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._data.hidden;
  }
  setTabColor(color: string | null): Sheet {
    this._data.tabColor = color === null ? null : String(color);
    return this;
  }
  getTabColor(): string | null {
    return this._data.tabColor;
  }

  /** Sheet.clear(): contents and formatting; notes and validation rules stay (assumption). */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sheet {
    const all = !options || (!options.formatOnly && !options.contentsOnly);
    const data = this._data;
    assertScriptMayWrite(this._ctx(), data, wholeSheet(data));
    for (const row of data.rows) {
      for (const cell of row ?? []) {
        if (!cell) continue;
        if (all || options?.contentsOnly) {
          cell.value = '';
          cell.formula = '';
        }
        if (all || options?.formatOnly) {
          cell.format = '';
          cell.style = {};
        }
      }
    }
    return this;
  }
  clearContents(): Sheet {
    return this.clear({ contentsOnly: true });
  }
  clearNotes(): Sheet {
    for (const row of this._data.rows) for (const cell of row ?? []) if (cell) cell.note = '';
    return this;
  }

  /** A sheet has at most one sheet protection: protect() again returns it. */
  protect(): Protection {
    const existing = this.book.protections.find(
      (p) => p.type === 'SHEET' && p.sheetId === this.sheetId,
    );
    if (existing) return new Protection(this.ws, this.book, existing.id);
    return createProtection(this.ws, this.book, this.sheetId, 'SHEET', null);
  }

  getProtections(type: GasProtectionType): Protection[] {
    const kind = String(type);
    return this.book.protections
      .filter((p) => p.sheetId === this.sheetId && p.type === kind)
      .map((p) => new Protection(this.ws, this.book, p.id));
  }

  // ---- host side

  /** Whether `email` may edit the cell as a person in the Sheets UI (owner always can). */
  _canEdit(email: string, row: number, column: number): boolean {
    return editRefusal(this.book, this._data, email, row, column) === null;
  }

  _snapshot(): SheetSnapshot {
    const data = this._data;
    const tz = this.book.timeZone;
    const { lastRow, lastColumn } = contentExtent(data);
    const used = usedExtent(data);
    const usedRows = Math.max(used.lastRow, lastRow);
    const usedColumns = Math.max(used.lastColumn, lastColumn);
    const grid = <T>(f: (cell: Cell | undefined) => T): T[][] =>
      Array.from({ length: usedRows }, (_, r) =>
        Array.from({ length: usedColumns }, (_, c) => f(cellAt(data, r + 1, c + 1))),
      );
    return {
      name: data.name,
      sheetId: data.id,
      hidden: data.hidden,
      tabColor: data.tabColor,
      frozenRows: data.frozenRows,
      frozenColumns: data.frozenColumns,
      maxRows: data.maxRows,
      maxColumns: data.maxColumns,
      lastRow,
      lastColumn,
      usedRows,
      usedColumns,
      cells: grid((c) => readValue(c, tz)),
      formulas: grid((c) => c?.formula ?? ''),
      displayValues: grid((c) => displayOfCell(c, tz)),
      notes: grid((c) => c?.note ?? ''),
      numberFormats: grid((c) => c?.format ?? ''),
      validations: grid((c) => c?.validation?._snapshot() ?? null),
      styles: grid((c) => (c && Object.keys(c.style).length > 0 ? { ...c.style } : null)),
      columnWidths: Array.from(
        { length: usedColumns },
        (_, c) => data.columnWidths.get(c + 1) ?? DEFAULT_COLUMN_WIDTH,
      ),
      hiddenColumns: [...data.hiddenColumns].sort((a, b) => a - b),
      protections: this.book.protections
        .filter((p) => p.sheetId === data.id)
        .map((p) => protectionSnapshot(p)),
    };
  }
}

function wholeSheet(data: SheetData): Rect {
  return { row: 1, column: 1, numRows: data.maxRows, numColumns: data.maxColumns };
}

function shiftSet(set: Set<number>, at: number, delta: number): Set<number> {
  const out = new Set<number>();
  for (const n of set) {
    if (delta < 0 && n >= at && n < at - delta) continue;
    out.add(n >= at ? n + delta : n);
  }
  return out;
}

function shiftMap(map: Map<number, number>, at: number, delta: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [n, v] of map) {
    if (delta < 0 && n >= at && n < at - delta) continue;
    out.set(n >= at ? n + delta : n, v);
  }
  return out;
}

function rectA1(p: Rect): string {
  return a1Of(p.row, p.column, p.numRows, p.numColumns);
}

function protectionSnapshot(p: ProtectionData): ProtectionSnapshot {
  return {
    type: p.type,
    range: p.type === 'RANGE' && p.rect ? rectA1(p.rect) : null,
    unprotectedRanges: p.unprotected.map(rectA1),
    description: p.description,
    warningOnly: p.warningOnly,
    editors: p.mirrorsSpreadsheet ? null : [...p.editors],
  };
}

// ------------------------------------------------------------------ Range

interface RangeSpec extends Rect {
  rowsUnbounded?: boolean;
  columnsUnbounded?: boolean;
}

function rangeAt(ws: Workspace, book: BookData, sheetId: number, spec: RangeSpec): Range {
  const data = findSheet(book, sheetId);
  if (spec.row < 1) throw new Error(ERR.rowTooSmall);
  if (spec.column < 1) throw new Error(ERR.columnTooSmall);
  if (spec.numRows < 1) throw new Error(ERR.rowsAtLeastOne);
  if (spec.numColumns < 1) throw new Error(ERR.columnsAtLeastOne);
  if (
    spec.row + spec.numRows - 1 > data.maxRows ||
    spec.column + spec.numColumns - 1 > data.maxColumns
  ) {
    throw new Error(ERR.outside);
  }
  return new Range(ws, book, sheetId, spec);
}

type HAlign = 'left' | 'center' | 'normal' | 'right' | null;

export class Range implements Faithful<
  GoogleAppsScript.Spreadsheet.Range,
  | 'activate'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontWeight'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontWeight'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'uncheck'
> {
  static readonly gasName = 'SpreadsheetApp.Range';

  constructor(
    private readonly ws: Workspace,
    private readonly book: BookData,
    private readonly sheetId: number,
    private readonly spec: RangeSpec,
  ) {}

  private get _data(): SheetData {
    return findSheet(this.book, this.sheetId);
  }

  private get _tz(): string {
    return this.book.timeZone;
  }

  private _grid<T>(f: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const data = this._data;
    const out: T[][] = [];
    for (let r = 0; r < this.spec.numRows; r++) {
      const line: T[] = [];
      const row = this.spec.row + r;
      for (let c = 0; c < this.spec.numColumns; c++) {
        const column = this.spec.column + c;
        line.push(f(cellAt(data, row, column), row, column));
      }
      out.push(line);
    }
    return out;
  }

  /** Every cell of the range, created on demand, after the protection check. */
  private _write(f: (cell: Cell, r: number, c: number) => void): void {
    const data = this._data;
    assertScriptMayWrite({ ws: this.ws, book: this.book }, data, this.spec);
    for (let r = 0; r < this.spec.numRows; r++) {
      for (let c = 0; c < this.spec.numColumns; c++) {
        f(cellFor(data, this.spec.row + r, this.spec.column + c), r, c);
      }
    }
  }

  /** Only existing cells: clearing never needs to create one. */
  private _each(f: (cell: Cell) => void): void {
    const data = this._data;
    assertScriptMayWrite({ ws: this.ws, book: this.book }, data, this.spec);
    for (let r = 0; r < this.spec.numRows; r++) {
      const row = data.rows[this.spec.row + r - 1];
      if (!row) continue;
      for (let c = 0; c < this.spec.numColumns; c++) {
        const cell = row[this.spec.column + c - 1];
        if (cell) f(cell);
      }
    }
  }

  private _topLeft(): Cell | undefined {
    return cellAt(this._data, this.spec.row, this.spec.column);
  }

  // ---- geometry

  getRow(): number {
    return this.spec.row;
  }
  getRowIndex(): number {
    return this.spec.row;
  }
  getColumn(): number {
    return this.spec.column;
  }
  getNumRows(): number {
    return this.spec.numRows;
  }
  getHeight(): number {
    return this.spec.numRows;
  }
  getNumColumns(): number {
    return this.spec.numColumns;
  }
  getWidth(): number {
    return this.spec.numColumns;
  }
  getLastRow(): number {
    return this.spec.row + this.spec.numRows - 1;
  }
  getLastColumn(): number {
    return this.spec.column + this.spec.numColumns - 1;
  }
  getGridId(): number {
    return this.sheetId;
  }
  getA1Notation(): string {
    const { row, column, numRows, numColumns } = this.spec;
    return a1Of(row, column, numRows, numColumns, {
      rows: Boolean(this.spec.rowsUnbounded),
      columns: Boolean(this.spec.columnsUnbounded),
    });
  }
  getSheet(): Sheet {
    return new Sheet(this.ws, this.book, this.sheetId);
  }

  getCell(row: number, column: number): Range {
    assertWholeNumber([row, column], 'SpreadsheetApp.Range.getCell');
    if (row < 1 || column < 1 || row > this.spec.numRows || column > this.spec.numColumns) {
      throw new Error('Cell reference out of range');
    }
    return new Range(this.ws, this.book, this.sheetId, {
      row: this.spec.row + row - 1,
      column: this.spec.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const args = trimTrailingUndefined([rowOffset, columnOffset, numRows, numColumns]);
    assertWholeNumber(args, 'SpreadsheetApp.Range.offset');
    return rangeAt(this.ws, this.book, this.sheetId, {
      row: this.spec.row + rowOffset,
      column: this.spec.column + columnOffset,
      numRows: numRows ?? this.spec.numRows,
      numColumns: numColumns ?? this.spec.numColumns,
    });
  }

  activate(): Range {
    this.book.activeSheetId = this.sheetId;
    return this;
  }

  // ---- values

  getValues(): CellValue[][] {
    return this._grid((cell) => readValue(cell, this._tz));
  }
  getValue(): CellValue {
    return readValue(this._topLeft(), this._tz);
  }
  getDisplayValues(): string[][] {
    return this._grid((cell) => displayOfCell(cell, this._tz));
  }
  getDisplayValue(): string {
    return displayOfCell(this._topLeft(), this._tz);
  }

  setValues(values: unknown[][]): Range {
    checkShape(values, this.spec.numRows, this.spec.numColumns, 'SpreadsheetApp.Range.setValues');
    const data = this._data;
    // Coerce everything first: a too-long cell anywhere leaves the range untouched.
    const coerced = values.map((row, r) =>
      row.map((v, c) =>
        coerceInput(
          v,
          cellAt(data, this.spec.row + r, this.spec.column + c)?.format ?? '',
          this._tz,
        ),
      ),
    );
    this._write((cell, r, c) => storeCoerced(cell, coerced[r][c]));
    return this;
  }

  /** setValue writes the value into every cell of the range. */
  setValue(value: unknown): Range {
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
      throw new Error(ERR.tooManyChars);
    }
    this._write((cell) => storeCoerced(cell, coerceInput(value, cell.format, this._tz)));
    return this;
  }

  isBlank(): boolean {
    return this._grid((cell) => cell === undefined || (cell.value === '' && cell.formula === ''))
      .flat()
      .every(Boolean);
  }

  // ---- formulas

  getFormulas(): string[][] {
    return this._grid((cell) => cell?.formula ?? '');
  }
  getFormula(): string {
    return this._topLeft()?.formula ?? '';
  }
  /** Formulas are stored as written; relative references are not re-based per cell. */
  setFormula(formula: string): Range {
    const text = String(formula);
    if (text.length > MAX_CELL_CHARS) throw new Error(ERR.tooManyChars);
    this._write((cell) => storeFormula(cell, text, this._tz));
    return this;
  }
  setFormulas(formulas: string[][]): Range {
    checkShape(
      formulas,
      this.spec.numRows,
      this.spec.numColumns,
      'SpreadsheetApp.Range.setFormulas',
    );
    if (formulas.flat().some((f) => String(f).length > MAX_CELL_CHARS)) {
      throw new Error(ERR.tooManyChars);
    }
    this._write((cell, r, c) => storeFormula(cell, String(formulas[r][c]), this._tz));
    return this;
  }

  // ---- notes

  getNote(): string {
    return this._topLeft()?.note ?? '';
  }
  getNotes(): string[][] {
    return this._grid((cell) => cell?.note ?? '');
  }
  setNote(note: string | null): Range {
    const text = note === null || note === undefined ? '' : String(note);
    this._write((cell) => (cell.note = text));
    return this;
  }
  setNotes(notes: (string | null)[][]): Range {
    checkShape(notes, this.spec.numRows, this.spec.numColumns, 'SpreadsheetApp.Range.setNotes');
    this._write((cell, r, c) => (cell.note = notes[r][c] == null ? '' : String(notes[r][c])));
    return this;
  }
  clearNote(): Range {
    this._each((cell) => (cell.note = ''));
    return this;
  }

  // ---- number formats

  getNumberFormat(): string {
    return reportedFormat(this._topLeft());
  }
  getNumberFormats(): string[][] {
    return this._grid((cell) => reportedFormat(cell));
  }
  setNumberFormat(numberFormat: string): Range {
    const f = String(numberFormat);
    this._write((cell) => (cell.format = f === AUTOMATIC_FORMAT ? '' : f));
    return this;
  }
  setNumberFormats(numberFormats: string[][]): Range {
    checkShape(
      numberFormats,
      this.spec.numRows,
      this.spec.numColumns,
      'SpreadsheetApp.Range.setNumberFormats',
    );
    this._write((cell, r, c) => {
      const f = String(numberFormats[r][c]);
      cell.format = f === AUTOMATIC_FORMAT ? '' : f;
    });
    return this;
  }

  // ---- styles

  private _style(patch: (style: CellStyle) => void): Range {
    this._write((cell) => patch(cell.style));
    return this;
  }
  setFontWeight(fontWeight: 'normal' | 'bold' | null): Range {
    return this._style((s) => {
      if (fontWeight === 'bold') s.fontWeight = 'bold';
      else delete s.fontWeight;
    });
  }
  getFontWeight(): 'normal' | 'bold' {
    return this._topLeft()?.style.fontWeight ?? 'normal';
  }
  setFontColor(color: string | null): Range {
    return this._style((s) => {
      if (color === null) delete s.fontColor;
      else s.fontColor = String(color);
    });
  }
  getFontColor(): string {
    return this._topLeft()?.style.fontColor ?? '#000000';
  }
  setBackground(color: string | null): Range {
    return this._style((s) => {
      if (color === null) delete s.background;
      else s.background = String(color);
    });
  }
  getBackground(): string {
    return this._topLeft()?.style.background ?? '#ffffff';
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this._style((s) => {
      s.wrap = Boolean(isWrapEnabled);
    });
  }
  getWrap(): boolean {
    return this._topLeft()?.style.wrap ?? false;
  }
  setHorizontalAlignment(alignment: HAlign): Range {
    return this._style((s) => {
      if (alignment === null || alignment === 'normal') delete s.horizontalAlignment;
      else s.horizontalAlignment = alignment;
    });
  }
  getHorizontalAlignment(): string {
    return this._topLeft()?.style.horizontalAlignment ?? 'general';
  }

  // ---- clearing

  /** Range.clear(): contents, formats and validation rules; notes stay (see the fidelity doc). */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): Range {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    this._each((cell) => {
      if (!any || o.contentsOnly) {
        cell.value = '';
        cell.formula = '';
      }
      if (!any || o.formatOnly) {
        cell.format = '';
        cell.style = {};
      }
      if (!any || o.validationsOnly) cell.validation = null;
      if (o.commentsOnly) cell.note = '';
    });
    return this;
  }
  clearContent(): Range {
    return this.clear({ contentsOnly: true });
  }
  clearFormat(): Range {
    return this.clear({ formatOnly: true });
  }
  clearDataValidations(): Range {
    return this.clear({ validationsOnly: true });
  }

  // ---- validation

  setDataValidation(rule: AnyValidation | null): Range {
    const v = (rule as unknown as DataValidation | null) ?? null;
    this._write((cell) => (cell.validation = v));
    return this;
  }
  setDataValidations(rules: (AnyValidation | null)[][]): Range {
    checkShape(
      rules,
      this.spec.numRows,
      this.spec.numColumns,
      'SpreadsheetApp.Range.setDataValidations',
    );
    this._write(
      (cell, r, c) => (cell.validation = (rules[r][c] as unknown as DataValidation) ?? null),
    );
    return this;
  }
  getDataValidation(): DataValidation | null {
    return this._topLeft()?.validation ?? null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    return this._grid((cell) => cell?.validation ?? null);
  }

  // ---- checkboxes

  /**
   * A checkbox is a CHECKBOX validation rule; empty cells get the unchecked value, cells that
   * already hold something keep it (assumption, see the fidelity doc).
   */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    const builder = new DataValidationBuilder();
    if (checkedValue === undefined) builder.requireCheckbox();
    else if (uncheckedValue === undefined) builder.requireCheckbox(checkedValue);
    else builder.requireCheckbox(checkedValue, uncheckedValue);
    const rule = builder.build();
    const unchecked = rule._checkboxValues()[1];
    this._write((cell) => {
      cell.validation = rule;
      if (cell.value === '' && cell.formula === '') cell.value = unchecked;
    });
    return this;
  }

  removeCheckboxes(): Range {
    this._each((cell) => {
      const v = cell.validation;
      if (!v || v._criteria() !== 'CHECKBOX') return;
      const [checked, unchecked] = v._checkboxValues();
      if (sameCell(cell.value, checked) || sameCell(cell.value, unchecked)) cell.value = '';
      cell.validation = null;
    });
    return this;
  }

  /** true when all cells are checked checkboxes, false when all unchecked, else null. */
  isChecked(): boolean | null {
    const states = this._grid((cell) => {
      const v = cell?.validation;
      if (!cell || !v || v._criteria() !== 'CHECKBOX') return null;
      const [checked, unchecked] = v._checkboxValues();
      if (sameCell(cell.value, checked)) return true;
      if (sameCell(cell.value, unchecked)) return false;
      return null;
    }).flat();
    if (states.every((s) => s === true)) return true;
    if (states.every((s) => s === false)) return false;
    return null;
  }

  private _setChecked(state: boolean): Range {
    this._write((cell) => {
      const v = cell.validation;
      if (!v || v._criteria() !== 'CHECKBOX') return;
      const [checked, unchecked] = v._checkboxValues();
      // Cells holding neither configured value are left alone, as documented.
      if (sameCell(cell.value, checked) || sameCell(cell.value, unchecked)) {
        cell.value = state ? checked : unchecked;
      }
    });
    return this;
  }
  check(): Range {
    return this._setChecked(true);
  }
  uncheck(): Range {
    return this._setChecked(false);
  }

  // ---- protection

  protect(): Protection {
    return createProtection(this.ws, this.book, this.sheetId, 'RANGE', {
      row: this.spec.row,
      column: this.spec.column,
      numRows: this.spec.numRows,
      numColumns: this.spec.numColumns,
    });
  }

  // ---- host side

  _rect(): Rect {
    const { row, column, numRows, numColumns } = this.spec;
    return { row, column, numRows, numColumns };
  }
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b;
}

function reportedFormat(cell: Cell | undefined): string {
  if (!cell || cell.format === '') return AUTOMATIC_FORMAT;
  return cell.format;
}

function storeFormula(cell: Cell, text: string, timeZone: string): void {
  if (text.startsWith('=') && text.length > 1) {
    cell.value = '';
    cell.formula = text;
    return;
  }
  // setFormula with text that is no formula stores it as a value would be (assumption).
  storeCoerced(cell, coerceInput(text, cell.format, timeZone));
}

// ------------------------------------------------------------------ Protection

function createProtection(
  ws: Workspace,
  book: BookData,
  sheetId: number,
  type: ProtectionKind,
  rect: Rect | null,
): Protection {
  const data: ProtectionData = {
    id: ++book.protectionSeq,
    type,
    sheetId,
    rect,
    unprotected: [],
    description: '',
    warningOnly: false,
    mirrorsSpreadsheet: true,
    editors: [],
    creator: currentUser(ws, book),
    domainEdit: false,
  };
  book.protections.push(data);
  return new Protection(ws, book, data.id);
}

export class Protection implements Faithful<
  GoogleAppsScript.Spreadsheet.Protection,
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly'
> {
  static readonly gasName = 'SpreadsheetApp.Protection';

  constructor(
    private readonly ws: Workspace,
    private readonly book: BookData,
    private readonly protectionId: number,
  ) {}

  private get _data(): ProtectionData {
    const p = this.book.protections.find((x) => x.id === this.protectionId);
    if (!p) throw new Error('The protection has been removed.');
    return p;
  }

  /** The first change of editors stops mirroring the spreadsheet: its editors are copied in. */
  private _materialize(): ProtectionData {
    const p = this._data;
    if (p.mirrorsSpreadsheet) {
      p.mirrorsSpreadsheet = false;
      p.editors = uniqueEmails([this.book.owner, p.creator, ...this.book.editors]);
    }
    return p;
  }

  addEditor(user: string | GasUser): Protection {
    const p = this._materialize();
    p.editors = uniqueEmails([...p.editors, emailOf(user)]);
    return this;
  }
  addEditors(emailAddresses: string[]): Protection {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  /** Sheets never removes the owner, nor the user running the script, from a protection. */
  removeEditor(user: string | GasUser): Protection {
    const p = this._materialize();
    const e = emailOf(user).toLowerCase();
    const keep = [this.book.owner, currentUser(this.ws, this.book)].map((x) => x.toLowerCase());
    if (!keep.includes(e)) p.editors = p.editors.filter((x) => x.toLowerCase() !== e);
    return this;
  }
  removeEditors(users: (string | GasUser)[]): Protection {
    for (const u of users) this.removeEditor(u);
    return this;
  }
  getEditors(): User[] {
    this._assertMayRead('getEditors');
    const p = this._data;
    // Live Apps Script: a warning-only protection has no editors (public live-test suite, gas-fakes).
    if (p.warningOnly) return [];
    const emails = p.mirrorsSpreadsheet
      ? uniqueEmails([this.book.owner, ...this.book.editors])
      : p.editors;
    return emails.map((e) => new User(e));
  }
  canEdit(): boolean {
    return this._canEdit(currentUser(this.ws, this.book));
  }
  canDomainEdit(): boolean {
    this._assertMayRead('canDomainEdit');
    return this._data.domainEdit;
  }
  /**
   * "If the user does not have permission to edit the protected range, this method throws an
   * exception" — https://developers.google.com/apps-script/reference/spreadsheet/protection#getEditors()
   * (and #canDomainEdit()). The message text is an emulator text (**unverified**).
   */
  private _assertMayRead(method: string): void {
    const user = currentUser(this.ws, this.book);
    if (!this._canEdit(user)) {
      throw new Error(
        `You do not have permission to call Protection.${method}: ${user} cannot edit the protected range.`,
      );
    }
  }
  setDomainEdit(editable: boolean): Protection {
    this._data.domainEdit = Boolean(editable);
    return this;
  }
  getDescription(): string {
    return this._data.description;
  }
  setDescription(description: string): Protection {
    this._data.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this._data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this._data.warningOnly = Boolean(warningOnly);
    return this;
  }
  getProtectionType(): GasProtectionType {
    return this._data.type as unknown as GasProtectionType;
  }
  getRange(): Range {
    const p = this._data;
    const rect = p.rect ?? wholeSheet(findSheet(this.book, p.sheetId));
    return new Range(this.ws, this.book, p.sheetId, rect);
  }
  setRange(range: GasRange): Protection {
    const p = this._data;
    p.sheetId = range.getSheet().getSheetId();
    p.rect = {
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
    };
    return this;
  }
  getUnprotectedRanges(): Range[] {
    const p = this._data;
    return p.unprotected.map((r) => new Range(this.ws, this.book, p.sheetId, r));
  }
  /** Only a sheet protection has unprotected ranges; Apps Script ignores them on a range one. */
  setUnprotectedRanges(ranges: GasRange[]): Protection {
    const p = this._data;
    if (p.type !== 'SHEET') return this;
    p.unprotected = ranges.map((range) => ({
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
    }));
    return this;
  }
  remove(): void {
    const id = this._data.id;
    this.book.protections = this.book.protections.filter((p) => p.id !== id);
  }

  // ---- host side

  /** Whether `email` may edit the cells this protection covers (owner always can). */
  _canEdit(email: string): boolean {
    const p = this._data;
    if (p.warningOnly) return isEditorOf(this.book, email);
    return protectionAllows(this.book, p, email);
  }

  _snapshot(): ProtectionSnapshot {
    return protectionSnapshot(this._data);
  }
}

function uniqueEmails(emails: string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((e) => {
    const k = e.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export { DataValidation, DataValidationBuilder, DataValidationCriteria, Ui, User };
