/**
 * The campaign report of any template, section by section as its `report` list says: headings,
 * a sentence or two and a table per section. Pure: the data, the duties, the violations (with a
 * describer for their texts) and the day are parameters; the app renders the result into a Doc.
 *
 * Every figure is a count of rows, so a reader can recompute it from the workbook:
 * - records: rows of a form's record sheet (FormRecord), verified or not;
 * - units: active rows of 单位名册; people: rows of the roster; subjects: rows of the subject sheet
 *   (项目库, 重点任务清单);
 * - owed / met / late / missing: duties (duties.ts) of the periods that have opened by `today`
 *   (opensOn ≤ today) — a duty is one member (unit, subject with one owning unit, or person) of a
 *   stage's audience in one period; met when a record counts for it, late when that record came
 *   after the end of the period's deadline day, missing = owed − met; rate = met / owed.
 * Each section's comment below says what it counts.
 */
import { dayOf, endOfDay } from './calendar';
import { passesFilter, textOf, type CampaignData, type FormRecord } from './campaign-data';
import type { Duty } from './duties';
import { periodsOf, type Period } from './periods';
import type { RuleViolation } from './rule-vocabulary';
import type { Cell } from './table';
import type {
  Label,
  ReportSection,
  ReviewColumn,
  SubjectType,
  TemplateField,
  TemplateForm,
  TemplateStage,
} from './template';
import { messages, type Messages } from '../i18n';

export interface SectionTable {
  header: string[];
  rows: string[][];
}

export interface ReportSectionText {
  heading: string;
  paragraphs: string[];
  table?: SectionTable;
}

export interface SectionReport {
  sections: ReportSectionText[];
}

/** A violation as the report prints it (violation-texts.ts says how). */
export interface ViolationLine {
  rule: string;
  subject: string;
  detail: string;
}

/** A form as the report names it: its title and its fields' labels (表单设计's fields). */
export type LabelledForm = Pick<TemplateForm, 'key' | 'title' | 'sheet' | 'makes'> & {
  fields: readonly Pick<TemplateField, 'key' | 'label' | 'kind' | 'choices'>[];
};

export interface SectionReportInput {
  sections: readonly ReportSection[];
  /** The stages as 阶段设置 gives them (ruleStages). */
  stages: readonly TemplateStage[];
  data: CampaignData;
  duties: readonly Duty[];
  violations: readonly RuleViolation[];
  describe: (v: RuleViolation) => ViolationLine;
  campaignName: string;
  today: string;
  timeZone: string;
  locale: string;
  forms: readonly LabelledForm[];
  subjectTypes: readonly SubjectType[];
  review: readonly ReviewColumn[];
}

/** Names listed in a 未报名单 cell before "等 N 个". */
const MAX_NAMES = 10;

type Texts = Messages['sections'];

const pct = (t: Texts, met: number, owed: number) =>
  owed === 0 ? t.blank : `${((met / owed) * 100).toFixed(1)}%`;

/** Counts of the duties given: owed, met, late, missing. */
function tally(list: readonly Duty[]) {
  const met = list.filter((d) => d.metAt !== null).length;
  const late = list.filter((d) => d.metAt !== null && d.late).length;
  return { owed: list.length, met, late, missing: list.length - met };
}

