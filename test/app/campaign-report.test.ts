import { dayOf } from '../../src/domain/calendar';
import { DocumentApp } from '../../src/offline/emulator/document-app';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import { BRANCH_DUTIES } from '../../sheets-templates/templates/branch-duties';
import { campaignReportMonthsDue } from '../../src/app/reports';
import type { CampaignConfig } from '../../src/domain/config';
import type { ReplayContext } from '../../src/offline/rehearsal/engine';
import { ADMIN, configured, replaySubmitEvent, sampleScenario } from '../support/campaign';
import { configuredFor, sampleCsv } from '../support/template-campaign';
import { blocksOf, reportDocs, sheetRecords, table, type Block } from '../support/report-docs';

type Campaign = ReturnType<typeof configured>;
type Cell = string | number | boolean | Date;

const TYPES = ['创新探索型', '典型示范型', '制度推广型'];
const THEMES = ['服务改革', '服务发展', '服务民生', '服务群众', '服务党员'];

/** n projects in 项目库 as the intake writes them: units in turn, every fourth one late (after 05-30). */
function seedProjects(campaign: Campaign, n: number): void {
  const units = sheetRecords(campaign, '单位名册').filter((u) => u['是否参与'] !== false);
  const header = (campaign.values('项目库') ?? [[]])[0].map(String);
  const rows = Array.from({ length: n }, (_, i) => {
    const late = i % 4 === 3;
    // Late projects come from the last unit, whose first project is therefore late.
    const unit = late ? units[units.length - 1] : units[(i * 5) % Math.max(1, units.length - 2)];
    const values: Record<string, Cell> = {
      项目编号: `SJXM-2014-${String(i + 1).padStart(3, '0')}`,
      单位编号: unit['单位编号'],
      单位名称: unit['单位名称'],
      单位类别: unit['单位类别'],
      项目名称: `项目 ${i + 1}`,
      项目类型: TYPES[i % 3 === 2 ? 0 : i % 3],
      服务主题: i % 2 ? [THEMES[i % 5], THEMES[(i + 1) % 5]].join('、') : THEMES[i % 5],
      整顿软弱涣散基层党组织措施: '一支部一策',
      '经费需求（万元）': 2,
      审核状态: i < 2 ? '重点项目' : '备案',
      身份核验: '已核验',
      首次提交时间: new Date(
        Date.parse(late ? '2014-05-31T09:00:00+08:00' : '2014-05-26T09:00:00+08:00') + i * 60000,
      ),
      是否逾期: late ? '逾期' : '',
      回复编号: `r${i}`,
    };
    return header.map((h) => values[h] ?? '');
  });
  campaign.paste('项目库', 2, rows, ADMIN);
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');

/** The table following a heading. */
function tableAfter(blocks: Block[], heading: string): string[][] {
  const at = blocks.indexOf(heading);
  if (at < 0) throw new Error(`no heading ${heading}`);
  const found = blocks.slice(at + 1).find((b): b is string[][] => Array.isArray(b));
  if (!found) throw new Error(`no table after ${heading}`);
  return found;
}

describe('the campaign report from the template’s sections (dist/Code.js, emulated Docs)', () => {
  const campaign = configured(sampleScenario(), '2014-05-19T10:00:00+08:00');
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  seedProjects(campaign, 17);
  campaign.advanceTo(Date.parse('2014-06-01T10:00:00+08:00'));
  campaign.open(ADMIN);
  const run = campaign.clickMenu('generateCampaignReport', ADMIN);
  const doc = reportDocs(campaign).find((d) => d.name.includes('活动报告'))!;
  const blocks = blocksOf(doc.tree.body);
  const units = sheetRecords(campaign, '单位名册').filter((u) => u['是否参与'] !== false);
  const projects = sheetRecords(campaign, '项目库');

  test('the menu item makes one Doc named for the campaign and the day, mailed to staff', () => {
    expect(run.ok).toBe(true);
    expect(doc.name).toBe('2014年度基层党建“书记项目”（示例）活动报告（2014-06-01）');
    expect(blocks).toContain('2014年度基层党建“书记项目”（示例）活动报告');
    expect(blocks).toContain('截至 2014-06-01');
    expect(JSON.stringify(blocks)).not.toMatch(/\{\{(?!\u200b)/);
    const mail = campaign.outbox().at(-1)!;
    expect(mail.subject).toBe('【2014年度基层党建“书记项目”（示例）】活动报告（2014-06-01）');
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(run.execution.logs.map((l) => l.json)).toContainEqual({
      event: 'report',
      kind: 'campaignReport',
      name: doc.name,
    });
  });

  test('one heading per section of the template, in its order', () => {
    const headings = blocks.filter(
      (b): b is string => typeof b === 'string' && /^[一二三四五六七八九十]+、/.test(b),
    );
    expect(headings).toEqual([
      '一、总体情况',
      '二、各阶段完成情况',
      '三、配额规则检查',
      '四、项目库：按项目类型统计',
      '五、项目库：按服务主题统计',
      '六、项目一览',
      '七、工作台账：按单位统计',
    ]);
  });

  test('the overview counts the rows of 单位名册 and of each record sheet', () => {
    const overview = table(blocks, '项目', '数量');
    expect(overview).toContainEqual(['参与单位', String(units.length)]);
    expect(overview).toContainEqual(['「项目库」记录', String(projects.length)]);
    expect(overview).toContainEqual(['「工作台账」记录', '0']);
    expect(projects).toHaveLength(17);
  });

  test('projects by type and by theme are the rows of 项目库 counted by their cells', () => {
    const byType = table(blocks, '项目类型', '记录数', '占比');
    const count = (type: string) => projects.filter((p) => p['项目类型'] === type).length;
    expect(byType.slice(1)).toEqual(
      TYPES.map((type) => [type, String(count(type)), pct(count(type), projects.length)]),
    );
    expect(byType[3]).toEqual(['制度推广型', '0', '0.0%']);
    const byTheme = table(blocks, '服务主题', '记录数', '占比');
    const ticked = (theme: string) =>
      projects.filter((p) => String(p['服务主题']).split('、').includes(theme)).length;
    expect(byTheme.slice(1)).toEqual(
      THEMES.map((theme) => [theme, String(ticked(theme)), pct(ticked(theme), projects.length)]),
    );
    const sum = byTheme.slice(1).reduce((n, r) => n + Number(r[1]), 0);
    expect(sum).toBeGreaterThan(projects.length);
  });

  test('the application stage: owed by every unit, met by those with a project, late after 05-31', () => {
    const stages = tableAfter(blocks, '二、各阶段完成情况');
    expect(stages[0]).toEqual([
      '阶段',
      '期间',
      '截止日期',
      '状态',
      '应报',
      '已报',
      '逾期报送',
      '未报',
      '完成率',
    ]);
    // The stage and its deadline as 阶段设置 says; a unit meets it with its first project.
    const stage = sheetRecords(campaign, '阶段设置').find((r) => r['阶段编号'] === 'apply')!;
    const deadline = dayOf((stage['截止日期'] as Date).getTime(), 'Asia/Shanghai');
    const first = new Map<string, number>();
    for (const p of projects) {
      const at = (p['首次提交时间'] as Date).getTime();
      const id = String(p['单位编号']);
      first.set(id, Math.min(first.get(id) ?? Infinity, at));
    }
    const deadlineEnd = Date.parse(`${deadline}T00:00:00+08:00`) + 24 * 3600 * 1000;
    const met = units.filter((u) => first.has(String(u['单位编号'])));
    const late = met.filter((u) => first.get(String(u['单位编号']))! >= deadlineEnd);
    expect(stages.find((r) => r[2] === deadline)).toEqual([
      String(stage['阶段名称']),
      '全程',
      deadline,
      '已截止',
      String(units.length),
      String(met.length),
      String(late.length),
      String(units.length - met.length),
      pct(met.length, units.length),
    ]);
    expect(late.length).toBeGreaterThan(0);
    expect(met.length).toBeGreaterThan(0);
    expect(units.length - met.length).toBeGreaterThan(0);
  });

  test('the project list has a row per row of 项目库, with its unit and review status', () => {
    const list = table(blocks, '编号', '单位', '项目名称');
    expect(list.slice(1).map((r) => r[0])).toEqual(projects.map((p) => String(p['项目编号'])));
    expect(list[1].slice(0, 4)).toEqual([
      'SJXM-2014-001',
      String(projects[0]['单位名称']),
      '项目 1',
      '创新探索型',
    ]);
    expect(list.slice(1).filter((r) => r.includes('重点项目'))).toHaveLength(2);
  });

  test('the template Doc is made once from the sections; staff may restyle it', () => {
    const store = PropertiesService._store(campaign.ws, 'script');
    const templateId = String(store.getProperty('reports.template.campaignReport.id'));
    const docs = campaign.emulator.services.DocumentApp as DocumentApp;
    campaign.asPerson(ADMIN, () => {
      docs.openById(templateId).getBody().appendParagraph('（审阅人：{{campaignName}}办公室）');
    });
    expect(campaign.clickMenu('generateCampaignReport', ADMIN).ok).toBe(true);
    const again = reportDocs(campaign).filter((d) => d.name.includes('活动报告'));
    expect(again).toHaveLength(2);
    expect(blocksOf(again[1].tree.body)).toContain(
      '（审阅人：2014年度基层党建“书记项目”（示例）办公室）',
    );
    expect(store.getProperty('reports.template.campaignReport.id')).toBe(templateId);
  });
});

describe('when the daily run makes the campaign report (templates without a subject form)', () => {
  // The branch-duties stages as its sample's 阶段设置 has them (2018-07 … 2019-01). A dist test of
  // the daily run waits until a branch-duties campaign activates (its unit categories).
  const config = {
    stages: BRANCH_DUTIES.stages.map((s) => ({
      stageId: s.stageId,
      schedule:
        s.schedule.kind === 'recurring' ? { ...s.schedule, from: '2018-07-01' } : s.schedule,
    })),
  } as unknown as CampaignConfig;

  test('the day after the last deadline of a month, or within a week of it', () => {
    // August: July's monthly deadline 08-05 only; October: September's 10-05 and Q3's 10-10.
    expect(campaignReportMonthsDue(config, '2018-08-05')).toEqual([]);
    expect(campaignReportMonthsDue(config, '2018-08-06')).toEqual(['2018-08']);
    expect(campaignReportMonthsDue(config, '2018-08-12')).toEqual(['2018-08']);
    expect(campaignReportMonthsDue(config, '2018-08-13')).toEqual([]);
    expect(campaignReportMonthsDue(config, '2018-10-06')).toEqual([]);
    expect(campaignReportMonthsDue(config, '2018-10-11')).toEqual(['2018-10']);
    // December's deadlines: the year's dual-life one on 12-31, the last of the month.
    expect(campaignReportMonthsDue(config, '2018-12-06')).toEqual([]);
    expect(campaignReportMonthsDue(config, '2019-01-01')).toEqual(['2018-12']);
    // January: the monthly 01-05, Q4's 01-10, the rating 01-15 and its review 01-31.
    expect(campaignReportMonthsDue(config, '2019-01-16')).toEqual([]);
    expect(campaignReportMonthsDue(config, '2019-02-01')).toEqual(['2019-01']);
  });
});

describe('a branch-duties campaign’s report (dist/Code.js)', () => {
  const at = '2018-03-20T10:00:00+08:00';
  const campaign = configuredFor(
    'branch-duties',
    {
      settings: {
        campaignName: '测试组织生活',
        timeZone: 'Asia/Shanghai',
        'staffEmails.org': 'zzb@jggw.example.cn',
        'staffEmails.enterprise': 'qyb@jggw.example.cn',
        adminEmails: ADMIN,
      },
      units: sampleCsv('sheets-templates/sample-branch-duties/units.csv'),
      roster: sampleCsv('sheets-templates/sample-branch-duties/roster.csv'),
    },
    at,
  );
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  const context: ReplayContext = { scenario: sampleScenario(), responses: new Map() };
  const meetings: [string, string, string, string][] = [
    ['B01', 'dzb1@fgw.example.cn', '支委会', '2018-03-05'],
    ['B01', 'dzb1@fgw.example.cn', '支部党员大会', '2018-03-15'],
    // January's 支委会, reported after its deadline (02-05).
    ['B02', 'zhc@jyj.example.cn', '支委会', '2018-01-18'],
    ['B03', 'nkdzb@yy2.example.cn', '党课', '2018-02-10'],
  ];
  meetings.forEach(([unitId, email, meetingType, meetingDate], i) => {
    const { runs } = replaySubmitEvent(campaign, context, {
      form: 'meeting',
      email,
      answers: {
        unitId,
        meetingType,
        meetingDate,
        topic: '学习',
        host: '主持人',
        followsGuide: '是',
        expected: '20',
        attended: '18',
        summary: '集中学习。',
      },
      at: new Date(Date.parse(at) + (i + 1) * 60000).toISOString(),
    });
    expect(runs.map((r) => r.ok)).toEqual([true]);
  });
  // April's last deadline is Q1's, 04-10: the daily run of 04-11 makes the month's report.
  campaign.fireClockTriggers(Date.parse('2018-04-12T23:00:00+08:00'));
  const docs = reportDocs(campaign);
  const blocks = blocksOf(docs[0].tree.body);
  const branches = sheetRecords(campaign, '单位名册').filter((u) => u['是否参与'] !== false);
  const rows = sheetRecords(campaign, '三会一课台账');
  const day = (c: unknown) => dayOf((c as Date).getTime(), 'Asia/Shanghai');

  test('the daily run makes one campaign report, the day after April’s last deadline, and no stage report', () => {
    expect(docs.map((d) => d.name)).toEqual(['测试组织生活活动报告（2018-04-11）']);
    expect(rows).toHaveLength(4);
  });

  test('支委会 by month: the rows of 三会一课台账 of that type and month, and the branches without one', () => {
    const committee = tableAfter(blocks, '五、三会一课台账：按期统计（支委会（每月））');
    const inMonth = (month: string) =>
      rows.filter((r) => r['会议类型'] === '支委会' && day(r['召开日期']).startsWith(month));
    const expected = ['01', '02', '03', '04'].map((m) => {
      const held = inMonth(`2018-${m}`);
      const units = new Set(held.map((r) => r['单位编号']));
      return [
        `2018年${Number(m)}月`,
        String(held.length),
        String(units.size),
        String(branches.length),
        String(branches.length - units.size),
      ];
    });
    expect(committee.slice(1).map((r) => [r[0], ...r.slice(2, 6)])).toEqual(expected);
    expect(expected.map((r) => r[1])).toEqual(['1', '0', '1', '0']);
  });

  test('stage progress counts January’s late 支委会 as met, late', () => {
    const stages = tableAfter(blocks, '二、各阶段完成情况');
    expect(stages.find((r) => r[0] === '支委会（每月）' && r[1] === '2018年1月')).toEqual([
      '支委会（每月）',
      '2018年1月',
      '2018-02-05',
      '已截止',
      String(branches.length),
      '1',
      '1',
      String(branches.length - 1),
      `${((1 / branches.length) * 100).toFixed(1)}%`,
    ]);
  });

  test('meetings by type count the rows of 三会一课台账', () => {
    const byType = tableAfter(blocks, '四、三会一课台账：按会议类型统计');
    const count = (t: string) => String(rows.filter((r) => r['会议类型'] === t).length);
    expect(byType.slice(1).map((r) => [r[0], r[1]])).toEqual(
      ['支部党员大会', '支委会', '党小组会', '党课'].map((t) => [t, count(t)]),
    );
  });
});

describe('a key-tasks campaign’s report (dist/Code.js)', () => {
  const at = '2018-11-20T10:00:00+08:00';
  const campaign = configuredFor(
    'key-tasks',
    {
      settings: {
        campaignName: '测试督办',
        timeZone: 'Asia/Shanghai',
        'staffEmails.org': 'zzb@jggw.example.cn',
        'staffEmails.enterprise': 'qyb@jggw.example.cn',
        adminEmails: ADMIN,
      },
      units: sampleCsv('sheets-templates/sample-key-tasks/units.csv'),
    },
    at,
  );
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  campaign.edit(ADMIN, '重点任务清单', 'G6', '推进中');
  campaign.edit(ADMIN, '重点任务清单', 'G2', '完成');
  const context: ReplayContext = { scenario: sampleScenario(), responses: new Map() };
  const { runs } = replaySubmitEvent(campaign, context, {
    form: 'progress',
    email: 'dcc@zzb.example.cn',
    answers: {
      unitId: 'K01',
      taskRef: 'RW-05',
      asOf: '2018-11-19',
      progress: '已完成 60% 社区达标验收。',
      nextSteps: '年底前完成其余社区。',
      percentDone: '60',
      contactName: '李海燕',
      contactPhone: '0755-88121001',
    },
    at,
  });
  expect(runs.map((r) => r.ok)).toEqual([true]);
  campaign.open(ADMIN);
  expect(campaign.clickMenu('生成活动报告', ADMIN).ok).toBe(true);
  const [doc] = reportDocs(campaign);
  const blocks = blocksOf(doc.tree.body);
  const tasks = sheetRecords(campaign, '重点任务清单');

  test('the task list is 重点任务清单 row by row, with the status staff set, counted by status', () => {
    expect(doc.name).toBe('测试督办活动报告（2018-11-20）');
    const list = table(blocks, '任务编号', '任务名称', '牵头单位');
    expect(list.slice(1).map((r) => [r[0], r[1], r[4] ?? ''])).toEqual(
      tasks.map((t) => [String(t['任务编号']), String(t['任务名称']), String(t['推进状态'])]),
    );
    expect(list.slice(1)).toHaveLength(27);
    expect(blocks).toContain(
      '共有重点任务 27 个。按推进状态：完成 1 个、推进中 1 个、滞后 0 个、未填写 25 个。',
    );
  });

  test('November’s progress: one report, owed by the lead units of the 26 unfinished tasks', () => {
    const months = tableAfter(blocks, '五、推进台账：按期统计（推进情况月报）');
    const unfinished = tasks.filter((t) => t['推进状态'] !== '完成');
    const owners = unfinished.flatMap((t) =>
      String(t['牵头单位'])
        .split(/[;；、]/)
        .filter(Boolean),
    );
    expect(months[1].slice(0, 6)).toEqual([
      '2018年11月',
      '2018-12-05',
      '1',
      '1',
      String(owners.length),
      String(owners.length - 2),
    ]);
  });
});
