/**
 * Review columns of the other templates on dist/Code.js: staff mark a key task's status in
 * 重点任务清单 — accepted values are audited in 审核日志, a refused one is put back with a note.
 */
import { checkReviewValue } from '../../src/app/review-columns';
import { ADMIN } from '../support/campaign';
import { sheetRecords } from '../support/report-docs';
import { configuredFor, sampleCsv } from '../support/template-campaign';

const TASKS = '重点任务清单';

function keyTasksCampaign() {
  const campaign = configuredFor(
    'key-tasks',
    {
      settings: {
        campaignName: '测试活动',
        timeZone: 'Asia/Shanghai',
        'staffEmails.org': 'zzb@jggw.example.cn',
        'staffEmails.enterprise': 'qyb@jggw.example.cn',
        adminEmails: ADMIN,
      },
      units: sampleCsv('sheets-templates/sample-key-tasks/units.csv'),
    },
    '2018-11-01T10:00:00+08:00',
  );
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  return campaign;
}

describe('review columns of a listed subject (key tasks, dist/Code.js)', () => {
  test('a status typed in 重点任务清单 is audited with who, before and after; a second edit records the change', () => {
    const campaign = keyTasksCampaign();
    const header = campaign.values(TASKS)?.[0] ?? [];
    const status = header.indexOf('推进状态');
    expect(status).toBeGreaterThan(0);
    const cell = (row: number) => `${String.fromCharCode(65 + status)}${row}`;
    expect(campaign.edit(ADMIN, TASKS, cell(6), '推进中').accepted).toBe(true);
    expect(campaign.edit(ADMIN, TASKS, cell(6), '完成').accepted).toBe(true);
    const audit = sheetRecords(campaign, '审核日志');
    expect(audit.map((r) => [r['项目编号'], r['原值'], r['新值'], r['操作人']])).toEqual([
      ['RW-05', '', '推进中', ADMIN],
      ['RW-05', '推进中', '完成', ADMIN],
    ]);
  });

  test('a pasted block with a status the column does not know is refused by Sheets; the script never sees it', () => {
    const campaign = keyTasksCampaign();
    const header = campaign.values(TASKS)?.[0] ?? [];
    const status = header.indexOf('推进状态');
    const column = String.fromCharCode(65 + status);
    const pasted = campaign.pasteBlock(ADMIN, TASKS, `${column}2:${column}3`, [
      ['完成'],
      ['已完成'],
    ]);
    expect(pasted.accepted).toBe(false);
    expect(sheetRecords(campaign, '审核日志')).toEqual([]);
  });

  test('an edit outside the review columns (the task text) is not audited as a decision', () => {
    const campaign = keyTasksCampaign();
    expect(campaign.edit(ADMIN, TASKS, 'B2', '改写后的任务名称').accepted).toBe(true);
    expect(sheetRecords(campaign, '审核日志')).toEqual([]);
  });
});

describe('checkReviewValue: what a review cell may hold', () => {
  const grade = { key: 'grade', label: { zh: '评定等次', en: 'Grade' }, on: 'rating' };
  test('a choice among its values, a number within its bounds, text up to 5,000 characters', () => {
    const choice = { ...grade, type: 'choice' as const, choices: ['优秀', '合格', '不合格'] };
    expect(checkReviewValue(choice, ' 优秀 ')).toEqual({ ok: true, value: '优秀' });
    expect(checkReviewValue(choice, '良好')).toEqual({
      ok: false,
      problem: { key: 'badChoice', args: ['良好', '优秀、合格、不合格'] },
    });
    const score = { ...grade, key: 'score', type: 'number' as const, min: 0, max: 100 };
    expect(checkReviewValue(score, 92)).toEqual({ ok: true, value: 92 });
    expect(checkReviewValue(score, '150')).toMatchObject({ ok: false });
    expect(checkReviewValue(score, '')).toEqual({ ok: true, value: '' });
    const comment = { ...grade, key: 'comment', type: 'text' as const };
    expect(checkReviewValue(comment, 'x'.repeat(5001))).toMatchObject({ ok: false });
  });
});
