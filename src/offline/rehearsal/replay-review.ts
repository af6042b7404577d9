/**
 * Replays scenario `review` events (rehearsal-format.md): a staff member finds the project in the
 * 项目库 sheet and types the review cells one by one, as a person would — each edit goes through
 * Sheets' checks (protection, validation) and fires the edit triggers (harness.edit).
 *
 * The project row is found by its header labels (mapColumns), so reordered or relabelled columns
 * still work; it is looked up again before every cell, because the edit trigger of the previous
 * cell may have moved, reverted or rewritten rows.
 */
import { PROJECTS_SHEET } from '../../../sheets-templates/data-sheets';
import { labelOf } from '../../domain/labels';
import { keyedRows, mapColumns, type ColumnMap } from '../../domain/table';
import { columnToLetters } from '../emulator/spreadsheet-values';
import type { CampaignHarness } from '../harness';
import type { RunResult } from '../sandbox/sandbox';
import type { EventReplayer, ReplayContext } from './replayer';
import type { JsonValue, ProjectSelector, ReviewEvent, ScenarioEvent } from './scenario';

/** What the replay could not do as written, or had to do first (the rehearsal goes on). */
export interface ReviewReplayNote {
  line: number;
  type: 'review';
  by: string;
  /** The project as the event names it (`P-001`, or `U01 / 项目名称`). */
  project: string;
  problem: string;
}

/** The replay result: the executions that ran, plus what was refused or dropped on the way. */
export type ReviewReplayResult = RunResult[] & { notes: ReviewReplayNote[] };

const notesByContext = new WeakMap<ReplayContext, ReviewReplayNote[]>();

/** Every note of the review replays in this rehearsal so far, oldest first. */
export function reviewReplayNotes(context: ReplayContext): ReviewReplayNote[] {
  let notes = notesByContext.get(context);
  if (!notes) {
    notes = [];
    notesByContext.set(context, notes);
  }
  return notes;
}

/** The Projects sheet's title in this spreadsheet: Chinese or English, as setup made it. */
function projectsTitle(harness: CampaignHarness): string {
  return harness.values(PROJECTS_SHEET.title.zh)
    ? PROJECTS_SHEET.title.zh
    : PROJECTS_SHEET.title.en;
}

function describe(selector: ProjectSelector): string {
  return 'projectId' in selector
    ? selector.projectId
    : `${selector.unitId} / ${selector.projectName}`;
}

interface Located {
  row: number;
  columns: ColumnMap;
}

const text = (value: unknown) => String(value ?? '').trim();

/** The sheet row of the project, or why it cannot be found. */
export function locateProject(
  harness: CampaignHarness,
  selector: ProjectSelector,
): Located | string {
  const title = projectsTitle(harness);
  const values = harness.values(title);
  if (!values || values.length === 0) {
    return `there is no sheet "${PROJECTS_SHEET.title.zh}" / "${PROJECTS_SHEET.title.en}"`;
  }
  const columns = mapColumns(PROJECTS_SHEET, values[0]);
  const need = 'projectId' in selector ? ['projectId'] : ['unitId', 'projectName'];
  const absent = need.filter((key) => columns.index[key] === undefined);
  if (absent.length > 0) {
    return `the ${title} header has no column for ${absent.join(', ')}`;
  }
  const rows = keyedRows({ header: values[0], rows: values.slice(1), firstRow: 2 }, columns);
  const matches = rows.filter(({ values: v }) =>
    'projectId' in selector
      ? text(v.projectId) === selector.projectId
      : // The forms show unit names, so a scenario may name the unit either way.
        (text(v.unitId) === selector.unitId || text(v.unitName) === selector.unitId) &&
        String(v.projectName) === selector.projectName,
  );
  if (matches.length === 0) {
    return `project ${describe(selector)} is not in ${title} (not submitted yet, or rejected)`;
  }
  if (matches.length > 1) {
    // Editing one of them at random would hide the problem; the scenario should name the projectId.
    return `project ${describe(selector)} matches rows ${matches.map((m) => m.row).join(', ')} of ${title}; nothing edited`;
  }
  return { row: matches[0].row, columns };
}

/** What the person types for a JSON value (numbers as numbers, text as text, null clears). */
function typedValue(value: JsonValue): string | number | boolean | null {
  if (value === null) return '';
  if (typeof value === 'object') return null;
  return value;
}

export const replayReview: EventReplayer = (harness, scenarioEvent, context) => {
  const event = scenarioEvent as ReviewEvent;
  const runs: RunResult[] = [];
  const notes: ReviewReplayNote[] = [];
  const project = describe(event.project);
  const note = (problem: string) => {
    const n: ReviewReplayNote = {
      line: event.line,
      type: 'review',
      by: event.by,
      project,
      problem,
    };
    notes.push(n);
    reviewReplayNotes(context).push(n);
  };
  const done = () => Object.assign(runs, { notes }) as ReviewReplayResult;

  const first = locateProject(harness, event.project);
  if (typeof first === 'string') {
    note(first);
    return done();
  }
  if (!harness.isEditor(event.by)) {
    // A reviewer needs edit access to type at all; the product should share at activate.
    harness.shareWith([event.by]);
    note(`${event.by} was not an editor of the spreadsheet; the owner shared it with them first`);
  }
  for (const [key, raw] of Object.entries(event.set)) {
    const located = locateProject(harness, event.project);
    if (typeof located === 'string') {
      note(`${located} (before editing "${key}")`);
      return done();
    }
    const at = located.columns.index[key];
    if (at === undefined) {
      note(`"${key}" dropped: ${projectsTitle(harness)} has no such column`);
      continue;
    }
    // A dropdown offers labels in the sheet's language; the scenario may give a key or any label.
    const kind = located.columns.labels[key];
    const typed =
      kind && typeof raw === 'string'
        ? String(labelOf(kind, raw, located.columns.locale))
        : typedValue(raw);
    if (typed === null) {
      note(`"${key}" dropped: ${JSON.stringify(raw)} cannot be typed into a cell`);
      continue;
    }
    const a1 = `${columnToLetters(at + 1)}${located.row}`;
    const outcome = harness.edit(event.by, projectsTitle(harness), a1, typed);
    runs.push(...outcome.runs);
    if (!outcome.accepted) {
      note(`edit of "${key}" (${a1}) refused by Sheets: ${outcome.reason ?? 'refused'}`);
    }
  }
  return done();
};

/** Registers the replayer in the engine's table (called from engine.ts). */
export function registerReviewReplayer(
  replayers: Partial<Record<ScenarioEvent['type'], EventReplayer>>,
): void {
  replayers.review = replayReview;
}
