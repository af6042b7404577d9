/**
 * Validation of a campaign template (template.ts) with zod: its shape, then what the shape cannot
 * say. Kept apart from the types so the Apps Script bundle, which reads the configuration sheets
 * and never a template file, does not carry the schema.
 */
// Named imports: `import { z }` would pull every zod locale (~400 KB) into the Apps Script bundle.
import {
  array,
  boolean,
  enum as zenum,
  literal,
  number,
  object,
  optional,
  record,
  string,
  union,
  type ZodMiniType,
} from 'zod/mini';
import { CADENCES, FIELD_KINDS, type AudienceDef, type CampaignTemplate } from './template';

// --- validation ----------------------------------------------------------------------------------

const label = object({ zh: string(), en: string() });
const day = string().check((ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      message: `not a YYYY-MM-DD day: ${ctx.value}`,
      input: ctx.value,
    });
  }
});
const key = string().check((ctx) => {
  if (!/^[A-Za-z][\w-]*$/.test(ctx.value)) {
    ctx.issues.push({ code: 'custom', message: `not a key: "${ctx.value}"`, input: ctx.value });
  }
});
const filter = union([
  object({ field: key, in: array(string()) }),
  object({ field: key, notIn: array(string()) }),
]);
const unitColumn = object({ key, label, type: zenum(['text', 'date', 'integer'] as const) });
const amount = union([number(), object({ setting: key })]);
const audience = union([
  object({ kind: literal('allUnits') }),
  object({ kind: literal('unitsOfCategory'), categories: array(string()) }),
  object({ kind: literal('unitsWithSubject'), subject: key }),
  object({ kind: literal('subjects'), subject: key, filter: optional(filter) }),
  object({ kind: literal('roster'), roles: optional(array(string())) }),
  object({ kind: literal('staff') }),
]);
const field = object({
  key,
  label,
  kind: zenum(FIELD_KINDS),
  required: boolean(),
  help: optional(string()),
  choices: optional(array(string())),
  maxLength: optional(number()),
  min: optional(number()),
  max: optional(number()),
  notAfter: optional(string()),
});
const rows = optional(array(record(string(), string())));

const schema = object({
  id: key,
  name: label,
  description: label,
  categories: record(string(), key),
  unitColumns: optional(array(unitColumn)),
  roster: optional(object({ sheet: label, roles: array(string()), rows })),
  subjects: array(
    object({
      key,
      label,
      source: zenum(['form', 'sheet'] as const),
      idPrefix: string(),
      nameField: optional(key),
      sheet: optional(label),
      columns: optional(array(unitColumn)),
      ownerColumn: optional(key),
      rows,
    }),
  ),
  forms: array(
    object({
      key,
      title: label,
      description: string(),
      sheet: label,
      makes: union([
        object({ kind: literal('subject'), subject: key }),
        object({ kind: literal('entry'), of: key, dateField: optional(key) }),
      ]),
      fields: array(field),
    }),
  ),
  stages: array(
    object({
      stageId: key,
      name: label,
      form: union([key, literal(null)]),
      audience,
      schedule: union([
        object({ kind: literal('once'), opensOn: day, deadline: day }),
        object({
          kind: literal('recurring'),
          every: zenum(CADENCES),
          from: day,
          until: day,
          dueDaysAfter: number(),
        }),
      ]),
      recordFilter: optional(filter),
      remindDaysBefore: array(number()),
      overdueEveryDays: number(),
    }),
  ),
  review: array(
    object({
      key,
      label,
      on: key,
      type: zenum(['choice', 'number', 'text'] as const),
      choices: optional(array(string())),
      min: optional(number()),
      max: optional(number()),
    }),
  ),
  quotaRules: array(
    union([
      object({
        id: key,
        label,
        kind: literal('count'),
        form: key,
        per: zenum(['unit', 'person', 'category', 'subject', 'campaign'] as const),
        period: optional(zenum(CADENCES)),
        atLeast: optional(amount),
        atMost: optional(amount),
        atMostShare: optional(number()),
        filter: optional(filter),
        among: optional(audience),
        after: optional(key),
      }),
      object({ id: key, label, kind: literal('required'), form: key, field: key }),
      object({
        id: key,
        label,
        kind: literal('cadence'),
        form: key,
        everyDays: amount,
        during: key,
        among: audience,
      }),
      object({
        id: key,
        label,
        kind: literal('termExpiry'),
        dateColumn: key,
        termYears: optional(number()),
        termColumn: optional(key),
        warnDays: number(),
      }),
    ]),
  ),
  report: array(
    union([
      object({ kind: literal('overview') }),
      object({ kind: literal('stageProgress') }),
      object({ kind: literal('quota') }),
      object({ kind: literal('subjects'), subject: key, fields: array(key) }),
      object({ kind: literal('fieldCounts'), form: key, field: key }),
      object({ kind: literal('byUnit'), form: key }),
      object({ kind: literal('byPeriod'), form: key, stage: key }),
    ]),
  ),
  settings: record(string(), string()),
}) as unknown as ZodMiniType<CampaignTemplate>;

