import { APPLICATION_FORM } from '../../sheets-templates/forms';
import { respondAs } from '../../src/offline/rehearsal/replay-forms';
import { SeededRandom } from '../../src/offline/emulator/core';
import { FormApp } from '../../src/offline/emulator/form-app';
import { LockService } from '../../src/offline/emulator/lock-service';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import type { CampaignHarness } from '../../src/offline/harness';
import { TOO_MANY_EXECUTIONS } from '../../src/offline/sandbox/concurrent';
import {
  ADMIN,
  applicationAnswers,
  configured,
  sampleScenario,
  type Latency,
} from '../support/campaign';

function activeCampaign(latency?: Latency) {
  const campaign = configured(sampleScenario(), '2014-05-20T08:00:00+08:00', { latency });
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  return campaign;
}

const MINUTE = 60 * 1000;

/**
 * What staff and respondents would check, per response the application form holds: how many
 * records it has (项目库 or 退回记录 rows with its response id) and how many receipts or rejections
 * its respondent got; and how many responses the catch-up took in.
 */
function tally(campaign: CampaignHarness) {
  const formId = PropertiesService._store(campaign.ws, 'script').getProperty('form.application.id');
  const responses = campaign.asPerson(ADMIN, () =>
    FormApp._form(campaign.ws, String(formId))!
      .getResponses()
      .map((r) => ({ id: r.getId(), email: r.getRespondentEmail() })),
  );
  const idsIn = (title: string) => {
    const values = campaign.values(title) ?? [];
    const at = (values[0] ?? []).indexOf('回复编号');
    return values.slice(1).map((r) => String(r[at] ?? ''));
  };
  const recorded = [...idsIn('项目库'), ...idsIn('退回记录')];
  const outbox = campaign.outbox();
  const perResponse = responses.map(({ id, email }) => ({
    records: recorded.filter((x) => x === id).length,
    answers: outbox.filter((m) => m.to.includes(email)).length,
  }));
  const records = campaign.ws.executions.flatMap((x) =>
    x.logs.map((l) => l.json as { event?: string; via?: string } | undefined),
  );
  return {
    responses: responses.length,
    recordedOnce: perResponse.filter((r) => r.records === 1).length,
    answeredOnce: perResponse.filter((r) => r.answers === 1).length,
    viaCatchUp: records.filter((r) => r?.event === 'submission' && r.via === 'catchUp').length,
  };
}

