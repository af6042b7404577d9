// Named imports: `import { z }` would pull every zod locale (~400 KB) into the Apps Script bundle.
import { object } from 'zod/mini';
import {
  AUDIENCES,
  REPEATS,
  rosterSheetFor,
  SETTINGS,
  SETTINGS_SHEET,
  sheetSubjects,
  STAGES_SHEET,
  subjectSheetFor,
  subjectSheetKey,
  unitsSheetFor,
  type SettingDef,
  type SheetDef,
} from '../../sheets-templates/config-sheets';
import { problem, type Locale, type ProblemRef } from '../i18n';
import type { FormDef } from '../../sheets-templates/forms';
import { DEFAULT_TEMPLATE, templateById } from '../../sheets-templates/templates';
import type {
  AudienceDef,
  CampaignTemplate,
  Filter,
  QuotaRuleDef,
  Schedule,
  SubjectType,
} from './template';
import { isValidTimeZone, offsetMinutes } from './calendar';
import { cellParser, isEmpty } from './cells';
import {
  boolean,
  choice,
  collect,
  day,
  dayList,
  email,
  emailList,
  integer,
  MAX_UNIT_EMAILS,
  missingColumns,
  text,
  type ConfigProblem,
  type ConfigSheet,
} from './config-cells';
import { parseFormDesign } from './form-design';
import { parseQuotaRules } from './quota-sheet';
import { audienceOf, parseCondition } from './stage-audience';

export { audienceOf, parseCondition };

export { MAX_UNIT_EMAILS, type ConfigProblem, type ConfigSheet };
import { keyedRows, mapColumns, type Cell, type RawTable } from './table';

export type Audience = (typeof AUDIENCES)[number];
/** A form of the campaign's template (application, plan, … for the Secretary Project). */
export type FormKey = string;

export interface Settings {
  campaignName: string;
  /** The campaign template Setup wrote the sheets from (sheets-templates/templates). */
  template: string;
  timeZone: string;
  locale: Locale;
  reminderHour: number;
  senderName: string;
  replyTo: string;
  staffEmails: Record<string, string[]>;
  /** unit category → reviewing department (defaults to the template's categories) */
  routing: Record<string, string>;
  adminEmails: string[];
  keyProjectQuota: number;
  minProjectsPerUnit: number;
  mailReserve: number;
  overdueMaxNotices: number;
  ledgerCadenceDays: number;
  projectIdPrefix: string;
  reportFolderId: string;
  /** Who may answer the campaign forms (Form.setRequireLogin). */
  responderAccess: 'anyone' | 'domain';
}

export interface Unit {
  row: number;
  unitId: string;
  name: string;
  category: string;
  department: string;
  secretary: string;
  contactName: string;
  emails: string[];
  phone: string;
  memberCount: number | null;
  active: boolean;
  /**
   * The template's extra 单位名册 columns by key (dates as YYYY-MM-DD, integers as numbers).
   * parseConfig always sets it; a unit made by hand may leave it out.
   */
  values?: Record<string, Cell>;
}

/** A person on the template's roster (e.g. a leading cadre), who owes with their unit. */
export interface Person {
  personId: string;
  name: string;
  unitId: string;
  role: string;
  email: string;
}

/** How a person field lists a person: 姓名（单位名称）, unique even when two people share a name. */
export function personChoice(person: Person, units: readonly Unit[]): string {
  const unit = units.find((u) => u.unitId === person.unitId);
  return `${person.name}（${unit?.name ?? person.unitId}）`;
}

/** A subject staff list in its own sheet (e.g. a key task), with its owning units. */
export interface ListedSubject {
  row: number;
  /** The subject type's key, e.g. task. */
  type: string;
  subjectId: string;
  name: string;
  unitIds: string[];
  /** Every column of its sheet by key, review columns included (e.g. status). */
  values: Record<string, Cell>;
}

export interface Stage {
  row: number;
  stageId: string;
  name: string;
  opensOn: string;
  deadline: string;
  form: FormKey | null;
  /** The key written in 阶段设置 (allUnits, keyProjects, roster, …). */
  audience: Audience;
  /** Who owes it, as the template vocabulary says (the audience key with its scope). */
  audienceDef: AudienceDef;
  /** Once, or every month / quarter / year between opensOn and deadline. */
  schedule: Schedule;
  /** Only records passing it meet the stage. */
  recordFilter?: Filter;
  remindDaysBefore: number[];
  overdueEveryDays: number;
}

