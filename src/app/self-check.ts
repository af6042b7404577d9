/**
 * 运行自检: what the emulator cannot prove about a live installation, checked on the real
 * spreadsheet — permissions, triggers, forms, lost responses, mail quota, report files, time zones,
 * staff identity. `judge` is pure (facts in, lines out); `selfCheck` gathers the facts through the
 * ports, writes one line per check to the Health sheet and a dialog, and logs each. It never
 * changes campaign data: the Health sheet is its only write.
 */
import { HEALTH_SHEET, type SheetDef } from '../../sheets-templates/config-sheets';
import {
  MAIL_QUEUE_SHEET,
  recordSheetOf,
  REJECTIONS_SHEET,
  SEND_LEDGER_SHEET,
} from '../../sheets-templates/data-sheets';
import { REPORT_TEMPLATES } from '../../sheets-templates/report-templates';
import { formatMinute } from '../domain/calendar';
import type { CampaignConfig } from '../domain/config';
import { keyedRows, mapColumns, type Cell } from '../domain/table';
import { messages, type Messages } from '../i18n';
import type {
  AppDeps,
  AuthorizationFacts,
  DailyTrigger,
  FormFacts,
  Reach,
  TriggerFact,
} from '../ports';
import { describeProblem, STATE } from './activate';
import { formSpec, formsInUse, SUBMIT_HANDLER } from './campaign-forms';
import { configuredLocale, loadConfig, sheetSpec, titlesOf } from './config-sheets';
import { DAILY_HANDLER } from './daily-trigger';
import { STORE as REPORT_STORE } from './reports';
import { recipientOfKey } from './reminders';
import { EDIT_HANDLER } from './review';

export type CheckLevel = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckLine {
  /** A stable id for the log: 'dailyTrigger', 'form.application', … */
  check: string;
  level: CheckLevel;
  text: string;
}

/** A read that may fail on live Google (a transient error is a finding, not a crash). */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export interface CampaignFacts {
  config: CampaignConfig;
  now: number;
  active: boolean;
  activatedAt: number | null;
  activatedBy: string | null;
  /** The account running the self-check (it sees only its own triggers). */
  runner: string;
  dailyTriggers: Read<DailyTrigger[]>;
  triggers: Read<TriggerFact[]>;
  spreadsheetId: string;
  forms: { key: string; name: string; expectedTitle: string; facts: FormFacts }[];
  /** Response ids that have a record (record sheets) or a rejection (退回记录). */
  recorded: ReadonlySet<string>;
  mailQuota: Read<number>;
  /** Emails that failed for good in the last MAIL_FAILURE_DAYS (待发邮件 and 发送台账). */
  mailFailures: MailFailureFact[];
  reportFolder: {
    configuredId: string;
    configured: Reach | null;
    storedId: string | null;
    stored: Reach | null;
  };
  templates: { kind: string; name: string; id: string | null; reach: Reach | null }[];
  timeZones: { spreadsheet: string; script: string; campaign: string };
}

export interface MailFailureFact {
  kind: string;
  /** A unit id, or `dept:<department>` for staff mail. */
  recipient: string;
  to: string;
  reason: string;
}

/** How far back the self-check looks for mail that failed for good. */
const MAIL_FAILURE_DAYS = 7;

export interface HealthFacts {
  authorization: AuthorizationFacts | null;
  /** null when the configuration does not validate; `configProblems` then says where. */
  campaign: CampaignFacts | null;
  /** Each configuration problem, located («sheet» row «column»: …), as activate lists them. */
  configProblems: string[];
}

/** Responses listed by id in a failing line before "and N more". */
const IDS_SHOWN = 5;
/** Consumer Google accounts: Apps Script reveals nobody else's address to them. */
const CONSUMER_DOMAINS = ['gmail.com', 'googlemail.com'];

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

// --- judging (pure) ---------------------------------------------------------------------------

