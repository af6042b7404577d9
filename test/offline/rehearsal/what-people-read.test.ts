/**
 * The bundled sample rehearsed in both languages and read as a person reads it: the cells of
 * workbook.xlsx (what LibreOffice or Sheets shows), the console lines, the outbox. Keys, ids and
 * JSON belong to the columns a machine reads (listed below), never to the rest.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { rehearse, type RehearsalSummary } from '../../../src/offline/rehearsal/engine';
import { readScenario, type Scenario } from '../../../src/offline/rehearsal/scenario';
import { bundlePath } from '../../support/bundle';
import { readEml } from '../../support/eml';

const SAMPLE = path.resolve(__dirname, '../../../sheets-templates/sample-campaign');

/** Columns a machine reads (dedupe keys, the queued email's HTML, Google's ids and links). */
const MACHINE_COLUMNS = new Set([
  '去重键',
  'Key',
  '所属回复',
  'Response',
  'HTML 正文',
  'HTML body',
  '回复编号',
  'Response ID',
  '修改链接',
  'Edit link',
  // The stage ids the administrator chose in 阶段设置 (a stage may well be called `plan`).
  '阶段',
  'Stage',
  '阶段编号',
  'Stage ID',
]);

/** Stored keys that must never reach a cell a person reads. */
const RAW_KEYS = new Set([
  // forms and audiences (阶段设置)
  'application',
  'plan',
  'ledger',
  'selfAssessment',
  'allUnits',
  'unitsWithProjects',
  'keyProjects',
  'allProjects',
  'staff',
  // mail kinds and states
  'receipt',
  'rejection',
  'reminder',
  'overdue',
  'digest',
  'decision',
  'report',
  'dossier',
  'sent',
  'deferred',
  'failed',
  'queued',
  'superseded',
  // review fields (审核日志「字段」)
  'status',
  'score',
  'comment',
  'fundingGranted',
  'acceptanceScore',
  'acceptanceResult',
  'verified',
]);

/** Every column that holds an instant (its hour matters), by header in either language. */
const DATE_TIME_HEADERS = new Set([
  '首次提交时间',
  '最近更新时间',
  '审核时间',
  '提交时间',
  '时间',
  '检查时间',
  'First submitted',
  'Last updated',
  'Reviewed at',
  'Submitted',
  'At',
  'Checked at',
]);

interface Rehearsed {
  summary: RehearsalSummary;
  workbook: ExcelJS.Workbook;
  lines: string[];
  runLog: { handler: string; log: { event?: string; kind?: string }[] }[];
}

async function rehearseIn(locale: 'zh-CN' | 'en', verbose = false): Promise<Rehearsed> {
  const scenario: Scenario = readScenario(SAMPLE);
  scenario.settings = scenario.settings.map((s) =>
    s.key === 'locale' ? { ...s, value: locale } : s,
  );
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `people-${locale}-`)), 'out');
  const lines: string[] = [];
  const summary = await rehearse({
    scenario,
    out,
    fromDay: '2014-05-19',
    toDay: '2015-03-01',
    bundlePath: bundlePath(),
    print: (line) => lines.push(line),
    verbose,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(summary.outputs.workbook);
  const runLog = fs
    .readFileSync(summary.outputs.runLog, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Rehearsed['runLog'][number]);
  return { summary, workbook, lines, runLog };
}

/** Every cell a person reads: sheet, header, text as shown. Google's response sheets excluded. */
function readCells(workbook: ExcelJS.Workbook) {
  const cells: { sheet: string; header: string; text: string; cell: ExcelJS.Cell }[] = [];
  for (const sheet of workbook.worksheets) {
    if (/^(表单回复|Form responses) \d+$/.test(sheet.name)) continue;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell, column) => {
        const name = header[column] ?? '';
        if (MACHINE_COLUMNS.has(name)) return;
        cells.push({ sheet: sheet.name, header: name, text: String(cell.text ?? ''), cell });
      });
    });
  }
  return cells;
}

const runs: Partial<Record<'zh-CN' | 'en', Rehearsed>> = {};
beforeAll(async () => {
  runs['zh-CN'] = await rehearseIn('zh-CN');
  runs.en = await rehearseIn('en');
}, 600_000);

