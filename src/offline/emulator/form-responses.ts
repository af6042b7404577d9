/**
 * Form responses (FormResponse) and the response sheet Google keeps in a destination spreadsheet.
 * Fidelity notes: docs/fidelity/forms.md.
 */
import type { Faithful, Workspace } from './core';
import { INVALID_FORM_DATA, ItemResponse, itemDataOf, type AnyItem } from './form-items';
import {
  destinationHooks,
  isQuestion,
  nextResponseId,
  type AnswerValue,
  type DestinationData,
  type FormData,
  type ItemData,
  type ResponseData,
} from './form-model';
import { spreadsheetById, type Range, type Sheet, type Spreadsheet } from './spreadsheet-app';
import { MAX_CELL_CHARS } from './spreadsheet-values';

/** The spreadsheet's locale is Chinese: Google names the response sheets 表单回复 1, 表单回复 2, … */
export const RESPONSE_SHEET_PREFIX = '表单回复 ';
export const TIMESTAMP_HEADER = '时间戳记';
export const EMAIL_HEADER = '电子邮件地址';
/** How a zh_CN response sheet shows its timestamps. */
export const TIMESTAMP_FORMAT = 'yyyy/M/d H:mm:ss';

/**
 * Google names the response sheet and its first columns in the spreadsheet's language (File ›
 * Settings › Locale): 表单回复 1 / 时间戳记 / 电子邮件地址 for zh_CN, Form responses 1 / Timestamp /
 * Email Address for English ones (https://support.google.com/docs/answer/2917686).
 */
function responseWords(ss: Spreadsheet) {
  return /^en/i.test(ss.getSpreadsheetLocale())
    ? {
        prefix: 'Form responses ',
        timestamp: 'Timestamp',
        email: 'Email Address',
        format: 'M/d/yyyy H:mm:ss',
      }
    : {
        prefix: RESPONSE_SHEET_PREFIX,
        timestamp: TIMESTAMP_HEADER,
        email: EMAIL_HEADER,
        format: TIMESTAMP_FORMAT,
      };
}

// Sheets' own test for "this typed text is a number" (spreadsheet-values.ts), repeated here on
// purpose: the response sheet turns numeric answers into numbers (leading zeros are lost).
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;

function copyAnswers(answers: Map<number, AnswerValue>): Map<number, AnswerValue> {
  return new Map([...answers].map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
}

function baseUrl(form: FormData): string {
  return `https://docs.google.com/forms/d/e/${form.publishedId}/viewform`;
}

/** Google's query encoding: spaces as '+'. */
/**
 * As Java's URLEncoder writes a query value: a space is '+', and every character but A–Z a–z 0–9
 * . - * _ is percent-encoded (so '(' is %28, where encodeURIComponent leaves it). Google's exact
 * encoding of pre-filled values is undocumented; this one differs from the browser's
 * encodeURIComponent on purpose, so a script that searches the URL for its own encoding fails here.
 */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

export class FormResponse implements Faithful<
  GoogleAppsScript.Forms.FormResponse,
  | 'getEditResponseUrl'
  | 'getId'
  | 'getItemResponses'
  | 'getRespondentEmail'
  | 'getResponseForItem'
  | 'getTimestamp'
  | 'submit'
  | 'toPrefilledUrl'
  | 'withItemResponse'
> {
  static readonly gasName = 'FormApp.FormResponse';
  private id: string | null;
  private timestamp: number | null;
  private readonly email: string;
  private readonly answers: Map<number, AnswerValue>;

  /** A snapshot of a stored response, or (record null) a new response a script is building. */
  constructor(
    private readonly ws: Workspace,
    private readonly form: FormData,
    record: ResponseData | null,
  ) {
    this.id = record?.id ?? null;
    this.timestamp = record?.timestamp ?? null;
    this.email = record?.email ?? '';
    this.answers = record ? copyAnswers(record.answers) : new Map();
  }

  /** null for a response that was never submitted (assumption). */
  getId(): string {
    return this.id as string;
  }

  getTimestamp(): GoogleAppsScript.Base.Date {
    return (this.timestamp === null ? null : new Date(this.timestamp)) as Date;
  }

  /** "…if the Form.setCollectEmail(collect) setting is enabled"; '' otherwise. */
  getRespondentEmail(): string {
    return this.form.collectEmail ? this.email : '';
  }

  getItemResponses(): ItemResponse[] {
    const out: ItemResponse[] = [];
    for (const item of this.form.items) {
      const value = this.answers.get(item.id);
      if (value !== undefined) out.push(new ItemResponse(this.ws, this.form, item, value));
    }
    return out;
  }

  getResponseForItem(item: AnyItem): ItemResponse {
    const data = itemDataOf(this.form, item, 'FormApp.FormResponse.getResponseForItem');
    const value = this.answers.get(data.id);
    return (
      value === undefined ? null : new ItemResponse(this.ws, this.form, data, value)
    ) as ItemResponse;
  }

  /** A stable URL: it names the response, which keeps its id across edits. */
  getEditResponseUrl(): string {
    if (this.id === null) throw new Error(INVALID_FORM_DATA);
    return `${baseUrl(this.form)}?edit2=${this.id}`;
  }

  toPrefilledUrl(): string {
    const params = ['usp=pp_url'];
    for (const item of this.form.items) {
      const value = this.answers.get(item.id);
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) {
        params.push(`entry.${item.id}=${encodeQueryValue(v)}`);
      }
    }
    return `${baseUrl(this.form)}?${params.join('&')}`;
  }

  withItemResponse(response: GoogleAppsScript.Forms.ItemResponse | ItemResponse): FormResponse {
    const r = response as unknown;
    if (!(r instanceof ItemResponse)) {
      throw new Error(
        "The parameters (Object) don't match the method signature for FormApp.FormResponse.withItemResponse.",
      );
    }
    if (r._formId() !== this.form.id) throw new Error('Invalid argument: response');
    this.answers.set(r._itemId(), r._value());
    return this;
  }

  /**
   * Stores the response (or, for a response read back from the form, updates it) and writes the
   * destination row. No trigger fires: Apps Script documents that responses submitted by a
   * script do not fire form-submit triggers.
   */
  submit(): FormResponse {
    const { record } = storeResponse(this.ws, this.form, {
      id: this.id,
      email: this.email,
      answers: this.answers,
      at: this.ws.now(),
      origin: 'script',
    });
    this.id = record.id;
    this.timestamp = record.timestamp;
    return this;
  }
}

