/**
 * What each member of a stage's audience owes in each of its periods, and whether it has met it —
 * the generic form of obligations.ts that any template drives. Pure: data and stages are
 * parameters.
 *
 * A duty is met by the first record (earliest submission) of the stage's form for that member —
 * only records passing the stage's `recordFilter` count (a 党课 does not meet the 支委会):
 * - one-off stage: any record, whenever dated (as obligations.ts);
 * - recurring stage: a record whose `day` (its dateField, e.g. the meeting date, or its submission
 *   day) falls within the period — so a quarter's meeting reported after the quarter ended, before
 *   or after its deadline, still meets that quarter, late when submitted after the deadline day.
 * A subject's duty is shared by its owning units: any record of the subject meets it for each.
 * Unverified records meet duties provisionally, as today.
 */
import { membersOf, type Member } from './audience-members';
import { endOfDay } from './calendar';
import { passesFilter, type CampaignData, type FormRecord } from './campaign-data';
import { ONCE, periodsOf, type Period } from './periods';
import type { Filter, TemplateStage } from './template';

/** What duties read of a stage: a template's stage, or a configured one (阶段设置) converted. */
export type DutyStage = Pick<
  TemplateStage,
  'stageId' | 'form' | 'audience' | 'schedule' | 'recordFilter'
>;

export interface Duty {
  stageId: string;
  /** '' for a one-off stage. */
  periodId: string;
  opensOn: string;
  deadline: string;
  unitId: string;
  subjectId: string | null;
  personId: string | null;
  /** The first submission that meets it (epoch ms), or null while owed. */
  metAt: number | null;
  /** Met after the end of the deadline day. */
  late: boolean;
}

/** The key a record is filed under for a member: its person, its subject, or its unit. */
export function memberKey(m: Pick<Member, 'unitId' | 'subjectId' | 'personId'>): string {
  if (m.personId !== null) return `person:${m.personId}`;
  if (m.subjectId !== null) return `subject:${m.subjectId}`;
  return `unit:${m.unitId}`;
}

/**
 * The records of one form (those passing `filter`, when given), indexed by unit, subject and
 * person — once per stage, not per member.
 */
export function indexRecords(
  records: readonly FormRecord[],
  form: string,
  filter?: Filter,
): Map<string, FormRecord[]> {
  const out = new Map<string, FormRecord[]>();
  const add = (key: string, r: FormRecord) => {
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  };
  for (const r of records) {
    if (r.form !== form) continue;
    if (filter && !passesFilter(r.values[filter.field], filter)) continue;
    add(`unit:${r.unitId}`, r);
    if (r.subjectId !== null) add(`subject:${r.subjectId}`, r);
    if (r.personId !== null) add(`person:${r.personId}`, r);
  }
  return out;
}

/** Whether a record counts for a period: always for a one-off stage, by its day for a recurring one. */
export function countsFor(record: FormRecord, period: Period): boolean {
  if (period.periodId === ONCE) return true;
  return record.day !== null && period.start <= record.day && record.day <= period.end;
}

function firstSubmission(records: readonly FormRecord[]): number | null {
  let first: number | null = null;
  for (const r of records) {
    if (r.submittedAt !== null && (first === null || r.submittedAt < first)) first = r.submittedAt;
  }
  return first;
}

/**
 * Every duty of every stage with a form and an audience of units, subjects or people, whether or
 * not its period has opened: stage order, then period order, then member order. Inactive units and
 * their subjects and people owe nothing.
 */
export function duties(stages: readonly DutyStage[], data: CampaignData, timeZone: string): Duty[] {
  const out: Duty[] = [];
  for (const stage of stages) {
    if (!stage.form || stage.audience.kind === 'staff') continue;
    const byMember = indexRecords(data.records, stage.form, stage.recordFilter);
    const members = membersOf(stage.audience, data, { activeOwnersOnly: true });
    for (const period of periodsOf(stage.schedule)) {
      const deadlineEnd = endOfDay(period.deadline, timeZone);
      for (const member of members) {
        const mine = (byMember.get(memberKey(member)) ?? []).filter((r) => countsFor(r, period));
        const metAt = firstSubmission(mine);
        out.push({
          stageId: stage.stageId,
          periodId: period.periodId,
          opensOn: period.opensOn,
          deadline: period.deadline,
          ...member,
          metAt,
          late: metAt !== null && metAt >= deadlineEnd,
        });
      }
    }
  }
  return out;
}
