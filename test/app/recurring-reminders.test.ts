/**
 * A recurring stage on dist/Code.js: the sample campaign with a monthly ledger in 阶段设置
 * (repeat = month, each month due 5 days after it ends). Reminders go out before each month's
 * deadline only to the units still owing that month, overdue notices per month, and a unit that
 * reported in June is still reminded for July.
 */
import { STAGES_SHEET } from '../../sheets-templates/config-sheets';
import { ScriptApp } from '../../src/offline/emulator/script-app';
import type { ReplayContext } from '../../src/offline/rehearsal/engine';
import { linkParams } from '../../src/offline/rehearsal/pages';
import type { Scenario } from '../../src/offline/rehearsal/scenario';
import {
  ADMIN,
  applicationAnswers,
  configured,
  replaySubmitEvent,
  sampleScenario,
} from '../support/campaign';

const at = (s: string) => Date.parse(`${s}+08:00`);

/** The sample campaign plus a monthly ledger owed by every unit, June to August 2014. */
function withMonthlyLedger(): Scenario {
  const scenario = sampleScenario();
  const header = STAGES_SHEET.columns.map((c) => c.key);
  const rowOf = (values: Record<string, string>) => header.map((k) => values[k] ?? '');
  const old = scenario.stages.rows.map((r) =>
    rowOf(Object.fromEntries(scenario.stages.header.map((k, i) => [k, String(r[i] ?? '')]))),
  );
  const monthly = rowOf({
    stageId: 'monthly',
    name: '月度台账',
    opensOn: '2014-06-01',
    deadline: '2014-08-31',
    form: 'ledger',
    audience: 'allUnits',
    remindDaysBefore: '3',
    overdueEveryDays: '3',
    repeat: 'month',
    dueDaysAfter: '5',
  });
  return { ...scenario, stages: { header, rows: [...old, monthly] } };
}

