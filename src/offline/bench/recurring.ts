/**
 * The recurring template (`branch-duties`) at any size, built the fast way as campaign.ts builds
 * the Secretary Project's: setup, the configuration pasted (the template chosen in 系统设置, then
 * N branches, a roster of about N/2 leading cadres and the sample's stages), activate, then the
 * records of half a year pasted host-side under each record sheet's own header — instead of
 * tens of thousands of form submissions.
 *
 * The moment: 2018-12-31, inside the December period. Every branch recorded its 三会一课 from July
 * to November (three meetings a month: 支委会, 党小组会, and the quarter's 支部党员大会 in its first
 * month, a second 党小组会 in its second, the 党课 in its third); three branches in ten have already
 * recorded December's. The others are owed the −5 reminder of December's 支委会 and 党小组会 and
 * the −10 reminder of the fourth quarter's 党课 today. Half the cadres have one organisational-life
 * entry for the year (the year's deadline is today), the other half two; every branch has filed its
 * year-end rating, none graded yet.
 */
import { recordSheetOf } from '../../../sheets-templates/data-sheets';
import type { FormDef } from '../../../sheets-templates/forms';
import type { SheetDef } from '../../../sheets-templates/config-sheets';
import {
  BRANCH_DUTIES,
  BRANCH_GRADES,
  MEETING_TYPES,
} from '../../../sheets-templates/templates/branch-duties';
import { addDays, zonedTime } from '../../domain/calendar';
import { ScriptApp } from '../emulator/script-app';
import { CampaignHarness } from '../harness';
import { fillConfiguration } from '../rehearsal/engine';
import { respondAs } from '../rehearsal/replay-forms';
import type { Scenario } from '../rehearsal/scenario';
import type { RunResult, RunSpec } from '../sandbox/sandbox';
import {
  ADMIN,
  BENCH_MAIL_QUOTA,
  BENCH_UNIT_KEYS,
  benchSample,
  SheetFiller,
  TIME_ZONE,
  must,
  provenance,
  type BuildOptions,
} from './campaign';

/** The busy day of the recurring template: December's −5 and the fourth quarter's −10 reminders. */
export const RECURRING_BUSY_DAY = '2018-12-31';
/** The months of pasted meetings; December is the open period. */
const MONTHS = ['2018-07', '2018-08', '2018-09', '2018-10', '2018-11', '2018-12'] as const;
const OPEN_MONTH = '2018-12';
/** The template's unit categories, in turn. */
export const BRANCH_CATEGORIES = Object.keys(BRANCH_DUTIES.categories);

export interface RecurringShape {
  units: number;
  cadres: number;
  meetings: number;
  dualLife: number;
  ratings: number;
  /** Every cell pasted into the record sheets (rows × header width). */
  cells: number;
}

export interface RecurringCampaign {
  harness: CampaignHarness;
  shape: RecurringShape;
  runs: RunResult[];
  /** A meeting record of a branch, ready to be submitted (the form's submit event). */
  newMeeting(unitIndex: number, meetingType: (typeof MEETING_TYPES)[number], day: string): RunSpec;
}

interface Branch {
  unitId: string;
  name: string;
  category: string;
  secretary: string;
  emails: string[];
  members: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const at = (day: string, hour = 10) => new Date(zonedTime(day, hour, 0, TIME_ZONE));
const formOf = (key: string): FormDef => {
  const form = BRANCH_DUTIES.forms.find((f) => f.key === key);
  if (!form) throw new Error(`the branch-duties template has no ${key} form`);
  return form;
};
export const MEETING_SHEET = recordSheetOf(formOf('meeting'));
export const DUAL_LIFE_SHEET = recordSheetOf(formOf('dualLife'));
export const RATING_SHEET = recordSheetOf(formOf('rating'));

export function branchesOf(n: number): Branch[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    const category = BRANCH_CATEGORIES[i % BRANCH_CATEGORIES.length];
    // Every tenth branch has two addresses (secretary and office), as B02 of the sample.
    const emails =
      k % 10 === 0 ? [`zb${k}@b${k}.example`, `bgs${k}@b${k}.example`] : [`zb${k}@b${k}.example`];
    return {
      unitId: `B${pad(k, 4)}`,
      name: `测试${category.replace('支部', '')}第${k}党支部`,
      category,
      secretary: `书记${k}`,
      emails,
      members: 10 + (i % 40),
    };
  });
}

/** The sample scenario with generated branches and cadres; its settings, stages and template kept. */
export function recurringScenarioOf(branches: Branch[]): Scenario {
  return {
    ...benchSample('sample-branch-duties', `性能测试（${branches.length} 个支部）`),
    units: {
      header: [...BENCH_UNIT_KEYS, 'lastElection', 'termYears'],
      // Elections spread over 2016–2018 with 3-year terms: a few branches' terms end within 60 days.
      rows: branches.map((b, i) => [
        b.unitId,
        b.name,
        b.category,
        b.secretary,
        '联系人',
        b.emails.join(';'),
        '0755-88000000',
        String(b.members),
        'true',
        addDays('2016-01-04', (i * 7) % 1000),
        '3',
      ]),
    },
    roster: {
      header: ['personId', 'name', 'unitId', 'role', 'email'],
      rows: cadresOf(branches).map((c) => [c.personId, c.name, c.branch.unitId, c.role, c.email]),
    },
    events: [],
  };
}

interface Cadre {
  personId: string;
  name: string;
  branch: Branch;
  role: string;
  email: string;
}

