/**
 * What the use cases need from the outside world. Adapters over Apps Script live in src/gas/;
 * tests and the rehearsal reach the same adapters through the emulator, never a second copy.
 */
import type { Cell, RawTable } from './domain/table';

export interface ColumnSpec {
  header: string;
  width?: number;
  note?: string;
  /** A dropdown of these values. */
  choices?: readonly string[];
  checkbox?: boolean;
  /** A day: shown yyyy-mm-dd. */
  date?: boolean;
  /** An instant: shown yyyy-mm-dd hh:mm in the spreadsheet's time zone. */
  dateTime?: boolean;
}

export interface SheetSpec {
  /** The titles this sheet may carry (first = the one to create). */
  titles: readonly string[];
  columns: readonly ColumnSpec[];
  sampleRows: readonly Cell[][];
}

export interface SheetsPort {
  /** Creates the sheet with header, validation and sample rows; false if it already exists. */
  ensureSheet(spec: SheetSpec): boolean;
  /**
   * Appends, after the last header cell, the columns of `spec` whose header is none of its
   * `aliases` (by column, in spec order): a field added to a form gets its column, and no column
   * is moved or removed. True when it added any.
   */
  addMissingColumns(spec: SheetSpec, aliases: readonly (readonly string[])[]): boolean;
  /** Reads a whole sheet in one call; null when no sheet carries any of the titles. */
  readTable(titles: readonly string[]): RawTable | null;
  /** Replaces every data row under the header in one write (the header stays). */
  replaceRows(titles: readonly string[], rows: Cell[][]): void;
  /** The header row alone (one small read, for appending by key). */
  readHeader(titles: readonly string[]): Cell[] | null;
  /** Appends rows after the last row, in one write. */
  appendRows(titles: readonly string[], rows: Cell[][]): void;
  /** Overwrites one row (1-based sheet row) from the first column, in one write. */
  writeRow(titles: readonly string[], row: number, cells: Cell[]): void;
  /** Overwrites consecutive rows from `firstRow`, from the first column, in one write. */
  writeRows(titles: readonly string[], firstRow: number, rows: Cell[][]): void;
  /** Writes one cell (1-based) — for edits made as a person, who may edit only some columns. */
  writeCell(titles: readonly string[], row: number, column: number, value: Cell): void;
  /** Puts a note on one cell (1-based), e.g. why an edit was reverted. */
  setNote(titles: readonly string[], row: number, column: number, note: string): void;
  /**
   * Range protections by description: whole columns (1-based) that only `editors` (and the
   * owner) may edit. Idempotent; true when anything changed.
   */
  protectColumns(
    titles: readonly string[],
    protections: { description: string; columns: number[]; editors: string[] }[],
  ): boolean;
  /** Shares the spreadsheet with these people as editors (no-op for existing editors). */
  addEditors(emails: string[]): boolean;
  timeZone(): string;
  /**
   * Deletes the blank first tab a new spreadsheet comes with (Sheet1, 工作表1) when it is still
   * empty and other sheets exist; true when it deleted one.
   */
  removeBlankDefaultSheet(): boolean;
  /** File › Settings › Locale of the spreadsheet, e.g. `en_US` or `zh_CN`. */
  spreadsheetLocale(): string;
}

export interface UiPort {
  /** A dialog for the person who clicked; silently skipped when nobody is there (a trigger). */
  alert(title: string, message: string): void;
  /** Asks the person for a line of text; null when they cancel or nobody is there. */
  prompt(title: string, message: string): string | null;
  toast(message: string, title: string): void;
  /** The email of the person at the keyboard ('' when unknown). */
  activeUser(): string;
  /**
   * Whom this execution runs as: in a menu run, the person who clicked — known even where
   * Google hides the active user (consumer accounts, another domain).
   */
  effectiveUser(): string;
}

export interface DailyTrigger {
  id: string;
  hour: number | null;
}

export interface TriggersPort {
  /** This account's time-driven triggers that call `handler`. */
  timeTriggers(handler: string): DailyTrigger[];
  remove(id: string): void;
  createDaily(handler: string, hour: number, timeZone: string): void;
  /** Exactly one installable edit trigger of this account on the spreadsheet; true when changed. */
  ensureEditTrigger(handler: string): boolean;
  /** A one-off trigger that runs `handler` once, about `ms` from now. */
  createAfter(handler: string, ms: number): void;
}

