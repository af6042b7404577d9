import { parseConfig, type ConfigTables } from '../../src/domain/config';
import type { Cell, RawTable } from '../../src/domain/table';
import { messages, renderProblem } from '../../src/i18n';
import { describeProblem } from '../../src/app/activate';

const table = (header: string[], rows: Cell[][]): RawTable => ({ header, rows, firstRow: 2 });

const settings = (overrides: Record<string, string> = {}) =>
  table(
    ['设置项', '名称', '值', '说明'],
    Object.entries({
      campaignName: '测试活动',
      timeZone: 'Asia/Shanghai',
      reminderHour: '9',
      senderName: '工委',
      'staffEmails.org': 'zzb@x.example',
      'staffEmails.enterprise': 'qy@x.example',
      ...overrides,
    }).map(([k, v]) => [k, '', v, '']),
  );

const unitsHeader = [
  '单位编号',
  '单位名称',
  '单位类别',
  '书记',
  '联系人',
  '联系邮箱',
  '联系电话',
  '党员人数',
  '是否参与',
];
const stagesHeader = [
  '阶段编号',
  '阶段名称',
  '开始日期',
  '截止日期',
  '对应表单',
  '适用对象',
  '提前提醒天数',
  '逾期催报间隔',
];

function valid(): ConfigTables {
  return {
    settings: settings(),
    units: table(unitsHeader, [
      ['U01', '甲单位', '机关事业单位', '', '', 'a@x.example;b@x.example', '0755-1', 10, true],
      ['U02', '乙企业', '驻深企业', '', '', 'c@x.example', '', '', true],
    ]),
    stages: table(stagesHeader, [
      [
        'apply',
        '申报阶段',
        new Date('2014-05-19T16:00:00Z'),
        '2014-05-30',
        'application',
        'allUnits',
        '7,3,1',
        3,
      ],
    ]),
  };
}

