import {
  AUDIT_LOG_SHEET,
  MAIL_LOG_SHEET,
  SEND_LEDGER_SHEET,
} from '../../sheets-templates/data-sheets';
import { addDays, dayOf } from '../domain/calendar';
import type { CampaignConfig } from '../domain/config';
import { obligations, type Obligation } from '../domain/obligations';
import { periodsOf } from '../domain/periods';
import { STATUS, type CampaignRecords } from '../domain/records';
import { dueNotices, noticeKey, urgency, type Notice } from '../domain/reminder-plan';
import { labelOf } from '../domain/labels';
import type { Cell } from '../domain/table';
import { messages, type Locale, type Messages } from '../i18n';
import type { AppDeps, OutgoingMail } from '../ports';
import {
  composeDecisions,
  composeStaffDigest,
  composeStaffReminder,
  composeUnitNotice,
  pendingReviewByDepartment,
  type LastDigest,
} from './reminder-mail';
import { prefilledLinks } from './form-links';
import { appendMailLog } from './intake';
import {
  appendQueue,
  failedLines,
  failureClass,
  reportMailFailures,
  MAX_ATTEMPTS,
  owedMail,
  readQueue,
  type QueuedMail,
} from './mail-queue';
import { headerOnly, loadRecords, readKeyed, rowFor, type KeyedTable } from './records';
import { LAST_RUN_MS_KEY, refreshQuotaView, reviewState, violationDescriber } from './review';
import { pageLinker } from './unit-page';
import { loggedViolation } from './violation-texts';

/** Stop well before Apps Script's 6-minute limit, leaving time to checkpoint. */
export const DEFAULT_TIME_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * Emails recorded in the ledger per locked write: a crash can lose at most this many reminders,
 * and each chunk costs one lock and a few Sheets calls.
 */
const CHUNK = 25;

export const STORE = {
  lease: 'dailyRun.lease',
  /** `digest.<department>`: the LastDigest of the department, as JSON. */
  digestPrefix: 'digest.',
  budget: 'dailyRun.budgetMs',
  lastRunMs: LAST_RUN_MS_KEY,
} as const;

/** One email the run intends to send, with the ledger rows that stand for it. */
export interface PlannedMail {
  kind: 'reminder' | 'overdue' | 'digest' | 'decision';
  /** A unit id or `dept:<department>` (the ledger key carries it; people read recipientName). */
  recipient: string;
  recipientName?: string;
  mail: OutgoingMail;
  keys: string[];
  notices: Notice[];
  /** Log fields of the `mail` record. */
  record: Record<string, unknown>;
  /** A staff digest: what it says, and whether it says nothing new. */
  digest?: { department: string; print: string; since: string; repeat: boolean };
}

export interface ReminderPlan {
  today: string;
  unitMails: PlannedMail[];
  staffMails: PlannedMail[];
}

/** A send-ledger row as the planner reads it; `day` is the day the notice was recorded. */
export interface LedgerLine {
  key: string;
  state: string;
  day?: string;
  /** A unit id, or `dept:<department>` for staff mail. */
  recipient?: string;
  reason?: string;
  /** When the row was written (ms), 0 when unknown. */
  at?: number;
}

/** The send ledger (one sheet read); Sheets may have turned a day's text into a date. */
export function readLedger(deps: Pick<AppDeps, 'sheets'>, config: CampaignConfig): LedgerLine[] {
  const { locale, timeZone } = config.settings;
  return readKeyed(deps.sheets, SEND_LEDGER_SHEET, locale).rows.map((r) => {
    const day = r.values.day;
    const at = r.values.at;
    return {
      key: String(r.values.key),
      state: String(r.values.state),
      day: day instanceof Date ? dayOf(day.getTime(), timeZone) : String(day ?? ''),
      // The key starts with the unit id or `dept:<department>`; the column shows a name.
      recipient: recipientOfKey(String(r.values.key ?? '')) ?? String(r.values.recipient ?? ''),
      reason: String(r.values.reason ?? ''),
      at: at instanceof Date ? at.getTime() : 0,
    };
  });
}

