import type { Messages } from './zh-CN';

export const en: Messages = {
  menu: {
    title: 'Secretary Project',
    setup: 'Set up sheets',
    activate: 'Validate and activate',
    checkConfig: 'Validate configuration only',
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
  departments: { org: 'Organisation Department', enterprise: 'Enterprise Work Department' },
  sheetRow: (sheet: string, row: number | null, column: string | null) =>
    `${sheet}${row !== null ? ` row ${row}` : ''}${column ? ` column "${column}"` : ''}`,
};
