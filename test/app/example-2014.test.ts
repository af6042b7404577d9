/**
 * The public example (sheets-templates/example-2014) rehearsed on dist/Code.js, checked against
 * its EXPECTED.md on the rehearsal's outputs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rehearse, type RehearsalSummary } from '../../src/offline/rehearsal/engine';
import { readScenario } from '../../src/offline/rehearsal/scenario';
import { bundlePath } from '../support/bundle';
import { exampleDir } from '../support/campaign';

import { readEml, type Eml } from '../support/eml';

const example = exampleDir();

const QUOTA_DAYS = ['2014-06-01', '2014-09-15', '2015-02-20'];
/** The quota view as it stood at the end of each of those days. */
const quotaViews: Record<string, string[]> = {};
/** Every row of the quota view on those days: rule and result. */
const quotaRules: Record<string, string[]> = {};

const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3600000).toISOString();

describe('example-2014 rehearsed end to end', () => {
  let out: string;
  let summary: RehearsalSummary;
  let mails: Eml[];
  const units: Record<string, string[]> = {};
  let responseSheet: unknown[][] = [];

  beforeAll(async () => {
    out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'example-')), 'out');
    const scenario = readScenario(example);
    summary = await rehearse({
      scenario,
      out,
      fromDay: '2014-05-19',
      toDay: '2015-03-01',
      bundlePath: bundlePath(),
      onDay: (day, harness) => {
        if (day === '2014-05-31') responseSheet = harness.values('表单回复 1') ?? [];
        if (!QUOTA_DAYS.includes(day)) return;
        const values = harness.values('配额检查') ?? [];
        const result = values[0]?.indexOf('结果') ?? -1;
        const rows = values.slice(1).filter((r) => r[0] !== '');
        // Every rule is listed, passed or not; the hand-computed truth is about the failures.
        quotaRules[day] = rows.map((r) => `${String(r[0])} | ${String(r[result])}`);
        quotaViews[day] = rows
          .filter((r) => r[result] === '未通过')
          .map((r) => r.slice(0, 5).map(String).join(' | '));
      },
    });
    const header = scenario.units.header;
    for (const row of scenario.units.rows)
      units[row[header.indexOf('unitId')]] = row[header.indexOf('email')].split(';');
    mails = fs
      .readdirSync(path.join(out, 'outbox'))
      .sort()
      .map((f) => readEml(path.join(out, 'outbox', f)));
    // A whole rehearsal (290 days, ~500 executions): about 40 s alone on 2 cores, longer when
    // the machine is shared.
  }, 240_000);

  const unitOf = (to: string[]) =>
    Object.keys(units).find((id) => units[id].some((e) => to.includes(e)));

  test('the response sheet holds what the form offers: 申报单位 is a unit name (the scenario says U01), as a browser submits it', () => {
    const at = responseSheet[0]?.indexOf('申报单位') ?? -1;
    expect(at).toBeGreaterThan(0);
    const given = responseSheet.slice(1).map((r) => String(r[at]));
    expect(given.length).toBeGreaterThan(5);
    expect(given).toContain('市发展和改革委员会机关党委');
    expect(given.filter((v) => /^U\d+$/.test(v))).toEqual([]);
  });

  test('every execution succeeded', () => {
    expect(summary.failures).toEqual([]);
  });

  test('reminders and overdue notices to units: exactly the days and units of EXPECTED.md, between 09:00 and 11:00, and no others', () => {
    const notices = mails.filter((m) => m.kind === 'reminder' || m.kind === 'overdue');
    const toUnits = notices.filter((m) => unitOf(m.to));
    const byDay = new Map<string, string[]>();
    for (const m of toUnits) {
      const key = `${shanghai(m.date).slice(0, 10)} ${m.kind}`;
      byDay.set(key, [...(byDay.get(key) ?? []), unitOf(m.to) as string].sort());
    }
    expect(Object.fromEntries([...byDay].sort())).toEqual({
      '2014-05-23 reminder': ['U03', 'U04', 'U05', 'U06', 'U07'],
      '2014-05-27 reminder': ['U03', 'U04', 'U05', 'U06', 'U07'],
      '2014-05-29 reminder': ['U04', 'U05', 'U06', 'U07'],
      '2014-05-31 overdue': ['U05'],
      '2014-06-03 overdue': ['U05'],
      '2014-06-06 overdue': ['U05'],
      '2014-07-24 reminder': ['U03', 'U06'],
      '2014-07-28 reminder': ['U03', 'U06'],
      '2014-07-30 reminder': ['U06'],
      '2014-08-01 overdue': ['U06'],
      '2014-08-04 overdue': ['U06'],
      '2014-08-07 overdue': ['U06'],
      '2014-12-17 reminder': ['U06'],
      '2014-12-24 reminder': ['U06'],
      '2014-12-30 reminder': ['U06'],
      '2015-01-01 overdue': ['U06'],
      '2015-01-08 overdue': ['U06'],
      '2015-01-15 overdue': ['U06'],
      '2015-02-08 reminder': ['U02', 'U03', 'U04', 'U06', 'U07'],
      '2015-02-12 reminder': ['U02', 'U03', 'U04', 'U06', 'U07'],
      '2015-02-14 reminder': ['U02', 'U03', 'U04', 'U06', 'U07'],
      '2015-02-16 overdue': ['U02', 'U04', 'U06', 'U07'],
      '2015-02-19 overdue': ['U04', 'U06', 'U07'],
      '2015-02-22 overdue': ['U04', 'U06', 'U07'],
    });
    for (const m of notices) {
      const hour = Number(shanghai(m.date).slice(11, 13));
      expect(hour >= 9 && hour < 11).toBe(true);
    }
    // Every roster address of the unit receives it (U02 has two).
    const u02 = toUnits.find((m) => unitOf(m.to) === 'U02')!;
    expect(u02.to.sort()).toEqual(['dw@jyj.example', 'zzk@jyj.example']);
    // U08 (inactive) never receives anything.
    expect(mails.filter((m) => m.to.includes('dw@daj.example'))).toEqual([]);
  });

  test('U06 gets one email on a day it owes two projects, listing both, with pre-filled form links', () => {
    const m = mails.find(
      (x) =>
        x.kind === 'overdue' && shanghai(x.date).startsWith('2015-02-16') && unitOf(x.to) === 'U06',
    )!;
    expect(m.subject).toContain('2 项材料');
    expect(m.text).toContain('SJXM-2014-005');
    expect(m.text).toContain('SJXM-2014-006');
    expect(m.text).toMatch(
      /https:\/\/docs\.google\.com\/forms\/d\/e\/[^\s]+usp=pp_url&entry\.\d+=SJXM-2014-00[56]/,
    );
  });

  test('screening: three key projects, the 4th refused and reverted with a visible note, then filed; one decision email per unit per day', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'workbook.xlsx'));
    const sheet = workbook.getWorksheet('项目库')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (label: string) => header.indexOf(label);
    const rows: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      rows.push({
        unit: String(v[col('单位编号')]),
        name: String(v[col('项目名称')]),
        status: String(v[col('审核状态')]),
        note: String(row.getCell(col('审核状态')).note ?? ''),
      });
    });
    expect(
      rows
        .filter((r) => r.status === '重点项目')
        .map((r) => r.unit)
        .sort(),
    ).toEqual(['U01', 'U03', 'U06']);
    expect(rows.find((r) => r.name === '“红色引擎”党建带群建')?.status).toBe('重点项目');
    const u07 = rows.find((r) => r.unit === 'U07')!;
    expect(u07.status).toBe('备案');
    const log = fs
      .readFileSync(path.join(out, 'run-log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const refused = log.flatMap((l: { at: string; log: Record<string, unknown>[] }) =>
      l.log.filter((r) => r.event === 'editRefused').map((r) => ({ at: l.at, ...r })),
    );
    expect(refused).toEqual([
      expect.objectContaining({
        rule: 'keyProjectQuota',
        projectId: 'SJXM-2014-007',
        key: 'status',
      }),
    ]);
    expect(u07.note).toContain('重点项目已满 3 个');
    const decisions = mails
      .filter((m) => m.kind === 'decision')
      .map((m) => `${shanghai(m.date).slice(0, 10)} ${unitOf(m.to)}`);
    expect(decisions.sort()).toEqual([
      '2014-06-21 U01',
      '2014-06-21 U03',
      '2014-06-21 U06',
      '2014-06-21 U07',
      '2014-06-22 U02',
    ]);
    const u07mail = mails.find((m) => m.kind === 'decision' && unitOf(m.to) === 'U07')!;
    expect(u07mail.text).toContain('备案');
    expect(u07mail.text).toContain('请按备案项目自主实施。');
    expect(u07mail.text).not.toContain('重点项目');
  });

  test("staff: each department is reminded on 06-27 of its own units' projects pending review; digests keep listing U05 and flag U03's ledger cadence from September", () => {
    const staff = mails.filter((m) => m.kind === 'reminder' && !unitOf(m.to));
    expect(staff.map((m) => `${shanghai(m.date).slice(0, 10)} ${m.to.join(',')}`).sort()).toEqual([
      '2014-06-27 qygzb@jggw.example',
      '2014-06-27 zzb@jggw.example',
    ]);
    const org = staff.find((m) => m.to.includes('zzb@jggw.example'))!;
    expect(org.text).toContain('市气象局机关党委：气象为民服务站（SJXM-2014-004）');
    expect(org.text).not.toContain('SJXM-2014-005');
    const enterprise = staff.find((m) => m.to.includes('qygzb@jggw.example'))!;
    expect(enterprise.text).toContain('SJXM-2014-005');
    const digests = mails.filter((m) => m.kind === 'digest' && m.to.includes('zzb@jggw.example'));
    const late = digests.filter((m) => shanghai(m.date) > '2014-06-01');
    expect(late.length).toBeGreaterThan(100);
    expect(late.every((m) => m.text.includes('市统计局机关党委'))).toBe(true);
    const september = digests.find((m) => shanghai(m.date).startsWith('2014-09-10'))!;
    expect(september.text).toMatch(
      /重点项目台账间隔：市卫生和计划生育委员会机关党委 · SJXM-2014-003/,
    );
  });

  /** The script's structured records of one kind, with the day and time they were written. */
  const records = (event: string): (Record<string, unknown> & { day: string; time: string })[] =>
    (
      fs
        .readFileSync(path.join(out, 'run-log.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)) as {
        at: string;
        log: Record<string, unknown>[];
      }[]
    ).flatMap((line) =>
      line.log
        .filter((r) => r.event === event)
        .map((r) => ({ day: line.at.slice(0, 10), time: line.at.slice(11, 16), ...r })),
    );

  describe('the application stage', () => {
    /** Records of the application stage (up to 06-01). */
    const applicationStage = (event: string) => records(event).filter((r) => r.day <= '2014-06-01');

    test('receipts with a project id: U01 05-21, U02 05-22 (to the submitting roster address), U03 05-28, U06 twice 05-29, U07 05-30 23:50 on time', () => {
      const receipts = applicationStage('mail').filter((r) => r.kind === 'receipt');
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
      const u07 = applicationStage('submission').find((r) => r.unitId === 'U07')!;
      expect(u07.time).toBe('23:50');
      // Submitted at 23:50 on the deadline day: on time, so no receipt mentions lateness.
      const applicationReceipts = mails.filter(
        (m) => m.kind === 'receipt' && shanghai(m.date) < '2014-06-01',
      );
      expect(applicationReceipts).toHaveLength(8);
      expect(applicationReceipts.some((m) => m.text.includes('逾期'))).toBe(false);
    });

    test("U01's edit on 05-26 updates the same project (same id, new measures): no second project", () => {
      const u01 = applicationStage('submission').filter((r) => r.unitId === 'U01');
      expect(u01.map((r) => r.status)).toEqual(['accepted', 'updated']);
      expect(new Set(u01.map((r) => r.projectId)).size).toBe(1);
    });

    test("U03's submission of 05-24 lacks the rectification measure: rejected, with an email naming the missing field", () => {
      const rejected = applicationStage('submission').find((r) => r.status === 'rejected')!;
      expect(rejected).toMatchObject({
        day: '2014-05-24',
        unitId: 'U03',
        errors: ['rectification:required'],
      });
      expect(
        applicationStage('mail')
          .filter((r) => r.kind === 'rejection')
          .map((r) => r.day),
      ).toEqual(['2014-05-24']);
    });

    test("U04's submission from an address not on its roster is stored as unverified", () => {
      expect(applicationStage('submission').find((r) => r.unitId === 'U04')).toMatchObject({
        status: 'unverified',
      });
    });

    test("U06's formula-named project is stored as plain text; no cell anywhere holds a formula made from input", async () => {
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
  });

  describe('reports', () => {
    /** The paragraphs of a report .docx, as text. */
    async function reportText(fragment: string): Promise<string[]> {
      const dir = path.join(out, 'reports');
      const file = fs.readdirSync(dir).find((f) => f.includes(fragment));
      if (!file)
        throw new Error(`no report matching ${fragment}: ${fs.readdirSync(dir).join(', ')}`);
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, file)));
      const xml = await zip.file('word/document.xml')!.async('string');
      return xml
        .split('</w:p>')
        .map((p) =>
          (p.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''),
        )
        .filter(Boolean);
    }
    /** A sheet of workbook.xlsx as records keyed by header label. */
    async function sheetRows(name: string): Promise<Record<string, unknown>[]> {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(out, 'workbook.xlsx'));
      const sheet = workbook.getWorksheet(name)!;
      // exceljs rows are sparse arrays starting at index 1.
      const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
      const rows: Record<string, unknown>[] = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const values = row.values as unknown[];
        rows.push(
          Object.fromEntries(header.map((h, i) => [h, values[i]] as const).filter(([h]) => h)),
        );
      });
      return rows.filter((r) =>
        Object.values(r).some((v) => v !== undefined && v !== null && v !== ''),
      );
    }

    test('a summary report per stage and the final acceptance report, each as .docx', () => {
      const names = fs.readdirSync(path.join(out, 'reports'));
      for (const stage of ['申报阶段', '筛选阶段', '实施方案备案', '实施阶段', '总结阶段']) {
        expect(names.some((n) => n.includes(`${stage}总结报告`))).toBe(true);
      }
      expect(names.some((n) => n.includes('验收总结报告（'))).toBe(true);
    });

    test("the application-stage report's numbers equal what workbook.xlsx says", async () => {
      const text = (await reportText('申报阶段总结报告')).join('\n');
      const units = await sheetRows('单位名册');
      const projects = await sheetRows('项目库');
      const active = units.filter((u) => u['是否参与'] !== false);
      // Excel has no time zones: the workbook holds Asia/Shanghai wall-clock times, read as UTC.
      const submittedBy = new Date('2014-05-31T00:00:00Z');
      const submitted = new Set(
        projects.filter((p) => (p['首次提交时间'] as Date) < submittedBy).map((p) => p['单位编号']),
      );
      expect(text).toContain(
        `应报单位 ${active.length} 个，已报 ${submitted.size} 个（其中逾期报送 0 个），未报 ${active.length - submitted.size} 个`,
      );
      expect(text).toContain(`已受理项目 ${projects.length} 个`);
      const lines = text.split('\n');
      for (const type of ['创新探索型', '典型示范型', '制度推广型']) {
        const count = projects.filter((p) => p['项目类型'] === type).length;
        expect(lines[lines.indexOf(type) + 1]).toBe(String(count));
      }
      for (const theme of ['服务改革', '服务发展', '服务民生', '服务群众', '服务党员']) {
        const count = projects.filter((p) =>
          String(p['服务主题']).split('、').includes(theme),
        ).length;
        expect(lines[lines.indexOf(theme) + 1]).toBe(String(count));
      }
    });

    test("the screening report's key projects and funding equal what workbook.xlsx says", async () => {
      const text = (await reportText('筛选阶段总结报告')).join('\n');
      const projects = await sheetRows('项目库');
      const key = projects.filter((p) => p['审核状态'] === '重点项目');
      const sum = (label: string) => key.reduce((n, p) => n + Number(p[label] ?? 0), 0);
      expect(text).toContain(
        `重点项目 ${key.length} 个（名额 3 个），申请经费合计 ${sum('经费需求（万元）')} 万元，已下拨专项经费合计 ${sum('专项经费（万元）')} 万元。`,
      );
      for (const p of key) expect(text).toContain(String(p['项目编号']));
    });
  });

  describe('the quota view equals a hand-computed truth on three dates', () => {
    test('lists every domain rule and both Apps Script checks, each passed or failed', () => {
      expect(quotaRules['2014-06-01']).toEqual([
        '每单位至少申报项目数 | 未通过',
        '重点项目名额 | 通过',
        '须含整顿软弱涣散措施 | 通过',
        '重点项目须报实施方案 | 通过',
        '重点项目台账间隔 | 通过',
        '所有项目须报自查总结 | 通过',
        'Apps Script 配额 | 通过',
        'Apps Script 配额 | 通过',
      ]);
    });

    test('2014-06-01: U05 has no project after the application deadline', async () => {
      expect(quotaViews['2014-06-01']).toEqual([
        '每单位至少申报项目数 | 市统计局机关党委 | 0 | 1 | 2014-05-31',
      ]);
    });

    test('2014-09-15: U05 still; U06 key project without a plan; U03 and U06 behind on their ledger', async () => {
      expect(quotaViews['2014-09-15']).toEqual([
        '每单位至少申报项目数 | 市统计局机关党委 | 0 | 1 | 2014-05-31',
        '重点项目须报实施方案 | 南方能源集团深圳公司党委 · SJXM-2014-006 |  |  | 2014-08-01',
        '重点项目台账间隔 | 市卫生和计划生育委员会机关党委 · SJXM-2014-003 | 41 | 30 | 2014-09-05',
        '重点项目台账间隔 | 南方能源集团深圳公司党委 · SJXM-2014-006 | 76 | 30 | 2014-08-01',
      ]);
    });

    // U02's self-assessment came late (02-17): it meets the obligation late (domain.md), so it is
    // reported as late, not as missing.
    test('2015-02-20: after the summary deadline, projects still without a self-assessment are flagged', async () => {
      expect(quotaViews['2015-02-20']).toEqual([
        '每单位至少申报项目数 | 市统计局机关党委 | 0 | 1 | 2014-05-31',
        '重点项目须报实施方案 | 南方能源集团深圳公司党委 · SJXM-2014-006 |  |  | 2014-08-01',
        '所有项目须报自查总结 | 市气象局机关党委 · SJXM-2014-004 |  |  | 2015-02-16',
        '所有项目须报自查总结 | 南方能源集团深圳公司党委 · SJXM-2014-005 |  |  | 2015-02-16',
        '所有项目须报自查总结 | 南方能源集团深圳公司党委 · SJXM-2014-006 |  |  | 2015-02-16',
        '所有项目须报自查总结 | 北江省人民政府驻深圳办事处党委 · SJXM-2014-007 |  |  | 2015-02-16',
      ]);
    });
  });
});