export function judge(m: Messages, facts: HealthFacts): CheckLine[] {
  const s = m.selfCheck;
  const lines: CheckLine[] = [];
  const add = (check: string, level: CheckLevel, name: string, found: string, fix = '') =>
    lines.push({ check, level, text: s.line(name, found, level === 'pass' ? '' : fix) });
  const c = facts.campaign;
  if (!c) {
    add(
      'config',
      'fail',
      s.names.config,
      s.config.invalid(facts.configProblems.length),
      s.config.fix,
    );
    for (const problem of facts.configProblems)
      lines.push({ check: 'config.problem', level: 'fail', text: problem });
  } else {
    const { config } = c;
    add(
      'config',
      'pass',
      s.names.config,
      s.config.ok(config.stages.length, config.units.filter((u) => u.active).length),
    );
    add(
      'active',
      c.active ? 'pass' : 'fail',
      s.names.active,
      c.active
        ? s.active.ok(
            c.activatedAt === null ? '' : formatMinute(c.activatedAt, config.settings.timeZone),
            c.activatedBy ?? '',
          )
        : s.active.no,
      s.active.fix,
    );
  }
  judgeScopes(m, facts.authorization, add);
  if (!c) return lines;
  judgeTriggers(m, c, add);
  for (const form of c.forms) judgeForm(m, c, form, add);
  judgeResponses(m, c, add);
  judgeMail(m, c, add);
  judgeMailFailures(m, c, add);
  judgeReportFiles(m, c, add);
  judgeTimeZones(m, c, add);
  judgeStaff(m, c, add);
  return lines;
}

type Add = (check: string, level: CheckLevel, name: string, found: string, fix?: string) => void;

function judgeScopes(m: Messages, auth: AuthorizationFacts | null, add: Add): void {
  const s = m.selfCheck;
  if (!auth || auth.authorized === null) {
    add('scopes', 'skip', s.names.scopes, s.scopes.unknown);
    return;
  }
  const granted = new Set(auth.authorized);
  const missing = auth.required.filter((scope) => !granted.has(scope));
  if (missing.length === 0 && !auth.needsAuthorization) {
    add('scopes', 'pass', s.names.scopes, s.scopes.ok(auth.required.length));
    return;
  }
  add(
    'scopes',
    'fail',
    s.names.scopes,
    s.scopes.missing(
      s.and(missing.map((scope) => scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, ''))),
    ),
    s.scopes.fix(auth.url),
  );
}

function judgeTriggers(m: Messages, c: CampaignFacts, add: Add): void {
  const s = m.selfCheck;
  const t = s.triggers;
  const owner = c.activatedBy;
  if (owner && !same(owner, c.runner)) {
    // getProjectTriggers lists only the running account's triggers: absent is not missing.
    for (const [check, name] of [
      ['dailyTrigger', s.names.dailyTrigger],
      ['editTrigger', s.names.editTrigger],
      ['submitTriggers', s.names.submitTriggers],
    ] as const) {
      add(check, 'skip', name, t.notMine(owner, c.runner), t.notMineFix(owner));
    }
    return;
  }
  const wantedHour = c.config.settings.reminderHour;
  if (!c.dailyTriggers.ok) {
    add(
      'dailyTrigger',
      'fail',
      s.names.dailyTrigger,
      s.drive.error(c.dailyTriggers.message),
      t.repairFix,
    );
  } else {
    const daily = c.dailyTriggers.value;
    const hour = daily.length === 1 ? daily[0].hour : null;
    if (daily.length === 0)
      add('dailyTrigger', 'fail', s.names.dailyTrigger, t.dailyMissing, t.repairFix);
    else if (daily.length > 1)
      add('dailyTrigger', 'fail', s.names.dailyTrigger, t.duplicated(daily.length), t.repairFix);
    else if (hour !== null && hour !== wantedHour)
      add('dailyTrigger', 'fail', s.names.dailyTrigger, t.dailyHour(hour, wantedHour), t.repairFix);
    else add('dailyTrigger', 'pass', s.names.dailyTrigger, t.dailyOk(hour));
  }
  if (!c.triggers.ok) {
    const found = s.drive.error(c.triggers.message);
    add('editTrigger', 'fail', s.names.editTrigger, found, t.repairFix);
    add('submitTriggers', 'fail', s.names.submitTriggers, found, t.repairFix);
    return;
  }
  const all = c.triggers.value;
  const edit = all.filter(
    (x) => x.handler === EDIT_HANDLER && x.event === 'ON_EDIT' && x.sourceId === c.spreadsheetId,
  );
  if (edit.length === 1) add('editTrigger', 'pass', s.names.editTrigger, t.editOk);
  else
    add(
      'editTrigger',
      'fail',
      s.names.editTrigger,
      edit.length === 0 ? t.editMissing : t.duplicated(edit.length),
      t.repairFix,
    );
  const problems: string[] = [];
  let checked = 0;
  for (const form of c.forms) {
    if (form.facts.state !== 'open') continue;
    checked += 1;
    const id = form.facts.id;
    const count = all.filter(
      (x) => x.handler === SUBMIT_HANDLER && x.event === 'ON_FORM_SUBMIT' && x.sourceId === id,
    ).length;
    if (count === 0) problems.push(t.submitMissing(form.name));
    else if (count > 1) problems.push(t.submitDuplicated(form.name, count));
  }
  if (problems.length === 0)
    add('submitTriggers', 'pass', s.names.submitTriggers, t.submitOk(checked));
  else add('submitTriggers', 'fail', s.names.submitTriggers, s.join(problems), t.repairFix);
}