export interface CampaignConfig {
  settings: Settings;
  units: Unit[];
  /** The template's roster (empty when it has none; parseConfig always sets it). */
  people?: Person[];
  /** The subjects staff list in their own sheets (parseConfig always sets it). */
  subjects?: ListedSubject[];
  stages: Stage[];
  /** The template's forms with the fields 表单设计 gives them, in template order. */
  forms: FormDef[];
  /** The campaign's quota rules (the template's; 配额规则 when the sheet exists). */
  quotaRules: readonly QuotaRuleDef[];
  /** What the sheets do not hold: subjects, the records each form makes, report sections. */
  template: CampaignTemplate;
}

export type ConfigResult =
  { ok: true; config: CampaignConfig } | { ok: false; problems: ConfigProblem[] };

export interface ConfigTables {
  settings: RawTable | null;
  units: RawTable | null;
  stages: RawTable | null;
  /** 表单设计; absent in a spreadsheet set up before it existed (the template's fields then). */
  formDesign?: RawTable | null;
  /** 配额规则; absent in a spreadsheet set up before it existed (the template's rules then). */
  quotaRules?: RawTable | null;
  /** The roster sheet, when the template has one. */
  roster?: RawTable | null;
  /** The sheet of each subject type listed in a sheet, by subject type key. */
  subjects?: Record<string, RawTable | null>;
  /**
   * The spreadsheet's own time zone (File > Settings). Sheets reads a typed date as midnight in
   * this zone; the campaign counts days in Settings timeZone — when they differ, every date typed
   * into the sheets is a day off for part of the day, so the configuration is refused.
   */
  spreadsheetTimeZone?: string;
}

/** Same clock everywhere: the same name, or the same UTC offset at instants across the years. */
export function sameTimeZone(a: string, b: string): boolean {
  if (a === b) return true;
  for (let year = 2014; year <= 2040; year += 2) {
    for (const month of [0, 6]) {
      const ms = Date.UTC(year, month, 15);
      if (offsetMinutes(ms, a) !== offsetMinutes(ms, b)) return false;
    }
  }
  return true;
}

/** The sheet row of a setting, or null. */
function settingRow(table: RawTable, key: string): number | null {
  const columns = mapColumns(SETTINGS_SHEET, table.header);
  for (const { row, values } of keyedRows(table, columns))
    if (String(values.key ?? '').trim() === key) return row;
  return null;
}

function settingSchema(def: SettingDef) {
  switch (def.type) {
    case 'text':
      return text(def.required, 200);
    case 'integer':
      return integer(
        def.required,
        def.min ?? 0,
        def.max ?? 1e9,
        def.default ? Number(def.default) : null,
      );
    case 'email':
      return email(def.required);
    case 'emailList':
      return emailList(def.required);
    case 'timeZone':
      return cellParser((cell, fail) => {
        const raw = isEmpty(cell) ? '' : String(cell).trim();
        if (raw === '') return def.default ?? fail(problem('required'));
        return isValidTimeZone(raw) ? raw : fail(problem('badTimeZone', raw));
      });
    case 'choice':
      return cellParser((cell, fail) => {
        const raw = isEmpty(cell) ? '' : String(cell).trim();
        const choices = def.choices ?? [];
        if (raw === '') return def.default ?? fail(problem('required'));
        return choices.includes(raw) ? raw : fail(problem('badChoice', raw, choices.join('、')));
      });
    case 'locale':
      return cellParser((cell, fail) => {
        const raw = isEmpty(cell) ? '' : String(cell).trim();
        if (raw === '') return 'zh-CN';
        if (raw === 'zh-CN' || raw === 'en') return raw;
        return fail(problem('badLocale', raw));
      });
    default:
      return text(false, 200);
  }
}

