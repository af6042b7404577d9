/**
 * What the reports say, as plain numbers and rows computed from the configuration and the records:
 * counts and rates by project type, theme, unit category and department; who is missing or late;
 * key projects and their funding; acceptance results; the stage timeline. Pure — the documents
 * only lay these out, so every number in a report is one computed here from the sheets.
 */
import { obligations as allObligations, type Obligation as Owed } from './obligations';
import { PROJECT_TYPES, SELF_ASSESSMENT_FORM, THEMES } from '../../sheets-templates/forms';
import { UNIT_CATEGORIES } from '../../sheets-templates/config-sheets';
import { endOfDay } from './calendar';
import type { CampaignConfig, Stage, Unit } from './config';
import { periodsOf, scheduleSpan, type Period } from './periods';
import { STATUS, type CampaignRecords, type LinkedRecord, type ProjectRecord } from './records';
import { checkQuotas } from './quota-rules';
import type { RuleViolation } from './rule-vocabulary';

export interface Tally {
  /** The value counted (a project type, a theme). */
  key: string;
  count: number;
  /** count / all projects; null when there are none. */
  rate: number | null;
}

export interface Coverage {
  /** A unit category, or a department key (org, enterprise, …). */
  key: string;
  /** Active units in the group. */
  units: number;
  /** Projects of those units. */
  projects: number;
  /** Obligations of the stage in the group (units or projects, by audience). */
  expected: number;
  met: number;
  late: number;
  rate: number | null;
}

export type StageState = 'upcoming' | 'open' | 'closed';

export interface StageProgress {
  stage: Stage;
  /**
   * The period counted: a one-off stage's only one (id ''); of a recurring stage, the latest that
   * has opened (the first before any has).
   */
  period: Period;
  state: StageState;
  /** Whether the stage's obligations are owed by units or by projects (or reviews, for staff). */
  subject: 'units' | 'projects' | 'reviews' | 'none';
  expected: number;
  met: number;
  late: number;
  missing: number;
  rate: number | null;
}

export interface Obligation {
  unit: Unit;
  project: ProjectRecord | null;
  /** First submission that meets it (epoch ms); for reviews, null but met. */
  metAt: number | null;
  met: boolean;
  late: boolean;
}

export interface KeyProjectRow {
  projectId: string;
  unitId: string;
  unitName: string;
  projectName: string;
  projectType: string;
  budget: number | null;
  fundingGranted: number | null;
}

export interface StageReportModel {
  campaignName: string;
  today: string;
  stage: Stage;
  progress: StageProgress;
  activeUnits: number;
  projects: {
    total: number;
    key: number;
    filed: number;
    pending: number;
    returned: number;
    unverified: number;
  };
  byType: Tally[];
  byTheme: Tally[];
  byCategory: Coverage[];
  byDepartment: Coverage[];
  missing: Obligation[];
  late: Obligation[];
  keyProjects: KeyProjectRow[];
  budgetTotal: number;
  fundingTotal: number;
  violations: RuleViolation[];
  timeline: StageProgress[];
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function subjectOf(stage: Stage): StageProgress['subject'] {
  if (stage.audience === 'staff') return 'reviews';
  if (!stage.form) return 'none';
  // Owed per subject (a project), or per unit — a roster's people are counted with their units.
  return stage.audienceDef.kind === 'subjects' ? 'projects' : 'units';
}

/** The period a report counts on `today`: the latest opened, or the first before any has. */
export function reportedPeriod(stage: Stage, today: string): Period {
  const periods = periodsOf(stage.schedule);
  return periods.filter((p) => p.opensOn <= today).pop() ?? periods[0];
}

/**
 * What a stage asks of whom in its reported period, and whether it was done: a unit-facing stage
 * as obligations.ts says (met by the first submission of its form, late when after the end of the
 * deadline day; an unverified submission meets it provisionally); a staff stage is met for a
 * project once it is no longer pending review. Inactive units owe nothing. `owed` is every
 * obligation of the campaign, when the caller has it already.
 */
export function stageObligations(
  config: CampaignConfig,
  records: CampaignRecords,
  stage: Stage,
  today = '',
  owed?: readonly Owed[],
): Obligation[] {
  const active = new Map(config.units.filter((u) => u.active).map((u) => [u.unitId, u]));
  const subject = subjectOf(stage);
  if (subject === 'none') return [];
  if (subject === 'reviews') {
    return records.projects
      .filter((p) => active.has(p.unitId))
      .map((p) => {
        const met = p.status !== '' && p.status !== STATUS.pending;
        return { unit: active.get(p.unitId)!, project: p, metAt: null, met, late: false };
      });
  }
  const { periodId } = reportedPeriod(stage, today);
  const projects = new Map(records.projects.map((p) => [p.projectId, p]));
  return (owed ?? allObligations(config, records))
    .filter((o) => o.stage.stageId === stage.stageId && o.periodId === periodId)
    .map((o) => ({
      unit: active.get(o.unitId)!,
      project: o.projectId === null ? null : (projects.get(o.projectId) ?? null),
      metAt: o.metAt,
      met: o.metAt !== null,
      late: o.late,
    }));
}

/** Upcoming before its first period opens, open until its last deadline, closed after. */
export function stageState(stage: Stage, today: string): StageState {
  const span = scheduleSpan(stage.schedule);
  if (today < span.opensOn) return 'upcoming';
  return today <= span.deadline ? 'open' : 'closed';
}

export function stageProgress(
  config: CampaignConfig,
  records: CampaignRecords,
  stage: Stage,
  today: string,
  owed?: readonly Owed[],
): StageProgress {
  const obligations = stageObligations(config, records, stage, today, owed);
  const met = obligations.filter((o) => o.met).length;
  return {
    stage,
    period: reportedPeriod(stage, today),
    state: stageState(stage, today),
    subject: subjectOf(stage),
    expected: obligations.length,
    met,
    late: obligations.filter((o) => o.late).length,
    missing: obligations.length - met,
    rate: rate(met, obligations.length),
  };
}

/** Counts of each known value first (zeros included), then any other value found, in order. */
function tally(
  projects: ProjectRecord[],
  known: readonly string[],
  valuesOf: (p: ProjectRecord) => string[],
): Tally[] {
  const counts = new Map<string, number>(known.map((k) => [k, 0]));
  for (const p of projects) {
    for (const v of new Set(valuesOf(p))) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count, rate: rate(count, projects.length) }));
}

