/**
 * The units' self-service status page (the web app's doGet): one unit's obligations with their
 * state and links, its projects and the decisions and emails it got — or, for staff, every unit
 * of their departments with the same states. Pure apart from the ports: identity comes from the
 * signed-in account where Apps Script reveals it, otherwise from a signed personal link.
 */
import {
  AUDIT_LOG_SHEET,
  MAIL_LOG_SHEET,
  PROJECTS_SHEET,
  REJECTIONS_SHEET,
} from '../../sheets-templates/data-sheets';
import { formDef } from '../../sheets-templates/forms';
import { addDays, daysBetween, dayOf } from '../domain/calendar';
import { hmacSha256WebSafe } from '../domain/hmac';
import { labelOf, valueLabel } from '../domain/labels';
import type { CampaignConfig, Stage, Unit } from '../domain/config';
import { obligations, recordsOfForm, stageTitle, type Obligation } from '../domain/obligations';
import { scheduleSpan } from '../domain/periods';
import type { CampaignRecords } from '../domain/records';
import type { Cell } from '../domain/table';
import { messages, type Messages } from '../i18n';
import type { AppDeps } from '../ports';
import { loadConfig } from './config-sheets';
import { prefilledLinks } from './form-links';
import { loadRecords, readKeyed } from './records';

/** Script property holding the HMAC key of personal links. */
export const PAGE_SECRET = 'webPage.secret';
/** Personal links stay valid this long after the last deadline of the campaign. */
const LINK_GRACE_DAYS = 60;
/** Emails and decisions listed on a unit's page, newest first. */
const HISTORY_LIMIT = 100;

export type StateKind = 'met' | 'metLate' | 'due' | 'upcoming' | 'overdue' | 'rejected';
/** Worst first: a staff row shows its unit's worst state. */
const SEVERITY: StateKind[] = ['overdue', 'rejected', 'due', 'upcoming', 'metLate', 'met'];

export interface PageLink {
  href: string;
  text: string;
}

export interface PageItem {
  id: string;
  title: string;
  subtitle: string;
  state: StateKind | '';
  stateLabel: string;
  detail: string;
  lines: string[];
  links: PageLink[];
  /** Every state of the item (a staff row: all its unit's), for the filter. */
  states: string;
  /** Lower-case text the filter matches. */
  search: string;
}

export interface PageSection {
  id: string;
  title: string;
  empty: string;
  items: PageItem[];
}

/** Everything the template prints, already in the campaign's language. */
export interface PageView {
  kind: 'unit' | 'staff' | 'refused';
  lang: string;
  title: string;
  heading: string;
  lead: string;
  message: string;
  filter: { placeholder: string; allStates: string; states: PageLink[] } | null;
  sections: PageSection[];
}

export interface ObligationState {
  obligation: Obligation;
  state: StateKind;
  /** Days left (due, upcoming) or days overdue. */
  days: number;
  /** Day of the first submission (met, metLate), of the rejected one (rejected). */
  day: string;
  reasons: string[];
  links: { kind: 'fill' | 'fix' | 'edit'; href: string; label: string }[];
}

interface Rejection {
  unit: string;
  form: string;
  email: string;
  reasons: string[];
  day: string;
  editUrl: string;
}

const text = (c: Cell | undefined) =>
  c === undefined || c === null ? '' : c instanceof Date ? c.toISOString() : String(c).trim();

// ------------------------------------------------------------------ personal links

/** The key of personal links, created when missing (activation, or the first link made). */
export function ensurePageSecret(deps: Pick<AppDeps, 'store' | 'web'>): string {
  const existing = deps.store.get(PAGE_SECRET);
  if (existing) return existing;
  const secret = deps.web.newSecret();
  deps.store.set(PAGE_SECRET, secret);
  return secret;
}

/** A new key: every personal link sent so far stops working. */
export function rotatePageSecret(deps: AppDeps): void {
  deps.store.set(PAGE_SECRET, deps.web.newSecret());
  deps.log.record({ event: 'pageSecretRotated', by: deps.ui.activeUser() });
  const loaded = loadConfig(deps.sheets);
  const m = messages(loaded.ok ? loaded.config.settings.locale : 'zh-CN');
  deps.ui.alert(m.webPage.secretRotatedTitle, m.webPage.secretRotated);
}

function signed(subject: string, expires: string): string {
  return `v1|${subject}|${expires}`;
}