/** The unit id or `dept:<department>` a ledger key is for (every key starts with it). */
export function recipientOfKey(key: string): string | null {
  const first = key.split('|')[0];
  return key.includes('|') && first ? first : null;
}

/**
 * The obligation a notice key is about: unit, stage (with its period, for a recurring stage) and
 * project (kind and offset dropped).
 */
function obligationOf(noticeKey: string): string {
  return noticeKey.split('|').slice(0, 3).join('|');
}

/** The last day each obligation got a notice that was sent. */
function lastNoticeDays(ledger: LedgerLine[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const e of ledger) {
    if (e.state !== 'sent' || !e.day) continue;
    const o = obligationOf(e.key);
    if ((last.get(o) ?? '') < e.day) last.set(o, e.day);
  }
  return last;
}

/** Everything due today, composed but not sent (also what the preview shows). */
export function planReminders(
  deps: Pick<AppDeps, 'forms' | 'log'>,
  config: CampaignConfig,
  records: CampaignRecords,
  ledger: LedgerLine[],
  today: string,
  options: {
    quotaLinesFor?: (department: string) => string[];
    decisions?: PlannedMail[];
    /** What each department's last digest said (script properties), to send only news. */
    lastDigest?: (department: string) => LastDigest | null;
    /** The unit's personal status page link (null when the web app is not deployed). */
    pageLink?: (unitId: string) => string | null;
  } = {},
): ReminderPlan {
  const m = messages(config.settings.locale);
  // The ledger is append-only: a key's last row is its state. A send that failed after the key was
  // marked sent is 'deferred' (transient: retried) or 'failed' (permanent: reported, not retried).
  const lastState = new Map<string, string>();
  for (const e of ledger) lastState.set(e.key, e.state);
  const sent = new Set(
    [...lastState].filter(([, st]) => st === 'sent' || st === 'failed').map(([k]) => k),
  );
  const deferredBefore = new Set(
    [...lastState].filter(([, st]) => st === 'deferred').map(([k]) => k),
  );
  const owed = obligations(config, records);
  const notices = dueNotices(config, owed, today, sent);
  const units = new Map(config.units.map((u) => [u.unitId, u]));
  const links = prefilledLinks(deps, config);

  const byUnit = new Map<string, Notice[]>();
  for (const n of notices) byUnit.set(n.unitId, [...(byUnit.get(n.unitId) ?? []), n]);
  const unitMails: PlannedMail[] = [];
  for (const [unitId, list] of byUnit) {
    const unit = units.get(unitId);
    if (!unit || !unit.active) continue;
    list.sort(urgency);
    const mail = composeUnitNotice(
      m,
      config,
      unit,
      list,
      today,
      links,
      options.pageLink?.(unitId) ?? null,
    );
    const kind = list.some((n) => n.kind === 'overdue') ? 'overdue' : 'reminder';
    const items = list.map((n) => ({
      kind: n.kind,
      stageId: n.stage.stageId,
      ...(n.periodId ? { periodId: n.periodId } : {}),
      ...(n.projectId ? { projectId: n.projectId } : {}),
      ...(n.personId ? { personId: n.personId } : {}),
      offsetDays: n.offsetDays,
    }));
    unitMails.push({
      kind,
      recipient: unitId,
      mail,
      keys: list.map(noticeKey),
      notices: list,
      record: {
        kind,
        to: mail.to,
        unitId,
        ...(list.length === 1
          ? {
              stageId: list[0].stage.stageId,
              ...(list[0].periodId ? { periodId: list[0].periodId } : {}),
              offsetDays: list[0].offsetDays,
              ...(list[0].projectId ? { projectId: list[0].projectId } : {}),
            }
          : {}),
        items,
      },
    });
  }
  // Fair under a short quota: the unit that has waited longest for any notice of an obligation it
  // owes goes first (never notified before all others), so every unit owing gets one before any
  // gets its second; then retried deferrals, then urgency. Ordering by unit id alone starved the
  // highest ids for weeks when the quota could not reach everyone.
  const lastSent = lastNoticeDays(ledger);
  const waitedSince = (p: PlannedMail) =>
    p.keys.reduce((oldest, k) => {
      const day = lastSent.get(obligationOf(k)) ?? '';
      return day < oldest ? day : oldest;
    }, '\uffff');
  const since = new Map(unitMails.map((p) => [p, waitedSince(p)]));
  unitMails.sort((a, b) => {
    const wa = since.get(a)!;
    const wb = since.get(b)!;
    if (wa !== wb) return wa < wb ? -1 : 1;
    const da = a.keys.some((k) => deferredBefore.has(k)) ? 0 : 1;
    const db = b.keys.some((k) => deferredBefore.has(k)) ? 0 : 1;
    return da !== db ? da - db : urgency(a.notices[0], b.notices[0]);
  });

  const staffMails: PlannedMail[] = [];
  const pending = pendingReviewByDepartment(config, records);
  for (const stage of config.stages.filter((s) => s.audience === 'staff')) {
    for (const period of periodsOf(stage.schedule)) {
      const stageKey = period.periodId ? `${stage.stageId}@${period.periodId}` : stage.stageId;
      for (const d of stage.remindDaysBefore) {
        const day = addDays(period.deadline, -d);
        if (day !== today || (period.periodId && day < period.opensOn)) continue;
        for (const [department, projects] of pending) {
          const to = config.settings.staffEmails[department] ?? [];
          const key = [`dept:${department}`, stageKey, '-', 'reminder', d].join('|');
          if (!to.length || !projects.length || sent.has(key)) continue;
          const mail = composeStaffReminder(m, config, department, stage, period, d, projects, to);
          staffMails.push({
            kind: 'reminder',
            recipient: `dept:${department}`,
            mail,
            keys: [key],
            notices: [],
            record: {
              kind: 'reminder',
              to,
              stageId: stage.stageId,
              ...(period.periodId ? { periodId: period.periodId } : {}),
              offsetDays: d,
              department,
            },
          });
        }
      }
    }
  }
  const departments = new Set(config.units.filter((u) => u.active).map((u) => u.department));
  for (const department of departments) {
    const to = config.settings.staffEmails[department] ?? [];
    const key = [`dept:${department}`, 'digest', today].join('|');
    if (!to.length || sent.has(key)) continue;
    const digest = composeStaffDigest(m, config, department, records, owed, today, {
      quotaLines: options.quotaLinesFor?.(department) ?? [],
      last: options.lastDigest?.(department) ?? null,
    });
    if (!digest) continue;
    staffMails.push({
      kind: 'digest',
      recipient: `dept:${department}`,
      mail: digest.mail,
      keys: [key],
      notices: [],
      record: { kind: 'digest', to, department },
      digest: { department, print: digest.print, since: digest.since, repeat: digest.repeat },
    });
  }
  return { today, unitMails: [...unitMails, ...(options.decisions ?? [])], staffMails };
}

