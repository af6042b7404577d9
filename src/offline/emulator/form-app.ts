/**
 * The emulated FormApp: forms, their items and responses, and the response sheet Google keeps in a
 * destination spreadsheet. Items live in form-items.ts, responses and the response sheet in
 * form-responses.ts, plain state in form-model.ts. Fidelity notes: docs/fidelity/forms.md.
 *
 * Host side: `FormApp._respond(ws, formId, …)` is a respondent submitting the form and
 * `FormApp._edit(ws, formId, responseId, …)` the same respondent editing through the edit link.
 * They store the response, write the response sheet, and return the installed triggers Apps Script
 * would fire — the fake never runs handlers itself (the rehearsal does, see replay-forms.ts).
 */
import type { Faithful, Workspace } from './core';
import {
  CheckboxItem,
  CheckboxValidationBuilder,
  DateItem,
  INVALID_FORM_DATA,
  Item,
  ListItem,
  MultipleChoiceItem,
  NOT_A_CHOICE,
  notAChoice,
  ParagraphTextItem,
  ParagraphTextValidationBuilder,
  ScaleItem,
  SectionHeaderItem,
  TextItem,
  TextValidationBuilder,
  itemDataOf,
  toAnswer,
  type AnyItem,
} from './form-items';
import {
  ITEM_TYPES,
  createFormData,
  destinationHooks,
  findForm,
  formStore,
  hash36,
  isQuestion,
  newItemData,
  type AnswerValue,
  type FormData,
  type ItemData,
  type ItemTypeName,
  type ResponseData,
} from './form-model';
import { driveStore } from './drive-app';
import { FormResponse, linkDestination, storeResponse, type ResponseRow } from './form-responses';
import { ScriptApp, type TriggerDescription } from './script-app';
import type { Range, Spreadsheet } from './spreadsheet-app';

function enumOf(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, n]));
}

function asEnum<E>(name: string): E {
  return name as unknown as E;
}

/** Apps Script's text when a file id is unknown or not shared with the user. */
export const NO_SUCH_FORM =
  'No item with the given ID could be found, or you do not have permission to access it.';
export const NO_DESTINATION = 'This form does not currently have a response destination.';

function currentUser(ws: Workspace): string {
  return ws.hasExecution() ? ws.execution().effectiveUser : ws.owner;
}

export class Form implements Faithful<
  GoogleAppsScript.Forms.Form,
  | 'addCheckboxItem'
  | 'addDateItem'
  | 'addListItem'
  | 'addMultipleChoiceItem'
  | 'addParagraphTextItem'
  | 'addScaleItem'
  | 'addSectionHeaderItem'
  | 'addTextItem'
  | 'canEditResponse'
  | 'collectsEmail'
  | 'createResponse'
  | 'deleteAllResponses'
  | 'deleteItem'
  | 'deleteResponse'
  | 'getConfirmationMessage'
  | 'getCustomClosedFormMessage'
  | 'getDescription'
  | 'getDestinationId'
  | 'getDestinationType'
  | 'getEditUrl'
  | 'getId'
  | 'getItemById'
  | 'getItems'
  | 'getPublishedUrl'
  | 'getResponse'
  | 'getResponses'
  | 'getShuffleQuestions'
  | 'getSummaryUrl'
  | 'getTitle'
  | 'hasLimitOneResponsePerUser'
  | 'hasProgressBar'
  | 'hasRespondAgainLink'
  | 'isAcceptingResponses'
  | 'isPublished'
  | 'isPublishingSummary'
  | 'moveItem'
  | 'removeDestination'
  | 'requiresLogin'
  | 'setAcceptingResponses'
  | 'setAllowResponseEdits'
  | 'setCollectEmail'
  | 'setConfirmationMessage'
  | 'setCustomClosedFormMessage'
  | 'setDescription'
  | 'setDestination'
  | 'setLimitOneResponsePerUser'
  | 'setProgressBar'
  | 'setPublished'
  | 'setPublishingSummary'
  | 'setRequireLogin'
  | 'setShowLinkToRespondAgain'
  | 'setShuffleQuestions'
  | 'setTitle'
  | 'shortenFormUrl'
  | 'supportsAdvancedResponderPermissions'
