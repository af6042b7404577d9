/**
 * How a quota violation reads in the quota view, the staff digest and the reports: the rule's
 * name, what it is about (unit or person, subject, category, period) and what was found. The
 * Secretary Project's rules keep the texts they always had (i18n by rule id); any other rule reads
 * from its label and its kind.
 */
import { addDays } from '../domain/calendar';
import type { Person } from '../domain/campaign-data';
import type { CampaignConfig } from '../domain/config';
import { periodLabel } from '../domain/periods';
import type { RuleViolation } from '../domain/rule-vocabulary';
import type { Label } from '../domain/template';
import type { Messages } from '../i18n';

const inLocale = (config: CampaignConfig, l: Label) =>
  config.settings.locale === 'en' ? l.en : l.zh;

/** What a violation is about, each part '' when it has none. */
export interface ViolationPlace {
  /** The person with their unit, else the unit's name, else the category. */
  who: string;
  subjectId: string;
  /** The period's label (2018年第一季度). */
  period: string;
}

export interface ViolationTexts {
  /** A rule's name: its own text in `names` (by rule id) when it has one there, else its label. */
  ruleName(names: Record<string, string>, id: string): string;
  place(v: RuleViolation): ViolationPlace;
  /** The term line of a term-expiry violation (its end and the days left), else null. */
  termLine(v: RuleViolation): string | null;
  /** What was found, as the reports say it: the rule's own detail text, else one from its kind. */
  detail(v: RuleViolation): string;
}

/**
 * The texts of a campaign's violations, looked up once per campaign (thousands of branches, each
 * with violations in every period). `people` is the roster, to name a person (else by id).
 */
export function violationTexts(
  m: Messages,
  config: CampaignConfig,
  people: readonly Person[] = config.people ?? [],
): ViolationTexts {
  const rules = new Map(config.quotaRules.map((r) => [r.id, r]));
  const units = new Map(config.units.map((u) => [u.unitId, u.name]));
  const names = new Map(people.map((p) => [p.personId, p.name]));
  const formOf = (key: string) =>
    config.forms.find((f) => f.key === key) ?? config.template.forms.find((f) => f.key === key);
  const formTitle = (key: string) => {
    const form = formOf(key);
    return form ? inLocale(config, form.title) : key;
  };
  const fieldLabel = (key: string, field: string) => {
    const label = formOf(key)?.fields.find((f) => f.key === field)?.label;
    return label ? inLocale(config, label) : field;
  };
  const t = m.violations;

  const termLine = (v: RuleViolation) => {
    if (rules.get(v.rule)?.kind !== 'termExpiry' || v.since === undefined) return null;
    // The warning starts `limit` (warnDays) days before the term's end.
    return t.termEnds(addDays(v.since, v.limit ?? 0), v.count ?? 0);
  };

  return {
    ruleName(own, id) {
      const rule = rules.get(id);
      return own[id] ?? (rule ? inLocale(config, rule.label) : id);
    },
    place(v) {
      const unit = v.unitId ? (units.get(v.unitId) ?? v.unitId) : '';
      const person = v.personId ? (names.get(v.personId) ?? v.personId) : '';
      const period = v.periodId ? periodLabel(v.periodId) : null;
      return {
        who: person ? (unit ? t.person(person, unit) : person) : unit || (v.category ?? ''),
        subjectId: v.subjectId ?? '',
        period: period ? inLocale(config, period) : (v.periodId ?? ''),
      };
    },
    termLine,
    detail(v) {
      const count = v.count ?? 0;
      const limit = v.limit ?? 0;
      const since = v.since ?? '';
      const own = m.reports.details[v.rule];
      if (own) return own(count, limit, since);
      const rule = rules.get(v.rule);
      switch (rule?.kind) {
        case 'count':
          if (v.count === undefined) return t.missing(formTitle(rule.form), since);
          return count < limit ? t.fewer(count, limit, since) : t.more(count, limit);
        case 'required':
          return t.required(fieldLabel(rule.form, rule.field));
        case 'cadence':
          return t.cadence(count, limit, formTitle(rule.form));
        case 'termExpiry':
          return termLine(v) ?? '';
        case undefined:
          return '';
      }
    },
  };
}

/**
 * A violation as the daily run logs it (rehearsal-format.md `quotaViolation`): the subject under
 * the name the log has always given it, `projectId`.
 */
export function loggedViolation(v: RuleViolation): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(v).map(([key, value]) => [key === 'subjectId' ? 'projectId' : key, value]),
  );
}
