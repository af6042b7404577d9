import { formDef } from '../../sheets-templates/forms';
import { addDays, daysBetween } from '../domain/calendar';
import { fingerprint } from '../domain/fingerprint';
import type { CampaignConfig, Stage, Unit } from '../domain/config';
import { fitSubject } from '../domain/mail-header';
import { stageTitle, type Obligation } from '../domain/obligations';
import { STATUS, type CampaignRecords, type ProjectRecord } from '../domain/records';
import type { Notice } from '../domain/reminder-plan';
import type { Messages } from '../i18n';
import type { OutgoingMail } from '../ports';
import type { Label } from '../domain/template';
import { mailOf, type Paragraph } from './intake-mail';

/** Lines listed per section of a digest before "… N in all". */
const LIST_LIMIT = 40;

const formTitle = (key: string | null, locale: string) => {
  const def = key ? formDef(key) : undefined;
  return def ? (locale === 'en' ? def.title.en : def.title.zh) : '';
};

/** What a notice is about besides its unit: a project (name and id) or a person, or nothing. */
const aboutOf = (n: Notice): string | null =>
  n.projectName ? `${n.projectName}（${n.projectId}）` : n.personName;

function limited(m: Messages, lines: string[]): string[] {
  return lines.length > LIST_LIMIT
    ? [...lines.slice(0, LIST_LIMIT), m.reminders.andMore(lines.length)]
    : lines;
}

/** One email to a unit covering everything it owes today, each item with its deadline and link. */
export function composeUnitNotice(
  m: Messages,
  config: CampaignConfig,
  unit: Unit,
  notices: Notice[],
  today: string,
  link: (formKey: string, value: string) => string | null,
  pageUrl: string | null = null,
): OutgoingMail {
  const { settings } = config;
  const locale = settings.locale;
  const overdue = notices.some((n) => n.kind === 'overdue');
  const when = (n: Notice) => {
    const left = daysBetween(today, n.deadline);
    return left >= 0 ? m.reminders.daysLeft(left) : m.reminders.overdueBy(-left);
  };
  const paragraphs: Paragraph[] = [
    m.mail.greeting,
    overdue ? m.reminders.leadOverdue(unit.name) : m.reminders.lead(unit.name),
  ];
  for (const n of notices) {
    const title = formTitle(n.stage.form, locale);
    paragraphs.push({
      list: [
        n.periodId
          ? m.reminders.periodItem(
              stageTitle(n.stage, n.periodLabel, locale),
              aboutOf(n),
              n.deadline,
              when(n),
            )
          : m.reminders.item(title, aboutOf(n), n.deadline, when(n)),
      ],
    });
    const url = n.stage.form ? link(n.stage.form, n.projectId ?? unit.name) : null;
    if (url) paragraphs.push(m.reminders.linkHint, { link: url });
  }
  if (pageUrl) paragraphs.push(m.webPage.linkHint, { link: pageUrl });
  paragraphs.push(
    m.reminders.ignoreHint,
    `${m.mail.signature(settings.senderName)}\n${m.mail.automatic}`,
  );
  const subject =
    notices.length === 1
      ? fitSubject(
          (campaign: string, form: string) =>
            m.reminders.subjectOne(campaign, form, when(notices[0])),
          [
            settings.campaignName,
            notices[0].periodId
              ? stageTitle(notices[0].stage, notices[0].periodLabel, locale)
              : formTitle(notices[0].stage.form, locale),
          ],
        )
      : fitSubject(m.reminders.subjectMany, [settings.campaignName, notices.length, overdue]);
  return mailOf(settings, unit.emails, subject, paragraphs);
}

/** Projects still pending review, per department of their unit. */
export function pendingReviewByDepartment(
  config: CampaignConfig,
  records: CampaignRecords,
): Map<string, ProjectRecord[]> {
  const units = new Map(config.units.map((u) => [u.unitId, u]));
  const out = new Map<string, ProjectRecord[]>();
  for (const p of records.projects) {
    const unit = units.get(p.unitId);
    if (!unit || !unit.active || (p.status && p.status !== STATUS.pending)) continue;
    out.set(unit.department, [...(out.get(unit.department) ?? []), p]);
  }
  return out;
}

const projectLine = (config: CampaignConfig, p: ProjectRecord) => {
  const unit = config.units.find((u) => u.unitId === p.unitId);
  return `${unit?.name ?? p.unitId}：${p.projectName}（${p.projectId}）`;
};

export function composeStaffReminder(
  m: Messages,
  config: CampaignConfig,
  department: string,
  stage: Stage,
  period: { label: Label; deadline: string },
  daysBefore: number,
  projects: ProjectRecord[],
  to: string[],
): OutgoingMail {
  const { settings } = config;
  const name = m.departments[department] ?? department;
  const title = stageTitle(stage, period.label, settings.locale);
  return mailOf(
    settings,
    to,
    fitSubject(m.reminders.staffReminderSubject, [settings.campaignName, title, daysBefore]),
    [
      m.reminders.staffReminderLead(name, title, period.deadline),
      {
        list: limited(
          m,
          projects.map((p) => projectLine(config, p)),
        ),
      },
      `${m.mail.signature(settings.senderName)}\n${m.mail.automatic}`,
    ],
  );
}

