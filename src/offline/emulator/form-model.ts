/**
 * The stored state of emulated Google Forms (per account, in `ws.state('FormApp.forms', …)`).
 * Plain data only; the fakes in form-app.ts, form-items.ts and form-responses.ts read and write it.
 */
import type { Workspace } from './core';

/** The item kinds the emulator builds (FormApp.ItemType names). */
export type ItemTypeName =
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'LIST'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'DATE'
  | 'SCALE'
  | 'SECTION_HEADER';

export const ITEM_TYPES = [
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
] as const;

/** What a validation builder recorded (kept for inspection; Forms enforces it in the browser). */
export interface ValidationData {
  kind: 'text' | 'paragraph' | 'checkbox';
  rule: string;
  args: (number | string)[];
  helpText: string;
}

export interface ItemData {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  otherOption: boolean;
  validation: ValidationData | null;
  lowerBound: number;
  upperBound: number;
  leftLabel: string;
  rightLabel: string;
  includesYear: boolean;
}

/** An answer as the form transmits it: text, or the ticked choices of a checkbox item. */
export type AnswerValue = string | string[];

export interface ResponseData {
  id: string;
  /** The last submission (first submit or latest edit), epoch ms. */
  timestamp: number;
  /** The respondent's address; only exposed when the form collects emails. */
  email: string;
  answers: Map<number, AnswerValue>;
  /** Row of the response in the destination sheet, once written. */
  row: number | null;
  /** Where the row was written (the row number means nothing in another sheet). */
  rowSheetId: number | null;
  origin: 'respondent' | 'script';
}

export interface DestinationData {
  spreadsheetId: string;
  sheetId: number;
  /** Item id → 1-based column of its answers in the response sheet. */
  columns: Map<number, number>;
  emailColumn: number | null;
  nextColumn: number;
}

export interface FormData {
  id: string;
  /** The id in the respondent's URL (/forms/d/e/<publishedId>/viewform), distinct from `id`. */
  publishedId: string;
  owner: string;
  /** The Drive file name: what `FormApp.create(name)` sets (Drive's rename changes it). */
  fileName: string;
  /** The form's own title: '' until `setTitle` (live: Google issue tracker 442747794). */
  title: string;
  /** Unpublished forms accept no responses (Form.setPublished reference). */
  published: boolean;
  description: string;
  confirmationMessage: string;
  customClosedFormMessage: string;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  requireLogin: boolean;
  acceptingResponses: boolean;
  shuffleQuestions: boolean;
  progressBar: boolean;
  showLinkToRespondAgain: boolean;
  publishingSummary: boolean;
  items: ItemData[];
  responses: ResponseData[];
  destination: DestinationData | null;
  createdAt: number;
}

export interface FormStore {
  forms: Map<string, FormData>;
  seq: number;
  itemSeq: number;
  responseSeq: number;
}

export function formStore(ws: Workspace): FormStore {
  return ws.state<FormStore>('FormApp.forms', () => ({
    forms: new Map(),
    seq: 0,
    itemSeq: 0,
    responseSeq: 0,
  }));
}

/** A small deterministic hash (FNV-1a) for ids that must look opaque but be reproducible. */
export function hash36(text: string, length: number): string {
  let out = '';
  let h = 2166136261;
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${round}:${text}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(36);
  }
  return out.slice(0, length);
}

export function createFormData(
  ws: Workspace,
  fileName: string,
  owner: string,
  published: boolean,
): FormData {
  const store = formStore(ws);
  const n = ++store.seq;
  // 44 characters like Drive ids; deterministic so that rehearsals are reproducible.
  const id = `1EmuFm${String(n).padStart(6, '0')}${hash36(`form${n}`, 32)}`;
  const form: FormData = {
    id,
    publishedId: `1FAIpQLSe${hash36(`published${id}`, 47)}`,
    owner,
    fileName,
    title: '',
    published,
    description: '',
    confirmationMessage: '',
    customClosedFormMessage: '',
    collectEmail: false,
    allowResponseEdits: false,
    limitOneResponsePerUser: false,
    requireLogin: false,
    acceptingResponses: true,
    shuffleQuestions: false,
    progressBar: false,
    showLinkToRespondAgain: true,
    publishingSummary: false,
    items: [],
    responses: [],
    destination: null,
    createdAt: ws.now(),
  };
  store.forms.set(id, form);
  return form;
}

/** Item ids are numbers that look arbitrary; these are deterministic and never reused. */
export function nextItemId(ws: Workspace): number {
  const store = formStore(ws);
  const n = ++store.itemSeq;
  return 100000000 + ((n * 387420489) % 900000000);
}

export function nextResponseId(ws: Workspace, form: FormData): string {
  const store = formStore(ws);
  const n = ++store.responseSeq;
  // Real ids look like "2_ABaOnud…": opaque, long, URL-safe.
  return `2_ABaOnud${String(n).padStart(6, '0')}${hash36(`${form.id}/${n}`, 40)}`;
}

export function newItemData(ws: Workspace, type: ItemTypeName): ItemData {
  return {
    id: nextItemId(ws),
    type,
    title: '',
    helpText: '',
    required: false,
    // Live: a new checkbox, multiple-choice or list item has one choice with value ''.
    choices: type === 'LIST' || type === 'MULTIPLE_CHOICE' || type === 'CHECKBOX' ? [''] : [],
    otherOption: false,
    validation: null,
    lowerBound: 1,
    upperBound: 5,
    leftLabel: '',
    rightLabel: '',
    includesYear: true,
  };
}

/** Items that collect an answer (and get a column in the response sheet). */
export function isQuestion(item: ItemData): boolean {
  return item.type !== 'SECTION_HEADER';
}

/**
 * Set by form-responses.ts (which the items cannot import without a cycle): Google keeps a linked
 * response sheet's header in step with the form as questions are added or renamed.
 */
export const destinationHooks: { syncHeader: (ws: Workspace, form: FormData) => void } = {
  syncHeader: () => undefined,
};

export function findForm(ws: Workspace, id: string): FormData | undefined {
  return formStore(ws).forms.get(id);
}
