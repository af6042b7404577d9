import type { Faithful, Workspace } from './core';
import { Blob, isBlobSource } from './blob';

type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface OutboxAttachment {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface OutboxInlineImage extends OutboxAttachment {
  /** The key used in the HTML as <img src="cid:KEY">. */
  cid: string;
}

/** One sent email as the outbox keeps it (read by the .eml exporter and by tests). */
export interface SentMessage {
  /** 1-based, in send order across the whole workspace. */
  seq: number;
  /** Simulated send time (ms since epoch). */
  sentAt: number;
  executionId: number;
  from: string;
  /** The sender display name given with `name`, or null (Apps Script would use the account's). */
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  attachments: OutboxAttachment[];
  inlineImages: OutboxInlineImage[];
}

/** Quotas for Google Services (per message limits). */
export const MAIL_LIMITS = {
  recipientsPerMessage: 50,
  bodyBytes: 200 * 1024,
  attachmentsPerMessage: 250,
  attachmentBytes: 25 * 1024 * 1024,
  subjectChars: 250,
};

export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';

interface MailState {
  outbox: SentMessage[];
  /** Recipients used per quota day (yyyy-MM-dd in the script's time zone). */
  used: Map<string, number>;
  /** Addresses the host says the mail service refuses (see `_refuseAddresses`). */
  refused: Set<string>;
  /** Errors the next sends throw, one each (see `_failNextSends`). */
  failures: string[];
}

function stateOf(ws: Workspace): MailState {
  return ws.state<MailState>('mail', () => ({
    outbox: [],
    used: new Map(),
    refused: new Set(),
    failures: [],
  }));
}

/** Pragmatic address check: local@domain.tld without spaces or brackets. */
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** Splits "a@x.cn, 张三 <b@x.cn>" on commas outside quotes; keeps the bare addresses. */
export function parseAddressList(list: string | undefined | null): string[] {
  if (list === undefined || list === null) return [];
  const text = String(list);
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const addresses: string[] = [];
  for (const raw of parts) {
    const entry = raw.trim();
    if (entry === '') continue;
    const angle = /<([^<>]*)>\s*$/.exec(entry);
    const address = (angle ? angle[1] : entry).trim();
    if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${entry}`);
    addresses.push(address);
  }
  return addresses;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function blobOf(source: unknown): Blob {
  if (source instanceof Blob) return source;
  if (isBlobSource(source)) return source.getBlob();
  throw new Error('Invalid argument: attachments');
}

function attachmentOf(source: unknown): OutboxAttachment {
  const blob = blobOf(source);
  return {
    name: blob.getName() ?? 'attachment',
    contentType: blob.getContentType() ?? 'application/octet-stream',
    bytes: blob._buffer(),
  };
}

function isOptions(value: unknown): value is MailOptions {
  return typeof value === 'object' && value !== null;
}

export class MailApp implements Faithful<
  GoogleAppsScript.Mail.MailApp,
  'getRemainingDailyQuota' | 'sendEmail'
> {
  static readonly gasName = 'MailApp';

  constructor(private readonly ws: Workspace) {}

  /** Recipients left today. Consumer accounts 100, Workspace 1,500 (ws.mailDailyQuota). */
  getRemainingDailyQuota(): number {
    return Math.max(0, this.ws.mailDailyQuota - MailApp._recipientsUsed(this.ws));
  }

  sendEmail(
    messageOrRecipient: MailOptions | string,
    subjectOrReplyTo?: string,
    bodyOrSubject?: string,
    optionsOrBody?: MailOptions | string,
  ): void {
    let options: MailOptions;
    if (isOptions(messageOrRecipient)) {
      options = { ...messageOrRecipient };
    } else if (typeof optionsOrBody === 'string') {
      // sendEmail(to, replyTo, subject, body)
      options = {
        to: messageOrRecipient,
        replyTo: subjectOrReplyTo,
        subject: bodyOrSubject,
        body: optionsOrBody,
      };
    } else {
      options = {
        ...(isOptions(optionsOrBody) ? optionsOrBody : {}),
        to: messageOrRecipient,
        subject: subjectOrReplyTo,
        body: bodyOrSubject,
      };
    }
    this._send(options);
  }

  private _send(options: MailOptions): void {
    const to = parseAddressList(options.to);
    const cc = parseAddressList(options.cc);
    const bcc = parseAddressList(options.bcc);
    const replyTo = options.replyTo ? (parseAddressList(options.replyTo)[0] ?? null) : null;
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new Error('Failed to send email: no recipient');
    const failure = stateOf(this.ws).failures.shift();
    if (failure !== undefined) throw new Error(failure);
    const refused = [...to, ...cc, ...bcc].find((a) => stateOf(this.ws).refused.has(a));
    if (refused !== undefined) throw new Error(`Invalid email: ${refused}`);
    if (count > MAIL_LIMITS.recipientsPerMessage) {
      throw new Error('Limit Exceeded: Email Recipients Per Message.');
    }
    const subject =
      options.subject === undefined || options.subject === null ? '' : String(options.subject);
    if (subject.length > MAIL_LIMITS.subjectChars) throw new Error('Argument too large: subject');
    const body = options.body === undefined || options.body === null ? '' : String(options.body);
    const htmlBody =
      options.htmlBody === undefined || options.htmlBody === null ? null : String(options.htmlBody);
    if (
      utf8Length(body) > MAIL_LIMITS.bodyBytes ||
      utf8Length(htmlBody ?? '') > MAIL_LIMITS.bodyBytes
    ) {
      throw new Error('Limit Exceeded: Email Body Size.');
    }
    const attachments = (options.attachments ?? []).map(attachmentOf);
    const inlineImages = Object.entries(options.inlineImages ?? {}).map(([cid, source]) => ({
      cid,
      ...attachmentOf(source),
    }));
    const attachmentBytes = [...attachments, ...inlineImages].reduce(
      (n, a) => n + a.bytes.length,
      0,
    );
    if (
      attachments.length > MAIL_LIMITS.attachmentsPerMessage ||
      attachmentBytes > MAIL_LIMITS.attachmentBytes
    ) {
      throw new Error('Limit Exceeded: Email Total Attachments Size.');
    }

    // The daily quota counts recipients, not messages; a send that does not fit sends nothing.
    const state = stateOf(this.ws);
    const day = this.ws.dayKey(this.ws.now());
    const used = state.used.get(day) ?? 0;
    if (used + count > this.ws.mailDailyQuota) throw new Error(MAIL_QUOTA_ERROR);
    state.used.set(day, used + count);

    const execution = this.ws.execution();
    execution.mailRecipients += count;
    const noReply = Boolean(options.noReply);
    const from = noReply
      ? `noreply@${execution.effectiveUser.split('@')[1] ?? 'example.com'}`
      : execution.effectiveUser;
    state.outbox.push({
      seq: state.outbox.length + 1,
      sentAt: this.ws.now(),
      executionId: execution.id,
      from,
      name: options.name === undefined || options.name === null ? null : String(options.name),
      replyTo,
      noReply,
      to,
      cc,
      bcc,
      subject,
      body,
      htmlBody,
      attachments,
      inlineImages,
    });
  }

  /** Host: every email sent so far, in send order. */
  static _outbox(ws: Workspace): readonly SentMessage[] {
    return stateOf(ws).outbox;
  }

  /**
   * Host: addresses the service will refuse with `Invalid email: <addr>`. Google's check is its
   * own and stricter than any pattern a script can apply beforehand, so a test names the address
   * that Google would refuse to see how the script copes.
   */
  static _refuseAddresses(ws: Workspace, addresses: readonly string[]): void {
    for (const a of addresses) stateOf(ws).refused.add(a);
  }

  /** Host: the next `count` sends fail with `message` (a transient service error by default). */
  static _failNextSends(ws: Workspace, count: number, message = 'Service error: MailApp'): void {
    for (let i = 0; i < count; i++) stateOf(ws).failures.push(message);
  }

  /** Host: recipients counted against the quota on the day of `ms` (default: now). */
  static _recipientsUsed(ws: Workspace, ms: number = ws.now()): number {
    return stateOf(ws).used.get(ws.dayKey(ms)) ?? 0;
  }
}
