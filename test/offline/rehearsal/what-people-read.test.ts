/**
 * The bundled sample rehearsed in both languages and read as a person reads it: the cells of
 * workbook.xlsx (what LibreOffice or Sheets shows), the console lines, the outbox, and the
 * reports' .docx files. Keys, ids and JSON belong to the columns a machine reads (listed below),
 * never to the rest.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { rehearse, type RehearsalSummary } from '../../../src/offline/rehearsal/engine';
import { readScenario, type Scenario } from '../../../src/offline/rehearsal/scenario';
import { bundlePath } from '../../support/bundle';
import { readDocx, type Docx, type DocxTable } from '../../support/docx';
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
  // 配额规则 names its stages by the same ids.
  '检查时点（阶段截止后）',
  'After stage',
  '间隔适用阶段',
  'During stage',
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

// --- The reports of the same (Chinese) rehearsal, read from the exported .docx as a person reads
// them: page, tables, column widths, text, and the report emails' subjects. (Sharing the
// rehearsal keeps npm test within its time: a whole sample rehearsal costs ~25 s of CPU.)

const CAMPAIGN = '2014年度基层党建“书记项目”（示例）';
const docs = new Map<string, Docx>();
let summary: RehearsalSummary;
beforeAll(async () => {
  summary = runs['zh-CN']!.summary;
  const dir = summary.outputs.reports;
  for (const name of fs.readdirSync(dir)) docs.set(name, await readDocx(path.join(dir, name)));
});

const named = (pattern: RegExp) => [...docs].filter(([name]) => pattern.test(name));
const stageReports = () => named(/总结报告/).filter(([name]) => !/验收|模板/.test(name));
const finalReports = () => named(/验收总结报告（/);
const tables = (doc: Docx) => doc.blocks.filter((b): b is DocxTable => b.kind === 'table');
const texts = (doc: Docx) => doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));

/**
 * What a word needs on one line, independent of the product's own estimate: 0.55 em per Latin
 * character (Arial's digits are 0.556 em), 1 em per Chinese one, 11 pt text, 10 pt of padding.
 */
const needs = (word: string) =>
  [...word].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef“”]/.test(ch) ? 11 : 6.05), 0) + 10;

/** Ids, dates and times: never to be broken. */
const MACHINE = /SJXM-\d{4}-\d{3}|\b\d{4}-\d{2}-\d{2}\b|\b\d{2}:\d{2}\b|\bU\d{2}\b/g;
/** Short Chinese labels of the workbook that must stay whole (unit categories, departments). */
const TERMS = ['机关事业单位', '驻深机关单位', '驻深办事处', '驻深企业', '组织部', '企业工作部'];

