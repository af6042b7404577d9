/**
 * Entries of the other templates on dist/Code.js: Setup writes a template's roster, unit columns
 * and subject sheets; Activate validates them with located errors; the intake stores a branch's
 * meeting with its unit, a cadre's organisational life with the person, a key task's progress
 * against the task when a lead unit reports it and rejects it otherwise; loadCampaignData reads it
 * all back as CampaignData (and equals the Secretary Project's adapter).
 */
import { REPLAYERS, type ReplayContext } from '../../src/offline/rehearsal/engine';
import type { ScenarioEvent } from '../../src/offline/rehearsal/scenario';
import { loadConfig } from '../../src/app/config-sheets';
import { loadCampaignData, loadRecords } from '../../src/app/records';
import { fromCampaignRecords } from '../../src/domain/campaign-data';
import type { CampaignConfig } from '../../src/domain/config';
import {
  ADMIN,
  applicationAnswers,
  configured,
  replaySubmitEvent,
  sampleScenario,
} from '../support/campaign';
import { sheetRecords } from '../support/report-docs';
import { configuredFor, sampleCsv, workbookPort } from '../support/template-campaign';

type Campaign = ReturnType<typeof configured>;

const STAFF = {
  campaignName: '测试活动',
  timeZone: 'Asia/Shanghai',
  'staffEmails.org': 'zzb@jggw.example.cn',
  'staffEmails.enterprise': 'qyb@jggw.example.cn',
  adminEmails: ADMIN,
};

const branchData = () => ({
  settings: STAFF,
  units: sampleCsv('sheets-templates/sample-branch-duties/units.csv'),
  roster: sampleCsv('sheets-templates/sample-branch-duties/roster.csv'),
});

function submit(
  campaign: Campaign,
  context: ReplayContext,
  form: string,
  email: string,
  answers: Record<string, unknown>,
  at: string,
) {
  const { id, runs } = replaySubmitEvent(campaign, context, { form, email, answers, at });
  expect(runs.map((r) => r.ok)).toEqual([true]);
  return id;
}

let editLine = 1000;
/** The respondent edits their response `of` through its edit link. */
function edit(
  campaign: Campaign,
  context: ReplayContext,
  of: string,
  form: string,
  answers: Record<string, unknown>,
  at: string,
) {
  campaign.advanceTo(Date.parse(at));
  const event = { type: 'edit', of, submitId: of, at, atMs: Date.parse(at), line: ++editLine };
  const runs = REPLAYERS.edit!(
    campaign,
    { ...event, answers, form, email: '' } as unknown as ScenarioEvent,
    context,
  );
  expect(runs.map((r) => r.ok)).toEqual([true]);
}

function configOf(campaign: Campaign): CampaignConfig {
  const loaded = loadConfig(workbookPort(campaign));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.config;
}

const header = (campaign: Campaign, title: string) => (campaign.values(title) ?? [[]])[0];

