import {
  AUDIT_LOG_SHEET,
  PROJECTS_SHEET,
  QUOTA_VIEW_SHEET,
} from '../../sheets-templates/data-sheets';
import { dayOf, formatMinute } from '../domain/calendar';
import type { CampaignConfig } from '../domain/config';
import type { Person } from '../domain/campaign-data';
import { checkQuotas } from '../domain/quota-rules';
import type { CampaignRecords } from '../domain/records';
import {
  acceptedValue,
  checkReviewEdit,
  REVIEW_KEYS,
  type ReviewKey,
  type ReviewState,
} from '../domain/review-rules';
import { valueKey, valueLabel } from '../domain/labels';
import type { RuleViolation } from '../domain/rule-vocabulary';
import type { Cell } from '../domain/table';
import { messages, renderProblem, type Messages } from '../i18n';
import type { AppDeps } from '../ports';
import { ensureCampaignForms } from './campaign-forms';
import { loadConfig, titlesOf } from './config-sheets';
import { DAILY_HANDLER } from './daily-trigger';
import { REVIEWED_TITLES, reviewColumnsEdit, reviewedSheets } from './review-columns';
import { violationTexts } from './violation-texts';
import {
  cellsOf,
  headerOnly,
  loadRecords,
  readKeyed,
  rowFor,
  sameCell,
  shownValue,
  type KeyedTable,
} from './records';

export const EDIT_HANDLER = 'onReviewEdit';

/** The cells a person changed (one cell or a pasted block), as the edit trigger reports them. */
export interface EditedRange {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  editor: string;
  /** The cell's value before the edit: Apps Script gives it for a single-cell edit only. */
  oldValue?: string;
}

export interface ReviewResult {
  accepted: number;
  refused: { projectId: string; key: string; rule: string }[];
}

/** What the audit log says was accepted, per project and review key (the last entry wins). */
export function reviewState(audit: KeyedTable): ReviewState {
  const state: ReviewState = new Map();
  for (const row of audit.rows) {
    const projectId = String(row.values.projectId ?? '');
    const key = String(row.values.key ?? '') as ReviewKey;
    if (!projectId || !(REVIEW_KEYS as readonly string[]).includes(key)) continue;
    const review = state.get(projectId) ?? {};
    review[key] = valueKey(key, row.values.newValue ?? '');
    state.set(projectId, review);
  }
  return state;
}

const normalise = (v: Cell | undefined): Cell => (typeof v === 'string' ? v.trim() : (v ?? ''));

/**
 * Checks every review cell a person changed in the Projects sheet against the review rules, cell by
 * cell (a pasted block too). Accepted edits get the reviewer and time and an audit row; refused ones
 * are put back to the accepted value with a note and a toast saying why. Decided under the script
 * lock and against the audit log rather than the sheet, so two people selecting the 31st key
 * project at the same moment cannot both succeed; the lock is held only to read and write the
 * Projects sheet and the audit log (the configuration is read before, the toast shown after).
 */
