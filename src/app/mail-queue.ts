/**
 * Mail owed is a queue, not a log line: a receipt or rejection that the quota, the reserve or a
 * failure held back is kept whole in 待发邮件 and sent by a later daily run, rejections first, until
 * it is sent, replaced by a newer email for the same response, or failed for good (then staff are
 * told who, which address and why).
 */
import { HEALTH_SHEET } from '../../sheets-templates/config-sheets';
import { MAIL_LOG_SHEET, MAIL_QUEUE_SHEET } from '../../sheets-templates/data-sheets';
import { messages, type Locale } from '../i18n';
import type { AppDeps, OutgoingMail, SendResult } from '../ports';
import { headerOnly, readKeyed, rowFor } from './records';

export type QueueState = 'queued' | 'sent' | 'superseded' | 'failed';

export interface QueuedMail {
  key: string;
  /** The response the email is about: a newer email of the same group replaces an older one. */
  group: string;
  kind: string;
  mail: OutgoingMail;
  unitId: string;
  projectId: string;
  stageId: string;
  state: QueueState;
  attempts: number;
  reason: string;
  at: number;
}

/** A transient failure is retried this many times in all, then reported as failed. */
export const MAX_ATTEMPTS = 3;

/**
 * What a failed send means. Quota: wait for tomorrow. Permanent: the same email will fail again
 * (an address the service refuses, an argument over its limits) — never retried blindly.
 * Anything else is transient (Google's "Service error", "server error occurred" …).
 */
export function failureClass(result: SendResult): 'quota' | 'permanent' | 'transient' | null {
  if (result.sent) return null;
  if (result.reason === 'quota') return 'quota';
  return /invalid email|argument too large|no recipient|recipients per message|limit exceeded/i.test(
    result.message,
  )
    ? 'permanent'
    : 'transient';
}

/** `receipt:<responseId>:<submittedAt>` → response id and time (the group and its order). */
export function groupOf(key: string): { group: string; order: number } {
  const [, responseId = key, at = '0'] = key.split(':');
  return { group: responseId, order: Number(at) || 0 };
}

/** Appends queue rows (under the script lock: intake and the daily run both write here). */
export function appendQueue(deps: AppDeps, items: QueuedMail[], locale: Locale): void {
  if (items.length === 0) return;
  deps.lock.withScriptLock(() => {
    const table = headerOnly(deps.sheets, MAIL_QUEUE_SHEET, locale);
    deps.sheets.appendRows(
      [MAIL_QUEUE_SHEET.title.zh, MAIL_QUEUE_SHEET.title.en],
      items.map((q) =>
        rowFor(table, {
          key: q.key,
          group: q.group,
          kind: q.kind,
          to: q.mail.to.join('; '),
          subject: q.mail.subject,
          body: q.mail.body,
          htmlBody: q.mail.htmlBody,
          unitId: q.unitId,
          projectId: q.projectId,
          stageId: q.stageId,
          state: q.state,
          attempts: q.attempts,
          reason: q.reason,
          at: new Date(q.at),
        }),
      ),
    );
  });
}

/** The latest row of every key, in first-queued order. */
export function readQueue(
  deps: AppDeps,
  locale: Locale,
  sender: { senderName: string; replyTo?: string },
): QueuedMail[] {
  const latest = new Map<string, QueuedMail>();
  for (const r of readKeyed(deps.sheets, MAIL_QUEUE_SHEET, locale).rows) {
    const v = r.values;
    const key = String(v.key ?? '');
    if (!key) continue;
    const at = v.at instanceof Date ? v.at.getTime() : 0;
    latest.set(key, {
      key,
      group: String(v.group ?? ''),
      kind: String(v.kind ?? ''),
      mail: {
        to: String(v.to ?? '')
          .split(/;\s*/)
          .filter(Boolean),
        subject: String(v.subject ?? ''),
        body: String(v.body ?? ''),
        htmlBody: String(v.htmlBody ?? ''),
        name: sender.senderName,
        ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
      },
      unitId: String(v.unitId ?? ''),
      projectId: String(v.projectId ?? ''),
      stageId: String(v.stageId ?? ''),
      state: String(v.state ?? 'queued') as QueueState,
      attempts: Number(v.attempts) || 0,
      reason: String(v.reason ?? ''),
      at,
    });
  }
  return [...latest.values()];
}

/**
 * What is still owed, most urgent first (a rejection asks the unit to act; then the oldest), and
 * what a newer email for the same response has replaced since it was queued.
 */
export function owedMail(
  deps: AppDeps,
  queue: QueuedMail[],
  locale: Locale,
): { owed: QueuedMail[]; superseded: QueuedMail[] } {
  // The newest email of each response, queued or sent directly by intake (邮件记录).
  const newest = new Map<string, number>();
  const note = (key: string) => {
    const { group, order } = groupOf(key);
    if ((newest.get(group) ?? -1) < order) newest.set(group, order);
  };
  for (const q of queue) if (q.state !== 'failed') note(q.key);
  for (const r of readKeyed(deps.sheets, MAIL_LOG_SHEET, locale).rows) {
    if (String(r.values.state) === 'sent') note(String(r.values.key ?? ''));
  }
  const owed: QueuedMail[] = [];
  const superseded: QueuedMail[] = [];
  for (const q of queue) {
    if (q.state !== 'queued') continue;
    const { group, order } = groupOf(q.key);
    if ((newest.get(group) ?? order) > order) superseded.push(q);
    else owed.push(q);
  }
  const rank = (q: QueuedMail) => (q.kind === 'rejection' ? 0 : 1);
  owed.sort((a, b) => rank(a) - rank(b) || a.at - b.at);
  return { owed, superseded };
}

/** Failed emails staff should hear about: unit, address and reason, one line each. */
export function failedLines(queue: QueuedMail[], since: number): QueuedMail[] {
  return queue.filter((q) => q.state === 'failed' && q.at >= since);
}

export interface MailFailure {
  kind: string;
  /** The unit's name and id, or '—' for staff mail. */
  unit: string;
  to: string;
  reason: string;
}

/**
 * A permanent failure is also written to 运行状况 (the sheet staff open when something is wrong),
 * one error line each, so that a failed staff digest — which no digest can report — is seen too.
 */
export function reportMailFailures(deps: AppDeps, failures: MailFailure[], locale: Locale): void {
  if (failures.length === 0) return;
  const m = messages(locale);
  // A real instant: the column is shown as yyyy-mm-dd hh:mm in the sheet's zone.
  const checkedAt = new Date(deps.clock.now());
  deps.lock.withScriptLock(() => {
    const table = headerOnly(deps.sheets, HEALTH_SHEET, locale);
    deps.sheets.appendRows(
      [HEALTH_SHEET.title.zh, HEALTH_SHEET.title.en],
      failures.map((f) =>
        rowFor(table, {
          level: m.levels.error,
          sheet: locale === 'en' ? MAIL_LOG_SHEET.title.en : MAIL_LOG_SHEET.title.zh,
          problem: m.health.mailFailed(m.health.mailWhat[f.kind] ?? f.kind, f.unit, f.to, f.reason),
          checkedAt,
        }),
      ),
    );
  });
}
