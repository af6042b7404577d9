// Writes the rehearsal scenarios of the branch-duties and key-tasks templates
// (sheets-templates/sample-branch-duties/, sample-key-tasks/): settings, stages, environment and
// events. units.csv and roster.csv are written by hand and read here. Deterministic: run it again
// and nothing changes. Run: node scripts/run-ts.mjs scripts/gen-template-samples.ts
//
// Each scenario plants the cases the tests look for (test/offline/rehearsal/template-samples.test.ts):
// - branch-duties (the fourth quarter of 2018): B03 holds no 支部党员大会 in the quarter; B04 skips
//   its November 支委会; B07 reports November's 党小组会 after its deadline; cadre P02 attends once
//   in the year, P05 never lectures; B02's term (elected 2015-11-20, 3 years) ends within 60 days
//   of the quarter's start, and B05's (2015-04-16) has already ended.
// - key-tasks: every lead unit reports on its tasks each month, except RW-07 (no November report)
//   and RW-12 (December's report after the deadline).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KEY_TASKS_2018 } from '../sheets-templates/templates/key-tasks';

const root = path.join(__dirname, '..');

function csvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const keys = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v])));
}

const csv = (rows: string[][]) =>
  rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\n') + '\n';

const at = (day: string, time = '10:00') => `${day}T${time}:00+08:00`;
const pad = (n: number) => String(n).padStart(2, '0');

interface Event {
  at: string;
  [key: string]: unknown;
}

function write(dir: string, files: { settings: string[][]; stages?: string[][]; events: Event[] }) {
  const abs = path.join(root, 'sheets-templates', dir);
  fs.writeFileSync(path.join(abs, 'settings.csv'), csv([['key', 'value'], ...files.settings]));
  if (files.stages) fs.writeFileSync(path.join(abs, 'stages.csv'), csv(files.stages));
  const events = [...files.events].sort((a, b) => a.at.localeCompare(b.at));
  fs.writeFileSync(
    path.join(abs, 'events.jsonl'),
    events.map((e) => JSON.stringify(e)).join('\n') + '\n',
  );
  fs.writeFileSync(path.join(abs, 'environment.json'), '{ "mailDailyQuota": 1500, "seed": 7 }\n');
}

// --- branch-duties --------------------------------------------------------------------------

