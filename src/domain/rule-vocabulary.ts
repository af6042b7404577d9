/**
 * The quota rule vocabulary (`QuotaRuleDef` in template.ts) evaluated on any template's data; a
 * campaign runs its configuration's rules through it (quota-rules.ts). Pure: `today` (YYYY-MM-DD
 * in the campaign time zone) is a parameter, so the daily run, the review edit and every report
 * see the same violations.
 *
 * When a check applies:
 * - `count` without `period`: at once, or with `after` from the day after that stage's (last)
 *   deadline;
 * - `count` with `period`: the calendar periods of that cadence over the span of the stage that
 *   collects the form (every stage's span when none does); each period's check from the day after
 *   it ends, or with `after` from the day after that stage's deadline for the period (a recurring
 *   `after` stage: its period holding the counted period's last day);
 * - `required`: at once, on every record;
 * - `cadence`: while `during` is open (its first opening to its last deadline);
 * - `termExpiry`: every day, from `warnDays` before each active unit's term end.
 */
import { membersOf, type Member } from './audience-members';
import { addDays, daysBetween } from './calendar';
import { passesFilter, textOf, type CampaignData, type FormRecord } from './campaign-data';
import { memberKey } from './duties';
import { calendarPeriods, periodOfDay, scheduleSpan, type Period } from './periods';
import { dayOfCell } from './records';
import type { Amount, AudienceDef, QuotaRuleDef, TemplateForm, TemplateStage } from './template';

export interface RuleViolation {
  /** The rule's id. */
  rule: string;
  unitId?: string;
  subjectId?: string;
  personId?: string;
  /** The record at fault (`required` on an entry form; a subject's own record is the subject). */
  recordId?: string;
  category?: string;
  periodId?: string;
  /** What was found: records counted, days since the last entry, days left in the term. */
  count?: number;
  /** What the rule allows or requires. */
  limit?: number;
  /** The first day the violation holds (YYYY-MM-DD). */
  since?: string;
}

export interface RuleContext {
  data: CampaignData;
  stages: readonly TemplateStage[];
  /** The campaign's settings, for amounts read from a setting ({ setting: 'keyProjectQuota' }). */
  settings: Record<string, unknown>;
  today: string;
  timeZone: string;
  /** The template's forms: tell a per-subject count which subject type to count (else all). */
  forms?: readonly TemplateForm[];
}

type CountRule = Extract<QuotaRuleDef, { kind: 'count' }>;
type RequiredRule = Extract<QuotaRuleDef, { kind: 'required' }>;
type CadenceRule = Extract<QuotaRuleDef, { kind: 'cadence' }>;
type TermRule = Extract<QuotaRuleDef, { kind: 'termExpiry' }>;

/** An amount's number, or undefined when its setting is missing or not a number (no check). */
export function amountOf(amount: Amount | undefined, settings: Record<string, unknown>) {
  if (amount === undefined) return undefined;
  if (typeof amount === 'number') return amount;
  const raw = settings[amount.setting];
  const n = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim() || NaN);
  return Number.isFinite(n) ? n : undefined;
}

/** Every violation as of `ctx.today`: rule order, then subject, unit, person, category, period. */
export function evaluateRules(rules: readonly QuotaRuleDef[], ctx: RuleContext): RuleViolation[] {
  return rules.flatMap((rule) => sortViolations(violationsOf(rule, ctx)));
}

function violationsOf(rule: QuotaRuleDef, ctx: RuleContext): RuleViolation[] {
  switch (rule.kind) {
    case 'count':
      return countViolations(rule, ctx);
    case 'required':
      return requiredViolations(rule, ctx);
    case 'cadence':
      return cadenceViolations(rule, ctx);
    case 'termExpiry':
      return termViolations(rule, ctx);
  }
}

// --- count ---------------------------------------------------------------------------------------

/** One thing a count rule counts for: its fields on a violation, and the key of its records. */
interface CountGroup {
  fields: Pick<RuleViolation, 'unitId' | 'subjectId' | 'personId' | 'category'>;
  key: string;
}

/** One check of a count rule that applies today: the whole campaign, or one period. */
interface CountCheck {
  period: Period | null;
  since?: string;
}