function judgeForm(
  m: Messages,
  c: CampaignFacts,
  form: CampaignFacts['forms'][number],
  add: Add,
): void {
  const s = m.selfCheck;
  const f = s.form;
  const check = `form.${form.key}`;
  const name = s.names.form(form.name);
  const facts = form.facts;
  if (facts.state === 'notCreated') {
    add(check, 'fail', name, f.notCreated, f.notCreatedFix);
    return;
  }
  if (facts.state === 'unreachable') {
    // A form opens only for its owner and collaborators: another staff member cannot check it.
    const owner = c.activatedBy;
    if (owner && !same(owner, c.runner))
      add(check, 'skip', name, f.notMine(owner, c.runner), s.triggers.notMineFix(owner));
    else add(check, 'fail', name, f.unreachable(facts.message), f.unreachableFix);
    return;
  }
  const problems: string[] = [];
  const fixes: string[] = [];
  const title = facts.title.trim();
  if (title !== form.expectedTitle) {
    problems.push(
      title === '' ? f.titleEmpty(form.expectedTitle) : f.titleDiffers(title, form.expectedTitle),
    );
    fixes.push(f.titleFix(form.expectedTitle));
  }
  if (!facts.published) {
    problems.push(f.unpublished);
    fixes.push(f.unpublishedFix);
  }
  if (facts.destinationId !== c.spreadsheetId) {
    problems.push(
      facts.destinationId === null ? f.noDestination : f.otherDestination(facts.destinationId),
    );
    fixes.push(f.destinationFix);
  }
  if (!facts.acceptingResponses) {
    problems.push(f.closed);
    fixes.push(f.closedFix);
  }
  if (!facts.collectsEmail) {
    problems.push(f.noEmail);
    fixes.push(f.noEmailFix);
  }
  if (problems.length === 0) add(check, 'pass', name, f.ok(title));
  else add(check, 'fail', name, s.join(problems), s.join(fixes));
}

function judgeResponses(m: Messages, c: CampaignFacts, add: Add): void {
  const s = m.selfCheck;
  let total = 0;
  const counts: string[] = [];
  const problems: string[] = [];
  for (const form of c.forms) {
    if (form.facts.state !== 'open') continue;
    const ids = form.facts.responseIds;
    total += ids.length;
    counts.push(s.responses.count(form.name, ids.length));
    const missing = ids.filter((id) => !c.recorded.has(id));
    if (missing.length) {
      const shown = s.more(s.and(missing.slice(0, IDS_SHOWN)), missing.length - IDS_SHOWN);
      problems.push(s.responses.missing(form.name, missing.length, shown));
    }
  }
  if (problems.length === 0)
    add('responses', 'pass', s.names.responses, s.responses.ok(total, s.and(counts)));
  else add('responses', 'fail', s.names.responses, s.join(problems), s.responses.fix);
}

function judgeMail(m: Messages, c: CampaignFacts, add: Add): void {
  const s = m.selfCheck;
  const q = s.mailQuota;
  const reserve = c.config.settings.mailReserve;
  if (!c.mailQuota.ok) {
    add('mailQuota', 'fail', s.names.mailQuota, q.unreadable(c.mailQuota.message), q.unreadableFix);
    return;
  }
  const owner = c.activatedBy;
  if (owner && !same(owner, c.runner)) {
    // The quota is per account, and the triggers send as the activating account.
    add(
      'mailQuota',
      'skip',
      s.names.mailQuota,
      q.notMine(owner, c.runner),
      s.triggers.notMineFix(owner),
    );
    return;
  }
  const remaining = c.mailQuota.value;
  // Above, not equal: the daily run sends within remaining − reserve, so at the reserve nothing goes.
  if (remaining > reserve) add('mailQuota', 'pass', s.names.mailQuota, q.ok(remaining, reserve));
  else add('mailQuota', 'fail', s.names.mailQuota, q.low(remaining, reserve), q.lowFix);
}

