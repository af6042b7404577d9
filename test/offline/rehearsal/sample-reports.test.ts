/**
 * The reports of the bundled sample, read as a person reads them: the exported .docx files of a
 * whole rehearsal (`npm start`'s reports/), their page, tables, column widths and text, and the
 * report emails' subjects.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rehearse, type RehearsalSummary } from '../../../src/offline/rehearsal/engine';
import { defaultWindow, readScenario } from '../../../src/offline/rehearsal/scenario';
import { bundlePath } from '../../support/bundle';
import { readDocx, type Docx, type DocxTable } from '../../support/docx';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = path.join(ROOT, 'sheets-templates/sample-campaign');
const CAMPAIGN = '2014年度基层党建“书记项目”（示例）';

let out: string;
let summary: RehearsalSummary;
const docs = new Map<string, Docx>();

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-reports-'));
  const scenario = readScenario(SAMPLE);
  summary = await rehearse({
    scenario,
    out,
    ...defaultWindow(scenario),
    bundlePath: bundlePath(),
  });
  const dir = path.join(out, 'reports');
  for (const name of fs.readdirSync(dir)) docs.set(name, await readDocx(path.join(dir, name)));
}, 240_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

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
