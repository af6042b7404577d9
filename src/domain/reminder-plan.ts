/**
 * Which notices are due today: reminders on each day `deadline − d` (d in remindDaysBefore) and
 * overdue notices from the day after the deadline, every `overdueEveryDays`, at most
 * `overdueMaxNotices` — for obligations still owed. Pure: today and the send ledger are inputs.
 */
import { addDays, daysBetween } from './calendar';
import type { CampaignConfig, Stage } from './config';
import type { Obligation } from './obligations';

export type NoticeKind = 'reminder' | 'overdue';

export interface Notice {
  kind: NoticeKind;
  stage: Stage;
  unitId: string;
  projectId: string | null;
  projectName: string | null;
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

/** The ledger key of a notice: recipient unit, stage, project, kind and offset. */
export function noticeKey(
  n: Pick<Notice, 'unitId' | 'stage' | 'projectId' | 'kind' | 'offsetDays'>,
): string {
  return [n.unitId, n.stage.stageId, n.projectId ?? '-', n.kind, n.offsetDays].join('|');
}

/** The days a stage's notices are scheduled on, latest last, each with its offset. */
export function scheduleOf(
  stage: Stage,
  maxOverdue: number,
): { day: string; kind: NoticeKind; offsetDays: number }[] {
  const days: { day: string; kind: NoticeKind; offsetDays: number }[] = [];
  for (const d of [...stage.remindDaysBefore].sort((a, b) => b - a)) {
    const day = addDays(stage.deadline, -d);
    if (day >= stage.opensOn) days.push({ day, kind: 'reminder', offsetDays: d });
  }
  const every = stage.overdueEveryDays;
  const count = every > 0 ? maxOverdue : Math.min(1, maxOverdue);
  for (let k = 0; k < count; k++) {
    const after = 1 + k * Math.max(every, 0);
    days.push({ day: addDays(stage.deadline, after), kind: 'overdue', offsetDays: -after });
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
    const schedule = scheduleOf(o.stage, max).filter((s) => s.day <= today);
    const latest = schedule[schedule.length - 1];
    if (!latest) continue;
    const notice: Notice = {
      kind: latest.kind,
      stage: o.stage,
      unitId: o.unitId,
      projectId: o.projectId,
      projectName: o.projectName,
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
  if (a.stage.deadline !== b.stage.deadline) return a.stage.deadline < b.stage.deadline ? -1 : 1;
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
}

/** Whole days from today to a stage's deadline (negative once past). */
export function daysLeft(stage: Stage, today: string): number {
  return daysBetween(today, stage.deadline);
}