export function reviewEdit(deps: AppDeps, edit: EditedRange): ReviewResult | null {
  if (!titlesOf(PROJECTS_SHEET).includes(edit.sheetName)) return otherReviewEdit(deps, edit);
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) return null;
  const config = loaded.config;
  const { settings } = config;
  const locale = settings.locale;
  const m = messages(locale);
  const decided = deps.lock.withScriptLock(() => {
    const now = deps.clock.now();
    // Consumer accounts and other domains: e.user is blank. The decision is recorded under an
    // explicit "unknown" that the reviewer signs from the menu (review-confirm.ts).
    const editor = edit.editor || m.review.unknownReviewer;
    const projects = readKeyed(deps.sheets, PROJECTS_SHEET, locale);
    const audit = readKeyed(deps.sheets, AUDIT_LOG_SHEET, locale);
    const state = reviewState(audit);
    const lastColumn = edit.column + edit.numColumns - 1;
    const keys = REVIEW_KEYS.filter((key) => {
      const at = projects.columns.index[key];
      return at !== undefined && at + 1 >= edit.column && at + 1 <= lastColumn;
    });
    const result: ReviewResult = { accepted: 0, refused: [] };
    const touched = projects.rows.filter(
      (r) => r.row >= edit.row && r.row < edit.row + edit.numRows,
    );
    auditScriptColumns(deps, projects, audit, touched, edit, now, settings.timeZone, m);
    if (keys.length === 0) return { result, notes: [], now, unsigned: 0 };
    const auditRows: Record<string, Cell>[] = [];
    const notes: { row: number; column: number; note: string }[] = [];
    const changedRows = new Map<number, Cell[]>();
    for (const row of touched) {
      const projectId = String(row.values.projectId ?? '');
      if (!projectId) continue;
      let cells: Cell[] | null = null;
      const set = (key: string, value: Cell) => {
        cells ??= cellsOf(projects, row);
        const at = projects.columns.index[key];
        if (at !== undefined) cells[at] = shownValue(projects, key, value);
      };
      for (const key of keys) {
        const current = normalise(row.values[key]);
        const accepted = acceptedValue(state, projectId, key);
        if (sameCell(current, normalise(accepted))) continue;
        const verdict = checkReviewEdit(state, projectId, key, current, settings.keyProjectQuota);
        const column = (projects.columns.index[key] as number) + 1;
        if (verdict.ok) {
          state.set(projectId, { ...(state.get(projectId) ?? {}), [key]: verdict.value });
          auditRows.push({
            at: new Date(now),
            editor,
            projectId,
            unitId: String(row.values.unitId ?? ''),
            key,
            oldValue: valueLabel(key, accepted, projects.columns.locale),
            newValue: valueLabel(key, verdict.value, projects.columns.locale),
          });
          set(key, verdict.value);
          set('reviewer', editor);
          set('reviewedAt', new Date(now));
          result.accepted += 1;
          continue;
        }
        set(key, accepted);
        const reason = renderProblem(m, verdict.problem);
        notes.push({
          row: row.row,
          column,
          note: refusedNote(m, editor, formatMinute(now, settings.timeZone), reason),
        });
        result.refused.push({ projectId, key, rule: verdict.rule });
        deps.log.record({ event: 'editRefused', rule: verdict.rule, projectId, key });
        if (verdict.rule === 'keyProjectQuota') {
          deps.log.record({
            event: 'quotaViolation',
            rule: 'keyProjectQuota',
            projectId,
            count: verdict.count,
            limit: verdict.limit,
          });
        }
      }
      if (cells) changedRows.set(row.row, cells);
    }
    writeRowBlocks(deps, changedRows);
    for (const note of notes)
      deps.sheets.setNote(titlesOf(PROJECTS_SHEET), note.row, note.column, note.note);
    if (auditRows.length) {
      const header = headerOnly(deps.sheets, AUDIT_LOG_SHEET, locale);
      deps.sheets.appendRows(
        titlesOf(AUDIT_LOG_SHEET),
        auditRows.map((r) => rowFor(header, r)),
      );
    }
    return {
      result,
      notes,
      now,
      unsigned: result.accepted > 0 && !edit.editor ? auditRows.length : 0,
    };
  });
  const { result, notes, now, unsigned } = decided;
  if (result.refused.length) {
    deps.ui.toast(
      notes
        .filter((n) => n.note)
        .map((n) => n.note)
        .join('\n'),
      m.review.refusedTitle,
    );
  }
  if (unsigned > 0) {
    deps.log.record({ event: 'reviewerUnknown', decisions: unsigned });
    deps.ui.toast(m.review.unknownReviewerToast, m.review.confirmTitle);
  }
  // The quota view is rewritten whole (clear, then write): its own short locked section, so two
  // rewrites never interleave, without holding up intakes while the review was decided.
  if (result.accepted) {
    deps.lock.withScriptLock(() =>
      refreshQuotaView(deps, config, loadRecords(deps.sheets, config), now),
    );
  }
  return result;
}

