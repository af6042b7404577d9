/**
 * What the configuration parsers share: the located problem, and the cell parsers that turn one
 * raw cell into a typed value or a problem naming what is wrong.
 */
import type { SheetDef } from '../../sheets-templates/config-sheets';
import { problem, type ProblemRef } from '../i18n';
import { dayOf, isValidDay } from './calendar';
import { cellParser, isEmpty, PLAIN_EMAIL } from './cells';

/** A configuration sheet by key; `roster` and `subjects.<type>` exist when the template has them. */
export type ConfigSheet =
  'settings' | 'units' | 'stages' | 'formDesign' | 'quotaRules' | 'roster' | `subjects.${string}`;

export interface ConfigProblem {
  sheet: ConfigSheet;
  row: number | null;
  /** The column key, when one column is at fault. */
  column: string | null;
  problem: ProblemRef;
}

// --- cell parsers: each turns a raw cell into a typed value or a located problem -----------------

export function text(required: boolean, max = 500) {
  return cellParser((cell, fail) => {
    if (isEmpty(cell)) return required ? fail(problem('required')) : '';
    const value = cell instanceof Date ? cell.toISOString() : String(cell).trim();
    if (required && value === '') return fail(problem('required'));
    if (value.length > max) return fail(problem('tooLong', max));
    return value;
  });
}

export function integer(required: boolean, min: number, max: number, fallback: number | null) {
  return cellParser((cell, fail) => {
    if (isEmpty(cell) || String(cell).trim() === '') {
      if (required && fallback === null) return fail(problem('required'));
      return fallback;
    }
    const n = typeof cell === 'number' ? cell : Number(String(cell).trim());
    if (!Number.isInteger(n) || n < min || n > max) {
      return fail(problem('badInteger', String(cell), min, max));
    }
    return n;
  });
}

/**
 * Most addresses one unit may list: each counts against the daily recipient quota on every
 * reminder, and MailApp takes at most 50 recipients per message.
 */
export const MAX_UNIT_EMAILS = 10;

/**
 * Addresses separated by ';' (also '；', ',' or '，'), each a plain address: a display name,
 * `mailto:`, angle brackets or a space inside one address is refused, naming the address.
 */
export function emailList(required: boolean, max = Infinity) {
  return cellParser((cell, fail) => {
    const raw = isEmpty(cell) ? '' : String(cell).trim();
    if (raw === '') return required ? fail(problem('required')) : [];
    const list = raw
      .split(/[;；,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length === 0) return fail(problem('badEmailList', raw));
    const bad = list.find((a) => !PLAIN_EMAIL.test(a));
    if (bad !== undefined) return fail(problem('notPlainEmail', bad));
    const unique = [...new Set(list.map((a) => a.toLowerCase()))];
    if (unique.length > max) return fail(problem('tooManyEmails', unique.length, max));
    return unique;
  });
}

export function email(required: boolean) {
  return cellParser((cell, fail) => {
    const raw = isEmpty(cell) ? '' : String(cell).trim();
    if (raw === '') return required ? fail(problem('required')) : '';
    if (!PLAIN_EMAIL.test(raw)) return fail(problem('notPlainEmail', raw));
    return raw.toLowerCase();
  });
}

export function day(timeZone: string) {
  return cellParser((cell, fail) => {
    if (isEmpty(cell)) return fail(problem('required'));
    // A date typed into a sheet arrives as a Date at midnight in the spreadsheet's time zone.
    if (cell instanceof Date) {
      if (Number.isNaN(cell.getTime())) return fail(problem('badDate', String(cell)));
      return dayOf(cell.getTime(), timeZone);
    }
    const raw = String(cell).trim().replace(/\//g, '-');
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
    const normalised = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : raw;
    if (!isValidDay(normalised)) return fail(problem('badDate', String(cell)));
    return normalised;
  });
}

export function choice<T extends string>(choices: readonly T[], required: boolean) {
  return cellParser((cell, fail): T | null => {
    const raw = isEmpty(cell) ? '' : String(cell).trim();
    if (raw === '') return required ? fail(problem('required')) : null;
    if (!(choices as readonly string[]).includes(raw)) {
      return fail(problem('badChoice', raw, choices.join('、')));
    }
    return raw as T;
  });
}

const TRUE_WORDS = ['true', '是', 'yes', 'y', '1', '√'];
const FALSE_WORDS = ['false', '否', 'no', 'n', '0', '×'];

export function boolean(fallback: boolean) {
  return cellParser((cell, fail) => {
    if (typeof cell === 'boolean') return cell;
    if (isEmpty(cell) || String(cell).trim() === '') return fallback;
    const raw = String(cell).trim().toLowerCase();
    if (TRUE_WORDS.includes(raw)) return true;
    if (FALSE_WORDS.includes(raw)) return false;
    return fail(problem('badBoolean', String(cell)));
  });
}

export function dayList() {
  return cellParser((cell, fail) => {
    if (isEmpty(cell) || String(cell).trim() === '') return [] as number[];
    const raw = String(cell).trim();
    const parts = raw.split(/[,，、\s]+/).filter(Boolean);
    const numbers = parts.map((p) => Number(p));
    if (!numbers.every((n) => Number.isInteger(n) && n >= 0 && n <= 366)) {
      return fail(problem('badDayList', raw));
    }
    return [...new Set(numbers)].sort((a, b) => b - a);
  });
}

export function collect(
  sheet: ConfigSheet,
  row: number | null,
  issues: readonly { path: PropertyKey[]; params?: Record<string, unknown> }[],
  out: ConfigProblem[],
  columnOf: (path: PropertyKey[]) => string | null = (path) => String(path[0] ?? '') || null,
): void {
  for (const issue of issues) {
    const p = issue.params?.problem as ProblemRef | undefined;
    out.push({ sheet, row, column: columnOf(issue.path), problem: p ?? problem('required') });
  }
}

export function missingColumns(
  sheet: ConfigSheet,
  def: SheetDef,
  missing: string[],
  out: ConfigProblem[],
): boolean {
  const required = def.columns.filter((c) => c.required && missing.includes(c.key));
  for (const column of required) {
    out.push({
      sheet,
      row: 1,
      column: column.key,
      problem: problem('missingColumn', column.label.zh),
    });
  }
  return required.length > 0;
}