export interface FormSpec {
  key: string;
  title: string;
  /** Only signed-in accounts of the owner's domain may answer (Settings responderAccess). */
  requireLogin: boolean;
  description: string;
  confirmation: string;
  items: {
    key: string;
    title: string;
    help: string;
    required: boolean;
    kind:
      | 'text'
      | 'paragraph'
      | 'list'
      | 'checkbox'
      | 'date'
      | 'scale'
      | 'number'
      | 'integer'
      | 'email'
      | 'url';
    choices?: readonly string[];
    /** The choices follow a roster (units, people) and are kept by setChoices, not by the spec. */
    rosterChoices?: boolean;
    min?: number;
    max?: number;
    maxLength?: number;
  }[];
}

/** A form response as the submit trigger delivers it, answers by field key. */
export interface RawSubmission {
  formKey: string;
  responseId: string;
  respondentEmail: string;
  /** The response's timestamp (of the latest edit, for an edited response). */
  submittedAt: number;
  editUrl: string;
  answers: Record<string, unknown>;
}

/** A response's id and timestamp (of its latest edit), as the form lists it. */
export interface ResponseStamp {
  id: string;
  at: number;
}

export interface FormsPort {
  /**
   * Creates the form when it does not exist yet — only "not found" or trashed counts; any other
   * error is thrown — (titled, published, collecting emails, allowing edits, responses into this
   * spreadsheet) and remembers its id and item ids. An existing form is published again and given
   * the responder access of `spec`. With `create: false` (the daily run) nothing is created or
   * changed: a missing form is reported as `missing`.
   */
  ensureForm(
    spec: FormSpec,
    options?: { create?: boolean },
  ): {
    created: boolean;
    url: string;
    repaired?: boolean;
    missing?: boolean;
    /** Set when the form is not visible to this account and `owner` made it: left alone. */
    owner?: string;
  };
  /** Sets the choices of a dropdown item when they differ; true when changed. */
  setChoices(formKey: string, itemKey: string, choices: readonly string[]): boolean;
  /** Exactly one submit trigger of this account on the form; true when it changed anything. */
  ensureSubmitTrigger(formKey: string, handler: string): boolean;
  /** A link that opens the form with answers filled in, by item key. */
  prefilledUrl(formKey: string, answers: Record<string, string>): string | null;
  /**
   * The form's responses submitted or edited at or after `since` (all when omitted), id and
   * timestamp only: one call for the list, two per response. More than `limit` responses: only
   * their number (nothing is read per response). null when the form is not there.
   */
  responseStamps(
    formKey: string,
    since: number | null,
    limit: number,
  ): { stamps: ResponseStamp[] } | { tooMany: number } | null;
  /** One response read as the submit trigger reads it (answers by field key). */
  response(formKey: string, responseId: string): RawSubmission | null;
}

export interface OutgoingMail {
  to: string[];
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo?: string;
}

export type SendResult =
  { sent: true } | { sent: false; reason: 'quota' | 'error'; message: string };

export interface MailPort {
  /** Recipients this account may still send to today. */
  remainingQuota(): number;
  send(mail: OutgoingMail): SendResult;
}