/** A review column of another template's sheet (a rating's grade, a task's status). */
function otherReviewEdit(deps: AppDeps, edit: EditedRange): ReviewResult | null {
  if (!REVIEWED_TITLES.has(edit.sheetName)) return null;
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) return null;
  const target = reviewedSheets(loaded.config).find((t) =>
    titlesOf(t.def).includes(edit.sheetName),
  );
  if (!target) return null;
  const result = reviewColumnsEdit(deps, loaded.config, target, edit);
  return {
    accepted: result.accepted,
    refused: result.refused.map((r) => ({ projectId: r.id, key: r.key, rule: 'reviewValue' })),
  };
}

/**
 * The owner is never bound by a protection, so the script's own columns can still be typed
 * over. Such an edit is not put back (the script cannot know the true value of a pasted block:
 * Apps Script gives `e.oldValue` for a single cell only); it is recorded in the audit log with
 * who, when, before and after, and the cell carries a note saying so. The next edit of the
 * unit's response rewrites the script's columns from the response.
 */
function auditScriptColumns(
  deps: AppDeps,
  projects: KeyedTable,
  audit: KeyedTable,
  touched: KeyedTable['rows'],
  edit: EditedRange,
  now: number,
  timeZone: string,
  m: Messages,
): void {
  const lastColumn = edit.column + edit.numColumns - 1;
  const keys = Object.entries(projects.columns.index)
    .filter(([key, at]) => {
      if ((REVIEW_KEYS as readonly string[]).includes(key)) return false;
      return at + 1 >= edit.column && at + 1 <= lastColumn;
    })
    .map(([key]) => key);
  if (keys.length === 0) return;
  const single = edit.numRows === 1 && edit.numColumns === 1;
  const at = formatMinute(now, timeZone);
  const rows: Record<string, Cell>[] = [];
  for (const row of touched) {
    for (const key of keys) {
      rows.push({
        at: new Date(now),
        editor: edit.editor,
        projectId: String(row.values.projectId ?? ''),
        unitId: String(row.values.unitId ?? ''),
        key,
        oldValue: single ? (edit.oldValue ?? '') : m.review.oldValueUnknown,
        newValue: row.values[key] ?? '',
      });
      const column = (projects.columns.index[key] as number) + 1;
      if (key !== 'verified')
        deps.sheets.setNote(
          titlesOf(PROJECTS_SHEET),
          row.row,
          column,
          m.review.scriptColumnEdited(edit.editor, at),
        );
    }
  }
  if (rows.length === 0) return;
  deps.sheets.appendRows(
    titlesOf(AUDIT_LOG_SHEET),
    rows.map((r) => rowFor(audit, r)),
  );
  deps.log.record({ event: 'scriptColumnEdited', keys, rows: touched.length, editor: edit.editor });
}

function refusedNote(m: Messages, editor: string, at: string, reason: string): string {
  return m.review.refusedNote(editor, at, reason);
}

/** Consecutive changed rows are written together: one write per block of rows. */
function writeRowBlocks(deps: AppDeps, rows: Map<number, Cell[]>): void {
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  let start = 0;
  while (start < numbers.length) {
    let end = start;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end += 1;
    const block = numbers.slice(start, end + 1).map((n) => rows.get(n) as Cell[]);
    deps.sheets.writeRows(titlesOf(PROJECTS_SHEET), numbers[start], block);
    start = end + 1;
  }
}

/**
 * One line per violation, for digests and the quota view: the rule, what it is about (unit or
 * person, subject, period; a term's end) and the figures found against the limit. Made once per
 * campaign, then called per violation.
 */
export function violationDescriber(
  m: Messages,
  config: CampaignConfig,
  people: readonly Person[] = config.people ?? [],
): (v: RuleViolation) => { rule: string; subject: string; figures: string } {
  const texts = violationTexts(m, config, people);
  return (v) => {
    const place = texts.place(v);
    // A term's days left and warning days are no count against a limit: the term line says them.
    const term = texts.termLine(v);
    const subject = [place.who, place.subjectId, place.period, term ?? '']
      .filter(Boolean)
      .join(' · ');
    const figures =
      term === null && v.count !== undefined
        ? `${v.count}${v.limit !== undefined ? ` / ${v.limit}` : ''}`
        : '';
    return { rule: texts.ruleName(m.quotaRules, v.rule), subject, figures };
  };
}

