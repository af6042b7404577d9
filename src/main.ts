/**
 * Apps Script entry points, and nothing else: every function exported here becomes a top-level
 * function of dist/Code.js (scripts/build.mjs generates them). Logic lives in src/app/.
 */
import { activate as activateCampaign } from './app/activate';
import { configuredLocale } from './app/config-sheets';
import { dailyTick, previewReminders as previewDailyReminders } from './app/daily-tick';
import { intake } from './app/intake';
import {
  checkQuotasNow,
  markVerified as markSubmissionVerified,
  repairTriggers as repairAllTriggers,
  reviewEdit,
} from './app/review';
import { campaignMenu } from './app/menu';
import { confirmMyReviews } from './app/review-confirm';
import {
  generateDossiers as makeDossiers,
  generateCampaignReport as makeCampaignReport,
  generateFinalReport as makeFinalReport,
  generateStageReport as makeStageReport,
} from './app/reports';
import { selfCheck as runSelfCheck } from './app/self-check';
import { setup as setupSheets } from './app/setup';
import { rotatePageSecret as rotateSecret, servePage } from './app/unit-page';
import { gasDeps } from './gas/services';
import { gasSheets } from './gas/sheets';
import { editedRangeOf } from './gas/edit-event';
import { submissionFromEvent } from './gas/submission';
import { addMenu } from './gas/ui';
import { renderPage } from './gas/web';

/** Simple trigger: the campaign menu. */
export function onOpen(): void {
  addMenu(campaignMenu(configuredLocale(gasSheets)));
}

/** Menu: create the configuration sheets. */
export function setup(): void {
  setupSheets(gasDeps());
}

/** Menu: validate the configuration and activate the campaign. */
export function activate(): void {
  activateCampaign(gasDeps());
}

/** Menu: validate the configuration only. */
export function checkConfig(): void {
  activateCampaign(gasDeps(), { checkOnly: true });
}

/** Time-driven trigger, once a day at the reminder hour. */
export function onDailyTick(): void {
  dailyTick(gasDeps());
}

/** One-off trigger: finishes a daily run that stopped for its time budget. */
export function onDailyTickContinue(e?: GoogleAppsScript.Events.TimeDriven): void {
  dailyTick(gasDeps(), { continuation: true, triggerUid: e?.triggerUid });
}

/** Menu: what the daily run would send on a day, without sending anything. */
export function previewReminders(): void {
  previewDailyReminders(gasDeps());
}

/** Installable form-submit trigger of each campaign form (also fires for edited responses). */
export function onFormSubmit(e: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  intake(gasDeps(), submissionFromEvent(e), e.source.getId());
}

/** Menu: the summary report of the current (or last ended) stage, as a Google Doc. */
export function generateStageReport(): void {
  makeStageReport(gasDeps());
}

/** Menu: one dossier Doc per project (resumes where a long batch stopped). */
export function generateDossiers(): void {
  makeDossiers(gasDeps());
}

/** Menu: the final acceptance report. */
export function generateFinalReport(): void {
  makeFinalReport(gasDeps());
}

/** Menu: the campaign report, section by section as the campaign's template lists them. */
export function generateCampaignReport(): void {
  makeCampaignReport(gasDeps());
}

/** Installable edit trigger: every review edit in the Projects sheet is checked against the rules. */
export function onReviewEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  reviewEdit(gasDeps(), editedRangeOf(e));
}

/** Menu: run every quota check now and rewrite the quota view. */
export function checkQuotas(): void {
  checkQuotasNow(gasDeps());
}

/** Menu: reinstall missing or duplicated triggers (daily run, form submits, review edits). */
export function repairTriggers(): void {
  repairAllTriggers(gasDeps());
}

/** Menu: sign the review decisions the edit trigger could not attribute (no e.user). */
export function confirmReviews(): void {
  confirmMyReviews(gasDeps());
}

/** Menu: confirm the submitter of an unverified project. */
export function markVerified(): void {
  markSubmissionVerified(gasDeps());
}

/**
 * Menu (运行自检), or run from the Apps Script editor after `npm run deploy`: checks the live
 * installation and changes nothing but the Health sheet.
 */
export function selfCheck(): void {
  runSelfCheck(gasDeps());
}

/**
 * Web app (deployed "execute as me"): a unit's status page, or the staff view. `e.parameter`
 * holds a personal link's fields (https://developers.google.com/apps-script/guides/web).
 */
export function doGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return renderPage(servePage(gasDeps(), (e?.parameter ?? {}) as Record<string, string>));
}

/** Menu: a new key for personal links (every link sent before stops working). */
export function rotatePageSecret(): void {
  rotateSecret(gasDeps());
}