export interface StorePort {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface LockPort {
  /** Runs fn while holding the script lock; throws when it cannot be had within the wait. */
  withScriptLock<T>(fn: () => T): T;
}

export interface Clock {
  now(): number;
  /** The script project's time zone (appsscript.json, Session.getScriptTimeZone). */
  scriptTimeZone(): string;
}

/** Structured records (rehearsal-format.md: `event` and its fields) to Cloud Logging. */
export interface LogPort {
  record(entry: { event: string } & Record<string, unknown>): void;
}

export interface AppDeps {
  sheets: SheetsPort;
  forms: FormsPort;
  mail: MailPort;
  ui: UiPort;
  triggers: TriggersPort;
  store: StorePort;
  lock: LockPort;
  clock: Clock;
  log: LogPort;
}

// --- documents (reports) ---------------------------------------------------------------------

/** A file attached to an email, made by the docs adapter (in Apps Script, a Blob). */
export interface MailAttachment {
  readonly name: string;
  readonly handle: unknown;
}

// Declaration merging: an email may carry attachments (a report's PDF).
export interface OutgoingMail {
  attachments?: MailAttachment[];
}

/** A copy of a template being filled in; every method is a fixed number of service calls. */
export interface ChartBar {
  label: string;
  value: string;
  /** The bar as a PNG (png-chart.ts), and its size in pixels. */
  png: Uint8Array;
  width: number;
  height: number;
}

export interface DocDraft {
  readonly id: string;
  readonly url: string;
  /** The body's whole text, table cells included (one read). */
  text(): string;
  /** The text of each table of the body, in body order. */
  tableTexts(): string[];
  /** The cell texts of the index-th table (only for tables that need them). */
  tableCells(index: number): string[][];
  /** Replaces every occurrence of a literal token with a literal value (escaped for RE2). */
  replace(token: string, value: string): void;
  /**
   * Writes a new table in place of the index-th one in one call; header rows are bold; columns
   * as wide as their content needs across the page (table-layout.ts).
   */
  replaceTable(index: number, cells: string[][], headerRows: number): void;
  /**
   * Puts a horizontal bar chart — a borderless table, one row per bar: label, bar image, value —
   * in place of the paragraph holding the token; false when the token is absent.
   */
  placeBarChart(token: string, bars: readonly ChartBar[]): boolean;
  save(): void;
  /** The saved document as PDF, to attach to an email. */
  pdf(fileName: string): MailAttachment;
  /** Moves the copy to the trash: a failed generation leaves nothing behind. */
  trash(): void;
}

export interface DocsPort {
  folderExists(id: string): boolean;
  createFolder(name: string): string;
  documentExists(id: string): boolean;
  /** Writes a new Google Doc from blocks into the folder; its id. */
  createDocument(name: string, folderId: string, blocks: readonly DocBlock[]): string;
  /** Copies a Doc into the folder under a new name and opens the copy. */
  copyDocument(templateId: string, name: string, folderId: string): DocDraft;
}

export type DocBlock =
  | {
      kind: 'title' | 'subtitle' | 'heading' | 'subheading' | 'paragraph' | 'caption';
      text: string;
    }
  | { kind: 'table'; rows: string[][]; headerRows?: number };

export interface AppDeps {
  docs: DocsPort;
}

// --- self-check (运行自检) ---------------------------------------------------------------------

// Declaration merging: triggers belong to the account that created them.
export interface TriggersPort {
  /** The account this execution runs as: the owner of every trigger it creates (or sees). */
  owner(): string;
}

/** One installable trigger of this account, as getProjectTriggers lists it. */
export interface TriggerFact {
  id: string;
  handler: string;
  /** 'CLOCK' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | … */
  event: string;
  /** The spreadsheet or form id; null for a time-driven trigger. */
  sourceId: string | null;
}

/** What a Drive file or folder looks like to this account. */
export type Reach =
  { ok: true } | { ok: false; reason: 'missing' | 'trashed' | 'error'; message: string };

/** A campaign form as live Forms shows it, read once. */
export type FormFacts =
  | { state: 'notCreated' }
  | { state: 'unreachable'; message: string }
  | {
      state: 'open';
      id: string;
      title: string;
      published: boolean;
      /** null when the form has no response destination. */
      destinationId: string | null;
      acceptingResponses: boolean;
      collectsEmail: boolean;
      responseIds: string[];
    };

export interface AuthorizationFacts {
  /** The scopes the manifest declares. */
  required: string[];
  /** Those of them this account has granted; null when Apps Script cannot tell. */
  authorized: string[] | null;
  needsAuthorization: boolean;
  url: string | null;
}

/**
 * Read-only facts about the live installation that the self-check judges: nothing here writes.
 * Each method is a fixed number of service calls, except `form`, which reads each response id
 * once.
 */
export interface HealthFactsPort {
  spreadsheetId(): string;
  scriptTimeZone(): string;
  /** null when this runtime has no ScriptApp.getAuthorizationInfo with scopes. */
  authorization(): AuthorizationFacts | null;
  /** Every installable trigger this account owns on the project (others' stay invisible). */
  triggers(): TriggerFact[];
  form(formKey: string): FormFacts;
  reach(kind: 'folder' | 'document', id: string): Reach;
}

export interface AppDeps {
  health: HealthFactsPort;
}

// --- web app (the units' status page) --------------------------------------------------------

/** What the status page needs beyond the other ports: signing and the deployment's address. */
export interface WebPort {
  /** HMAC-SHA256 of `text` under `secret`, as web-safe base64. */
  sign(text: string, secret: string): string;
  /** A new random secret. */
  newSecret(): string;
  /** The deployed web app's URL, or null when it is not deployed. */
  url(): string | null;
}

export interface AppDeps {
  web: WebPort;
}