/** The last day a link made now stays valid. */
export function linkExpiry(config: CampaignConfig): string {
  const last = config.stages.reduce((d, s) => {
    const deadline = scheduleSpan(s.schedule).deadline;
    return deadline > d ? deadline : d;
  }, '');
  return addDays(last || '2000-01-01', LINK_GRACE_DAYS);
}

/**
 * Personal links for units (`subject` = their id) or a department's staff (`dept:<key>`): an HMAC
 * over subject and expiry. The address and the key are read once per execution and the signature
 * is computed in script (src/domain/hmac.ts), so a run's calls do not grow with the emails it
 * sends. Null links when the web app is not deployed.
 */
export function pageLinker(
  deps: Pick<AppDeps, 'store' | 'web'>,
  config: CampaignConfig,
  expires = linkExpiry(config),
): (subject: string) => string | null {
  let url: string | null | undefined;
  let secret = '';
  return (subject) => {
    if (url === undefined) {
      url = deps.web.url();
      if (url) secret = ensurePageSecret(deps);
    }
    if (!url) return null;
    const signature = hmacSha256WebSafe(signed(subject, expires), secret);
    const q = (s: string) => encodeURIComponent(s);
    return `${url}${url.includes('?') ? '&' : '?'}u=${q(subject)}&e=${q(expires)}&s=${q(signature)}`;
  };
}

/** One personal link (see pageLinker). */
export function personalLink(
  deps: Pick<AppDeps, 'store' | 'web'>,
  config: CampaignConfig,
  subject: string,
): string | null {
  return pageLinker(deps, config)(subject);
}

/** A link's subject when its signature holds and it has not expired, else why not. */
export function checkLink(
  deps: Pick<AppDeps, 'store' | 'web'>,
  params: Record<string, string | undefined>,
  today: string,
): { subject: string } | { refused: 'tampered' | 'expired' | 'noSecret' } {
  const subject = params.u ?? '';
  const expires = params.e ?? '';
  const secret = deps.store.get(PAGE_SECRET);
  if (!secret) return { refused: 'noSecret' };
  // Checked with Utilities.computeHmacSha256Signature; links are minted by the same HMAC in script.
  const expected = deps.web.sign(signed(subject, expires), secret);
  // Compared whole, character by character: no early exit that would time the difference.
  const given = params.s ?? '';
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  if (diff !== 0 || !/^\d{4}-\d{2}-\d{2}$/.test(expires)) return { refused: 'tampered' };
  if (today > expires) return { refused: 'expired' };
  return { subject };
}

/** A line of the unit's history (a decision, an email): a title and when, nothing to act on. */
function historyItem(id: string, title: string, subtitle: string): PageItem {
  return {
    id,
    title,
    subtitle,
    state: '',
    stateLabel: '',
    detail: '',
    lines: [],
    links: [],
    states: '',
    search: '',
  };
}

// ------------------------------------------------------------------ states

function readRejections(deps: Pick<AppDeps, 'sheets'>, config: CampaignConfig): Rejection[] {
  const open = [messages('zh-CN').intake.rejectionOpen, messages('en').intake.rejectionOpen];
  return readKeyed(deps.sheets, REJECTIONS_SHEET, config.settings.locale)
    .rows.filter((r) => open.includes(text(r.values.state)))
    .map((r) => ({
      unit: text(r.values.unit),
      form: text(r.values.form),
      email: text(r.values.respondentEmail).toLowerCase(),
      reasons: text(r.values.reasons).split('\n').filter(Boolean),
      day:
        r.values.submittedAt instanceof Date
          ? dayOf(r.values.submittedAt.getTime(), config.settings.timeZone)
          : '',
      editUrl: text(r.values.editUrl),
    }));
}

function rejectionOf(rejections: Rejection[], unit: Unit, stage: Stage): Rejection | undefined {
  const def = stage.form ? formDef(stage.form) : undefined;
  if (!def) return undefined;
  const emails = unit.emails.map((e) => e.toLowerCase());
  // The newest open rejection of this form by this unit (as named, or by a roster address).
  return rejections
    .filter(
      (r) =>
        (r.form === def.title.zh || r.form === def.title.en) &&
        (r.unit === unit.name || r.unit === unit.unitId || emails.includes(r.email)),
    )
    .pop();
}

/**
 * Each obligation of the units with its state on `today`, in stage and period order. Of a
 * recurring stage, the periods that have opened and the next one to open.
 */