function parseSettings(table: RawTable, out: ConfigProblem[]): Settings | null {
  const columns = mapColumns(SETTINGS_SHEET, table.header);
  if (missingColumns('settings', SETTINGS_SHEET, columns.missing, out)) return null;
  if (columns.index.value === undefined) {
    out.push({
      sheet: 'settings',
      row: 1,
      column: 'value',
      problem: problem('missingColumn', '值'),
    });
    return null;
  }
  const known = new Map(SETTINGS.map((s) => [s.key, s]));
  const seen = new Map<string, number>();
  const raw: Record<string, Cell> = {};
  const rowOf: Record<string, number> = {};
  for (const { row, values } of keyedRows(table, columns)) {
    const key = String(values.key ?? '').trim();
    // Rows the script itself keeps in Settings (form links) are information, not settings.
    if (key === '' || key.startsWith('formUrl.')) continue;
    const isStaff = /^staffEmails\.[A-Za-z][\w-]*$/.test(key);
    const isRouting = /^routing\..+$/.test(key);
    if (!known.has(key) && !isStaff && !isRouting) {
      out.push({ sheet: 'settings', row, column: 'key', problem: problem('unknownSetting', key) });
      continue;
    }
    if (seen.has(key)) {
      out.push({
        sheet: 'settings',
        row,
        column: 'key',
        problem: problem('duplicateSetting', key),
      });
      continue;
    }
    seen.set(key, row);
    raw[key] = values.value ?? '';
    rowOf[key] = row;
  }
  const parsed: Record<string, unknown> = {};
  const staffEmails: Record<string, string[]> = {};
  // The template's categories give the default routing (parseConfig); these are the overrides.
  const routing: Record<string, string> = {};
  let failed = false;
  const keys = new Set([...SETTINGS.map((s) => s.key), ...Object.keys(raw)]);
  for (const key of keys) {
    if (key.startsWith('routing.')) {
      const department = String(raw[key]).trim();
      if (!/^[A-Za-z][\w-]*$/.test(department)) {
        failed = true;
        out.push({
          sheet: 'settings',
          row: rowOf[key],
          column: 'value',
          problem: problem('badChoice', department, 'org、enterprise'),
        });
      } else routing[key.slice('routing.'.length)] = department;
      continue;
    }
    const def: SettingDef = known.get(key) ?? {
      key,
      label: { zh: key, en: key },
      type: 'emailList',
      required: false,
      note: { zh: '', en: '' },
    };
    const result = settingSchema(def).safeParse(raw[key] ?? def.default ?? '');
    if (!result.success) {
      failed = true;
      collect('settings', rowOf[key] ?? null, result.error.issues, out, () => 'value');
      continue;
    }
    if (key.startsWith('staffEmails.'))
      staffEmails[key.slice('staffEmails.'.length)] = result.data as string[];
    else parsed[key] = result.data;
  }
  if (failed) return null;
  return { ...(parsed as Omit<Settings, 'staffEmails' | 'routing'>), staffEmails, routing };
}

/** An optional date cell as YYYY-MM-DD ('' when empty). */
function optionalDay(timeZone: string) {
  const parse = day(timeZone);
  return cellParser((cell, fail) => {
    if (isEmpty(cell) || String(cell).trim() === '') return '';
    const result = parse.safeParse(cell);
    return result.success ? result.data : fail(problem('badDate', String(cell)));
  });
}

function parseUnits(
  table: RawTable,
  template: CampaignTemplate,
  routing: Record<string, string>,
  timeZone: string,
  out: ConfigProblem[],
): Unit[] | null {
  const def = unitsSheetFor(template);
  const columns = mapColumns(def, table.header);
  if (missingColumns('units', def, columns.missing, out)) return null;
  const extra = template.unitColumns ?? [];
  const schema = object({
    unitId: text(true, 40),
    name: text(true, 100),
    category: choice(Object.keys(template.categories), true),
    secretary: text(false, 50),
    contactName: text(false, 50),
    email: emailList(true, MAX_UNIT_EMAILS),
    phone: text(false, 50),
    memberCount: integer(false, 0, 10000000, null),
    active: boolean(true),
  });
  const extraSchema = object(
    Object.fromEntries(
      extra.map((c) => [
        c.key,
        c.type === 'date'
          ? optionalDay(timeZone)
          : c.type === 'integer'
            ? integer(false, 0, 1000000, null)
            : text(false, 500),
      ]),
    ),
  );
  const units: Unit[] = [];
  const firstId = new Map<string, number>();
  const firstName = new Map<string, number>();
  const before = out.length;
  for (const { row, values } of keyedRows(table, columns)) {
    const result = schema.safeParse(values);
    const more = extraSchema.safeParse(values);
    if (!more.success) collect('units', row, more.error.issues, out);
    if (!result.success) {
      collect('units', row, result.error.issues, out);
      continue;
    }
    if (!more.success) continue;
    const u = result.data;
    const idRow = firstId.get(u.unitId);
    if (idRow !== undefined) {
      out.push({
        sheet: 'units',
        row,
        column: 'unitId',
        problem: problem('duplicate', u.unitId, idRow),
      });
    } else firstId.set(u.unitId, row);
    const nameRow = firstName.get(u.name);
    if (nameRow !== undefined) {
      out.push({
        sheet: 'units',
        row,
        column: 'name',
        problem: problem('duplicate', u.name, nameRow),
      });
    } else firstName.set(u.name, row);
    const unitValues: Record<string, Cell> = {};
    for (const c of extra) unitValues[c.key] = (more.data as Record<string, Cell>)[c.key] ?? '';
    units.push({
      row,
      unitId: u.unitId,
      name: u.name,
      category: u.category as string,
      department: routing[u.category as string] ?? 'org',
      secretary: u.secretary,
      contactName: u.contactName,
      emails: u.email,
      phone: u.phone,
      memberCount: u.memberCount,
      active: u.active,
      values: unitValues,
    });
  }
  if (out.length === before && !units.some((u) => u.active)) {
    out.push({ sheet: 'units', row: null, column: null, problem: problem('noUnits') });
  }
  return out.length === before ? units : null;
}

