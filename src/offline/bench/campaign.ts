/**
 * A campaign of any size, built the fast way: an administrator runs setup, pastes the
 * configuration and activates (as in the rehearsal), then the records of a campaign well into its
 * last stage are pasted host-side, each sheet filled column by column under its own header (found
 * by label through the sheets-templates definitions), in the shapes the intake and the review
 * write them — instead of tens of thousands of form submissions.
 *
 * The moment: 2015-02-14, the day before the self-assessment (自查总结) deadline of the sample
 * calendar. Every project owes one; 10 % have sent it, so about 90 % of units are owed a reminder
 * today (the −7 and −3 reminders are already in the send ledger, as they would be).
 */
import { respondAs } from '../rehearsal/replay-forms';
import * as path from 'node:path';
import {
  AUDIT_LOG_SHEET,
  LEDGER_SHEET,
  MAIL_LOG_SHEET,
  PLANS_SHEET,
  PROJECTS_SHEET,
  SELF_ASSESSMENTS_SHEET,
  SEND_LEDGER_SHEET,
} from '../../../sheets-templates/data-sheets';
import { UNITS_SHEET, type SheetDef } from '../../../sheets-templates/config-sheets';
import { PROJECT_TYPES } from '../../../sheets-templates/forms';
import { addDays, zonedTime } from '../../domain/calendar';
import { mapColumns } from '../../domain/table';
import { PropertiesService } from '../emulator/properties-service';
import { ScriptApp } from '../emulator/script-app';
import { CampaignHarness } from '../harness';
import { projectRoot } from '../project-root';
import { fillConfiguration } from '../rehearsal/engine';
import { readScenario, type Scenario } from '../rehearsal/scenario';
import type { RunResult, RunSpec } from '../sandbox/sandbox';

export const ADMIN = 'admin@jggw.example';
export const STAFF = { org: 'zzb@jggw.example', enterprise: 'qygzb@jggw.example' } as const;
export const TIME_ZONE = 'Asia/Shanghai';
/** The busy reminder day: deadline − 1 of the self-assessment stage (2015-02-15). */
export const BUSY_DAY = '2015-02-14';
/** Workspace domain accounts may send to 2,000 recipients inside the domain; we give 10,000 so that
 * a 5,000-unit day is measured in one day (the real quota would spread it over several days). */
export const BENCH_MAIL_QUOTA = 10000;

type Value = string | number | Date | boolean;

export interface CampaignShape {
  units: number;
  projects: number;
  keyProjects: number;
  plans: number;
  ledger: number;
  selfAssessments: number;
  auditRows: number;
  sendLedgerRows: number;
  mailLogRows: number;
  /** Every cell pasted into the data sheets (rows × header width). */
  cells: number;
}

export interface BenchCampaign {
  harness: CampaignHarness;
  shape: CampaignShape;
  /** Every execution so far (cleared by the caller between measurements). */
  runs: RunResult[];
  /** A fresh application, ready to be submitted (the form's submit event). */
  newApplication(unitIndex: number, name: string): RunSpec;
}

export interface BuildOptions {
  units: number;
  bundlePath?: string;
  callLatencyMs?: (name: string) => number;
  seed?: number;
  /** Called after every execution, as soon as it ends. */
  onRun?: (result: RunResult) => void;
}

const at = (day: string, hour = 10) => new Date(zonedTime(day, hour, 0, TIME_ZONE));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface UnitRow {
  unitId: string;
  name: string;
  category: string;
  emails: string[];
  department: 'org' | 'enterprise';
}

export function unitsOf(n: number): UnitRow[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    const enterprise = k % 4 === 0;
    // Every tenth unit has two roster addresses (secretary and office).
    const emails =
      k % 10 === 0 ? [`dw${k}@u${k}.example`, `bgs${k}@u${k}.example`] : [`dw${k}@u${k}.example`];
    return {
      unitId: `U${pad(k, 4)}`,
      name: `测试单位${k}${enterprise ? '党委' : '机关党委'}`,
      category: enterprise ? '驻深企业' : '机关事业单位',
      emails,
      department: enterprise ? 'enterprise' : 'org',
    };
  });
}

/**
 * A bundled sample scenario for the bench: its calendar and template kept, the bench's own accounts
 * and campaign name laid over its settings.
 */