/** The last digest a department was sent: what it said (a fingerprint), since when, and when. */
export interface LastDigest {
  print: string;
  since: string;
  day: string;
}

/** Without news, a department hears again about what is still open once a week. */
export const DIGEST_REPEAT_DAYS = 7;

export interface StaffDigest {
  mail: OutgoingMail;
  /** Fingerprint of what the digest reports (the date and the news lines aside). */
  print: string;
  /** The first day the department was told exactly this. */
  since: string;
  /** Nothing new since the last digest and no weekly repeat due: sent only with other news. */
  repeat: boolean;
}

/**
 * The daily digest of a department — or null when there is nothing to report. A digest says
 * something new: what it lists changed since the last one, a stage deadline reminder day of the
 * department's units (said in the digest), or a week has passed since the department last heard
 * (then the digest says since when nothing changed). Otherwise it is marked `repeat`, and the daily
 * run sends it only if it carries other news (deferred or failed mail).
 */
export function composeStaffDigest(
  m: Messages,
  config: CampaignConfig,
  department: string,
  records: CampaignRecords,
  owed: Obligation[],
  today: string,
  extra: { quotaLines: string[]; last?: LastDigest | null },
): StaffDigest | null {
  const { settings } = config;
  const units = new Map(config.units.map((u) => [u.unitId, u]));
  const mine = (unitId: string) => units.get(unitId)?.department === department;
  const sections: Paragraph[] = [];
  // What is still owed in the department, per stage and period, for the periods open today: in
  // stage order, then period order (as obligations come).
  const open = new Map<string, Obligation[]>();
  for (const o of owed) {
    if (o.opensOn > today || !o.stage.form || o.metAt !== null || !mine(o.unitId)) continue;
    const key = `${o.stage.stageId}|${o.periodId}`;
    const list = open.get(key);
    if (list) list.push(o);
    else open.set(key, [o]);
  }
  const owing: Obligation[] = [];
  for (const list of open.values()) {
    const first = list[0];
    owing.push(first);
    const title = stageTitle(first.stage, first.periodLabel, settings.locale);
    const lines = list.map((o) => {
      const unit = units.get(o.unitId);
      return o.projectId
        ? `${unit?.name ?? o.unitId}：${o.projectName}（${o.projectId}）`
        : o.personId
          ? `${unit?.name ?? o.unitId}：${o.personName}`
          : (unit?.name ?? o.unitId);
    });
    sections.push(
      today <= first.deadline
        ? m.reminders.missing(title, first.deadline)
        : m.reminders.overdue(title, first.deadline),
    );
    sections.push({ list: limited(m, lines) });
  }
  const unverified = records.projects.filter((p) => !p.verified && mine(p.unitId));
  if (unverified.length)
    sections.push(m.reminders.unverified, {
      list: limited(
        m,
        unverified.map((p) => projectLine(config, p)),
      ),
    });
  const quota = extra.quotaLines;
  if (quota.length) sections.push(m.reminders.quota, { list: limited(m, quota) });
  if (sections.length === 0) return null;
  const print = fingerprint(sections);
  const last = extra.last ?? null;
  const same = !!last && last.print === print;
  const since = same ? last.since : today;
  // Deadline reminder days of open stages: the units are reminded today, staff hear the state.
  const dueSoon = owing.flatMap((o) =>
    o.stage.remindDaysBefore
      .filter((d) => addDays(o.deadline, -d) === today)
      .map((d) =>
        m.reminders.dueSoon(stageTitle(o.stage, o.periodLabel, settings.locale), o.deadline, d),
      ),
  );
  const weekly = same && daysBetween(last.day, today) >= DIGEST_REPEAT_DAYS;
  const news: Paragraph[] = [
    ...dueSoon,
    ...(same && dueSoon.length === 0
      ? [
          m.reminders.unchangedSince(
            since,
            Math.floor(daysBetween(since, today) / DIGEST_REPEAT_DAYS),
            DIGEST_REPEAT_DAYS,
          ),
        ]
      : []),
  ];
  const name = m.departments[department] ?? department;
  const mail = mailOf(
    settings,
    settings.staffEmails[department] ?? [],
    fitSubject(
      (campaign: string, department: string) =>
        m.reminders.staffSubject(campaign, department, today),
      [settings.campaignName, name],
    ),
    [
      m.reminders.staffLead(name, today),
      ...news,
      ...sections,
      `${m.mail.signature(settings.senderName)}\n${m.mail.automatic}`,
    ],
  );
  return { mail, print, since, repeat: same && dueSoon.length === 0 && !weekly };
}

/** The unit's decisions of one day, in one email. */
export function composeDecisions(
  m: Messages,
  config: CampaignConfig,
  unit: Unit,
  lines: string[],
): OutgoingMail {
  const { settings } = config;
  return mailOf(
    settings,
    unit.emails,
    fitSubject(m.review.decisionSubject, [settings.campaignName]),
    [
      m.mail.greeting,
      m.review.decisionLead(unit.name),
      { list: lines },
      `${m.mail.signature(settings.senderName)}\n${m.mail.automatic}`,
    ],
  );
}