/** A unit named by its id or its exact name. */
function unitNamed(units: readonly Unit[], given: string): Unit | undefined {
  return units.find((u) => u.unitId === given) ?? units.find((u) => u.name === given);
}

/** The roster sheet (e.g. 领导干部名册): every person with an id, a name, a unit of 单位名册, a role. */
function parseRoster(
  table: RawTable,
  def: SheetDef,
  roles: readonly string[],
  units: readonly Unit[] | null,
  out: ConfigProblem[],
): Person[] | null {
  const columns = mapColumns(def, table.header);
  if (missingColumns('roster', def, columns.missing, out)) return null;
  const schema = object({
    personId: text(true, 40),
    name: text(true, 50),
    unitId: text(true, 100),
    role: choice(roles, true),
    email: email(false),
  });
  const people: Person[] = [];
  const firstId = new Map<string, number>();
  const before = out.length;
  for (const { row, values } of keyedRows(table, columns)) {
    const result = schema.safeParse(values);
    if (!result.success) {
      collect('roster', row, result.error.issues, out);
      continue;
    }
    const p = result.data;
    const idRow = firstId.get(p.personId);
    if (idRow !== undefined) {
      out.push({
        sheet: 'roster',
        row,
        column: 'personId',
        problem: problem('duplicate', p.personId, idRow),
      });
      continue;
    }
    firstId.set(p.personId, row);
    // Units that do not parse cannot be named: the roster's units are checked once they do.
    const unit = units ? unitNamed(units, p.unitId) : undefined;
    if (units && !unit) {
      out.push({
        sheet: 'roster',
        row,
        column: 'unitId',
        problem: problem('unknownUnit', p.unitId),
      });
      continue;
    }
    people.push({
      personId: p.personId,
      name: p.name,
      unitId: unit?.unitId ?? p.unitId,
      role: p.role as string,
      email: p.email,
    });
  }
  return out.length === before ? people : null;
}

/**
 * A sheet of subjects staff list (e.g. 重点任务清单): each row an id, a name and its owning units
 * (names or ids of 单位名册, separated by ；/;/、); its other columns, review ones included, kept.
 */
