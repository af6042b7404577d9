/**
 * 配额规则: the campaign's quota rules as the administrator edits them, one row per rule, parsed
 * into the rule vocabulary (template.ts) with every problem located by row and column. Without the
 * sheet (a spreadsheet set up before it existed), the template's own rules.
 */
import {
  AUDIENCES,
  QUOTA_RULES_SHEET,
  REPEATS,
  RULE_KINDS,
  RULE_PERS,
} from '../../sheets-templates/config-sheets';
import { problem, type ProblemRef } from '../i18n';
import { isEmpty } from './cells';
import { missingColumns, type ConfigProblem } from './config-cells';
import { audienceOf, parseCondition } from './stage-audience';
import { keyedRows, mapColumns, type Cell, type RawTable } from './table';
import type { Amount, CampaignTemplate, Cadence, QuotaRuleDef } from './template';

const KEY = /^[A-Za-z][\w-]*$/;

type Audience = (typeof AUDIENCES)[number];

const textOf = (cell: Cell | undefined) =>
  isEmpty(cell) ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();

/** What the parsing of one row needs to know of the rest of the configuration. */
export interface QuotaSheetContext {
  template: CampaignTemplate;
  formKeys: readonly string[];
  /** Numeric settings a limit may name (keyProjectQuota, …). */
  settingKeys: readonly string[];
}

/** The template's rules, or the rules 配额规则 gives, or null with each problem located. */
export function parseQuotaRules(
  table: RawTable | null,
  context: QuotaSheetContext,
  out: ConfigProblem[],
): readonly QuotaRuleDef[] | null {
  if (!table) return context.template.quotaRules;
  const columns = mapColumns(QUOTA_RULES_SHEET, table.header);
  if (missingColumns('quotaRules', QUOTA_RULES_SHEET, columns.missing, out)) return null;
  const before = out.length;
  const rules: QuotaRuleDef[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, values } of keyedRows(table, columns)) {
    const fail = (column: string, p: ProblemRef) =>
      out.push({ sheet: 'quotaRules', row, column, problem: p });
    const rule = parseRule(values, context, fail);
    if (!rule) continue;
    const seen = firstRow.get(rule.id);
    if (seen !== undefined) fail('id', problem('duplicate', rule.id, seen));
    else firstRow.set(rule.id, row);
    rules.push(rule);
  }
  return out.length > before ? null : rules;
}