/** Adds a response or replaces an existing one's answers; writes the destination row. */
export function storeResponse(
  ws: Workspace,
  form: FormData,
  input: {
    id: string | null;
    email: string;
    answers: Map<number, AnswerValue>;
    at: number;
    origin: ResponseData['origin'];
  },
): { record: ResponseData; row: ResponseRow | null } {
  let record = input.id === null ? undefined : form.responses.find((r) => r.id === input.id);
  if (record) {
    record.answers = copyAnswers(input.answers);
    record.timestamp = input.at;
  } else {
    record = {
      id: input.id ?? nextResponseId(ws, form),
      timestamp: input.at,
      email: input.email,
      answers: copyAnswers(input.answers),
      row: null,
      rowSheetId: null,
      origin: input.origin,
    };
    form.responses.push(record);
  }
  return { record, row: writeResponseRow(ws, form, record) };
}

// ---------------------------------------------------------------------------------------------
// The response sheet

export interface ResponseRow {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  range: Range;
  /** The row as text, as the spreadsheet form-submit event carries it (e.values). */
  values: string[];
  /** Column title → [text] (e.namedValues). */
  namedValues: Record<string, string[]>;
}

/** Host writes: no execution, so neither a user's protections nor the call count apply. */
function hostSide<T>(ws: Workspace, fn: () => T): T {
  return ws.within(null, fn);
}

function destinationSheet(
  ws: Workspace,
  dest: DestinationData,
): { ss: Spreadsheet; sheet: Sheet } | null {
  const ss = spreadsheetById(ws, dest.spreadsheetId);
  const sheet = ss?.getSheetById(dest.sheetId) ?? null;
  return ss && sheet ? { ss, sheet } : null;
}

/**
 * What the response sheet stores for an answer: numbers become numbers (Sheets' well-known
 * leading-zero loss in response sheets), a date question's day becomes a date, everything else
 * stays text — even text starting with "=", which a response sheet never turns into a formula.
 */
function cellInput(cell: Range, value: string, kind: 'text' | 'date'): string {
  // A column formatted as plain text by its owner keeps every answer verbatim.
  if (cell.getNumberFormat() === '@') return value;
  if (NUMBER_TEXT.test(value)) return value;
  if (kind === 'date' && DAY_TEXT.test(value)) return value;
  // The apostrophe makes Sheets store the rest as text, whatever it looks like.
  return `'${value}`;
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  if (columns > sheet.getMaxColumns()) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  }
  if (rows > sheet.getMaxRows()) {
    sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  }
}

/** Titles and addresses: always text. */
function writeText(sheet: Sheet, row: number, column: number, value: string): void {
  ensureSize(sheet, row, column);
  const cell = sheet.getRange(row, column);
  const verbatim = value === '' || cell.getNumberFormat() === '@';
  cell.setValue(verbatim ? value : `'${value}`);
}