describe.each(['zh-CN', 'en'] as const)(
  'the sample rehearsed in %s, read as a person',
  (locale) => {
    const run = () => runs[locale]!;

    test('no cell outside the machine columns holds a raw key, a bare unit id as a recipient, a dept: key or JSON', () => {
      const offending = readCells(run().workbook)
        .filter(
          ({ header, text }) =>
            RAW_KEYS.has(text.trim()) ||
            text.includes('dept:') ||
            /^\s*[{[]"/.test(text) ||
            (['收件单位/部门', 'Recipient'].includes(header) && /^U\d+$/.test(text)),
        )
        .map(({ sheet, header, text }) => `${sheet}「${header}」${text}`);
      expect(offending).toEqual([]);
    });

    test('阶段设置 / Stages dropdowns offer labels, and the campaign still ran on them', () => {
      const stages = run().workbook.getWorksheet(locale === 'en' ? 'Stages' : '阶段设置')!;
      const header = (stages.getRow(1).values as ExcelJS.CellValue[]).map(String);
      const form = header.indexOf(locale === 'en' ? 'Form' : '对应表单');
      const audience = header.indexOf(locale === 'en' ? 'Audience' : '适用对象');
      const validation = stages.getRow(2).getCell(form).dataValidation;
      expect(validation.formulae?.join(',')).toContain(locale === 'en' ? 'Application' : '申报表');
      expect(stages.getRow(2).getCell(audience).text).toBe(
        locale === 'en' ? 'All units' : '全部参与单位',
      );
      expect(run().summary.activated).toBe(true);
    });

    test('every date-time column shows its hour and minute; date columns their day', () => {
      const cells = readCells(run().workbook).filter(({ cell }) => cell.value instanceof Date);
      const timed = cells.filter(({ header }) => DATE_TIME_HEADERS.has(header));
      expect(timed.length).toBeGreaterThan(500);
      expect(timed.filter(({ cell }) => cell.numFmt !== 'yyyy-mm-dd hh:mm')).toEqual([]);
      // 运行状况 and 配额检查 hold real instants now, not text.
      for (const sheet of locale === 'en' ? ['Health', 'Quota checks'] : ['运行状况', '配额检查']) {
        expect(timed.some((c) => c.sheet === sheet)).toBe(true);
      }
    });

    test('setup leaves no empty Sheet1; plans and ledger show the project name once', () => {
      const names = run().workbook.worksheets.map((s) => s.name);
      expect(names).not.toContain('Sheet1');
      for (const title of locale === 'en' ? ['Plans', 'Ledger'] : ['实施方案', '工作台账']) {
        const header = (run().workbook.getWorksheet(title)!.getRow(1).values as string[]).slice(1);
        expect(
          header.filter((h) => h === (locale === 'en' ? 'Project name' : '项目名称')),
        ).toHaveLength(1);
        expect(header).not.toContain(locale === 'en' ? 'Project' : '项目');
      }
    });

    test('退回记录 shows the answers as "question: answer" lines', () => {
      const sheet = run().workbook.getWorksheet(locale === 'en' ? 'Rejections' : '退回记录')!;
      const header = (sheet.getRow(1).values as string[]).map(String);
      const answers = sheet
        .getRow(2)
        .getCell(header.indexOf(locale === 'en' ? 'Answers as given' : '原始填报内容')).text;
      expect(answers.split('\n')).toContain(
        locale === 'en' ? 'Project name: “阳光财政”党员示范岗' : '项目名称：“阳光财政”党员示范岗',
      );
    });

    test('配额检查 lists every rule and the Apps Script checks, each with its result', () => {
      const sheet = run().workbook.getWorksheet(locale === 'en' ? 'Quota checks' : '配额检查')!;
      const rules = new Set<string>();
      const results = new Set<string>();
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        rules.add(row.getCell(1).text);
        results.add(row.getCell(6).text);
      });
      expect(rules.size).toBe(7); // six domain rules + Apps Script
      expect([...results].sort()).toEqual(
        locale === 'en' ? ['Failed', 'Passed'] : ['未通过', '通过'],
      );
    });

    test('no staff digest repeats the previous one to the same department, even with the dates taken out', () => {
      const dir = run().summary.outputs.outbox;
      const digests = fs
        .readdirSync(dir)
        .sort()
        .map((f) => readEml(path.join(dir, f)))
        .filter((e) => e.kind === 'digest');
      expect(digests.length).toBeGreaterThan(100);
      const last = new Map<string, string>();
      const repeats: string[] = [];
      for (const d of digests) {
        const to = d.to.join(',');
        const text = d.text.replace(/\d{4}-\d{2}-\d{2}/g, '');
        if (last.get(to) === text) repeats.push(`${d.file} ${d.subject}`);
        last.set(to, text);
      }
      expect(repeats).toEqual([]);
    });

    test('the console speaks the campaign language and prints no idle day unless verbose', () => {
      const { lines, summary } = run();
      const dayLines = lines.filter((l) => /^\d{4}-\d{2}-\d{2} /.test(l));
      const weekday =
        locale === 'en' ? /^\S+ (Sun|Mon|Tue|Wed|Thu|Fri|Sat) {2}/ : /^\S+ 周[日一二三四五六] {2}/;
      expect(dayLines.slice(1).filter((l) => !weekday.test(l))).toEqual([]);
      expect(dayLines[0]).toContain(locale === 'en' ? 'administrator:' : '管理员：');
      // One line per busy day plus the administrator's; idle days are only counted.
      expect(dayLines.length - 1 + summary.idleDays).toBe(287);
      expect(lines.filter((l) => /无执行|no executions/.test(l))).toEqual([]);
      expect(lines.some((l) => l.includes(locale === 'en' ? 'reports: “' : '报告：「'))).toBe(true);
    });
  },
);

test('English review steps are replayed exactly as Chinese ones: same edit runs, same decision emails', () => {
  const count = (r: Rehearsed) => ({
    reviewRuns: r.runLog.filter((l) => l.handler === 'onReviewEdit').length,
    decisions: r.runLog
      .flatMap((l) => l.log)
      .filter((e) => e.event === 'mail' && e.kind === 'decision').length,
    dropped: r.summary.eventsDropped.length,
    replayed: r.summary.eventsReplayed,
  });
  const zh = count(runs['zh-CN']!);
  expect(zh.reviewRuns).toBeGreaterThan(80);
  expect(zh.decisions).toBeGreaterThan(30);
  expect(count(runs.en!)).toEqual(zh);
});
