import type { Cell, RawTable } from '../domain/table';
import type { SheetSpec, SheetsPort } from '../ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// Module state lives for one execution only (Apps Script loads the bundle anew for each), so
// these caches save service calls without ever going stale across executions.
/** Rows as Sheets must get them: all the same width, text quote-prefixed where needed. */
function rectangle(rows: Cell[][]): Cell[][] {
  const width = Math.max(...rows.map((r) => r.length), 1);
  return rows.map((row) => {
    const out = row.map(asCellValue);
    while (out.length < width) out.push('');
    return out;
  });
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** Rows added at a time when a sheet is full, so growing is rare (cells count toward 10M). */
const GROW_ROWS = 200;

let activeSpreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
const sheetsByTitle = new Map<string, Sheet>();
const headersByTitle = new Map<string, Cell[]>();

/**
 * getRange past the sheet's last row throws ("The coordinates of the range are outside the
 * dimensions of the sheet."), and a new sheet has only 1,000 rows: a write ending at `lastRow`
 * grows the sheet first, in one call (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)).
 */
function fitRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, Math.max(lastRow - max, GROW_ROWS));
}

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  activeSpreadsheet ??= SpreadsheetApp.getActiveSpreadsheet();
  return activeSpreadsheet;
}

function findSheet(titles: readonly string[]): Sheet | null {
  for (const title of titles) {
    const cached = sheetsByTitle.get(title);
    if (cached) return cached;
  }
  for (const title of titles) {
    const sheet = spreadsheet().getSheetByName(title);
    if (sheet) {
      sheetsByTitle.set(title, sheet);
      return sheet;
    }
  }
  return null;
}

/**
 * Text from people must stay text: Sheets turns a string starting with "=" into a formula and
 * "00123" into a number, so every string the script writes is quote-prefixed when Sheets would
 * otherwise reinterpret it (the prefix is not part of the stored value).
 */
export function asCellValue(value: Cell): Cell {
  if (typeof value !== 'string' || value === '') return value;
  return /^[=+\-@']/.test(value) ||
    /^\s*[\d.+-]/.test(value) ||
    /^(true|false)$/i.test(value.trim())
    ? `'${value}`
    : value;
}

/** Width, dropdown, checkbox or date format of one column's body (1-based column). */
function formatColumn(sheet: Sheet, at: number, column: SheetSpec['columns'][number]): void {
  const body = sheet.getRange(2, at, sheet.getMaxRows() - 1, 1);
  if (column.width) sheet.setColumnWidth(at, column.width);
  if (column.choices) {
    body.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...column.choices], true)
        .setAllowInvalid(false)
        .build(),
    );
  } else if (column.checkbox) {
    body.setDataValidation(
      SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build(),
    );
  } else if (column.date || column.dateTime) {
    // One rule per type: a day shows its date, an instant its date and minute (Sheets number
    // formats: https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns).
    body.setNumberFormat(column.dateTime ? DATE_TIME_FORMAT : DATE_FORMAT);
    body.setDataValidation(
      SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build(),
    );
  }
}