describe('reports of the bundled sample, from the exported .docx', () => {
  test('the rehearsal makes every stage report, two final reports and one dossier per project', () => {
    expect(summary.failures).toEqual([]);
    expect(stageReports()).toHaveLength(5);
    expect(finalReports()).toHaveLength(2);
    const projects = new Set(
      summary.harness
        .values('项目库')!
        .slice(1)
        .map((r) => String(r[0]))
        .filter(Boolean),
    );
    const dossiers = named(/^\d+-项目档案 SJXM/).map(([name]) => /SJXM-\d{4}-\d{3}/.exec(name)![0]);
    expect(new Set(dossiers)).toEqual(projects);
    expect(dossiers).toHaveLength(33);
  });

  test('every table fits the line; no id, date, time or short label cell is narrower than its text needs; no header breaks one character off', () => {
    const problems: string[] = [];
    const reports = [...stageReports(), ...finalReports(), ...named(/项目档案 SJXM-2014-00[1-3]/)];
    for (const [name, doc] of reports) {
      for (const t of tables(doc)) {
        const total = t.widths.reduce((a, b) => a + b, 0);
        if (total > doc.line + 1)
          problems.push(`${name}: table ${total} pt on a ${doc.line} pt line`);
        // A Chinese header breaks evenly or not at all, never 验收结/论 (11 pt characters, 10 pt padding).
        if (!name.includes('项目档案'))
          t.rows[0].forEach((cell, c) => {
            const n = [...cell.text].length;
            const perLine = Math.floor((t.widths[c] - 10) / 11);
            if (/^[\u4e00-\u9fff]+$/.test(cell.text) && perLine < n && n % perLine === 1)
              problems.push(
                `${name}: header "${cell.text}" breaks ${perLine} + 1 in ${t.widths[c]} pt`,
              );
          });
        for (const row of t.rows) {
          row.forEach((cell, c) => {
            const words = [
              ...(cell.text.match(MACHINE) ?? []),
              ...TERMS.filter((term) => cell.text === term),
            ];
            for (const word of words) {
              if (needs(word) > t.widths[c] + 0.5)
                problems.push(
                  `${name}: "${word}" needs ${needs(word)} pt, column ${t.widths[c]} pt`,
                );
            }
          });
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('no table has a column that is empty in every row below its header', () => {
    const problems: string[] = [];
    for (const [name, doc] of [...stageReports(), ...finalReports()]) {
      for (const t of tables(doc)) {
        const body = t.rows.slice(1);
        if (body.length < 2) continue;
        t.widths.forEach((_, c) => {
          if (body.every((row) => !row[c] || (row[c].text.trim() === '' && !row[c].image)))
            problems.push(`${name}: column "${t.rows[0][c]?.text}" is always empty`);
        });
      }
    }
    expect(problems).toEqual([]);
  });

  test('the chart of a stage report names its bars with the departments, each with its bar and rate', () => {
    for (const [name, doc] of stageReports()) {
      const caption = doc.blocks.findIndex(
        (b) => b.kind === 'paragraph' && b.text.startsWith('图1'),
      );
      const chart = doc.blocks[caption - 1] as DocxTable;
      expect({ name, kind: chart.kind }).toEqual({ name, kind: 'table' });
      expect(chart.rows.map((r) => r[0].text)).toEqual(['组织部', '企业工作部']);
      expect(chart.rows.every((r) => r[1].image && /^\d+\.\d%$/.test(r[2].text))).toBe(true);
      // The caption points at nothing else: the bars say what they count.
      expect((doc.blocks[caption] as { text: string }).text).toBe('图1  各归口部门本阶段完成率');
    }
  });

  test('the final report shows acceptance: counts, mean score and a result for every accepted project', () => {
    const [[, first], [, last]] = finalReports();
    for (const doc of [first, last]) {
      const overview = texts(doc).find((t) => t.includes('已验收'))!;
      const [, accepted, excellent, pass, fail] =
        /已验收 (\d+) 个，其中优秀 (\d+) 个、合格 (\d+) 个、不合格 (\d+) 个/
          .exec(overview)!
          .map(Number);
      expect(accepted).toBeGreaterThanOrEqual(25);
      expect(excellent + pass + fail).toBe(accepted);
      expect(fail).toBe(1);
      expect(overview).toMatch(/验收评分平均 \d+\.\d\d 分/);
      const table = tables(doc).find((t) => t.rows[0].at(-1)?.text === '验收结论')!;
      const results = table.rows.slice(1).map((r) => r.at(-1)!.text);
      expect(results.filter((r) => ['优秀', '合格', '不合格'].includes(r))).toHaveLength(accepted);
      // Six self-ratings per project in their own table, so neither table needs a landscape page.
      expect(tables(doc).some((t) => t.rows[0].map((c) => c.text).includes('领导班子强'))).toBe(
        true,
      );
      expect(tables(doc).every((t) => t.widths.length <= 8)).toBe(true);
    }
    // The one made from the menu after the late acceptances counts them too.
    const count = (doc: Docx) => Number(/已验收 (\d+) 个/.exec(texts(doc).join('\n'))![1]);
    expect(count(last)).toBe(count(first) + 2);
  });

  test('a report email names the campaign once in its subject', () => {
    const reports = summary.harness
      .outbox()
      .filter((m) => m.attachments.some((a) => a.contentType === 'application/pdf'));
    expect(reports.length).toBe(7);
    for (const mail of reports) {
      expect(mail.subject.split(CAMPAIGN).length - 1).toBe(1);
      expect(mail.subject).toMatch(/^【.+】.*(总结报告|验收总结报告)（\d{4}-\d{2}-\d{2}）$/);
    }
  });
});