export interface TemplateProblem {
  /** Where, e.g. `forms[1].fields[3].kind` or `stages[2].form`. */
  path: string;
  message: string;
}

function pathOf(parts: readonly PropertyKey[]): string {
  return parts
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/**
 * Every problem of a template, each located by path: its shape (zod), then what the shape cannot
 * say — unique keys, references to forms, subjects, stages and fields that exist, and consistent
 * limits.
 */
export function validateTemplate(input: unknown): TemplateProblem[] {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message }));
  }
  const t = parsed.data;
  const out: TemplateProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const unique = <T extends object>(items: readonly T[], prop: keyof T & string, at: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const value = String(item[prop]);
      if (seen.has(value)) add(`${at}[${i}].${prop}`, `duplicate ${prop} "${value}"`);
      seen.add(value);
    });
  };
  unique(t.forms, 'key', 'forms');
  unique(t.subjects, 'key', 'subjects');
  unique(t.stages, 'stageId', 'stages');
  unique(t.quotaRules, 'id', 'quotaRules');
  const forms = new Map(t.forms.map((f) => [f.key, f]));
  const subjects = new Set(t.subjects.map((s) => s.key));
  const stages = new Set(t.stages.map((s) => s.stageId));
  const hasField = (form: string, fieldKey: string) =>
    !!forms.get(form)?.fields.some((f) => f.key === fieldKey) ||
    t.review.some((r) => r.on === form && r.key === fieldKey) ||
    // Subjects made by a form carry that form's answers and review columns.
    t.forms.some(
      (f) =>
        f.makes.kind === 'subject' &&
        f.makes.subject === form &&
        (f.fields.some((x) => x.key === fieldKey) ||
          t.review.some((r) => r.on === f.key && r.key === fieldKey)),
    );
  const checkAudience = (a: AudienceDef, at: string) => {
    if ((a.kind === 'subjects' || a.kind === 'unitsWithSubject') && !subjects.has(a.subject))
      add(`${at}.subject`, `no subject type "${a.subject}"`);
    if (a.kind === 'unitsOfCategory')
      a.categories.forEach((c, i) => {
        if (!(c in t.categories)) add(`${at}.categories[${i}]`, `no unit category "${c}"`);
      });
    if (a.kind === 'roster' && !t.roster) add(at, 'the template has no roster');
    if (a.kind === 'subjects' && a.filter && !hasField(a.subject, a.filter.field))
      add(`${at}.filter.field`, `no field "${a.filter.field}" on ${a.subject}`);
  };
  t.forms.forEach((f, i) => {
    const at = `forms[${i}]`;
    unique(f.fields, 'key', `${at}.fields`);
    const kinds = new Set(f.fields.map((x) => x.kind));
    const ofUnit = f.makes.kind === 'subject' || f.makes.of === 'unit';
    if (ofUnit && !kinds.has('unit')) add(`${at}.fields`, 'this form needs a field of kind "unit"');
    if (f.makes.kind === 'subject' && !subjects.has(f.makes.subject))
      add(`${at}.makes.subject`, `no subject type "${f.makes.subject}"`);
    if (f.makes.kind === 'entry') {
      const of = f.makes.of;
      if (of === 'person' && !kinds.has('person'))
        add(`${at}.makes.of`, 'an entry of a person needs a field of kind "person"');
      else if (of !== 'unit' && of !== 'person' && !subjects.has(of))
        add(`${at}.makes.of`, `no subject type "${of}"`);
      else if (of !== 'unit' && of !== 'person' && !kinds.has('subject'))
        add(`${at}.makes.of`, 'an entry of a subject needs a field of kind "subject"');
      const dateField = f.makes.dateField;
      if (dateField && f.fields.find((x) => x.key === dateField)?.kind !== 'date')
        add(`${at}.makes.dateField`, `"${dateField}" is not a date field of this form`);
    }
    f.fields.forEach((x, j) => {
      const fat = `${at}.fields[${j}]`;
      if ((x.kind === 'choice' || x.kind === 'checkbox') && !x.choices?.length)
        add(`${fat}.choices`, `a ${x.kind} field needs choices`);
      if (x.min !== undefined && x.max !== undefined && x.min > x.max)
        add(`${fat}.min`, `min ${x.min} is above max ${x.max}`);
    });
  });
  t.subjects.forEach((s, i) => {
    if (s.source === 'sheet' && !s.sheet)
      add(`subjects[${i}].sheet`, 'a sheet subject needs a sheet');
    if (
      s.source === 'form' &&
      !t.forms.some((f) => f.makes.kind === 'subject' && f.makes.subject === s.key)
    )
      add(`subjects[${i}]`, `no form makes "${s.key}"`);
  });
  t.stages.forEach((s, i) => {
    const at = `stages[${i}]`;
    if (s.form !== null && !forms.has(s.form)) add(`${at}.form`, `no form "${s.form}"`);
    if (s.form !== null && s.audience.kind === 'staff')
      add(`${at}.audience`, 'a stage with a form needs an audience of units');
    checkAudience(s.audience, `${at}.audience`);
    const sc = s.schedule;
    if (sc.kind === 'once' && sc.deadline < sc.opensOn)
      add(`${at}.schedule.deadline`, `deadline ${sc.deadline} is before ${sc.opensOn}`);
    if (sc.kind === 'recurring' && sc.until < sc.from)
      add(`${at}.schedule.until`, `until ${sc.until} is before ${sc.from}`);
  });
  t.review.forEach((r, i) => {
    if (!forms.has(r.on) && !subjects.has(r.on))
      add(`review[${i}].on`, `no form or subject "${r.on}"`);
    if (r.type === 'choice' && !r.choices?.length)
      add(`review[${i}].choices`, 'a choice column needs choices');
  });
  t.quotaRules.forEach((r, i) => {
    const at = `quotaRules[${i}]`;
    if (r.kind !== 'termExpiry' && !forms.has(r.form)) add(`${at}.form`, `no form "${r.form}"`);
    if (r.kind === 'required' && !forms.get(r.form)?.fields.some((x) => x.key === r.field))
      add(`${at}.field`, `no field "${r.field}" in form "${r.form}"`);
    if (r.kind === 'count') {
      if (r.atLeast === undefined && r.atMost === undefined && r.atMostShare === undefined)
        add(at, 'a count rule needs atLeast, atMost or atMostShare');
      if (r.after && !stages.has(r.after)) add(`${at}.after`, `no stage "${r.after}"`);
      if (r.filter && !hasField(r.form, r.filter.field))
        add(`${at}.filter.field`, `no field "${r.filter.field}" on ${r.form}`);
      if (r.among) checkAudience(r.among, `${at}.among`);
    }
    if (r.kind === 'cadence') {
      if (!stages.has(r.during)) add(`${at}.during`, `no stage "${r.during}"`);
      checkAudience(r.among, `${at}.among`);
    }
    if (r.kind === 'termExpiry') {
      const columns = new Set((t.unitColumns ?? []).map((c) => c.key));
      if (!columns.has(r.dateColumn)) add(`${at}.dateColumn`, `no unit column "${r.dateColumn}"`);
      if (r.termColumn && !columns.has(r.termColumn))
        add(`${at}.termColumn`, `no unit column "${r.termColumn}"`);
      if (r.termYears === undefined && !r.termColumn) add(at, 'termYears or termColumn is needed');
    }
  });
  t.report.forEach((s, i) => {
    if ('form' in s && !forms.has(s.form)) add(`report[${i}].form`, `no form "${s.form}"`);
    if (s.kind === 'subjects' && !subjects.has(s.subject))
      add(`report[${i}].subject`, `no subject type "${s.subject}"`);
    if (s.kind === 'byPeriod' && !stages.has(s.stage))
      add(`report[${i}].stage`, `no stage "${s.stage}"`);
  });
  return out;
}

/** The template, or an error naming every problem (for templates shipped with the product). */
export function checkedTemplate(t: CampaignTemplate): CampaignTemplate {
  const problems = validateTemplate(t);
  if (problems.length > 0) {
    throw new Error(
      `template ${t.id}: ` + problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    );
  }
  return t;
}
