import type { FormSpec, FormsPort, RawSubmission, ResponseStamp } from '../ports';
import { gasStore } from './services-store';

type Form = GoogleAppsScript.Forms.Form;

const formIdKey = (formKey: string) => `form.${formKey}.id`;
const itemsKey = (formKey: string) => `form.${formKey}.items`;
const ownerKey = (formKey: string) => `form.${formKey}.owner`;
const printsKey = (formKey: string) => `form.${formKey}.prints`;

type ItemSpec = FormSpec['items'][number];

/** What an item looks like, to tell an edited field from an unchanged one without reading it. */
function itemPrint(item: ItemSpec): string {
  const { rosterChoices, choices, ...rest } = item;
  return JSON.stringify({ ...rest, choices: rosterChoices ? null : (choices ?? null) });
}

function textValidation(item: ItemSpec): GoogleAppsScript.Forms.TextValidation | null {
  const v = FormApp.createTextValidation();
  if (item.kind === 'integer') return v.requireWholeNumber().build();
  if (item.kind === 'number') return v.requireNumberGreaterThanOrEqualTo(item.min ?? 0).build();
  if (item.kind === 'email') return v.requireTextIsEmail().build();
  if (item.kind === 'url') return v.requireTextIsUrl().build();
  if (item.maxLength) return v.requireTextLengthLessThanOrEqualTo(item.maxLength).build();
  return null;
}

/**
 * Brings an existing item to its spec in place (title, help, required, choices, bounds,
 * validation), so responses keep their answers; false when it cannot (the kind changed).
 */
function updateItem(form: Form, id: number, item: ItemSpec, was: ItemSpec | null): boolean {
  const found = form.getItemById(id);
  if (!found || (was && was.kind !== item.kind)) return false;
  switch (item.kind) {
    case 'paragraph':
      found
        .asParagraphTextItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required);
      return true;
    case 'list': {
      const list = found
        .asListItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required);
      if (!item.rosterChoices) list.setChoiceValues([...(item.choices ?? ['—'])]);
      return true;
    }
    case 'checkbox':
      found
        .asCheckboxItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setChoiceValues([...(item.choices ?? [])]);
      return true;
    case 'date':
      found.asDateItem().setTitle(item.title).setHelpText(item.help).setRequired(item.required);
      return true;
    case 'scale':
      found
        .asScaleItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setBounds(item.min ?? 1, item.max ?? 5);
      return true;
    default: {
      const text = found
        .asTextItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required);
      const validation = textValidation(item);
      if (validation) text.setValidation(validation);
      else text.clearValidation();
      return true;
    }
  }
}

/**
 * Activate after 表单设计 changed: a new field gets its item (at the end), an edited one is
 * updated in place, a deleted one's item is removed — its answers stay in the record sheet and in
 * Google's response sheet. Compared with what was last written, so an unchanged form costs no call.
 * True when anything changed.
 */
function syncItems(form: Form, spec: FormSpec): boolean {
  const ids = itemIds(spec.key);
  const raw = gasStore.get(printsKey(spec.key));
  // A form made before fields were configurable: its items are taken to be the spec's.
  const prints: Record<string, string> = raw
    ? (JSON.parse(raw) as Record<string, string>)
    : Object.fromEntries(
        spec.items.filter((i) => ids[i.key] !== undefined).map((i) => [i.key, itemPrint(i)]),
      );
  let changed = false;
  const wanted = new Set(spec.items.map((i) => i.key));
  for (const [key, id] of Object.entries(ids)) {
    if (wanted.has(key)) continue;
    const item = form.getItemById(id);
    if (item) form.deleteItem(item);
    delete ids[key];
    delete prints[key];
    changed = true;
  }
  for (const item of spec.items) {
    const print = itemPrint(item);
    const id = ids[item.key];
    if (id !== undefined && prints[item.key] === print) continue;
    const was = prints[item.key] ? (JSON.parse(prints[item.key]) as ItemSpec) : null;
    if (id === undefined || !updateItem(form, id, item, was)) {
      const stale = id === undefined ? null : form.getItemById(id);
      if (stale) form.deleteItem(stale);
      ids[item.key] = addItem(form, item).getId();
    }
    prints[item.key] = print;
    changed = true;
  }
  if (changed || !raw) {
    gasStore.set(itemsKey(spec.key), JSON.stringify(ids));
    gasStore.set(printsKey(spec.key), JSON.stringify(prints));
  }
  return changed;
}

/**
 * What Apps Script says for an id that names no file the user can open — FormApp: "No item with
 * the given ID could be found, or you do not have permission to access it."; DriveApp: "No item
 * with the given ID could be found. Possibly because you have not edited this item or you do not
 * have permission to access it." (texts reported from live runs on GitHub issue trackers). Any other
 * failure ("Service error: Forms", "We're sorry, a server error occurred…") is transient.
 */
