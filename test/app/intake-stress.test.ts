import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FormApp } from '../../src/offline/emulator/form-app';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import { SeededRandom } from '../../src/offline/emulator/core';
import { rehearse } from '../../src/offline/rehearsal/engine';
import { readScenario } from '../../src/offline/rehearsal/scenario';
import { ADMIN, configured, sampleScenario, sharedExampleDir } from '../support/campaign';
import { bundlePath } from '../support/bundle';

function activeCampaign() {
  const campaign = configured(sampleScenario(), '2014-05-20T08:00:00+08:00');
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  const props = PropertiesService._store(campaign.ws, 'script');
  const formId = String(props.getProperty('form.application.id'));
  const items = JSON.parse(String(props.getProperty('form.application.items'))) as Record<
    string,
    number
  >;
  const trigger = campaign
    .triggers()
    .find((t) => t.sourceId === formId && t.handler === 'onFormSubmit')!;
  return { campaign, formId, items, trigger };
}

const byItem = (items: Record<string, number>, answers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(answers)
      .filter(([k]) => k in items)
      .map(([k, v]) => [items[k], v]),
  );

// The sample roster's active units (U19 and U31 are inactive there).
const ACTIVE = Array.from({ length: 34 }, (_, i) => `U${String(i + 1).padStart(2, '0')}`).filter(
  (id) => id !== 'U19' && id !== 'U31',
);

const valid = (i: number) => ({
  unitId: ACTIVE[i % ACTIVE.length],
  projectName: `并发项目 ${i}`,
  projectType: '典型示范型',
  themes: ['服务民生'],
  rectification: '分类定级，整顿软弱涣散支部。',
  leader: '书记',
  leaderTitle: '书记',
  goals: '目标',
  measures: '措施',
  dueDate: '2014-12-01',
  contactName: '联系人',
  contactPhone: '0755-82100000',
  contactEmail: 'x@y.example',
  budget: '3',
});

describe('intake under load (dist/Code.js in the emulator)', () => {
  test('200 submissions arriving as simultaneous executions: exactly 200 projects, none overwritten, 200 distinct ids', () => {
    const { campaign, formId, items, trigger } = activeCampaign();
    const specs = Array.from({ length: 200 }, (_, i) => {
      const { response, form } = FormApp._respond(campaign.ws, formId, {
        email: 'someone@x.example',
        answers: byItem(items, valid(i)),
      });
      return {
        handler: 'onFormSubmit',
        trigger: 'form' as const,
        effectiveUser: trigger.owner,
        event: { authMode: 'FULL', source: form, response, triggerUid: trigger.id },
      };
    });
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
    let { campaign, formId, items, trigger } = activeCampaign();
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
        const key = pick(Object.keys(items));
        out[key] =
          random.next() < 0.15 ? pick([null, [], ['不存在的主题'], 42, -1, 3.5]) : pick(hostile);
      }
      if (random.next() < 0.1) out.unitId = pick(['U99', '不存在的单位', 'U19', '']);
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
        ({ campaign, formId, items, trigger } = activeCampaign());
      }
      const answers = mutate(valid(i));
      const { response, form } = FormApp._respond(campaign.ws, formId, {
        email: pick(['dw@fgw.example', 'evil@x.example', '<b>@x']),
        answers: byItem(items, answers),
      });
      const run = campaign.run({
        handler: 'onFormSubmit',
        trigger: 'form',
        effectiveUser: trigger.owner,
        event: { authMode: 'FULL', source: form, response, triggerUid: trigger.id },
      });
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

const example = sharedExampleDir();
const maybe = example ? describe : describe.skip;

maybe(
  'rehearsing ../shared/scenarios/example-2014: the application stage as EXPECTED.md says (uses ../shared; skipped when absent)',
  () => {
    let out: string;
    let log: { at: string; log: Record<string, unknown>[] }[];
    let outbox: string[];
    beforeAll(async () => {
      out = fs.mkdtempSync(path.join(os.tmpdir(), 'example-'));
      fs.rmSync(out, { recursive: true });
      await rehearse({
        scenario: readScenario(example!),
        out,
        fromDay: '2014-05-19',
        toDay: '2014-06-01',
        bundlePath: bundlePath(),
      });
      log = fs
        .readFileSync(path.join(out, 'run-log.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      outbox = fs
        .readdirSync(path.join(out, 'outbox'))
        .sort()
        .map((f) => fs.readFileSync(path.join(out, 'outbox', f), 'utf8'));
    });
    const records = (event: string): (Record<string, unknown> & { day: string; time: string })[] =>
      log.flatMap((line) =>
        line.log
          .filter((r) => r.event === event)
          .map((r) => ({ day: line.at.slice(0, 10), time: line.at.slice(11, 16), ...r })),
      );

    test('receipts with a project id: U01 05-21, U02 05-22 (to the submitting roster address), U03 05-28, U06 twice 05-29, U07 05-30 23:50 on time', () => {
      const receipts = records('mail').filter((r) => r.kind === 'receipt');
      expect(receipts.map((r) => `${r.day} ${r.unitId} ${(r.to as string[]).join(',')}`)).toEqual([
        '2014-05-21 U01 dw@fgw.example',
        '2014-05-22 U02 zzk@jyj.example',
        '2014-05-26 U01 dw@fgw.example',
        '2014-05-28 U03 dw@wjw.example',
        '2014-05-29 U04 someone@gmail.example',
        '2014-05-29 U06 dangwei@nfny.example',
        '2014-05-29 U06 dangwei@nfny.example',
        '2014-05-30 U07 dw@bjbsc.example',
      ]);
      expect(receipts.every((r) => /^SJXM-2014-\d{3}$/.test(String(r.projectId)))).toBe(true);
      const u07 = records('submission').find((r) => r.unitId === 'U07')!;
      expect(u07.time).toBe('23:50');
      expect(outbox.some((m) => m.includes('逾期'))).toBe(false);
    });

    test("U01's edit on 05-26 updates the same project (same id, new measures): no second project", () => {
      const u01 = records('submission').filter((r) => r.unitId === 'U01');
      expect(u01.map((r) => r.status)).toEqual(['accepted', 'updated']);
      expect(new Set(u01.map((r) => r.projectId)).size).toBe(1);
    });

    test("U03's submission of 05-24 lacks the rectification measure: rejected, with an email naming the missing field", () => {
      const rejected = records('submission').find((r) => r.status === 'rejected')!;
      expect(rejected).toMatchObject({
        day: '2014-05-24',
        unitId: 'U03',
        errors: ['rectification:required'],
      });
      expect(
        records('mail')
          .filter((r) => r.kind === 'rejection')
          .map((r) => r.day),
      ).toEqual(['2014-05-24']);
    });

    test("U04's submission from an address not on its roster is stored as unverified", () => {
      expect(records('submission').find((r) => r.unitId === 'U04')).toMatchObject({
        status: 'unverified',
      });
    });

    test("U06's formula-named project is stored as plain text; no cell anywhere holds a formula made from input", async () => {
      const ExcelJS = (await import('exceljs')).default;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(out, 'workbook.xlsx'));
      const found: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula)
              found.push(`${sheet.name}!${cell.address}`);
          }),
        ),
      );
      expect(found).toEqual([]);
      const projects = workbook.getWorksheet('项目库')!;
      const names: string[] = [];
      projects.eachRow((row) => names.push(String(row.getCell(6).value)));
      expect(names).toContain('=HYPERLINK("http://evil.example","点我")');
    });
  },
);
