/**
 * parseConfig on the sheets a template adds: its unit categories and columns in 单位名册, its roster,
 * its listed subjects — each problem located by sheet, row and column.
 */
import {
  configSheetsFor,
  STAGES_SHEET,
  stageRows,
  subjectSheetFor,
} from '../../sheets-templates/config-sheets';
import { templateById } from '../../sheets-templates/templates';
import { describeProblem } from '../../src/app/activate';
import { parseConfig, type ConfigTables } from '../../src/domain/config';
import type { Cell, RawTable } from '../../src/domain/table';
import type { CampaignTemplate } from '../../src/domain/template';
import { messages } from '../../src/i18n';

const table = (header: string[], rows: Cell[][]): RawTable => ({ header, rows, firstRow: 2 });
const BRANCH = templateById('branch-duties')!;
const TASKS = templateById('key-tasks')!;

const settings = (template: string) =>
  table(
    ['key', 'label', 'value', 'note'],
    Object.entries({
      template,
      'staffEmails.org': 'zzb@x.example',
      'staffEmails.enterprise': 'qy@x.example',
    }).map(([k, v]) => [k, '', v, '']),
  );

const stages = (template: CampaignTemplate) => {
  const keys = STAGES_SHEET.columns.map((c) => c.key);
  return table(
    keys,
    stageRows(template).map((row) => keys.map((k) => (row[k] ?? '') as Cell)),
  );
};

const UNIT_KEYS = ['unitId', 'name', 'category', 'email', 'active'];

function branchTables(): ConfigTables {
  return {
    settings: settings('branch-duties'),
    units: table(
      [...UNIT_KEYS, 'lastElection', 'termYears'],
      [
        ['B01', '第一支部', '机关支部', 'a@x.example', true, new Date('2016-03-17T16:00:00Z'), 3],
        ['B05', '地铁支部', '国有企业支部', 'b@x.example', true, '2015-04-16', '3'],
      ],
    ),
    roster: table(
      ['personId', 'name', 'unitId', 'role', 'email'],
      [
        ['P01', '刘建国', 'B01', '局级领导干部', 'liu@x.example'],
        ['P04', '周志强', '地铁支部', '局级领导干部', ''],
      ],
    ),
    stages: stages(BRANCH),
  };
}

function taskTables(rows: Cell[][]): ConfigTables {
  const keys = subjectSheetFor(TASKS, TASKS.subjects[0]).columns.map((c) => c.key);
  return {
    settings: settings('key-tasks'),
    units: table(UNIT_KEYS, [
      ['K01', '市委组织部', '市委部委办', 'a@x.example', true],
      ['K12', '市民政局', '市政府部门', 'b@x.example', true],
      ['K15', '市国资委党委', '国资系统', 'c@x.example', true],
    ]),
    subjects: { task: table(keys, rows) },
    stages: stages(TASKS),
  };
}

const lines = (tables: ConfigTables, template: CampaignTemplate) => {
  const result = parseConfig(tables);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => describeProblem(messages('zh-CN'), p, 'zh-CN', template));
};

describe('a template’s configuration sheets', () => {
  test('branch-duties: unit columns parsed (dates as days), the roster by unit id or name, routing from the template’s categories', () => {
    const result = parseConfig(branchTables());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { units, people } = result.config;
    expect(units.map((u) => [u.unitId, u.department, u.values])).toEqual([
      ['B01', 'org', { lastElection: '2016-03-18', termYears: 3 }],
      ['B05', 'enterprise', { lastElection: '2015-04-16', termYears: 3 }],
    ]);
    expect(people).toEqual([
      {
        personId: 'P01',
        name: '刘建国',
        unitId: 'B01',
        role: '局级领导干部',
        email: 'liu@x.example',
      },
      { personId: 'P04', name: '周志强', unitId: 'B05', role: '局级领导干部', email: '' },
    ]);
  });

  test('branch-duties: a Secretary Project category, a bad election date, an unknown roster unit and role — each located', () => {
    const tables = branchTables();
    tables.units!.rows[1][2] = '驻深企业';
    tables.units!.rows[0][5] = '2016-13-40';
    tables.roster!.rows[1][2] = 'B99';
    tables.roster!.rows[0][3] = '科级干部';
    expect(lines(tables, BRANCH)).toEqual([
      '「单位名册」第 2 行「上次换届日期」：「2016-13-40」不是有效日期，应为 YYYY-MM-DD',
      '「单位名册」第 3 行「单位类别」：「驻深企业」不在可选范围内：机关支部、事业单位支部、国有企业支部、非公企业支部',
      '「领导干部名册」第 2 行「身份」：「科级干部」不在可选范围内：局级领导干部、处级领导干部',
    ]);
    // The roster's units are checked against 单位名册 once it parses.
    const fixed = branchTables();
    fixed.roster!.rows[1][2] = 'B99';
    expect(lines(fixed, BRANCH)).toEqual([
      '「领导干部名册」第 3 行「所在单位编号」：「B99」不是参与本次活动的单位',
    ]);
  });

  test('branch-duties without its roster sheet: refused, naming the sheet', () => {
    const tables = branchTables();
    delete tables.roster;
    expect(lines(tables, BRANCH)).toEqual([
      '「领导干部名册」：工作表不存在，请先运行「初始化表格」',
    ]);
  });

  test('key-tasks: the listed tasks with their lead units by name or id; an unknown lead unit is located', () => {
    const template = TASKS;
    const rows: Cell[][] = [
      ['RW-01', '任务一', '市委组织部；K12', '2018-12-31', '年内', '内容', '推进中', ''],
      ['RW-02', '任务二', '市委组织部、市外事办', '2018-12-31', '年内', '内容', '', ''],
    ];
    expect(lines(taskTables(rows), template)).toEqual([
      '「重点任务清单」第 3 行「牵头单位」：「市外事办」不是参与本次活动的单位',
    ]);
    const result = parseConfig(taskTables(rows.slice(0, 1)));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.config.subjects).toEqual([
      expect.objectContaining({
        type: 'task',
        subjectId: 'RW-01',
        name: '任务一',
        unitIds: ['K01', 'K12'],
        values: expect.objectContaining({ status: '推进中', deadline: '2018-12-31' }),
      }),
    ]);
    expect(result.config.units.map((u) => u.department)).toEqual(['org', 'org', 'enterprise']);
  });

  test('Setup writes the Secretary Project’s sheets (with 配额规则 since it exists), and the other templates’ own', () => {
    const keys = (id: string) => configSheetsFor(templateById(id)!).map((d) => d.key);
    expect(keys('secretary-project')).toEqual([
      'settings',
      'units',
      'stages',
      'formDesign',
      'quotaRules',
      'health',
    ]);
    expect(keys('branch-duties')).toEqual([
      'settings',
      'units',
      'roster',
      'stages',
      'formDesign',
      'quotaRules',
      'health',
    ]);
    expect(keys('key-tasks')).toEqual([
      'settings',
      'units',
      'subjects.task',
      'stages',
      'formDesign',
      'quotaRules',
      'health',
    ]);
    const tasks = configSheetsFor(TASKS).find((d) => d.key === 'subjects.task')!;
    expect(tasks.sampleRows).toHaveLength(27);
    expect(tasks.columns.find((c) => c.key === 'status')?.choices).toEqual([
      '完成',
      '推进中',
      '滞后',
    ]);
  });
});
