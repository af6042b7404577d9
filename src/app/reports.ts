/**
 * Google Docs reports: the stage summary, one dossier per project and the final acceptance report.
 * Each is a copy of a template Doc (staff may edit the templates) filled from the workbook, read
 * once: placeholders replaced with escaped patterns and values, each table written with one call,
 * a bar chart as a PNG. Service calls per report do not grow with the number of projects.
 */
import {
  LEDGER_SHEET,
  PLANS_SHEET,
  SELF_ASSESSMENTS_SHEET,
} from '../../sheets-templates/data-sheets';
import {
  campaignReportTemplate,
  REPORT_TEMPLATES,
  reportTemplate,
  type ReportKind,
  type ReportTemplateDef,
} from '../../sheets-templates/report-templates';
import { addDays, dayOf, formatMinute } from '../domain/calendar';
import type { Person } from '../domain/campaign-data';
import type { CampaignConfig, Stage } from '../domain/config';
import { fitSubject } from '../domain/mail-header';
import { stageTitle } from '../domain/obligations';
import { barPng } from '../domain/png-chart';
import { duties } from '../domain/duties';
import { periodsOf } from '../domain/periods';
import { checkQuotas, ruleStages } from '../domain/quota-rules';
import {
  linkedOf,
  projectOf,
  type CampaignRecords,
  type LinkedRecord,
  type ProjectRecord,
} from '../domain/records';
import {
  acceptanceModel,
  STANDARDS,
  stageReportModel,
  type StageProgress,
} from '../domain/report-model';
import { evaluateRules, type RuleViolation } from '../domain/rule-vocabulary';
import { sectionReport } from '../domain/section-report';
import type { Cell, KeyedRow } from '../domain/table';
import { messages, type Messages } from '../i18n';
import type { AppDeps, ChartBar, DocDraft, OutgoingMail } from '../ports';
import { loadConfig } from './config-sheets';
import { sendLogged } from './intake';
import { escapeHtml } from './intake-mail';
import { loadCampaignData, loadRecords, readKeyed, subjectSheet } from './records';
import { violationTexts } from './violation-texts';

export const STORE = {
  folder: 'reports.folderId',
  template: (kind: ReportKind) => `reports.template.${kind}.id`,
  autoStage: (stageId: string) => `reports.auto.stage.${stageId}`,
  autoFinal: 'reports.auto.final',
  /** The campaign report of a month (YYYY-MM), made after that month's last deadline. */
  autoCampaign: (month: string) => `reports.auto.campaign.${month}`,
  /** The layout (headings, columns) the campaign report's template Doc was made for. */
  campaignLayout: 'reports.template.campaignReport.layout',
  dossierNext: 'reports.dossiers.next',
  /** How long the last report of a daily run took (ms): the estimate for the next one. */
  lastMs: 'reports.lastMs',
};

/** A report due on a day the daily run missed is still made within this many days. */
const CATCH_UP_DAYS = 7;
/** Dossier batches stop here and resume on the next click: Apps Script kills a run at 6 min. */
const DOSSIER_BUDGET_MS = 4.5 * 60 * 1000;
/** A chart bar's size in pixels: the full track is the top of the scale. */
const BAR = { width: 280, height: 16 };

export class TemplateError extends Error {}

export interface ReportResult {
  ok: boolean;
  docId?: string;
  url?: string;
  name?: string;
  error?: string;
}

// --- folder and templates ---------------------------------------------------------------------

/** The folder reports go into: Settings' reportFolderId, else one the script creates once. */
export function reportFolder(deps: AppDeps, config: CampaignConfig): string {
  const { reportFolderId, campaignName, locale } = config.settings;
  if (reportFolderId && deps.docs.folderExists(reportFolderId)) return reportFolderId;
  const remembered = deps.store.get(STORE.folder);
  if (remembered && deps.docs.folderExists(remembered)) return remembered;
  const id = deps.docs.createFolder(messages(locale).reports.folderName(campaignName));
  deps.store.set(STORE.folder, id);
  return id;
}

function templateName(def: ReportTemplateDef, config: CampaignConfig): string {
  return config.settings.locale === 'en' ? def.name.en : def.name.zh;
}

function ensureTemplate(
  deps: AppDeps,
  config: CampaignConfig,
  def: ReportTemplateDef,
  folderId: string,
): { id: string; created: boolean } {
  const stored = deps.store.get(STORE.template(def.kind));
  if (stored && deps.docs.documentExists(stored)) return { id: stored, created: false };
  const blocks = config.settings.locale === 'en' ? def.blocks.en : def.blocks.zh;
  const id = deps.docs.createDocument(templateName(def, config), folderId, blocks);
  deps.store.set(STORE.template(def.kind), id);
  deps.log.record({ event: 'reportTemplateCreated', kind: def.kind, docId: id });
  return { id, created: true };
}

/**
 * The default report templates as Google Docs, created once (staff may then edit them); a
 * deleted one is created again. True when any was created.
 */
