import type { Messages } from './zh-CN';

export const en: Messages = {
  menu: {
    rotatePageSecret: 'Replace the personal link key',
    title: 'Secretary Project',
    setup: 'Set up sheets',
    activate: 'Validate and activate',
    checkConfig: 'Validate configuration only',
    checkQuotas: 'Check quotas now',
    markVerified: 'Confirm a submitter',
    repairTriggers: 'Repair triggers',
    previewReminders: 'Preview reminders (nothing is sent)',
    health: 'Show health',
  },
  sheets: {
    settings: 'Settings',
    units: 'Units',
    stages: 'Stages',
    health: 'Health',
  },
  columns: {
    settingKey: 'Key',
    settingLabel: 'Name',
    settingValue: 'Value',
    settingNote: 'Note',
    healthLevel: 'Level',
    healthSheet: 'Sheet',
    healthRow: 'Row',
    healthColumn: 'Column',
    healthProblem: 'Problem',
    healthCheckedAt: 'Checked at',
  },
  levels: { error: 'Error', warning: 'Warning', ok: 'OK' },
  setup: {
    done: (created: number) =>
      created > 0
        ? `Created ${created} sheets. Fill in Settings, Units and Stages, then choose Secretary Project → Validate and activate.`
        : 'All sheets already exist; nothing was changed.',
    title: 'Setup complete',
  },
  activate: {
    invalidTitle: 'Configuration has errors; the campaign was not activated',
    invalid: (count: number, shown: string, more: number) =>
      `${count} problem(s) found; see the Health sheet:\n${shown}${more > 0 ? `\n… and ${more} more` : ''}`,
    okTitle: 'Campaign activated',
    ok: (campaign: string, stages: number, units: number, hour: number, timeZone: string) =>
      `"${campaign}" is active: ${stages} stages, ${units} participating units. Daily check and reminders at ${hour}:00 (${timeZone}).`,
    unchanged: (campaign: string) =>
      `"${campaign}" is already active with this configuration; nothing was changed.`,
    healthOk: 'Configuration is valid; the campaign is active.',
    configOk: 'Configuration is valid.',
  },
  health: {
    triggerMissing: 'The daily trigger was missing and has been reinstalled.',
    triggerDuplicated: (count: number) =>
      `${count} duplicate daily triggers were found and merged into one.`,
    mailFailed: (what: string, unit: string, to: string, reason: string) =>
      `${what} could not be sent and will not be retried automatically: ${unit} | to ${to} | reason: ${reason}. Check the address in Units (or the email's content); once corrected, later emails go to the new address (this one is not resent).`,
    mailWhat: {
      receipt: 'Receipt',
      rejection: 'Rejection notice',
      reminder: 'Reminder',
      digest: 'Staff digest',
      report: 'Report link',
    } as Record<string, string>,
  },
  mail: {
    greeting: 'Hello,',
    receiptSubject: (
      campaign: string,
      form: string,
      project: string,
      projectId: string,
      updated: boolean,
    ) => `[${campaign}] ${form} ${updated ? 'updated' : 'received'}: ${project} (${projectId})`,
    receiptLead: (unit: string, form: string, projectId: string, updated: boolean) =>
      `The ${form} from ${unit} has been ${updated ? 'updated' : 'received'}. Project ID: ${projectId}.`,
    unverified: (email: string, unit: string) =>
      `Note: ${email} is not on the roster of "${unit}". The record is kept and will be checked by staff.`,
    late: (deadline: string) =>
      `This submission came after the deadline (${deadline}) and is recorded as late.`,
    recorded: 'Recorded:',
    editHint: 'To change anything, edit your response here (no need to fill it in again):',
    rejectionSubject: (campaign: string, form: string) => `[${campaign}] ${form} needs corrections`,
    rejectionLead: (form: string, at: string) =>
      `Your ${form} submitted at ${at} could not be accepted. Please correct:`,
    fixHint: 'Edit your response here:',
    signature: (sender: string) => `${sender}`,
    automatic: '(This message was sent automatically.)',
  },
  reminders: {
    subjectOne: (campaign: string, form: string, when: string) => `[${campaign}] ${form}: ${when}`,
    subjectMany: (campaign: string, count: number, overdue: boolean) =>
      `[${campaign}] ${overdue ? 'Overdue' : 'Reminder'}: ${count} submissions due`,
    daysLeft: (days: number) => (days === 0 ? 'due today' : `due in ${days} days`),
    overdueBy: (days: number) => `${days} days overdue`,
    lead: (unit: string) => `${unit}: the following are still due.`,
    leadOverdue: (unit: string) =>
      `${unit}: the following are past their deadline; please submit them now.`,
    item: (form: string, project: string | null, deadline: string, when: string) =>
      `${form}${project ? ` (project: ${project})` : ''}, deadline ${deadline} (${when})`,
    linkHint: 'Form link (your unit is filled in):',
    ignoreHint: 'If you have already submitted, please ignore this; you will get a receipt.',
    staffSubject: (campaign: string, department: string, day: string) =>
      `[${campaign}] ${department} digest (${day})`,
    staffLead: (department: string, day: string) => `${department}: the campaign as of ${day}.`,
    dueSoon: (stage: string, deadline: string, days: number) =>
      `${stage} closes on ${deadline} (in ${days} days); units that have not submitted were reminded today.`,
    unchangedSince: (since: string, weeks: number, days: number) =>
      `Nothing below has changed since ${since}${weeks > 0 ? ` (${weeks} week${weeks === 1 ? '' : 's'})` : ''}; without news, this digest comes every ${days} days.`,
    missing: (stage: string, deadline: string) =>
      `${stage} not yet submitted (deadline ${deadline}):`,
    overdue: (stage: string, deadline: string) => `${stage} overdue (deadline ${deadline}):`,
    unverified: 'Submissions from addresses not on the roster, to be confirmed:',
    pendingReview: 'Projects pending review:',
    quota: 'Quota checks:',
    deferred: (count: number) =>
      `${count} reminders were deferred to the next run by the daily mail quota.`,
    owedLeft: (count: number) =>
      `${count} receipts or rejection notices are still waiting for mail quota; later daily runs send them first.`,
    failedMail:
      'These emails could not be sent (not retried automatically; check the address or content):',
    failedMailLine: (unit: string, to: string, reason: string) => `${unit} | ${to} | ${reason}`,
    andMore: (count: number) => `… ${count} in all`,
    staffReminderSubject: (campaign: string, stage: string, days: number) =>
      `[${campaign}] ${stage} ends in ${days} days: projects pending review`,
    staffReminderLead: (department: string, stage: string, deadline: string) =>
      `${department}: ${stage} ends on ${deadline}; these projects of your units are still pending review:`,
    previewTitle: (day: string) => `Reminders for ${day} (preview, nothing sent)`,
    previewNone: 'Nothing would be sent on that day.',
    previewPrompt: 'Preview which day? Enter YYYY-MM-DD, or leave empty for today:',
  },
  review: {
    protectReview: 'Review columns (reviewers only)',
    protectScript: 'Script columns (written by the script)',
    scriptColumnEdited: (editor: string, at: string) =>
      `${at} ${editor || '(identity unknown)'} edited a script column by hand; recorded in the Audit log. The unit's next edit of its response rewrites this column from the response`,
    oldValueUnknown: '(pasted block: previous value unknown)',
    verifyTitle: 'Confirm a submitter',
    verifyPrompt: 'Project ID whose submitter you have confirmed (e.g. SJXM-2014-004):',
    quotaTitle: 'Quota checks',
    refusedTitle: 'Edit not applied',
    refusedNote: (editor: string, at: string, reason: string) =>
      `${at} ${editor}: edit reverted — ${reason}`,
    allQuotasMet: 'All quota checks are met',
    decisionSubject: (campaign: string) => `[${campaign}] Review decisions`,
    decisionLead: (unit: string) => `${unit}: the review decisions on your projects.`,
    decisionLine: (
      project: string,
      projectId: string,
      status: string,
      comment: string,
      funding: string,
    ) =>
      `${project} (${projectId}): ${status}${funding ? `, funding ${funding}` : ''}${comment ? `. Comment: ${comment}` : ''}`,
    verifiedDone: (projectId: string) => `${projectId} is now marked as verified.`,
    verifyPickRow: 'Select the row of the project to verify in the Projects sheet first.',
    quotaChecked: (count: number) =>
      count === 0
        ? 'All quota checks are met.'
        : `${count} quota problems; see the Quota checks sheet.`,
    triggersRepaired: 'The daily, form-submit and edit triggers were checked and repaired.',
    mailQuotaLow: (remaining: number, reserve: number) =>
      `mail quota left today ${remaining}, below the reserve of ${reserve}`,
    lastRunLong: (seconds: number) =>
      `the last daily run took ${seconds} s, close to the 6-minute limit`,
    appsScript: 'Apps Script quotas',
  },
  quotaRules: {
    minProjectsPerUnit: 'Min. projects per unit',
    keyProjectQuota: 'Key project quota',
    rectificationRequired: 'Rectification action required',
    planForKeyProjects: 'Plan for every key project',
    ledgerCadenceDays: 'Ledger cadence of key projects',
    selfAssessmentForAll: 'Self-assessment for every project',
  } as Record<string, string>,
  intake: {
    verified: 'verified',
    unverified: 'unverified',
    late: 'late',
    onTime: '',
    pendingReview: '待审核',
    rejectionOpen: 'open',
    rejectionFixed: 'corrected',
    truncated: (total: number) => `… (${total} characters in all; see the form responses sheet)`,
    configBroken: 'The campaign configuration is invalid; the response is kept until it is fixed',
  },
  problems: {
    keyQuotaFull: (quota: number) =>
      `all ${quota} key project places are taken; file another project first`,
    fundingOnlyForKey: () => 'funding goes to key projects only; set the status to 重点项目 first',
    scriptOnly: () => 'this column is filled in by the script',
    badNumber: (value: string, min: number, max: number) =>
      `"${value}" must be a number from ${min} to ${max}`,
    badRating: (value: string, min: number, max: number) =>
      `"${value}" must be a whole score from ${min} to ${max}`,
    badPhone: (value: string) => `"${value}" is not a valid phone number`,
    badUrl: (value: string) => `"${value}" is not a valid link (http:// or https://)`,
    dueAfterImplement: (day: string, deadline: string) =>
      `the completion date (${day}) is after the implementation deadline (${deadline})`,
    futureDate: (day: string) => `the activity date (${day}) is after the day of reporting`,
    unknownUnit: (value: string) => `"${value}" is not a unit of this campaign`,
    unitInactive: (name: string) => `"${name}" does not take part in this campaign`,
    duplicateProjectName: (name: string, projectId: string) =>
      `your unit already has a project named "${name}" (${projectId}); choose another name`,
    unitChangeRefused: (projectId: string, from: string, to: string) =>
      `Project ${projectId} is registered to "${from}"; editing the response cannot move it to "${to}". The registration is unchanged; if the unit was chosen by mistake, please contact the campaign staff`,
    projectChangeRefused: (projectId: string, unit: string) =>
      `This response belongs to project ${projectId} of "${unit}"; an edit cannot move it to another unit's project. The record is unchanged; to report for another unit, submit a new response`,
    unknownProject: (ref: string) =>
      `no project "${ref}": give the project ID from your receipt, or its exact name`,
    ambiguousProject: (ref: string) => `"${ref}" matches several projects; give the project ID`,
    required: () => 'required, must not be empty',
    notText: () => 'must be text',
    tooLong: (max: number) => `must be at most ${max} characters`,
    unknownSetting: (key: string) => `unknown setting "${key}"`,
    duplicateSetting: (key: string) => `setting "${key}" appears more than once`,
    badTimeZone: (value: string) => `"${value}" is not a valid time zone (e.g. Asia/Shanghai)`,
    badLocale: (value: string) => `"${value}" is not a supported language: zh-CN or en`,
    badInteger: (value: string, min: number, max: number) =>
      `"${value}" must be a whole number from ${min} to ${max}`,
    badEmail: (value: string) => `"${value}" is not a valid email address`,
    badEmailList: (value: string) =>
      `"${value}" contains an invalid email address (separate several with ;)`,
    notPlainEmail: (value: string) =>
      `"${value}" is not a plain email address: write it as name@example.com, without a name, angle brackets, mailto: or spaces (separate several with ;)`,
    tooManyEmails: (count: number, max: number) =>
      `${count} email addresses given, at most ${max} per unit: each address counts against the daily recipient quota, and MailApp takes at most 50 recipients per message`,
    badDate: (value: string) => `"${value}" is not a valid date (YYYY-MM-DD)`,
    badBoolean: (value: string) => `"${value}" must be TRUE or FALSE`,
    badChoice: (value: string, choices: string) => `"${value}" is not one of: ${choices}`,
    badDayList: (value: string) =>
      `"${value}" must be non-negative whole numbers separated by commas, e.g. 7,3,1`,
    duplicate: (value: string, firstRow: number) => `"${value}" duplicates row ${firstRow}`,
    deadlineBeforeOpening: (deadline: string, opensOn: string) =>
      `the deadline (${deadline}) is before the opening date (${opensOn})`,
    unknownForm: (value: string, forms: string) => `unknown form "${value}"; one of: ${forms}`,
    formNeedsUnitAudience: () => 'a staff stage cannot have a form',
    missingColumn: (label: string) => `column "${label}" is missing`,
    missingSheet: () => 'the sheet does not exist; run "Set up sheets" first',
    noUnits: () => 'there are no participating units',
    noStages: () => 'there are no stages',
    missingStaffEmail: (department: string) =>
      `units belong to "${department}" but staffEmails.${department} is not set`,
  },
  reports: {
    menu: {
      stageReport: 'Generate stage report',
      dossiers: 'Generate project dossiers',
      finalReport: 'Generate final report',
    },
    folderName: (campaign: string) => `${campaign} · reports`,
    stageReportName: (campaign: string, stage: string, day: string) =>
      `${campaign}: ${stage} summary report (${day})`,
    finalReportName: (campaign: string, day: string) =>
      `${campaign}: final acceptance report (${day})`,
    dossierName: (projectId: string, project: string) => `Dossier ${projectId} ${project}`,
    audiences: {
      allUnits: 'all units',
      unitsWithProjects: 'units with projects',
      keyProjects: 'key projects',
      allProjects: 'all projects',
      staff: 'staff review',
    } as Record<string, string>,
    states: { upcoming: 'not started', open: 'open', closed: 'closed' } as Record<string, string>,
    progress: (
      subject: 'units' | 'projects' | 'reviews' | 'none',
      expected: number,
      met: number,
      late: number,
      missing: number,
      rate: string,
    ) =>
      subject === 'none'
        ? 'nothing is due in this stage.'
        : subject === 'reviews'
          ? `${expected} projects to review: ${met} reviewed, ${missing} pending, rate ${rate}.`
          : `${expected} ${subject} expected: ${met} submitted (${late} late), ${missing} missing, rate ${rate}.`,
    violationSummary: (count: number) =>
      count > 0 ? `${count} problems found (below).` : 'No problems found.',
    rules: {
      minProjectsPerUnit: 'Projects per unit',
      keyProjectQuota: 'Key project quota',
      rectificationRequired: 'Rectification measure',
      planForKeyProjects: 'Plan for key projects',
      ledgerCadenceDays: 'Ledger cadence',
      selfAssessmentForAll: 'Self-assessment',
    } as Record<string, string>,
    details: {
      minProjectsPerUnit: (count: number, limit: number, since: string) =>
        `${count} projects, fewer than ${limit} (since ${since})`,
      keyProjectQuota: (count: number, limit: number) =>
        `${count} key projects, over the quota of ${limit}`,
      rectificationRequired: () => 'no rectification measure',
      planForKeyProjects: (since: string) => `no plan after the deadline (since ${since})`,
      ledgerCadenceDays: (days: number, limit: number) =>
        `no ledger entry for ${days} days (at most ${limit})`,
      selfAssessmentForAll: (since: string) => `no self-assessment (since ${since})`,
    },
    allUnits: 'all',
    none: '(none)',
    blank: '—',
    notSubmitted: '(not submitted)',
    mailSubject: (campaign: string, name: string) => `[${campaign}] ${name}`,
    mailLead: (name: string) => `${name} is ready (the PDF is attached):`,
    doneTitle: 'Report ready',
    done: (name: string, url: string) => `"${name}" was created and sent to staff:\n${url}`,
    dossiersDone: (made: number, total: number, url: string) =>
      `${made} dossiers created (${total} projects), in the report folder:\n${url}`,
    dossiersPartial: (made: number, left: number) =>
      `${made} dossiers created; ${left} left for lack of run time — click the menu again to continue.`,
    failedTitle: 'Report not created',
    configInvalid:
      'The configuration has problems: run "Validate and activate" and fix them first.',
    unknownPlaceholder: (template: string, token: string) =>
      `"${template}" contains an unknown placeholder "${token}"; no report was created. Fix or remove it in the template document.`,
    repeatRowMissing: (template: string, token: string) =>
      `In "${template}", the placeholder "${token}" must be in a table's repeat row (a row whose cells use one list's placeholders); no report was created.`,
    mixedRow: (template: string, lists: string) =>
      `In "${template}", a table row mixes placeholders of several lists (${lists}); no report was created.`,
    missingTemplate: (template: string) =>
      `The report template "${template}" was missing; the default was created again.`,
  },
  webPage: {
    unitTitle: (campaign: string, unit: string) => `${unit} | ${campaign}`,
    staffTitle: (campaign: string, department: string) => `${department}: units | ${campaign}`,
    asOf: (day: string) => `As of ${day}`,
    obligations: 'What is owed',
    projects: 'Projects',
    decisions: 'Review decisions',
    mails: 'Emails sent',
    none: 'None yet',
    deadline: (day: string) => `Due ${day}`,
    opensOn: (day: string) => `Opens ${day}`,
    states: {
      met: 'Submitted',
      metLate: 'Submitted late',
      due: 'Due',
      upcoming: 'Not open yet',
      overdue: 'Overdue',
      rejected: 'Rejected',
    } as Record<string, string>,
    stateDetail: {
      met: (day: string) => `Submitted ${day}`,
      metLate: (day: string) => `Submitted ${day}, after the deadline`,
      due: (days: number) => (days === 0 ? 'Due today' : `Due in ${days} days`),
      upcoming: (days: number) => `Due in ${days} days`,
      overdue: (days: number) => `Overdue by ${days} days`,
      rejected: (day: string) => `The submission of ${day} was rejected:`,
    },
    fill: 'Fill in the form',
    fix: 'Correct the rejected submission',
    edit: 'View or edit your submission',
    status: 'Review status',
    score: 'Score',
    comment: 'Comment',
    funding: 'Funding granted',
    acceptance: 'Acceptance',
    decision: (field: string, from: string, to: string) => `${field}: ${from || '(empty)'} → ${to}`,
    mailLine: (kind: string, state: string) => `${kind} | ${state}`,
    filter: 'Filter by unit name or id',
    allStates: 'All states',
    unitsCount: (n: number) => `${n} units`,
    refusedTitle: 'This page cannot be opened',
    refused:
      'This link is not valid or has expired. Use the link in your latest reminder or receipt email; if that fails, contact the staff.',
    notDeployed: 'The web app is not deployed yet: deploy it in Apps Script first.',
    secretRotated:
      'The personal link key was replaced: every personal link sent before no longer works; the next reminders and receipts carry new links.',
    secretRotatedTitle: 'Link key replaced',
    linkHint: "Your unit's progress, what is still owed and the review results, at any time:",
  },
  departments: { org: 'Organisation Department', enterprise: 'Enterprise Work Department' },
  sheetRow: (sheet: string, row: number | null, column: string | null) =>
    `${sheet}${row !== null ? ` row ${row}` : ''}${column ? ` column "${column}"` : ''}`,
};