export function sectionReport(input: SectionReportInput): SectionReport {
  const { data, today, timeZone } = input;
  const t = messages(input.locale).sections;
  const inLocale = (l: Label) => (input.locale === 'en' ? l.en : l.zh);
  const cellText = (c: Cell | undefined): string =>
    c instanceof Date ? dayOf(c.getTime(), timeZone) : textOf(c);

  const unitName = new Map(data.units.map((u) => [u.unitId, u.name]));
  const nameOfUnit = (id: string) => unitName.get(id) ?? id;
  const activeUnits = data.units.filter((u) => u.active);
  const personName = new Map(data.people.map((p) => [p.personId, p.name]));
  const formOf = (key: string) => input.forms.find((f) => f.key === key);
  /** A form by its record sheet's name (项目库, 三会一课台账): where a reader recounts it. */
  const formTitle = (key: string) => {
    const form = formOf(key);
    return form ? inLocale(form.sheet) : key;
  };
  const stageOf = (id: string) => input.stages.find((s) => s.stageId === id);
  /** A form, or the form making a subject type. */
  const makersOf = (owner: string) =>
    input.forms.filter(
      (f) => f.key === owner || (f.makes.kind === 'subject' && f.makes.subject === owner),
    );
  /** The review column `key` on a form or subject type (or on the form making that type). */
  const reviewColumn = (owner: string, key: string) =>
    input.review.find(
      (r) => r.key === key && (r.on === owner || makersOf(owner).some((f) => f.key === r.on)),
    );
  /** A field's label on a form or a subject type: its form field, review column or sheet column. */
  const fieldLabel = (owner: string, key: string): string => {
    const label =
      makersOf(owner)
        .flatMap((f) => f.fields)
        .find((f) => f.key === key)?.label ??
      reviewColumn(owner, key)?.label ??
      input.subjectTypes.find((s) => s.key === owner)?.columns?.find((c) => c.key === key)?.label;
    return label ? inLocale(label) : key;
  };
  const recordsOf = (form: string) => data.records.filter((r) => r.form === form);
  const opened = (d: Duty) => d.opensOn <= today;
  const periodName = (p: Pick<Period, 'periodId' | 'label'>) =>
    p.periodId === '' ? t.stageProgress.whole : inLocale(p.label);
  const memberName = (d: Duty) => {
    if (d.personId !== null) return personName.get(d.personId) ?? d.personId;
    if (d.subjectId !== null) return `${d.subjectId}（${nameOfUnit(d.unitId)}）`;
    return nameOfUnit(d.unitId);
  };

  /**
   * Active units (rows of 单位名册 taking part), people (rows of the roster), subjects per type
   * (rows of its sheet) and records per form (rows of its record sheet).
   */
  const overview = (): ReportSectionText => {
    const rows: string[][] = [[t.overview.units, String(activeUnits.length)]];
    if (data.people.length > 0) rows.push([t.overview.people, String(data.people.length)]);
    for (const type of input.subjectTypes) {
      const count = data.subjects.filter((s) => s.type === type.key).length;
      rows.push([t.overview.subjects(inLocale(type.label)), String(count)]);
    }
    for (const form of input.forms) {
      rows.push([t.overview.records(inLocale(form.sheet)), String(recordsOf(form.key).length)]);
    }
    return {
      heading: t.overview.heading,
      paragraphs: [t.overview.summary(input.campaignName, activeUnits.length, data.records.length)],
      table: { header: [t.overview.item, t.overview.count], rows },
    };
  };

  /** A row per stage with a form and, for recurring stages, per period opened by today: its duties. */
  const stageProgress = (): ReportSectionText => {
    const rows: string[][] = [];
    const all: Duty[] = [];
    for (const stage of input.stages) {
      if (!stage.form || stage.audience.kind === 'staff') continue;
      const mine = input.duties.filter((d) => d.stageId === stage.stageId && opened(d));
      for (const period of periodsOf(stage.schedule)) {
        if (period.opensOn > today) continue;
        const list = mine.filter((d) => d.periodId === period.periodId);
        all.push(...list);
        const c = tally(list);
        rows.push([
          inLocale(stage.name),
          periodName(period),
          period.deadline,
          period.deadline < today ? t.states.closed : t.states.open,
          String(c.owed),
          String(c.met),
          String(c.late),
          String(c.missing),
          pct(t, c.met, c.owed),
        ]);
      }
    }
    const s = t.stageProgress;
    const c = tally(all);
    return {
      heading: s.heading,
      paragraphs: [s.summary(c.owed, c.met, c.late, c.missing)],
      table: {
        header: [s.stage, s.period, s.deadline, s.state, s.owed, s.met, s.late, s.missing, s.rate],
        rows,
      },
    };
  };

  /** A row per violation of the quota rules as of today, in the order checkQuotas gives. */
  const quota = (): ReportSectionText => {
    const q = t.quota;
    return {
      heading: q.heading,
      paragraphs: [q.summary(input.violations.length)],
      table: {
        header: [q.no, q.rule, q.subject, q.detail],
        rows: input.violations.map((v, i) => {
          const line = input.describe(v);
          return [String(i + 1), line.rule, line.subject, line.detail];
        }),
      },
    };
  };

  /**
   * A row per subject of the type (rows of its sheet), with its id (unless a field `<type>Id` is
   * listed), its units (unless the owner column is listed) and the listed fields; then, for each
   * listed choice review column (e.g. status), subjects counted by value.
   */
  const subjects = (section: Extract<ReportSection, { kind: 'subjects' }>): ReportSectionText => {
    const type = input.subjectTypes.find((s) => s.key === section.subject);
    const label = type ? inLocale(type.label) : section.subject;
    const list = data.subjects.filter((s) => s.type === section.subject);
    const withId = !section.fields.includes(`${section.subject}Id`);
    const withUnit = !(type?.ownerColumn && section.fields.includes(type.ownerColumn));
    const header = [
      ...(withId ? [t.subjects.id] : []),
      ...(withUnit ? [t.subjects.unit] : []),
      ...section.fields.map((f) => fieldLabel(section.subject, f)),
    ];
    const rows = list.map((s) => [
      ...(withId ? [s.subjectId] : []),
      ...(withUnit ? [s.unitIds.map(nameOfUnit).join('、')] : []),
      ...section.fields.map((f) => cellText(s.values[f])),
    ]);
    const paragraphs = [t.subjects.summary(list.length, label)];
    for (const field of section.fields) {
      const column = reviewColumn(section.subject, field);
      if (column?.type !== 'choice') continue;
      const counts = countValues(
        list.map((s) => [cellText(s.values[field])]),
        column.choices ?? [],
      );
      const parts = counts.map(([value, n]) => t.subjects.part(value || t.unfilledInText, n));
      paragraphs.push(t.subjects.byValue(inLocale(column.label), parts.join('、')));
    }
    return {
      heading: t.subjects.heading(label),
      paragraphs,
      table: { header, rows },
    };
  };

  /**
   * A row per value of the field among the form's records: the field's choices first (0 included),
   * other values as met, blank last; a checkbox answer counts once for each value ticked (split by
   * 、). Share: records with the value / records of the form.
   */
  const fieldCounts = (
    section: Extract<ReportSection, { kind: 'fieldCounts' }>,
  ): ReportSectionText => {
    const records = recordsOf(section.form);
    const field = formOf(section.form)?.fields.find((f) => f.key === section.field);
    const column = reviewColumn(section.form, section.field);
    const multiple = field?.kind === 'checkbox';
    const values = records.map((r) => {
      const text = cellText(r.values[section.field]);
      return multiple ? [...new Set(text.split(/[、,，]\s*/).filter(Boolean))] : [text];
    });
    const counts = countValues(values, field?.choices ?? column?.choices ?? []);
    const f = t.fieldCounts;
    const fieldName = fieldLabel(section.form, section.field);
    return {
      heading: f.heading(formTitle(section.form), fieldName),
      paragraphs: [f.summary(records.length), ...(multiple ? [f.multiple] : [])],
      table: {
        header: [fieldName, f.count, f.share],
        rows: counts.map(([value, n]) => [
          value || t.unfilled,
          String(n),
          pct(t, n, records.length),
        ]),
      },
    };
  };

  /**
   * A row per active unit (单位名册 order): its records of the form (rows with its unit), how many
   * of them came late (after the end of the deadline day of the period they count for, in a stage
   * of the form whose record condition they pass), and the duties of the form's stages owed by the
   * unit in periods opened by today, met and missing.
   */
  const byUnit = (section: Extract<ReportSection, { kind: 'byUnit' }>): ReportSectionText => {
    const records = recordsOf(section.form);
    const stages = input.stages.filter(
      (s) => s.form === section.form && s.audience.kind !== 'staff',
    );
    const stageIds = new Set(stages.map((s) => s.stageId));
    const periods = stages.map((s) => ({ stage: s, periods: periodsOf(s.schedule) }));
    const isLate = (r: FormRecord) =>
      r.submittedAt !== null &&
      periods.some(({ stage, periods: list }) => {
        if (
          stage.recordFilter &&
          !passesFilter(r.values[stage.recordFilter.field], stage.recordFilter)
        )
          return false;
        const period =
          stage.schedule.kind === 'once'
            ? list[0]
            : list.find((p) => r.day !== null && p.start <= r.day && r.day <= p.end);
        return period !== undefined && r.submittedAt! >= endOfDay(period.deadline, timeZone);
      });
    const recordsBy = groupBy(records, (r) => r.unitId);
    const dutiesBy = groupBy(
      input.duties.filter((d) => stageIds.has(d.stageId) && opened(d)),
      (d) => d.unitId,
    );
    const u = t.byUnit;
    const rows = activeUnits.map((unit) => {
      const mine = recordsBy.get(unit.unitId) ?? [];
      const c = tally(dutiesBy.get(unit.unitId) ?? []);
      return [
        unit.name,
        String(mine.length),
        String(mine.filter(isLate).length),
        String(c.owed),
        String(c.met),
        String(c.missing),
      ];
    });
    const counted = activeUnits.reduce(
      (n, unit) => n + (recordsBy.get(unit.unitId)?.length ?? 0),
      0,
    );
    return {
      heading: u.heading(formTitle(section.form)),
      paragraphs: [u.summary(activeUnits.length, counted)],
      table: { header: [u.unit, u.records, u.late, u.owed, u.met, u.missing], rows },
    };
  };

  /**
   * A row per period of the stage opened by today: the form's records dated in it that pass the
   * stage's record condition, the distinct units of those records, the stage's duties of the
   * period, the unmet ones and who owes them.
   */
  const byPeriod = (section: Extract<ReportSection, { kind: 'byPeriod' }>): ReportSectionText => {
    const stage = stageOf(section.stage);
    const b = t.byPeriod;
    const header = [
      b.period,
      b.deadline,
      b.records,
      b.reporting,
      b.owed,
      b.missing,
      b.missingNames,
    ];
    const heading = b.heading(
      formTitle(section.form),
      stage ? inLocale(stage.name) : section.stage,
    );
    if (!stage) return { heading, paragraphs: [], table: { header, rows: [] } };
    const filter = stage.recordFilter;
    const records = recordsOf(section.form).filter(
      (r) => !filter || passesFilter(r.values[filter.field], filter),
    );
    const periods = periodsOf(stage.schedule).filter((p) => p.opensOn <= today);
    const rows = periods.map((period) => {
      const inPeriod = records.filter(
        (r) =>
          period.periodId === '' ||
          (r.day !== null && period.start <= r.day && r.day <= period.end),
      );
      const owed = input.duties.filter(
        (d) => d.stageId === stage.stageId && d.periodId === period.periodId,
      );
      const missing = owed.filter((d) => d.metAt === null);
      const names = missing.slice(0, MAX_NAMES).map(memberName).join('、');
      return [
        periodName(period),
        period.deadline,
        String(inPeriod.length),
        String(new Set(inPeriod.map((r) => r.unitId)).size),
        String(owed.length),
        String(missing.length),
        missing.length > MAX_NAMES ? b.more(names, missing.length) : names,
      ];
    });
    return { heading, paragraphs: [b.summary(periods.length)], table: { header, rows } };
  };

  const make = (section: ReportSection): ReportSectionText => {
    switch (section.kind) {
      case 'overview':
        return overview();
      case 'stageProgress':
        return stageProgress();
      case 'quota':
        return quota();
      case 'subjects':
        return subjects(section);
      case 'fieldCounts':
        return fieldCounts(section);
      case 'byUnit':
        return byUnit(section);
      case 'byPeriod':
        return byPeriod(section);
    }
  };
  return {
    sections: input.sections.map((section, i) => {
      const made = make(section);
      return { ...made, heading: t.numbered(i + 1, made.heading) };
    }),
  };
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const seen = out.get(k);
    if (seen) seen.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Value → how many of the items hold it (each item lists its values): the known choices first, in
 * their order and with 0 when absent, then other values in order of appearance, blank ('') last.
 */
function countValues(items: readonly string[][], choices: readonly string[]): [string, number][] {
  const counts = new Map<string, number>(choices.map((c) => [c, 0]));
  let blank = 0;
  for (const values of items) {
    if (values.length === 0 || (values.length === 1 && values[0] === '')) blank += 1;
    for (const v of values) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const out = [...counts.entries()];
  if (blank > 0) out.push(['', blank]);
  return out;
}
