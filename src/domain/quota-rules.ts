/**
 * The campaign's quota rules (domain.md): evaluated from the configuration, the records and the
 * day, so the daily run, the review edit and every report see the same violations.
 * Pure: `today` is a parameter (YYYY-MM-DD in the campaign time zone).
 */
import { addDays, dayOf, daysBetween } from './calendar';
import type { CampaignConfig, FormKey, Stage } from './config';
import { dayOfCell, STATUS, type CampaignRecords } from './records';

export type QuotaRule =
  | 'minProjectsPerUnit'
  | 'keyProjectQuota'
  | 'rectificationRequired'
  | 'planForKeyProjects'
  | 'ledgerCadenceDays'
  | 'selfAssessmentForAll';

export const QUOTA_RULES: readonly QuotaRule[] = [
  'minProjectsPerUnit',
  'keyProjectQuota',
  'rectificationRequired',
  'planForKeyProjects',
  'ledgerCadenceDays',
  'selfAssessmentForAll',
];

export interface QuotaViolation {
  rule: QuotaRule;
  unitId?: string;
  projectId?: string;
  /** What was found (projects of the unit, key projects, days since the last ledger entry). */
  count?: number;
  /** What the rule allows or requires. */
  limit?: number;
  /** The first day the violation holds (YYYY-MM-DD). */
  since?: string;
}

/** The stage that collects a form (the first one, when several do). */
export function stageOfForm(config: CampaignConfig, form: FormKey): Stage | undefined {
  return config.stages.find((s) => s.form === form);
}

/**
 * Every violation as of `today`, in rule order, then by unit and project id. Rules tied to a stage
 * apply only once that stage's deadline has passed (the ledger cadence: while the stage runs).
 */
export function checkQuotas(
  config: CampaignConfig,
  records: CampaignRecords,
  today: string,
): QuotaViolation[] {
  const { settings } = config;
  const tz = settings.timeZone;
  const out: QuotaViolation[] = [];
  const projects = [...records.projects].sort((a, b) => a.projectId.localeCompare(b.projectId));
  const keyProjects = projects.filter((p) => p.status === STATUS.key);
  const after = (stage: Stage | undefined) => !!stage && today > stage.deadline;

  const apply = stageOfForm(config, 'application');
  if (after(apply) && settings.minProjectsPerUnit > 0) {
    const counts = new Map<string, number>();
    for (const p of projects) counts.set(p.unitId, (counts.get(p.unitId) ?? 0) + 1);
    const units = config.units
      .filter((u) => u.active)
      .sort((a, b) => a.unitId.localeCompare(b.unitId));
    for (const unit of units) {
      const count = counts.get(unit.unitId) ?? 0;
      if (count < settings.minProjectsPerUnit) {
        out.push({
          rule: 'minProjectsPerUnit',
          unitId: unit.unitId,
          count,
          limit: settings.minProjectsPerUnit,
          since: addDays(apply!.deadline, 1),
        });
      }
    }
  }

  if (keyProjects.length > settings.keyProjectQuota) {
    out.push({
      rule: 'keyProjectQuota',
      count: keyProjects.length,
      limit: settings.keyProjectQuota,
    });
  }

  for (const p of projects) {
    if (p.rectification === '') {
      out.push({ rule: 'rectificationRequired', unitId: p.unitId, projectId: p.projectId });
    }
  }

  const plan = stageOfForm(config, 'plan');
  if (after(plan)) {
    const planned = new Set(records.plans.map((r) => r.projectId));
    for (const p of keyProjects) {
      if (!planned.has(p.projectId)) {
        out.push({
          rule: 'planForKeyProjects',
          unitId: p.unitId,
          projectId: p.projectId,
          since: addDays(plan!.deadline, 1),
        });
      }
    }
  }

  const implement = stageOfForm(config, 'ledger');
  const cadence = settings.ledgerCadenceDays;
  if (implement && cadence > 0 && today >= implement.opensOn && today <= implement.deadline) {
    const last = new Map<string, string>();
    for (const entry of records.ledger) {
      // An entry counts from the day it was logged (the activity may be older).
      const day =
        entry.submittedAt !== null
          ? dayOf(entry.submittedAt, tz)
          : dayOfCell(entry.values.activityDate, tz);
      if (!day || day > today) continue;
      const seen = last.get(entry.projectId);
      if (!seen || day > seen) last.set(entry.projectId, day);
    }
    for (const p of keyProjects) {
      const from = last.get(p.projectId) ?? implement.opensOn;
      const age = daysBetween(from, today);
      if (age > cadence) {
        out.push({
          rule: 'ledgerCadenceDays',
          unitId: p.unitId,
          projectId: p.projectId,
          count: age,
          limit: cadence,
          since: addDays(from, cadence + 1),
        });
      }
    }
  }

  const summarize = stageOfForm(config, 'selfAssessment');
  if (after(summarize)) {
    const assessed = new Set(records.selfAssessments.map((r) => r.projectId));
    for (const p of projects) {
      if (!assessed.has(p.projectId)) {
        out.push({
          rule: 'selfAssessmentForAll',
          unitId: p.unitId,
          projectId: p.projectId,
          since: addDays(summarize!.deadline, 1),
        });
      }
    }
  }
  return out;
}