> {
  static readonly gasName = 'FormApp.Form';

  constructor(
    private readonly ws: Workspace,
    private readonly form: FormData,
  ) {}

  getId(): string {
    return this.form.id;
  }
  getTitle(): string {
    return this.form.title;
  }
  setTitle(title: string): Form {
    this.form.title = String(title);
    return this;
  }
  getDescription(): string {
    return this.form.description;
  }
  setDescription(description: string): Form {
    this.form.description = String(description);
    return this;
  }
  getConfirmationMessage(): string {
    return this.form.confirmationMessage;
  }
  setConfirmationMessage(message: string): Form {
    this.form.confirmationMessage = String(message);
    return this;
  }
  getCustomClosedFormMessage(): string {
    return this.form.customClosedFormMessage;
  }
  setCustomClosedFormMessage(message: string): Form {
    this.form.customClosedFormMessage = String(message);
    return this;
  }
  collectsEmail(): boolean {
    return this.form.collectEmail;
  }
  setCollectEmail(collect: boolean): Form {
    this.form.collectEmail = Boolean(collect);
    destinationHooks.syncHeader(this.ws, this.form);
    return this;
  }
  canEditResponse(): boolean {
    return this.form.allowResponseEdits;
  }
  setAllowResponseEdits(enabled: boolean): Form {
    this.form.allowResponseEdits = Boolean(enabled);
    return this;
  }
  hasLimitOneResponsePerUser(): boolean {
    return this.form.limitOneResponsePerUser;
  }
  setLimitOneResponsePerUser(enabled: boolean): Form {
    this.form.limitOneResponsePerUser = Boolean(enabled);
    return this;
  }
  requiresLogin(): boolean {
    return this.form.requireLogin;
  }
  setRequireLogin(requireLogin: boolean): Form {
    this.form.requireLogin = Boolean(requireLogin);
    return this;
  }
  isAcceptingResponses(): boolean {
    return this.form.acceptingResponses;
  }
  setAcceptingResponses(enabled: boolean): Form {
    this.form.acceptingResponses = Boolean(enabled);
    return this;
  }
  getShuffleQuestions(): boolean {
    return this.form.shuffleQuestions;
  }
  setShuffleQuestions(shuffle: boolean): Form {
    this.form.shuffleQuestions = Boolean(shuffle);
    return this;
  }
  hasProgressBar(): boolean {
    return this.form.progressBar;
  }
  setProgressBar(enabled: boolean): Form {
    this.form.progressBar = Boolean(enabled);
    return this;
  }
  hasRespondAgainLink(): boolean {
    return this.form.showLinkToRespondAgain;
  }
  setShowLinkToRespondAgain(enabled: boolean): Form {
    this.form.showLinkToRespondAgain = Boolean(enabled);
    return this;
  }
  /** https://developers.google.com/apps-script/reference/forms/form#isPublished() */
  isPublished(): boolean {
    return this.form.published;
  }
  /** Unpublishing "stops it from accepting responses" (Form.setPublished reference). */
  setPublished(enabled: boolean): Form {
    this.form.published = Boolean(enabled);
    return this;
  }
  /** Every form the emulator creates is a new-style form that supports publishing. */
  supportsAdvancedResponderPermissions(): boolean {
    return true;
  }
  isPublishingSummary(): boolean {
    return this.form.publishingSummary;
  }
  setPublishingSummary(enabled: boolean): Form {
    this.form.publishingSummary = Boolean(enabled);
    return this;
  }

  // ---- URLs

  getPublishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.form.publishedId}/viewform`;
  }
  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this.form.id}/edit`;
  }
  getSummaryUrl(): string {
    return `https://docs.google.com/forms/d/${this.form.id}/viewanalytics`;
  }
  shortenFormUrl(url: string): string {
    const long = String(url);
    if (!long.startsWith('https://docs.google.com/forms/'))
      throw new Error('Invalid argument: url');
    return `https://forms.gle/${hash36(long, 17)}`;
  }

  // ---- destination

  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): Form {
    if (String(type) !== 'SPREADSHEET') throw new Error(`Invalid argument: type`);
    const spreadsheetId = String(id);
    // Linking again to the spreadsheet already linked changes nothing (assumption).
    if (this.form.destination?.spreadsheetId === spreadsheetId) return this;
    linkDestination(this.ws, this.form, spreadsheetId);
    return this;
  }
  getDestinationId(): string {
    if (!this.form.destination) throw new Error(NO_DESTINATION);
    return this.form.destination.spreadsheetId;
  }
  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    if (!this.form.destination) throw new Error(NO_DESTINATION);
    return asEnum('SPREADSHEET');
  }
  /** The response sheet stays in the spreadsheet; it simply stops receiving responses. */
  removeDestination(): Form {
    this.form.destination = null;
    return this;
  }

  // ---- items

  private _add(type: ItemTypeName): ItemData {
    const item = newItemData(this.ws, type);
    this.form.items.push(item);
    destinationHooks.syncHeader(this.ws, this.form);
    return item;
  }
  addTextItem(): TextItem {
    return new TextItem(this.ws, this.form, this._add('TEXT'));
  }
  addParagraphTextItem(): ParagraphTextItem {
    return new ParagraphTextItem(this.ws, this.form, this._add('PARAGRAPH_TEXT'));
  }
  addListItem(): ListItem {
    return new ListItem(this.ws, this.form, this._add('LIST'));
  }
  addMultipleChoiceItem(): MultipleChoiceItem {
    return new MultipleChoiceItem(this.ws, this.form, this._add('MULTIPLE_CHOICE'));
  }
  addCheckboxItem(): CheckboxItem {
    return new CheckboxItem(this.ws, this.form, this._add('CHECKBOX'));
  }
  addDateItem(): DateItem {
    return new DateItem(this.ws, this.form, this._add('DATE'));
  }
  addScaleItem(): ScaleItem {
    return new ScaleItem(this.ws, this.form, this._add('SCALE'));
  }
  addSectionHeaderItem(): SectionHeaderItem {
    return new SectionHeaderItem(this.ws, this.form, this._add('SECTION_HEADER'));
  }

  getItems(itemType?: GoogleAppsScript.Forms.ItemType): Item[] {
    const type = itemType === undefined ? undefined : String(itemType);
    if (type !== undefined && !(ITEM_TYPES as readonly string[]).includes(type)) {
      throw new Error(`Invalid argument: itemType`);
    }
    return this.form.items
      .filter((i) => type === undefined || i.type === type)
      .map((i) => new Item(this.ws, this.form, i));
  }
  /** "…or null if the item does not exist in the form." */
  getItemById(id: number): Item {
    const item = this.form.items.find((i) => i.id === Number(id));
    return (item ? new Item(this.ws, this.form, item) : null) as Item;
  }

  private _indexOf(value: unknown, method: string): number {
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || value < 0 || value >= this.form.items.length) {
        throw new Error(`Invalid argument: index`);
      }
      return value;
    }
    return this.form.items.indexOf(itemDataOf(this.form, value, method));
  }
  deleteItem(indexOrItem: number | AnyItem): void {
    const at = this._indexOf(indexOrItem, 'FormApp.Form.deleteItem');
    this.form.items.splice(at, 1);
  }
  moveItem(fromOrItem: number | AnyItem, toIndex: number): Item {
    const from = this._indexOf(fromOrItem, 'FormApp.Form.moveItem');
    const to = Number(toIndex);
    if (!Number.isInteger(to) || to < 0 || to >= this.form.items.length) {
      throw new Error(`Invalid argument: toIndex`);
    }
    const [item] = this.form.items.splice(from, 1);
    this.form.items.splice(to, 0, item);
    return new Item(this.ws, this.form, item);
  }

  // ---- responses

  createResponse(): FormResponse {
    return new FormResponse(this.ws, this.form, null);
  }
  /** "…all of the form's responses after a given date and time" (taken as inclusive). */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): FormResponse[] {
    const from = timestamp === undefined ? -Infinity : timestamp.getTime();
    return this.form.responses
      .filter((r) => r.timestamp >= from)
      .map((r) => new FormResponse(this.ws, this.form, r));
  }
  getResponse(responseId: string): FormResponse {
    const record = this.form.responses.find((r) => r.id === String(responseId));
    if (!record) throw new Error(INVALID_FORM_DATA);
    return new FormResponse(this.ws, this.form, record);
  }
  /** Rows already in the response sheet stay there, as in Google Forms. */
  deleteAllResponses(): Form {
    this.form.responses = [];
    return this;
  }
  deleteResponse(responseId: string): Form {
    const at = this.form.responses.findIndex((r) => r.id === String(responseId));
    if (at < 0) throw new Error(INVALID_FORM_DATA);
    this.form.responses.splice(at, 1);
    return this;
  }

  _data(): FormData {
    return this.form;
  }
}