function branchDuties(): void {
  const units = csvRows(path.join(root, 'sheets-templates/sample-branch-duties/units.csv'));
  const roster = csvRows(path.join(root, 'sheets-templates/sample-branch-duties/roster.csv'));
  const events: Event[] = [];
  const email = (unitId: string) => units.find((u) => u.unitId === unitId)!.email.split(';')[0];
  const meeting = (unitId: string, type: string, day: string, submitted: string) => {
    const u = units.find((x) => x.unitId === unitId)!;
    const members = Number(u.memberCount);
    events.push({
      at: at(submitted),
      type: 'submit',
      form: 'meeting',
      email: email(unitId),
      answers: {
        unitId,
        meetingType: type,
        meetingDate: day,
        topic: `${type}：学习贯彻党的十九大精神`,
        host: u.secretary,
        followsGuide: '是',
        expected: members,
        attended: members - 2,
        absence: '2 人因公出差，已补学',
        summary: `${u.name}召开${type}，传达学习有关精神，研究部署下阶段工作。`,
        recordUrl: `https://docs.example.cn/${unitId}/${day}`,
      },
    });
  };
  const months = [10, 11, 12];
  for (const u of units) {
    for (const m of months) {
      const held = `2018-${pad(m)}-18`;
      const told = `2018-${pad(m)}-20`;
      if (!(u.unitId === 'B04' && m === 11)) meeting(u.unitId, '支委会', held, told);
      if (u.unitId === 'B07' && m === 11) meeting(u.unitId, '党小组会', '2018-11-28', '2018-12-08');
      else meeting(u.unitId, '党小组会', `2018-${pad(m)}-12`, `2018-${pad(m)}-14`);
    }
    if (u.unitId !== 'B03') meeting(u.unitId, '支部党员大会', '2018-12-06', '2018-12-07');
    meeting(u.unitId, '党课', '2018-11-10', '2018-11-11');
  }
  // 双重组织生活: at least twice a year in their own branch, at least one lecture among them.
  const plan: Record<string, [kind: string, day: string][]> = {
    P01: [
      ['参加组织生活', '2018-10-12'],
      ['讲党课', '2018-11-10'],
      ['参加组织生活', '2018-12-12'],
    ],
    P02: [['参加组织生活', '2018-10-12']],
    P03: [
      ['讲党课', '2018-11-10'],
      ['参加组织生活', '2018-12-12'],
    ],
    P04: [
      ['参加组织生活', '2018-10-12'],
      ['讲党课', '2018-12-10'],
    ],
    P05: [
      ['参加组织生活', '2018-11-12'],
      ['参加组织生活', '2018-12-12'],
    ],
    P06: [
      ['讲党课', '2018-11-10'],
      ['参加组织生活', '2018-12-12'],
    ],
  };
  for (const person of roster) {
    for (const [kind, day] of plan[person.personId] ?? []) {
      events.push({
        at: at(day, '16:00'),
        type: 'submit',
        form: 'dualLife',
        email: person.email,
        answers: {
          personId: person.personId,
          unitId: person.unitId,
          kind,
          activityDate: day,
          topic: kind === '讲党课' ? '以政治建设为统领加强支部建设' : '支部主题党日',
          summary: `${person.name}以普通党员身份${kind === '讲党课' ? '为支部党员讲党课' : '参加支部组织生活'}。`,
          recordUrl: `https://docs.example.cn/${person.personId}/${day}`,
        },
      });
    }
  }
  // Year-end 述职评议: every branch but B08 reports by the deadline.
  for (const u of units.filter((x) => x.unitId !== 'B08')) {
    events.push({
      at: at('2018-12-20', '15:00'),
      type: 'submit',
      form: 'rating',
      email: email(u.unitId),
      answers: {
        unitId: u.unitId,
        secretary: u.secretary,
        leadership: '5',
        members: '4',
        mechanisms: '4',
        results: u.unitId === 'B03' ? '3' : '5',
        reputation: '4',
        report: `${u.name}书记述职：全年按期开展“三会一课”，落实组织生活制度。`,
        problems: '党员教育方式还不够丰富。',
        selfGrade: u.unitId === 'B03' ? '合格' : '优秀',
        reportUrl: `https://docs.example.cn/${u.unitId}/rating`,
      },
    });
  }
  const stage = (
    stageId: string,
    name: string,
    form: string,
    audience: string,
    repeat: string,
    due: string,
    remind: string,
    every: string,
    extra: { scope?: string; recordFilter?: string; opensOn?: string; deadline?: string } = {},
  ) => [
    stageId,
    name,
    extra.opensOn ?? '2018-10-01',
    extra.deadline ?? '2018-12-31',
    form,
    audience,
    remind,
    every,
    repeat,
    due,
    extra.scope ?? '',
    extra.recordFilter ?? '',
  ];
  write('sample-branch-duties', {
    settings: [
      ['template', 'branch-duties'],
      ['campaignName', '2018年第四季度支部组织生活（示例）'],
      ['timeZone', 'Asia/Shanghai'],
      ['locale', 'zh-CN'],
      ['reminderHour', '9'],
      ['senderName', '市直机关工委组织部'],
      ['replyTo', 'zzb@jggw.example'],
      ['staffEmails.org', 'zzb@jggw.example'],
      ['staffEmails.enterprise', 'qygzb@jggw.example'],
      ['adminEmails', 'admin@jggw.example'],
      ['mailReserve', '10'],
      ['overdueMaxNotices', '2'],
    ],
    // The last quarter of 2018: a shorter calendar than the template's full year, so the rehearsal
    // stays quick; every kind of period (month, quarter, year) still closes inside it.
    stages: [
      [
        'stageId',
        'name',
        'opensOn',
        'deadline',
        'form',
        'audience',
        'remindDaysBefore',
        'overdueEveryDays',
        'repeat',
        'dueDaysAfter',
        'scope',
        'recordFilter',
      ],
      stage(
        'generalMeeting',
        '支部党员大会（每季度）',
        'meeting',
        'allUnits',
        'quarter',
        '10',
        '10,3,1',
        '7',
        {
          recordFilter: 'meetingType=支部党员大会',
        },
      ),
      stage('committeeMeeting', '支委会（每月）', 'meeting', 'allUnits', 'month', '5', '5,1', '5', {
        recordFilter: 'meetingType=支委会',
      }),
      stage('groupMeeting', '党小组会（每月）', 'meeting', 'allUnits', 'month', '5', '5,1', '5', {
        recordFilter: 'meetingType=党小组会',
      }),
      stage(
        'partyLecture',
        '党课（每季度）',
        'meeting',
        'allUnits',
        'quarter',
        '10',
        '10,3,1',
        '7',
        {
          recordFilter: 'meetingType=党课',
        },
      ),
      stage(
        'dualLife',
        '领导干部双重组织生活（年度）',
        'dualLife',
        'roster',
        'year',
        '0',
        '30,7',
        '0',
      ),
      stage('annualRating', '年终述职评议', 'rating', 'allUnits', '', '', '7,3,1', '3', {
        opensOn: '2018-12-01',
        deadline: '2019-01-15',
      }),
      stage('ratingReview', '评星定级审核', '', 'staff', '', '', '3', '0', {
        opensOn: '2019-01-16',
        deadline: '2019-01-31',
      }),
    ],
    events,
  });
}

