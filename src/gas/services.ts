import type {
  AppDeps,
  Clock,
  DailyTrigger,
  LockPort,
  LogPort,
  TriggersPort,
  UiPort,
} from '../ports';
import { gasDocs } from './docs';
import { gasForms } from './forms';
import { gasMail } from './mail';
import { gasHealthFacts } from './self-check';
import { gasSheets } from './sheets';
import { gasStore } from './services-store';
import { gasWeb } from './web';

/**
 * How long to wait for the script lock. A burst of submissions queues up to 30 executions
 * ("Simultaneous executions per user: 30",
 * https://developers.google.com/apps-script/guides/services/quotas), each holding the lock only
 * for its read-modify-write: minutes, not seconds, may pass before the last one gets it. But the
 * execution is killed at 6 minutes (same page), so the wait never runs past the point that leaves
 * AFTER_LOCK_MS for the locked work and the receipt. A submission that still gets no lock is
 * taken in later by the catch-up from the form's responses (src/app/catch-up.ts).
 */
const LOCK_WAIT_MS = 4 * 60 * 1000;
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
const AFTER_LOCK_MS = 60 * 1000;
/** Apps Script loads the bundle anew for every execution: this is when this one started. */
const EXECUTION_STARTED_AT = new Date().getTime();

function lockWaitMs(): number {
  const left = EXECUTION_LIMIT_MS - AFTER_LOCK_MS - (new Date().getTime() - EXECUTION_STARTED_AT);
  return Math.max(0, Math.min(LOCK_WAIT_MS, left));
}

/**
 * "LockService locks don't persist across the suspension" of a dialog
 * (https://developers.google.com/apps-script/reference/base/ui#alert(String)). Inside
 * withScriptLock the writes so far are flushed before the dialog, and the script lock is taken
 * again after it, so the rest of the locked section still runs under the lock.
 */
function aroundDialog<T>(show: () => T): T {
  if (lockDepth === 0) return show();
  SpreadsheetApp.flush();
  const result = show();
  LockService.getScriptLock().waitLock(lockWaitMs());
  return result;
}

export const gasUi: UiPort = {
  alert(title: string, message: string): void {
    let ui: GoogleAppsScript.Base.Ui;
    try {
      ui = SpreadsheetApp.getUi();
    } catch (error) {
      // Time-driven and form runs have nobody to show a dialog to ("Cannot call
      // SpreadsheetApp.getUi() from this context"); the Health sheet and the logs carry it.
      if (/getUi\(\) from this context/.test(String(error))) return;
      throw error;
    }
    const dialog = ui;
    aroundDialog(() => dialog.alert(title, message, dialog.ButtonSet.OK));
  },
  prompt(title: string, message: string): string | null {
    let ui: GoogleAppsScript.Base.Ui;
    try {
      ui = SpreadsheetApp.getUi();
    } catch (error) {
      if (/getUi\(\) from this context/.test(String(error))) return null;
      throw error;
    }
    const dialog = ui;
    const response = aroundDialog(() => dialog.prompt(title, message, dialog.ButtonSet.OK_CANCEL));
    return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
  },
  activeUser(): string {
    return Session.getActiveUser().getEmail();
  },
  effectiveUser(): string {
    // https://developers.google.com/apps-script/reference/base/session#getEffectiveUser():
    // "the user under whose authority the script is running" — the clicker, for a menu item.
    return Session.getEffectiveUser().getEmail();
  },
  toast(message: string, title: string): void {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, title, 10);
  },
};

export const gasTriggers: TriggersPort = {
  owner(): string {
    // Installable triggers run as, and are listed only to, the account that created them.
    return Session.getEffectiveUser().getEmail();
  },
  timeTriggers(handler: string): DailyTrigger[] {
    return ScriptApp.getProjectTriggers()
      .filter(
        (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK,
      )
      .map((t) => {
        const hour = gasStore.get(`trigger.${t.getUniqueId()}.hour`);
        return { id: t.getUniqueId(), hour: hour === null ? null : Number(hour) };
      });
  },
  ensureEditTrigger(handler: string): boolean {
    const id = SpreadsheetApp.getActiveSpreadsheet().getId();
    const mine = ScriptApp.getProjectTriggers().filter(
      (t) =>
        t.getHandlerFunction() === handler &&
        t.getEventType() === ScriptApp.EventType.ON_EDIT &&
        t.getTriggerSourceId() === id,
    );
    if (mine.length === 1) return false;
    for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
    ScriptApp.newTrigger(handler)
      .forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet())
      .onEdit()
      .create();
    return true;
  },
  createAfter(handler: string, ms: number): void {
    ScriptApp.newTrigger(handler).timeBased().after(ms).create();
  },
  remove(id: string): void {
    for (const trigger of ScriptApp.getProjectTriggers()) {
      if (trigger.getUniqueId() === id) ScriptApp.deleteTrigger(trigger);
    }
  },
  createDaily(handler: string, hour: number, timeZone: string): void {
    const trigger = ScriptApp.newTrigger(handler)
      .timeBased()
      .everyDays(1)
      .atHour(hour)
      .inTimezone(timeZone)
      .create();
    // Apps Script cannot tell a trigger's hour back; remember it to detect a changed setting.
    gasStore.set(`trigger.${trigger.getUniqueId()}.hour`, String(hour));
  },
};

/** Nesting depth of withScriptLock in this execution: only the outermost call takes the lock. */
let lockDepth = 0;

export const gasLock: LockPort = {
  withScriptLock<T>(fn: () => T): T {
    // Re-entrant: releaseLock() frees the lock whatever the nesting, so an inner section must not
    // release what an outer one still relies on.
    if (lockDepth > 0) {
      lockDepth += 1;
      try {
        return fn();
      } finally {
        lockDepth -= 1;
      }
    }
    const lock = LockService.getScriptLock();
    lock.waitLock(lockWaitMs());
    lockDepth = 1;
    try {
      const result = fn();
      SpreadsheetApp.flush();
      return result;
    } finally {
      lockDepth = 0;
      lock.releaseLock();
    }
  },
};

export const gasClock: Clock = {
  now: () => new Date().getTime(),
  scriptTimeZone: () => Session.getScriptTimeZone(),
};

export const gasLog: LogPort = {
  record(entry) {
    // Structured records go to Cloud Logging (and to the rehearsal's run-log.jsonl).
    console.log(JSON.stringify(entry));
  },
};

export function gasDeps(): AppDeps {
  return {
    sheets: gasSheets,
    forms: gasForms,
    mail: gasMail,
    ui: gasUi,
    triggers: gasTriggers,
    store: gasStore,
    lock: gasLock,
    clock: gasClock,
    log: gasLog,
    docs: gasDocs,
    health: gasHealthFacts,
    web: gasWeb,
  };
}