function countViolations(rule: CountRule, ctx: RuleContext): RuleViolation[] {
  const atLeast = amountOf(rule.atLeast, ctx.settings);
  const atMost = amountOf(rule.atMost, ctx.settings);
  const records = ctx.data.records.filter((r) => r.form === rule.form);
  const subjects = new Map(ctx.data.subjects.map((s) => [s.subjectId, s]));
  const passes = (r: FormRecord) => {
    if (!rule.filter) return true;
    const field = rule.filter.field;
    // A record's own answer, else its subject's (a review column such as status).
    const value =
      field in r.values ? r.values[field] : subjects.get(r.subjectId ?? '')?.values[field];
    return passesFilter(value, rule.filter);
  };
  // "Each subject has a record": the violation says it is missing, without numbers (as today).
  const presenceOnly = rule.per === 'subject' && atLeast === 1 && atMost === undefined;
  const out: RuleViolation[] = [];
  const groups = countGroups(rule, ctx);
  const keyOf = countKeyOf(rule, ctx.data);
  for (const check of countChecks(rule, ctx)) {
    const inCheck = check.period ? records.filter((r) => inPeriod(r, check.period!)) : records;
    // Bucketed once per check: thousands of branches × their records otherwise.
    const buckets = groupBy(inCheck, keyOf);
    for (const group of groups) {
      const mine = buckets.get(group.key) ?? [];
      const count = mine.filter(passes).length;
      const base: RuleViolation = {
        rule: rule.id,
        ...group.fields,
        periodId: check.period?.periodId,
        since: check.since,
      };
      if (atLeast !== undefined && count < atLeast) {
        out.push(compact(presenceOnly ? base : { ...base, count, limit: atLeast }));
      }
      if (atMost !== undefined && count > atMost)
        out.push(compact({ ...base, count, limit: atMost }));
      const share = rule.atMostShare;
      if (share !== undefined && mine.length > 0 && count / mine.length > share) {
        out.push(compact({ ...base, count, limit: Math.floor(share * mine.length) }));
      }
    }
  }
  return out;
}

const inPeriod = (r: FormRecord, p: Period) => r.day !== null && p.start <= r.day && r.day <= p.end;

/** The checks of a count rule that apply on ctx.today. */
function countChecks(rule: CountRule, ctx: RuleContext): CountCheck[] {
  const after = rule.after ? ctx.stages.find((s) => s.stageId === rule.after) : undefined;
  if (rule.after && !after) return [];
  if (!rule.period) {
    if (!after) return [{ period: null }];
    const deadline = scheduleSpan(after.schedule).deadline;
    return ctx.today > deadline ? [{ period: null, since: addDays(deadline, 1) }] : [];
  }
  const span = countSpan(rule.form, ctx.stages);
  if (!span) return [];
  const out: CountCheck[] = [];
  for (const period of calendarPeriods(rule.period, span.opensOn, span.deadline)) {
    const due = after
      ? (periodOfDay(after.schedule, period.end)?.deadline ?? scheduleSpan(after.schedule).deadline)
      : period.end;
    if (ctx.today > due) out.push({ period, since: addDays(due, 1) });
  }
  return out;
}

/** The days a count rule's periods cover: the span of the stage that collects the form. */
function countSpan(form: string, stages: readonly TemplateStage[]) {
  const own = stages.find((s) => s.form === form);
  if (own) {
    const s = own.schedule;
    return s.kind === 'once'
      ? { opensOn: s.opensOn, deadline: s.deadline }
      : { opensOn: s.from, deadline: s.until };
  }
  const spans = stages.map((s) => scheduleSpan(s.schedule));
  if (spans.length === 0) return null;
  return {
    opensOn: spans.map((s) => s.opensOn).reduce((a, b) => (a < b ? a : b)),
    deadline: spans.map((s) => s.deadline).reduce((a, b) => (a > b ? a : b)),
  };
}

/** What a count rule counts for, per `per`, among `among` (default: every one of that kind). */
function countGroups(rule: CountRule, ctx: RuleContext): CountGroup[] {
  const { data } = ctx;
  const members = (fallback: AudienceDef) =>
    membersOf(rule.among ?? fallback, data, { activeOwnersOnly: false });
  switch (rule.per) {
    case 'campaign':
      return [{ fields: {}, key: '' }];
    case 'unit':
      return unique(members({ kind: 'allUnits' }).map((m) => m.unitId)).map((unitId) => ({
        fields: { unitId },
        key: unitId,
      }));
    case 'person':
      return members({ kind: 'roster' })
        .filter((m) => m.personId !== null)
        .map((m) => ({
          fields: { unitId: m.unitId, personId: m.personId! },
          key: m.personId!,
        }));
    case 'subject':
      return subjectMembers(rule, ctx).map((m) => ({
        fields: { unitId: m.unitId, subjectId: m.subjectId! },
        key: m.subjectId!,
      }));
    case 'category': {
      const categories =
        rule.among?.kind === 'unitsOfCategory'
          ? [...rule.among.categories]
          : unique(data.units.filter((u) => u.active).map((u) => u.category));
      return categories.map((category) => ({
        fields: { category },
        key: category,
      }));
    }
  }
}

/** The key a record counts under for a count rule's `per` (matching its groups' keys). */
function countKeyOf(rule: CountRule, data: CampaignData): (r: FormRecord) => string {
  const categoryOf = new Map(data.units.map((u) => [u.unitId, u.category]));
  switch (rule.per) {
    case 'campaign':
      return () => '';
    case 'unit':
      return (r) => r.unitId;
    case 'person':
      return (r) => r.personId ?? '';
    case 'subject':
      return (r) => r.subjectId ?? '';
    case 'category':
      return (r) => categoryOf.get(r.unitId) ?? '';
  }
}

