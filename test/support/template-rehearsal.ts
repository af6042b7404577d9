/**
 * The sample scenarios of the templates made from the seeds (sheets-templates/sample-branch-duties,
 * sample-key-tasks) rehearsed on dist/Code.js, and read as staff read them: the workbook's sheets
 * by their headers, the 活动报告 Docs, the outbox.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { dayOf } from '../../src/domain/calendar';
import { projectRoot } from '../../src/offline/project-root';
import { rehearse, type RehearsalSummary } from '../../src/offline/rehearsal/engine';
import { defaultWindow, readScenario } from '../../src/offline/rehearsal/scenario';
import { bundlePath } from './bundle';
import { readDocx, type Docx, type DocxTable } from './docx';

export interface Rehearsed {
  summary: RehearsalSummary;
  workbook: ExcelJS.Workbook;
  reports: { name: string; doc: Docx }[];
}

export async function rehearseSample(folder: string): Promise<Rehearsed> {
  const scenario = readScenario(path.join(projectRoot(), 'sheets-templates', folder));
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `${folder}-`)), 'out');
  const { fromDay, toDay } = defaultWindow(scenario);
  const summary = await rehearse({ scenario, out, fromDay, toDay, bundlePath: bundlePath() });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(summary.outputs.workbook);
  const reports: Rehearsed['reports'] = [];
  for (const name of fs.readdirSync(summary.outputs.reports).sort()) {
    if (!name.includes('活动报告') || name.includes('报告模板')) continue;
    reports.push({ name, doc: await readDocx(path.join(summary.outputs.reports, name)) });
  }
  return { summary, workbook, reports };
}

/** A sheet's rows as records keyed by the header cells people see. */
export function rows(workbook: ExcelJS.Workbook, title: string): Record<string, string>[] {
  const sheet = workbook.getWorksheet(title);
  if (!sheet) throw new Error(`no sheet ${title}`);
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const out: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const record: Record<string, string> = {};
    row.eachCell((cell, column) => {
      // A day is stored at midnight in the campaign's zone; an instant keeps its text.
      const value = cell.value;
      record[header[column]] =
        value instanceof Date ? dayOf(value.getTime(), 'Asia/Shanghai') : String(cell.text ?? '');
    });
    if (Object.values(record).some((v) => v !== '')) out.push(record);
  });
  return out;
}

/** The report table whose header row starts with these cells, as rows of texts. */
export function table(doc: Docx, ...header: string[]): string[][] {
  const found = doc.blocks.find(
    (b): b is DocxTable => b.kind === 'table' && header.every((h, i) => b.rows[0]?.[i]?.text === h),
  );
  if (!found) throw new Error(`no table ${header.join('|')}`);
  return found.rows.map((r) => r.map((c) => c.text));
}

/** 发送台账 keys of one kind for a stage and period, by recipient. */
export function notices(workbook: ExcelJS.Workbook, stage: string, period: string, kind: string) {
  return rows(workbook, '发送台账')
    .filter((r) => r['去重键'].includes(`|${stage}@${period}|`) && r['类型'] === kind)
    .map((r) => [r['收件单位/部门'], r['日期']]);
}
