/**
 * What each unit (or each project, for project audiences) owes each stage, and whether it has met
 * it: a valid submission of the stage's form with a timestamp before the end of the deadline day.
 * Pure: records and the moment are parameters.
 */
import { endOfDay } from './calendar';
import type { CampaignConfig, Stage } from './config';
import { STATUS, type CampaignRecords, type LinkedRecord, type ProjectRecord } from './records';

export interface Obligation {
  stage: Stage;
  unitId: string;
  /** For project audiences: the project that owes the submission. */
  projectId: string | null;
  projectName: string | null;
  /** First submission that meets it (epoch ms), or null when still owed. */
  metAt: number | null;
  late: boolean;
}

function firstSubmission(records: { submittedAt: number | null }[]): number | null {
  let first: number | null = null;
  for (const r of records) {
    if (r.submittedAt !== null && (first === null || r.submittedAt < first)) first = r.submittedAt;
  }
  return first;
}

/** The records a stage's form produces. */
export function recordsOfForm(
  records: CampaignRecords,
  form: Stage['form'],
): LinkedRecord[] | ProjectRecord[] {
  switch (form) {
    case 'application':
      return records.projects;
    case 'plan':
      return records.plans;
    case 'ledger':
      return records.ledger;
    case 'selfAssessment':
      return records.selfAssessments;
    default:
      return [];
  }
}

/**
 * Every obligation of every unit-facing stage (whether or not it has opened). Inactive units owe
 * nothing. An unverified submission meets an obligation provisionally (staff confirm it later).
 */
export function obligations(config: CampaignConfig, records: CampaignRecords): Obligation[] {
  const tz = config.settings.timeZone;
  const active = new Map(config.units.filter((u) => u.active).map((u) => [u.unitId, u]));
  const out: Obligation[] = [];
  for (const stage of config.stages) {
    if (!stage.form || stage.audience === 'staff') continue;
    const deadlineEnd = endOfDay(stage.deadline, tz);
    const submitted = recordsOfForm(records, stage.form) as {
      unitId: string;
      projectId: string;
      submittedAt: number | null;
    }[];
    // Indexed once per stage: thousands of units × tens of thousands of records otherwise.
    const byUnit = groupBy(submitted, (r) => r.unitId);
    const byProject = groupBy(submitted, (r) => r.projectId);
    const metBy = (list: { submittedAt: number | null }[]) => {
      const at = firstSubmission(list);
      return { metAt: at, late: at !== null && at >= deadlineEnd };
    };
    if (stage.audience === 'allUnits' || stage.audience === 'unitsWithProjects') {
      const withProjects = new Set(records.projects.map((p) => p.unitId));
      for (const unit of active.values()) {
        if (stage.audience === 'unitsWithProjects' && !withProjects.has(unit.unitId)) continue;
        const mine = byUnit.get(unit.unitId) ?? [];
        out.push({
          stage,
          unitId: unit.unitId,
          projectId: null,
          projectName: null,
          ...metBy(mine),
        });
      }
      continue;
    }
    const projects = records.projects.filter(
      (p) => active.has(p.unitId) && (stage.audience === 'allProjects' || p.status === STATUS.key),
    );
    for (const project of projects) {
      const mine = byProject.get(project.projectId) ?? [];
      out.push({
        stage,
        unitId: project.unitId,
        projectId: project.projectId,
        projectName: project.projectName,
        ...metBy(mine),
      });
    }
  }
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
