import type { SheetDef } from '../../sheets-templates/config-sheets';
import { PROJECTS_SHEET, recordSheetOf } from '../../sheets-templates/data-sheets';
import {
  LEDGER_FORM,
  PLAN_FORM,
  SELF_ASSESSMENT_FORM,
  type FormDef,
} from '../../sheets-templates/forms';
import { dayOf } from '../domain/calendar';
import {
  textOf,
  unitInfosOf,
  type CampaignData,
  type FormRecord,
  type Person,
  type Subject,
} from '../domain/campaign-data';
import type { CampaignConfig } from '../domain/config';
import { dayOfCell, linkedOf, projectOf, type CampaignRecords } from '../domain/records';
import type { CampaignTemplate } from '../domain/template';
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

/**
 * Every record sheet of the campaign, each read in one call: the generic records (`data`) every
 * template's obligations and quota rules read, and the Secretary Project's typed records (projects
 * and what is attached to them) its reviews and reports read — empty for other templates.
 */
export function loadRecords(
  sheets: SheetsPort,
  config: CampaignConfig,
): CampaignRecords & { data: CampaignData } {
  const locale = config.settings.locale;
  const rowsByForm: Record<string, KeyedRow[]> = {};
  for (const form of config.forms)
    rowsByForm[form.key] = readKeyed(sheets, recordSheetOf(form), locale).rows;
  const subjectForm = config.forms.find((f) => f.makes.kind === 'subject');
  const attached = (key: string) =>
    (rowsByForm[key] ?? []).map(linkedOf).filter((r) => r.projectId !== '');
  return {
    projects: (subjectForm ? (rowsByForm[subjectForm.key] ?? []) : [])
      .map(projectOf)
      .filter((p) => p.projectId !== ''),
    plans: attached(PLAN_FORM.key),
    ledger: attached(LEDGER_FORM.key),
    selfAssessments: attached(SELF_ASSESSMENT_FORM.key),
    data: campaignDataFrom(config, rowsByForm),
  };
}

// --- every template's records as CampaignData ----------------------------------------------------

/** The column that says which subject, person or unit a form's record is about. */
function aboutColumn(form: FormDef, template: CampaignTemplate): string {
  const makes = form.makes;
  if (makes.kind === 'subject') return 'projectId';
  if (makes.of === 'unit') return 'unitId';
  if (makes.of === 'person') return 'personId';
  return template.subjects.find((s) => s.key === makes.of)?.source === 'sheet'
    ? 'subjectId'
    : 'projectId';
}

/**
 * The day that dates a record into a period. A form a repeating stage collects is dated by its
 * dateField answer (a quarter's meeting reported after the quarter still counts for it); any other
 * record by the day it was first submitted (as the ledger cadence counts entries), the dateField
 * answer only when that moment is unknown.
 */
function recordDay(
  form: FormDef,
  config: CampaignConfig,
  values: Record<string, Cell>,
  submittedAt: number | null,
): string | null {
  const tz = config.settings.timeZone;
  const dateField = form.makes.kind === 'entry' ? form.makes.dateField : undefined;
  const answered = dateField ? dayOfCell(values[dateField], tz) : null;
  const submitted = submittedAt === null ? null : dayOf(submittedAt, tz);
  const periodic = config.stages.some(
    (s) => s.form === form.key && s.schedule.kind === 'recurring',
  );
  return periodic ? (answered ?? submitted) : (submitted ?? answered);
}

/**
 * The campaign as any template sees it, built from the rows of each form's record sheet (by form
 * key) and the configuration: units with their extra columns, the roster, the subjects staff list
 * (their review values as their sheet holds them) and the ones forms make, every record. Pure.
 */
export function campaignDataFrom(
  config: CampaignConfig,
  rowsByForm: Record<string, readonly KeyedRow[]>,
): CampaignData {
  const template = config.template;
  const units = unitInfosOf(config);
  const people: Person[] = (config.people ?? []).map((p) => ({ ...p }));
  const subjects: Subject[] = (config.subjects ?? []).map((s) => ({
    type: s.type,
    subjectId: s.subjectId,
    name: s.name,
    unitIds: [...s.unitIds],
    values: s.values,
    submittedAt: null,
  }));
  const records: FormRecord[] = [];
  for (const form of config.forms) {
    const about = aboutColumn(form, template);
    const makes = form.makes;
    const nameField =
      makes.kind === 'subject'
        ? (template.subjects.find((s) => s.key === makes.subject)?.nameField ?? 'projectName')
        : null;
    for (const row of rowsByForm[form.key] ?? []) {
      const r = linkedOf(row);
      const id = textOf(row.values[about]);
      if (id === '') continue;
      const values = row.values;
      if (makes.kind === 'subject') {
        subjects.push({
          type: makes.subject,
          subjectId: id,
          name: textOf(values[nameField ?? 'projectName']),
          unitIds: [r.unitId],
          values,
          submittedAt: r.submittedAt,
        });
      }
      records.push({
        form: form.key,
        recordId: makes.kind === 'subject' ? id : `${form.key}:${r.row}`,
        unitId: r.unitId,
        subjectId: about === 'projectId' || about === 'subjectId' ? id : null,
        personId: about === 'personId' ? id : null,
        submittedAt: r.submittedAt,
        day: recordDay(form, config, values, r.submittedAt),
        verified: r.verified,
        values,
      });
    }
  }
  return { units, people, subjects, records };
}

/** Every form's record sheet, each read in one call, with the configuration: CampaignData. */
export function loadCampaignData(sheets: SheetsPort, config: CampaignConfig): CampaignData {
  return loadRecords(sheets, config).data;
}
