/**
 * The campaign's records as plain data: what the intake wrote to 项目库, 实施方案, 工作台账 and
 * 自查总结, typed. Reminders, quota rules, review rules and reports all work from this.
 */
import { dayOf } from './calendar';
import type { Cell, KeyedRow } from './table';

export interface ProjectRecord {
  row: number;
  projectId: string;
  unitId: string;
  projectName: string;
  projectType: string;
  themes: string[];
  rectification: string;
  budget: number | null;
  status: string;
  score: number | null;
  comment: string;
  reviewer: string;
  fundingGranted: number | null;
  acceptanceScore: number | null;
  acceptanceResult: string;
  verified: boolean;
  late: boolean;
  /** First submission (epoch ms). */
  submittedAt: number | null;
  respondentEmail: string;
  /** The edit link of the unit's own response. */
  editUrl?: string;
}

export interface LinkedRecord {
  row: number;
  projectId: string;
  unitId: string;
  verified: boolean;
  late: boolean;
  submittedAt: number | null;
  /** The answers by field key, as stored. */
  values: Record<string, Cell>;
}

export interface CampaignRecords {
  projects: ProjectRecord[];
  plans: LinkedRecord[];
  ledger: LinkedRecord[];
  selfAssessments: LinkedRecord[];
}

const text = (c: Cell | undefined) =>
  c === undefined || c === null ? '' : c instanceof Date ? c.toISOString() : String(c).trim();
const num = (c: Cell | undefined): number | null => {
  if (c === undefined || c === '' || c === null) return null;
  const n = typeof c === 'number' ? c : Number(String(c).trim());
  return Number.isFinite(n) ? n : null;
};
const ms = (c: Cell | undefined): number | null => (c instanceof Date ? c.getTime() : null);
/** 已核验 / verified — anything else (未核验, empty) is not verified. */
const isVerified = (c: Cell | undefined) => ['已核验', 'verified'].includes(text(c).toLowerCase());
const isLate = (c: Cell | undefined) => ['逾期', 'late'].includes(text(c).toLowerCase());

export function projectOf(row: KeyedRow): ProjectRecord {
  const v = row.values;
  return {
    row: row.row,
    projectId: text(v.projectId),
    unitId: text(v.unitId),
    projectName: text(v.projectName),
    projectType: text(v.projectType),
    themes: text(v.themes)
      .split(/[、,，]\s*/)
      .filter(Boolean),
    rectification: text(v.rectification),
    budget: num(v.budget),
    status: text(v.status),
    score: num(v.score),
    comment: text(v.comment),
    reviewer: text(v.reviewer),
    fundingGranted: num(v.fundingGranted),
    acceptanceScore: num(v.acceptanceScore),
    acceptanceResult: text(v.acceptanceResult),
    verified: isVerified(v.verified),
    late: isLate(v.late),
    submittedAt: ms(v.submittedAt),
    respondentEmail: text(v.respondentEmail),
    editUrl: text(v.editUrl),
  };
}

export function linkedOf(row: KeyedRow): LinkedRecord {
  const v = row.values;
  return {
    row: row.row,
    projectId: text(v.projectId),
    unitId: text(v.unitId),
    verified: isVerified(v.verified),
    late: isLate(v.late),
    submittedAt: ms(v.submittedAt),
    values: v,
  };
}

/** The day of a stored date cell (dates are stored at midnight in the campaign time zone). */
export function dayOfCell(c: Cell | undefined, timeZone: string): string | null {
  if (c instanceof Date) return dayOf(c.getTime(), timeZone);
  const s = text(c);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
}

/** Review status values (the Projects sheet dropdown). */
export const STATUS = {
  pending: '待审核',
  key: '重点项目',
  filed: '备案',
  returned: '退回修改',
} as const;