/**
 * The daily run reports each failure once (运行状况 and the digest); the self-check rewrites
 * 运行状况, so it carries the recent ones on instead of wiping them.
 */
function judgeMailFailures(m: Messages, c: CampaignFacts, add: Add): void {
  const s = m.selfCheck;
  const f = s.mailFailures;
  const failures = c.mailFailures;
  if (failures.length === 0) {
    add('mailFailures', 'pass', s.names.mailFailures, f.ok(MAIL_FAILURE_DAYS));
    return;
  }
  const units = new Map(c.config.units.map((u) => [u.unitId, u.name]));
  const who = (recipient: string) =>
    recipient.startsWith('dept:')
      ? (m.departments[recipient.slice(5)] ?? recipient.slice(5))
      : units.has(recipient)
        ? `${units.get(recipient)}（${recipient}）`
        : recipient || '—';
  const shown = failures
    .slice(0, IDS_SHOWN)
    .map((x) => f.line(m.health.mailWhat[x.kind] ?? x.kind, who(x.recipient), x.to, x.reason));
  if (failures.length > IDS_SHOWN) shown.push(f.more(failures.length));
  add(
    'mailFailures',
    'fail',
    s.names.mailFailures,
    f.found(failures.length, MAIL_FAILURE_DAYS, s.and(shown)),
    f.fix,
  );
}

function reachText(m: Messages, reach: Reach | null): string {
  const d = m.selfCheck.drive;
  if (!reach) return d.notCreated;
  if (reach.ok) return d.ok;
  if (reach.reason === 'trashed') return d.trashed;
  if (reach.reason === 'missing') return d.missing;
  return d.error(reach.message);
}

function judgeReportFiles(m: Messages, c: CampaignFacts, add: Add): void {
  const s = m.selfCheck;
  const r = s.reportFolder;
  const folder = c.reportFolder;
  if (folder.configuredId) {
    const ok = folder.configured?.ok === true;
    add(
      'reportFolder',
      ok ? 'pass' : 'fail',
      s.names.reportFolder,
      r.configured(reachText(m, folder.configured)),
      r.configuredFix,
    );
  } else if (!folder.storedId) {
    add('reportFolder', 'fail', s.names.reportFolder, r.own(s.drive.notCreated), r.notCreatedFix);
  } else {
    const ok = folder.stored?.ok === true;
    add(
      'reportFolder',
      ok ? 'pass' : 'fail',
      s.names.reportFolder,
      r.own(reachText(m, folder.stored)),
      r.ownFix,
    );
  }
  const bad = c.templates.filter((t) => t.reach?.ok !== true);
  if (bad.length === 0)
    add(
      'reportTemplates',
      'pass',
      s.names.reportTemplates,
      s.reportTemplates.ok(c.templates.length),
    );
  else
    add(
      'reportTemplates',
      'fail',
      s.names.reportTemplates,
      s.join(bad.map((t) => s.reportTemplates.one(t.name, reachText(m, t.reach)))),
      s.reportTemplates.fix,
    );
}

function judgeTimeZones(m: Messages, c: CampaignFacts, add: Add): void {
  const s = m.selfCheck;
  const { spreadsheet, script, campaign } = c.timeZones;
  if (spreadsheet === campaign && script === campaign) {
    add('timeZones', 'pass', s.names.timeZones, s.timeZones.ok(campaign));
    return;
  }
  const fixes: string[] = [];
  if (spreadsheet !== campaign) fixes.push(s.timeZones.sheetFix(campaign));
  if (script !== campaign) fixes.push(s.timeZones.scriptFix(campaign));
  add(
    'timeZones',
    'fail',
    s.names.timeZones,
    s.timeZones.differ(spreadsheet, script, campaign),
    s.join(fixes),
  );
}

/**
 * The edit trigger runs as its owner and sees an editor's address only within the owner's
 * Workspace domain (https://developers.google.com/apps-script/reference/base/session#getActiveUser()):
 * reviewers elsewhere are recorded as nobody.
 */
function judgeStaff(m: Messages, c: CampaignFacts, add: Add): void {
  const s = m.selfCheck;
  const i = s.staffIdentity;
  const owner = c.activatedBy || c.runner;
  if (!owner) {
    add('staffIdentity', 'skip', s.names.staffIdentity, i.unknownOwner);
    return;
  }
  const staff = [...new Set(Object.values(c.config.settings.staffEmails).flat())].filter(
    (e) => !same(e, owner),
  );
  const domain = domainOf(owner);
  if (CONSUMER_DOMAINS.includes(domain) && staff.length > 0) {
    add('staffIdentity', 'warn', s.names.staffIdentity, i.consumer(owner), i.fix);
    return;
  }
  const outside = staff.filter((e) => domainOf(e) !== domain);
  if (outside.length === 0)
    add('staffIdentity', 'pass', s.names.staffIdentity, i.ok(staff.length, owner));
  else add('staffIdentity', 'warn', s.names.staffIdentity, i.otherDomain(s.and(outside)), i.fix);
}