/** Columns for questions added since, the email column once emails are collected; titles kept current. */
function syncHeader(form: FormData, dest: DestinationData, sheet: Sheet): void {
  const words = responseWords(sheet.getParent());
  if (form.collectEmail && dest.emailColumn === null) {
    // Forms puts the address right after the timestamp, shifting the question columns.
    ensureSize(sheet, 1, 2);
    sheet.insertColumnsBefore(2, 1);
    for (const [id, column] of dest.columns) if (column >= 2) dest.columns.set(id, column + 1);
    dest.nextColumn += 1;
    dest.emailColumn = 2;
    writeText(sheet, 1, 2, words.email);
  }
  for (const item of form.items) {
    if (!isQuestion(item)) continue;
    let column = dest.columns.get(item.id);
    if (column === undefined) {
      column = dest.nextColumn++;
      dest.columns.set(item.id, column);
    }
    writeText(sheet, 1, column, item.title);
  }
}

destinationHooks.syncHeader = (ws, form) => {
  const dest = form.destination;
  if (!dest) return;
  hostSide(ws, () => {
    const target = destinationSheet(ws, dest);
    if (target) syncHeader(form, dest, target.sheet);
  });
};

export function linkDestination(ws: Workspace, form: FormData, spreadsheetId: string): void {
  hostSide(ws, () => {
    const ss = spreadsheetById(ws, spreadsheetId);
    if (!ss) throw new Error(`Invalid argument: id`);
    const words = responseWords(ss);
    let n = 1;
    while (ss.getSheetByName(`${words.prefix}${n}`)) n++;
    const active = ss.getActiveSheet();
    // Google adds the response sheet as the first tab without switching the user's view.
    const sheet = ss.insertSheet(`${words.prefix}${n}`, 0);
    ss.setActiveSheet(active);
    const dest: DestinationData = {
      spreadsheetId,
      sheetId: sheet.getSheetId(),
      columns: new Map(),
      emailColumn: null,
      nextColumn: 2,
    };
    writeText(sheet, 1, 1, words.timestamp);
    if (form.collectEmail) {
      dest.emailColumn = 2;
      dest.nextColumn = 3;
      writeText(sheet, 1, 2, words.email);
    }
    sheet.setFrozenRows(1);
    form.destination = dest;
    syncHeader(form, dest, sheet);
    // A newly linked spreadsheet receives every response so far.
    for (const record of form.responses) writeResponseRow(ws, form, record);
  });
}

function answerText(item: ItemData, value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Writes (or rewrites in place, after an edit) a response's row; null without a destination. */
export function writeResponseRow(
  ws: Workspace,
  form: FormData,
  record: ResponseData,
): ResponseRow | null {
  const dest = form.destination;
  if (!dest) return null;
  return hostSide(ws, () => {
    const target = destinationSheet(ws, dest);
    // The response sheet was deleted: Google keeps the responses in the form only (assumption).
    if (!target) return null;
    const { ss, sheet } = target;
    syncHeader(form, dest, sheet);
    if (record.row === null || record.rowSheetId !== dest.sheetId) {
      record.row = Math.max(sheet.getLastRow(), 1) + 1;
      record.rowSheetId = dest.sheetId;
    }
    const row = record.row;
    const width = dest.nextColumn - 1;
    ensureSize(sheet, row, width);
    const stamp = sheet.getRange(row, 1);
    stamp.setValue(new Date(record.timestamp));
    stamp.setNumberFormat(responseWords(ss).format);
    if (dest.emailColumn !== null) {
      writeText(sheet, row, dest.emailColumn, form.collectEmail ? record.email : '');
    }
    for (const item of form.items) {
      const column = dest.columns.get(item.id);
      if (column === undefined) continue;
      // Forms keeps a long answer whole; a Sheets cell holds at most 50,000 characters. What Google
      // writes to the response sheet then is undocumented: we keep the first 50,000 (assumption,
      // docs/fidelity/forms.md), so the response itself, not the sheet, is the whole answer.
      const text = answerText(item, record.answers.get(item.id)).slice(0, MAX_CELL_CHARS - 1);
      const cell = sheet.getRange(row, column);
      cell.setValue(
        text === '' ? '' : cellInput(cell, text, item.type === 'DATE' ? 'date' : 'text'),
      );
    }
    const range = sheet.getRange(row, 1, 1, width);
    const values = range.getDisplayValues()[0];
    const titles = sheet.getRange(1, 1, 1, width).getDisplayValues()[0];
    const namedValues: Record<string, string[]> = {};
    titles.forEach((title, i) => {
      (namedValues[title] ??= []).push(values[i]);
    });
    return { spreadsheet: ss, sheet, range, values, namedValues };
  });
}