export interface ReminderRunResult {
  sent: number;
  deferred: number;
  /** Emails left for a follow-up execution (time budget). */
  remaining: number;
  skipped?: 'leaseHeld';
}

/**
 * Sends what is due today. Only one daily run works at a time (a lease, so a duplicate trigger
 * backs off). Notices are recorded in the send ledger before their email goes out, in small locked
 * chunks (intake keeps writing meanwhile), so nothing is ever sent twice; what the quota or the
 * time budget does not allow is recorded as deferred and comes first next time.
 */
export function sendReminders(
  deps: AppDeps,
  config: CampaignConfig,
  startedAt: number,
): ReminderRunResult {
  const { settings } = config;
  const tz = settings.timeZone;
  const locale = settings.locale;
  const now = deps.clock.now();
  const today = dayOf(now, tz);
  const leaseOk = deps.lock.withScriptLock(() => {
    const held = JSON.parse(deps.store.get(STORE.lease) ?? 'null') as { until: number } | null;
    if (held && held.until > now) return false;
    deps.store.set(STORE.lease, JSON.stringify({ until: now + 6 * 60 * 1000 }));
    return true;
  });
  if (!leaseOk) {
    deps.log.record({ event: 'dailyRunSkipped', reason: 'anotherRunInProgress' });
    return { sent: 0, deferred: 0, remaining: 0, skipped: 'leaseHeld' };
  }
  try {
    const records = loadRecords(deps.sheets, locale);
    const ledger = readLedger(deps, config);
    const m = messages(locale);
    const violations = deps.lock.withScriptLock(() => refreshQuotaView(deps, config, records, now));
    for (const v of violations) deps.log.record({ event: 'quotaViolation', ...loggedViolation(v) });
    const units = new Map(config.units.map((u) => [u.unitId, u]));
    const describe = violationDescriber(m, config);
    const quotaLinesFor = (department: string) =>
      violations
        .filter((v) => !v.unitId || units.get(v.unitId)?.department === department)
        .map((v) => {
          const d = describe(v);
          return `${d.rule}${d.subject ? `：${d.subject}` : ''}${d.figures ? `（${d.figures}）` : ''}`;
        });
    const audit = readKeyed(deps.sheets, AUDIT_LOG_SHEET, locale);
    const sentKeys = new Set(ledger.filter((e) => e.state === 'sent').map((e) => e.key));
    const decisions = planDecisions(m, config, records, audit, today, sentKeys);
    const plan = planReminders(deps, config, records, ledger, today, {
      quotaLinesFor,
      decisions,
      lastDigest: (department) => lastDigestOf(deps, department),
      pageLink: pageLinker(deps, config),
    });
    for (const p of [...plan.unitMails, ...plan.staffMails])
      p.recipientName = recipientName(m, config, p.recipient);
    const budgetMs = Number(deps.store.get(STORE.budget)) || DEFAULT_TIME_BUDGET_MS;
    // Staff digests are kept: their recipients are reserved before any unit reminder goes out.
    const reserved = plan.staffMails.reduce((n, p) => n + p.mail.to.length, 0);
    let allowance = deps.mail.remainingQuota() - settings.mailReserve - reserved;
    // Owed receipts and rejections first, but never more than half of today's allowance while
    // units are owed reminders, so a burst of submissions cannot starve the reminders.
    const owedQueue = readQueue(deps, locale, settings);
    const { owed, superseded } = owedMail(deps, owedQueue, locale);
    appendQueue(
      deps,
      superseded.map((q) => ({ ...q, state: 'superseded', reason: 'newer', at: now })),
      locale,
    );
    let owedAllowance =
      plan.unitMails.length > 0 ? Math.ceil(Math.max(allowance, 0) / 2) : allowance;
    const owedToday: QueuedMail[] = [];
    for (const q of owed) {
      if (q.mail.to.length > owedAllowance) continue;
      owedToday.push(q);
      owedAllowance -= q.mail.to.length;
      allowance -= q.mail.to.length;
    }
    const owedLeft = owed.length - owedToday.length;
    const since = now - 24 * 60 * 60 * 1000;
    // Receipts and rejections that failed for good, and reminders whose last ledger row says so:
    // staff are told unit, address and reason (the roster's addresses for a reminder — the
    // service's message names the one it refused).
    const failedSince: { unitId: string; to: string; reason: string }[] = [
      ...failedLines(owedQueue, since).map((q) => ({
        unitId: q.unitId,
        to: q.mail.to.join('; '),
        reason: q.reason,
      })),
      ...failedReminders(ledger, since).map((e) => ({
        unitId: e.recipient ?? '',
        to: (units.get(e.recipient ?? '')?.emails ?? []).join('; '),
        reason: e.reason ?? '',
      })),
    ];
    const outgoing: PlannedMail[] = [];
    const deferred: PlannedMail[] = [];
    for (const planned of plan.unitMails) {
      if (planned.mail.to.length <= allowance) {
        outgoing.push(planned);
        allowance -= planned.mail.to.length;
      } else deferred.push(planned);
    }
    // The digests report today's deferrals, so they are composed with the count and go last.
    const staff = plan.staffMails.map((p) => {
      if (p.kind !== 'digest') return p;
      const department = p.recipient.replace(/^dept:/, '');
      const failedHere = failedSince.filter(
        (q) => !q.unitId || units.get(q.unitId)?.department === department,
      );
      const lines = [
        ...(deferred.length > 0 ? [m.reminders.deferred(deferred.length)] : []),
        ...(owedLeft > 0 ? [m.reminders.owedLeft(owedLeft)] : []),
        ...(failedHere.length > 0
          ? [
              [
                m.reminders.failedMail,
                ...failedHere.map((q) =>
                  m.reminders.failedMailLine(
                    q.unitId ? `${units.get(q.unitId)?.name ?? q.unitId}（${q.unitId}）` : '—',
                    q.to,
                    q.reason,
                  ),
                ),
              ].join('\n'),
            ]
          : []),
      ];
      if (lines.length > 0) return { ...p, mail: withDeferredLine(p.mail, lines.join('\n\n')) };
      // Nothing new to say and no weekly repeat due: no digest today.
      if (p.digest?.repeat) {
        deps.log.record({ event: 'digestSkipped', department, reason: 'noNews' });
        return null;
      }
      return p;
    });
    const unitLabel = (unitId: string) =>
      unitId ? `${units.get(unitId)?.name ?? unitId}（${unitId}）` : '—';
    sendOwed(deps, owedToday, locale, (failures) =>
      reportMailFailures(
        deps,
        failures.map((q) => ({
          kind: q.kind,
          unit: unitLabel(q.unitId),
          to: q.mail.to.join('; '),
          reason: q.reason,
        })),
        locale,
      ),
    );
    if (deferred.length > 0) record(deps, deferred, today, 'deferred', 'quota', now);
    for (const d of deferred)
      deps.log.record({ event: 'mailDeferred', ...d.record, reason: 'quota' });

    const queue = [...outgoing, ...staff.filter((p): p is PlannedMail => p !== null)];
    let sent = 0;
    let failed = 0;
    // The Mail log rows of one chunk ride along with the next chunk's ledger write (one lock each).
    let delivered: PlannedMail[] = [];
    for (let i = 0; i < queue.length; i += CHUNK) {
      // Every execution sends at least one chunk, so a continuation always makes progress.
      if (i > 0 && deps.clock.now() - startedAt > budgetMs) {
        const remaining = queue.length - i;
        logMail(deps, delivered, deps.clock.now());
        deps.log.record({ event: 'checkpoint', reason: 'timeBudget', remaining });
        return { sent, deferred: deferred.length, remaining };
      }
      const chunk = queue.slice(i, i + CHUNK);
      deps.lock.withScriptLock(() => {
        record(deps, chunk, today, 'sent', '', deps.clock.now());
        logMail(deps, delivered, deps.clock.now());
      });
      delivered = [];
      for (const planned of chunk) {
        const result = deps.mail.send(planned.mail);
        if (result.sent) {
          sent += 1;
          delivered.push(planned);
          if (planned.digest) rememberDigest(deps, planned.digest, today);
          deps.log.record({ event: 'mail', ...planned.record });
        } else {
          failed += 1;
          const permanent = failureClass(result) === 'permanent';
          if (permanent)
            reportMailFailures(
              deps,
              [
                {
                  kind: planned.kind === 'digest' ? 'digest' : 'reminder',
                  unit: planned.recipient.startsWith('dept:')
                    ? (m.departments[planned.recipient.slice(5)] ?? planned.recipient.slice(5))
                    : unitLabel(planned.recipient),
                  to: planned.mail.to.join('; '),
                  reason: result.message,
                },
              ],
              locale,
            );
          record(
            deps,
            [planned],
            today,
            permanent ? 'failed' : 'deferred',
            result.sent ? '' : result.message,
            deps.clock.now(),
          );
          deps.log.record({ event: 'mailDeferred', ...planned.record, reason: result.reason });
        }
      }
    }
    logMail(deps, delivered, deps.clock.now());
    return { sent, deferred: deferred.length + failed, remaining: 0 };
  } finally {
    deps.lock.withScriptLock(() => deps.store.set(STORE.lease, 'null'));
  }
}

