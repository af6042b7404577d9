/**
 * Data validation rules. Apps Script only records them: a script's setValue ignores validation,
 * only a person's typing is checked — the host calls `_isValid` for that.
 */
import { Faithful } from './core';
import { CellValue, isDate } from './spreadsheet-values';

type GasCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
/** A range argument: an Apps Script Range or the emulator's fake. */
type GasRange = {
  getDisplayValues(): string[][];
  getA1Notation(): string;
  getSheet(): { getName(): string };
};

export const DataValidationCriteria = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;

export type CriteriaName = keyof typeof DataValidationCriteria;

interface RuleData {
  criteria: CriteriaName | null;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** Plain description of a rule, for snapshots and the .xlsx exporter. */
export interface ValidationSnapshot {
  criteria: CriteriaName;
  /** Criteria values; a range argument is given as its A1 notation with sheet name. */
  values: unknown[];
  /** VALUE_IN_LIST / VALUE_IN_RANGE: the allowed texts (the range read at snapshot time). */
  list?: string[];
  showDropdown?: boolean;
  allowInvalid: boolean;
  helpText: string;
}

function copyArg(value: unknown): unknown {
  if (isDate(value)) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copyArg);
  return value;
}

function isRangeLike(value: unknown): value is GasRange {
  return typeof value === 'object' && value !== null && 'getDisplayValues' in value;
}