// --- key-tasks ------------------------------------------------------------------------------

function keyTasks(): void {
  const units = csvRows(path.join(root, 'sheets-templates/sample-key-tasks/units.csv'));
  const byName = new Map(units.map((u) => [u.name, u]));
  const events: Event[] = [];
  for (const [month, asOf, told] of [
    [11, '2018-11-30', '2018-12-03'],
    [12, '2018-12-31', '2019-01-03'],
  ] as const) {
    KEY_TASKS_2018.forEach((task, i) => {
      if (task.taskId === 'RW-07' && month === 11) return;
      const lead = byName.get(task.leadUnits.split(';')[0].trim());
      if (!lead) throw new Error(`${task.taskId}: lead unit ${task.leadUnits} is not in units.csv`);
      const late = task.taskId === 'RW-12' && month === 12;
      events.push({
        at: at(late ? '2019-01-09' : told, `${pad(9 + (i % 8))}:${pad((i * 7) % 60)}`),
        type: 'submit',
        form: 'progress',
        email: lead.email.split(';')[0],
        answers: {
          unitId: lead.unitId,
          taskRef: task.taskId,
          asOf,
          progress: `${month}月：${task.taskName}按计划推进，完成阶段性工作。`,
          nextSteps: '继续抓好落实，按时限完成。',
          problems: i % 5 === 0 ? '部分基层单位进度不一，需加强督导。' : '',
          percentDone: String(Math.min(100, 40 + (i % 6) * 10 + (month - 11) * 20)),
          evidenceUrl: `https://docs.example.cn/${task.taskId}/${month}`,
          contactName: lead.contactName,
          contactPhone: lead.phone,
        },
      });
    });
  }
  write('sample-key-tasks', {
    settings: [
      ['template', 'key-tasks'],
      ['campaignName', '2018年度基层党建重点任务督办（示例）'],
      ['timeZone', 'Asia/Shanghai'],
      ['locale', 'zh-CN'],
      ['reminderHour', '9'],
      ['senderName', '市委组织部组织一处'],
      ['replyTo', 'zzc@zzb.example.cn'],
      ['staffEmails.org', 'zzc@zzb.example.cn'],
      ['staffEmails.enterprise', 'gzw@zzb.example.cn'],
      ['adminEmails', 'admin@zzb.example.cn'],
      ['mailReserve', '10'],
      ['overdueMaxNotices', '2'],
    ],
    events,
  });
}

branchDuties();
keyTasks();
console.log('wrote sheets-templates/sample-branch-duties and sample-key-tasks');
