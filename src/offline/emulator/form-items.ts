/**
 * The emulated Forms items (TextItem, ListItem, CheckboxItem, …, the generic Item), their choices
 * and validations, and ItemResponse. Fidelity notes: docs/fidelity/forms.md.
 */
import type { Faithful, Workspace } from './core';
import {
  destinationHooks,
  isQuestion,
  newItemData,
  type AnswerValue,
  type FormData,
  type ItemData,
  type ItemTypeName,
  type ValidationData,
} from './form-model';

/** Forms reports most invalid edits with this one message (assumption: wording of the UI error). */
export const INVALID_FORM_DATA = 'Invalid data updating form.';
/** Text of the refusal of a value that is not a choice (assumed; live wording unknown). */
export const NOT_A_CHOICE = 'Invalid response submitted to item: not one of its choices:';

/** Enum values cross to the script as their names (as ScriptApp's do). */
function asEnum<E>(name: string): E {
  return name as unknown as E;
}

const CLASS_OF: Record<ItemTypeName, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  LIST: 'ListItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  DATE: 'DateItem',
  SCALE: 'ScaleItem',
  SECTION_HEADER: 'SectionHeaderItem',
};

/** 'YYYY-MM-DD' of a moment in a time zone (what a date question transmits). */
export function isoDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms));
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function text(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return isoDay(value.getTime(), timeZone);
  if (Array.isArray(value)) return value.map((v) => text(v, timeZone)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * An answer as the browser would transmit it for this item: text, or the ticked choices of a
 * checkbox item. null when the respondent left the question empty.
 */
export function toAnswer(item: ItemData, value: unknown, timeZone: string): AnswerValue | null {
  if (value === null || value === undefined) return null;
  if (item.type === 'CHECKBOX') {
    const ticked = (Array.isArray(value) ? value : [value])
      .map((v) => text(v, timeZone))
      .filter((v) => v !== '');
    return ticked.length > 0 ? ticked : null;
  }
  const answer = text(value, timeZone);
  return answer === '' ? null : answer;
}

/**
 * The first of `values` a list, multiple-choice or checkbox item does not offer, or undefined.
 * Live `createResponse` throws for such a value (reference pages of ListItem/MultipleChoiceItem/
 * CheckboxItem; gas-fakes live-test suite) and a browser cannot submit one. With "Other" shown, a
 * multiple-choice or checkbox item takes one free-text value. Other item types: always undefined.
 */
export function notAChoice(item: ItemData, values: readonly string[]): string | undefined {
  if (item.type !== 'LIST' && item.type !== 'MULTIPLE_CHOICE' && item.type !== 'CHECKBOX') {
    return undefined;
  }
  const bad = values.filter((v) => v === '' || !item.choices.includes(v));
  if (bad.length === 0) return undefined;
  if (item.type !== 'LIST' && item.otherOption && bad.length === 1 && bad[0] !== '') {
    return undefined;
  }
  return bad[0];
}

// ---------------------------------------------------------------------------------------------
// Choices and validations

export class Choice implements Faithful<
  GoogleAppsScript.Forms.Choice,
  'getValue' | 'isCorrectAnswer'
> {
  static readonly gasName = 'FormApp.Choice';
  constructor(private readonly value: string) {}
  getValue(): string {
    return this.value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
  _value(): string {
    return this.value;
  }
}

/** A built validation: opaque to the script, as in Apps Script (no methods). */
export class TextValidation {
  static readonly gasName = 'FormApp.TextValidation';
  constructor(readonly _data: ValidationData) {}
}
export class ParagraphTextValidation {
  static readonly gasName = 'FormApp.ParagraphTextValidation';
  constructor(readonly _data: ValidationData) {}
}
export class CheckboxValidation {
  static readonly gasName = 'FormApp.CheckboxValidation';
  constructor(readonly _data: ValidationData) {}
}

function validationData(value: unknown, kind: ValidationData['kind']): ValidationData {
  const data = (value as { _data?: ValidationData } | null)?._data;
  if (!data || data.kind !== kind) {
    throw new Error(`Invalid argument: validation`);
  }
  return { ...data, args: [...data.args] };
}

/** Each require…() replaces the previous rule: a Forms validation holds one rule. */
abstract class ValidationBuilderBase {
  protected rule = '';
  protected args: (number | string)[] = [];
  protected helpText = '';
  protected _set(rule: string, ...args: (number | string)[]): this {
    this.rule = rule;
    this.args = args;
    return this;
  }
  protected _data(kind: ValidationData['kind']): ValidationData {
    if (this.rule === '') throw new Error(INVALID_FORM_DATA);
    return { kind, rule: this.rule, args: [...this.args], helpText: this.helpText };
  }
}

function patternArg(pattern: string): string {
  try {
    new RegExp(String(pattern));
  } catch {
    throw new Error(`Invalid argument: pattern`);
  }
  return String(pattern);
}

export class TextValidationBuilder
  extends ValidationBuilderBase
  implements
    Faithful<
      GoogleAppsScript.Forms.TextValidationBuilder,
      | 'requireNumber'
      | 'requireNumberBetween'
      | 'requireNumberEqualTo'
      | 'requireNumberGreaterThan'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberLessThan'
      | 'requireNumberLessThanOrEqualTo'
      | 'requireNumberNotBetween'
      | 'requireNumberNotEqualTo'
      | 'requireTextContainsPattern'
      | 'requireTextDoesNotContainPattern'
      | 'requireTextDoesNotMatchPattern'
      | 'requireTextIsEmail'
      | 'requireTextIsUrl'
      | 'requireTextLengthGreaterThanOrEqualTo'
      | 'requireTextLengthLessThanOrEqualTo'
      | 'requireTextMatchesPattern'
      | 'requireWholeNumber'
      | 'build'
      | 'setHelpText'
    >
{
  static readonly gasName = 'FormApp.TextValidationBuilder';
  requireNumber(): this {
    return this._set('requireNumber');
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set('requireNumberBetween', Number(start), Number(end));
  }
  requireNumberEqualTo(number: number): this {
    return this._set('requireNumberEqualTo', Number(number));
  }
  requireNumberGreaterThan(number: number): this {
    return this._set('requireNumberGreaterThan', Number(number));
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this._set('requireNumberGreaterThanOrEqualTo', Number(number));
  }
  requireNumberLessThan(number: number): this {
    return this._set('requireNumberLessThan', Number(number));
  }
  requireNumberLessThanOrEqualTo(number: number): this {
    return this._set('requireNumberLessThanOrEqualTo', Number(number));
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this._set('requireNumberNotBetween', Number(start), Number(end));
  }
  requireNumberNotEqualTo(number: number): this {
    return this._set('requireNumberNotEqualTo', Number(number));
  }
  requireTextContainsPattern(pattern: string): this {
    return this._set('requireTextContainsPattern', patternArg(pattern));
  }
  requireTextDoesNotContainPattern(pattern: string): this {
    return this._set('requireTextDoesNotContainPattern', patternArg(pattern));
  }
  requireTextDoesNotMatchPattern(pattern: string): this {
    return this._set('requireTextDoesNotMatchPattern', patternArg(pattern));
  }
  requireTextIsEmail(): this {
    return this._set('requireTextIsEmail');
  }
  requireTextIsUrl(): this {
    return this._set('requireTextIsUrl');
  }
  requireTextLengthGreaterThanOrEqualTo(number: number): this {
    return this._set('requireTextLengthGreaterThanOrEqualTo', Number(number));
  }
  requireTextLengthLessThanOrEqualTo(number: number): this {
    return this._set('requireTextLengthLessThanOrEqualTo', Number(number));
  }
  requireTextMatchesPattern(pattern: string): this {
    return this._set('requireTextMatchesPattern', patternArg(pattern));
  }
  requireWholeNumber(): this {
    return this._set('requireWholeNumber');
  }
  setHelpText(text: string): this {
    this.helpText = String(text);
    return this;
  }
  build(): TextValidation {
    return new TextValidation(this._data('text'));
  }
}

export class ParagraphTextValidationBuilder
  extends ValidationBuilderBase
  implements
    Faithful<
      GoogleAppsScript.Forms.ParagraphTextValidationBuilder,
      | 'requireTextContainsPattern'
      | 'requireTextDoesNotContainPattern'
      | 'requireTextDoesNotMatchPattern'
      | 'requireTextLengthGreaterThanOrEqualTo'
      | 'requireTextLengthLessThanOrEqualTo'
      | 'requireTextMatchesPattern'
      | 'build'
      | 'setHelpText'
    >
{
  static readonly gasName = 'FormApp.ParagraphTextValidationBuilder';
  requireTextContainsPattern(pattern: string): this {
    return this._set('requireTextContainsPattern', patternArg(pattern));
  }
  requireTextDoesNotContainPattern(pattern: string): this {
    return this._set('requireTextDoesNotContainPattern', patternArg(pattern));
  }
  requireTextDoesNotMatchPattern(pattern: string): this {
    return this._set('requireTextDoesNotMatchPattern', patternArg(pattern));
  }
  requireTextLengthGreaterThanOrEqualTo(number: number): this {
    return this._set('requireTextLengthGreaterThanOrEqualTo', Number(number));
  }
  requireTextLengthLessThanOrEqualTo(number: number): this {
    return this._set('requireTextLengthLessThanOrEqualTo', Number(number));
  }
  requireTextMatchesPattern(pattern: string): this {
    return this._set('requireTextMatchesPattern', patternArg(pattern));
  }
  setHelpText(text: string): this {
    this.helpText = String(text);
    return this;
  }
  build(): ParagraphTextValidation {
    return new ParagraphTextValidation(this._data('paragraph'));
  }
}

export class CheckboxValidationBuilder
  extends ValidationBuilderBase
  implements
    Faithful<
      GoogleAppsScript.Forms.CheckboxValidationBuilder,
      | 'requireSelectAtLeast'
      | 'requireSelectAtMost'
      | 'requireSelectExactly'
      | 'build'
      | 'setHelpText'
    >
{
  static readonly gasName = 'FormApp.CheckboxValidationBuilder';
  requireSelectAtLeast(number: number): this {
    return this._set('requireSelectAtLeast', Number(number));
  }
  requireSelectAtMost(number: number): this {
    return this._set('requireSelectAtMost', Number(number));
  }
  requireSelectExactly(number: number): this {
    return this._set('requireSelectExactly', Number(number));
  }
  setHelpText(text: string): this {
    this.helpText = String(text);
    return this;
  }
  build(): CheckboxValidation {
    return new CheckboxValidation(this._data('checkbox'));
  }
}

// ---------------------------------------------------------------------------------------------
// ItemResponse

export class ItemResponse implements Faithful<
  GoogleAppsScript.Forms.ItemResponse,
  'getItem' | 'getResponse'
> {
  static readonly gasName = 'FormApp.ItemResponse';

  constructor(
    private readonly ws: Workspace,
    private readonly form: FormData,
    private readonly item: ItemData,
    private readonly value: AnswerValue,
  ) {}

  getItem(): Item {
    return new Item(this.ws, this.form, this.item);
  }

  /** Text items, lists, scales ("4") and dates ("2014-12-20") give a string; checkboxes a string[]. */
  getResponse(): string | string[] {
    return Array.isArray(this.value) ? [...this.value] : this.value;
  }

  _itemId(): number {
    return this.item.id;
  }
  _formId(): string {
    return this.form.id;
  }
  _value(): AnswerValue {
    return Array.isArray(this.value) ? [...this.value] : this.value;
  }
}

// ---------------------------------------------------------------------------------------------
// Items

/** What every item has (the generic Item and every typed item). */
abstract class ItemCore {
  constructor(
    protected readonly ws: Workspace,
    protected readonly form: FormData,
    protected readonly item: ItemData,
  ) {}

  getId(): number {
    return this.item.id;
  }
  getTitle(): string {
    return this.item.title;
  }
  setTitle(title: string): this {
    this.item.title = String(title);
    destinationHooks.syncHeader(this.ws, this.form);
    return this;
  }
  getHelpText(): string {
    return this.item.helpText;
  }
  setHelpText(text: string): this {
    this.item.helpText = String(text);
    return this;
  }
  getIndex(): number {
    return this.form.items.indexOf(this.item);
  }
  getType(): GoogleAppsScript.Forms.ItemType {
    return asEnum(this.item.type);
  }

  /** "Creates a copy of this item and appends it to the end of the form." */
  protected _duplicateData(): ItemData {
    const copy: ItemData = {
      ...this.item,
      id: newItemData(this.ws, this.item.type).id,
      choices: [...this.item.choices],
      validation: this.item.validation
        ? { ...this.item.validation, args: [...this.item.validation.args] }
        : null,
    };
    this.form.items.push(copy);
    destinationHooks.syncHeader(this.ws, this.form);
    return copy;
  }

  _data(): ItemData {
    return this.item;
  }
}

abstract class QuestionCore extends ItemCore {
  isRequired(): boolean {
    return this.item.required;
  }
  setRequired(enabled: boolean): this {
    this.item.required = Boolean(enabled);
    return this;
  }
  protected _response(value: AnswerValue): ItemResponse {
    return new ItemResponse(this.ws, this.form, this.item, value);
  }
}

abstract class ChoiceCore extends QuestionCore {
  createChoice(value: string): Choice {
    return new Choice(String(value));
  }
  getChoices(): Choice[] {
    return this.item.choices.map((c) => new Choice(c));
  }
  setChoiceValues(values: string[]): this {
    if (!Array.isArray(values)) {
      throw new Error(
        `The parameters (${typeof values}) don't match the method signature for FormApp.${CLASS_OF[this.item.type]}.setChoiceValues.`,
      );
    }
    const choices = values.map((v) => String(v));
    // Live refuses an empty list (gas-fakes live-test suite).
    if (choices.length === 0) throw new Error(INVALID_FORM_DATA);
    // The Forms editor refuses an empty option (assumption: the same for scripts).
    if (choices.some((c) => c === '')) throw new Error(INVALID_FORM_DATA);
    this.item.choices = choices;
    return this;
  }
  setChoices(choices: { getValue(): string }[]): this {
    if (!Array.isArray(choices)) {
      throw new Error(
        `The parameters (${typeof choices}) don't match the method signature for FormApp.${CLASS_OF[this.item.type]}.setChoices.`,
      );
    }
    return this.setChoiceValues(choices.map((c) => c.getValue()));
  }
  /** Live `createResponse` throws for a value that is not a choice (see notAChoice). */
  protected _checkChoices(values: string[]): void {
    const bad = notAChoice(this.item, values);
    if (bad !== undefined) throw new Error(`${NOT_A_CHOICE} ${JSON.stringify(bad)}`);
  }
}

export class TextItem
  extends QuestionCore
  implements
    Faithful<
      GoogleAppsScript.Forms.TextItem,
      | 'clearValidation'
      | 'createResponse'
      | 'duplicate'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getTitle'
      | 'getType'
      | 'isRequired'
      | 'setHelpText'
      | 'setRequired'
      | 'setTitle'
      | 'setValidation'
    >
{
  static readonly gasName = 'FormApp.TextItem';
  setValidation(validation: GoogleAppsScript.Forms.TextValidation | TextValidation): this {
    this.item.validation = validationData(validation, 'text');
    return this;
  }
  clearValidation(): this {
    this.item.validation = null;
    return this;
  }
  createResponse(response: string): ItemResponse {
    return this._response(String(response));
  }
  duplicate(): TextItem {
    return new TextItem(this.ws, this.form, this._duplicateData());
  }
}

export class ParagraphTextItem
  extends QuestionCore
  implements
    Faithful<
      GoogleAppsScript.Forms.ParagraphTextItem,
      | 'clearValidation'
      | 'createResponse'
      | 'duplicate'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getTitle'
      | 'getType'
      | 'isRequired'
      | 'setHelpText'
      | 'setRequired'
      | 'setTitle'
      | 'setValidation'
    >
{
  static readonly gasName = 'FormApp.ParagraphTextItem';
  setValidation(
    validation: GoogleAppsScript.Forms.ParagraphTextValidation | ParagraphTextValidation,
  ): this {
    this.item.validation = validationData(validation, 'paragraph');
    return this;
  }
  clearValidation(): this {
    this.item.validation = null;
    return this;
  }
  createResponse(response: string): ItemResponse {
    return this._response(String(response));
  }
  duplicate(): ParagraphTextItem {
    return new ParagraphTextItem(this.ws, this.form, this._duplicateData());
  }
}

export class ListItem
  extends ChoiceCore
  implements
    Faithful<
      GoogleAppsScript.Forms.ListItem,
      | 'createChoice'
      | 'createResponse'
      | 'duplicate'
      | 'getChoices'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getTitle'
      | 'getType'
      | 'isRequired'
      | 'setChoiceValues'
      | 'setChoices'
      | 'setHelpText'
      | 'setRequired'
      | 'setTitle'
    >
{
  static readonly gasName = 'FormApp.ListItem';
  createResponse(response: string): ItemResponse {
    this._checkChoices([String(response)]);
    return this._response(String(response));
  }
  duplicate(): ListItem {
    return new ListItem(this.ws, this.form, this._duplicateData());
  }
}

export class MultipleChoiceItem
  extends ChoiceCore
  implements
    Faithful<
      GoogleAppsScript.Forms.MultipleChoiceItem,
      | 'createChoice'
      | 'createResponse'
      | 'duplicate'
      | 'getChoices'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getTitle'
      | 'getType'
      | 'hasOtherOption'
      | 'isRequired'
      | 'setChoiceValues'
      | 'setChoices'
      | 'setHelpText'
      | 'setRequired'
      | 'setTitle'
      | 'showOtherOption'
    >
{
  static readonly gasName = 'FormApp.MultipleChoiceItem';
  hasOtherOption(): boolean {
    return this.item.otherOption;
  }
  showOtherOption(enabled: boolean): this {
    this.item.otherOption = Boolean(enabled);
    return this;
  }
  createResponse(response: string): ItemResponse {
    this._checkChoices([String(response)]);
    return this._response(String(response));
  }
  duplicate(): MultipleChoiceItem {
    return new MultipleChoiceItem(this.ws, this.form, this._duplicateData());
  }
}

export class CheckboxItem
  extends ChoiceCore
  implements
    Faithful<
      GoogleAppsScript.Forms.CheckboxItem,
      | 'clearValidation'
      | 'createChoice'
      | 'createResponse'
      | 'duplicate'
      | 'getChoices'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getTitle'
      | 'getType'
      | 'hasOtherOption'
      | 'isRequired'
      | 'setChoiceValues'
      | 'setChoices'
      | 'setHelpText'
      | 'setRequired'
      | 'setTitle'
      | 'setValidation'
      | 'showOtherOption'
    >
{
  static readonly gasName = 'FormApp.CheckboxItem';
  hasOtherOption(): boolean {
    return this.item.otherOption;
  }
  showOtherOption(enabled: boolean): this {
    this.item.otherOption = Boolean(enabled);
    return this;
  }
  setValidation(validation: GoogleAppsScript.Forms.CheckboxValidation | CheckboxValidation): this {
    this.item.validation = validationData(validation, 'checkbox');
    return this;
  }
  clearValidation(): this {
    this.item.validation = null;
    return this;
  }
  createResponse(responses: string[]): ItemResponse {
    if (!Array.isArray(responses)) {
      throw new Error(
        `The parameters (${typeof responses}) don't match the method signature for FormApp.CheckboxItem.createResponse.`,
      );
    }
    const ticked = responses.map((r) => String(r));
    this._checkChoices(ticked);
    return this._response(ticked);
  }
  duplicate(): CheckboxItem {
    return new CheckboxItem(this.ws, this.form, this._duplicateData());
  }
}

export class DateItem
  extends QuestionCore
  implements
    Faithful<
      GoogleAppsScript.Forms.DateItem,
      | 'createResponse'
      | 'duplicate'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getTitle'
      | 'getType'
      | 'includesYear'
      | 'isRequired'
      | 'setHelpText'
      | 'setIncludesYear'
      | 'setRequired'
      | 'setTitle'
    >
{
  static readonly gasName = 'FormApp.DateItem';
  includesYear(): boolean {
    return this.item.includesYear;
  }
  setIncludesYear(enableYear: boolean): this {
    this.item.includesYear = Boolean(enableYear);
    return this;
  }
  /** The day of the Date in the script's time zone, as "YYYY-MM-DD". */
  createResponse(response: GoogleAppsScript.Base.Date): ItemResponse {
    if (!isDate(response) || Number.isNaN(response.getTime())) {
      throw new Error(
        "The parameters (Object) don't match the method signature for FormApp.DateItem.createResponse.",
      );
    }
    return this._response(isoDay(response.getTime(), this.ws.timeZone));
  }
  duplicate(): DateItem {
    return new DateItem(this.ws, this.form, this._duplicateData());
  }
}

export class ScaleItem
  extends QuestionCore
  implements
    Faithful<
      GoogleAppsScript.Forms.ScaleItem,
      | 'createResponse'
      | 'duplicate'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getLeftLabel'
      | 'getLowerBound'
      | 'getRightLabel'
      | 'getTitle'
      | 'getType'
      | 'getUpperBound'
      | 'isRequired'
      | 'setBounds'
      | 'setHelpText'
      | 'setLabels'
      | 'setRequired'
      | 'setTitle'
    >
{
  static readonly gasName = 'FormApp.ScaleItem';
  getLowerBound(): number {
    return this.item.lowerBound;
  }
  getUpperBound(): number {
    return this.item.upperBound;
  }
  /** Documented: the lower bound must be 0 or 1, the upper bound 3 to 10. */
  setBounds(lower: number, upper: number): this {
    const lo = Number(lower);
    const hi = Number(upper);
    if (!(lo === 0 || lo === 1) || !Number.isInteger(hi) || hi < 3 || hi > 10) {
      throw new Error(INVALID_FORM_DATA);
    }
    this.item.lowerBound = lo;
    this.item.upperBound = hi;
    return this;
  }
  getLeftLabel(): string {
    return this.item.leftLabel;
  }
  getRightLabel(): string {
    return this.item.rightLabel;
  }
  setLabels(lower: string, upper: string): this {
    this.item.leftLabel = String(lower);
    this.item.rightLabel = String(upper);
    return this;
  }
  createResponse(response: number): ItemResponse {
    const n = Number(response);
    if (!Number.isInteger(n) || n < this.item.lowerBound || n > this.item.upperBound) {
      throw new Error(INVALID_FORM_DATA);
    }
    return this._response(String(n));
  }
  duplicate(): ScaleItem {
    return new ScaleItem(this.ws, this.form, this._duplicateData());
  }
}

export class SectionHeaderItem
  extends ItemCore
  implements
    Faithful<
      GoogleAppsScript.Forms.SectionHeaderItem,
      | 'duplicate'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getTitle'
      | 'getType'
      | 'setHelpText'
      | 'setTitle'
    >
{
  static readonly gasName = 'FormApp.SectionHeaderItem';
  duplicate(): SectionHeaderItem {
    return new SectionHeaderItem(this.ws, this.form, this._duplicateData());
  }
}

export type TypedItem =
  | TextItem
  | ParagraphTextItem
  | ListItem
  | MultipleChoiceItem
  | CheckboxItem
  | DateItem
  | ScaleItem
  | SectionHeaderItem;

/** The typed fake for an item's data. */
export function typedItem(ws: Workspace, form: FormData, item: ItemData): TypedItem {
  switch (item.type) {
    case 'TEXT':
      return new TextItem(ws, form, item);
    case 'PARAGRAPH_TEXT':
      return new ParagraphTextItem(ws, form, item);
    case 'LIST':
      return new ListItem(ws, form, item);
    case 'MULTIPLE_CHOICE':
      return new MultipleChoiceItem(ws, form, item);
    case 'CHECKBOX':
      return new CheckboxItem(ws, form, item);
    case 'DATE':
      return new DateItem(ws, form, item);
    case 'SCALE':
      return new ScaleItem(ws, form, item);
    case 'SECTION_HEADER':
      return new SectionHeaderItem(ws, form, item);
  }
}

/** The generic Item of getItems()/getItemById(): cast with asTextItem() etc. */
export class Item
  extends ItemCore
  implements
    Faithful<
      GoogleAppsScript.Forms.Item,
      | 'asCheckboxItem'
      | 'asDateItem'
      | 'asListItem'
      | 'asMultipleChoiceItem'
      | 'asParagraphTextItem'
      | 'asScaleItem'
      | 'asSectionHeaderItem'
      | 'asTextItem'
      | 'duplicate'
      | 'getHelpText'
      | 'getId'
      | 'getIndex'
      | 'getTitle'
      | 'getType'
      | 'setHelpText'
      | 'setTitle'
    >
{
  static readonly gasName = 'FormApp.Item';

  private _as<T extends TypedItem>(type: ItemTypeName): T {
    if (this.item.type !== type) {
      // Apps Script refuses the cast (assumption: wording unverified).
      throw new Error(
        `Item can't be cast to ${CLASS_OF[type]}: it is a ${CLASS_OF[this.item.type]}.`,
      );
    }
    return typedItem(this.ws, this.form, this.item) as T;
  }
  asTextItem(): TextItem {
    return this._as('TEXT');
  }
  asParagraphTextItem(): ParagraphTextItem {
    return this._as('PARAGRAPH_TEXT');
  }
  asListItem(): ListItem {
    return this._as('LIST');
  }
  asMultipleChoiceItem(): MultipleChoiceItem {
    return this._as('MULTIPLE_CHOICE');
  }
  asCheckboxItem(): CheckboxItem {
    return this._as('CHECKBOX');
  }
  asDateItem(): DateItem {
    return this._as('DATE');
  }
  asScaleItem(): ScaleItem {
    return this._as('SCALE');
  }
  asSectionHeaderItem(): SectionHeaderItem {
    return this._as('SECTION_HEADER');
  }
  duplicate(): Item {
    return new Item(this.ws, this.form, this._duplicateData());
  }
}

/** An item argument: a real Apps Script item or any of the fakes. */
export type AnyItem = GoogleAppsScript.Forms.Item | Item | TypedItem;

/** The item data behind an Item / typed item argument, checked to belong to `form`. */
export function itemDataOf(form: FormData, value: unknown, method: string): ItemData {
  const data = value instanceof ItemCore ? value._data() : undefined;
  if (!data) {
    throw new Error(`The parameters (Object) don't match the method signature for ${method}.`);
  }
  const own = form.items.find((i) => i.id === data.id);
  if (!own) throw new Error(`Invalid argument: item`);
  return own;
}

export { isQuestion };
