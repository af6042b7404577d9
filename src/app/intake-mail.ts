import type { FormDef } from '../../sheets-templates/forms';
import { formatMinute } from '../domain/calendar';
import type { Settings, Unit } from '../domain/config';
import { fitSubject, singleLine } from '../domain/mail-header';
import type { AnswerValue } from '../domain/submission';
import type { Messages } from '../i18n';
import type { OutgoingMail } from '../ports';

/** Every value from a respondent is escaped before it goes into HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const SHOWN_LIMIT = 300;

function shown(value: AnswerValue): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join('、') : String(value);
  return text.length > SHOWN_LIMIT ? text.slice(0, SHOWN_LIMIT) + '……' : text;
}

export type Paragraph = string | { list: string[] } | { link: string };

export function html(paragraphs: (string | { list: string[] } | { link: string })[]): string {
  const parts = paragraphs.map((p) => {
    if (typeof p === 'string') return `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`;
    if ('list' in p) return `<ul>${p.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    return `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>`;
  });
  return `<div style="font-family:sans-serif;font-size:14px;line-height:1.6">${parts.join('')}</div>`;
}

export function text(paragraphs: (string | { list: string[] } | { link: string })[]): string {
  return paragraphs
    .map((p) =>
      typeof p === 'string' ? p : 'list' in p ? p.list.map((i) => `· ${i}`).join('\n') : p.link,
    )
    .join('\n\n');
}

export function mailOf(
  settings: Settings,
  to: string[],
  subject: string,
  paragraphs: Parameters<typeof text>[0],
): OutgoingMail {
  return {
    to,
    subject,
    body: text(paragraphs),
    htmlBody: html(paragraphs),
    name: settings.senderName,
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
  };
}

export interface ReceiptFacts {
  unit: Unit;
  projectId: string;
  projectName: string;
  email: string;
  verified: boolean;
  /** The deadline missed, when late. */
  late: string | null;
  updated: boolean;
  editUrl: string;
  answers: Record<string, AnswerValue>;
  /** The unit's personal status page, when the web app is deployed. */
  pageUrl?: string | null;
  /**
   * What an entry that names no project is about (a task, a person; '' for the unit itself):
   * the receipt then says so instead of a project id.
   */
  about?: string;
}

export function composeReceipt(
  m: Messages,
  settings: Settings,
  form: FormDef,
  facts: ReceiptFacts,
  locale: 'zh-CN' | 'en',
): OutgoingMail {
  const title = locale === 'en' ? form.title.en : form.title.zh;
  const sep = locale === 'en' ? ': ' : '：';
  const recorded = form.fields
    .filter(
      (f) =>
        facts.answers[f.key] !== null &&
        facts.answers[f.key] !== undefined &&
        shown(facts.answers[f.key]) !== '',
    )
    .map((f) => {
      const value = f.kind === 'unit' ? facts.unit.name : shown(facts.answers[f.key]);
      return `${locale === 'en' ? f.label.en : f.label.zh}${sep}${value}`;
    });
  const paragraphs: Parameters<typeof text>[0] = [
    m.mail.greeting,
    facts.about !== undefined
      ? m.mail.entryReceiptLead(facts.unit.name, title, facts.about, facts.updated)
      : m.mail.receiptLead(facts.unit.name, title, facts.projectId, facts.updated),
    ...(facts.verified ? [] : [m.mail.unverified(facts.email, facts.unit.name)]),
    ...(facts.late ? [m.mail.late(facts.late)] : []),
    m.mail.recorded,
    { list: recorded },
    ...(facts.editUrl ? [m.mail.editHint, { link: facts.editUrl }] : []),
    ...(facts.pageUrl ? [m.webPage.linkHint, { link: facts.pageUrl }] : []),
    `${m.mail.signature(settings.senderName)}\n${m.mail.automatic}`,
  ];
  const about = facts.about;
  if (about !== undefined)
    return mailOf(
      settings,
      [facts.email],
      fitSubject(
        (campaign: string, form: string, what: string) =>
          m.mail.entryReceiptSubject(campaign, form, what, facts.updated),
        [settings.campaignName, title, about || facts.unit.name],
      ),
      paragraphs,
    );
  return mailOf(
    settings,
    [facts.email],
    // The project id stays whole: only the campaign, form and project names may be cut.
    fitSubject(
      (campaign: string, form: string, project: string) =>
        m.mail.receiptSubject(campaign, form, project, singleLine(facts.projectId), facts.updated),
      [settings.campaignName, title, facts.projectName],
    ),
    paragraphs,
  );
}

export function composeRejection(
  m: Messages,
  settings: Settings,
  form: FormDef,
  raw: { respondentEmail: string; submittedAt: number; editUrl: string },
  reasons: string[],
  locale: 'zh-CN' | 'en',
): OutgoingMail {
  const title = locale === 'en' ? form.title.en : form.title.zh;
  const paragraphs: Parameters<typeof text>[0] = [
    m.mail.greeting,
    m.mail.rejectionLead(title, formatMinute(raw.submittedAt, settings.timeZone)),
    { list: reasons },
    ...(raw.editUrl ? [m.mail.fixHint, { link: raw.editUrl }] : []),
    `${m.mail.signature(settings.senderName)}\n${m.mail.automatic}`,
  ];
  return mailOf(
    settings,
    [raw.respondentEmail.trim().toLowerCase()],
    fitSubject(m.mail.rejectionSubject, [settings.campaignName, title]),
    paragraphs,
  );
}