function parseListedSubjects(
  table: RawTable,
  def: SheetDef,
  subject: SubjectType,
  units: readonly Unit[] | null,
  timeZone: string,
  out: ConfigProblem[],
): ListedSubject[] | null {
  const sheet = def.key as ConfigProblem['sheet'];
  const columns = mapColumns(def, table.header);
  if (missingColumns(sheet, def, columns.missing, out)) return null;
  const idKey = def.columns[0]?.key ?? 'id';
  const nameKey = subject.nameField ?? idKey;
  const ownerKey = subject.ownerColumn;
  const dates = new Set((subject.columns ?? []).filter((c) => c.type === 'date').map((c) => c.key));
  const dateOf = optionalDay(timeZone);
  const subjects: ListedSubject[] = [];
  const firstId = new Map<string, number>();
  const before = out.length;
  for (const { row, values } of keyedRows(table, columns)) {
    const found: ConfigProblem[] = [];
    const at = (column: string, p: ProblemRef) => found.push({ sheet, row, column, problem: p });
    const subjectId = String(values[idKey] ?? '').trim();
    const name = String(values[nameKey] ?? '').trim();
    if (subjectId === '') at(idKey, problem('required'));
    if (name === '') at(nameKey, problem('required'));
    const idRow = firstId.get(subjectId);
    if (subjectId !== '' && idRow !== undefined) at(idKey, problem('duplicate', subjectId, idRow));
    else if (subjectId !== '') firstId.set(subjectId, row);
    const unitIds: string[] = [];
    if (ownerKey) {
      const owners = String(values[ownerKey] ?? '')
        .split(/[;；、]/)
        .map((v) => v.trim())
        .filter(Boolean);
      if (owners.length === 0) at(ownerKey, problem('required'));
      for (const given of owners) {
        const unit = units ? unitNamed(units, given) : undefined;
        if (units && !unit) at(ownerKey, problem('unknownUnit', given));
        else if (unit && !unitIds.includes(unit.unitId)) unitIds.push(unit.unitId);
      }
    }
    const kept: Record<string, Cell> = { ...values };
    for (const key of dates) {
      const parsed = dateOf.safeParse(values[key] ?? '');
      if (parsed.success) kept[key] = parsed.data;
      else at(key, problem('badDate', String(values[key])));
    }
    out.push(...found);
    if (found.length === 0)
      subjects.push({ row, type: subject.key, subjectId, name, unitIds, values: kept });
  }
  return out.length === before ? subjects : null;
}

function parseStages(
  table: RawTable,
  timeZone: string,
  template: CampaignTemplate,
  out: ConfigProblem[],
): Stage[] | null {
  const formKeys = template.forms.map((f) => f.key);
  const columns = mapColumns(STAGES_SHEET, table.header);
  if (missingColumns('stages', STAGES_SHEET, columns.missing, out)) return null;
  const schema = object({
    stageId: cellParser((cell, fail) => {
      const raw = isEmpty(cell) ? '' : String(cell).trim();
      if (raw === '') return fail(problem('required'));
      return raw;
    }),
    name: text(true, 60),
    opensOn: day(timeZone),
    deadline: day(timeZone),
    form: cellParser((cell, fail): FormKey | null => {
      const raw = isEmpty(cell) ? '' : String(cell).trim();
      if (raw === '') return null;
      if (!formKeys.includes(raw)) return fail(problem('unknownForm', raw, formKeys.join('、')));
      return raw;
    }),
    audience: choice(AUDIENCES, true),
    repeat: choice(REPEATS, false),
    dueDaysAfter: integer(false, 0, 366, null),
    scope: text(false, 500),
    recordFilter: text(false, 500),
    remindDaysBefore: dayList(),
    overdueEveryDays: cellParser((cell, fail) =>
      integer(false, 0, 366, 0).safeParse(cell).success
        ? (integer(false, 0, 366, 0).parse(cell) ?? 0)
        : fail(problem('badInteger', String(cell), 0, 366)),
    ),
  });
  const stages: Stage[] = [];
  const firstId = new Map<string, number>();
  const before = out.length;
  for (const { row, values } of keyedRows(table, columns)) {
    const result = schema.safeParse(values);
    const issues = result.success ? [] : [...result.error.issues];
    collect('stages', row, issues, out);
    if (!result.success) continue;
    const s = result.data;
    if (s.deadline < s.opensOn) {
      out.push({
        sheet: 'stages',
        row,
        column: 'deadline',
        problem: problem('deadlineBeforeOpening', s.deadline, s.opensOn),
      });
    }
    if (s.audience === 'staff' && s.form) {
      out.push({ sheet: 'stages', row, column: 'form', problem: problem('formNeedsUnitAudience') });
    }
    const idRow = firstId.get(s.stageId);
    if (idRow !== undefined) {
      out.push({
        sheet: 'stages',
        row,
        column: 'stageId',
        problem: problem('duplicate', s.stageId, idRow),
      });
    } else firstId.set(s.stageId, row);
    const audience = s.audience as Audience;
    const audienceDef = audienceOf(audience, s.scope, template);
    if ('key' in audienceDef) {
      out.push({ sheet: 'stages', row, column: 'scope', problem: audienceDef });
      continue;
    }
    const recordFilter = s.recordFilter ? parseCondition(s.recordFilter) : undefined;
    if (recordFilter === null) {
      const p = problem('badCondition', s.recordFilter);
      out.push({ sheet: 'stages', row, column: 'recordFilter', problem: p });
      continue;
    }
    if (s.repeat && s.dueDaysAfter === null) {
      out.push({
        sheet: 'stages',
        row,
        column: 'dueDaysAfter',
        problem: problem('repeatNeedsDue'),
      });
      continue;
    }
    const schedule: Schedule = s.repeat
      ? {
          kind: 'recurring',
          every: s.repeat,
          from: s.opensOn,
          until: s.deadline,
          dueDaysAfter: s.dueDaysAfter ?? 0,
        }
      : { kind: 'once', opensOn: s.opensOn, deadline: s.deadline };
    stages.push({
      row,
      stageId: s.stageId,
      name: s.name,
      opensOn: s.opensOn,
      deadline: s.deadline,
      form: s.form,
      audience,
      audienceDef,
      schedule,
      ...(recordFilter ? { recordFilter } : {}),
      remindDaysBefore: s.remindDaysBefore,
      overdueEveryDays: s.overdueEveryDays,
    });
  }
  if (out.length === before && stages.length === 0) {
    out.push({ sheet: 'stages', row: null, column: null, problem: problem('noStages') });
  }
  return out.length === before ? stages : null;
}