function subjectMembers(rule: CountRule, ctx: RuleContext): Member[] {
  if (rule.among) {
    return membersOf(rule.among, ctx.data, { activeOwnersOnly: false }).filter(
      (m) => m.subjectId !== null,
    );
  }
  const makes = ctx.forms?.find((f) => f.key === rule.form)?.makes;
  const type =
    makes?.kind === 'subject' ? makes.subject : makes?.kind === 'entry' ? makes.of : null;
  return ctx.data.subjects
    .filter((s) => type === null || s.type === type)
    .flatMap((s) =>
      s.unitIds.map((unitId) => ({ unitId, subjectId: s.subjectId, personId: null })),
    );
}

// --- required ------------------------------------------------------------------------------------

function requiredViolations(rule: RequiredRule, ctx: RuleContext): RuleViolation[] {
  return ctx.data.records
    .filter((r) => r.form === rule.form && textOf(r.values[rule.field]) === '')
    .map((r) =>
      compact({
        rule: rule.id,
        unitId: r.unitId,
        subjectId: r.subjectId ?? undefined,
        personId: r.personId ?? undefined,
        recordId: r.recordId === r.subjectId ? undefined : r.recordId,
      }),
    );
}

// --- cadence -------------------------------------------------------------------------------------

function cadenceViolations(rule: CadenceRule, ctx: RuleContext): RuleViolation[] {
  const every = amountOf(rule.everyDays, ctx.settings);
  const during = ctx.stages.find((s) => s.stageId === rule.during);
  if (!during || every === undefined || every <= 0) return [];
  const span = scheduleSpan(during.schedule);
  if (ctx.today < span.opensOn || ctx.today > span.deadline) return [];
  const last = lastEntryDays(ctx.data.records, rule.form, ctx.today);
  const out: RuleViolation[] = [];
  for (const m of membersOf(rule.among, ctx.data, { activeOwnersOnly: false })) {
    // The first gap is counted from the stage's opening.
    const from = last.get(memberKey(m)) ?? span.opensOn;
    const age = daysBetween(from, ctx.today);
    if (age > every) {
      out.push(
        compact({
          rule: rule.id,
          unitId: m.unitId,
          subjectId: m.subjectId ?? undefined,
          personId: m.personId ?? undefined,
          count: age,
          limit: every,
          since: addDays(from, every + 1),
        }),
      );
    }
  }
  return out;
}

/** The latest day (≤ today) of a form's records, per member key. */
function lastEntryDays(records: readonly FormRecord[], form: string, today: string) {
  const last = new Map<string, string>();
  const note = (key: string, day: string) => {
    const seen = last.get(key);
    if (!seen || day > seen) last.set(key, day);
  };
  for (const r of records) {
    if (r.form !== form || r.day === null || r.day > today) continue;
    note(`unit:${r.unitId}`, r.day);
    if (r.subjectId !== null) note(`subject:${r.subjectId}`, r.day);
    if (r.personId !== null) note(`person:${r.personId}`, r.day);
  }
  return last;
}

// --- term expiry ---------------------------------------------------------------------------------

/**
 * A day plus whole years, on the same month and day; a 29 February start ends on 28 February of a
 * common year (the term runs to the end of February, not into March).
 */
export function addYears(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const monthDay = day.slice(5);
  const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (monthDay === '02-29' && !isLeap(year)) return `${String(year).padStart(4, '0')}-02-28`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

function termViolations(rule: TermRule, ctx: RuleContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const unit of ctx.data.units) {
    if (!unit.active) continue;
    const start = dayOfCell(unit.values[rule.dateColumn], ctx.timeZone);
    // The unit's own term (任期) when filled, else the template's.
    const own = rule.termColumn ? Number(textOf(unit.values[rule.termColumn]) || NaN) : NaN;
    const years = Number.isInteger(own) && own > 0 ? own : rule.termYears;
    if (!start || years === undefined) continue;
    const termEnd = addYears(start, years);
    const left = daysBetween(ctx.today, termEnd);
    if (left <= rule.warnDays) {
      out.push({
        rule: rule.id,
        unitId: unit.unitId,
        count: left,
        limit: rule.warnDays,
        since: addDays(termEnd, -rule.warnDays),
      });
    }
  }
  return out;
}

// --- helpers -------------------------------------------------------------------------------------

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The violation without its undefined fields (so it reads, and compares, as written). */
function compact(v: RuleViolation): RuleViolation {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v)) if (value !== undefined) out[k] = value;
  return out as unknown as RuleViolation;
}

const SORT_KEYS = ['subjectId', 'unitId', 'personId', 'category', 'periodId'] as const;

/** Within one rule: by subject, unit, person, category, then period (stable otherwise). */
function sortViolations(list: RuleViolation[]): RuleViolation[] {
  return [...list].sort((a, b) => {
    for (const key of SORT_KEYS) {
      const c = (a[key] ?? '').localeCompare(b[key] ?? '');
      if (c !== 0) return c;
    }
    return 0;
  });
}
