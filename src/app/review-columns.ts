/**
 * Review columns of a template other than the Secretary Project's projects: a branch rating's grade
 * (评星定级), a key task's status (完成 / 推进中 / 滞后). Staff type them in the record or subject
 * sheet; each edited cell is checked against the column's definition (a choice among its values, a
 * number within its bounds). Accepted values are audited in 审核日志 — who, when, before, after —
 * and a refused one is put back to the last accepted value with a note saying why, as for projects.
 */
import { AUDIT_LOG_SHEET, recordSheetOf } from '../../sheets-templates/data-sheets';
import { subjectSheetFor, type SheetDef } from '../../sheets-templates/config-sheets';
import { TEMPLATES } from '../../sheets-templates/templates';
import { formatMinute } from '../domain/calendar';
import type { CampaignConfig } from '../domain/config';
import type { Cell } from '../domain/table';
import type { ReviewColumn } from '../domain/template';
import { messages, problem, renderProblem, type ProblemRef } from '../i18n';
import type { AppDeps } from '../ports';
import { titlesOf } from './config-sheets';
import { headerOnly, readKeyed, rowFor, sameCell, shownValue } from './records';

/** A sheet whose rows staff review, the column naming each row, and its review columns. */
export interface ReviewedSheet {
  def: SheetDef;
  /** The column that names a row in the audit log (a task id, a response id). */
  idKey: string;
  columns: readonly ReviewColumn[];
}

/**
 * The sheets of a campaign that carry the template's review columns, besides the projects sheet:
 * a form's record sheet (rows named by response id) and a listed subject's sheet (rows named by
 * their first column, the subject id).
 */
export function reviewedSheets(config: CampaignConfig): ReviewedSheet[] {
  const { template } = config;
  const out: ReviewedSheet[] = [];
  for (const form of config.forms) {
    if (form.makes.kind === 'subject') continue;
    const columns = template.review.filter((r) => r.on === form.key);
    if (columns.length) out.push({ def: recordSheetOf(form), idKey: 'responseId', columns });
  }
  for (const subject of template.subjects) {
    const columns = template.review.filter((r) => r.on === subject.key);
    const idKey = subject.columns?.[0]?.key;
    if (subject.source === 'sheet' && columns.length && idKey)
      out.push({ def: subjectSheetFor(template, subject), idKey, columns });
  }
  return out;
}

/** Every title such a sheet may carry in any shipped template: an edit elsewhere costs no read. */
export const REVIEWED_TITLES: ReadonlySet<string> = new Set(
  TEMPLATES.flatMap((t) => [
    ...t.forms
      .filter((f) => f.makes.kind !== 'subject' && t.review.some((r) => r.on === f.key))
      .flatMap((f) => [f.sheet.zh, f.sheet.en]),
    ...t.subjects
      .filter((s) => s.sheet && t.review.some((r) => r.on === s.key))
      .flatMap((s) => [s.sheet!.zh, s.sheet!.en]),
  ]),
);

export interface EditedCells {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  editor: string;
}

export interface ColumnsReview {
  accepted: number;
  refused: { id: string; key: string }[];
}

/** The value a review cell may hold, or why not. */
export function checkReviewValue(
  column: ReviewColumn,
  value: Cell,
): { ok: true; value: Cell } | { ok: false; problem: ProblemRef } {
  const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
  if (text === '') return { ok: true, value: '' };
  if (column.type === 'choice') {
    const choices = column.choices ?? [];
    return choices.includes(text)
      ? { ok: true, value: text }
      : { ok: false, problem: problem('badChoice', text, choices.join('、')) };
  }
  if (column.type === 'number') {
    const n = typeof value === 'number' ? value : Number(text);
    const min = column.min ?? -1e12;
    const max = column.max ?? 1e12;
    return Number.isFinite(n) && n >= min && n <= max
      ? { ok: true, value: n }
      : { ok: false, problem: problem('badNumber', text, min, max) };
  }
  return text.length <= 5000
    ? { ok: true, value: text }
    : { ok: false, problem: problem('tooLong', 5000) };
}

/**
 * Checks the review cells a person changed in `target` (one cell or a pasted block). The last
 * accepted value of each (row, column) is the audit log's last entry for it, so a refused value is
 * put back to what was accepted before, even after several edits.
 */
export function reviewColumnsEdit(
  deps: AppDeps,
  config: CampaignConfig,
  target: ReviewedSheet,
  edit: EditedCells,
): ColumnsReview {
  const { settings } = config;
  const locale = settings.locale;
  const m = messages(locale);
  const decided = deps.lock.withScriptLock(() => {
    const now = deps.clock.now();
    const editor = edit.editor || m.review.unknownReviewer;
    const table = readKeyed(deps.sheets, target.def, locale);
    const audit = readKeyed(deps.sheets, AUDIT_LOG_SHEET, locale);
    const accepted = new Map<string, Cell>();
    for (const row of audit.rows)
      accepted.set(`${row.values.projectId}\u0000${row.values.key}`, row.values.newValue ?? '');
    const last = edit.column + edit.numColumns - 1;
    const columns = target.columns.filter((c) => {
      const at = table.columns.index[c.key];
      return at !== undefined && at + 1 >= edit.column && at + 1 <= last;
    });
    const result: ColumnsReview = { accepted: 0, refused: [] };
    const auditRows: Record<string, Cell>[] = [];
    const notes: string[] = [];
    const touched = table.rows.filter((r) => r.row >= edit.row && r.row < edit.row + edit.numRows);
    for (const row of touched) {
      const id = String(row.values[target.idKey] ?? '');
      if (!id) continue;
      for (const column of columns) {
        const current = row.values[column.key] ?? '';
        const before = accepted.get(`${id}\u0000${column.key}`) ?? '';
        if (sameCell(current, before)) continue;
        const at = (table.columns.index[column.key] as number) + 1;
        const verdict = checkReviewValue(column, current);
        if (verdict.ok) {
          auditRows.push({
            at: new Date(now),
            editor,
            projectId: id,
            unitId: String(row.values.unitId ?? ''),
            key: column.key,
            oldValue: before,
            newValue: verdict.value,
          });
          accepted.set(`${id}\u0000${column.key}`, verdict.value);
          result.accepted += 1;
          continue;
        }
        const note = m.review.refusedNote(
          editor,
          formatMinute(now, settings.timeZone),
          renderProblem(m, verdict.problem),
        );
        deps.sheets.writeCell(
          titlesOf(target.def),
          row.row,
          at,
          shownValue(table, column.key, before),
        );
        deps.sheets.setNote(titlesOf(target.def), row.row, at, note);
        notes.push(note);
        result.refused.push({ id, key: column.key });
        deps.log.record({ event: 'editRefused', sheet: target.def.key, id, key: column.key });
      }
    }
    if (auditRows.length) {
      const header = headerOnly(deps.sheets, AUDIT_LOG_SHEET, locale);
      deps.sheets.appendRows(
        titlesOf(AUDIT_LOG_SHEET),
        auditRows.map((r) => rowFor(header, r)),
      );
    }
    return { result, notes };
  });
  if (decided.notes.length) deps.ui.toast(decided.notes.join('\n'), m.review.refusedTitle);
  return decided.result;
}