/**
 * Validates the three configuration sheets and reports every problem at once, each located by
 * sheet, row and column — so an administrator fixes everything in one pass.
 */
export function parseConfig(tables: ConfigTables): ConfigResult {
  const problems: ConfigProblem[] = [];
  const missing = (sheet: ConfigSheet) =>
    problems.push({ sheet, row: null, column: null, problem: problem('missingSheet') });
  if (!tables.settings) missing('settings');
  if (!tables.units) missing('units');
  if (!tables.stages) missing('stages');
  const settings = tables.settings ? parseSettings(tables.settings, problems) : null;
  const timeZone = settings?.timeZone ?? 'Asia/Shanghai';
  const sheetZone = tables.spreadsheetTimeZone;
  if (settings && tables.settings && sheetZone && !sameTimeZone(sheetZone, timeZone)) {
    problems.push({
      sheet: 'settings',
      row: settingRow(tables.settings, 'timeZone'),
      column: 'value',
      problem: problem('timeZoneMismatch', sheetZone, timeZone),
    });
  }
  const template = templateById(settings?.template ?? '') ?? DEFAULT_TEMPLATE;
  // Each category of the template goes to its department unless a routing.<category> says otherwise.
  const routing = { ...template.categories, ...(settings?.routing ?? {}) };
  if (settings) settings.routing = routing;
  const units = tables.units
    ? parseUnits(tables.units, template, routing, timeZone, problems)
    : null;
  const rosterDef = rosterSheetFor(template);
  let people: Person[] | null = [];
  if (rosterDef && template.roster) {
    const table = tables.roster ?? null;
    if (!table) missing('roster');
    people = table ? parseRoster(table, rosterDef, template.roster.roles, units, problems) : null;
  }
  const subjects: ListedSubject[] = [];
  let subjectsOk = true;
  for (const type of sheetSubjects(template)) {
    const def = subjectSheetFor(template, type);
    const table = tables.subjects?.[type.key] ?? null;
    if (!table) {
      missing(subjectSheetKey(type.key));
      subjectsOk = false;
      continue;
    }
    const listed = parseListedSubjects(table, def, type, units, timeZone, problems);
    if (listed) subjects.push(...listed);
    else subjectsOk = false;
  }
  const stages = tables.stages ? parseStages(tables.stages, timeZone, template, problems) : null;
  if (settings && units) {
    const departments = new Set(units.filter((u) => u.active).map((u) => u.department));
    for (const department of departments) {
      if (!settings.staffEmails[department]?.length) {
        problems.push({
          sheet: 'settings',
          row: null,
          column: 'value',
          problem: problem('missingStaffEmail', department),
        });
      }
    }
  }
  const forms = parseFormDesign(tables.formDesign ?? null, template, problems);
  const quotaRules = parseQuotaRules(
    tables.quotaRules ?? null,
    {
      template,
      formKeys: (forms ?? template.forms).map((f) => f.key),
      settingKeys: SETTINGS.filter((s) => s.type === 'integer').map((s) => s.key),
    },
    problems,
  );
  if (
    problems.length > 0 ||
    !settings ||
    !units ||
    !stages ||
    !forms ||
    !quotaRules ||
    !people ||
    !subjectsOk
  )
    return { ok: false, problems };
  return {
    ok: true,
    config: {
      settings,
      units,
      people,
      subjects,
      stages,
      forms,
      quotaRules,
      template,
    },
  };
}