export function lastDigestOf(deps: AppDeps, department: string): LastDigest | null {
  const raw = deps.store.get(STORE.digestPrefix + department);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as LastDigest;
  } catch {
    return null;
  }
}

function rememberDigest(
  deps: AppDeps,
  digest: NonNullable<PlannedMail['digest']>,
  today: string,
): void {
  const last: LastDigest = { print: digest.print, since: digest.since, day: today };
  deps.store.set(STORE.digestPrefix + digest.department, JSON.stringify(last));
}

/** Reminders whose last ledger row (written since `since`) says they failed for good. */
function failedReminders(ledger: LedgerLine[], since: number): LedgerLine[] {
  const last = new Map<string, LedgerLine>();
  for (const e of ledger) last.set(e.key, e);
  const seen = new Set<string>();
  return [...last.values()].filter((e) => {
    if (e.state !== 'failed' || (e.at ?? 0) < since || (e.recipient ?? '').startsWith('dept:'))
      return false;
    // One line per unit and reason: a unit's email carries several notices (one ledger row each).
    const id = `${e.recipient}|${e.reason}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Sends queued receipts and rejections. Each is marked sent in the queue before it goes out (as
 * the ledger does for reminders), so a re-run or a continuation never sends it twice; a failure
 * puts it back (transient, up to MAX_ATTEMPTS) or marks it failed for staff (permanent).
 */
function sendOwed(
  deps: AppDeps,
  owed: QueuedMail[],
  locale: Locale,
  reportFailed: (failed: QueuedMail[]) => void,
): void {
  if (owed.length === 0) return;
  appendQueue(
    deps,
    owed.map((q) => ({ ...q, state: 'sent', at: deps.clock.now() })),
    locale,
  );
  const after: QueuedMail[] = [];
  for (const q of owed) {
    const result = deps.mail.send(q.mail);
    const fields = { kind: q.kind, to: q.mail.to, ...(q.unitId ? { unitId: q.unitId } : {}) };
    if (result.sent) {
      deps.lock.withScriptLock(() =>
        appendMailLog(
          deps,
          q.mail,
          {
            kind: q.kind,
            key: q.key,
            unitId: q.unitId,
            projectId: q.projectId,
            stageId: q.stageId,
          },
          result,
          locale,
        ),
      );
      deps.log.record({ event: 'mail', ...fields, owed: true });
      continue;
    }
    const kind = failureClass(result);
    const attempts = q.attempts + (kind === 'quota' ? 0 : 1);
    const state = kind === 'permanent' || attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
    after.push({ ...q, state, attempts, reason: result.message, at: deps.clock.now() });
    deps.log.record({
      event: 'mailDeferred',
      ...fields,
      reason: result.reason,
      message: result.message,
    });
  }
  appendQueue(deps, after, locale);
  reportFailed(after.filter((q) => q.state === 'failed'));
}

function withDeferredLine(mail: OutgoingMail, line: string): OutgoingMail {
  return {
    ...mail,
    body: `${mail.body}\n\n${line}`,
    htmlBody: mail.htmlBody.replace(/<\/div>$/, `<p>${line}</p></div>`),
  };
}

/** A unit's name or a department's, as the send ledger shows its recipient. */
function recipientName(m: Messages, config: CampaignConfig, recipient: string): string {
  if (recipient.startsWith('dept:')) {
    const department = recipient.slice('dept:'.length);
    return m.departments[department] ?? department;
  }
  return config.units.find((u) => u.unitId === recipient)?.name ?? recipient;
}

/** Appends ledger rows (and mail log rows for sent mail) for these emails, under the lock. */
function record(
  deps: AppDeps,
  mails: PlannedMail[],
  today: string,
  state: 'sent' | 'deferred' | 'failed',
  reason: string,
  at: number,
): void {
  deps.lock.withScriptLock(() => {
    const locale = 'zh-CN';
    const ledger = headerOnly(deps.sheets, SEND_LEDGER_SHEET, locale);
    const rows: Cell[][] = [];
    for (const planned of mails) {
      planned.keys.forEach((key, i) => {
        const n = planned.notices[i];
        rows.push(
          rowFor(ledger, {
            key,
            day: today,
            recipient: planned.recipientName ?? planned.recipient,
            stageId: n?.stage.stageId ?? String(planned.record.stageId ?? ''),
            projectId: n?.projectId ?? '',
            kind: n?.kind ?? planned.kind,
            offsetDays:
              n?.offsetDays ??
              (typeof planned.record.offsetDays === 'number' ? planned.record.offsetDays : ''),
            state,
            reason,
            at: new Date(at),
          }),
        );
      });
    }
    deps.sheets.appendRows([SEND_LEDGER_SHEET.title.zh, SEND_LEDGER_SHEET.title.en], rows);
  });
}

/** The Mail log rows of emails that went out (under the lock: intake appends there too). */
function logMail(deps: AppDeps, mails: PlannedMail[], at: number): void {
  if (mails.length === 0) return;
  deps.lock.withScriptLock(() => {
    const log = headerOnly(deps.sheets, MAIL_LOG_SHEET, 'zh-CN');
    deps.sheets.appendRows(
      [MAIL_LOG_SHEET.title.zh, MAIL_LOG_SHEET.title.en],
      mails.map((p) =>
        rowFor(log, {
          key: p.keys.join(' + ').slice(0, 500),
          kind: p.kind,
          to: p.mail.to.join('; '),
          subject: p.mail.subject,
          unitId: p.recipient.startsWith('dept:') ? '' : p.recipient,
          projectId: p.notices
            .map((n) => n.projectId ?? '')
            .filter(Boolean)
            .join(', '),
          stageId: [...new Set(p.notices.map((n) => n.stage.stageId))].join(', '),
          at: new Date(at),
          state: 'sent',
        }),
      ),
    );
  });
}

export type { Obligation };

/** Decisions are told to units the morning after: one email per unit per day of decisions. */
const DECISION_KEYS = ['status', 'comment', 'fundingGranted'];
/** Older decisions are not sent again even if the ledger lost them (a restored sheet, say). */
const DECISION_LOOKBACK_DAYS = 7;

export function planDecisions(
  m: Messages,
  config: CampaignConfig,
  records: CampaignRecords,
  audit: KeyedTable,
  today: string,
  sent: ReadonlySet<string>,
): PlannedMail[] {
  const tz = config.settings.timeZone;
  const state = reviewState(audit);
  const projects = new Map(records.projects.map((p) => [p.projectId, p]));
  const byUnitDay = new Map<string, Set<string>>();
  for (const row of audit.rows) {
    if (!DECISION_KEYS.includes(String(row.values.key))) continue;
    const at = row.values.at;
    if (!(at instanceof Date)) continue;
    const day = dayOf(at.getTime(), tz);
    if (day >= today || day < addDays(today, -DECISION_LOOKBACK_DAYS)) continue;
    const unitId = String(row.values.unitId ?? '');
    const key = `${unitId}|decision|${day}`;
    if (!unitId || sent.has(key)) continue;
    byUnitDay.set(key, (byUnitDay.get(key) ?? new Set()).add(String(row.values.projectId)));
  }
  const out: PlannedMail[] = [];
  for (const [key, ids] of byUnitDay) {
    const unitId = key.split('|')[0];
    const unit = config.units.find((u) => u.unitId === unitId);
    if (!unit || !unit.active) continue;
    const lines = [...ids].sort().map((id) => {
      const review = state.get(id) ?? {};
      const project = projects.get(id);
      const funding = review.fundingGranted;
      return m.review.decisionLine(
        project?.projectName ?? id,
        id,
        String(
          labelOf(
            'status',
            review.status ?? project?.status ?? STATUS.pending,
            config.settings.locale,
          ),
        ),
        String(review.comment ?? ''),
        funding === undefined || funding === '' ? '' : String(funding),
      );
    });
    const mail = composeDecisions(m, config, unit, lines);
    out.push({
      kind: 'decision' as PlannedMail['kind'],
      recipient: unitId,
      mail,
      keys: [key],
      notices: [],
      record: { kind: 'decision', to: mail.to, unitId, projectIds: [...ids].sort() },
    });
  }
  return out;
}
