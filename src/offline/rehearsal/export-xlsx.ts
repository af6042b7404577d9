/**
 * Writes an emulated spreadsheet (`Spreadsheet._snapshot()`) as an .xlsx workbook: every sheet
 * in order, typed values, formulas as formula cells, notes as comments, dropdowns as list
 * validations, frozen panes, bold headers and readable column widths.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { SheetSnapshot, SpreadsheetSnapshot } from '../emulator/spreadsheet-app';
import type { ValidationSnapshot } from '../emulator/spreadsheet-validation';
import { isDate, isDateFormat, textWidthPx, wallTimeOf } from '../emulator/spreadsheet-values';

/** Excel refuses more characters than this in one cell (Sheets allows 50,000). */
const EXCEL_MAX_CELL_CHARS = 32767;
/** Excel's limit for an inline list validation ("a,b,c"). */
const EXCEL_MAX_LIST_FORMULA = 255;
const LISTS_SHEET = '_lists';

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique ignoring case. */
function excelSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

function argb(color: string | null | undefined): string | undefined {
  const m = color ? /^#?([0-9a-f]{6})$/i.exec(color) : null;
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

/** A Date whose UTC fields are the spreadsheet's wall clock: Excel dates have no time zone. */
function excelDate(date: Date, timeZone: string): Date {
  const w = wallTimeOf(date.getTime(), timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
}

function dateFormatFor(format: string, date: Date, timeZone: string): string {
  if (format && isDateFormat(format)) return format;
  const w = wallTimeOf(date.getTime(), timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

class ListSheet {
  private sheet: ExcelJS.Worksheet | null = null;
  private column = 0;
  private readonly refs = new Map<string, string>();

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  /** A long or comma-holding list goes on a hidden sheet; the validation references it. */
  reference(list: string[]): string {
    const key = JSON.stringify(list);
    const known = this.refs.get(key);
    if (known) return known;
    this.sheet ??= this.workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
    this.column += 1;
    const col = this.sheet.getColumn(this.column);
    list.forEach((v, i) => (this.sheet!.getCell(i + 1, this.column).value = v));
    const letter = col.letter;
    const ref = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(1, list.length)}`;
    this.refs.set(key, ref);
    return ref;
  }
}

function excelValidation(
  v: ValidationSnapshot,
  lists: ListSheet,
): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: true,
    // Sheets' "show a warning" is Excel's warning style; "reject input" is a stop.
    showErrorMessage: true,
    errorStyle: v.allowInvalid ? 'warning' : 'stop',
    ...(v.helpText ? { prompt: v.helpText, showInputMessage: true } : {}),
  };
  if (v.list) {
    const inline = `"${v.list.join(',')}"`;
    const fitsInline =
      inline.length <= EXCEL_MAX_LIST_FORMULA && v.list.every((x) => !/[,"]/.test(x));
    return {
      type: 'list',
      formulae: [fitsInline ? inline : lists.reference(v.list)],
      ...common,
    };
  }
  const operator = NUMBER_OPERATORS[v.criteria];
  if (operator) {
    return { type: 'decimal', operator, formulae: v.values.map(Number), ...common };
  }
  // Checkbox, date, text and custom-formula rules have no faithful Excel form: not exported.
  return undefined;
}

function columnWidthChars(sheet: SheetSnapshot, column: number): number {
  const px = sheet.columnWidths[column - 1];
  if (px !== undefined && px !== 100) return Math.max(2, Math.round(px / 7));
  let widest = 0;
  for (const row of sheet.displayValues)
    widest = Math.max(widest, textWidthPx(row[column - 1] ?? ''));
  for (const row of sheet.formulas) widest = Math.max(widest, textWidthPx(row[column - 1] ?? ''));
  return Math.min(60, Math.max(8, Math.ceil(widest / 7) + 2));
}

function writeSheet(
  ws: ExcelJS.Worksheet,
  sheet: SheetSnapshot,
  timeZone: string,
  lists: ListSheet,
): void {
  const headerRows = Math.max(1, sheet.frozenRows);
  for (let r = 1; r <= sheet.usedRows; r++) {
    for (let c = 1; c <= sheet.usedColumns; c++) {
      const value = sheet.cells[r - 1][c - 1];
      const formula = sheet.formulas[r - 1][c - 1];
      const note = sheet.notes[r - 1][c - 1];
      const format = sheet.numberFormats[r - 1][c - 1];
      const validation = sheet.validations[r - 1][c - 1];
      const style = sheet.styles[r - 1][c - 1];
      const empty = value === '' && formula === '';
      if (empty && !note && !format && !validation && !style) continue;
      const cell = ws.getCell(r, c);
      let truncated = false;
      if (formula !== '') {
        cell.value = { formula: formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
      } else if (isDate(value)) {
        cell.value = excelDate(value, timeZone);
        cell.numFmt = dateFormatFor(format, value, timeZone);
      } else if (typeof value === 'string' && value.length > EXCEL_MAX_CELL_CHARS) {
        cell.value = value.slice(0, EXCEL_MAX_CELL_CHARS);
        truncated = true;
      } else if (value !== '') {
        cell.value = value;
      }
      if (format && !isDate(value)) cell.numFmt = format;
      const comment = [
        note,
        truncated ? `(text cut to ${EXCEL_MAX_CELL_CHARS} characters for Excel)` : '',
      ]
        .filter(Boolean)
        .join('\n');
      if (comment) cell.note = comment;
      if (validation) {
        const dv = excelValidation(validation, lists);
        if (dv) cell.dataValidation = dv;
      }
      const bold = style?.fontWeight === 'bold' || (r <= headerRows && !empty);
      const color = argb(style?.fontColor);
      if (bold || color)
        cell.font = {
          ...(bold ? { bold: true } : {}),
          ...(color ? { color: { argb: color } } : {}),
        };
      const fill = argb(style?.background);
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      if (style?.wrap || style?.horizontalAlignment) {
        const h = style.horizontalAlignment;
        cell.alignment = {
          ...(style.wrap ? { wrapText: true } : {}),
          ...(h === 'left' || h === 'center' || h === 'right' ? { horizontal: h } : {}),
        };
      }
    }
  }
  for (let c = 1; c <= sheet.usedColumns; c++) {
    const column = ws.getColumn(c);
    column.width = columnWidthChars(sheet, c);
    if (sheet.hiddenColumns.includes(c)) column.hidden = true;
  }
}

/** Writes the snapshot to `filePath` (parent folders are created). */
export async function exportXlsx(snapshot: SpreadsheetSnapshot, filePath: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = snapshot.name;
  workbook.creator = snapshot.owner;
  const names = excelSheetNames(snapshot.sheets.map((s) => s.name));
  const lists = new ListSheet(workbook);
  // All sheets first, so that the hidden list sheet (if any) comes after them.
  const worksheets = snapshot.sheets.map((sheet, i) => {
    const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
    const tab = argb(sheet.tabColor);
    return workbook.addWorksheet(names[i], {
      state: sheet.hidden ? 'hidden' : 'visible',
      ...(tab ? { properties: { tabColor: { argb: tab } } } : {}),
      views: frozen
        ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
        : [],
    });
  });
  snapshot.sheets.forEach((sheet, i) => writeSheet(worksheets[i], sheet, snapshot.timeZone, lists));
  await mkdir(dirname(filePath), { recursive: true });
  await workbook.xlsx.writeFile(filePath);
}
