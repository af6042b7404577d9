import { formDef } from '../../sheets-templates/forms';
import { daysBetween } from '../domain/calendar';
import type { CampaignConfig, Stage, Unit } from '../domain/config';
import { fitSubject } from '../domain/mail-header';
import type { Obligation } from '../domain/obligations';
import { STATUS, type CampaignRecords, type ProjectRecord } from '../domain/records';
import type { Notice } from '../domain/reminder-plan';
import type { Messages } from '../i18n';
import type { OutgoingMail } from '../ports';
import { mailOf, type Paragraph } from './intake-mail';

/** Lines listed per section of a digest before "… N in all". */
const LIST_LIMIT = 40;

const formTitle = (key: string | null, locale: string) => {
  const def = key ? formDef(key) : undefined;
  return def ? (locale === 'en' ? def.title.en : def.title.zh) : '';
};

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
): OutgoingMail {
  const { settings } = config;
  const locale = settings.locale;
  const overdue = notices.some((n) => n.kind === 'overdue');
  const when = (n: Notice) => {
    const left = daysBetween(today, n.stage.deadline);
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
        m.reminders.item(
          title,
          n.projectName ? `${n.projectName}（${n.projectId}）` : null,
          n.stage.deadline,
          when(n),
        ),
      ],
    });
    const url = n.stage.form ? link(n.stage.form, n.projectId ?? unit.name) : null;
    if (url) paragraphs.push(m.reminders.linkHint, { link: url });
  }
  paragraphs.push(
    m.reminders.ignoreHint,
    `${m.mail.signature(settings.senderName)}\n${m.mail.automatic}`,
  );
  const subject =
    notices.length === 1
      ? fitSubject(
          (campaign: string, form: string) =>
            m.reminders.subjectOne(campaign, form, when(notices[0])),
          [settings.campaignName, formTitle(notices[0].stage.form, locale)],
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
  daysBefore: number,
  projects: ProjectRecord[],
  to: string[],
): OutgoingMail {
  const { settings } = config;
  const name = m.departments[department] ?? department;
  return mailOf(
    settings,
    to,
    fitSubject(m.reminders.staffReminderSubject, [settings.campaignName, stage.name, daysBefore]),
    [
      m.reminders.staffReminderLead(name, stage.name, stage.deadline),
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

/** The department's daily digest, or null when there is nothing to say. */
export function composeStaffDigest(
  m: Messages,
  config: CampaignConfig,
  department: string,
  records: CampaignRecords,
  owed: Obligation[],
  today: string,
  extra: { quotaLines: string[] },
): OutgoingMail | null {
  const { settings } = config;
  const units = new Map(config.units.map((u) => [u.unitId, u]));
  const mine = (unitId: string) => units.get(unitId)?.department === department;
  const sections: Paragraph[] = [];
  for (const stage of config.stages) {
    if (stage.opensOn > today || !stage.form) continue;
    const open = owed.filter((o) => o.stage === stage && o.metAt === null && mine(o.unitId));
    if (open.length === 0) continue;
    const lines = open.map((o) => {
      const unit = units.get(o.unitId);
      return o.projectId
        ? `${unit?.name ?? o.unitId}：${o.projectName}（${o.projectId}）`
        : (unit?.name ?? o.unitId);
    });
    sections.push(
      today <= stage.deadline
        ? m.reminders.missing(stage.name, stage.deadline)
        : m.reminders.overdue(stage.name, stage.deadline),
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
  const name = m.departments[department] ?? department;
  return mailOf(
    settings,
    settings.staffEmails[department] ?? [],
    fitSubject(
      (campaign: string, department: string) =>
        m.reminders.staffSubject(campaign, department, today),
      [settings.campaignName, name],
    ),
    [
      m.reminders.staffLead(name, today),
      ...sections,
      `${m.mail.signature(settings.senderName)}\n${m.mail.automatic}`,
    ],
  );
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
