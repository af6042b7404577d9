/**
 * A campaign template: everything that makes one campaign differ from another, as data — its forms,
 * the records each form makes, its stages (one-off or recurring), who owes each stage, the review
 * columns, the quota rules and the report sections. The engine runs from a template; no use case
 * names a form, a stage or a template.
 *
 * The shapes below are the contract between the template files (sheets-templates/templates/), the
 * configuration sheets Setup writes from them (表单设计, 审核字段, 配额规则, 阶段设置) and the engine.
 * `validateTemplate` (template-schema.ts) checks one with zod and reports every problem located by
 * its path.
 */

export type Label = { zh: string; en: string };

// --- forms ---------------------------------------------------------------------------------------

export const FIELD_KINDS = [
  'unit', // dropdown of active unit names
  'person', // dropdown of the roster's people (name · unit)
  'subject', // a subject the respondent's unit owns, by id or exact name (e.g. a project, a task)
  'text',
  'paragraph',
  'choice', // dropdown
  'checkbox',
  'date',
  'integer',
  'number',
  'email',
  'phone',
  'url',
  'rating', // 1–5 scale
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface TemplateField {
  key: string;
  label: Label;
  kind: FieldKind;
  required: boolean;
  help?: string;
  choices?: readonly string[];
  maxLength?: number;
  min?: number;
  max?: number;
  /** A date that may not fall after the day of submission, or after a stage's deadline. */
  notAfter?: 'submission' | string;
}

/**
 * What one accepted response makes:
 * - `subject`: a new subject of `subject` type, owned by the unit that answered (a project);
 * - `entry`: an entry attached to what it reports on — the answering unit itself (`of: 'unit'`),
 *   a subject the unit owns (`of: <subject type>`, by the form's `subject` field) or a person on
 *   the roster (`of: 'person'`, by the form's `person` field). `dateField` says which answer dates
 *   the entry into a period (otherwise the moment it was first submitted).
 */
export type RecordMaking =
  | { kind: 'subject'; subject: string }
  | { kind: 'entry'; of: 'unit' | 'person' | string; dateField?: string };

export interface TemplateForm {
  key: string;
  title: Label;
  description: string;
  /** The data sheet its records go to. */
  sheet: Label;
  makes: RecordMaking;
  fields: readonly TemplateField[];
}

/**
 * A kind of thing the campaign tracks: made by a form (`source: 'form'`, e.g. a project), or listed
 * by staff beforehand in its own sheet (`source: 'sheet'`, e.g. the year's key tasks with their
 * lead units).
 */
export interface SubjectType {
  key: string;
  label: Label;
  source: 'form' | 'sheet';
  /** The id's prefix, e.g. SJXM → SJXM-2014-001. */
  idPrefix: string;
  /** The answer (form subjects) or column (sheet subjects) that names one, e.g. projectName. */
  nameField?: string;
  /** For `source: 'sheet'`: its title, columns and rows (written by Setup; staff may edit). */
  sheet?: Label;
  columns?: readonly UnitColumn[];
  /** The column naming its owning units (names or ids, separated by ；/;/、). */
  ownerColumn?: string;
  rows?: readonly Record<string, string>[];
}

// --- stages and periods --------------------------------------------------------------------------

export const CADENCES = ['month', 'quarter', 'year'] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * When a stage is owed. One-off: open from `opensOn`, due at the end of `deadline`. Recurring:
 * every month / quarter / year from `from` to `until`; each period opens on its first day and is
 * due `dueDaysAfter` days after its last day (0: on its last day).
 */
export type Schedule =
  | { kind: 'once'; opensOn: string; deadline: string }
  | { kind: 'recurring'; every: Cadence; from: string; until: string; dueDaysAfter: number };

/**
 * Who owes a stage. `filter` narrows subjects by a stored value (e.g. status = 重点项目).
 */
export type AudienceDef =
  | { kind: 'allUnits' }
  | { kind: 'unitsOfCategory'; categories: readonly string[] }
  | { kind: 'unitsWithSubject'; subject: string }
  | { kind: 'subjects'; subject: string; filter?: Filter }
  | { kind: 'roster'; roles?: readonly string[] }
  | { kind: 'staff' };

/** A stored value must be one of `in`, or none of `notIn` (e.g. a task not yet 完成). */
export type Filter =
  | { field: string; in: readonly string[]; notIn?: undefined }
  | { field: string; notIn: readonly string[]; in?: undefined };

export interface TemplateStage {
  stageId: string;
  name: Label;
  form: string | null;
  audience: AudienceDef;
  schedule: Schedule;
  /** Only records passing it meet the stage (e.g. meetingType = 支部党员大会). */
  recordFilter?: Filter;
  remindDaysBefore: readonly number[];
  overdueEveryDays: number;
}

// --- review --------------------------------------------------------------------------------------

export interface ReviewColumn {
  key: string;
  label: Label;
  /** The sheet of these records (a form key or a subject type key). */
  on: string;
  type: 'choice' | 'number' | 'text';
  choices?: readonly string[];
  min?: number;
  max?: number;
}

// --- quota rules ---------------------------------------------------------------------------------

/** A number written in the template, or read from a setting (e.g. keyProjectQuota). */
export type Amount = number | { setting: string };

/**
 * The quota vocabulary:
 * - `count`: at least / at most N records of `form` per unit / person / category / subject / the
 *   whole campaign (`per`), in each `period` (or over the whole campaign), counting only records
 *   that pass `filter`; among the units, people or subjects `among` names (default: all of that
 *   kind). `atMostShare` caps the share (0–1) of records passing `filter` among all records.
 *   `after` delays the check to the day after that stage's deadline.
 * - `required`: every record of `form` has `field` filled in.
 * - `cadence`: while `during` runs, every member of `among` has an entry of `form` at least every
 *   `everyDays` days.
 * - `termExpiry`: each unit's `dateColumn` (a date in 单位名册) plus `termYears` (or the unit's
 *   `termColumn`) is its term's end; the rule flags units within `warnDays` of it, or past it.
 */
export type QuotaRuleDef =
  | {
      id: string;
      label: Label;
      kind: 'count';
      form: string;
      per: 'unit' | 'person' | 'category' | 'subject' | 'campaign';
      period?: Cadence;
      atLeast?: Amount;
      atMost?: Amount;
      atMostShare?: number;
      filter?: Filter;
      among?: AudienceDef;
      after?: string;
    }
  | { id: string; label: Label; kind: 'required'; form: string; field: string }
  | {
      id: string;
      label: Label;
      kind: 'cadence';
      form: string;
      everyDays: Amount;
      during: string;
      among: AudienceDef;
    }
  | {
      id: string;
      label: Label;
      kind: 'termExpiry';
      dateColumn: string;
      termYears?: number;
      termColumn?: string;
      warnDays: number;
    };

// --- reports -------------------------------------------------------------------------------------

/**
 * A section of the stage report, in template order: the overview, each stage's progress, the quota
 * checks, a table of subjects, a count of `form` records by `field` value, records by unit, or
 * records by subject and period.
 */
export type ReportSection =
  | { kind: 'overview' }
  | { kind: 'stageProgress' }
  | { kind: 'quota' }
  | { kind: 'subjects'; subject: string; fields: readonly string[] }
  | { kind: 'fieldCounts'; form: string; field: string }
  | { kind: 'byUnit'; form: string }
  | { kind: 'byPeriod'; form: string; stage: string };

// --- the template --------------------------------------------------------------------------------

/** Extra columns of 单位名册 a template needs (e.g. 上次换届日期, 任期（年）). */
export interface UnitColumn {
  key: string;
  label: Label;
  type: 'text' | 'date' | 'integer';
}

/** The roster of people a template tracks (e.g. leading cadres), when it has one. */
export interface RosterDef {
  sheet: Label;
  roles: readonly string[];
  rows?: readonly Record<string, string>[];
}

export interface CampaignTemplate {
  id: string;
  name: Label;
  description: Label;
  /** The unit categories the roster uses (单位类别), and each one's reviewing department. */
  categories: Readonly<Record<string, string>>;
  unitColumns?: readonly UnitColumn[];
  roster?: RosterDef;
  subjects: readonly SubjectType[];
  forms: readonly TemplateForm[];
  stages: readonly TemplateStage[];
  review: readonly ReviewColumn[];
  quotaRules: readonly QuotaRuleDef[];
  report: readonly ReportSection[];
  /** Settings the template presets (campaignName, keyProjectQuota, …). */
  settings: Readonly<Record<string, string>>;
}