describe('configuration validation', () => {
  test('a valid configuration parses: dates as campaign-zone days, emails split, routing by category', () => {
    const result = parseConfig(valid());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { settings: s, units, stages } = result.config;
    expect(s.reminderHour).toBe(9);
    expect(s.keyProjectQuota).toBe(30);
    expect(s.locale).toBe('zh-CN');
    expect(units[0].emails).toEqual(['a@x.example', 'b@x.example']);
    expect(units.map((u) => u.department)).toEqual(['org', 'enterprise']);
    // A Date cell at midnight Asia/Shanghai (16:00Z the day before) is that calendar day.
    expect(stages[0]).toMatchObject({
      opensOn: '2014-05-20',
      deadline: '2014-05-30',
      remindDaysBefore: [7, 3, 1],
    });
  });

  test('columns are found by label in either language, or by key, in any order', () => {
    const t = valid();
    t.units = table(
      ['email', 'Unit name', 'unitId', 'Category'],
      [['a@x.example', '甲单位', 'U01', '机关事业单位']],
    );
    t.settings = settings({ 'staffEmails.enterprise': '' });
    const result = parseConfig(t);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test.each([
    ['stored keys (sheets made before labels)', 'application', 'allUnits'],
    ['Chinese labels (what the dropdown offers)', '申报表', '全部参与单位'],
    ['English labels', 'Application', 'All units'],
  ])('a stage whose form and audience are %s loads as the keys', (_, form, audience) => {
    const t = valid();
    t.stages!.rows[0][4] = form;
    t.stages!.rows[0][5] = audience;
    const result = parseConfig(t);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.config.stages[0]).toMatchObject({ form: 'application', audience: 'allUnits' });
  });

  test('every problem is reported at once, located by sheet, row and column', () => {
    const t = valid();
    t.settings = settings({ timeZone: 'Mars/Base', reminderHour: '25', bogus: 'x' });
    t.units = table(unitsHeader, [
      ['U01', '甲单位', '机关事业单位', '', '', 'a@x.example', '', '', true],
      ['U01', '乙单位', '外星单位', '', '', 'not-an-email', '', -3, 'maybe'],
    ]);
    t.stages = table(stagesHeader, [
      ['apply', '申报', '2014-05-20', '2014-13-01', 'application', 'allUnits', '7,3,1', 3],
      ['screen', '筛选', '2014-06-10', '2014-06-01', 'nosuchform', 'staff', 'x', 0],
    ]);
    const result = parseConfig(t);
    if (result.ok) throw new Error('expected problems');
    const located = result.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.problem.key}`);
    expect(located).toEqual(
      expect.arrayContaining([
        'settings:8:key:unknownSetting',
        'settings:3:value:badTimeZone',
        'settings:4:value:badInteger',
        'units:3:category:badChoice',
        'units:3:email:notPlainEmail',
        'units:3:memberCount:badInteger',
        'units:3:active:badBoolean',
        'stages:2:deadline:badDate',
        'stages:3:form:unknownForm',
        'stages:3:remindDaysBefore:badDayList',
      ]),
    );
  });

  test('duplicate unit ids, a deadline before opening and an unknown form are each located', () => {
    const t = valid();
    t.units = table(unitsHeader, [
      ['U01', '甲单位', '机关事业单位', '', '', 'a@x.example', '', '', true],
      ['U01', '乙单位', '机关事业单位', '', '', 'b@x.example', '', '', true],
    ]);
    t.stages = table(stagesHeader, [
      ['apply', '申报', '2014-05-30', '2014-05-20', 'application', 'allUnits', '', ''],
    ]);
    const result = parseConfig(t);
    if (result.ok) throw new Error('expected problems');
    const m = messages('zh-CN');
    const lines = result.problems.map((p) => describeProblem(m, p, 'zh-CN'));
    expect(lines).toEqual(
      expect.arrayContaining([
        '「单位名册」第 3 行「单位编号」：「U01」与第 2 行重复',
        '「阶段设置」第 2 行「截止日期」：截止日期（2014-05-20）早于开始日期（2014-05-30）',
      ]),
    );
  });

  test('a missing sheet is a problem, not a crash; messages render in English too', () => {
    const result = parseConfig({ settings: null, units: null, stages: null });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toHaveLength(3);
    expect(renderProblem(messages('en'), result.problems[0].problem)).toContain('Set up sheets');
  });

  test('roster and staff addresses must be plain addresses, at most 10 per unit; each refusal is located and says why', () => {
    const t = valid();
    t.settings = settings({
      'staffEmails.org': 'zzb@x.example; mailto:dw@x.cn',
      'staffEmails.enterprise': '张三 <a@b.cn>',
      replyTo: 'a@b',
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `u${i}@x.example`).join(';');
    t.units = table(unitsHeader, [
      ['U01', '甲单位', '机关事业单位', '', '', 'mailto:dw@x.cn', '', '', true],
      ['U02', '乙单位', '机关事业单位', '', '', '张三 <a@b.cn>', '', '', true],
      ['U03', '丙单位', '机关事业单位', '', '', 'a@b', '', '', true],
      ['U04', '丁单位', '机关事业单位', '', '', 'dw @x.example', '', '', true],
      ['U05', '戊单位', '机关事业单位', '', '', 'a@x.example b@x.example', '', '', true],
      ['U06', '己单位', '机关事业单位', '', '', eleven, '', '', true],
      ['U07', '庚单位', '机关事业单位', '', '', 'a@x.example；B@X.example;', '', '', true],
    ]);
    const result = parseConfig(t);
    if (result.ok) throw new Error('expected problems');
    const located = result.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.problem.key}`);
    expect(located.sort()).toEqual(
      [
        'settings:6:value:notPlainEmail',
        'settings:7:value:notPlainEmail',
        'settings:8:value:notPlainEmail',
        'units:2:email:notPlainEmail',
        'units:3:email:notPlainEmail',
        'units:4:email:notPlainEmail',
        'units:5:email:notPlainEmail',
        'units:6:email:notPlainEmail',
        'units:7:email:tooManyEmails',
      ].sort(),
    );
    const zh = messages('zh-CN');
    const lines = result.problems.map((p) => describeProblem(zh, p, 'zh-CN'));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^「单位名册」第 2 行「联系邮箱」：「mailto:dw@x\.cn」不是单纯的邮箱地址/,
        ),
        expect.stringMatching(/^「系统设置」第 6 行「值」：「mailto:dw@x\.cn」不是单纯的邮箱地址/),
        expect.stringMatching(
          /^「单位名册」第 7 行「联系邮箱」：填写了 11 个邮箱地址，每个单位最多 10 个：每个地址都计入每日收件人配额，且 MailApp 每封邮件最多 50 个收件人$/,
        ),
      ]),
    );
    const tooMany = result.problems.find((p) => p.problem.key === 'tooManyEmails')!;
    expect(renderProblem(messages('en'), tooMany.problem)).toBe(
      '11 email addresses given, at most 10 per unit: each address counts against the daily recipient quota, and MailApp takes at most 50 recipients per message',
    );
  });

  test('exactly 10 plain addresses, separated by ; or ；, are accepted, lower-cased and deduplicated', () => {
    const t = valid();
    const ten = Array.from({ length: 10 }, (_, i) => `U${i}@X.example`).join('；');
    t.units = table(unitsHeader, [
      ['U01', '甲单位', '机关事业单位', '', '', `${ten};u0@x.example; `, '', '', true],
    ]);
    const result = parseConfig(t);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.config.units[0].emails).toHaveLength(10);
    expect(result.config.units[0].emails[0]).toBe('u0@x.example');
  });
});