export function obligationStates(
  config: CampaignConfig,
  records: CampaignRecords,
  rejections: Rejection[],
  today: string,
  unitIds: ReadonlySet<string>,
  link: (formKey: string, value: string) => string | null,
  m: Messages,
): Map<string, ObligationState[]> {
  const tz = config.settings.timeZone;
  const units = new Map(config.units.map((u) => [u.unitId, u]));
  const out = new Map<string, ObligationState[]>();
  const editUrls = new Map<
    string,
    { projectId: string; submittedAt: number | null; editUrl: string; name: string }[]
  >();
  const responsesOf = (stage: Stage) => {
    const key = stage.form ?? '';
    let list = editUrls.get(key);
    if (!list) {
      list = (
        recordsOfForm(records, stage.form) as {
          projectId: string;
          unitId: string;
          submittedAt: number | null;
          editUrl?: string;
          projectName?: string;
          values?: Record<string, Cell>;
        }[]
      )
        .filter((r) => unitIds.has(r.unitId))
        .map((r) => ({
          projectId: r.projectId,
          unitId: r.unitId,
          submittedAt: r.submittedAt,
          editUrl: r.editUrl ?? text(r.values?.editUrl),
          name: r.projectName ?? text(r.values?.projectName),
        }));
      editUrls.set(key, list);
    }
    return list as {
      projectId: string;
      unitId?: string;
      submittedAt: number | null;
      editUrl: string;
      name: string;
    }[];
  };
  const nextPeriod = new Map<string, string>();
  for (const o of obligations(config, records)) {
    if (!unitIds.has(o.unitId)) continue;
    if (o.periodId && o.opensOn > today) {
      const next = nextPeriod.get(o.stage.stageId) ?? o.periodId;
      if (next !== o.periodId) continue;
      nextPeriod.set(o.stage.stageId, next);
    }
    const unit = units.get(o.unitId)!;
    const stage = o.stage;
    const state: ObligationState = {
      obligation: o,
      state: 'due',
      days: 0,
      day: '',
      reasons: [],
      links: [],
    };
    // A recurring stage's responses are not told apart by period here: no edit links on its rows.
    const mine = o.periodId
      ? []
      : responsesOf(stage).filter((r) =>
          o.projectId ? r.projectId === o.projectId : r.unitId === o.unitId,
        );
    if (o.metAt !== null) {
      state.state = o.late ? 'metLate' : 'met';
      state.day = dayOf(o.metAt, tz);
    } else {
      const rejected = rejectionOf(rejections, unit, stage);
      const left = daysBetween(today, o.deadline);
      if (rejected) {
        state.state = 'rejected';
        state.day = rejected.day;
        state.reasons = rejected.reasons;
        state.days = left;
        if (rejected.editUrl)
          state.links.push({ kind: 'fix', href: rejected.editUrl, label: m.webPage.fix });
      } else if (today < o.opensOn) {
        state.state = 'upcoming';
        state.days = left;
      } else if (left >= 0) {
        state.state = 'due';
        state.days = left;
      } else {
        state.state = 'overdue';
        state.days = -left;
      }
      const prefilled = stage.form ? link(stage.form, o.projectId ?? unit.name) : null;
      if (prefilled && state.state !== 'upcoming')
        state.links.push({ kind: 'fill', href: prefilled, label: m.webPage.fill });
    }
    for (const r of mine) {
      if (!r.editUrl) continue;
      const label =
        mine.length > 1 && !o.projectId ? `${m.webPage.edit}（${r.name}）` : m.webPage.edit;
      state.links.push({ kind: 'edit', href: r.editUrl, label });
    }
    const list = out.get(o.unitId);
    if (list) list.push(state);
    else out.set(o.unitId, [state]);
  }
  return out;
}

function detailOf(m: Messages, s: ObligationState): string {
  const d = m.webPage.stateDetail;
  switch (s.state) {
    case 'met':
      return d.met(s.day);
    case 'metLate':
      return d.metLate(s.day);
    case 'due':
      return d.due(s.days);
    case 'upcoming':
      return `${m.webPage.opensOn(s.obligation.opensOn)}，${d.upcoming(s.days)}`;
    case 'overdue':
      return d.overdue(s.days);
    case 'rejected':
      return d.rejected(s.day);
  }
}

function obligationItem(m: Messages, s: ObligationState, locale: string): PageItem {
  const o = s.obligation;
  const def = o.stage.form ? formDef(o.stage.form) : undefined;
  const form = def ? (locale === 'en' ? def.title.en : def.title.zh) : '';
  const of = o.projectId ?? o.personId;
  return {
    id: [o.stage.stageId, o.periodId, of].filter(Boolean).join('-'),
    title: `${stageTitle(o.stage, o.periodLabel, locale)}｜${form}`,
    subtitle: [
      o.projectName ? `${o.projectName}（${o.projectId}）` : (o.personName ?? ''),
      m.webPage.deadline(o.deadline),
    ]
      .filter(Boolean)
      .join(' · '),
    state: s.state,
    stateLabel: m.webPage.states[s.state],
    detail: detailOf(m, s),
    lines: s.reasons,
    links: s.links.map((l) => ({ href: l.href, text: l.label })),
    states: s.state,
    search: '',
  };
}