export function ensureReportTemplates(deps: AppDeps, config: CampaignConfig): boolean {
  const folderId = reportFolder(deps, config);
  let created = false;
  for (const def of REPORT_TEMPLATES)
    created = ensureTemplate(deps, config, def, folderId).created || created;
  return created;
}

// --- filling a template -----------------------------------------------------------------------

type Row = Record<string, string>;

interface Filling {
  scalars: Row;
  lists: Record<string, Row[]>;
  chart?: ChartBar[];
}

/** The chart's bars: each named by what it counts, with its value as the report prints it. */
function chartBars(bars: { label: string; value: string; fraction: number }[]): ChartBar[] {
  return bars.map((bar, index) => ({
    label: bar.label,
    value: bar.value,
    png: barPng(bar.fraction, { ...BAR, index }),
    ...BAR,
  }));
}

/**
 * Columns whose filled cells are empty in every item row are dropped, header included (a unit
 * audience has no project to name): a column that is always empty only takes width.
 */
function dropEmptyColumns(
  cells: string[][],
  itemRows: number[],
  listColumns: Set<number>,
): string[][] {
  if (itemRows.length === 0) return cells;
  const empty = [...listColumns].filter((c) =>
    itemRows.every((r) => (cells[r][c] ?? '').trim() === ''),
  );
  if (empty.length === 0 || empty.length === (cells[0]?.length ?? 0)) return cells;
  return cells.map((row) => row.filter((_, c) => !empty.includes(c)));
}

const TOKEN = /\{\{([^{}]*)\}\}/g;

