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
    confirmReviews: 'Sign my review decisions',
    repairTriggers: 'Repair triggers',
    previewReminders: 'Preview reminders (nothing is sent)',
    health: 'Show health',
    selfCheck: 'Run self-check',
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
  levels: { error: 'Error', warning: 'Warning', ok: 'OK', skipped: 'Not checked' },
  setup: {
    required: 'Required',
    done: (created: number) =>
      created > 0
        ? `Created ${created} sheets. Fill in Settings, Units and Stages (Form design adds or removes form fields; Quota rules adjusts the quota rules), then choose Secretary Project → Validate and activate.`
        : 'All sheets already exist; nothing was changed.',
    rewritten: (template: string, sheets: string) =>
      `Rewritten from the campaign template "${template}": ${sheets}. Check them, then choose Validate and activate.`,
    templateLocked: (template: string, active: string) =>
      `The campaign runs on template "${active}" and cannot switch to "${template}": its forms and records belong to the first. Start a new spreadsheet for a new campaign.`,
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
    scriptTimeZone: (scriptZone: string, campaignZone: string) =>
      `The script project's time zone (appsscript.json) is ${scriptZone}, the campaign's ${campaignZone}: reminders, deadlines and reports follow the campaign's zone and are not affected; change the project settings to align them.`,
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
    formNotShared: (form: string, owner: string) =>
      `The form "${form}" was created by ${owner} and your account cannot open it; it is left unchanged. To check or re-create it, run the menu's "Repair triggers" as ${owner}.`,
    formMissing: (form: string) =>
      `The form "${form}" was deleted or moved to the trash; the daily run never creates forms: use the menu's "Repair triggers" or "Validate and activate" to create it again, then send the new link to the units.`,
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
    entryReceiptSubject: (campaign: string, form: string, about: string, updated: boolean) =>
      `[${campaign}] ${form} ${updated ? 'updated' : 'received'}: ${about}`,
    entryReceiptLead: (unit: string, form: string, about: string, updated: boolean) =>
      `The ${form} from ${unit}${about ? ` (${about})` : ''} has been ${updated ? 'updated' : 'received'}.`,
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
  periods: {
    year: (year: number) => String(year),
    quarter: (year: number, quarter: number) => `Q${quarter} ${year}`,
    month: (year: number, month: number) =>
      `${'January February March April May June July August September October November December'.split(' ')[month - 1]} ${year}`,
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
    periodItem: (stage: string, project: string | null, deadline: string, when: string) =>
      `${stage}${project ? ` (${project})` : ''}, deadline ${deadline} (${when})`,
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
    passed: 'Passed',
    failed: 'Failed',
    ruleMet: 'met by every unit and project',
    mailQuotaOk: (remaining: number, reserve: number) =>
      `mail quota left today ${remaining}, not below the reserve of ${reserve}`,
    lastRunOk: (seconds: number) => `the last daily run took ${seconds} s, under 4 minutes`,
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
    unknownReviewer: '(identity unknown: the edit trigger gave no editor; awaiting confirmation)',
    unknownReviewerToast:
      'Google did not tell the script who you are (consumer or external account). Your decision is recorded; use the menu "Sign my review decisions" to sign it.',
    confirmTitle: 'Sign my review decisions',
    confirmNone: 'No review decision is awaiting a signature.',
    confirmNoIdentity:
      "Your account cannot be determined, so nothing can be signed. Use an account of the spreadsheet owner's domain or ask an administrator.",
    confirmPrompt: (me: string, lines: string, count: number, more: number) =>
      `${count} review decisions have no recorded editor:\n${lines}${more > 0 ? `\n… and ${more} more` : ''}\n\nEnter the project IDs of the decisions you (${me}) made, separated by commas, or "all" for every one above:`,
    confirmLine: (at: string, projectId: string, field: string, value: string) =>
      `${at}  ${projectId}  ${field} → ${value}`,
    confirmDone: (count: number, me: string) =>
      `${count} review decisions signed as ${me} in the audit log.`,
    confirmAll: 'all',
  },
  quotaRules: {
    minProjectsPerUnit: 'Min. projects per unit',
    keyProjectQuota: 'Key project quota',
    rectificationRequired: 'Rectification action required',
    planForKeyProjects: 'Plan for every key project',
    ledgerCadenceDays: 'Ledger cadence of key projects',
    selfAssessmentForAll: 'Self-assessment for every project',
  } as Record<string, string>,
  violations: {
    person: (name: string, unit: string) => `${name} (${unit})`,
    missing: (form: string, since: string) => `no ${form} yet${since ? ` (since ${since})` : ''}`,
    fewer: (count: number, limit: number, since: string) =>
      `${count} submitted, fewer than the ${limit} required${since ? ` (since ${since})` : ''}`,
    more: (count: number, limit: number) => `${count}, more than the ${limit} allowed`,
    required: (field: string) => `"${field}" not filled in`,
    cadence: (days: number, limit: number, form: string) =>
      `no ${form} for ${days} days (at most ${limit})`,
    termEnds: (end: string, left: number) =>
      left > 0
        ? `term ends on ${end}, ${left} days left`
        : left === 0
          ? `term ends today (${end})`
          : `term ended on ${end}, ${-left} days ago`,
  },
  intake: {
    verified: 'Verified',
    unverified: 'Unverified',
    late: 'Late',
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
    dateAfterStage: (field: string, day: string, stage: string, deadline: string) =>
      `${field} (${day}) is after the deadline of ${stage} (${deadline})`,
    dateAfterSubmission: (field: string, day: string) =>
      `${field} (${day}) is after the day of reporting`,
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
    entryUnitChangeRefused: (unit: string) =>
      `This response was recorded for "${unit}"; an edit cannot move it to another unit. The record is kept as it was; to report for another unit, fill in a new response`,
    unknownPerson: (ref: string) => `"${ref}" is not on the roster; choose from the list`,
    personUnitMismatch: (person: string, unit: string) =>
      `${person} belongs to "${unit}" on the roster; give their own unit`,
    unknownSubject: (kind: string, ref: string) =>
      `No ${kind} "${ref}": give its ID from the list, or its name exactly as listed`,
    ambiguousSubject: (kind: string, ref: string) =>
      `"${ref}" matches several of ${kind}; give the ID`,
    notSubjectOwner: (unit: string, subject: string, owners: string) =>
      `"${unit}" does not lead ${subject} (lead units: ${owners}); only its lead units may report`,
    required: () => 'required, must not be empty',
    notText: () => 'must be text',
    tooLong: (max: number) => `must be at most ${max} characters`,
    unknownSetting: (key: string) => `unknown setting "${key}"`,
    duplicateSetting: (key: string) => `setting "${key}" appears more than once`,
    badTimeZone: (value: string) => `"${value}" is not a valid time zone (e.g. Asia/Shanghai)`,
    timeZoneMismatch: (sheetZone: string, campaignZone: string) =>
      `the spreadsheet's time zone is ${sheetZone}, not the campaign's ${campaignZone}: deadlines and other dates would be a day off. Set File > Settings > Time zone to ${campaignZone} (or this setting to ${sheetZone}) and check again`,
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
    unknownTemplateForm: (value: string, forms: string) =>
      `the template has no form "${value}"; choose one of: ${forms}`,
    badFieldKey: (value: string) =>
      `field key "${value}" must start with a letter and hold only letters, digits, _ or -`,
    unknownFieldKind: (value: string, kinds: string) =>
      `unknown field kind "${value}"; choose one of: ${kinds}`,
    choicesNeeded: () => 'a choice or checkbox field needs choices (separated by 、 or ;)',
    minAboveMax: (min: number, max: number) => `minimum ${min} is above maximum ${max}`,
    fieldInUse: (field: string, form: string, by: string) =>
      `field "${field}" of form "${form}" is used by ${by} and cannot be removed`,
    fieldKindNeeded: (form: string, kind: string) =>
      `form "${form}" needs a field of kind "${kind}"`,
    formWithoutFields: (form: string) => `form "${form}" has no fields`,
    badCondition: (value: string) =>
      `"${value}" is not a condition; write field=value or field≠value (values separated by 、)`,
    scopeNeeded: (audience: string) => `audience "${audience}" needs a scope`,
    repeatNeedsDue: () => 'a repeating stage needs "due days after each period"',
    noRoster: () => 'this template has no roster, so a stage cannot be owed by roster people',
    noSubjects: () => 'this template has no subject type a stage could be owed by',
    badAmount: (value: string) =>
      `"${value}" must be a number ≥ 0 or a numeric setting's key (e.g. keyProjectQuota)`,
    badShare: (value: string) => `"${value}" must be a share between 0 and 1, e.g. 0.3`,
    ruleNeedsLimit: () => 'a count rule needs "at least", "at most" or "share at most"',
    ruleNeeds: (column: string) => `this kind of rule needs "${column}"`,
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
      planForKeyProjects: (_count: number, _limit: number, since: string) =>
        `no plan after the deadline (since ${since})`,
      ledgerCadenceDays: (days: number, limit: number) =>
        `no ledger entry for ${days} days (at most ${limit})`,
      selfAssessmentForAll: (_count: number, _limit: number, since: string) =>
        `no self-assessment (since ${since})`,
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
  sections: {
    menu: 'Generate campaign report',
    templateName: 'Report template: campaign report',
    reportName: (campaign: string, day: string) => `${campaign} campaign report (${day})`,
    title: (campaign: string) => `${campaign}: campaign report`,
    asOf: (day: string) => `As of ${day}`,
    footer: (generatedAt: string) =>
      `Generated from the campaign workbook (units, record sheets, stages) at ${generatedAt}; every figure is a count of its rows.`,
    numbered: (index: number, heading: string) => `${index}. ${heading}`,
    blank: '—',
    unfilled: '(blank)',
    unfilledInText: 'blank',
    none: '(none)',
    states: { open: 'Open', closed: 'Closed' },
    overview: {
      heading: 'Overview',
      item: 'Item',
      count: 'Count',
      units: 'Participating units',
      people: 'People on the roster',
      subjects: (label: string) => `${label}`,
      records: (sheet: string) => `Records in ${sheet}`,
      summary: (campaign: string, units: number, records: number) =>
        `${campaign} has ${units} participating units and ${records} records from its forms.`,
    },
    stageProgress: {
      heading: 'Progress by stage',
      stage: 'Stage',
      period: 'Period',
      deadline: 'Deadline',
      state: 'State',
      owed: 'Owed',
      met: 'Done',
      late: 'Late',
      missing: 'Missing',
      rate: 'Rate',
      whole: 'Whole stage',
      summary: (owed: number, met: number, late: number, missing: number) =>
        `Over the stages and periods opened so far: ${owed} owed, ${met} done (${late} late), ${missing} missing.`,
    },
    quota: {
      heading: 'Quota checks',
      no: 'No.',
      rule: 'Rule',
      subject: 'About',
      detail: 'Finding',
      summary: (count: number) => (count > 0 ? `${count} findings, listed below.` : 'No findings.'),
    },
    subjects: {
      heading: (label: string) => `${label}: list`,
      id: 'ID',
      unit: 'Unit',
      summary: (count: number, label: string) => `${count} × ${label}.`,
      byValue: (field: string, parts: string) => `By ${field}: ${parts}.`,
      part: (value: string, count: number) => `${value} ${count}`,
    },
    fieldCounts: {
      heading: (form: string, field: string) => `${form} by ${field}`,
      count: 'Records',
      share: 'Share',
      summary: (count: number) => `${count} records.`,
      multiple: 'Several answers may be ticked: the counts may add up to more than the records.',
    },
    byUnit: {
      heading: (form: string) => `${form} by unit`,
      unit: 'Unit',
      records: 'Records',
      late: 'Late',
      owed: 'Owed',
      met: 'Done',
      missing: 'Missing',
      summary: (units: number, records: number) =>
        `${units} participating units, ${records} records; owed, done and missing count the periods opened so far.`,
    },
    byPeriod: {
      heading: (form: string, stage: string) => `${form} by period (${stage})`,
      period: 'Period',
      deadline: 'Deadline',
      records: 'Records',
      reporting: 'Units reporting',
      owed: 'Owed',
      missing: 'Missing',
      missingNames: 'Not yet reported',
      more: (names: string, count: number) => `${names} and others (${count} in all)`,
      summary: (periods: number) => `${periods} periods opened so far.`,
    },
  },
  selfCheck: {
    title: 'Self-check',
    summary: (passed: number, failed: number, warned: number, skipped: number) =>
      `Self-check: ${passed} passed` +
      (failed ? `, ${failed} failed` : '') +
      (warned ? `, ${warned} warnings` : '') +
      (skipped ? `, ${skipped} not checked` : ''),
    line: (name: string, found: string, fix: string) =>
      `${name}: ${found}${fix ? `. Fix: ${fix}` : ''}`,
    join: (parts: string[]) => parts.join('; '),
    and: (parts: string[]) => parts.join(', '),
    more: (shown: string, more: number) => (more > 0 ? `${shown}, …` : shown),
    names: {
      config: 'Configuration',
      active: 'Campaign',
      scopes: 'Authorization',
      dailyTrigger: 'Daily trigger',
      editTrigger: 'Review edit trigger',
      submitTriggers: 'Form submit triggers',
      form: (name: string) => `Form "${name}"`,
      responses: 'Form responses',
      mailQuota: 'Mail quota',
      mailFailures: 'Failed mail',
      reportFolder: 'Reports folder',
      reportTemplates: 'Report templates',
      timeZones: 'Time zones',
      staffIdentity: 'Staff identity',
    },
    config: {
      ok: (stages: number, units: number) => `valid (${stages} stages, ${units} units)`,
      invalid: (count: number) => `${count} problems; nothing else was checked`,
      fix: 'choose Secretary Project → Validate configuration only, correct every problem, then run the self-check again',
    },
    active: {
      ok: (at: string, by: string) => `active (since ${at}${by ? `, activated by ${by}` : ''})`,
      no: 'not activated',
      fix: 'choose Secretary Project → Validate and activate',
    },
    scopes: {
      ok: (count: number) => `all ${count} permissions the script needs are granted`,
      missing: (scopes: string) => `missing permissions ${scopes}`,
      fix: (url: string | null) =>
        `run selfCheck in the Apps Script editor and tick every permission on the consent screen${url ? ` (or open ${url})` : ''}`,
      unknown:
        'this runtime cannot tell which permissions are granted (ScriptApp.getAuthorizationInfo); not checked',
    },
    triggers: {
      notMine: (owner: string, me: string) =>
        `installed by the activating account ${owner}; ${me} cannot see another account's triggers; not checked`,
      notMineFix: (owner: string) => `ask ${owner} to run the self-check`,
      repairFix: 'choose Secretary Project → Repair triggers',
      dailyOk: (hour: number | null) =>
        `1 (onDailyTick${hour === null ? '' : `, daily at ${hour}:00`})`,
      dailyMissing: 'missing: no reminders or reports will run',
      duplicated: (count: number) => `${count} found (there must be 1)`,
      dailyHour: (hour: number, wanted: number) =>
        `runs at ${hour}:00, the settings say ${wanted}:00`,
      editOk: '1 (onReviewEdit)',
      editMissing: 'missing: review edits in Projects are neither checked nor logged',
      submitOk: (forms: number) => `1 for each of ${forms} forms (onFormSubmit)`,
      submitMissing: (form: string) => `missing for "${form}": its submissions are not taken in`,
      submitDuplicated: (form: string, count: number) => `${count} for "${form}" (there must be 1)`,
    },
    form: {
      ok: (title: string) =>
        `titled "${title}", published, responses go to this spreadsheet, accepting responses, collecting emails`,
      notCreated: 'not created yet',
      notCreatedFix: 'choose Secretary Project → Validate and activate',
      notMine: (owner: string, me: string) =>
        `created by ${owner}, the account that activated the campaign; ${me} is not a collaborator and cannot open it; not checked`,
      unreachable: (message: string) => `cannot be opened (${message})`,
      unreachableFix:
        'make sure the form was not deleted and that this account can edit it, then run the self-check again',
      titleEmpty: (wanted: string) => `the title is empty (should be "${wanted}")`,
      titleDiffers: (title: string, wanted: string) =>
        `the title is "${title}" (should be "${wanted}")`,
      titleFix: (wanted: string) => `set the title to "${wanted}" in the form editor`,
      unpublished: 'not published: respondents cannot submit',
      unpublishedFix: 'click Publish in the form editor',
      noDestination: 'no response spreadsheet: responses do not reach this spreadsheet',
      otherDestination: (id: string) => `responses go to another spreadsheet (${id})`,
      destinationFix:
        'in the form\'s Responses tab choose "Link to Sheets" and pick this spreadsheet',
      closed: 'not accepting responses',
      closedFix: 'turn on "Accepting responses" in the form\'s Responses tab',
      noEmail: "respondents' emails are not collected: no verification, no receipts",
      noEmailFix: 'turn on "Collect email addresses" in the form\'s Settings → Responses',
    },
    responses: {
      ok: (total: number, counts: string) =>
        `all ${total} have a record${counts ? ` (${counts})` : ''}`,
      count: (form: string, n: number) => `${form} ${n}`,
      missing: (form: string, n: number, ids: string) =>
        `${n} responses to "${form}" have no record (response ids ${ids})`,
      fix: 'their submit trigger did not run or failed; the daily run takes in responses without a record — check the submit triggers, then run the self-check again',
    },
    mailQuota: {
      notMine: (owner: string, me: string) =>
        `counted per account: the triggers send as ${owner}, so the quota of ${me} says nothing about it; not checked`,
      ok: (remaining: number, reserve: number) =>
        `${remaining} recipients left today, above the reserve of ${reserve}`,
      low: (remaining: number, reserve: number) =>
        `${remaining} recipients left today, not above the reserve of ${reserve}: receipts and reminders will wait`,
      lowFix:
        'they go out once the quota renews; if this happens often, send to fewer addresses or lower mailReserve in Settings',
      unreadable: (message: string) => `cannot be read (${message})`,
      unreadableFix: 'make sure the permission to send email is granted',
    },
    mailFailures: {
      ok: (days: number) => `no email failed in the last ${days} days`,
      found: (count: number, days: number, lines: string) =>
        `${count} emails in the last ${days} days could not be sent and will not be retried: ${lines}`,
      line: (what: string, unit: string, to: string, reason: string) =>
        `${what} (${unit} | ${to} | ${reason})`,
      more: (count: number) => `… ${count} in all`,
      fix: 'check the addresses in Units or Settings (or the email content); once corrected, later emails go to the new address',
    },
    drive: {
      ok: 'reachable',
      notCreated: 'not created yet',
      missing: 'does not exist or this account cannot open it',
      trashed: 'is in the trash',
      error: (message: string) => `cannot be reached right now (${message})`,
    },
    reportFolder: {
      configured: (state: string) => `the folder reportFolderId names in Settings ${state}`,
      own: (state: string) => `the folder the script created ${state}`,
      configuredFix:
        'put a reachable folder id into reportFolderId in Settings, or clear it (a folder is then created for the next report)',
      ownFix: 'restore it from the trash; otherwise a new folder is created for the next report',
      notCreatedFix: 'choose Secretary Project → Validate and activate',
    },
    reportTemplates: {
      ok: (count: number) => `all ${count} templates are reachable`,
      one: (name: string, state: string) => `"${name}" ${state}`,
      fix: 'restore the template from the trash, or run Validate and activate to recreate the default template for the missing ones (the others stay as they are)',
    },
    timeZones: {
      ok: (zone: string) => `the spreadsheet, the script and the settings agree (${zone})`,
      differ: (sheet: string, script: string, campaign: string) =>
        `the spreadsheet is in ${sheet}, the script in ${script}, the settings say ${campaign}: dates and deadlines shift`,
      sheetFix: (zone: string) => `choose ${zone} in the spreadsheet's File → Settings → Time zone`,
      scriptFix: (zone: string) =>
        `choose ${zone} in Apps Script Project Settings → Time zone (timeZone of appsscript.json) and deploy again`,
    },
    staffIdentity: {
      ok: (count: number, owner: string) =>
        `${count} staff addresses share the domain of ${owner}: reviewers are identified`,
      consumer: (owner: string) =>
        `${owner} is a consumer account: the edit trigger sees nobody else's address`,
      otherDomain: (emails: string) =>
        `${emails} are outside the activating account's domain: the edit trigger records no reviewer for them`,
      fix: "staff use Google Workspace accounts of the activating account's domain; otherwise reviewers are recorded by menu actions",
      unknownOwner: 'the activating account is not known; not checked',
    },
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
  choices: {
    form: {
      application: 'Application',
      plan: 'Implementation plan',
      ledger: 'Activity ledger',
      selfAssessment: 'Self-assessment',
    },
    audience: {
      allUnits: 'All units',
      unitsWithProjects: 'Units with projects',
      keyProjects: 'Key projects',
      allProjects: 'All projects',
      staff: 'Staff review',
      unitsOfCategory: 'Units of given categories',
      subjects: 'Subjects meeting a condition',
      roster: 'People on the roster',
    },
    mailKind: {
      receipt: 'Receipt',
      rejection: 'Rejection',
      reminder: 'Reminder',
      overdue: 'Overdue notice',
      digest: 'Daily digest',
      decision: 'Review decision',
      report: 'Report',
      dossier: 'Project dossier',
    },
    mailState: {
      sent: 'Sent',
      deferred: 'Deferred',
      failed: 'Failed',
      queued: 'Queued',
      superseded: 'Superseded',
    },
    status: {
      待审核: 'Pending review',
      重点项目: 'Key project',
      备案: 'Filed',
      退回修改: 'Returned for revision',
    },
    acceptance: { 优秀: 'Excellent', 合格: 'Pass', 不合格: 'Fail' },
    repeat: { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' },
    ruleKind: {
      count: 'Count',
      required: 'Required',
      cadence: 'Cadence',
      termExpiry: 'Term expiry',
    },
    rulePer: {
      unit: 'Per unit',
      person: 'Per person',
      category: 'Per category',
      subject: 'Per subject',
      campaign: 'Whole campaign',
    },
    fieldKind: {
      unit: 'Unit (dropdown)',
      person: 'Person (dropdown)',
      subject: 'Reference (id or name)',
      text: 'Short text',
      paragraph: 'Paragraph',
      choice: 'Choice (dropdown)',
      checkbox: 'Checkboxes',
      date: 'Date',
      integer: 'Whole number',
      number: 'Number',
      email: 'Email',
      phone: 'Phone',
      url: 'Web address',
      rating: 'Rating (1–5)',
    },
    category: {
      机关事业单位: 'Municipal agency or institution',
      驻深机关单位: 'Non-local agency in Shenzhen',
      驻深企业: 'Non-local enterprise in Shenzhen',
      驻深办事处: 'Liaison office in Shenzhen',
    },
  },
  sheetRow: (sheet: string, row: number | null, column: string | null) =>
    `${sheet}${row !== null ? ` row ${row}` : ''}${column ? ` column "${column}"` : ''}`,
};