// --- gathering (through the ports, read-only) --------------------------------------------------

function attempt<T>(read: () => T): Read<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    return { ok: false, message: String((error as Error)?.message ?? error) };
  }
}

/** Response ids of every record sheet the forms feed, and of the rejections, one read each. */
function recordedIds(deps: AppDeps, config: CampaignConfig): Set<string> {
  const ids = new Set<string>();
  const defs: SheetDef[] = [...formsInUse(config).map(recordSheetOf), REJECTIONS_SHEET];
  for (const def of defs) {
    // readTable, not readKeyed: a missing sheet must stay missing (the self-check writes nothing).
    const table = deps.sheets.readTable(titlesOf(def));
    if (!table) continue;
    const at = mapColumns(def, table.header).index.responseId;
    if (at === undefined) continue;
    for (const row of table.rows) {
      const id = String(row[at] ?? '').trim();
      if (id) ids.add(id);
    }
  }
  return ids;
}

/** The last row of every key of an append-only sheet (queue, ledger), by column key. */
function latestRows(deps: AppDeps, def: SheetDef): Record<string, Cell>[] {
  // readTable, not readKeyed: a missing sheet must stay missing (the self-check writes nothing).
  const table = deps.sheets.readTable(titlesOf(def));
  if (!table) return [];
  // keyedRows reads labels (发送失败, 回执 …) back as the keys they stand for.
  const last = new Map<string, Record<string, Cell>>();
  for (const row of keyedRows(table, mapColumns(def, table.header))) {
    const key = String(row.values.key ?? '');
    if (key) last.set(key, row.values);
  }
  return [...last.values()];
}

function recentMailFailures(deps: AppDeps, config: CampaignConfig, now: number): MailFailureFact[] {
  const since = now - MAIL_FAILURE_DAYS * 24 * 60 * 60 * 1000;
  const recent = (v: Record<string, Cell>) =>
    String(v.state) === 'failed' && v.at instanceof Date && v.at.getTime() >= since;
  const emails = new Map(config.units.map((u) => [u.unitId, u.emails.join('; ')]));
  const failures: MailFailureFact[] = latestRows(deps, MAIL_QUEUE_SHEET)
    .filter(recent)
    .map((v) => ({
      kind: String(v.kind ?? ''),
      recipient: String(v.unitId ?? ''),
      to: String(v.to ?? ''),
      reason: String(v.reason ?? ''),
    }));
  // A unit's reminder carries several notices, one ledger row each: one line per unit and reason.
  const seen = new Set<string>();
  for (const v of latestRows(deps, SEND_LEDGER_SHEET).filter(recent)) {
    const recipient = recipientOfKey(String(v.key ?? '')) ?? String(v.recipient ?? '');
    const reason = String(v.reason ?? '');
    if (seen.has(`${recipient}|${reason}`)) continue;
    seen.add(`${recipient}|${reason}`);
    const department = recipient.startsWith('dept:') ? recipient.slice(5) : null;
    failures.push({
      kind: String(v.kind) === 'digest' ? 'digest' : 'reminder',
      recipient,
      to: department
        ? (config.settings.staffEmails[department] ?? []).join('; ')
        : (emails.get(recipient) ?? ''),
      reason,
    });
  }
  return failures;
}