function parseRule(
  values: Record<string, Cell>,
  context: QuotaSheetContext,
  fail: (column: string, p: ProblemRef) => void,
): QuotaRuleDef | null {
  const before = { failed: false };
  const bad = (column: string, p: ProblemRef) => {
    before.failed = true;
    fail(column, p);
  };
  const text = (key: string) => textOf(values[key]);
  const need = (key: string, label: string) => {
    if (text(key) === '') bad(key, problem('ruleNeeds', label));
    return text(key);
  };
  const id = text('id');
  if (id === '') bad('id', problem('required'));
  else if (!KEY.test(id)) bad('id', problem('badFieldKey', id));
  const name = text('label');
  if (name === '') bad('label', problem('required'));
  const kind = text('kind');
  if (!(RULE_KINDS as readonly string[]).includes(kind)) {
    bad(
      'kind',
      kind === '' ? problem('required') : problem('badChoice', kind, RULE_KINDS.join('、')),
    );
    return null;
  }
  const label = { zh: name, en: text('labelEn') || name };
  const form = () => {
    const key = need('form', '表单');
    if (key && !context.formKeys.includes(key))
      bad('form', problem('unknownTemplateForm', key, context.formKeys.join('、')));
    return key;
  };
  // A rule tied to a stage the campaign does not have never applies (a campaign without the plan
  // stage checks no plans), as the template's own rules always have: not an error.
  const stage = (column: string, label: string, required: boolean) =>
    required ? need(column, label) : text(column);
  const amount = (column: string): Amount | undefined => {
    const raw = text(column);
    if (raw === '') return undefined;
    if (context.settingKeys.includes(raw)) return { setting: raw };
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) {
      bad(column, problem('badAmount', raw));
      return undefined;
    }
    return n;
  };
  const among = () => {
    const key = text('among');
    if (key === '') return undefined;
    if (!(AUDIENCES as readonly string[]).includes(key)) {
      bad('among', problem('badChoice', key, AUDIENCES.join('、')));
      return undefined;
    }
    const def = audienceOf(key as Audience, text('scope'), context.template);
    if ('key' in def) {
      bad('scope', def);
      return undefined;
    }
    return def;
  };
  let rule: QuotaRuleDef;
  if (kind === 'required') {
    rule = { id, label, kind, form: form(), field: need('field', '必填字段') };
  } else if (kind === 'count') {
    const per = text('per');
    if (!(RULE_PERS as readonly string[]).includes(per))
      bad(
        'per',
        per === '' ? problem('required') : problem('badChoice', per, RULE_PERS.join('、')),
      );
    const period = text('period');
    if (period && !(REPEATS as readonly string[]).includes(period))
      bad('period', problem('badChoice', period, REPEATS.join('、')));
    const shareText = text('atMostShare');
    const share = shareText === '' ? undefined : Number(shareText);
    if (share !== undefined && !(share >= 0 && share <= 1))
      bad('atMostShare', problem('badShare', shareText));
    const filterText = text('filter');
    const filter = filterText ? parseCondition(filterText) : undefined;
    if (filter === null) bad('filter', problem('badCondition', filterText));
    const atLeast = amount('atLeast');
    const atMost = amount('atMost');
    const limits = ['atLeast', 'atMost', 'atMostShare'].map(text).filter(Boolean);
    if (limits.length === 0) bad('atLeast', problem('ruleNeedsLimit'));
    const after = stage('after', '检查时点', false);
    const whom = among();
    rule = {
      id,
      label,
      kind,
      form: form(),
      per: per as (typeof RULE_PERS)[number],
      ...(period ? { period: period as Cadence } : {}),
      ...(atLeast !== undefined ? { atLeast } : {}),
      ...(atMost !== undefined ? { atMost } : {}),
      ...(share !== undefined ? { atMostShare: share } : {}),
      ...(filter ? { filter } : {}),
      ...(whom ? { among: whom } : {}),
      ...(after ? { after } : {}),
    };
  } else if (kind === 'cadence') {
    const everyDays = amount('everyDays');
    if (everyDays === undefined && text('everyDays') === '')
      bad('everyDays', problem('ruleNeeds', '间隔天数'));
    const whom = among();
    if (!whom && text('among') === '') bad('among', problem('ruleNeeds', '适用对象'));
    rule = {
      id,
      label,
      kind,
      form: form(),
      everyDays: everyDays ?? 0,
      during: stage('during', '间隔适用阶段', true),
      among: whom ?? { kind: 'allUnits' },
    };
  } else {
    const termYears = text('termYears') === '' ? undefined : Number(text('termYears'));
    if (termYears !== undefined && !(Number.isInteger(termYears) && termYears > 0))
      bad('termYears', problem('badInteger', text('termYears'), 1, 20));
    const termColumn = text('termColumn');
    if (termYears === undefined && termColumn === '')
      bad('termYears', problem('ruleNeeds', '任期（年）'));
    const warnDays = Number(need('warnDays', '提前提醒天数') || 0);
    if (!(Number.isInteger(warnDays) && warnDays >= 0))
      bad('warnDays', problem('badInteger', text('warnDays'), 0, 3660));
    rule = {
      id,
      label,
      kind: 'termExpiry',
      dateColumn: need('dateColumn', '日期列'),
      ...(termYears !== undefined ? { termYears } : {}),
      ...(termColumn ? { termColumn } : {}),
      warnDays,
    };
  }
  return before.failed ? null : rule;
}