/** Keeps text from the workbook from reading as a placeholder in a later replacement. */
const inert = (value: string) => value.replace(/\{\{/g, '{\u200b{');

function tokensOf(text: string): string[] {
  // exec in a loop, not matchAll (ES2020): the bundle uses only ES2019 built-ins (scripts/builtins.cjs).
  const out: string[] = [];
  const pattern = new RegExp(TOKEN.source, 'g');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push(m[1]);
  return out;
}

function listOf(def: ReportTemplateDef, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const list = token.slice(0, dot);
  const fields = def.lists[list];
  return fields && fields.includes(token.slice(dot + 1)) ? list : null;
}

function substitute(text: string, values: Row, list?: string): string {
  return text.replace(TOKEN, (whole, token: string) => {
    const key = list && token.startsWith(`${list}.`) ? token.slice(list.length + 1) : token;
    const value = list && key !== token ? values[key] : values[token];
    return value === undefined ? whole : inert(value);
  });
}

/**
 * Fills a copy of the template into `name` in the folder. A template that names a placeholder the
 * report does not have, or a list placeholder outside a table row, fails before anything is
 * written, and the copy goes to the trash: no half-made report is ever left behind.
 */
function render(
  deps: AppDeps,
  config: CampaignConfig,
  def: ReportTemplateDef,
  filling: Filling,
  name: string,
  folderId: string,
): DocDraft {
  const m = messages(config.settings.locale).reports;
  const template = ensureTemplate(deps, config, def, folderId);
  const draft = deps.docs.copyDocument(template.id, name, folderId);
  const title = templateName(def, config);
  try {
    const bodyTokens = tokensOf(draft.text());
    const tableTexts = draft.tableTexts();
    const allTokens = new Set([...bodyTokens, ...tableTexts.flatMap(tokensOf)]);
    for (const token of allTokens) {
      const known =
        def.scalars.includes(token) || (def.chart && token === 'chart') || listOf(def, token);
      if (!known) throw new TemplateError(m.unknownPlaceholder(title, `{{${token}}}`));
    }
    const listTokensInText = bodyTokens.filter((t) => listOf(def, t));
    const tables = tableTexts
      .map((t, index) => ({ index, tokens: tokensOf(t) }))
      .filter((t) => t.tokens.some((token) => listOf(def, token)));
    const rebuilt: { index: number; cells: string[][]; headerRows: number }[] = [];
    const placed: string[] = [];
    for (const table of tables) {
      const cells: string[][] = [];
      const itemRows: number[] = [];
      const listColumns = new Set<number>();
      let headerRows = -1;
      for (const row of draft.tableCells(table.index)) {
        const lists = new Set(
          row.flatMap((cell) =>
            tokensOf(cell)
              .map((t) => listOf(def, t))
              .filter(Boolean),
          ),
        );
        if (lists.size > 1) throw new TemplateError(m.mixedRow(title, [...lists].join('、')));
        if (lists.size === 0) {
          cells.push(row.map((cell) => substitute(cell, filling.scalars)));
          continue;
        }
        const list = [...lists][0] as string;
        if (headerRows < 0) headerRows = cells.length;
        row.forEach((cell) => placed.push(...tokensOf(cell).filter((t) => listOf(def, t))));
        const items = filling.lists[list] ?? [];
        row.forEach((cell, c) => {
          if (tokensOf(cell).some((t) => listOf(def, t) === list)) listColumns.add(c);
        });
        if (items.length === 0) cells.push(row.map((_, i) => (i === 0 ? m.none : '')));
        for (const item of items) {
          itemRows.push(cells.length);
          cells.push(row.map((cell) => substitute(substitute(cell, item, list), filling.scalars)));
        }
      }
      rebuilt.push({
        index: table.index,
        cells: dropEmptyColumns(cells, itemRows, listColumns),
        headerRows: Math.max(headerRows, 0),
      });
    }
    // A list placeholder is only meaningful in a table's repeat row; one in a paragraph (or a
    // table Docs did not report) would be left unfilled.
    for (const token of listTokensInText) {
      const at = placed.indexOf(token);
      if (at < 0) throw new TemplateError(m.repeatRowMissing(title, `{{${token}}}`));
      placed.splice(at, 1);
    }
    for (const table of rebuilt) draft.replaceTable(table.index, table.cells, table.headerRows);
    for (const token of allTokens) {
      if (def.scalars.includes(token))
        draft.replace(`{{${token}}}`, inert(filling.scalars[token] ?? ''));
    }
    if (def.chart && filling.chart && allTokens.has('chart')) {
      draft.placeBarChart('{{chart}}', filling.chart);
    }
    draft.save();
    return draft;
  } catch (error) {
    draft.trash();
    throw error;
  }
}

// --- values -----------------------------------------------------------------------------------

function formatters(config: CampaignConfig) {
  const m = messages(config.settings.locale).reports;
  const tz = config.settings.timeZone;
  return {
    pct: (rate: number | null) => (rate === null ? m.blank : `${(rate * 100).toFixed(1)}%`),
    num: (n: number | null) => (n === null ? m.blank : String(Math.round(n * 100) / 100)),
    avg: (n: number | null) => (n === null ? m.blank : n.toFixed(2)),
    minute: (ms: number | null) => (ms === null ? m.blank : formatMinute(ms, tz)),
    cell: (c: Cell | undefined) =>
      c === undefined || c === ''
        ? ''
        : c instanceof Date
          ? dayOf(c.getTime(), tz)
          : typeof c === 'boolean'
            ? String(c)
            : String(c),
  };
}

function violationRows(
  config: CampaignConfig,
  m: Messages['reports'],
  violations: readonly RuleViolation[],
  people: readonly Person[] = [],
): Row[] {
  const texts = violationTexts(messages(config.settings.locale), config, people);
  return violations.map((v, i) => {
    const place = texts.place(v);
    const who = place.who || m.allUnits;
    const subject = place.subjectId ? `${who} ${place.subjectId}` : who;
    return {
      no: String(i + 1),
      rule: texts.ruleName(m.rules, v.rule),
      subject: place.period ? `${subject} · ${place.period}` : subject,
      detail: texts.detail(v),
    };
  });
}

function timelineRows(
  config: CampaignConfig,
  m: Messages['reports'],
  timeline: StageProgress[],
): Row[] {
  const f = formatters(config);
  return timeline.map((t) => ({
    name: stageTitle(t.stage, t.period.label, config.settings.locale),
    opensOn: t.period.opensOn,
    deadline: t.period.deadline,
    expected: t.subject === 'none' ? m.blank : String(t.expected),
    met: t.subject === 'none' ? m.blank : String(t.met),
    late: t.subject === 'none' ? m.blank : String(t.late),
    rate: f.pct(t.rate),
    state: m.states[t.state],
  }));
}

function stageFilling(
  config: CampaignConfig,
  records: CampaignRecords,
  stage: Stage,
  today: string,
  now: number,
): Filling {
  const { settings } = config;
  const msgs = messages(settings.locale);
  const m = msgs.reports;
  const f = formatters(config);
  const model = stageReportModel(config, records, stage, today);
  const dept = (key: string) => msgs.departments[key] ?? key;
  const p = model.progress;
  /** One row of a per-category or per-department table. */
  const groupRow = (
    c: {
      units: number;
      projects: number;
      expected: number;
      met: number;
      late: number;
      rate: number | null;
    },
    label: string,
  ) => ({
    label,
    units: String(c.units),
    projects: String(c.projects),
    expected: String(c.expected),
    met: String(c.met),
    late: String(c.late),
    rate: f.pct(c.rate),
  });
  return {
    scalars: {
      campaignName: settings.campaignName,
      stageName: stageTitle(stage, p.period.label, settings.locale),
      opensOn: p.period.opensOn,
      deadline: p.period.deadline,
      today,
      audience: m.audiences[stage.audience] ?? stage.audience,
      stageState: m.states[p.state],
      progressSummary: m.progress(p.subject, p.expected, p.met, p.late, p.missing, f.pct(p.rate)),
      expected: String(p.expected),
      met: String(p.met),
      late: String(p.late),
      missing: String(p.missing),
      rate: f.pct(p.rate),
      activeUnits: String(model.activeUnits),
      projectCount: String(model.projects.total),
      keyCount: String(model.projects.key),
      filedCount: String(model.projects.filed),
      pendingCount: String(model.projects.pending),
      returnedCount: String(model.projects.returned),
      unverifiedCount: String(model.projects.unverified),
      keyQuota: String(settings.keyProjectQuota),
      budgetTotal: f.num(model.budgetTotal),
      fundingTotal: f.num(model.fundingTotal),
      violationCount: String(model.violations.length),
      violationSummary: m.violationSummary(model.violations.length),
      generatedAt: formatMinute(now, settings.timeZone),
    },
    lists: {
      byType: model.byType.map((t) => ({
        label: t.key,
        count: String(t.count),
        rate: f.pct(t.rate),
      })),
      byTheme: model.byTheme.map((t) => ({
        label: t.key,
        count: String(t.count),
        rate: f.pct(t.rate),
      })),
      byCategory: model.byCategory.map((c) => groupRow(c, c.key)),
      byDepartment: model.byDepartment.map((c, i) => ({
        no: String(i + 1),
        ...groupRow(c, dept(c.key)),
      })),
      missing: model.missing.map((o, i) => ({
        no: String(i + 1),
        unitId: o.unit.unitId,
        unitName: o.unit.name,
        category: o.unit.category,
        department: dept(o.unit.department),
        project: o.project ? `${o.project.projectId} ${o.project.projectName}` : '',
      })),
      late: model.late.map((o, i) => ({
        no: String(i + 1),
        unitName: o.unit.name,
        project: o.project ? `${o.project.projectId} ${o.project.projectName}` : '',
        submittedAt: f.minute(o.metAt),
      })),
      keyProjects: model.keyProjects.map((k, i) => ({
        no: String(i + 1),
        projectId: k.projectId,
        unitName: k.unitName,
        projectName: k.projectName,
        projectType: k.projectType,
        budget: f.num(k.budget),
        fundingGranted: f.num(k.fundingGranted),
      })),
      violations: violationRows(config, m, model.violations),
      timeline: timelineRows(config, m, model.timeline),
    },
    chart: chartBars(
      model.byDepartment.map((c) => ({
        label: dept(c.key),
        value: f.pct(c.rate),
        fraction: c.rate ?? 0,
      })),
    ),
  };
}

function finalFilling(
  config: CampaignConfig,
  records: CampaignRecords,
  today: string,
  now: number,
): Filling {
  const { settings } = config;
  const m = messages(settings.locale).reports;
  const f = formatters(config);
  const model = acceptanceModel(config, records);
  const violations = checkQuotas(config, records, today);
  const t = model.total;
  const label = (l: { zh: string; en: string }) => (settings.locale === 'en' ? l.en : l.zh);
  const timeline = config.stages.map((stage) => {
    const progress = stageReportModel(config, records, stage, today).progress;
    return progress;
  });
  return {
    scalars: {
      campaignName: settings.campaignName,
      today,
      projectCount: String(t.projects),
      assessedCount: String(t.assessed),
      lateCount: String(t.late),
      acceptedCount: String(t.excellent + t.pass + t.fail),
      excellentCount: String(t.excellent),
      passCount: String(t.pass),
      failCount: String(t.fail),
      selfAverage: f.avg(t.selfAverage),
      scoreAverage: f.avg(t.scoreAverage),
      violationCount: String(violations.length),
      violationSummary: m.violationSummary(violations.length),
      generatedAt: formatMinute(now, settings.timeZone),
    },
    lists: {
      standards: model.standards.map((s, i) => ({
        no: String(i + 1),
        label: label(STANDARDS[i].label),
        average: f.avg(s.average),
        count: String(s.count),
      })),
      projects: model.rows.map((r) => ({
        projectId: r.project.projectId,
        unitName: r.unitName,
        projectName: r.project.projectName,
        ...Object.fromEntries(r.ratings.map((v, i) => [`r${i + 1}`, f.num(v)])),
        selfAverage: f.avg(r.selfAverage),
        acceptanceScore: f.num(r.project.acceptanceScore),
        acceptanceResult: r.project.acceptanceResult || m.blank,
      })),
      byCategory: model.byCategory.map((g) => ({
        label: g.key,
        projects: String(g.projects),
        assessed: String(g.assessed),
        selfAverage: f.avg(g.selfAverage),
        scoreAverage: f.avg(g.scoreAverage),
        excellent: String(g.excellent),
        pass: String(g.pass),
        fail: String(g.fail),
      })),
      violations: violationRows(config, m, violations),
      timeline: timelineRows(config, m, timeline),
    },
    chart: chartBars(
      model.standards.map((s, i) => ({
        label: label(STANDARDS[i].label),
        value: f.avg(s.average),
        fraction: (s.average ?? 0) / 5,
      })),
    ),
  };
}

// --- delivery ---------------------------------------------------------------------------------

function staffRecipients(config: CampaignConfig): string[] {
  const all = [
    ...Object.values(config.settings.staffEmails).flat(),
    ...config.settings.adminEmails,
  ];
  return [...new Set(all.map((a) => a.toLowerCase()))];
}

/** A report's name without the campaign name it starts with (`申报阶段总结报告（2014-05-31）`). */
export function reportTitle(name: string, campaign: string): string {
  if (campaign === '' || !name.startsWith(campaign)) return name;
  return name.slice(campaign.length).replace(/^[\s:：·,，-]+/, '') || name;
}

/** Mails staff a link and the PDF (one email), recorded in the mail log; then the `report` log. */
function deliver(
  deps: AppDeps,
  config: CampaignConfig,
  draft: DocDraft,
  name: string,
  kind: ReportKind,
  stageId: string | undefined,
  locked: boolean,
): void {
  const { settings } = config;
  const m = messages(settings.locale);
  const to = staffRecipients(config);
  if (to.length > 0) {
    const lead = m.reports.mailLead(name);
    const mail: OutgoingMail = {
      to,
      // The subject names the campaign once: in its bracket, not again from the report's name.
      subject: fitSubject(m.reports.mailSubject, [
        settings.campaignName,
        reportTitle(name, settings.campaignName),
      ]),
      body: `${m.mail.greeting}\n\n${lead}\n${draft.url}\n\n${settings.senderName}\n${m.mail.automatic}`,
      htmlBody:
        `<div style="font-family:sans-serif;font-size:14px;line-height:1.6">` +
        `<p>${escapeHtml(m.mail.greeting)}</p><p>${escapeHtml(lead)}</p>` +
        `<p><a href="${escapeHtml(draft.url)}">${escapeHtml(name)}</a></p>` +
        `<p>${escapeHtml(settings.senderName)}<br>${escapeHtml(m.mail.automatic)}</p></div>`,
      name: settings.senderName,
      ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
      attachments: [draft.pdf(`${name}.pdf`)],
    };
    const send = () =>
      sendLogged(
        deps,
        mail,
        { kind: 'report', key: `report:${draft.id}`, ...(stageId ? { stageId } : {}) },
        settings.timeZone,
        settings.locale,
        // Held back or failed, the link waits in the queue (the PDF cannot wait in a sheet: the
        // later email carries the link to the same Doc).
        { reserve: 0 },
      );
    // The mail log is appended to, which must not race an intake's append.
    if (locked) send();
    else deps.lock.withScriptLock(send);
  }
  deps.log.record({ event: 'report', kind, ...(stageId ? { stageId } : {}), name });
}

function attempt(
  deps: AppDeps,
  config: CampaignConfig,
  kind: ReportKind,
  stageId: string | undefined,
  make: () => { draft: DocDraft; name: string },
  locked: boolean,
): ReportResult {
  try {
    const { draft, name } = make();
    deliver(deps, config, draft, name, kind, stageId, locked);
    return { ok: true, docId: draft.id, url: draft.url, name };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    deps.log.record({
      event: 'reportFailed',
      kind,
      ...(stageId ? { stageId } : {}),
      error: error.message,
    });
    return { ok: false, error: error.message };
  }
}

// --- use cases --------------------------------------------------------------------------------

/** The stage open today (the one ending first), else the last one ended, else the first. */
export function currentStage(stages: readonly Stage[], today: string): Stage | undefined {
  const byDeadline = [...stages].sort((a, b) => a.deadline.localeCompare(b.deadline));
  return (
    byDeadline.find((s) => s.opensOn <= today && today <= s.deadline) ??
    [...byDeadline].reverse().find((s) => s.deadline < today) ??
    [...stages].sort((a, b) => a.opensOn.localeCompare(b.opensOn))[0]
  );
}

export function makeStageReport(
  deps: AppDeps,
  config: CampaignConfig,
  records: CampaignRecords,
  stage: Stage,
  today: string,
  locked: boolean,
): ReportResult {
  const m = messages(config.settings.locale).reports;
  return attempt(
    deps,
    config,
    'stageReport',
    stage.stageId,
    () => {
      const name = m.stageReportName(config.settings.campaignName, stage.name, today);
      const filling = stageFilling(config, records, stage, today, deps.clock.now());
      const folder = reportFolder(deps, config);
      return {
        draft: render(deps, config, reportTemplate('stageReport'), filling, name, folder),
        name,
      };
    },
    locked,
  );
}

export function makeFinalReport(
  deps: AppDeps,
  config: CampaignConfig,
  records: CampaignRecords,
  today: string,
  locked: boolean,
): ReportResult {
  const m = messages(config.settings.locale).reports;
  return attempt(
    deps,
    config,
    'finalReport',
    undefined,
    () => {
      const name = m.finalReportName(config.settings.campaignName, today);
      const filling = finalFilling(config, records, today, deps.clock.now());
      const folder = reportFolder(deps, config);
      return {
        draft: render(deps, config, reportTemplate('finalReport'), filling, name, folder),
        name,
      };
    },
    locked,
  );
}

/** A short fingerprint of a text (djb2), to tell whether the report's layout changed. */
function fingerprint(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i += 1) hash = (hash * 33 + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

/**
 * The campaign report, from the template's report sections (any template): the sections as
 * section-report.ts counts them, written into a copy of the campaign report's template Doc. The
 * Doc is made from the sections' headings and columns once (staff may restyle it) and made again
 * when they change (another template, a renamed field).
 */
export function makeCampaignReport(
  deps: AppDeps,
  config: CampaignConfig,
  today: string,
  locked: boolean,
): ReportResult {
  const { settings } = config;
  const msgs = messages(settings.locale);
  const t = msgs.sections;
  return attempt(
    deps,
    config,
    'campaignReport',
    undefined,
    () => {
      const data = loadCampaignData(deps.sheets, config);
      const stages = ruleStages(config.stages);
      const violations = evaluateRules(config.quotaRules, {
        data,
        stages,
        settings: { ...settings },
        today,
        timeZone: settings.timeZone,
        forms: config.template.forms,
      });
      const lines = new Map(
        violationRows(config, msgs.reports, violations, data.people).map((row, i) => [
          violations[i],
          row,
        ]),
      );
      const report = sectionReport({
        sections: config.template.report,
        stages,
        data,
        duties: duties(stages, data, settings.timeZone),
        violations,
        describe: (v) => {
          const row = lines.get(v);
          return {
            rule: row?.rule ?? v.rule,
            subject: row?.subject ?? '',
            detail: row?.detail ?? '',
          };
        },
        campaignName: settings.campaignName,
        today,
        timeZone: settings.timeZone,
        locale: settings.locale,
        forms: config.forms,
        subjectTypes: config.template.subjects,
        review: config.template.review,
      });
      const def = campaignReportTemplate(
        { zh: t.templateName, en: t.templateName },
        {
          title: t.title('{{campaignName}}'),
          subtitle: t.asOf('{{today}}'),
          footer: t.footer('{{generatedAt}}'),
        },
        report.sections,
      );
      const layout = fingerprint(JSON.stringify(def.blocks.zh));
      if (deps.store.get(STORE.campaignLayout) !== layout) {
        deps.store.set(STORE.template('campaignReport'), '');
        deps.store.set(STORE.campaignLayout, layout);
      }
      const filling: Filling = {
        scalars: {
          campaignName: settings.campaignName,
          today,
          generatedAt: formatMinute(deps.clock.now(), settings.timeZone),
          ...Object.fromEntries(
            report.sections.map((r, i) => [`s${i + 1}Text`, r.paragraphs.join('')]),
          ),
        },
        lists: Object.fromEntries(
          report.sections.map((r, i) => [
            `s${i + 1}`,
            (r.table?.rows ?? []).map((cells) =>
              Object.fromEntries(cells.map((cell, c) => [`c${c}`, cell])),
            ),
          ]),
        ),
      };
      const name = t.reportName(settings.campaignName, today);
      return { draft: render(deps, config, def, filling, name, reportFolder(deps, config)), name };
    },
    locked,
  );
}

function fromMenu(
  deps: AppDeps,
  make: (config: CampaignConfig, today: string) => ReportResult,
): ReportResult {
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) {
    const m = messages('zh-CN').reports;
    deps.ui.alert(m.failedTitle, m.configInvalid);
    return { ok: false, error: 'configInvalid' };
  }
  const { config } = loaded;
  const m = messages(config.settings.locale).reports;
  const result = make(config, dayOf(deps.clock.now(), config.settings.timeZone));
  if (result.ok) deps.ui.alert(m.doneTitle, m.done(result.name ?? '', result.url ?? ''));
  else deps.ui.alert(m.failedTitle, result.error ?? '');
  return result;
}

/** Menu: the summary report of the current (or last ended) stage. */
export function generateStageReport(deps: AppDeps, stageId?: string): ReportResult {
  return fromMenu(deps, (config, today) => {
    const stage = stageId
      ? config.stages.find((s) => s.stageId === stageId)
      : currentStage(config.stages, today);
    if (!stage) return { ok: false, error: `unknown stage ${stageId ?? ''}` };
    const records = loadRecords(deps.sheets, config);
    return makeStageReport(deps, config, records, stage, today, false);
  });
}

/** Menu: the final acceptance report. */
export function generateFinalReport(deps: AppDeps): ReportResult {
  return fromMenu(deps, (config, today) =>
    makeFinalReport(deps, config, loadRecords(deps.sheets, config), today, false),
  );
}

/** Menu: the campaign report, section by section as the template lists them. */
export function generateCampaignReport(deps: AppDeps): ReportResult {
  return fromMenu(deps, (config, today) => makeCampaignReport(deps, config, today, false));
}

/**
 * The months whose campaign report is due today: a month's report is made the day after the last
 * deadline falling in it (a one-off stage's deadline or a period's of a recurring stage, e.g. the
 * 5th after each month and the 10th after each quarter), or within a week if runs were missed —
 * so at most one a month, and one after the campaign's last deadline.
 */
export function campaignReportMonthsDue(
  config: Pick<CampaignConfig, 'stages'>,
  today: string,
): string[] {
  const lastOfMonth = new Map<string, string>();
  for (const stage of config.stages) {
    for (const period of periodsOf(stage.schedule)) {
      const month = period.deadline.slice(0, 7);
      if ((lastOfMonth.get(month) ?? '') < period.deadline) lastOfMonth.set(month, period.deadline);
    }
  }
  return [...lastOfMonth.entries()]
    .filter(([, deadline]) => deadline < today && deadline >= addDays(today, -CATCH_UP_DAYS))
    .map(([month]) => month)
    .sort();
}

/** What a report is expected to take before one has been timed (a stage report ≈ 60 Docs calls). */
const REPORT_ESTIMATE_MS = 60 * 1000;

/**
 * Called by the daily run: the summary report of every stage whose deadline has passed — the day
 * after it, or within a week if runs were missed — and the final report after the last deadline.
 * Those read projects: they are the reports of a template whose form makes subjects (the
 * Secretary Project). Any other template gets the campaign report instead, after the last deadline
 * of each month (campaignReportMonthsDue).
 * Each is remembered, so a re-run never makes one twice; a report that failed (a broken template)
 * is tried again the next day. With `time`, a report starts only when the run's time budget still
 * holds one (the longest report timed so far, at least a minute): Apps Script kills a run at
 * 6 minutes, mid-report. What is left is counted in `remaining` for the continuation to make.
 */
export function runDueReports(
  deps: AppDeps,
  config: CampaignConfig,
  today: string,
  time?: { startedAt: number; budgetMs: number },
): { made: number; remaining: number } {
  const due = (deadline: string) => deadline < today && deadline >= addDays(today, -CATCH_UP_DAYS);
  let records: CampaignRecords | null = null;
  const load = () => (records ??= loadRecords(deps.sheets, config));
  const deadlines = config.stages.map((s) => s.deadline).sort();
  const last = deadlines[deadlines.length - 1];
  const todo: { key: string; make: () => ReportResult }[] = [];
  const projectReports = config.forms.some((f) => f.makes.kind === 'subject');
  for (const stage of projectReports ? config.stages : []) {
    const key = STORE.autoStage(stage.stageId);
    if (!due(stage.deadline) || deps.store.get(key)) continue;
    todo.push({ key, make: () => makeStageReport(deps, config, load(), stage, today, true) });
  }
  if (projectReports && last && due(last) && !deps.store.get(STORE.autoFinal)) {
    todo.push({
      key: STORE.autoFinal,
      make: () => makeFinalReport(deps, config, load(), today, true),
    });
  }
  const months = projectReports
    ? []
    : campaignReportMonthsDue(config, today).filter((m) => !deps.store.get(STORE.autoCampaign(m)));
  if (months.length > 0) {
    // One report covers every month due (after missed runs): the others are marked made with it.
    const latest = months[months.length - 1];
    todo.push({
      key: STORE.autoCampaign(latest),
      make: () => {
        const result = makeCampaignReport(deps, config, today, true);
        if (result.ok)
          for (const m of months) deps.store.set(STORE.autoCampaign(m), result.docId ?? 'done');
        return result;
      },
    });
  }
  let made = 0;
  for (const [i, report] of todo.entries()) {
    if (time) {
      const estimate = Math.max(REPORT_ESTIMATE_MS, Number(deps.store.get(STORE.lastMs)) || 0);
      if (deps.clock.now() - time.startedAt + estimate > time.budgetMs) {
        deps.log.record({ event: 'checkpoint', reason: 'timeBudget', reports: todo.length - i });
        return { made, remaining: todo.length - i };
      }
    }
    const began = deps.clock.now();
    const result = report.make();
    deps.store.set(STORE.lastMs, String(deps.clock.now() - began));
    if (result.ok) {
      deps.store.set(report.key, result.docId ?? 'done');
      made += 1;
    }
  }
  return { made, remaining: 0 };
}

// --- dossiers ---------------------------------------------------------------------------------

function latestBy<T extends LinkedRecord>(list: T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of list) {
    const seen = out.get(r.projectId);
    if (!seen || (r.submittedAt ?? 0) >= (seen.submittedAt ?? 0)) out.set(r.projectId, r);
  }
  return out;
}

function dossierFilling(
  config: CampaignConfig,
  row: KeyedRow,
  project: ProjectRecord,
  plan: LinkedRecord | undefined,
  ledger: LinkedRecord[],
  assessment: LinkedRecord | undefined,
  now: number,
): Filling {
  const { settings } = config;
  const msgs = messages(settings.locale);
  const m = msgs.reports;
  const f = formatters(config);
  const v = row.values;
  const text = (key: string) => f.cell(v[key]);
  const planText = (key: string) => (plan ? f.cell(plan.values[key]) : m.notSubmitted);
  const label = (l: { zh: string; en: string }) => (settings.locale === 'en' ? l.en : l.zh);
  const subjectForm = config.forms.find((form) => form.makes.kind === 'subject');
  return {
    scalars: {
      campaignName: settings.campaignName,
      projectId: project.projectId,
      unitName: text('unitName'),
      category: text('category'),
      department: text('department'),
      projectName: project.projectName,
      projectType: project.projectType,
      themes: text('themes'),
      rectification: project.rectification,
      leader: text('leader'),
      leaderTitle: text('leaderTitle'),
      goals: text('goals'),
      measures: text('measures'),
      dueDate: text('dueDate'),
      contactName: text('contactName'),
      contactPhone: text('contactPhone'),
      contactEmail: text('contactEmail'),
      budget: f.num(project.budget),
      submittedAt: f.minute(project.submittedAt),
      verified: project.verified ? msgs.intake.verified : msgs.intake.unverified,
      status: project.status || m.blank,
      score: f.num(project.score),
      comment: project.comment || m.blank,
      reviewer: project.reviewer || m.blank,
      fundingGranted: f.num(project.fundingGranted),
      acceptanceScore: f.num(project.acceptanceScore),
      acceptanceResult: project.acceptanceResult || m.blank,
      planOrganization: planText('organization'),
      planMeasures: planText('measures'),
      planSafeguards: planText('safeguards'),
      planTimeline: planText('timeline'),
      selfSummary: assessment ? f.cell(assessment.values.summary) : m.notSubmitted,
      generatedAt: formatMinute(now, settings.timeZone),
    },
    lists: {
      answers: subjectForm
        ? subjectForm.fields
            .filter((field) => field.kind !== 'unit')
            .map((field) => ({ label: label(field.label), value: text(field.key) || m.blank }))
        : [],
      ledger: ledger.map((e) => ({
        activityDate: f.cell(e.values.activityDate),
        activity: f.cell(e.values.activity),
        participants: f.cell(e.values.participants),
        outcome: f.cell(e.values.outcome),
      })),
      ratings: assessment
        ? STANDARDS.map((s) => ({ label: label(s.label), score: f.cell(assessment.values[s.key]) }))
        : [],
    },
  };
}

export interface DossierResult {
  made: number;
  total: number;
  left: number;
  error?: string;
}

/**
 * Menu: one dossier per project (or only the given ones), laid out like the application form,
 * with review results, plan, ledger and self-ratings. A long batch stops before Apps Script's
 * 6-minute limit and the next click resumes after the last one made.
 */
export function generateDossiers(deps: AppDeps, projectIds?: readonly string[]): DossierResult {
  const started = deps.clock.now();
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) {
    const m = messages('zh-CN').reports;
    deps.ui.alert(m.failedTitle, m.configInvalid);
    return { made: 0, total: 0, left: 0, error: 'configInvalid' };
  }
  const { config } = loaded;
  const { locale } = config.settings;
  const m = messages(locale).reports;
  const rows = readKeyed(deps.sheets, subjectSheet(config), locale)
    .rows.map((row) => ({ row, project: projectOf(row) }))
    .filter((r) => r.project.projectId !== '')
    .filter((r) => !projectIds || projectIds.includes(r.project.projectId))
    .sort((a, b) => a.project.projectId.localeCompare(b.project.projectId));
  const linked = (def: typeof PLANS_SHEET) =>
    readKeyed(deps.sheets, def, locale)
      .rows.map(linkedOf)
      .filter((r) => r.projectId !== '');
  const plans = latestBy(linked(PLANS_SHEET));
  const ledger = linked(LEDGER_SHEET);
  const assessments = latestBy(linked(SELF_ASSESSMENTS_SHEET));
  const resumeAt = projectIds ? '' : (deps.store.get(STORE.dossierNext) ?? '');
  const todo = rows.filter((r) => r.project.projectId >= resumeAt);
  const folder = reportFolder(deps, config);
  const def = reportTemplate('dossier');
  const fmt = formatters(config);
  let made = 0;
  for (const { row, project } of todo) {
    if (made > 0 && deps.clock.now() - started > DOSSIER_BUDGET_MS) break;
    const entries = ledger
      .filter((e) => e.projectId === project.projectId)
      .sort((a, b) =>
        fmt.cell(a.values.activityDate).localeCompare(fmt.cell(b.values.activityDate)),
      );
    const filling = dossierFilling(
      config,
      row,
      project,
      plans.get(project.projectId),
      entries,
      assessments.get(project.projectId),
      deps.clock.now(),
    );
    const name = m.dossierName(project.projectId, project.projectName);
    try {
      render(deps, config, def, filling, name, folder);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      deps.log.record({ event: 'reportFailed', kind: 'dossier', error: error.message });
      deps.ui.alert(m.failedTitle, error.message);
      return { made, total: rows.length, left: todo.length - made, error: error.message };
    }
    deps.log.record({ event: 'report', kind: 'dossier', name, projectId: project.projectId });
    made += 1;
  }
  const left = todo.length - made;
  if (!projectIds) deps.store.set(STORE.dossierNext, left > 0 ? todo[made].project.projectId : '');
  if (left > 0) deps.ui.alert(m.doneTitle, m.dossiersPartial(made, left));
  else deps.ui.alert(m.doneTitle, m.dossiersDone(made, rows.length, folderUrl(folder)));
  return { made, total: rows.length, left };
}

function folderUrl(folderId: string): string {
  return `https://drive.google.com/drive/folders/${folderId}`;
}
