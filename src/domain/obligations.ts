/**
 * What each unit (or each project or person, for those audiences) owes each stage in each of its
 * periods, and whether it has met it — the duties (duties.ts) of the configured stages (阶段设置),
 * with the names and dates their readers (reminders, the unit page, the report) print. A one-off
 * stage has one period, id ''. Pure: records are a parameter.
 */
import { fromCampaignRecords } from './campaign-data';
import type { CampaignConfig, Stage } from './config';
import { duties, type DutyStage } from './duties';
import { periodsOf } from './periods';
import type { CampaignRecords, LinkedRecord, ProjectRecord } from './records';
import type { Label } from './template';

export interface Obligation {
  stage: Stage;
  /** '' for a one-off stage; 2018-03, 2018-Q1 or 2018 for a recurring one. */
  periodId: string;
  /** The period's name (empty for a one-off stage). */
  periodLabel: Label;
  /** The period's first day and its deadline (a one-off stage's own dates). */
  opensOn: string;
  deadline: string;
  unitId: string;
  /** For project audiences: the project that owes the submission. */
  projectId: string | null;
  projectName: string | null;
  /** For roster audiences: the person who owes it (with their unit). */
  personId: string | null;
  personName: string | null;
  /** First submission that meets it (epoch ms), or null when still owed. */
  metAt: number | null;
  late: boolean;
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

/** A stage as people read it: its name, with the period for a recurring one (支委会（每月）· 2018年3月). */
export function stageTitle(stage: Pick<Stage, 'name'>, periodLabel: Label, locale: string): string {
  const period = locale === 'en' ? periodLabel.en : periodLabel.zh;
  return period ? `${stage.name} · ${period}` : stage.name;
}

/** A configured stage as duties read it: its audience as the template vocabulary says. */
function dutyStage(stage: Stage): DutyStage {
  return {
    stageId: stage.stageId,
    form: stage.form,
    audience: stage.audienceDef,
    schedule: stage.schedule,
    ...(stage.recordFilter ? { recordFilter: stage.recordFilter } : {}),
  };
}

/**
 * Every obligation of every unit-facing stage and period (whether or not it has opened), in
 * stage, period and member order. Inactive units owe nothing. An unverified submission meets an
 * obligation provisionally (staff confirm it later).
 */
export function obligations(config: CampaignConfig, records: CampaignRecords): Obligation[] {
  const data = fromCampaignRecords(config, records);
  const stages = new Map(config.stages.map((s) => [s.stageId, s]));
  const labels = new Map<string, Label>();
  for (const stage of config.stages)
    for (const p of periodsOf(stage.schedule))
      labels.set(`${stage.stageId}|${p.periodId}`, p.label);
  const subjects = new Map(data.subjects.map((s) => [s.subjectId, s.name]));
  const people = new Map(data.people.map((p) => [p.personId, p.name]));
  return duties(config.stages.map(dutyStage), data, config.settings.timeZone).map((d) => ({
    stage: stages.get(d.stageId)!,
    periodId: d.periodId,
    periodLabel: labels.get(`${d.stageId}|${d.periodId}`) ?? { zh: '', en: '' },
    opensOn: d.opensOn,
    deadline: d.deadline,
    unitId: d.unitId,
    projectId: d.subjectId,
    projectName: d.subjectId === null ? null : (subjects.get(d.subjectId) ?? d.subjectId),
    personId: d.personId,
    personName: d.personId === null ? null : (people.get(d.personId) ?? d.personId),
    metAt: d.metAt,
    late: d.late,
  }));
}
