import { CampaignHarness } from '../../src/offline/harness';
import { fillConfiguration } from '../../src/offline/rehearsal/engine';
import { generatedScenario } from '../../src/offline/rehearsal/generated-scenario';
import { respondAs } from '../../src/offline/rehearsal/replay-forms';
import type { RunResult } from '../../src/offline/sandbox/sandbox';
import { DEFAULT_LATENCY, perCallMs } from '../../src/offline/bench/latency';
import { ADMIN, type Latency } from '../support/campaign';
import { bundlePath } from '../support/bundle';

const ZZB = 'zzb@jggw.example';
const OTHER = 'zzb2@jggw.example';

/** 40 units of one department, each with one accepted project; key-project quota 30. */
function campaignWith40Projects(latency?: Latency) {
  const scenario = generatedScenario({
    units: 40,
    category: () => '机关事业单位',
    settings: {
      campaignName: '审核测试',
      'staffEmails.org': `${ZZB};${OTHER}`,
      adminEmails: ADMIN,
      keyProjectQuota: '30',
    },
    stages: [
      ['apply', '申报阶段', '2014-05-20', '2014-05-30', 'application', 'allUnits', '7,3,1', '3'],
      ['screen', '筛选阶段', '2014-06-01', '2014-06-30', '', 'staff', '3', '0'],
    ],
  });
  const runs: RunResult[] = [];
  const campaign = new CampaignHarness({
    now: Date.parse('2014-05-20T08:00:00+08:00'),
    seed: 4,
    owner: ADMIN,
    bundlePath: bundlePath(),
    onRun: (r) => runs.push(r),
    ...(latency
      ? { callLatencyMs: (name: string) => perCallMs(DEFAULT_LATENCY, name) * latency.scale }
      : {}),
  });
  campaign.open(ADMIN);
  campaign.clickMenu('setup', ADMIN);
  fillConfiguration(campaign, scenario, ADMIN);
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  for (let i = 0; i < 40; i++) {
    const { runs: submitted } = respondAs(campaign, 'application', `dw${i + 1}@u${i + 1}.example`, {
      unitId: scenario.units.rows[i][0],
      projectName: `项目${i + 1}`,
      projectType: '创新探索型',
      themes: ['服务民生'],
      rectification: '整顿',
      leader: '书记',
      leaderTitle: '书记',
      goals: 'g',
      measures: 'm',
      dueDate: '2014-12-01',
      contactName: 'c',
      contactPhone: '0755-82100000',
      contactEmail: 'c@u.example',
    });
    expect(submitted.map((spec) => campaign.run(spec).ok)).toEqual([true]);
  }
  campaign.advanceTo(Date.parse('2014-06-20T10:00:00+08:00'));
  runs.length = 0;
  const header = (campaign.values('项目库') ?? [])[0].map(String);
  const columnLetter = (label: string) => String.fromCharCode(65 + header.indexOf(label));
  return {
    campaign,
    runs,
    status: columnLetter('审核状态'),
    funding: columnLetter('专项经费（万元）'),
  };
}

const statuses = (c: CampaignHarness) =>
  (c.values('项目库') ?? [])
    .slice(1)
    .filter((r) => r[0] !== '')
    .map((r) => String(r[(c.values('项目库') ?? [])[0].indexOf('审核状态')]));
const keyCount = (c: CampaignHarness) => statuses(c).filter((s) => s === '重点项目').length;
const auditRows = (c: CampaignHarness) =>
  (c.values('审核日志') ?? []).slice(1).filter((r) => r[0] !== '');
const logs = (runs: RunResult[], event: string) =>
  runs
    .flatMap((r) => r.execution.logs.map((l) => l.json as Record<string, unknown>))
    .filter((r) => r?.event === event);