export const NOT_FOUND = /No item with the given ID could be found/;

/** Opened forms of this execution (module state lives for one execution only). */
const opened = new Map<string, Form | null>();

/**
 * The campaign form, or null when it no longer exists (not found, or in the trash when
 * `checkTrash`). Any other error is thrown: the run fails and the next one retries, rather than
 * creating a second form while units' links still point at the first.
 */
function openForm(formKey: string, checkTrash = false): Form | null {
  const id = gasStore.get(formIdKey(formKey));
  if (!id) return null;
  if (!checkTrash && opened.has(formKey)) return opened.get(formKey) ?? null;
  let form: Form | null;
  try {
    form = FormApp.openById(id);
    // A trashed form still opens; Drive says whether it is in the trash.
    if (checkTrash && DriveApp.getFileById(id).isTrashed()) form = null;
  } catch (error) {
    if (!NOT_FOUND.test(String(error))) throw error;
    form = null;
  }
  opened.set(formKey, form);
  return form;
}

function itemIds(formKey: string): Record<string, number> {
  const raw = gasStore.get(itemsKey(formKey));
  return raw ? (JSON.parse(raw) as Record<string, number>) : {};
}

function addItem(form: Form, item: FormSpec['items'][number]): { getId(): number } {
  switch (item.kind) {
    case 'paragraph':
      return form
        .addParagraphTextItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required);
    case 'list':
      return form
        .addListItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setChoiceValues([...(item.choices ?? ['—'])]);
    case 'checkbox':
      return form
        .addCheckboxItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setChoiceValues([...(item.choices ?? [])]);
    case 'date':
      return form
        .addDateItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required);
    case 'scale':
      return form
        .addScaleItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required)
        .setBounds(item.min ?? 1, item.max ?? 5);
    default: {
      const text = form
        .addTextItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(item.required);
      const validation = textValidation(item);
      if (validation) text.setValidation(validation);
      return text;
    }
  }
}