describe('branch-duties: roster, unit columns and entries of a unit or a person', () => {
  const at = '2018-04-03T10:00:00+08:00';

  test('Setup writes 领导干部名册 and the unit columns; a meeting is stored with its branch, an organisational life with the cadre', () => {
    const campaign = configuredFor('branch-duties', branchData(), at);
    expect(header(campaign, '领导干部名册')).toEqual([
      '人员编号',
      '姓名',
      '所在单位编号',
      '身份',
      '邮箱',
    ]);
    expect(header(campaign, '单位名册').slice(-2)).toEqual(['上次换届日期', '任期（年）']);
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const context: ReplayContext = { scenario: sampleScenario(), responses: new Map() };

    const meetingId = submit(
      campaign,
      context,
      'meeting',
      'dzb1@fgw.example.cn',
      {
        unitId: 'B01',
        meetingType: '支部党员大会',
        meetingDate: '2018-03-28',
        topic: '学习党的十九大精神',
        host: '林斌',
        followsGuide: '是',
        expected: '23',
        attended: '21',
        summary: '集中学习并讨论。',
      },
      at,
    );
    const [meeting] = sheetRecords(campaign, '三会一课台账');
    expect(meeting).toMatchObject({
      单位编号: 'B01',
      单位名称: '市发展和改革委员会机关第一党支部',
      会议类型: '支部党员大会',
      实到人数: 21,
      身份核验: '已核验',
    });
    expect(header(campaign, '三会一课台账')).not.toContain('党支部');
    // An edit cannot move the meeting to another branch: refused, the record stays.
    edit(campaign, context, meetingId, 'meeting', { unitId: 'B02' }, '2018-04-03T10:30:00+08:00');
    expect(sheetRecords(campaign, '三会一课台账')).toEqual([
      expect.objectContaining({ 单位编号: 'B01', 实到人数: 21 }),
    ]);
    const [moved] = sheetRecords(campaign, '退回记录');
    expect(String(moved['退回原因'])).toBe(
      '「党支部」：这份答卷原是「市发展和改革委员会机关第一党支部」的记录，修改后不能改为其他单位的记录。原记录保持不变；如需为其他单位填报，请新填一份',
    );

    // The cadre answers from their own address: the entry is theirs, in their branch.
    submit(
      campaign,
      context,
      'dualLife',
      'liujianguo@fgw.example.cn',
      {
        personId: '刘建国（市发展和改革委员会机关第一党支部）',
        unitId: 'B01',
        kind: '讲党课',
        activityDate: '2018-03-30',
        topic: '新时代的使命担当',
      },
      '2018-04-03T11:00:00+08:00',
    );
    const [life] = sheetRecords(campaign, '双重组织生活');
    expect(life).toMatchObject({
      人员编号: 'P01',
      姓名: '刘建国',
      单位编号: 'B01',
      参加形式: '讲党课',
      身份核验: '已核验',
    });
    expect(sheetRecords(campaign, '退回记录')).toHaveLength(1);

    // The same cadre named with another branch: refused, saying where they belong.
    submit(
      campaign,
      context,
      'dualLife',
      'liujianguo@fgw.example.cn',
      {
        personId: '刘建国（市发展和改革委员会机关第一党支部）',
        unitId: 'B02',
        kind: '参加组织生活',
        activityDate: '2018-04-01',
        topic: '组织生活会',
      },
      '2018-04-03T12:00:00+08:00',
    );
    const rejected = sheetRecords(campaign, '退回记录')[1];
    expect(String(rejected['退回原因'])).toBe(
      '「所在党支部」：刘建国在名册中属于「市发展和改革委员会机关第一党支部」，请填写本人所在单位',
    );

    // Read back as CampaignData: unit values, people, entries dated by their own date.
    const config = configOf(campaign);
    const data = loadCampaignData(workbookPort(campaign), config);
    expect(data.units.find((u) => u.unitId === 'B02')?.values).toMatchObject({
      lastElection: '2015-11-20',
      termYears: 3,
    });
    expect(data.people.map((p) => p.personId)).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06']);
    expect(
      data.records.map((r) => [r.form, r.unitId, r.personId, r.subjectId, r.day, r.verified]),
    ).toEqual([
      ['meeting', 'B01', null, null, '2018-03-28', true],
      ['dualLife', 'B01', 'P01', null, '2018-03-30', true],
    ]);
  });

  test('a roster row naming a unit not in 单位名册 is refused at Activate, located at its row and column', () => {
    const data = branchData();
    const roster = { ...data.roster, rows: data.roster.rows.map((r) => [...r]) };
    roster.rows[2][2] = 'B99';
    const campaign = configuredFor('branch-duties', { ...data, roster }, at);
    const result = campaign.clickMenu('activate', ADMIN);
    expect(result.ok).toBe(true);
    const health = sheetRecords(campaign, '运行状况');
    expect(health).toEqual([
      expect.objectContaining({
        工作表: '领导干部名册',
        行号: 4,
        列: '所在单位编号',
        问题: '「B99」不是参与本次活动的单位',
      }),
    ]);
    expect(campaign.triggers().filter((t) => t.handler === 'onDailyTick')).toHaveLength(0);
  });
});