// ------------------------------------------------------------------ pages

function refusal(m: Messages, lang: string): PageView {
  return {
    kind: 'refused',
    lang,
    title: m.webPage.refusedTitle,
    heading: m.webPage.refusedTitle,
    lead: '',
    message: m.webPage.refused,
    filter: null,
    sections: [],
  };
}

function unitPage(
  deps: AppDeps,
  config: CampaignConfig,
  unit: Unit,
  today: string,
  m: Messages,
): PageView {
  const { locale, timeZone } = config.settings;
  const records = loadRecords(deps.sheets, locale);
  const states =
    obligationStates(
      config,
      records,
      readRejections(deps, config),
      today,
      new Set([unit.unitId]),
      prefilledLinks(deps, config),
      m,
    ).get(unit.unitId) ?? [];
  const w = m.webPage;
  const money = (n: number | null) => (n === null ? '' : String(n));
  const projects: PageItem[] = records.projects
    .filter((p) => p.unitId === unit.unitId)
    .map((p) => ({
      id: p.projectId,
      title: p.projectName,
      subtitle: p.projectId,
      state: '',
      stateLabel: p.status,
      detail: '',
      lines: [
        p.score !== null ? `${w.score}：${p.score}` : '',
        p.comment ? `${w.comment}：${p.comment}` : '',
        p.fundingGranted !== null ? `${w.funding}：${money(p.fundingGranted)}` : '',
        p.acceptanceResult ? `${w.acceptance}：${p.acceptanceResult}` : '',
      ].filter(Boolean),
      links: [],
      states: '',
      search: '',
    }));
  const labels = new Map(
    PROJECTS_SHEET.columns.map((c) => [c.key, locale === 'en' ? c.label.en : c.label.zh]),
  );
  const stamp = (c: Cell | undefined) =>
    c instanceof Date ? dayOf(c.getTime(), timeZone) : text(c);
  const decisions: PageItem[] = readKeyed(deps.sheets, AUDIT_LOG_SHEET, locale)
    .rows.filter((r) => text(r.values.unitId) === unit.unitId)
    .slice(-HISTORY_LIMIT)
    .reverse()
    .map((r, i) => {
      const key = text(r.values.key);
      return historyItem(
        `decision-${i}`,
        w.decision(
          labels.get(key) ?? key,
          text(valueLabel(key, r.values.oldValue ?? '', locale)),
          text(valueLabel(key, r.values.newValue ?? '', locale)),
        ),
        `${stamp(r.values.at)} · ${text(r.values.projectId)}`,
      );
    });
  const mails: PageItem[] = readKeyed(deps.sheets, MAIL_LOG_SHEET, locale)
    .rows.filter((r) => text(r.values.unitId) === unit.unitId)
    .slice(-HISTORY_LIMIT)
    .reverse()
    .map((r, i) =>
      historyItem(
        `mail-${i}`,
        text(r.values.subject),
        `${stamp(r.values.at)} · ${w.mailLine(
          String(labelOf('mailKind', text(r.values.kind), locale)),
          String(labelOf('mailState', text(r.values.state), locale)),
        )}`,
      ),
    );
  const section = (id: string, title: string, items: PageItem[]): PageSection => ({
    id,
    title,
    empty: w.none,
    items,
  });
  return {
    kind: 'unit',
    lang: locale,
    title: w.unitTitle(config.settings.campaignName, unit.name),
    heading: unit.name,
    lead: `${config.settings.campaignName} · ${w.asOf(today)}`,
    message: '',
    filter: null,
    sections: [
      section(
        'obligations',
        w.obligations,
        states.map((s) => obligationItem(m, s, locale)),
      ),
      section('projects', w.projects, projects),
      section('decisions', w.decisions, decisions),
      section('mails', w.mails, mails),
    ],
  };
}

