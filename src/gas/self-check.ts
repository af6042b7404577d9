/**
 * The self-check's reads of the live installation (HealthFactsPort). Read-only by design: the
 * self-check must never change what it inspects.
 */
import manifest from '../../appsscript.json';
import type { FormFacts, HealthFactsPort, Reach, TriggerFact } from '../ports';
import { gasStore } from './services-store';

/** The property activate keeps each form's id in (the contract of src/gas/forms.ts). */
const formIdKey = (formKey: string) => `form.${formKey}.id`;

const message = (error: unknown) => String((error as Error)?.message ?? error);

/** Drive's text for an id that does not exist or that this account cannot open. */
const NOT_FOUND = /No item with the given ID could be found|not found|do not have permission/i;

function openFacts(form: GoogleAppsScript.Forms.Form): FormFacts {
  let destinationId: string | null;
  try {
    destinationId = form.getDestinationId();
  } catch {
    // "This form does not currently have a response destination."
    destinationId = null;
  }
  return {
    state: 'open',
    id: form.getId(),
    title: form.getTitle(),
    // A legacy form without publish states is always published (Form.setPublished reference).
    published: form.supportsAdvancedResponderPermissions() ? form.isPublished() : true,
    destinationId,
    acceptingResponses: form.isAcceptingResponses(),
    collectsEmail: form.collectsEmail(),
    // One getId per response: the one read that grows with the form (the brief allows it once).
    responseIds: form.getResponses().map((r) => r.getId()),
  };
}

export const gasHealthFacts: HealthFactsPort = {
  spreadsheetId(): string {
    return SpreadsheetApp.getActiveSpreadsheet().getId();
  },
  scriptTimeZone(): string {
    return Session.getScriptTimeZone();
  },
  authorization() {
    const required = [...manifest.oauthScopes];
    let info: GoogleAppsScript.Script.AuthorizationInfo;
    try {
      // Granular consent lets a user untick scopes; the list form tells which of ours are granted.
      info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, required);
    } catch {
      return null;
    }
    if (typeof info.getAuthorizedScopes !== 'function') return null;
    const needsAuthorization =
      info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
    return {
      required,
      authorized: info.getAuthorizedScopes(),
      needsAuthorization,
      url: needsAuthorization ? info.getAuthorizationUrl() : null,
    };
  },
  triggers(): TriggerFact[] {
    return ScriptApp.getProjectTriggers().map((t) => {
      const event = String(t.getEventType());
      return {
        id: t.getUniqueId(),
        handler: t.getHandlerFunction(),
        event,
        sourceId: event === 'CLOCK' ? null : t.getTriggerSourceId(),
      };
    });
  },
  form(formKey: string): FormFacts {
    const id = gasStore.get(formIdKey(formKey));
    if (!id) return { state: 'notCreated' };
    let form: GoogleAppsScript.Forms.Form;
    try {
      form = FormApp.openById(id);
    } catch (error) {
      return { state: 'unreachable', message: message(error) };
    }
    return openFacts(form);
  },
  reach(kind: 'folder' | 'document', id: string): Reach {
    try {
      const item = kind === 'folder' ? DriveApp.getFolderById(id) : DriveApp.getFileById(id);
      return item.isTrashed() ? { ok: false, reason: 'trashed', message: '' } : { ok: true };
    } catch (error) {
      const text = message(error);
      return { ok: false, reason: NOT_FOUND.test(text) ? 'missing' : 'error', message: text };
    }
  },
};
