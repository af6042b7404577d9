/**
 * A campaign's records as any template sees them: units, the roster, subjects (projects, tasks)
 * and the records every form made. Duties and rules read this and nothing else, so one engine runs
 * every template. `fromCampaignRecords` reads today's Secretary Project records into it. Pure.
 */
import { dayOf } from './calendar';
import type { CampaignConfig, Person } from './config';
import { dayOfCell, type CampaignRecords, type LinkedRecord, type ProjectRecord } from './records';
import type { Cell } from './table';
import type { Filter } from './template';

export interface UnitInfo {
  unitId: string;
  name: string;
  category: string;
  active: boolean;
  /** Extra 单位名册 columns by key (e.g. lastElection, termYears). */
  values: Record<string, Cell>;
}

export type { Person };

export interface Subject {
  /** The subject type's key, e.g. project. */
  type: string;
  subjectId: string;
  name: string;
  /** The units that own it (a project: its unit; a key task: its lead units). */
  unitIds: string[];
  /** Its answers and review columns by key (e.g. status). */
  values: Record<string, Cell>;
  submittedAt: number | null;
}

/**
 * One accepted response of a form. A subject-making form's record is its subject's record too:
 * `subjectId` is the subject's own id and `recordId` equals it.
 */
export interface FormRecord {
  form: string;
  recordId: string;
  unitId: string;
  subjectId: string | null;
  personId: string | null;
  /** First submission (epoch ms). */
  submittedAt: number | null;
  /** The day that dates it into a period: the form's dateField answer, or the submission day. */
  day: string | null;
  verified: boolean;
  values: Record<string, Cell>;
}

export interface CampaignData {
  units: UnitInfo[];
  people: Person[];
  subjects: Subject[];
  records: FormRecord[];
}

/**
 * What the loader reads: the Secretary Project's typed records and every template's records
 * (`data`; absent in records a test makes by hand, which the adapter then converts).
 */
export type LoadedRecords = CampaignRecords & { data?: CampaignData };

/** A stored value as text ('' when empty); dates as their ISO string. */
export function textOf(cell: Cell | null | undefined): string {
  if (cell === undefined || cell === null) return '';
  return cell instanceof Date ? cell.toISOString() : String(cell).trim();
}

/**
 * Whether a stored value passes a filter: the value, or one of its parts for a checkbox answer
 * (stored as "服务改革、服务民生"), is one of the filter's values.
 */
export function passesFilter(value: Cell | null | undefined, filter: Filter): boolean {
  const text = textOf(value);
  const parts = text.split(/[、,，]\s*/).filter(Boolean);
  if (filter.notIn)
    return !filter.notIn.includes(text) && !parts.some((p) => filter.notIn.includes(p));
  if (filter.in.includes(text)) return true;
  return parts.length > 1 && parts.some((p) => filter.in.includes(p));
}

// --- the Secretary Project adapter ---------------------------------------------------------------

const PROJECT = 'project';

function projectValues(p: ProjectRecord): Record<string, Cell> {
  const values: Record<string, Cell> = {
    projectId: p.projectId,
    unitId: p.unitId,
    projectName: p.projectName,
    projectType: p.projectType,
    themes: p.themes.join('、'),
    rectification: p.rectification,
    status: p.status,
    comment: p.comment,
    reviewer: p.reviewer,
    acceptanceResult: p.acceptanceResult,
    respondentEmail: p.respondentEmail,
  };
  const numbers = {
    budget: p.budget,
    score: p.score,
    fundingGranted: p.fundingGranted,
    acceptanceScore: p.acceptanceScore,
  };
  for (const [key, n] of Object.entries(numbers)) values[key] = n === null ? '' : n;
  return values;
}

const submissionDay = (submittedAt: number | null, timeZone: string) =>
  submittedAt === null ? null : dayOf(submittedAt, timeZone);

function linkedRecord(
  form: string,
  r: LinkedRecord,
  timeZone: string,
  dateField?: string,
): FormRecord {
  return {
    form,
    recordId: `${form}:${r.row}`,
    unitId: r.unitId,
    subjectId: r.projectId,
    personId: null,
    submittedAt: r.submittedAt,
    // As the Secretary Project always counted: an entry counts from the day it was logged, its own
    // date only when the submission moment is unknown.
    day:
      submissionDay(r.submittedAt, timeZone) ??
      (dateField ? dayOfCell(r.values[dateField], timeZone) : null),
    verified: r.verified,
    values: r.values,
  };
}

/** The roster of units as the rules read them: 单位名册's own columns and the template's. */
export function unitInfosOf(config: CampaignConfig): UnitInfo[] {
  return config.units.map((u) => ({
    unitId: u.unitId,
    name: u.name,
    category: u.category,
    active: u.active,
    values: {
      department: u.department,
      secretary: u.secretary,
      contactName: u.contactName,
      memberCount: u.memberCount ?? '',
      ...(u.values ?? {}),
    },
  }));
}

/** Today's Secretary Project records as generic campaign data (projects are subjects). */
export function fromCampaignRecords(
  config: CampaignConfig,
  records: CampaignRecords,
): CampaignData {
  const tz = config.settings.timeZone;
  const units = unitInfosOf(config);
  const subjects: Subject[] = records.projects.map((p) => ({
    type: PROJECT,
    subjectId: p.projectId,
    name: p.projectName,
    unitIds: [p.unitId],
    values: projectValues(p),
    submittedAt: p.submittedAt,
  }));
  const applications: FormRecord[] = records.projects.map((p) => ({
    form: 'application',
    recordId: p.projectId,
    unitId: p.unitId,
    subjectId: p.projectId,
    personId: null,
    submittedAt: p.submittedAt,
    day: submissionDay(p.submittedAt, tz),
    verified: p.verified,
    values: projectValues(p),
  }));
  return {
    units,
    people: [],
    subjects,
    records: [
      ...applications,
      ...records.plans.map((r) => linkedRecord('plan', r, tz)),
      ...records.ledger.map((r) => linkedRecord('ledger', r, tz, 'activityDate')),
      ...records.selfAssessments.map((r) => linkedRecord('selfAssessment', r, tz)),
    ],
  };
}