function staffPage(
  deps: AppDeps,
  config: CampaignConfig,
  departments: string[],
  today: string,
  m: Messages,
): PageView {
  const { locale } = config.settings;
  const w = m.webPage;
  const units = config.units.filter((u) => u.active && departments.includes(u.department));
  const states = obligationStates(
    config,
    loadRecords(deps.sheets, locale),
    readRejections(deps, config),
    today,
    new Set(units.map((u) => u.unitId)),
    prefilledLinks(deps, config),
    m,
  );
  const sections = departments.map((department) => ({
    id: `dept-${department}`,
    title: m.departments[department] ?? department,
    empty: w.none,
    items: units
      .filter((u) => u.department === department)
      .map((u): PageItem => {
        const list = states.get(u.unitId) ?? [];
        const kinds = [...new Set(list.map((s) => s.state))];
        const worst = SEVERITY.find((k) => kinds.includes(k)) ?? '';
        return {
          id: u.unitId,
          title: `${u.name}（${u.unitId}）`,
          subtitle: u.emails.join('、'),
          state: worst,
          stateLabel: worst ? w.states[worst] : w.none,
          detail: '',
          lines: list.map((s) => {
            const item = obligationItem(m, s, locale);
            const o = s.obligation;
            const about = o.projectName ?? o.personName;
            return `${stageTitle(o.stage, o.periodLabel, locale)}${about ? ` · ${about}` : ''}：${item.stateLabel}（${item.detail}${s.reasons.length ? s.reasons.join('；') : ''}）`;
          }),
          links: [],
          states: kinds.join(' '),
          search: `${u.unitId} ${u.name}`.toLowerCase(),
        };
      }),
  }));
  const names = departments.map((d) => m.departments[d] ?? d).join('、');
  return {
    kind: 'staff',
    lang: locale,
    title: w.staffTitle(config.settings.campaignName, names),
    heading: w.staffTitle(config.settings.campaignName, names),
    lead: `${w.asOf(today)} · ${w.unitsCount(units.length)}`,
    message: '',
    filter: {
      placeholder: w.filter,
      allStates: w.allStates,
      states: SEVERITY.map((k) => ({ href: k, text: w.states[k] })),
    },
    sections,
  };
}

/** The departments a person may see as staff (staff emails of 系统设置; admins see all). */
function staffDepartments(config: CampaignConfig, email: string): string[] {
  const e = email.toLowerCase();
  if (!e) return [];
  const all = [...new Set(config.units.map((u) => u.department))];
  if (config.settings.adminEmails.some((a) => a.toLowerCase() === e)) return all;
  return all.filter((d) =>
    (config.settings.staffEmails[d] ?? []).some((a) => a.toLowerCase() === e),
  );
}

/**
 * What a visit of the web app shows. `u`/`e`/`s` are a personal link; without one, the signed-in
 * account decides (Session.getActiveUser() is '' across domains and for consumer accounts:
 * https://developers.google.com/apps-script/reference/base/session#getActiveUser()). `dept`
 * narrows a staff view to one department. Anything else gets the refusal page, never data.
 */
export function servePage(deps: AppDeps, params: Record<string, string | undefined>): PageView {
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) return refusal(messages('zh-CN'), 'zh-CN');
  const config = loaded.config;
  const m = messages(config.settings.locale);
  const lang = config.settings.locale;
  const today = dayOf(deps.clock.now(), config.settings.timeZone);
  const refuse = (reason: string) => {
    deps.log.record({
      event: 'pageRefused',
      reason,
      subject: params.u ?? '',
      viewer: deps.ui.activeUser(),
    });
    return refusal(m, lang);
  };
  const unitById = (id: string) => config.units.find((u) => u.unitId === id && u.active);
  if (params.u !== undefined || params.s !== undefined) {
    const checked = checkLink(deps, params, today);
    if ('refused' in checked) return refuse(checked.refused);
    const subject = checked.subject;
    if (subject.startsWith('dept:')) {
      const department = subject.slice(5);
      if (!config.units.some((u) => u.department === department))
        return refuse('unknownDepartment');
      return staffPage(deps, config, [department], today, m);
    }
    const unit = unitById(subject);
    if (!unit) return refuse('unknownUnit');
    return unitPage(deps, config, unit, today, m);
  }
  const email = deps.ui.activeUser().toLowerCase();
  const departments = staffDepartments(config, email).filter(
    (d) => !params.dept || d === params.dept,
  );
  if (departments.length > 0) return staffPage(deps, config, departments, today, m);
  const unit = email
    ? config.units.find((u) => u.active && u.emails.some((e) => e.toLowerCase() === email))
    : undefined;
  if (unit) return unitPage(deps, config, unit, today, m);
  return refuse(email ? 'notAUnit' : 'noIdentity');
}