// ---------------------------------------------------------------------------------------------
// Host API types

/** Why Google Forms would not take a respondent's submission or edit. */
export type RefusalReason =
  | 'unpublished'
  | 'closed'
  | 'alreadyResponded'
  | 'editsNotAllowed'
  | 'noSuchResponse'
  | 'notAChoice';

export class FormRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'FormRefused';
  }
}

export interface SpreadsheetSubmitEvent {
  values: string[];
  namedValues: Record<string, string[]>;
  range: Range;
  source: Spreadsheet;
}

export interface FormSubmission {
  response: FormResponse;
  form: Form;
  /** The installed triggers Apps Script fires for it, in creation order (other owners' too). */
  triggers: TriggerDescription[];
  /** The spreadsheet-side event fields, when the form has a destination spreadsheet. */
  spreadsheetEvent?: SpreadsheetSubmitEvent;
}

export interface RespondInput {
  email: string;
  /** Item id → answer; checkbox answers are arrays. */
  answers: Record<string | number, unknown>;
  at?: number;
}

function formOrThrow(ws: Workspace, formId: string): FormData {
  const form = findForm(ws, formId);
  if (!form) throw new Error(NO_SUCH_FORM);
  return form;
}

/** Answers keyed by item id, converted as the browser transmits them. */
function convertAnswers(
  ws: Workspace,
  form: FormData,
  answers: Record<string | number, unknown>,
): Map<number, AnswerValue | null> {
  const out = new Map<number, AnswerValue | null>();
  for (const [key, value] of Object.entries(answers)) {
    const item = form.items.find((i) => i.id === Number(key));
    if (!item || !isQuestion(item)) {
      throw new Error(`form ${form.id} has no question with item id ${key}`);
    }
    const answer = toAnswer(item, value, ws.timeZone);
    // A browser can only send a choice the item offers (or the "Other" text when shown).
    const bad = answer === null ? undefined : notAChoice(item, [answer].flat());
    if (bad !== undefined) {
      throw new FormRefused(
        'notAChoice',
        `${NOT_A_CHOICE} ${JSON.stringify(bad)} (item "${item.title}" of form ${form.id})`,
      );
    }
    out.set(item.id, answer);
  }
  return out;
}

