/**
 * Which notices are due today: reminders on each day `deadline − d` (d in remindDaysBefore) and
 * overdue notices from the day after the deadline, every `overdueEveryDays`, at most
 * `overdueMaxNotices` — for obligations still owed, each by its own period's dates (a recurring
 * stage reminds before every period's deadline, never before the period opens). Pure: today and
 * the send ledger are inputs.
 */
import { addDays } from './calendar';
import type { CampaignConfig, Stage } from './config';
import type { Obligation } from './obligations';
import type { Label } from './template';

export type NoticeKind = 'reminder' | 'overdue';

export interface Notice {
  kind: NoticeKind;
  stage: Stage;
  /** The obligation's period ('' for a one-off stage), its name and its deadline. */
  periodId: string;
  periodLabel: Label;
  deadline: string;
  unitId: string;
  projectId: string | null;
  projectName: string | null;
  personId: string | null;
  personName: string | null;
  /** Days before the deadline (positive) or after it (negative). */
  offsetDays: number;
  /** The day the notice was scheduled for (≤ today; earlier when catching up a missed day). */
  scheduledDay: string;
}

/** One row of the send ledger as the planner needs it. */
export interface LedgerEntry {
  key: string;
  state: 'sent' | 'deferred' | 'superseded' | string;
}

/**
 * The ledger key of a notice: recipient unit, stage (with its period, `stage@2018-03`, for a
 * recurring stage — a one-off stage's key is the stage id alone, as before periods existed),
 * project or person, kind and offset.
 */
export function noticeKey(
  n: Pick<
    Notice,
    'unitId' | 'stage' | 'periodId' | 'projectId' | 'personId' | 'kind' | 'offsetDays'
  >,
): string {
  const stage = n.periodId ? `${n.stage.stageId}@${n.periodId}` : n.stage.stageId;
  return [n.unitId, stage, n.projectId ?? n.personId ?? '-', n.kind, n.offsetDays].join('|');
}

/**
 * The days an obligation's notices are scheduled on, latest last, each with its offset: its
 * stage's reminder and overdue days counted from its own period's opening and deadline.
 */
export function scheduleOf(
  o: Pick<Obligation, 'stage' | 'opensOn' | 'deadline'>,
  maxOverdue: number,
): { day: string; kind: NoticeKind; offsetDays: number }[] {
  const days: { day: string; kind: NoticeKind; offsetDays: number }[] = [];
  for (const d of [...o.stage.remindDaysBefore].sort((a, b) => b - a)) {
    const day = addDays(o.deadline, -d);
    if (day >= o.opensOn) days.push({ day, kind: 'reminder', offsetDays: d });
  }
  const every = o.stage.overdueEveryDays;
  const count = every > 0 ? maxOverdue : Math.min(1, maxOverdue);
  for (let k = 0; k < count; k++) {
    const after = 1 + k * Math.max(every, 0);
    days.push({ day: addDays(o.deadline, after), kind: 'overdue', offsetDays: -after });
  }
  return days;
}

/**
 * The notices due today. For each obligation still owed, the latest scheduled notice on or before
 * today is due unless it was already sent — so a missed day is caught up with the single most
 * urgent notice, never a pile of stale ones, and a deferred notice is retried until a newer one
 * supersedes it. Overdue notices stop after `overdueMaxNotices` were sent.
 */
export function dueNotices(
  config: CampaignConfig,
  owed: Obligation[],
  today: string,
  sent: ReadonlySet<string>,
): Notice[] {
  const max = config.settings.overdueMaxNotices;
  const out: Notice[] = [];
  for (const o of owed) {
    if (o.metAt !== null) continue;
    const schedule = scheduleOf(o, max).filter((s) => s.day <= today);
    const latest = schedule[schedule.length - 1];
    if (!latest) continue;
    const notice: Notice = {
      kind: latest.kind,
      stage: o.stage,
      periodId: o.periodId,
      periodLabel: o.periodLabel,
      deadline: o.deadline,
      unitId: o.unitId,
      projectId: o.projectId,
      projectName: o.projectName,
      personId: o.personId,
      personName: o.personName,
      offsetDays: latest.offsetDays,
      scheduledDay: latest.day,
    };
    if (sent.has(noticeKey(notice))) continue;
    if (latest.kind === 'overdue') {
      const overdueSent = schedule.filter(
        (s) =>
          s.kind === 'overdue' &&
          sent.has(noticeKey({ ...notice, kind: 'overdue', offsetDays: s.offsetDays })),
      ).length;
      if (overdueSent >= max) continue;
    }
    out.push(notice);
  }
  return out;
}

/** Most urgent first: overdue before reminders, then the nearest deadline, then unit. */
export function urgency(a: Notice, b: Notice): number {
  if (a.kind !== b.kind) return a.kind === 'overdue' ? -1 : 1;
  if (a.kind === 'overdue') {
    if (a.offsetDays !== b.offsetDays) return a.offsetDays - b.offsetDays;
  } else if (a.offsetDays !== b.offsetDays) return a.offsetDays - b.offsetDays;
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
}