/** Every response has exactly one record and exactly one receipt or rejection. */
function expectEachOnce(campaign: CampaignHarness, responses: number) {
  const t = tally(campaign);
  expect({
    responses: t.responses,
    recordedOnce: t.recordedOnce,
    answeredOnce: t.answeredOnce,
  }).toEqual({ responses, recordedOnce: responses, answeredOnce: responses });
  return t;
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
    // Apps Script starts at most 30 executions of one user at once; the others never run.
    const refused = results.filter((r) => !r.ok);
    expect(new Set(refused.map((r) => r.error))).toEqual(new Set([TOO_MANY_EXECUTIONS]));
    expect(refused).toHaveLength(170);
    // The next daily run takes in, from the form's own responses, those no execution recorded.
    campaign.fireClockTriggers(Date.parse('2014-05-20T12:00:00+08:00'));
    const projects = (campaign.values('项目库') ?? []).slice(1).filter((r) => r[0] !== '');
    expect(projects).toHaveLength(200);
    expect(new Set(projects.map((r) => r[0])).size).toBe(200);
    const names = new Set(projects.map((r) => String(r[5])));
    expect(names).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `并发项目 ${i}`)));
    expect(tally(campaign).viaCatchUp).toBe(170);
  });

  test('30 simultaneous submissions at latencyScale 3: every response has exactly one record and one receipt, none twice', () => {
    const latency = { scale: 0 };
    const campaign = activeCampaign(latency);
    latency.scale = 3;
    const specs = Array.from(
      { length: 30 },
      (_, i) => respondAs(campaign, 'application', `r${i}@x.example`, valid(i)).runs[0],
    );
    const results = campaign.runTogether(specs, { seed: 2014 });
    const failed = results.filter((r) => !r.ok).length;
    // Whatever failed is taken in by a later submission's intake (up to 3) or the daily run.
    campaign.advanceTo(campaign.ws.now() + 11 * MINUTE);
    const later = respondAs(campaign, 'application', 'r30@x.example', valid(30)).runs[0];
    expect(campaign.run(later).ok).toBe(true);
    campaign.fireClockTriggers(Date.parse('2014-05-20T12:00:00+08:00'));
    // The lock is held only for the read-modify-write and waited for long enough: none of the 30
    // is lost to a lock timeout (with the whole intake under a 30 s wait, 17 of them were).
    expect(failed).toBe(0);
    const t = expectEachOnce(campaign, 31);
    expect(t.viaCatchUp).toBe(failed);
  });

  test('a burst of 300 submissions within one minute at latencyScale 3: the executions that could not start are taken in by the catch-up; every response has exactly one record and one receipt', () => {
    const latency = { scale: 0 };
    const campaign = activeCampaign(latency);
    latency.scale = 3;
    const start = campaign.ws.now();
    const results = campaign.runTogether([], {
      seed: 300,
      arrivals: Array.from({ length: 300 }, (_, i) => ({
        at: start + i * 200,
        start: () => respondAs(campaign, 'application', `r${i}@x.example`, valid(i)).runs,
      })),
    });
    const refused = results.filter((r) => r.error === TOO_MANY_EXECUTIONS).length;
    const failed = results.filter((r) => !r.ok).length;
    expect(refused).toBeGreaterThan(0);
    // The daily run, and the follow-up runs it leaves each time its catch-up has used 3 minutes.
    const daily = campaign.fireClockTriggers(Date.parse('2014-05-20T23:00:00+08:00'));
    expect(daily.every((r) => r.ok)).toBe(true);
    expect(daily.length).toBeGreaterThan(1);
    const t = expectEachOnce(campaign, 300);
    expect(t.viaCatchUp).toBe(failed);
  });

  test('a submission whose trigger execution failed (the lock was held past its wait) is recorded, answered and counted by the next daily run', () => {
    const campaign = activeCampaign();
    // Some other execution holds the script lock and never lets go in time.
    const holder = campaign.ws.startExecution('(another execution)', 'manual');
    campaign.ws.within(holder, () => new LockService(campaign.ws).getScriptLock().waitLock(1));
    const [spec] = respondAs(campaign, 'application', 'r0@x.example', valid(0)).runs;
    const run = campaign.run(spec);
    campaign.ws.endExecution(holder, undefined);
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/Lock timeout/);
    expect(tally(campaign).recordedOnce).toBe(0);
    const ticks = campaign.fireClockTriggers(Date.parse('2014-05-20T12:00:00+08:00'));
    expect(ticks.map((r) => r.execution.handler)).toContain('onDailyTick');
    const t = expectEachOnce(campaign, 1);
    expect(t.viaCatchUp).toBe(1);
    const catchUp = ticks
      .flatMap((r) => r.execution.logs.map((l) => l.json as { event?: string; taken?: number }))
      .find((r) => r?.event === 'catchUp' && r.taken);
    expect(catchUp).toMatchObject({ event: 'catchUp', form: 'application', taken: 1 });
  });

  test('a later submission takes in the responses whose executions never started (up to 3, once every 15 minutes); the next ones do not look again', () => {
    const campaign = activeCampaign();
    // Two respondents submit; their executions never start (as past the 30-execution cap).
    for (const i of [0, 1]) respondAs(campaign, 'application', `r${i}@x.example`, valid(i));
    campaign.advanceTo(campaign.ws.now() + 11 * MINUTE);
    const runs = [2, 3].map((i) =>
      campaign.run(respondAs(campaign, 'application', `r${i}@x.example`, valid(i)).runs[0]),
    );
    expect(runs.every((r) => r.ok)).toBe(true);
    const looks = runs.map((r) =>
      r.execution.logs
        .map((l) => l.json as { event?: string; taken?: number })
        .filter((j) => j?.event === 'catchUp'),
    );
    expect(looks[0]).toEqual([expect.objectContaining({ form: 'application', taken: 2 })]);
    // A minute later nobody looks: the common path costs one property read.
    expect(looks[1]).toEqual([]);
    const t = expectEachOnce(campaign, 4);
    expect(t.viaCatchUp).toBe(2);
  });

  test('an edited response whose trigger execution never ran is taken in by the next daily run as an update, with one receipt for the edit', () => {
    const campaign = activeCampaign();
    const first = respondAs(campaign, 'application', 'r0@x.example', valid(0));
    expect(campaign.run(first.runs[0]).ok).toBe(true);
    campaign.advanceTo(campaign.ws.now() + 5 * MINUTE);
    const props = PropertiesService._store(campaign.ws, 'script');
    const items = JSON.parse(String(props.getProperty('form.application.items'))) as Record<
      string,
      number
    >;
    // The respondent edits the project name through the edit link; its execution never starts.
    FormApp._edit(
      campaign.ws,
      String(props.getProperty('form.application.id')),
      first.submission.response.getId(),
      { answers: { [items.projectName]: '改名后的项目' } },
    );
    campaign.fireClockTriggers(Date.parse('2014-05-20T12:00:00+08:00'));
    const projects = campaign.values('项目库') ?? [];
    const nameAt = projects[0].indexOf('项目名称');
    expect(projects.slice(1).map((r) => r[nameAt])).toEqual(['改名后的项目']);
    const receipts = campaign.outbox().filter((m) => m.to.includes('r0@x.example'));
    expect(receipts).toHaveLength(2);
    expect(tally(campaign).viaCatchUp).toBe(1);
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