export function benchSample(
  folder: string,
  campaignName: string,
  more: Record<string, string> = {},
) {
  const sample = readScenario(path.join(projectRoot(), 'sheets-templates', folder));
  const overrides: Record<string, string> = {
    campaignName,
    timeZone: TIME_ZONE,
    adminEmails: ADMIN,
    'staffEmails.org': STAFF.org,
    'staffEmails.enterprise': STAFF.enterprise,
    ...more,
  };
  const settings = sample.settings
    .filter((s) => !(s.key in overrides))
    .concat(Object.entries(overrides).map(([key, value]) => ({ key, value })));
  return { ...sample, dir: '(bench)', settings };
}

/** The unit columns every generated roster fills (单位名册's own, by key). */
export const BENCH_UNIT_KEYS = UNITS_SHEET.columns.map((c) => c.key);

/** The configuration as the rehearsal reads it: the sample calendar, generated units. */
export function scenarioOf(units: UnitRow[], keyProjectQuota: number): Scenario {
  return {
    ...benchSample('sample-campaign', `性能测试（${units.length} 个单位）`, {
      keyProjectQuota: String(keyProjectQuota),
      mailReserve: '10',
    }),
    units: {
      header: BENCH_UNIT_KEYS,
      rows: units.map((u, i) => [
        u.unitId,
        u.name,
        u.category,
        '书记',
        '联系人',
        u.emails.join(';'),
        '0755-82100000',
        String(50 + (i % 300)),
        'true',
      ]),
    },
    events: [],
  };
}

/** Rows laid under a sheet's header by column key; header labels decide the positions. */
export class SheetFiller {
  readonly rows: Value[][] = [];
  private readonly index: Record<string, number>;
  constructor(
    private readonly def: SheetDef,
    private readonly header: Value[],
  ) {
    const columns = mapColumns(def, header);
    const missing = def.columns.filter((c) => columns.index[c.key] === undefined).map((c) => c.key);
    if (missing.length)
      throw new Error(`sheet ${def.title.zh} lacks columns ${missing.join(', ')}`);
    this.index = columns.index;
  }
  add(values: Record<string, Value>): void {
    const row = Array<Value>(this.header.length).fill('');
    for (const [key, value] of Object.entries(values)) {
      const i = this.index[key];
      if (i === undefined) throw new Error(`sheet ${this.def.title.zh} has no column ${key}`);
      row[i] = value;
    }
    this.rows.push(row);
  }
  get cells(): number {
    return this.rows.length * this.header.length;
  }
}

export const provenance = (email: string, submitted: Date, responseId: string) => ({
  respondentEmail: email,
  verified: '已核验',
  submittedAt: submitted,
  updatedAt: '',
  late: '',
  responseId,
  editUrl: `https://docs.google.com/forms/d/e/bench/viewform?edit2=${responseId}`,
});