function coverage(
  config: CampaignConfig,
  records: CampaignRecords,
  obligations: Obligation[],
  keyOf: (u: Unit) => string,
  known: readonly string[],
): Coverage[] {
  const active = config.units.filter((u) => u.active);
  const keys = [...known];
  for (const u of active) if (!keys.includes(keyOf(u))) keys.push(keyOf(u));
  const unitKey = new Map(active.map((u) => [u.unitId, keyOf(u)]));
  return keys.map((key) => {
    const mine = obligations.filter((o) => keyOf(o.unit) === key);
    const met = mine.filter((o) => o.met).length;
    return {
      key,
      units: active.filter((u) => keyOf(u) === key).length,
      projects: records.projects.filter((p) => unitKey.get(p.unitId) === key).length,
      expected: mine.length,
      met,
      late: mine.filter((o) => o.late).length,
      rate: rate(met, mine.length),
    };
  });
}

const sum = (values: (number | null)[]) =>
  Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 10000) / 10000;

/** Departments in routing order (org, enterprise, then any other configured). */
export function departmentsOf(config: CampaignConfig): string[] {
  const out: string[] = [];
  for (const d of Object.values(config.settings.routing)) if (!out.includes(d)) out.push(d);
  for (const u of config.units) if (u.active && !out.includes(u.department)) out.push(u.department);
  return out;
}

export function stageReportModel(
  config: CampaignConfig,
  records: CampaignRecords,
  stage: Stage,
  today: string,
): StageReportModel {
  const units = new Map(config.units.map((u) => [u.unitId, u]));
  const projects = [...records.projects].sort((a, b) => a.projectId.localeCompare(b.projectId));
  // Once for the stage and the timeline: every stage's obligations come from one pass.
  const owed = allObligations(config, records);
  const obligations = stageObligations(config, records, stage, today, owed);
  const keyProjects = projects
    .filter((p) => p.status === STATUS.key)
    .map((p) => ({
      projectId: p.projectId,
      unitId: p.unitId,
      unitName: units.get(p.unitId)?.name ?? p.unitId,
      projectName: p.projectName,
      projectType: p.projectType,
      budget: p.budget,
      fundingGranted: p.fundingGranted,
    }));
  const count = (status: string) => projects.filter((p) => p.status === status).length;
  return {
    campaignName: config.settings.campaignName,
    today,
    stage,
    progress: stageProgress(config, records, stage, today, owed),
    activeUnits: config.units.filter((u) => u.active).length,
    projects: {
      total: projects.length,
      key: count(STATUS.key),
      filed: count(STATUS.filed),
      pending: projects.filter((p) => p.status === STATUS.pending || p.status === '').length,
      returned: count(STATUS.returned),
      unverified: projects.filter((p) => !p.verified).length,
    },
    byType: tally(projects, PROJECT_TYPES, (p) => [p.projectType]),
    byTheme: tally(projects, THEMES, (p) => p.themes),
    byCategory: coverage(config, records, obligations, (u) => u.category, UNIT_CATEGORIES),
    byDepartment: coverage(
      config,
      records,
      obligations,
      (u) => u.department,
      departmentsOf(config),
    ),
    missing: obligations.filter((o) => !o.met),
    late: obligations.filter((o) => o.late),
    keyProjects,
    budgetTotal: sum(keyProjects.map((p) => p.budget)),
    fundingTotal: sum(keyProjects.map((p) => p.fundingGranted)),
    violations: checkQuotas(config, records, today),
    timeline: config.stages.map((s) => stageProgress(config, records, s, today, owed)),
  };
}