/**
 * An unpublished form accepts no responses: Form.setPublished reference ("stops it from accepting
 * responses"); forms created by the Forms API start unpublished (Google's Forms API notice).
 */
function refuseUnpublished(form: FormData): void {
  if (!form.published) {
    throw new FormRefused(
      'unpublished',
      `The form ${form.id} is not published and does not accept responses.`,
    );
  }
}

function submitTriggers(ws: Workspace, form: FormData): TriggerDescription[] {
  const spreadsheetId = form.destination?.spreadsheetId;
  return ScriptApp._allTriggers(ws).filter(
    (t) =>
      t.event === 'ON_FORM_SUBMIT' &&
      ((t.kind === 'form' && t.sourceId === form.id) ||
        (t.kind === 'spreadsheet' && spreadsheetId !== undefined && t.sourceId === spreadsheetId)),
  );
}

function submission(
  ws: Workspace,
  form: FormData,
  { record, row }: { record: ResponseData; row: ResponseRow | null },
): FormSubmission {
  const triggers = submitTriggers(ws, form);
  return {
    response: new FormResponse(ws, form, record),
    form: new Form(ws, form),
    // A spreadsheet trigger only fires when the row reached its spreadsheet.
    triggers: row ? triggers : triggers.filter((t) => t.kind === 'form'),
    ...(row
      ? {
          spreadsheetEvent: {
            values: row.values,
            namedValues: row.namedValues,
            range: row.range,
            source: row.spreadsheet,
          },
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// FormApp

export class FormApp implements Faithful<
  GoogleAppsScript.Forms.FormApp,
  | 'create'
  | 'openById'
  | 'openByUrl'
  | 'getActiveForm'
  | 'getUi'
  | 'createTextValidation'
  | 'createParagraphTextValidation'
  | 'createCheckboxValidation'
> {
  static readonly gasName = 'FormApp';
  static readonly gasEnums = {
    Alignment: enumOf(['LEFT', 'CENTER', 'RIGHT']),
    DestinationType: enumOf(['SPREADSHEET']),
    ItemType: enumOf(ITEM_TYPES),
    PageNavigationType: enumOf(['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT']),
  };

  constructor(private readonly ws: Workspace) {}

  /**
   * `name` becomes the Drive file name only; the form's title stays '' (Google issue tracker
   * 442747794). Without `isPublished` the form starts unpublished: the default is undocumented, so
   * the pessimistic case (https://developers.google.com/apps-script/reference/forms/form-app#create(String,Boolean)).
   */
  create(title: string, isPublished?: boolean): Form {
    return new Form(
      this.ws,
      createFormData(this.ws, String(title), currentUser(this.ws), isPublished === true),
    );
  }
  /**
   * "Throws an exception if the ID is invalid or the user does not have permission to open the
   * form" (https://developers.google.com/apps-script/reference/forms/form-app#openById(String)):
   * only the form's owner and its Drive editors may open it, with live's not-found text.
   */
  openById(id: string): Form {
    const form = formOrThrow(this.ws, String(id));
    const user = currentUser(this.ws).toLowerCase();
    const editors = driveStore(this.ws).files.get(form.id)?.editors ?? [];
    if (form.owner.toLowerCase() !== user && !editors.some((e) => e.toLowerCase() === user))
      throw new Error(NO_SUCH_FORM);
    return new Form(this.ws, form);
  }
  /** Accepts the edit URL (/forms/d/<id>/…) and the respondent URL (/forms/d/e/<publishedId>/…). */
  openByUrl(url: string): Form {
    const text = String(url);
    const published = /\/forms\/d\/e\/([\w-]+)/.exec(text);
    const edit = /\/forms\/d\/([\w-]+)/.exec(text);
    if (!published && !edit) throw new Error('Invalid argument: url');
    const form = published
      ? [...formStore(this.ws).forms.values()].find((f) => f.publishedId === published[1])
      : edit
        ? findForm(this.ws, edit[1])
        : undefined;
    if (!form) throw new Error(NO_SUCH_FORM);
    return new Form(this.ws, form);
  }
  /** The script is bound to a spreadsheet, not a form. */
  getActiveForm(): Form {
    return null as unknown as Form;
  }
  getUi(): GoogleAppsScript.Base.Ui {
    throw new Error('Cannot call FormApp.getUi() from this context.');
  }
  createTextValidation(): TextValidationBuilder {
    return new TextValidationBuilder();
  }
  createParagraphTextValidation(): ParagraphTextValidationBuilder {
    return new ParagraphTextValidationBuilder();
  }
  createCheckboxValidation(): CheckboxValidationBuilder {
    return new CheckboxValidationBuilder();
  }

  // ---- host API -----------------------------------------------------------------------------

  /** Every form of the account, in creation order. */
  static _forms(ws: Workspace): Form[] {
    return [...formStore(ws).forms.values()].map((f) => new Form(ws, f));
  }

  static _form(ws: Workspace, formId: string): Form | null {
    const form = findForm(ws, formId);
    return form ? new Form(ws, form) : null;
  }

  /**
   * A respondent submits the form in the browser. Answers are stored as given (converted to the
   * text a browser transmits; arrays for checkboxes): required questions and validations are the
   * browser's business, and the rehearsal must let malformed answers reach the script. What the
   * server itself refuses is refused (FormRefused): a closed form, a second response when the
   * form allows one per user.
   */
  static _respond(ws: Workspace, formId: string, input: RespondInput): FormSubmission {
    return ws.within(null, () => {
      const form = formOrThrow(ws, formId);
      refuseUnpublished(form);
      if (!form.acceptingResponses) {
        throw new FormRefused(
          'closed',
          form.customClosedFormMessage ||
            `The form ${form.title || form.fileName} is no longer accepting responses.`,
        );
      }
      const email = String(input.email ?? '');
      if (
        form.limitOneResponsePerUser &&
        form.responses.some(
          (r) => r.origin === 'respondent' && r.email.toLowerCase() === email.toLowerCase(),
        )
      ) {
        throw new FormRefused('alreadyResponded', 'You have already responded.');
      }
      const answers = new Map<number, AnswerValue>();
      for (const [id, value] of convertAnswers(ws, form, input.answers)) {
        if (value !== null) answers.set(id, value);
      }
      const stored = storeResponse(ws, form, {
        id: null,
        email,
        answers,
        at: input.at ?? ws.now(),
        origin: 'respondent',
      });
      return submission(ws, form, stored);
    });
  }

  /**
   * The respondent edits their response through its edit link: the given answers replace the old
   * ones (null or '' clears one), the id stays, the timestamp becomes the edit time, and the
   * response's row in the response sheet is rewritten in place.
   */
  static _edit(
    ws: Workspace,
    formId: string,
    responseId: string,
    input: { answers: Record<string | number, unknown>; at?: number },
  ): FormSubmission {
    return ws.within(null, () => {
      const form = formOrThrow(ws, formId);
      const record = form.responses.find((r) => r.id === responseId);
      if (!record) {
        throw new FormRefused('noSuchResponse', `no response ${responseId} in form ${formId}`);
      }
      refuseUnpublished(form);
      if (!form.allowResponseEdits) {
        throw new FormRefused('editsNotAllowed', 'This form does not allow editing responses.');
      }
      if (!form.acceptingResponses) {
        throw new FormRefused(
          'closed',
          form.customClosedFormMessage ||
            `The form ${form.title || form.fileName} is no longer accepting responses.`,
        );
      }
      const answers = new Map(record.answers);
      for (const [id, value] of convertAnswers(ws, form, input.answers)) {
        if (value === null) answers.delete(id);
        else answers.set(id, value);
      }
      const stored = storeResponse(ws, form, {
        id: record.id,
        email: record.email,
        answers,
        at: input.at ?? ws.now(),
        origin: record.origin,
      });
      return submission(ws, form, stored);
    });
  }
}

export { FormResponse };
