import type { SheetDef } from '../../sheets-templates/config-sheets';
import {
  LEDGER_SHEET,
  PLANS_SHEET,
  PROJECTS_SHEET,
  recordSheetOf,
  SELF_ASSESSMENTS_SHEET,
} from '../../sheets-templates/data-sheets';
import type { CampaignConfig } from '../domain/config';
import { linkedOf, projectOf, type CampaignRecords } from '../domain/records';
import { keyedRows, mapColumns, type Cell, type ColumnMap, type KeyedRow } from '../domain/table';
import { labelOf } from '../domain/labels';
import type { Locale } from '../i18n';
import type { SheetsPort } from '../ports';
import { sheetSpec, titlesOf } from './config-sheets';

/**
 * The sheet of the subjects the campaign's forms make (项目库), shaped by 表单设计 — so a column
 * added to the application form is read too.
 */
export function subjectSheet(config: CampaignConfig): SheetDef {
  const form = config.forms.find((f) => f.makes.kind === 'subject');
  return form ? recordSheetOf(form) : PROJECTS_SHEET;
}

/** A data sheet read in one call, addressable by column key. */
export interface KeyedTable {
  def: SheetDef;
  header: Cell[];
  columns: ColumnMap;
  rows: KeyedRow[];
  /** The sheet row after the last one with content. */
  nextRow: number;
}

export function readKeyed(sheets: SheetsPort, def: SheetDef, locale: Locale): KeyedTable {
  let table = sheets.readTable(titlesOf(def));
  if (!table) {
    // A data sheet deleted by someone comes back empty rather than losing the next record.
    sheets.ensureSheet(sheetSpec(def, locale));
    table = sheets.readTable(titlesOf(def)) ?? { header: [], rows: [], firstRow: 2 };
  }
  const columns = mapColumns(def, table.header);
  let last = table.rows.length;
  while (last > 0 && table.rows[last - 1].every((c) => c === '')) last -= 1;
  return {
    def,
    header: table.header,
    columns,
    rows: keyedRows(table, columns),
    nextRow: table.firstRow + last,
  };
}

/** What a cell of this column shows for a stored value: the label in the sheet's language. */
export function shownValue(table: KeyedTable, key: string, value: Cell): Cell {
  const kind = table.columns.labels[key];
  return kind ? labelOf(kind, value, table.columns.locale) : value;
}

/** Lays out a record under the sheet's header; columns the sheet lacks are left out. */
export function rowFor(table: KeyedTable, values: Record<string, Cell>, base?: Cell[]): Cell[] {
  const width = Math.max(table.header.length, 1);
  const cells: Cell[] = base ? [...base] : Array<Cell>(width).fill('');
  while (cells.length < width) cells.push('');
  for (const [key, value] of Object.entries(values)) {
    const at = table.columns.index[key];
    if (at !== undefined) cells[at] = shownValue(table, key, value);
  }
  return cells;
}

/** The row's cells in header order, as they are now (unknown columns kept as they were). */
export function cellsOf(table: KeyedTable, row: KeyedRow): Cell[] {
  const cells = row.cells ? [...row.cells] : Array<Cell>(Math.max(table.header.length, 1)).fill('');
  while (cells.length < table.header.length) cells.push('');
  for (const [key, at] of Object.entries(table.columns.index))
    cells[at] = shownValue(table, key, row.values[key] ?? '');
  return cells;
}

/** Compares cells as Sheets gives them back (Dates by instant, everything else as text). */
export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  const norm = (c: Cell | undefined) =>
    c instanceof Date ? `@${c.getTime()}` : c === undefined || c === null ? '' : String(c);
  return norm(a) === norm(b);
}

/** Only the header of a data sheet (created when missing): enough to append rows by key. */
export function headerOnly(sheets: SheetsPort, def: SheetDef, locale: Locale): KeyedTable {
  let header = sheets.readHeader(titlesOf(def));
  if (!header) {
    sheets.ensureSheet(sheetSpec(def, locale));
    header = sheets.readHeader(titlesOf(def)) ?? [];
  }
  return { def, header, columns: mapColumns(def, header), rows: [], nextRow: 0 };
}

/** Every record sheet of the campaign, each read in one call. */
export function loadRecords(sheets: SheetsPort, locale: Locale): CampaignRecords {
  return {
    projects: readKeyed(sheets, PROJECTS_SHEET, locale)
      .rows.map(projectOf)
      .filter((p) => p.projectId !== ''),
    plans: readKeyed(sheets, PLANS_SHEET, locale)
      .rows.map(linkedOf)
      .filter((r) => r.projectId !== ''),
    ledger: readKeyed(sheets, LEDGER_SHEET, locale)
      .rows.map(linkedOf)
      .filter((r) => r.projectId !== ''),
    selfAssessments: readKeyed(sheets, SELF_ASSESSMENTS_SHEET, locale)
      .rows.map(linkedOf)
      .filter((r) => r.projectId !== ''),
  };
}
