import { APPLICATION_FORM } from '../../sheets-templates/forms';
import { respondAs } from '../../src/offline/rehearsal/replay-forms';
import { SeededRandom } from '../../src/offline/emulator/core';
import { ADMIN, applicationAnswers, configured, sampleScenario } from '../support/campaign';

function activeCampaign() {
  const campaign = configured(sampleScenario(), '2014-05-20T08:00:00+08:00');
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  return campaign;
}

/** The application form's field keys (what a respondent can answer). */
const FIELDS = APPLICATION_FORM.fields.map((f) => f.key);
/**
 * Dropdown, multiple-choice and checkbox questions: a browser can only send one of the offered
 * choices or leave them empty (the emulator refuses anything else, as Google Forms would).
 */
const PICKED = new Set(
  APPLICATION_FORM.fields
    .filter((f) => f.kind === 'unit' || f.kind === 'choice' || f.kind === 'checkbox')
    .map((f) => f.key),
);

// The sample roster's active units (U19 and U31 are inactive there).
const ACTIVE = Array.from({ length: 34 }, (_, i) => `U${String(i + 1).padStart(2, '0')}`).filter(
  (id) => id !== 'U19' && id !== 'U31',
);

const valid = (i: number) => applicationAnswers(ACTIVE[i % ACTIVE.length], `并发项目 ${i}`);

describe('intake under load (dist/Code.js in the emulator)', () => {
  test('200 submissions arriving as simultaneous executions: exactly 200 projects, none overwritten, 200 distinct ids', () => {
    const campaign = activeCampaign();
    const specs = Array.from(
      { length: 200 },
      (_, i) => respondAs(campaign, 'application', 'someone@x.example', valid(i)).runs[0],
    );
    const results = campaign.runTogether(specs, { seed: 2014 });
    expect(results.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
    const projects = (campaign.values('项目库') ?? []).slice(1).filter((r) => r[0] !== '');
    expect(projects).toHaveLength(200);
    expect(new Set(projects.map((r) => r[0])).size).toBe(200);
    const names = new Set(projects.map((r) => String(r[5])));
    expect(names).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `并发项目 ${i}`)));
  });

  test('1,000 generated malformed or hostile answer sets: no execution fails, each ends accepted or rejected with reasons, no formula anywhere', () => {
    jest.setTimeout(180000);
    let campaign = activeCampaign();
    const random = new SeededRandom(99);
    const pick = <T>(list: T[]) => list[random.int(0, list.length)];
    const hostile = [
      '=HYPERLINK("http://evil.example","x")',
      '+SUM(1,2)',
      '-2+3',
      '@cmd',
      "'quoted",
      '<img src=x onerror=alert(1)>',
      '"; DROP TABLE x; --',
      '\u0000\u202e',
      '１２３',
      '2014-13-45',
      'TRUE',
      '0012345',
      '1e309',
      'NaN',
      '   ',
      '长'.repeat(49000),
      'x'.repeat(61),
      '',
      '💥'.repeat(10),
    ];
    const mutate = (answers: Record<string, unknown>) => {
      const out: Record<string, unknown> = { ...answers };
      const n = random.int(1, 4);
      for (let k = 0; k < n; k++) {
        const key = pick(FIELDS);
        if (PICKED.has(key)) out[key] = pick([null, '']);
        else out[key] = random.next() < 0.15 ? pick([null, [], 42, -1, 3.5]) : pick(hostile);
      }
      // Left unanswered: the only malformed unit answer a browser can send.
      if (random.next() < 0.1) out.unitId = '';
      return out;
    };
    const statuses: Record<string, number> = {};
    const snapshots = [];
    let rejections = 0;
    for (let i = 0; i < 1000; i++) {
      // Four campaigns of 250 responses: the property holds per response, and sheets stay small.
      if (i > 0 && i % 250 === 0) {
        snapshots.push(campaign.spreadsheet._snapshot());
        rejections += (campaign.values('退回记录') ?? []).length - 1;
        campaign = activeCampaign();
      }
      const answers = mutate(valid(i));
      const email = pick(['dw@fgw.example', 'evil@x.example', '<b>@x']);
      const [spec] = respondAs(campaign, 'application', email, answers).runs;
      const run = campaign.run(spec);
      expect(run.ok ? '' : run.error).toBe('');
      const records = run.execution.logs.map(
        (l) => l.json as { event?: string; status?: string; errors?: string[] },
      );
      const submission = records.find((r) => r?.event === 'submission');
      expect(['accepted', 'unverified', 'rejected']).toContain(submission?.status);
      if (submission?.status === 'rejected') expect(submission.errors?.length).toBeGreaterThan(0);
      statuses[submission!.status!] = (statuses[submission!.status!] ?? 0) + 1;
    }
    expect(statuses.rejected).toBeGreaterThan(100);
    expect((statuses.accepted ?? 0) + (statuses.unverified ?? 0)).toBeGreaterThan(100);
    snapshots.push(campaign.spreadsheet._snapshot());
    rejections += (campaign.values('退回记录') ?? []).length - 1;
    for (const sheet of snapshots.flatMap((s) => s.sheets)) {
      expect({
        sheet: sheet.name,
        formulas: sheet.formulas.flat().filter((f) => f !== ''),
      }).toEqual({ sheet: sheet.name, formulas: [] });
      const longest = sheet.cells
        .flat()
        .reduce<number>((n, c) => Math.max(n, typeof c === 'string' ? c.length : 0), 0);
      expect(longest).toBeLessThanOrEqual(50000);
    }
    expect(rejections).toBe(statuses.rejected);
    // Over-long text is whole in Google's response sheet and visibly shortened in derived sheets.
    const derived = snapshots
      .flatMap((s) => s.sheets.filter((x) => x.name === '项目库'))
      .flatMap((x) => x.cells.flat());
    const long = derived.find((c) => typeof c === 'string' && c.startsWith('长长长'));
    if (long) expect(String(long)).toMatch(/……（全文 49000 字，见表单回复工作表）$/);
  });
});