export const gasSheets: SheetsPort = {
  ensureSheet(spec: SheetSpec): boolean {
    if (findSheet(spec.titles)) return false;
    const sheet = spreadsheet().insertSheet(spec.titles[0]);
    sheetsByTitle.set(spec.titles[0], sheet);
    const width = spec.columns.length;
    const rowCount = Math.max(spec.sampleRows.length, 1);
    // A new sheet has 26 columns; writing past them throws "outside the dimensions of the sheet".
    const missing = width - sheet.getMaxColumns();
    if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
    sheet
      .getRange(1, 1, 1, width)
      .setValues([spec.columns.map((c) => c.header)])
      .setFontWeight('bold')
      .setBackground('#f3f3f3');
    sheet.setFrozenRows(1);
    const notes = spec.columns.map((c) => c.note ?? '');
    if (notes.some(Boolean)) sheet.getRange(1, 1, 1, width).setNotes([notes]);
    spec.columns.forEach((column, i) => formatColumn(sheet, i + 1, column));
    if (spec.sampleRows.length > 0) {
      const rows = spec.sampleRows.map((row) => row.map(asCellValue));
      sheet.getRange(2, 1, rowCount, width).setValues(rows);
    }
    return true;
  },

  addMissingColumns(spec: SheetSpec, aliases: readonly (readonly string[])[]): boolean {
    const sheet = findSheet(spec.titles);
    if (!sheet) return false;
    const width = Math.max(sheet.getLastColumn(), 1);
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
    const present = new Set(header.map((cell) => String(cell).trim().toLowerCase()));
    const missing = spec.columns.filter(
      (_, i) => !(aliases[i] ?? []).some((a) => present.has(a.trim().toLowerCase())),
    );
    if (missing.length === 0) return false;
    const last = header.reduce((end: number, cell, i) => (String(cell) !== '' ? i + 1 : end), 0);
    const room = last + missing.length - sheet.getMaxColumns();
    if (room > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), room);
    sheet
      .getRange(1, last + 1, 1, missing.length)
      .setValues([missing.map((c) => c.header)])
      .setFontWeight('bold')
      .setBackground('#f3f3f3');
    missing.forEach((column, i) => formatColumn(sheet, last + 1 + i, column));
    return true;
  },

  readTable(titles: readonly string[]): RawTable | null {
    const sheet = findSheet(titles);
    if (!sheet) return null;
    const values = sheet.getDataRange().getValues() as Cell[][];
    return { header: values[0] ?? [], rows: values.slice(1), firstRow: 2 };
  },

  replaceRows(titles: readonly string[], rows: Cell[][]): void {
    const sheet = findSheet(titles);
    if (!sheet) throw new Error(`sheet not found: ${titles.join(' / ')}`);
    const lastRow = sheet.getLastRow();
    const width = Math.max(sheet.getLastColumn(), rows[0]?.length ?? 0, 1);
    if (lastRow > 1) sheet.getRange(2, 1, lastRow - 1, width).clearContent();
    if (rows.length > 0) {
      const padded = rows.map((row) => {
        const cells = row.map(asCellValue);
        while (cells.length < width) cells.push('');
        return cells;
      });
      fitRows(sheet, padded.length + 1);
      sheet.getRange(2, 1, padded.length, width).setValues(padded);
    }
  },

  writeRows(titles: readonly string[], firstRow: number, rows: Cell[][]): void {
    if (rows.length === 0) return;
    const sheet = findSheet(titles);
    if (!sheet) throw new Error(`sheet not found: ${titles.join(' / ')}`);
    const cells = rectangle(rows);
    const width = cells[0].length;
    fitRows(sheet, firstRow + cells.length - 1);
    sheet.getRange(firstRow, 1, cells.length, width).setValues(cells);
  },

  writeCell(titles: readonly string[], row: number, column: number, value: Cell): void {
    const sheet = findSheet(titles);
    if (!sheet) throw new Error(`sheet not found: ${titles.join(' / ')}`);
    sheet.getRange(row, column).setValue(asCellValue(value));
  },

  setNote(titles: readonly string[], row: number, column: number, note: string): void {
    const sheet = findSheet(titles);
    if (sheet) sheet.getRange(row, column).setNote(note);
  },

  protectColumns(titles, protections): boolean {
    const sheet = findSheet(titles);
    if (!sheet) return false;
    const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    let changed = false;
    for (const wanted of protections) {
      const mine = existing.filter((p) => p.getDescription() === wanted.description);
      const editors = [...new Set(wanted.editors.map((e) => e.toLowerCase()))].sort();
      const same =
        mine.length === wanted.columns.length &&
        mine.every((p) => {
          // Apps Script throws from getEditors()/canDomainEdit() for a user who may not edit the
          // range; such a protection is not theirs to change, so it counts as already in place.
          if (!p.canEdit()) return true;
          const current = p.getEditors().map((u) => u.getEmail().toLowerCase());
          return editors.every((e) => current.includes(e)) && !p.canDomainEdit();
        });
      if (same) continue;
      for (const p of mine) p.remove();
      for (const column of wanted.columns) {
        const protection = sheet
          .getRange(1, column, sheet.getMaxRows(), 1)
          .protect()
          .setDescription(wanted.description);
        // Only the listed people (and the owner, always) may edit; everyone else is removed.
        // Google's sample adds the effective user first: if their edit right came through a group,
        // removing the group would otherwise throw
        // (https://developers.google.com/apps-script/reference/spreadsheet/protection).
        protection.addEditor(Session.getEffectiveUser());
        protection.removeEditors(protection.getEditors());
        if (editors.length) protection.addEditors(editors);
        if (protection.canDomainEdit()) protection.setDomainEdit(false);
      }
      changed = true;
    }
    return changed;
  },

  addEditors(emails: string[]): boolean {
    const ss = spreadsheet();
    const current = new Set(ss.getEditors().map((u) => u.getEmail().toLowerCase()));
    const missing = emails.map((e) => e.toLowerCase()).filter((e) => !current.has(e));
    if (missing.length === 0) return false;
    ss.addEditors(missing);
    return true;
  },

  readHeader(titles: readonly string[]): Cell[] | null {
    const cached = headersByTitle.get(titles[0]);
    if (cached) return cached;
    const sheet = findSheet(titles);
    if (!sheet) return null;
    const width = Math.max(sheet.getLastColumn(), 1);
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[];
    // Headers do not change during an execution; appending in chunks need not re-read them.
    headersByTitle.set(titles[0], header);
    return header;
  },

  appendRows(titles: readonly string[], rows: Cell[][]): void {
    if (rows.length === 0) return;
    const sheet = findSheet(titles);
    if (!sheet) throw new Error(`sheet not found: ${titles.join(' / ')}`);
    const cells = rectangle(rows);
    const width = cells[0].length;
    const top = sheet.getLastRow() + 1;
    fitRows(sheet, top + cells.length - 1);
    sheet.getRange(top, 1, cells.length, width).setValues(cells);
  },

  writeRow(titles: readonly string[], row: number, cells: Cell[]): void {
    const sheet = findSheet(titles);
    if (!sheet) throw new Error(`sheet not found: ${titles.join(' / ')}`);
    sheet.getRange(row, 1, 1, cells.length).setValues([cells.map(asCellValue)]);
  },

  timeZone(): string {
    return spreadsheet().getSpreadsheetTimeZone();
  },

  removeBlankDefaultSheet(): boolean {
    const ss = spreadsheet();
    const sheets = ss.getSheets();
    if (sheets.length < 2) return false;
    // The name follows the creator's language; anything typed into it keeps it.
    const blank = sheets.find(
      (s) =>
        /^(Sheet|工作表)\s?1$/.test(s.getName()) && s.getLastRow() === 0 && s.getLastColumn() === 0,
    );
    if (!blank) return false;
    ss.deleteSheet(blank);
    return true;
  },

  spreadsheetLocale(): string {
    return spreadsheet().getSpreadsheetLocale();
  },
};
