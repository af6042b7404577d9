/**
 * The periods of a stage's schedule: a one-off stage has one, a recurring stage one per calendar
 * month, quarter or year. Recurring periods are aligned to the calendar and clipped to the
 * schedule's [from, until] (a campaign starting on 15 March has a first period 03-15..03-31, still
 * called 2018-03), each due `dueDaysAfter` days after its (clipped) last day. Pure.
 */
import { messages, type Messages } from '../i18n';
import { addDays } from './calendar';
import type { Cadence, Label, Schedule } from './template';

export interface Period {
  /** '' for a one-off stage; 2018-03, 2018-Q1 or 2018 for recurring ones. */
  periodId: string;
  label: Label;
  /** First and last day counted into the period (YYYY-MM-DD). */
  start: string;
  end: string;
  opensOn: string;
  /** Due at the end of this day. */
  deadline: string;
}

/** The one period of a one-off stage. */
export const ONCE = '';

/** A period's name in both languages (the i18n module words it). */
const labelOf = (word: (m: Messages['periods']) => string): Label => ({
  zh: word(messages('zh-CN').periods),
  en: word(messages('en').periods),
});

const pad2 = (n: number) => String(n).padStart(2, '0');
const yearOf = (day: string) => Number(day.slice(0, 4));
const monthOf = (day: string) => Number(day.slice(5, 7));

/** The calendar period of a cadence containing a day, unclipped. */
function calendarPeriod(
  every: Cadence,
  day: string,
): { periodId: string; label: Label; start: string; end: string } {
  const year = yearOf(day);
  if (every === 'year') {
    return {
      periodId: String(year),
      label: labelOf((m) => m.year(year)),
      start: `${year}-01-01`,
      end: `${year}-12-31`,
    };
  }
  const month = monthOf(day);
  const firstMonth = every === 'quarter' ? month - ((month - 1) % 3) : month;
  const months = every === 'quarter' ? 3 : 1;
  const start = `${year}-${pad2(firstMonth)}-01`;
  const nextStart =
    firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${pad2(firstMonth + months)}-01`;
  const end = addDays(nextStart, -1);
  if (every === 'quarter') {
    const q = (firstMonth - 1) / 3 + 1;
    return {
      periodId: `${year}-Q${q}`,
      label: labelOf((m) => m.quarter(year, q)),
      start,
      end,
    };
  }
  return {
    periodId: `${year}-${pad2(month)}`,
    label: labelOf((m) => m.month(year, month)),
    start,
    end,
  };
}

/**
 * The label of a recurring period by its id (2018-03, 2018-Q1, 2018), e.g. to name the period of a
 * violation; null for the one-off period ('') or an id of no cadence.
 */
export function periodLabel(periodId: string): Label | null {
  const m = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(periodId);
  if (!m) return null;
  const [, year, quarter, month] = m;
  if (quarter)
    return calendarPeriod('quarter', `${year}-${pad2((Number(quarter) - 1) * 3 + 1)}-01`).label;
  if (month) return calendarPeriod('month', `${year}-${month}-01`).label;
  return calendarPeriod('year', `${year}-01-01`).label;
}

/** Every period of a schedule, in order. */
export function periodsOf(schedule: Schedule): Period[] {
  if (schedule.kind === 'once') {
    return [
      {
        periodId: ONCE,
        label: { zh: '', en: '' },
        start: schedule.opensOn,
        end: schedule.deadline,
        opensOn: schedule.opensOn,
        deadline: schedule.deadline,
      },
    ];
  }
  const out: Period[] = [];
  for (let day = schedule.from; day <= schedule.until;) {
    const p = calendarPeriod(schedule.every, day);
    const start = p.start < schedule.from ? schedule.from : p.start;
    const end = p.end > schedule.until ? schedule.until : p.end;
    out.push({ ...p, start, end, opensOn: start, deadline: addDays(end, schedule.dueDaysAfter) });
    day = addDays(p.end, 1);
  }
  return out;
}

/** The period of a schedule that counts a day, or null when the day is outside the schedule. */
export function periodOfDay(schedule: Schedule, day: string): Period | null {
  return periodsOf(schedule).find((p) => p.start <= day && day <= p.end) ?? null;
}

/**
 * The periods of a cadence that overlap [from, until], clipped to it, each due on its last day —
 * the calendar a count rule checks ("each quarter") over a stage's span.
 */
export function calendarPeriods(every: Cadence, from: string, until: string): Period[] {
  return periodsOf({ kind: 'recurring', every, from, until, dueDaysAfter: 0 });
}

/** The first and last day a schedule is open: a one-off's opensOn..deadline, a recurring one's first opening to its last deadline. */
export function scheduleSpan(schedule: Schedule): { opensOn: string; deadline: string } {
  const periods = periodsOf(schedule);
  if (periods.length === 0) {
    const from = schedule.kind === 'once' ? schedule.opensOn : schedule.from;
    return { opensOn: from, deadline: from };
  }
  return { opensOn: periods[0].opensOn, deadline: periods[periods.length - 1].deadline };
}
