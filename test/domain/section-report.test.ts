import { BRANCH_DUTIES } from '../../sheets-templates/templates/branch-duties';
import { KEY_TASKS } from '../../sheets-templates/templates/key-tasks';
import type { CampaignData, FormRecord, UnitInfo } from '../../src/domain/campaign-data';
import { duties } from '../../src/domain/duties';
import { sectionReport, type SectionReportInput } from '../../src/domain/section-report';
import type { CampaignTemplate } from '../../src/domain/template';
import { at, TZ } from './report-fixtures';

const unit = (unitId: string, name: string, active = true): UnitInfo => ({
  unitId,
  name,
  category: '机关支部',
  active,
  values: {},
});

let row = 0;
function record(
  form: string,
  unitId: string,
  day: string,
  submitted: string,
  values: Record<string, string>,
  personId: string | null = null,
): FormRecord {
  row += 1;
  return {
    form,
    recordId: `${form}:${row}`,
    unitId,
    subjectId: null,
    personId,
    submittedAt: at(submitted),
    day,
    verified: true,
    values,
  };
}

const meeting = (unitId: string, type: string, day: string, submitted: string) =>
  record('meeting', unitId, day, submitted, { meetingType: type, meetingDate: day });

/**
 * Three active branches and an inactive one, two cadres; meetings in January and February 2018.
 * 甲支部 holds a 支委会 (on time), a 党小组会 reported after its deadline (02-05) and a 支部党员大会;
 * 乙支部 holds 支委会 in both months and a 党课; 丙支部 holds nothing; the inactive 丁支部 a 支委会.
 */
const DATA: CampaignData = {
  units: [
    unit('U1', '甲支部'),
    unit('U2', '乙支部'),
    unit('U3', '丙支部'),
    unit('U4', '丁支部', false),
  ],
  people: [
    { personId: 'P1', name: '张三', unitId: 'U1', role: '局级领导干部', email: '' },
    { personId: 'P2', name: '李四', unitId: 'U2', role: '处级领导干部', email: '' },
  ],
  subjects: [],
  records: [
    meeting('U1', '支委会', '2018-01-10', '2018-01-11T09:00:00'),
    meeting('U1', '党小组会', '2018-01-15', '2018-02-07T09:00:00'),
    meeting('U1', '支部党员大会', '2018-02-01', '2018-02-02T09:00:00'),
    meeting('U2', '支委会', '2018-01-20', '2018-01-21T09:00:00'),
    meeting('U2', '支委会', '2018-02-10', '2018-02-11T09:00:00'),
    meeting('U2', '党课', '2018-02-12', '2018-02-12T09:00:00'),
    meeting('U4', '支委会', '2018-01-05', '2018-01-06T09:00:00'),
    record('dualLife', 'U1', '2018-01-20', '2018-01-21T09:00:00', { kind: '参加组织生活' }, 'P1'),
  ],
};

function input(
  template: CampaignTemplate,
  data: CampaignData,
  today: string,
  extra: Partial<SectionReportInput> = {},
): SectionReportInput {
  return {
    sections: template.report,
    stages: template.stages,
    data,
    duties: duties(template.stages, data, TZ),
    violations: [],
    describe: (v) => ({ rule: v.rule, subject: v.unitId ?? '', detail: String(v.count ?? '') }),
    campaignName: '2018年度支部组织生活',
    today,
    timeZone: TZ,
    locale: 'zh-CN',
    forms: template.forms,
    subjectTypes: template.subjects,
    review: template.review,
    ...extra,
  };
}