// --- acceptance ---------------------------------------------------------------------------------

/** The six standards of the self-assessment, in form order. */
export const STANDARDS = SELF_ASSESSMENT_FORM.fields
  .filter((f) => f.kind === 'rating')
  .map((f) => ({ key: f.key, label: f.label }));

export interface AcceptanceRow {
  project: ProjectRecord;
  unitName: string;
  category: string;
  /** One per standard, in STANDARDS order; null when not assessed. */
  ratings: (number | null)[];
  /** Mean of the six self-ratings. */
  selfAverage: number | null;
  assessed: boolean;
  late: boolean;
}

export interface AcceptanceGroup {
  key: string;
  projects: number;
  assessed: number;
  selfAverage: number | null;
  scoreAverage: number | null;
  excellent: number;
  pass: number;
  fail: number;
}

export interface AcceptanceModel {
  rows: AcceptanceRow[];
  standards: { key: string; average: number | null; count: number }[];
  byCategory: AcceptanceGroup[];
  total: AcceptanceGroup & { late: number };
}

export const ACCEPTANCE = { excellent: '优秀', pass: '合格', fail: '不合格' } as const;

const mean = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((s, v) => s + v, 0) / present.length : null;
};

const rating = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

function group(key: string, rows: AcceptanceRow[]): AcceptanceGroup {
  const result = (r: string) => rows.filter((row) => row.project.acceptanceResult === r).length;
  return {
    key,
    projects: rows.length,
    assessed: rows.filter((r) => r.assessed).length,
    selfAverage: mean(rows.map((r) => r.selfAverage)),
    scoreAverage: mean(rows.map((r) => r.project.acceptanceScore)),
    excellent: result(ACCEPTANCE.excellent),
    pass: result(ACCEPTANCE.pass),
    fail: result(ACCEPTANCE.fail),
  };
}

/**
 * Each project with its latest self-assessment (six ratings and their mean) and the staff's
 * acceptance score and result; averages per standard, per unit category and overall. Means are
 * over the values present (a project not yet assessed or scored does not pull an average down).
 */
export function acceptanceModel(config: CampaignConfig, records: CampaignRecords): AcceptanceModel {
  const units = new Map(config.units.map((u) => [u.unitId, u]));
  const deadline = config.stages.find((s) => s.form === 'selfAssessment')?.deadline;
  const deadlineEnd = deadline ? endOfDay(deadline, config.settings.timeZone) : Infinity;
  const latest = new Map<string, LinkedRecord>();
  const first = new Map<string, number>();
  for (const r of records.selfAssessments) {
    const seen = latest.get(r.projectId);
    if (!seen || (r.submittedAt ?? 0) >= (seen.submittedAt ?? 0)) latest.set(r.projectId, r);
    if (r.submittedAt !== null) {
      first.set(r.projectId, Math.min(first.get(r.projectId) ?? Infinity, r.submittedAt));
    }
  }
  const rows = [...records.projects]
    .sort((a, b) => a.projectId.localeCompare(b.projectId))
    .map((project) => {
      const assessment = latest.get(project.projectId);
      const ratings = STANDARDS.map((s) => (assessment ? rating(assessment.values[s.key]) : null));
      return {
        project,
        unitName: units.get(project.unitId)?.name ?? project.unitId,
        category: units.get(project.unitId)?.category ?? '',
        ratings,
        selfAverage: mean(ratings),
        assessed: !!assessment,
        late: (first.get(project.projectId) ?? -Infinity) >= deadlineEnd,
      };
    });
  const categories = [...UNIT_CATEGORIES] as string[];
  for (const r of rows)
    if (r.category && !categories.includes(r.category)) categories.push(r.category);
  return {
    rows,
    standards: STANDARDS.map((s, i) => {
      const values = rows.map((r) => r.ratings[i]);
      return { key: s.key, average: mean(values), count: values.filter((v) => v !== null).length };
    }),
    byCategory: categories.map((c) =>
      group(
        c,
        rows.filter((r) => r.category === c),
      ),
    ),
    total: { ...group('', rows), late: rows.filter((r) => r.late).length },
  };
}