/** One leading cadre in every other branch. */
function cadresOf(branches: Branch[]): Cadre[] {
  const roles = BRANCH_DUTIES.roster?.roles ?? ['领导干部'];
  return branches
    .filter((_, i) => i % 2 === 0)
    .map((branch, k) => ({
      personId: `P${pad(k + 1, 4)}`,
      name: `干部${k + 1}`,
      branch,
      role: roles[k % roles.length],
      email: `gb${k + 1}@cadre.example`,
    }));
}

/** The three meetings a branch holds in a month: the quarter decides the third. */
function meetingsOfMonth(month: string): (typeof MEETING_TYPES)[number][] {
  const inQuarter = (Number(month.slice(5)) - 1) % 3;
  const third = (['支部党员大会', '党小组会', '党课'] as const)[inQuarter];
  return ['支委会', '党小组会', third];
}

/** Builds the recurring campaign (setup, configuration, activate, pasted records); nothing is measured. */
export function buildRecurringCampaign(options: BuildOptions): RecurringCampaign {
  const runs: RunResult[] = [];
  const harness = new CampaignHarness({
    now: zonedTime(RECURRING_BUSY_DAY, 7, 0, TIME_ZONE),
    seed: options.seed ?? 2018,
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
  const branches = branchesOf(options.units);
  const cadres = cadresOf(branches);

  ScriptApp._deployWebApp(harness.ws);
  harness.open(ADMIN);
  must(harness.clickMenu('setup', ADMIN), 'setup');
  fillConfiguration(harness, recurringScenarioOf(branches), ADMIN);
  must(harness.clickMenu('activate', ADMIN), 'activate');

  const filler = (def: SheetDef) => {
    const header = harness.values(def.title.zh)?.[0];
    if (!header) throw new Error(`activate did not create ${def.title.zh}`);
    return new SheetFiller(def, header);
  };
  const meetings = filler(MEETING_SHEET);
  const dualLife = filler(DUAL_LIFE_SHEET);
  const ratings = filler(RATING_SHEET);

  branches.forEach((b, i) => {
    for (const month of MONTHS) {
      // Three branches in ten have recorded December's meetings already.
      if (month === OPEN_MONTH && i % 10 >= 3) continue;
      meetingsOfMonth(month).forEach((meetingType, k) => {
        const day = `${month}-${pad(6 + k * 7 + (i % 5), 2)}`;
        const submitted = at(addDays(day, 2), 9 + (i % 8));
        const responseId = `bench-meeting-${b.unitId}-${month}-${k}`;
        meetings.add({
          unitId: b.unitId,
          unitName: b.name,
          meetingType,
          meetingDate: at(day, 0),
          topic: `${meetingType}：学习贯彻党的十九大精神`,
          host: b.secretary,
          followsGuide: '是',
          expected: b.members,
          attended: b.members - (i % 3),
          absence: i % 3 ? `${i % 3} 人因公出差，已补学` : '',
          summary: `${b.name}召开${meetingType}，传达学习有关精神，研究部署下阶段工作。`,
          recordUrl: '',
          ...provenance(b.emails[0], submitted, responseId),
        });
      });
    }
    const filed = at(addDays('2018-12-10', i % 15), 15);
    ratings.add({
      unitId: b.unitId,
      unitName: b.name,
      secretary: b.secretary,
      leadership: 4,
      members: 4,
      mechanisms: 4 + (i % 2),
      results: 4,
      reputation: 5,
      report: '履行党建工作职责，落实“三会一课”，完成年度任务。',
      problems: '党员教育管理还需加强；下一年度建立学习积分制度。',
      selfGrade: BRANCH_GRADES[i % 7 === 0 ? 0 : 1],
      reportUrl: '',
      ...provenance(b.emails[0], filed, `bench-rating-${b.unitId}`),
    });
  });
  // Every cadre attended once in June; every other one also lectured in November.
  cadres.forEach((c, k) => {
    const entries: [string, string][] = [['参加组织生活', '2018-06-15']];
    if (k % 2 === 0) entries.push(['讲党课', '2018-11-09']);
    entries.forEach(([kind, day], e) => {
      dualLife.add({
        personId: c.personId,
        personName: c.name,
        unitId: c.branch.unitId,
        unitName: c.branch.name,
        kind,
        activityDate: at(day, 0),
        topic: kind === '讲党课' ? '以政治建设为统领加强支部建设' : '支部主题党日',
        summary: `${c.name}以普通党员身份${kind === '讲党课' ? '为支部党员讲党课' : '参加支部组织生活'}。`,
        recordUrl: '',
        ...provenance(c.email, at(addDays(day, 1), 16), `bench-dual-${c.personId}-${e}`),
      });
    });
  });

  let cells = 0;
  for (const [def, f] of [
    [MEETING_SHEET, meetings],
    [DUAL_LIFE_SHEET, dualLife],
    [RATING_SHEET, ratings],
  ] as const) {
    if (f.rows.length) harness.paste(def.title.zh, 2, f.rows, ADMIN);
    cells += f.cells;
  }

  return {
    harness,
    runs,
    shape: {
      units: branches.length,
      cadres: cadres.length,
      meetings: meetings.rows.length,
      dualLife: dualLife.rows.length,
      ratings: ratings.rows.length,
      cells,
    },
    newMeeting(unitIndex, meetingType, day) {
      const b = branches[unitIndex];
      const answers: Record<string, unknown> = {
        unitId: b.name,
        meetingType,
        meetingDate: day,
        topic: `${meetingType}：年终总结`,
        host: b.secretary,
        followsGuide: '是',
        expected: b.members,
        attended: b.members,
        absence: '',
        summary: `${b.name}召开${meetingType}，总结全年工作。`,
        recordUrl: '',
      };
      return respondAs(harness, 'meeting', b.emails[0], answers).runs[0];
    },
  };
}