describe('a monthly stage (dist/Code.js, simulated days)', () => {
  const scenario = withMonthlyLedger();
  const campaign = configured(scenario, '2014-05-19T10:00:00+08:00');
  const context: ReplayContext = { scenario, responses: new Map() };
  const submit = (form: string, answers: Record<string, unknown>, when: string) => {
    campaign.fireClockTriggers(at(when) - 60_000);
    const { runs } = replaySubmitEvent(campaign, context, {
      form,
      email: 'dw@fgw.example',
      answers,
      at: `${when}+08:00`,
    });
    expect(runs.map((r) => r.ok)).toEqual([true]);
  };

  beforeAll(() => {
    ScriptApp._deployWebApp(campaign.ws);
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    // U01 applies in May and logs a ledger entry in June; nobody reports in July.
    submit('application', applicationAnswers('U01', '月度台账试点项目'), '2014-05-21T10:00:00');
    submit(
      'ledger',
      {
        projectRef: '月度台账试点项目',
        activityDate: '2014-06-20',
        activity: '主题党日',
        participants: 30,
        outcome: '完成。',
      },
      '2014-06-20T15:00:00',
    );
    campaign.fireClockTriggers(at('2014-08-10T23:00:00'));
  });

  const ledger = () => {
    const values = campaign.values('发送台账') ?? [];
    const header = values[0].map(String);
    return values
      .slice(1)
      .filter((r) => r[0] !== '')
      .map((r) => ({
        key: String(r[header.indexOf('去重键')]),
        day: r[header.indexOf('日期')],
        state: String(r[header.indexOf('状态')]),
      }));
  };
  const monthlyKeys = (period: string) =>
    ledger()
      .filter((e) => e.key.split('|')[1] === `monthly@${period}` && e.state === '已发送')
      .map((e) => e.key);
  const activeUnits = () =>
    scenario.units.rows
      .filter((r) => String(r[scenario.units.header.indexOf('active')]) === 'true')
      .map((r) => String(r[0]));

  test('June: reminded 3 days before 5 July and overdue every 3 days, at most 3 — every unit but the one that reported', () => {
    const others = activeUnits().filter((u) => u !== 'U01');
    expect(others.length).toBeGreaterThan(10);
    const june = monthlyKeys('2014-06');
    expect(june.filter((k) => k.endsWith('|reminder|3')).map((k) => k.split('|')[0])).toEqual(
      others,
    );
    for (const offset of ['-1', '-4', '-7'])
      expect(
        june.filter((k) => k.endsWith(`|overdue|${offset}`)).map((k) => k.split('|')[0]),
      ).toEqual(others);
    expect(june).toHaveLength(others.length * 4);
    expect(june.some((k) => k.startsWith('U01|'))).toBe(false);
  });

  test('July: the unit that reported in June is reminded too, before 5 August, then told it is overdue; August not before it opens', () => {
    const july = monthlyKeys('2014-07');
    const units = (suffix: string) =>
      july.filter((k) => k.endsWith(suffix)).map((k) => k.split('|')[0]);
    expect(units('|-|reminder|3')).toEqual(activeUnits());
    expect(units('|-|overdue|-1')).toEqual(activeUnits());
    expect(units('|-|overdue|-4')).toEqual(activeUnits());
    expect(july).toHaveLength(activeUnits().length * 3);
    expect(monthlyKeys('2014-08')).toEqual([]);
  });

  test('the notice names the stage and the month, with the month’s own deadline', () => {
    // U01 hears of July only (June was met): the reminder on 2 August, overdue on 6 and 9 August.
    const toU01 = campaign
      .outbox()
      .filter((m) => m.to.includes('dw@fgw.example') && m.body.includes('「月度台账 · '));
    expect(toU01.map((m) => m.subject.replace(/^【.*?】/, ''))).toEqual([
      '月度台账 · 2014年7月：还有 3 天截止',
      '月度台账 · 2014年7月：已逾期 1 天',
      '月度台账 · 2014年7月：已逾期 4 天',
    ]);
    expect(toU01[0].body).toContain(
      '「月度台账 · 2014年7月」，截止日期 2014-08-05（还有 3 天截止）',
    );
    const overdue = campaign
      .outbox()
      .find((m) => m.body.includes('「月度台账 · 2014年6月」，截止日期 2014-07-05（已逾期 1 天）'));
    expect(overdue).toBeDefined();
  });

  test('staff digests list who still owes each month, under the month’s own deadline', () => {
    const digest = campaign
      .outbox()
      .find((m) => m.subject.includes('2014-07-06') && m.body.includes('月度台账'));
    expect(digest?.body).toContain('「月度台账 · 2014年6月」逾期未交（截止 2014-07-05）：');
    // July has opened: owed by every unit, due 5 August; August is not listed before it opens.
    expect(digest?.body).toContain('「月度台账 · 2014年7月」尚未提交（截止 2014-08-05）：');
    expect(digest?.body).not.toContain('2014年8月');
    const august = campaign
      .outbox()
      .find((m) => m.subject.includes('2014-08-02') && m.body.includes('月度台账'));
    expect(august?.body).toContain('「月度台账 · 2014年7月」将于 2014-08-05 截止（还有 3 天）');
    expect(august?.body).toContain('「月度台账 · 2014年7月」尚未提交（截止 2014-08-05）：');
  });

  test('the unit’s page shows each month with its own state and deadline', () => {
    const html = campaign.visitWebApp(linkParams(campaign, 'U01')).html ?? '';
    const card = (id: string) =>
      new RegExp(
        `data-item="${id}" data-state="([a-z]+)"[\\s\\S]*?<h3>([^<]*)</h3>[\\s\\S]*?<p class="sub">([^<]*)</p>`,
      )
        .exec(html)
        ?.slice(1);
    expect(card('monthly-2014-06')).toEqual([
      'met',
      '月度台账 · 2014年6月｜“书记项目”工作台账',
      '截止 2014-07-05',
    ]);
    expect(card('monthly-2014-07')).toEqual([
      'overdue',
      '月度台账 · 2014年7月｜“书记项目”工作台账',
      '截止 2014-08-05',
    ]);
    expect(card('monthly-2014-08')).toEqual([
      'due',
      '月度台账 · 2014年8月｜“书记项目”工作台账',
      '截止 2014-09-05',
    ]);
    // A one-off stage's card keeps its id.
    expect(html).toContain('data-item="apply"');
  });

  test('one-off stages keep their keys: the application stage’s notices name no period', () => {
    const apply = ledger().filter((e) => e.key.split('|')[1]?.startsWith('apply'));
    expect(apply.length).toBeGreaterThan(0);
    expect(apply.every((e) => e.key.split('|')[1] === 'apply')).toBe(true);
  });
});