/** Where the daily run leaves its length, for the quota view's runtime check. */
export const LAST_RUN_MS_KEY = 'dailyRun.lastMs';

type QuotaRow = {
  rule: string;
  subject: string;
  count: Cell;
  limit: Cell;
  since: string;
  result: string;
};

/** The Apps Script rows of the quota view: mail left against the reserve, the last run's length. */
function appsScriptChecks(deps: AppDeps, config: CampaignConfig, m: Messages): QuotaRow[] {
  const { mailReserve } = config.settings;
  const remaining = deps.mail.remainingQuota();
  const lastSeconds = Math.round(Number(deps.store.get(LAST_RUN_MS_KEY) ?? 0) / 1000);
  const result = (ok: boolean) => (ok ? m.review.passed : m.review.failed);
  return [
    {
      rule: m.review.appsScript,
      subject:
        remaining < mailReserve
          ? m.review.mailQuotaLow(remaining, mailReserve)
          : m.review.mailQuotaOk(remaining, mailReserve),
      count: remaining,
      limit: mailReserve,
      since: '',
      result: result(remaining >= mailReserve),
    },
    {
      rule: m.review.appsScript,
      // The daily run stops itself at 4.5 minutes; above 4 it is close to Apps Script's 6.
      subject:
        lastSeconds > 240 ? m.review.lastRunLong(lastSeconds) : m.review.lastRunOk(lastSeconds),
      count: lastSeconds,
      limit: 240,
      since: '',
      result: result(lastSeconds <= 240),
    },
  ];
}

/**
 * Rewrites the quota view in one batch — every rule of the configuration, passed or with each
 * violation, then the Apps Script ones; returns the violations.
 */
export function refreshQuotaView(
  deps: AppDeps,
  config: CampaignConfig,
  records: CampaignRecords,
  now: number,
): RuleViolation[] {
  const { settings } = config;
  const m = messages(settings.locale);
  const today = dayOf(now, settings.timeZone);
  const violations = checkQuotas(config, records, today);
  const table = headerOnly(deps.sheets, QUOTA_VIEW_SHEET, settings.locale);
  const checkedAt = new Date(now);
  const rows: Cell[][] = [];
  const describe = violationDescriber(m, config);
  const texts = violationTexts(m, config);
  for (const rule of config.quotaRules) {
    const found = violations.filter((v) => v.rule === rule.id);
    for (const v of found) {
      const { rule: name, subject } = describe(v);
      rows.push(
        rowFor(table, {
          rule: name,
          subject,
          count: v.count ?? '',
          limit: v.limit ?? '',
          since: v.since ?? '',
          result: m.review.failed,
          checkedAt,
        }),
      );
    }
    if (found.length === 0) {
      rows.push(
        rowFor(table, {
          rule: texts.ruleName(m.quotaRules, rule.id),
          subject: m.review.ruleMet,
          result: m.review.passed,
          checkedAt,
        }),
      );
    }
  }
  for (const row of appsScriptChecks(deps, config, m))
    rows.push(rowFor(table, { ...row, checkedAt }));
  deps.sheets.replaceRows(titlesOf(QUOTA_VIEW_SHEET), rows);
  return violations;
}

/**
 * What a running review needs beyond the sheets: staff can edit the spreadsheet, review columns
 * are theirs alone, every other column of the Projects sheet is the script's, and one installable
 * edit trigger checks their edits. Idempotent; true when anything changed.
 */