describe('sectionReport on the branch-duties template, as of 2018-02-20', () => {
  const report = sectionReport(
    input(BRANCH_DUTIES, DATA, '2018-02-20', {
      violations: [{ rule: 'generalMeetingPerQuarter', unitId: 'U3', count: 0 }],
    }),
  );
  const section = (heading: string) => {
    const found = report.sections.find((s) => s.heading === heading);
    if (!found) throw new Error(`no section ${heading}: ${report.sections.map((s) => s.heading)}`);
    return found;
  };

  test('one section per template entry, numbered, in template order', () => {
    expect(report.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、各阶段完成情况',
      '三、配额规则检查',
      '四、三会一课台账：按会议类型统计',
      '五、三会一课台账：按期统计（支委会（每月））',
      '六、三会一课台账：按单位统计',
      '七、双重组织生活：按参加形式统计',
      '八、双重组织生活：按期统计（领导干部双重组织生活（年度））',
      '九、述职评议与定级：按评定等次统计',
    ]);
  });

  test('overview: active units, roster people, records per form (the inactive branch’s included)', () => {
    const s = section('一、总体情况');
    expect(s.paragraphs).toEqual([
      '2018年度支部组织生活共有参与单位 3 个，各表单共收到记录 8 条。',
    ]);
    expect(s.table).toEqual({
      header: ['项目', '数量'],
      rows: [
        ['参与单位', '3'],
        ['名册人员', '2'],
        ['「三会一课台账」记录', '7'],
        ['「双重组织生活」记录', '1'],
        ['「述职评议与定级」记录', '0'],
      ],
    });
  });

  test('stage progress: each period opened by today, with owed / met / late / missing / rate', () => {
    const s = section('二、各阶段完成情况');
    expect(s.table?.header).toEqual([
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
    expect(s.table?.rows).toEqual([
      [
        '支部党员大会（每季度）',
        '2018年第一季度',
        '2018-04-10',
        '进行中',
        '3',
        '1',
        '0',
        '2',
        '33.3%',
      ],
      ['支委会（每月）', '2018年1月', '2018-02-05', '已截止', '3', '2', '0', '1', '66.7%'],
      ['支委会（每月）', '2018年2月', '2018-03-05', '进行中', '3', '1', '0', '2', '33.3%'],
      ['党小组会（每月）', '2018年1月', '2018-02-05', '已截止', '3', '1', '1', '2', '33.3%'],
      ['党小组会（每月）', '2018年2月', '2018-03-05', '进行中', '3', '0', '0', '3', '0.0%'],
      ['党课（每季度）', '2018年第一季度', '2018-04-10', '进行中', '3', '1', '0', '2', '33.3%'],
      [
        '领导干部双重组织生活（年度）',
        '2018年度',
        '2018-12-31',
        '进行中',
        '2',
        '1',
        '0',
        '1',
        '50.0%',
      ],
    ]);
    expect(s.paragraphs).toEqual([
      '已开始的各阶段（各期）共应报 20 项，已报 7 项（其中逾期报送 1 项），未报 13 项。',
    ]);
  });

  test('quota: a row per violation, as the describer reads it', () => {
    const s = section('三、配额规则检查');
    expect(s.paragraphs).toEqual(['共发现 1 项问题，详见下表。']);
    expect(s.table?.rows).toEqual([['1', 'generalMeetingPerQuarter', 'U3', '0']]);
  });

  test('field counts: every choice in order, 0 included, with its share of the records', () => {
    expect(section('四、三会一课台账：按会议类型统计').table).toEqual({
      header: ['会议类型', '记录数', '占比'],
      rows: [
        ['支部党员大会', '1', '14.3%'],
        ['支委会', '4', '57.1%'],
        ['党小组会', '1', '14.3%'],
        ['党课', '1', '14.3%'],
      ],
    });
    expect(section('九、述职评议与定级：按评定等次统计').table?.rows).toEqual([
      ['优秀', '0', '—'],
      ['合格', '0', '—'],
      ['不合格', '0', '—'],
    ]);
  });

  test('by period: records passing the stage’s condition, units reporting, who has not', () => {
    expect(section('五、三会一课台账：按期统计（支委会（每月））').table).toEqual({
      header: ['期间', '截止日期', '记录数', '报送单位', '应报', '未报', '未报名单'],
      rows: [
        ['2018年1月', '2018-02-05', '3', '3', '3', '1', '丙支部'],
        ['2018年2月', '2018-03-05', '1', '1', '3', '2', '甲支部、丙支部'],
      ],
    });
    expect(
      section('八、双重组织生活：按期统计（领导干部双重组织生活（年度））').table?.rows,
    ).toEqual([['2018年度', '2018-12-31', '1', '1', '2', '1', '李四']]);
  });

  test('by unit: records, late records, and the duties of the form’s stages', () => {
    const s = section('六、三会一课台账：按单位统计');
    expect(s.table).toEqual({
      header: ['单位', '记录数', '逾期报送', '应报', '已报', '未报'],
      rows: [
        ['甲支部', '3', '1', '6', '3', '3'],
        ['乙支部', '3', '0', '6', '3', '3'],
        ['丙支部', '0', '0', '6', '0', '6'],
      ],
    });
  });

  test('in English', () => {
    const en = sectionReport(input(BRANCH_DUTIES, DATA, '2018-02-20', { locale: 'en' }));
    expect(en.sections[1].heading).toBe('2. Progress by stage');
    expect(en.sections[1].table?.rows[1]).toEqual([
      'Branch committee (monthly)',
      'January 2018',
      '2018-02-05',
      'Closed',
      '3',
      '2',
      '0',
      '1',
      '66.7%',
    ]);
  });
});

describe('sectionReport on the key-tasks template', () => {
  const tasks: CampaignData = {
    units: [unit('U1', '市委组织部'), unit('U2', '市委巡察办')],
    people: [],
    subjects: [
      {
        type: 'task',
        subjectId: 'RW-01',
        name: '任务一',
        unitIds: ['U1'],
        values: { taskId: 'RW-01', taskName: '任务一', leadUnits: '市委组织部', status: '完成' },
        submittedAt: null,
      },
      {
        type: 'task',
        subjectId: 'RW-02',
        name: '任务二',
        unitIds: ['U1', 'U2'],
        values: {
          taskId: 'RW-02',
          taskName: '任务二',
          leadUnits: '市委组织部;市委巡察办',
          deadline: new Date('2018-12-31T00:00:00+08:00'),
          status: '',
        },
        submittedAt: null,
      },
    ],
    records: [
      {
        ...record('progress', 'U2', '2018-11-30', '2018-12-03T09:00:00', { percentDone: '50' }),
        subjectId: 'RW-02',
      },
    ],
  };
  const report = sectionReport(input(KEY_TASKS, tasks, '2018-12-10'));

  test('subjects: the listed fields, dates as days, and the tasks counted by status', () => {
    const s = report.sections[3];
    expect(s.heading).toBe('四、重点任务一览');
    expect(s.table).toEqual({
      header: ['任务编号', '任务名称', '牵头单位', '完成时限', '推进状态'],
      rows: [
        ['RW-01', '任务一', '市委组织部', '', '完成'],
        ['RW-02', '任务二', '市委组织部;市委巡察办', '2018-12-31', ''],
      ],
    });
    expect(s.paragraphs).toEqual([
      '共有重点任务 2 个。',
      '按推进状态：完成 1 个、推进中 0 个、滞后 0 个、未填写 1 个。',
    ]);
  });

  test('a shared task’s report meets it for each lead unit; a done task owes nothing', () => {
    // Unfinished: RW-02 only, owed by both of its lead units in November and December.
    expect(report.sections[4].table?.rows).toEqual([
      ['2018年11月', '2018-12-05', '1', '1', '2', '0', ''],
      ['2018年12月', '2019-01-05', '0', '0', '2', '2', 'RW-02（市委组织部）、RW-02（市委巡察办）'],
    ]);
    expect(report.sections[5].table?.rows).toEqual([
      ['市委组织部', '0', '0', '2', '1', '1'],
      ['市委巡察办', '1', '0', '2', '1', '1'],
    ]);
  });
});