export const gasForms: FormsPort = {
  ensureForm(spec: FormSpec, options: { create?: boolean } = {}) {
    const create = options.create !== false;
    const existing = openForm(spec.key, create);
    if (existing) {
      // Activate and Repair: a form found unpublished (someone unpublished it, or it predates
      // create(title, true)) takes no responses; publish it again.
      let repaired = false;
      if (create && existing.supportsAdvancedResponderPermissions() && !existing.isPublished()) {
        existing.setPublished(true);
        repaired = true;
      }
      if (create && existing.requiresLogin() !== spec.requireLogin) {
        existing.setRequireLogin(spec.requireLogin);
        repaired = true;
      }
      if (create && syncItems(existing, spec)) repaired = true;
      return { created: false, repaired, url: existing.getPublishedUrl() };
    }
    if (!create) return { created: false, missing: true, url: '' };
    // FormApp.openById answers "not found" also to someone the form is not shared with: a staff
    // member running Activate or Repair must not create a second form beside the creator's.
    const owner = gasStore.get(ownerKey(spec.key));
    const me = Session.getEffectiveUser().getEmail();
    if (owner && me && owner.toLowerCase() !== me.toLowerCase())
      return { created: false, missing: true, owner, url: '' };
    // Live: create(name) only names the Drive file (the title stays '', Google issue tracker
    // 442747794) and create(title) may leave the form unpublished, which accepts no responses
    // (https://developers.google.com/apps-script/reference/forms/form-app#create(String,Boolean)).
    const form = FormApp.create(spec.title, true);
    // A legacy form without publish states is always published; setPublished would throw there.
    if (form.supportsAdvancedResponderPermissions() && !form.isPublished()) form.setPublished(true);
    form
      .setTitle(spec.title)
      .setDescription(spec.description)
      .setConfirmationMessage(spec.confirmation)
      .setCollectEmail(true)
      .setAllowResponseEdits(true);
    // Who may answer (Settings responderAccess): only signed-in accounts of the owner's domain, or
    // anyone with the link (https://developers.google.com/apps-script/reference/forms/form#setRequireLogin(Boolean)).
    if (form.requiresLogin() !== spec.requireLogin) form.setRequireLogin(spec.requireLogin);
    form.setDestination(
      FormApp.DestinationType.SPREADSHEET,
      SpreadsheetApp.getActiveSpreadsheet().getId(),
    );
    const ids: Record<string, number> = {};
    for (const item of spec.items) ids[item.key] = addItem(form, item).getId();
    gasStore.set(formIdKey(spec.key), form.getId());
    gasStore.set(itemsKey(spec.key), JSON.stringify(ids));
    gasStore.set(
      printsKey(spec.key),
      JSON.stringify(Object.fromEntries(spec.items.map((i) => [i.key, itemPrint(i)]))),
    );
    gasStore.set(ownerKey(spec.key), me);
    opened.set(spec.key, form);
    return { created: true, url: form.getPublishedUrl() };
  },

  setChoices(formKey: string, itemKey: string, choices: readonly string[]): boolean {
    // Reading the current choices back costs one call per choice (thousands of units); the
    // list last written is remembered instead, so an unchanged roster costs no Forms call.
    const key = `form.${formKey}.${itemKey}.choices`;
    const wanted = choicesPrint(choices);
    if (gasStore.get(key) === wanted) return false;
    const form = openForm(formKey);
    const id = itemIds(formKey)[itemKey];
    if (!form || id === undefined) return false;
    const item = form.getItemById(id);
    if (!item) return false;
    // A dropdown needs at least one choice.
    item.asListItem().setChoiceValues(choices.length ? [...choices] : ['—']);
    gasStore.set(key, wanted);
    return true;
  },

  ensureSubmitTrigger(formKey: string, handler: string): boolean {
    const form = openForm(formKey);
    if (!form) return false;
    const mine = ScriptApp.getProjectTriggers().filter(
      (t) => t.getHandlerFunction() === handler && t.getTriggerSourceId() === form.getId(),
    );
    if (mine.length === 1) return false;
    // Same-handler triggers of this form are deleted first: a second would deliver twice.
    for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
    ScriptApp.newTrigger(handler).forForm(form).onFormSubmit().create();
    return true;
  },

  prefilledUrl(formKey: string, answers: Record<string, string>): string | null {
    const form = openForm(formKey);
    if (!form) return null;
    const ids = itemIds(formKey);
    let response = form.createResponse();
    for (const [key, value] of Object.entries(answers)) {
      const id = ids[key];
      const item = id === undefined ? null : form.getItemById(id);
      if (!item) continue;
      let itemResponse: GoogleAppsScript.Forms.ItemResponse;
      try {
        itemResponse =
          item.getType() === FormApp.ItemType.LIST
            ? item.asListItem().createResponse(value)
            : item.asTextItem().createResponse(value);
      } catch (error) {
        // ListItem.createResponse throws for a value that is not one of its choices
        // (https://developers.google.com/apps-script/reference/forms/list-item#createResponse(String)):
        // the link is left without that answer, and the caller, not finding it, links the plain form.
        console.log(
          JSON.stringify({
            event: 'prefillRefused',
            form: formKey,
            item: key,
            error: String(error),
          }),
        );
        continue;
      }
      response = response.withItemResponse(itemResponse);
    }
    return response.toPrefilledUrl();
  },

  responseStamps(formKey: string, since: number | null, limit: number) {
    const form = openForm(formKey);
    if (!form) return null;
    // "Gets an array of all of the form's responses after a given date and time"
    // (https://developers.google.com/apps-script/reference/forms/form#getResponses(Date)).
    const responses = since === null ? form.getResponses() : form.getResponses(new Date(since));
    if (responses.length > limit) return { tooMany: responses.length };
    const stamps: ResponseStamp[] = responses.map((r) => ({
      id: r.getId(),
      at: r.getTimestamp().getTime(),
    }));
    return { stamps };
  },

  response(formKey: string, responseId: string): RawSubmission | null {
    const form = openForm(formKey);
    if (!form) return null;
    return submissionOf(formKey, form.getResponse(responseId));
  },
};

/**
 * A response's answers by field key, as intake takes them (from a submit event, or read back by
 * the catch-up). Item ids were remembered when activate created the form, so renaming a question
 * never breaks intake.
 */
export function submissionOf(
  formKey: string,
  response: GoogleAppsScript.Forms.FormResponse,
): RawSubmission {
  const keys = fieldKeysByItemId(formKey);
  const answers: Record<string, unknown> = {};
  for (const itemResponse of response.getItemResponses()) {
    const key = keys.get(itemResponse.getItem().getId());
    if (key) answers[key] = itemResponse.getResponse();
  }
  return {
    formKey,
    responseId: response.getId(),
    respondentEmail: response.getRespondentEmail(),
    submittedAt: response.getTimestamp().getTime(),
    editUrl: response.getEditResponseUrl(),
    answers,
  };
}

/** The form key (application, plan, …) of a form id, from what activate remembered. */
export function formKeyOf(formId: string, keys: readonly string[]): string | null {
  return keys.find((key) => gasStore.get(formIdKey(key)) === formId) ?? null;
}

/** Item id → field key, for reading a response's answers by key. */
export function fieldKeysByItemId(formKey: string): Map<number, string> {
  return new Map(Object.entries(itemIds(formKey)).map(([key, id]) => [id, key]));
}

/** A short fingerprint of a choice list (property values are limited to 9 KB). */
function choicesPrint(choices: readonly string[]): string {
  const text = choices.join('\u0001');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++)
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${choices.length}:${hash.toString(16)}`;
}
