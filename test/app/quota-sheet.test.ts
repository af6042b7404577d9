/**
 * 配额规则 on dist/Code.js: the administrator changes a rule in the sheet and the next check (the
 * menu 立即检查配额, the daily run, the reports) runs what the sheet says — no code change.
 */
import {
  ADMIN,
  applicationAnswers,
  configured,
  replaySubmitEvent,
  sampleScenario,
} from '../support/campaign';
import { sheetRecords } from '../support/report-docs';

describe('配额规则: quota rules as configuration (dist/Code.js)', () => {
  test('raising "projects per unit" from the setting to 2 in 配额规则 flags a unit with one project at the next check', () => {
    const scenario = sampleScenario();
    const campaign = configured(scenario, '2014-05-19T10:00:00+08:00');
    const rules = campaign.values('配额规则') ?? [];
    expect(rules[0].slice(0, 2)).toEqual(['规则编号', '规则名称']);
    const row = rules.findIndex((r) => r[0] === 'minProjectsPerUnit') + 1;
    const atLeast = rules[0].indexOf('至少');
    expect(rules[row - 1][atLeast]).toBe('minProjectsPerUnit');
    campaign.paste('配额规则', row, [rules[row - 1].map((c, i) => (i === atLeast ? 2 : c))], ADMIN);
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    replaySubmitEvent(
      campaign,
      { scenario, responses: new Map() },
      {
        form: 'application',
        email: 'dw@fgw.example',
        answers: applicationAnswers('U01', '唯一的项目'),
        at: '2014-05-21T10:00:00+08:00',
      },
    );
    campaign.advanceTo(Date.parse('2014-06-02T10:00:00+08:00'));
    expect(campaign.clickMenu('checkQuotas', ADMIN).ok).toBe(true);
    const failed = sheetRecords(campaign, '配额检查').filter(
      (r) => r['结果'] === '未通过' && String(r['对象']).startsWith('市发展和改革委员会'),
    );
    expect(failed.map((r) => [r['实际'], r['要求']])).toEqual([[1, 2]]);
  });

  test('a limit that is neither a number nor a setting is refused at Activate, located, and nothing is activated', () => {
    const campaign = configured(sampleScenario(), '2014-05-19T10:00:00+08:00');
    const rules = campaign.values('配额规则') ?? [];
    const row = rules.findIndex((r) => r[0] === 'planForKeyProjects') + 1;
    const atLeast = rules[0].indexOf('至少');
    campaign.paste(
      '配额规则',
      row,
      [rules[row - 1].map((c, i) => (i === atLeast ? '两个' : c))],
      ADMIN,
    );
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const health = (campaign.values('运行状况') ?? []).slice(1).map((r) => r.slice(0, 5).join('|'));
    expect(health).toEqual([
      `错误|配额规则|${row}|至少|「两个」应为非负数字，或一个数字类设置项（如 keyProjectQuota）`,
    ]);
    expect(campaign.triggers().some((t) => t.kind === 'clock')).toBe(false);
  });
});