describe('staff review in the Projects sheet (dist/Code.js, edit trigger)', () => {
  test('with 40 projects and quota 30, the 31st key selection is refused whether typed, pasted as a block, or made by two staff at once', () => {
    const { campaign, runs, status } = campaignWith40Projects();
    // 30 key projects pasted as one block: all accepted (one edit event for the block).
    const block = campaign.pasteBlock(
      ZZB,
      '项目库',
      `${status}2:${status}31`,
      Array.from({ length: 30 }, () => ['重点项目']),
    );
    expect(block.accepted).toBe(true);
    expect(keyCount(campaign)).toBe(30);
    expect(auditRows(campaign)).toHaveLength(30);

    // Typed: the 31st is refused, reverted, with a note and a toast.
    const typed = campaign.edit(ZZB, '项目库', `${status}32`, '重点项目');
    expect(typed.runs.every((r) => r.ok)).toBe(true);
    expect(keyCount(campaign)).toBe(30);
    expect(statuses(campaign)[30]).toBe('待审核');
    const note = campaign.asPerson(ADMIN, () =>
      campaign.sheet('项目库').getRange(`${status}32`).getNote(),
    );
    expect(note).toContain('重点项目已满 30 个');
    expect(campaign.spreadsheet._toasts().at(-1)?.message).toContain('重点项目已满 30 个');

    // Pasted as a block of two: both refused.
    campaign.pasteBlock(ZZB, '项目库', `${status}33:${status}34`, [['重点项目'], ['重点项目']]);
    expect(keyCount(campaign)).toBe(30);

    // Two staff at once, after one place is freed: exactly one of them gets it.
    campaign.edit(ZZB, '项目库', `${status}2`, '备案');
    expect(keyCount(campaign)).toBe(29);
    const together = campaign.editTogether(
      [
        { user: ZZB, sheetTitle: '项目库', a1: `${status}35`, typed: '重点项目' },
        { user: OTHER, sheetTitle: '项目库', a1: `${status}36`, typed: '重点项目' },
      ],
      { seed: 9 },
    );
    expect(together.runs.every((r) => r.ok)).toBe(true);
    expect(keyCount(campaign)).toBe(30);
    expect([statuses(campaign)[33], statuses(campaign)[34]].sort()).toEqual(['待审核', '重点项目']);
    expect(logs(runs, 'editRefused').map((r) => r.rule)).toEqual([
      'keyProjectQuota',
      'keyProjectQuota',
      'keyProjectQuota',
      'keyProjectQuota',
    ]);
  });

  test('30 staff edits at the same moment at latencyScale 3: every one is decided and audited, none lost to a lock timeout', () => {
    const latency = { scale: 0 };
    const { campaign, status } = campaignWith40Projects(latency);
    latency.scale = 3;
    const together = campaign.editTogether(
      Array.from({ length: 30 }, (_, i) => ({
        user: i % 2 ? OTHER : ZZB,
        sheetTitle: '项目库',
        a1: `${status}${i + 2}`,
        typed: '备案',
      })),
      { seed: 30 },
    );
    expect(together.runs.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
    expect(statuses(campaign).filter((s) => s === '备案')).toHaveLength(30);
    expect(auditRows(campaign)).toHaveLength(30);
  });

  test('the audit log has one row per accepted review edit and nothing else; reviewer and time are set', () => {
    const { campaign, status, funding } = campaignWith40Projects();
    campaign.edit(ZZB, '项目库', `${funding}2`, 8); // funding for a project that is not key: refused
    campaign.edit(ZZB, '项目库', `${status}2`, '重点项目');
    campaign.edit(ZZB, '项目库', `${funding}2`, 8);
    campaign.edit(ZZB, '项目库', `${status}3`, '不存在的状态'); // refused by the dropdown itself: no trigger
    campaign.edit(OTHER, '项目库', `${status}3`, '备案');
    campaign.edit(OTHER, '项目库', `${status}3`, '备案'); // no change: no audit row
    const audit = auditRows(campaign).map((r) => r.slice(1, 7).map(String).join('|'));
    expect(audit).toEqual([
      `${ZZB}|SJXM-2014-001|U001|审核状态|待审核|重点项目`,
      `${ZZB}|SJXM-2014-001|U001|专项经费（万元）||8`,
      `${OTHER}|SJXM-2014-002|U002|审核状态|待审核|备案`,
    ]);
    const header = (campaign.values('项目库') ?? [])[0].map(String);
    const first = (campaign.values('项目库') ?? [])[1];
    expect(first[header.indexOf('审核人')]).toBe(ZZB);
    expect(first[header.indexOf('审核时间')]).toBeInstanceOf(Date);
  });

  test('only staff may edit review columns; nobody but the script edits the others', () => {
    const { campaign, status } = campaignWith40Projects();
    const header = (campaign.values('项目库') ?? [])[0].map(String);
    const nameColumn = String.fromCharCode(65 + header.indexOf('项目名称'));
    expect(campaign.edit(ZZB, '项目库', `${nameColumn}2`, '改名').accepted).toBe(false);
    expect(campaign.edit('dw1@u1.example', '项目库', `${status}2`, '重点项目').accepted).toBe(
      false,
    );
    expect(campaign.edit(ZZB, '项目库', `${status}2`, '重点项目').accepted).toBe(true);
  });

  test("the owner's edits of script columns stand but are audited: who, when, before, after, and a note on the cell", () => {
    const { campaign } = campaignWith40Projects();
    const header = (campaign.values('项目库') ?? [])[0].map(String);
    const letter = (label: string) => String.fromCharCode(65 + header.indexOf(label));
    // The owner is never bound by a protection (Protection reference: "the owner … can always edit").
    expect(campaign.edit(ADMIN, '项目库', `${letter('项目名称')}2`, '改过的名称').accepted).toBe(
      true,
    );
    campaign.pasteBlock(ADMIN, '项目库', `${letter('单位编号')}3:${letter('单位编号')}4`, [
      ['U040'],
      ['U040'],
    ]);
    const audit = auditRows(campaign).map((r) => r.slice(1, 7).map(String).join('|'));
    expect(audit).toEqual([
      `${ADMIN}|SJXM-2014-001|U001|项目名称|项目1|改过的名称`,
      `${ADMIN}|SJXM-2014-002|U040|单位编号|（粘贴多格，原值未知）|U040`,
      `${ADMIN}|SJXM-2014-003|U040|单位编号|（粘贴多格，原值未知）|U040`,
    ]);
    const note = campaign.spreadsheet
      .getSheetByName('项目库')!
      .getRange(`${letter('项目名称')}2`)
      .getNote();
    expect(note).toContain('手工修改了系统列，已记入「审核日志」');
    // Review decisions are not disturbed: the review state still reads only review keys.
    expect(campaign.edit(ZZB, '项目库', `${letter('审核状态')}2`, '重点项目').accepted).toBe(true);
    expect(keyCount(campaign)).toBe(1);
  });

  /** A staff member chooses 标记已核验 and answers the prompt with a project id. */
  function markVerifiedAs(
    campaign: ReturnType<typeof campaignWith40Projects>['campaign'],
    who: string,
    projectId: string,
  ) {
    campaign.open(who);
    campaign.asPerson(who, () => {
      const { Ui } = jest.requireActual(
        '../../src/offline/emulator/spreadsheet-ui',
      ) as typeof import('../../src/offline/emulator/spreadsheet-ui');
      new Ui(campaign.ws)._scriptAnswers([{ button: 'OK', text: projectId }]);
    });
    return campaign.clickMenu('markVerified', who);
  }

  test('an unverified submission can be marked verified from the menu, with an audit row', () => {
    const { campaign } = campaignWith40Projects();
    const run = markVerifiedAs(campaign, ZZB, 'SJXM-2014-005');
    expect(run.error ?? 'ok').toBe('ok');
    expect(auditRows(campaign).map((r) => `${r[2]}|${r[4]}|${r[6]}`)).toEqual([
      'SJXM-2014-005|身份核验|已核验',
    ]);
  });

  // Source: https://developers.google.com/apps-script/reference/base/ui#alert(String) — "LockService
  // locks don't persist across the suspension": the emulated prompt/alert drop the script lock, and
  // the product takes it again after each dialog shown inside withScriptLock.
  test('markVerified takes the script lock again after its prompt and its alert (dialogs drop locks)', () => {
    const { campaign } = campaignWith40Projects();
    const run = markVerifiedAs(campaign, ZZB, 'SJXM-2014-005');
    expect(run.error ?? 'ok').toBe('ok');
    // Once on entry, once after the prompt, once after the closing alert.
    expect(run.execution.counts['LockService.Lock.waitLock']).toBe(3);
    expect(auditRows(campaign)).toHaveLength(1);
  });

  // Source: https://developers.google.com/apps-script/reference/spreadsheet/protection#getEditors()
  // "If the user does not have permission to edit the protected range, this method throws an
  // exception": re-running activate as staff must not read the editors of the script's columns.
  test('activate clicked by staff leaves the protections they may not edit alone instead of failing', () => {
    const { campaign } = campaignWith40Projects();
    campaign.open(ZZB);
    const run = campaign.clickMenu('activate', ZZB);
    expect(run.error ?? 'ok').toBe('ok');
  });
});