/** Builds the campaign (setup, configuration, activate, pasted records); nothing is measured here. */
export function buildCampaign(options: BuildOptions): BenchCampaign {
  const runs: RunResult[] = [];
  const harness = new CampaignHarness({
    now: zonedTime(BUSY_DAY, 7, 0, TIME_ZONE),
    seed: options.seed ?? 2014,
    owner: ADMIN,
    mailDailyQuota: BENCH_MAIL_QUOTA,
    timeZone: TIME_ZONE,
    bundlePath: options.bundlePath,
    callLatencyMs: options.callLatencyMs,
    onRun: (r) => {
      runs.push(r);
      options.onRun?.(r);
    },
  });
  const units = unitsOf(options.units);
  // Projects: 2 for every other unit (1.5 per unit); every fifth project is a key project.
  const projects: { id: string; unit: UnitRow; name: string; key: boolean; index: number }[] = [];
  units.forEach((unit, i) => {
    for (let k = 0; k < (i % 2 === 0 ? 2 : 1); k++) {
      const index = projects.length + 1;
      projects.push({
        id: `SJXM-2014-${pad(index, 3)}`,
        unit,
        name: `${unit.name}书记项目${k + 1}`,
        key: index % 5 === 0,
        index,
      });
    }
  });
  const keyProjects = projects.filter((p) => p.key);

  // Deployed, so that receipts and reminders carry their personal status-page links.
  ScriptApp._deployWebApp(harness.ws);
  harness.open(ADMIN);
  must(harness.clickMenu('setup', ADMIN), 'setup');
  fillConfiguration(harness, scenarioOf(units, keyProjects.length), ADMIN);
  must(harness.clickMenu('activate', ADMIN), 'activate');

  const filler = (def: SheetDef) => {
    const header = harness.values(def.title.zh)?.[0];
    if (!header) throw new Error(`activate did not create ${def.title.zh}`);
    return new SheetFiller(def, header);
  };
  const projectSheet = filler(PROJECTS_SHEET);
  const plans = filler(PLANS_SHEET);
  const ledger = filler(LEDGER_SHEET);
  const assessments = filler(SELF_ASSESSMENTS_SHEET);
  const audit = filler(AUDIT_LOG_SHEET);
  const sendLedger = filler(SEND_LEDGER_SHEET);
  const mailLog = filler(MAIL_LOG_SHEET);
  const receipt = (
    to: string,
    key: string,
    unitId: string,
    projectId: string,
    stageId: string,
    when: Date,
  ) =>
    mailLog.add({
      key,
      kind: 'receipt',
      to,
      subject: '回执',
      unitId,
      projectId,
      stageId,
      at: when,
      state: 'sent',
    });

  const reviewedAt = at('2014-06-20', 15);
  for (const p of projects) {
    const email = p.unit.emails[0];
    const submitted = at(addDays('2014-05-20', p.index % 10), 9 + (p.index % 8));
    const status = p.key ? '重点项目' : '备案';
    const responseId = `bench-app-${p.index}`;
    projectSheet.add({
      projectId: p.id,
      unitId: p.unit.unitId,
      unitName: p.unit.name,
      category: p.unit.category,
      department: p.unit.department === 'org' ? '组织部' : '企业工作部',
      projectName: p.name,
      projectType: PROJECT_TYPES[p.index % 3],
      themes: '服务民生、服务群众',
      rectification: '分类定级，逐个整顿软弱涣散支部，书记负总责。',
      leader: '书记',
      leaderTitle: '党委书记',
      goals: '建设服务型党组织，年内完成三项服务承诺。',
      measures: '每月一次主题党日；设立党员服务岗；建立台账。',
      dueDate: at('2014-12-01', 0),
      contactName: '联系人',
      contactPhone: '0755-82100000',
      contactEmail: email,
      budget: 3,
      status,
      score: 80 + (p.index % 20),
      comment: '同意',
      reviewer: p.unit.department === 'org' ? STAFF.org : STAFF.enterprise,
      reviewedAt,
      fundingGranted: p.key ? 5 : '',
      acceptanceScore: '',
      acceptanceResult: '',
      ...provenance(email, submitted, responseId),
    });
    receipt(
      email,
      `receipt:${responseId}:${submitted.getTime()}`,
      p.unit.unitId,
      p.id,
      'apply',
      submitted,
    );
    const editor = p.unit.department === 'org' ? STAFF.org : STAFF.enterprise;
    const decisions: [string, Value, Value][] = [
      ['status', '待审核', status],
      ['score', '', 80 + (p.index % 20)],
      ['comment', '', '同意'],
    ];
    if (p.key) decisions.push(['fundingGranted', '', 5]);
    for (const [key, oldValue, newValue] of decisions) {
      audit.add({
        at: reviewedAt,
        editor,
        projectId: p.id,
        unitId: p.unit.unitId,
        key,
        oldValue,
        newValue,
      });
    }
  }

  // Plans for every key project; the ledger: 10 entries per unit, spread over the key projects.
  for (const p of keyProjects) {
    const submitted = at('2014-07-15', 10);
    const responseId = `bench-plan-${p.index}`;
    plans.add({
      projectId: p.id,
      unitId: p.unit.unitId,
      projectName: p.name,
      goals: '目标任务',
      organization: '成立项目工作小组',
      measures: '主要措施',
      safeguards: '经费和人员保障',
      timeline: at('2014-12-31', 0),
      ...provenance(p.unit.emails[0], submitted, responseId),
    });
    receipt(
      p.unit.emails[0],
      `receipt:${responseId}:${submitted.getTime()}`,
      p.unit.unitId,
      p.id,
      'plan',
      submitted,
    );
  }
  const ledgerEntries = units.length * 10;
  for (let e = 0; e < ledgerEntries && keyProjects.length; e++) {
    const p = keyProjects[e % keyProjects.length];
    const day = addDays('2014-07-02', (e * 7) % 180);
    const submitted = at(addDays(day, 1), 11);
    const responseId = `bench-ledger-${e + 1}`;
    ledger.add({
      projectId: p.id,
      unitId: p.unit.unitId,
      projectName: p.name,
      activityDate: at(day, 0),
      activity: `第${Math.floor(e / keyProjects.length) + 1}次主题党日：走访服务对象，听取意见。`,
      participants: 20 + (e % 30),
      outcome: '解决群众反映问题 3 件',
      evidenceUrl: '',
      ...provenance(p.unit.emails[0], submitted, responseId),
    });
    receipt(
      p.unit.emails[0],
      `receipt:${responseId}:${submitted.getTime()}`,
      p.unit.unitId,
      p.id,
      'implement',
      submitted,
    );
  }
  // Self-assessments from one project in ten; the others owe one by tomorrow.
  const assessed = new Set<string>();
  for (const p of projects.filter((q) => q.index % 10 === 1)) {
    const submitted = at('2015-02-10', 16);
    const responseId = `bench-self-${p.index}`;
    assessed.add(p.id);
    assessments.add({
      projectId: p.id,
      unitId: p.unit.unitId,
      projectName: p.name,
      leadership: 4,
      backbone: 4,
      venue: 5,
      carrier: 4,
      system: 4,
      performance: 5,
      summary: '总结',
      experience: '经验做法',
      ...provenance(p.unit.emails[0], submitted, responseId),
    });
    receipt(
      p.unit.emails[0],
      `receipt:${responseId}:${submitted.getTime()}`,
      p.unit.unitId,
      p.id,
      'summarize',
      submitted,
    );
  }
  // The −7 and −3 reminders of the self-assessment stage went out on 02-08 and 02-12.
  for (const offset of [7, 3]) {
    const day = addDays('2015-02-15', -offset);
    const sentAt = at(day, 9);
    const owing = new Map<string, typeof projects>();
    for (const p of projects) {
      if (assessed.has(p.id)) continue;
      sendLedger.add({
        key: [p.unit.unitId, 'summarize', p.id, 'reminder', offset].join('|'),
        day,
        recipient: p.unit.unitId,
        stageId: 'summarize',
        projectId: p.id,
        kind: 'reminder',
        offsetDays: offset,
        state: 'sent',
        reason: '',
        at: sentAt,
      });
      owing.set(p.unit.unitId, [...(owing.get(p.unit.unitId) ?? []), p]);
    }
    for (const [unitId, list] of owing) {
      mailLog.add({
        key: list.map((p) => [unitId, 'summarize', p.id, 'reminder', offset].join('|')).join(' + '),
        kind: 'reminder',
        to: list[0].unit.emails.join('; '),
        subject: '提醒',
        unitId,
        projectId: list.map((p) => p.id).join(', '),
        stageId: 'summarize',
        at: sentAt,
        state: 'sent',
      });
    }
  }

  let cells = 0;
  for (const [def, f] of [
    [PROJECTS_SHEET, projectSheet],
    [PLANS_SHEET, plans],
    [LEDGER_SHEET, ledger],
    [SELF_ASSESSMENTS_SHEET, assessments],
    [AUDIT_LOG_SHEET, audit],
    [SEND_LEDGER_SHEET, sendLedger],
    [MAIL_LOG_SHEET, mailLog],
  ] as const) {
    if (f.rows.length) harness.paste(def.title.zh, 2, f.rows, ADMIN);
    cells += f.cells;
  }

  const props = PropertiesService._store(harness.ws, 'script');
  const formId = String(props.getProperty('form.application.id'));
  const trigger = harness
    .triggers()
    .find((t) => t.sourceId === formId && t.handler === 'onFormSubmit');
  if (!trigger) throw new Error('activate installed no submit trigger for the application form');

  return {
    harness,
    runs,
    shape: {
      units: units.length,
      projects: projects.length,
      keyProjects: keyProjects.length,
      plans: plans.rows.length,
      ledger: ledger.rows.length,
      selfAssessments: assessments.rows.length,
      auditRows: audit.rows.length,
      sendLedgerRows: sendLedger.rows.length,
      mailLogRows: mailLog.rows.length,
      cells,
    },
    newApplication(unitIndex: number, name: string): RunSpec {
      const unit = units[unitIndex];
      const answers: Record<string, unknown> = {
        unitId: unit.name,
        projectName: name,
        projectType: '创新探索型',
        themes: ['服务民生'],
        rectification: '整顿软弱涣散支部',
        leader: '书记',
        leaderTitle: '党委书记',
        goals: '目标',
        measures: '措施',
        dueDate: '2014-12-01',
        contactName: '联系人',
        contactPhone: '0755-82100000',
        contactEmail: unit.emails[0],
        budget: 2,
      };
      return respondAs(harness, 'application', unit.emails[0], answers).runs[0];
    },
  };
}

export function must(result: RunResult, what: string): void {
  if (!result.ok) throw new Error(`${what} failed: ${result.error}`);
}