export function gatherFacts(deps: AppDeps, config: CampaignConfig): CampaignFacts {
  const { settings } = config;
  const en = settings.locale === 'en';
  const unitNames = config.units.filter((u) => u.active).map((u) => u.name);
  const spreadsheetId = deps.health.spreadsheetId();
  const forms = formsInUse(config).map((def) => {
    const read = attempt(() => deps.health.form(def.key));
    const facts: FormFacts = read.ok ? read.value : { state: 'unreachable', message: read.message };
    return {
      key: def.key,
      name: en ? def.title.en : def.title.zh,
      expectedTitle: formSpec(def, settings.locale, settings.campaignName, unitNames).title,
      facts,
    };
  });
  const storedFolder = deps.store.get(REPORT_STORE.folder);
  const activatedAt = deps.store.get(STATE.activatedAt);
  return {
    config,
    now: deps.clock.now(),
    active: deps.store.get(STATE.active) === 'true',
    activatedAt: activatedAt ? Number(activatedAt) : null,
    activatedBy: deps.store.get(STATE.activatedBy),
    runner: deps.triggers.owner(),
    dailyTriggers: attempt(() => deps.triggers.timeTriggers(DAILY_HANDLER)),
    triggers: attempt(() => deps.health.triggers()),
    spreadsheetId,
    forms,
    recorded: recordedIds(deps, config),
    mailQuota: attempt(() => deps.mail.remainingQuota()),
    mailFailures: recentMailFailures(deps, config, deps.clock.now()),
    reportFolder: {
      configuredId: settings.reportFolderId,
      configured: settings.reportFolderId
        ? deps.health.reach('folder', settings.reportFolderId)
        : null,
      storedId: storedFolder,
      stored: storedFolder ? deps.health.reach('folder', storedFolder) : null,
    },
    templates: REPORT_TEMPLATES.map((def) => {
      const id = deps.store.get(REPORT_STORE.template(def.kind));
      return {
        kind: def.kind,
        name: en ? def.name.en : def.name.zh,
        id,
        reach: id ? deps.health.reach('document', id) : null,
      };
    }),
    timeZones: {
      spreadsheet: deps.sheets.timeZone(),
      script: deps.health.scriptTimeZone(),
      campaign: settings.timeZone,
    },
  };
}

// --- the menu item ----------------------------------------------------------------------------

const MARKS: Record<CheckLevel, string> = { pass: '✓', fail: '✗', warn: '!', skip: '–' };

export interface SelfCheckResult {
  lines: CheckLine[];
  summary: string;
}

export function summarise(m: Messages, lines: readonly CheckLine[]): string {
  const n = (level: CheckLevel) => lines.filter((l) => l.level === level).length;
  return m.selfCheck.summary(n('pass'), n('fail'), n('warn'), n('skip'));
}

/**
 * Menu and Apps Script editor: runs every check, writes one line per check to the Health sheet,
 * logs `{"event":"selfCheck","check":…,"ok":…}` per check and shows the lines in a dialog.
 */
export function selfCheck(deps: AppDeps): SelfCheckResult {
  const loaded = loadConfig(deps.sheets);
  const locale = loaded.ok ? loaded.config.settings.locale : configuredLocale(deps.sheets);
  const m = messages(locale);
  const facts: HealthFacts = {
    authorization: deps.health.authorization(),
    campaign: loaded.ok ? gatherFacts(deps, loaded.config) : null,
    configProblems: loaded.ok ? [] : loaded.problems.map((p) => describeProblem(m, p, locale)),
  };
  const lines = judge(m, facts);
  writeHealth(deps, m, locale, lines, new Date(deps.clock.now()));
  for (const line of lines) {
    deps.log.record({
      event: 'selfCheck',
      check: line.check,
      ok: line.level === 'pass',
      level: line.level,
      line: line.text,
    });
  }
  const summary = summarise(m, lines);
  deps.ui.alert(
    m.selfCheck.title,
    [summary, '', ...lines.map((l) => `${MARKS[l.level]} ${l.text}`)].join('\n'),
  );
  return { lines, summary };
}

function writeHealth(
  deps: AppDeps,
  m: Messages,
  locale: 'zh-CN' | 'en',
  lines: CheckLine[],
  checkedAt: Date,
): void {
  const titles = titlesOf(HEALTH_SHEET);
  let header = deps.sheets.readHeader(titles);
  if (!header) {
    deps.sheets.ensureSheet(sheetSpec(HEALTH_SHEET, locale));
    header = deps.sheets.readHeader(titles) ?? [];
  }
  const columns = mapColumns(HEALTH_SHEET, header).index;
  const level: Record<CheckLevel, string> = {
    pass: m.levels.ok,
    fail: m.levels.error,
    warn: m.levels.warning,
    skip: m.levels.skipped,
  };
  const rows = lines.map((line) => {
    const cells: Cell[] = Array<Cell>(Math.max(header.length, 1)).fill('');
    const put = (key: string, value: Cell) => {
      const at = columns[key];
      if (at !== undefined) cells[at] = value;
    };
    put('level', level[line.level]);
    put('problem', line.text);
    put('checkedAt', checkedAt);
    return cells;
  });
  deps.sheets.replaceRows(titles, rows);
}
