import type { LabelKind, SheetDef } from '../../sheets-templates/config-sheets';
import type { Cell } from './cell';
import { keyOf } from './labels';

// Modules that read sheets take the cell type from here, with the rest of a table.
export type { Cell };

/** A sheet as read in one batch: header row and data rows, with the sheet row of the first. */
export interface RawTable {
  header: Cell[];
  rows: Cell[][];
  /** The sheet row number of rows[0] (2 when the header is row 1). */
  firstRow: number;
}

export interface ColumnMap {
  /** column key → 0-based index in the header */
  index: Record<string, number>;
  missing: string[];
  /** Columns that show labels for stored keys: read back as keys. */
  labels: Record<string, LabelKind>;
  /** The language of the header (its labels), which the sheet's label cells follow. */
  locale: 'zh-CN' | 'en';
}

const normalise = (value: Cell) => String(value).trim().toLowerCase();

/**
 * Finds each column of a sheet definition in a header row by key, Chinese label or English label,
 * so columns may be reordered or relabelled between languages without breaking anything.
 */
export function mapColumns(def: SheetDef, header: Cell[]): ColumnMap {
  const positions = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalise(cell);
    if (name && !positions.has(name)) positions.set(name, i);
  });
  const index: Record<string, number> = {};
  const missing: string[] = [];
  const labels: Record<string, LabelKind> = {};
  let english = 0;
  let chinese = 0;
  for (const column of def.columns) {
    const found = [column.key, column.label.zh, column.label.en]
      .map((name) => positions.get(normalise(name)))
      .find((i) => i !== undefined);
    if (found === undefined) missing.push(column.key);
    else {
      index[column.key] = found;
      if (column.labels) labels[column.key] = column.labels;
      const shown = normalise(header[found]);
      if (column.label.en !== column.label.zh) {
        if (shown === normalise(column.label.en)) english += 1;
        else if (shown === normalise(column.label.zh)) chinese += 1;
      }
    }
  }
  return { index, missing, labels, locale: english > chinese ? 'en' : 'zh-CN' };
}

export interface KeyedRow {
  /** The sheet row number (1-based, as people see it). */
  row: number;
  values: Record<string, Cell>;
  /** The row as read, every column (columns no definition knows included). */
  cells?: Cell[];
}

/**
 * The table's rows as key → value records, skipping rows that are entirely empty. Columns the
 * sheet lacks read as '' (an optional column may be deleted by staff).
 */
export function keyedRows(table: RawTable, columns: ColumnMap): KeyedRow[] {
  const out: KeyedRow[] = [];
  table.rows.forEach((cells, i) => {
    if (cells.every((cell) => cell === '' || cell === null || cell === undefined)) return;
    const values: Record<string, Cell> = {};
    for (const key of columns.missing) values[key] = '';
    for (const [key, index] of Object.entries(columns.index)) {
      const kind = columns.labels?.[key];
      values[key] = kind ? keyOf(kind, cells[index] ?? '') : (cells[index] ?? '');
    }
    out.push({ row: table.firstRow + i, values, cells });
  });
  return out;
}

/** Lays out records under a header, by key: one row array per record, '' where absent. */
export function rowsForHeader(keys: readonly string[], records: Record<string, Cell>[]): Cell[][] {
  return records.map((record) => keys.map((key) => record[key] ?? ''));
}
