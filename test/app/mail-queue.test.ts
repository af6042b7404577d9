/**
 * Nothing owed is lost (issue 12): receipts and rejections that the daily quota or the reserve held
 * back wait in 待发邮件 and go out on later days — rejections first, none twice — without starving
 * the next morning's reminders. On dist/Code.js in the emulator, consumer quota 100.
 */
import { MailApp } from '../../src/offline/emulator/mail-app';
import { respondAs } from '../../src/offline/rehearsal/replay-forms';
import type { RunResult } from '../../src/offline/sandbox/sandbox';
import {
  activatedCampaign,
  applicationAnswers,
  applicationStageScenario,
} from '../support/campaign';

const UNITS = 150;
const at = (s: string) => Date.parse(s);

function campaign() {
  const { campaign: harness, runs } = activatedCampaign(
    applicationStageScenario(UNITS, { campaignName: '补发测试', keyProjectQuota: '300' }),
    { seed: 5, quota: 100 },
  );
  return { harness, runs };
}

const answers = (unit: number, i: number, valid: boolean) =>
  applicationAnswers(
    `U${String(unit).padStart(3, '0')}`,
    `补发项目 ${i}`,
    valid ? {} : { dueDate: '明年', budget: '很多' },
  );

/** `mail` records of the script, in send order (one per email that left). */
const mailRecords = (runs: RunResult[]) =>
  runs
    .flatMap((r) => r.execution.logs.map((l) => l.json as Record<string, unknown> | undefined))
    .filter((r): r is Record<string, unknown> => r?.event === 'mail');

test('quota 100 and a burst of 300 submissions: every receipt and rejection is sent on a later day, rejections first, none twice; the next morning still reminds the units owing', () => {
  const { harness, runs } = campaign();
  harness.fireClockTriggers(at('2014-05-22T15:00:00+08:00'));
  harness.advanceTo(at('2014-05-22T15:00:00+08:00'));
  // Units U001–U100 submit three times each; every 7th submission is malformed (a rejection).
  let i = 0;
  for (let unit = 1; unit <= 100; unit++) {
    for (let k = 0; k < 3; k++, i++) {
      const valid = i % 7 !== 0;
      const email = `dw${unit}@u${unit}.example`;
      for (const spec of respondAs(harness, 'application', email, answers(unit, i, valid)).runs) {
        expect(harness.run(spec).ok).toBe(true);
      }
    }
  }
  const rejectionsOwed = Array.from({ length: 300 }, (_, n) => n).filter((n) => n % 7 === 0).length;
  const burst = mailRecords(runs).filter((r) => r.kind === 'receipt' || r.kind === 'rejection');
  // Submissions stop short of the reserve the next daily run needs: 100 − 5 − the mail of that
  // morning (none: the digests of 05-21 and 05-22 would have repeated 05-20's, so none went).
  expect(mailRecords(runs).filter((r) => r.kind === 'digest')).toHaveLength(2);
  expect(burst.length).toBe(100 - 5);
  expect(MailApp._recipientsUsed(harness.ws, at('2014-05-22T16:00:00+08:00'))).toBe(95);

  // The next morning (deadline − 7): units U101–U150 still owe their application.
  const before = runs.length;
  harness.fireClockTriggers(at('2014-05-23T23:00:00+08:00'));
  const morning = mailRecords(runs.slice(before));
  const reminders = morning.filter((r) => r.kind === 'reminder');
  const owedSent = morning.filter((r) => r.kind === 'receipt' || r.kind === 'rejection');
  // 100 − reserve 5 − two digests = 93: half for owed mail, the rest for the 50 reminders.
  expect(owedSent.length).toBe(47);
  expect(reminders.length).toBe(46);
  // Rejections go before receipts: every rejection still owed leaves before the first receipt.
  const rejectionsLeft = rejectionsOwed - burst.filter((r) => r.kind === 'rejection').length;
  expect(owedSent.slice(0, rejectionsLeft).every((r) => r.kind === 'rejection')).toBe(true);
  expect(owedSent.slice(rejectionsLeft).every((r) => r.kind === 'receipt')).toBe(true);

  harness.fireClockTriggers(at('2014-06-05T00:00:00+08:00'));
  const all = mailRecords(runs);
  const owed = all.filter((r) => r.kind === 'receipt' || r.kind === 'rejection');
  expect(owed.filter((r) => r.kind === 'rejection')).toHaveLength(rejectionsOwed);
  expect(owed.filter((r) => r.kind === 'receipt')).toHaveLength(300 - rejectionsOwed);
  // None twice: each response's email left once (邮件记录 has one sent row per key).
  const log = (harness.values('邮件记录') ?? []).slice(1);
  const sentKeys = log.filter((r) => String(r[8]) === '已发送').map((r) => String(r[0]));
  const owedKeys = sentKeys.filter((k) => /^(receipt|rejection):/.test(k));
  expect(owedKeys).toHaveLength(300);
  expect(new Set(owedKeys).size).toBe(300);
  // Every unit that still owed got its reminder too.
  const reminded = new Set(
    all.filter((r) => r.kind === 'reminder').map((r) => String(r.unitId ?? '')),
  );
  for (let unit = 101; unit <= UNITS; unit++) {
    expect(reminded.has(`U${String(unit).padStart(3, '0')}`)).toBe(true);
  }
  // The quota was never exceeded on any day.
  for (const day of ['2014-05-22', '2014-05-23', '2014-05-24', '2014-05-25', '2014-05-26']) {
    expect(MailApp._recipientsUsed(harness.ws, at(`${day}T12:00:00+08:00`))).toBeLessThanOrEqual(
      100,
    );
  }
});

test('a receipt the mail service refuses (the respondent address): kept as failed in 待发邮件, never retried, named in 运行状况 and in the next digest', () => {
  const { harness, runs } = campaign();
  harness.advanceTo(at('2014-05-21T10:00:00+08:00'));
  MailApp._refuseAddresses(harness.ws, ['typo@u7.example']);
  const specs = respondAs(harness, 'application', 'typo@u7.example', answers(7, 1, true)).runs;
  expect(specs.map((spec) => harness.run(spec).ok)).toEqual([true]);
  const queue = (harness.values('待发邮件') ?? []).slice(1).filter((r) => r[0] !== '');
  const header = (harness.values('待发邮件') ?? [])[0].map(String);
  expect(queue.map((r) => r[header.indexOf('状态')])).toEqual(['发送失败']);
  const health = (harness.values('运行状况') ?? []).slice(1).map((r) => r.map(String).join('|'));
  expect(health).toEqual(
    expect.arrayContaining([
      expect.stringContaining(
        '回执无法发送，不会自动重试：测试单位7机关党委（U007）｜收件人 typo@u7.example｜原因：Invalid email: typo@u7.example',
      ),
    ]),
  );
  harness.fireClockTriggers(at('2014-05-22T23:00:00+08:00'));
  // U007 is a 驻深企业 (every third unit): its department's digest names it, the other's does not.
  const digests = harness.outbox().filter((m) => m.subject.includes('2014-05-22'));
  const line = '测试单位7机关党委（U007）｜typo@u7.example｜Invalid email: typo@u7.example';
  expect(digests.filter((d) => d.body.includes(line)).map((d) => d.to)).toEqual([
    ['qy@jggw.example'],
  ]);
  // Never retried: the only attempt is the one intake made.
  expect(mailRecords(runs).filter((r) => (r.to as string[]).includes('typo@u7.example'))).toEqual(
    [],
  );
  expect((harness.values('待发邮件') ?? []).slice(1).filter((r) => r[0] !== '')).toHaveLength(1);
});