function rangeA1(range: GasRange): string {
  const name = range.getSheet().getName().replace(/'/g, "''");
  return `'${name}'!${range.getA1Notation()}`;
}

export class DataValidation implements Faithful<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  static readonly gasName = 'SpreadsheetApp.DataValidation';

  constructor(private readonly rule: RuleData & { criteria: CriteriaName }) {}

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.rule);
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getCriteriaType(): GasCriteria {
    return this.rule.criteria as unknown as GasCriteria;
  }
  getCriteriaValues(): unknown[] {
    return this.rule.args.map(copyArg);
  }
  getHelpText(): string {
    return this.rule.helpText;
  }

  // ---- host side

  _criteria(): CriteriaName {
    return this.rule.criteria;
  }

  /** The allowed texts of a list or range rule (a range is read now, as Sheets does). */
  _list(): string[] | undefined {
    const [first] = this.rule.args;
    if (this.rule.criteria === 'VALUE_IN_LIST') return (first as unknown[]).map(String);
    if (this.rule.criteria === 'VALUE_IN_RANGE' && isRangeLike(first)) {
      return first
        .getDisplayValues()
        .flat()
        .filter((v) => v !== '');
    }
    return undefined;
  }

  /** The checked and unchecked values of a checkbox rule. */
  _checkboxValues(): [CellValue, CellValue] {
    const [checked, unchecked] = this.rule.args as CellValue[];
    if (this.rule.args.length === 0) return [true, false];
    return [checked, this.rule.args.length >= 2 ? unchecked : ''];
  }

  /**
   * Whether Sheets would accept `value` typed by a person into a cell with this rule. Clearing
   * a cell is always allowed. With allowInvalid (Sheets' "show a warning") everything is accepted.
   */
  _isValid(value: CellValue): boolean {
    if (this.rule.allowInvalid || value === '') return true;
    return this._matches(value);
  }

  /** Whether the value satisfies the criteria (ignoring allowInvalid). */
  _matches(value: CellValue): boolean {
    const args = this.rule.args;
    const num = (i: number) => Number(args[i]);
    const time = (i: number) => (isDate(args[i]) ? (args[i] as Date).getTime() : NaN);
    const text = isDate(value) ? value.toISOString() : String(value);
    switch (this.rule.criteria) {
      case 'VALUE_IN_LIST':
      case 'VALUE_IN_RANGE':
        // Assumption: the comparison is with the displayed text, case-sensitive.
        return (this._list() ?? []).includes(
          typeof value === 'boolean' ? text.toUpperCase() : text,
        );
      case 'CHECKBOX': {
        const [checked, unchecked] = this._checkboxValues();
        return sameValue(value, checked) || sameValue(value, unchecked);
      }
      case 'NUMBER_BETWEEN':
        return typeof value === 'number' && value >= num(0) && value <= num(1);
      case 'NUMBER_NOT_BETWEEN':
        return typeof value === 'number' && (value < num(0) || value > num(1));
      case 'NUMBER_EQUAL_TO':
        return typeof value === 'number' && value === num(0);
      case 'NUMBER_NOT_EQUAL_TO':
        return typeof value === 'number' && value !== num(0);
      case 'NUMBER_GREATER_THAN':
        return typeof value === 'number' && value > num(0);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof value === 'number' && value >= num(0);
      case 'NUMBER_LESS_THAN':
        return typeof value === 'number' && value < num(0);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return typeof value === 'number' && value <= num(0);
      case 'DATE_IS_VALID_DATE':
        return isDate(value);
      case 'DATE_AFTER':
        return isDate(value) && value.getTime() > time(0);
      case 'DATE_BEFORE':
        return isDate(value) && value.getTime() < time(0);
      case 'DATE_ON_OR_AFTER':
        return isDate(value) && value.getTime() >= time(0);
      case 'DATE_ON_OR_BEFORE':
        return isDate(value) && value.getTime() <= time(0);
      case 'DATE_EQUAL_TO':
        return isDate(value) && value.getTime() === time(0);
      case 'DATE_BETWEEN':
        return isDate(value) && value.getTime() >= time(0) && value.getTime() <= time(1);
      case 'DATE_NOT_BETWEEN':
        return isDate(value) && (value.getTime() < time(0) || value.getTime() > time(1));
      case 'TEXT_CONTAINS':
        return text.includes(String(args[0]));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !text.includes(String(args[0]));
      case 'TEXT_EQUAL_TO':
        return text === String(args[0]);
      case 'TEXT_IS_VALID_EMAIL':
        return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
      case 'TEXT_IS_VALID_URL':
        return typeof value === 'string' && /^(https?|ftp):\/\/[^\s/$.?#].[^\s]*$/i.test(value);
      case 'CUSTOM_FORMULA':
        // Formulas are not evaluated by the emulator: a custom-formula rule accepts everything.
        return true;
    }
  }

  _snapshot(): ValidationSnapshot {
    const values = this.rule.args.map((a) => (isRangeLike(a) ? rangeA1(a) : copyArg(a)));
    const out: ValidationSnapshot = {
      criteria: this.rule.criteria,
      values,
      allowInvalid: this.rule.allowInvalid,
      helpText: this.rule.helpText,
    };
    const list = this._list();
    if (list) {
      out.list = list;
      out.showDropdown = this.rule.args[1] !== false;
    }
    return out;
  }
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export class DataValidationBuilder implements Faithful<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextContains'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria'
> {
  static readonly gasName = 'SpreadsheetApp.DataValidationBuilder';
  private rule: RuleData;

  constructor(from?: RuleData) {
    this.rule = from
      ? { ...from, args: from.args.map(copyArg) }
      : { criteria: null, args: [], allowInvalid: true, helpText: '' };
  }

  private _set(criteria: CriteriaName, args: unknown[]): DataValidationBuilder {
    this.rule.criteria = criteria;
    this.rule.args = args.map(copyArg);
    return this;
  }

  build(): DataValidation {
    if (this.rule.criteria === null) {
      // Assumption: Apps Script refuses a rule without criteria; its exact text is not documented.
      throw new Error('The data validation rule has no criteria.');
    }
    return new DataValidation({
      ...this.rule,
      criteria: this.rule.criteria,
      args: this.rule.args.map(copyArg),
    });
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.rule);
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getCriteriaType(): GasCriteria {
    return this.rule.criteria as unknown as GasCriteria;
  }
  getCriteriaValues(): unknown[] {
    return this.rule.args.map(copyArg);
  }
  getHelpText(): string | null {
    return this.rule.helpText === '' ? null : this.rule.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilder {
    const args = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this._set('CHECKBOX', args);
  }
  requireDate(): DataValidationBuilder {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: GoogleAppsScript.Base.Date): DataValidationBuilder {
    return this._set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: GoogleAppsScript.Base.Date): DataValidationBuilder {
    return this._set('DATE_BEFORE', [date]);
  }
  requireDateBetween(
    start: GoogleAppsScript.Base.Date,
    end: GoogleAppsScript.Base.Date,
  ): DataValidationBuilder {
    return this._set('DATE_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): DataValidationBuilder {
    return this._set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: GoogleAppsScript.Base.Date): DataValidationBuilder {
    return this._set('DATE_ON_OR_BEFORE', [date]);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(number: number): DataValidationBuilder {
    return this._set('NUMBER_EQUAL_TO', [number]);
  }
  requireNumberGreaterThan(number: number): DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThan(number: number): DataValidationBuilder {
    return this._set('NUMBER_LESS_THAN', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): DataValidationBuilder {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireTextContains(text: string): DataValidationBuilder {
    return this._set('TEXT_CONTAINS', [text]);
  }
  requireTextEqualTo(text: string): DataValidationBuilder {
    return this._set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): DataValidationBuilder {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder {
    // getCriteriaValues() of a list rule is [values, showDropdown] in Apps Script.
    return this._set('VALUE_IN_LIST', [[...values], showDropdown ?? true]);
  }
  requireValueInRange(range: GasRange, showDropdown?: boolean): DataValidationBuilder {
    this._set('VALUE_IN_RANGE', []);
    this.rule.args = [range, showDropdown ?? true];
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.rule.allowInvalid = Boolean(allowInvalidData);
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.rule.helpText = String(helpText);
    return this;
  }
  withCriteria(criteria: GasCriteria, args: unknown[]): DataValidationBuilder {
    const name = String(criteria) as CriteriaName;
    if (!(name in DataValidationCriteria)) throw new Error(`Invalid criteria: ${String(criteria)}`);
    return this._set(name, args);
  }
}