describe('key-tasks: progress reports against a listed task by its lead units', () => {
  const at = '2018-11-20T10:00:00+08:00';
  const progress = (unitId: string) => ({
    unitId,
    taskRef: 'RW-05',
    asOf: '2018-11-19',
    progress: '已完成 60% 社区达标验收。',
    nextSteps: '年底前完成其余社区。',
    percentDone: '60',
    contactName: '李海燕',
    contactPhone: '0755-88121001',
  });

  test('Setup writes 重点任务清单 with the 27 tasks and a status column; a lead unit’s report is stored against RW-05, a non-lead unit’s refused', () => {
    const campaign = configuredFor(
      'key-tasks',
      { settings: STAFF, units: sampleCsv('sheets-templates/sample-key-tasks/units.csv') },
      at,
    );
    const tasks = campaign.values('重点任务清单') ?? [];
    expect(tasks[0]).toEqual([
      '任务编号',
      '任务名称',
      '牵头单位',
      '完成时限',
      '时限要求',
      '任务内容',
      '推进状态',
      '督办意见',
    ]);
    expect(tasks.slice(1).filter((r) => r[0] !== '')).toHaveLength(27);
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    // Staff mark a task's status where it is listed.
    expect(tasks[5][0]).toBe('RW-05');
    campaign.edit(ADMIN, '重点任务清单', 'G6', '推进中');
    const context: ReplayContext = { scenario: sampleScenario(), responses: new Map() };

    submit(campaign, context, 'progress', 'dcc@zzb.example.cn', progress('K01'), at);
    const [report] = sheetRecords(campaign, '推进台账');
    expect(report).toMatchObject({
      任务编号: 'RW-05',
      任务名称: '推动社区党建标准化建设力争全部达标',
      单位编号: 'K01',
      单位名称: '市委组织部',
      身份核验: '已核验',
    });

    const receipt = campaign.outbox().find((m) => m.to.includes('dcc@zzb.example.cn'));
    expect(receipt?.subject).toBe(
      '【测试活动】重点任务推进情况月报已受理：RW-05 推动社区党建标准化建设力争全部达标',
    );
    expect(receipt?.body).toContain(
      '市委组织部提交的《重点任务推进情况月报》（RW-05 推动社区党建标准化建设力争全部达标）已受理。',
    );

    submit(
      campaign,
      context,
      'progress',
      'jgdw@xcb.example.cn',
      progress('K02'),
      '2018-11-20T11:00:00+08:00',
    );
    expect(sheetRecords(campaign, '推进台账')).toHaveLength(1);
    const [rejected] = sheetRecords(campaign, '退回记录');
    expect(String(rejected['退回原因'])).toBe(
      '「重点任务」：「市委宣传部」不是重点任务 RW-05「推动社区党建标准化建设力争全部达标」的牵头单位（牵头单位：市委组织部、市民政局），只有牵头单位可以报送',
    );

    const config = configOf(campaign);
    const data = loadCampaignData(workbookPort(campaign), config);
    const task = data.subjects.find((s) => s.subjectId === 'RW-05');
    expect(task).toMatchObject({ type: 'task', unitIds: ['K01', 'K12'] });
    expect(task?.values.status).toBe('推进中');
    expect(data.subjects).toHaveLength(27);
    expect(data.records.map((r) => [r.form, r.unitId, r.subjectId, r.day])).toEqual([
      ['progress', 'K01', 'RW-05', '2018-11-19'],
    ]);
  });
});

describe('loadCampaignData on the Secretary Project', () => {
  test('equals fromCampaignRecords over loadRecords (values: a superset, equal where both have them)', () => {
    const scenario = sampleScenario();
    const campaign = configured(scenario, '2014-05-19T10:00:00+08:00');
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const context: ReplayContext = { scenario, responses: new Map() };
    submit(
      campaign,
      context,
      'application',
      'dw@fgw.example',
      applicationAnswers('U01', '测试项目'),
      '2014-05-21T10:00:00+08:00',
    );
    const [project] = sheetRecords(campaign, '项目库');
    const projectRef = String(project['项目编号']);
    submit(
      campaign,
      context,
      'plan',
      'dw@fgw.example',
      {
        projectRef,
        goals: '目标',
        organization: '组织',
        measures: '措施',
        safeguards: '保障',
        timeline: '2014-12-01',
      },
      '2014-07-02T10:00:00+08:00',
    );
    // A ledger entry of an activity days before it was logged: dated by when it was logged.
    submit(
      campaign,
      context,
      'ledger',
      'dw@fgw.example',
      {
        projectRef,
        activityDate: '2014-07-01',
        activity: '主题党日',
        participants: '30',
        outcome: '成效',
      },
      '2014-07-05T10:00:00+08:00',
    );
    const config = configOf(campaign);
    const port = workbookPort(campaign);
    const generic = loadCampaignData(port, config);
    const adapter = fromCampaignRecords(config, loadRecords(port, config.settings.locale));
    expect(adapter.records.map((r) => [r.form, r.day])).toEqual([
      ['application', '2014-05-21'],
      ['plan', '2014-07-02'],
      ['ledger', '2014-07-05'],
    ]);
    const withoutValues = <T extends { values: unknown }>(xs: T[]) =>
      xs.map(({ values: _values, ...rest }) => rest);
    expect(generic.units).toEqual(adapter.units);
    expect(generic.people).toEqual(adapter.people);
    expect(withoutValues(generic.subjects)).toEqual(withoutValues(adapter.subjects));
    expect(withoutValues(generic.records)).toEqual(withoutValues(adapter.records));
    generic.records.forEach((r, i) => expect(r.values).toMatchObject(adapter.records[i].values));
    generic.subjects.forEach((s, i) => expect(s.values).toMatchObject(adapter.subjects[i].values));
  });
});
