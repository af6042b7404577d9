/**
 * The branch-duties template rehearsed end to end from its bundled sample scenario (the planted
 * cases are listed in scripts/gen-template-samples.ts): reminders and overdue notices per period
 * and unit (发送台账, outbox), each quota violation (配额检查), and the 活动报告 Doc, whose figures
 * are recounted from the workbook's record sheets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readEml } from '../../support/eml';
import {
  notices,
  rehearseSample,
  rows,
  table,
  type Rehearsed,
} from '../../support/template-rehearsal';

describe('branch-duties: the sample scenario rehearsed (dist/Code.js, fourth quarter of 2018)', () => {
  let run: Rehearsed;
  beforeAll(async () => {
    run = await rehearseSample('sample-branch-duties');
  }, 120_000);

  test('the campaign activates from the template and every event replays, with no failed execution', () => {
    expect(run.summary.activated).toBe(true);
    expect(run.summary.failures).toEqual([]);
    expect(run.summary.eventsDropped).toEqual([]);
    expect(run.summary.eventNotes).toEqual([]);
    expect(run.summary.eventsReplayed).toBe(81);
    expect(rows(run.workbook, '三会一课台账')).toHaveLength(62);
    expect(rows(run.workbook, '双重组织生活')).toHaveLength(12);
    expect(rows(run.workbook, '述职评议与定级')).toHaveLength(7);
  });

  test('a monthly duty reminds before its period’s deadline only those still owing that period, then sends overdue notices', () => {
    // Every branch held its November 支委会 on the 18th except B04: only B04 is reminded, 5 and
    // 1 days before the 5 December deadline, then chased on the day after and 5 days later.
    const B04 = '市图书馆读者服务部党支部';
    expect(notices(run.workbook, 'committeeMeeting', '2018-11', '截止提醒')).toEqual([
      [B04, '2018-11-30'],
      [B04, '2018-12-04'],
    ]);
    expect(notices(run.workbook, 'committeeMeeting', '2018-11', '逾期催报')).toEqual([
      [B04, '2018-12-06'],
      [B04, '2018-12-11'],
    ]);
    // B04 held its October and December ones: no notice for those periods.
    expect(notices(run.workbook, 'committeeMeeting', '2018-10', '截止提醒')).toEqual([]);
    expect(notices(run.workbook, 'committeeMeeting', '2018-12', '逾期催报')).toEqual([]);
    // B07 reported November's 党小组会 on 8 December, late: one overdue notice, none after it reported.
    const B07 = '华创电子科技有限公司党支部';
    expect(notices(run.workbook, 'groupMeeting', '2018-11', '逾期催报')).toEqual([
      [B07, '2018-12-06'],
    ]);
    // The quarterly 支部党员大会: B03 never held one; it alone is reminded and chased.
    const B03 = '市第二人民医院内科党支部';
    const general = notices(run.workbook, 'generalMeeting', '2018-Q4', '逾期催报');
    expect(general.length).toBeGreaterThan(0);
    expect(new Set(general.map(([unit]) => unit))).toEqual(new Set([B03]));
    // The email names the period and its own deadline.
    const mail = run.summary.outputs.outbox;
    const toB04 = fs
      .readdirSync(mail)
      .map((f) => readEml(path.join(mail, f)))
      .filter((e) => e.to.includes('dzfw@tsg.example.cn') && e.kind === 'reminder');
    expect(toB04.map((e) => e.text).join('\n')).toMatch(/支委会（每月） · 2018年11月.*2018-12-05/);
  });

  test('配额检查 flags the planted cases: no 党员大会 in the quarter, a cadre with one attendance, terms expiring or expired', () => {
    const checks = rows(run.workbook, '配额检查').filter((r) => r['结果'] === '未通过');
    const line = (r: Record<string, string>) => `${r['规则']}｜${r['对象']}`;
    expect(checks.map(line)).toEqual(
      expect.arrayContaining([
        '每个支部每季度至少召开 1 次支部党员大会｜市第二人民医院内科党支部 · 2018年第四季度',
        '每个支部每月至少召开 1 次支委会｜市图书馆读者服务部党支部 · 2018年11月',
        '领导干部每年参加所在支部组织生活不少于 2 次｜陈红梅（市教育局机关综合处党支部） · 2018年度',
        '领导干部每年至少讲 1 次党课｜孙敏（市水务集团客户服务中心党支部） · 2018年度',
      ]),
    );
    const attendance = checks.find((r) => r['对象'].startsWith('陈红梅'));
    expect([attendance?.['实际'], attendance?.['要求']]).toEqual(['1', '2']);
    // Terms: B01's (elected 2016-03-18, 3 years) ends within 60 days of the last check; B02's and
    // B05's have ended.
    const terms = checks
      .filter((r) => r['规则'].startsWith('支部任期届满提醒'))
      .map((r) => r['对象']);
    expect(terms).toEqual([
      expect.stringMatching(
        /^市发展和改革委员会机关第一党支部 · 任期将于 2019-03-18 届满，还剩 \d+ 天$/,
      ),
      expect.stringMatching(/^市教育局机关综合处党支部 · 任期已于 2018-11-20 届满/),
      expect.stringMatching(/^市地铁集团运营分公司第三党支部 · 任期已于 2018-04-16 届满/),
    ]);
    // Nothing else fails: the other meeting duties were all met.
    expect(new Set(checks.map((r) => r['规则']))).toEqual(
      new Set([
        '每个支部每季度至少召开 1 次支部党员大会',
        '每个支部每月至少召开 1 次支委会',
        '领导干部每年参加所在支部组织生活不少于 2 次',
        '领导干部每年至少讲 1 次党课',
        '支部任期届满提醒（提前 60 天）',
        '每个支部须报送年终述职与定级自评',
      ]),
    );
  });

  test('the last 活动报告 shows figures that recount from 三会一课台账 and 单位名册', () => {
    const last = run.reports.at(-1)!;
    expect(last.name).toMatch(/活动报告（2019-02-01）\.docx$/);
    const meetings = rows(run.workbook, '三会一课台账');
    const units = rows(run.workbook, '单位名册');
    const inMonth = (type: string, month: string) =>
      meetings.filter((r) => r['会议类型'] === type && r['召开日期'].startsWith(month));
    const byPeriod = table(last.doc, '期间', '截止日期', '记录数', '报送单位', '应报', '未报');
    const november = byPeriod.find((r) => r[0] === '2018年11月')!;
    const held = inMonth('支委会', '2018-11');
    expect(november.slice(2, 6)).toEqual([
      String(held.length),
      String(new Set(held.map((r) => r['单位编号'])).size),
      String(units.length),
      String(units.length - new Set(held.map((r) => r['单位编号'])).size),
    ]);
    expect(november[6]).toBe('市图书馆读者服务部党支部');
    const byType = table(last.doc, '会议类型', '记录数', '占比');
    for (const type of ['支部党员大会', '支委会', '党小组会', '党课']) {
      const count = meetings.filter((r) => r['会议类型'] === type).length;
      expect(byType.find((r) => r[0] === type)?.[1]).toBe(String(count));
    }
    const byUnit = table(last.doc, '单位', '记录数', '逾期报送', '应报', '已报', '未报');
    for (const unit of units) {
      const mine = meetings.filter((r) => r['单位编号'] === unit['单位编号']).length;
      expect(byUnit.find((r) => r[0] === unit['单位名称'])?.[1]).toBe(String(mine));
    }
  });
});