export function ensureReviewSetup(deps: AppDeps, config: CampaignConfig): boolean {
  const staff = [...new Set(Object.values(config.settings.staffEmails).flat())];
  let changed = deps.sheets.addEditors(staff);
  const header = deps.sheets.readHeader(titlesOf(PROJECTS_SHEET)) ?? [];
  const columns = headerOnly(deps.sheets, PROJECTS_SHEET, config.settings.locale).columns.index;
  // Staff decide the review columns and confirm submitters (the verification column).
  const reviewColumns = [...REVIEW_KEYS, 'verified']
    .map((k) => columns[k])
    .filter((i): i is number => i !== undefined)
    .map((i) => i + 1);
  const scriptColumns = header.map((_, i) => i + 1).filter((c) => !reviewColumns.includes(c));
  const m = messages(config.settings.locale);
  changed =
    deps.sheets.protectColumns(titlesOf(PROJECTS_SHEET), [
      { description: m.review.protectReview, columns: reviewColumns, editors: staff },
      { description: m.review.protectScript, columns: scriptColumns, editors: [] },
    ]) || changed;
  changed = deps.triggers.ensureEditTrigger(EDIT_HANDLER) || changed;
  return changed;
}

/** Menu: staff confirm that an unverified submission really comes from its unit. */
export function markVerified(deps: AppDeps): void {
  deps.lock.withScriptLock(() => {
    const loaded = loadConfig(deps.sheets);
    if (!loaded.ok) return;
    const { settings } = loaded.config;
    const m = messages(settings.locale);
    const answer = deps.ui.prompt(m.review.verifyTitle, m.review.verifyPrompt);
    if (answer === null) return;
    const projectId = answer.trim().toUpperCase();
    const projects = readKeyed(deps.sheets, PROJECTS_SHEET, settings.locale);
    const row = projects.rows.find((r) => String(r.values.projectId).toUpperCase() === projectId);
    if (!row) {
      deps.ui.alert(m.review.verifyTitle, m.problems.unknownProject(answer.trim()));
      return;
    }
    const before = String(row.values.verified ?? '');
    const column = projects.columns.index.verified;
    if (column === undefined) return;
    // The menu runs as the person who clicked: write only the cell staff may edit.
    deps.sheets.writeCell(titlesOf(PROJECTS_SHEET), row.row, column + 1, m.intake.verified);
    const audit = headerOnly(deps.sheets, AUDIT_LOG_SHEET, settings.locale);
    const editor = deps.ui.activeUser();
    deps.sheets.appendRows(titlesOf(AUDIT_LOG_SHEET), [
      rowFor(audit, {
        at: new Date(deps.clock.now()),
        editor,
        projectId: String(row.values.projectId),
        unitId: String(row.values.unitId ?? ''),
        key: 'verified',
        oldValue: before,
        newValue: m.intake.verified,
      }),
    ]);
    deps.log.record({ event: 'verified', projectId: String(row.values.projectId), by: editor });
    deps.ui.alert(m.review.verifyTitle, m.review.verifiedDone(String(row.values.projectId)));
  });
}

/** Menu: every quota check now; the quota view is rewritten and the result shown. */
export function checkQuotasNow(deps: AppDeps): void {
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) return;
  const config = loaded.config;
  const m = messages(config.settings.locale);
  const violations = deps.lock.withScriptLock(() =>
    refreshQuotaView(deps, config, loadRecords(deps.sheets, config), deps.clock.now()),
  );
  deps.ui.alert(m.review.quotaTitle, m.review.quotaChecked(violations.length));
}

/** Menu: the daily trigger, every form's submit trigger and the edit trigger, exactly one each. */
export function repairTriggers(deps: AppDeps): void {
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) return;
  const config = loaded.config;
  const { settings } = config;
  deps.lock.withScriptLock(() => {
    const daily = deps.triggers.timeTriggers(DAILY_HANDLER);
    if (daily.length !== 1 || daily[0].hour !== settings.reminderHour) {
      for (const t of daily) deps.triggers.remove(t.id);
      deps.triggers.createDaily(DAILY_HANDLER, settings.reminderHour, settings.timeZone);
    }
    ensureCampaignForms(deps, config);
    deps.triggers.ensureEditTrigger(EDIT_HANDLER);
  });
  deps.ui.alert(
    messages(settings.locale).review.quotaTitle,
    messages(settings.locale).review.triggersRepaired,
  );
}
