import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Workspace } from '../../../src/offline/emulator/core';
import {
  SpreadsheetApp,
  createBoundSpreadsheet,
} from '../../../src/offline/emulator/spreadsheet-app';
import { exportXlsx } from '../../../src/offline/rehearsal/export-xlsx';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function campaign() {
  const ws = new Workspace({ now: Date.parse('2014-05-20T01:00:00Z'), timeZone: 'Asia/Shanghai' });
  const ss = createBoundSpreadsheet(ws, 'Campaign');
  const app = new SpreadsheetApp(ws);
  const ex = ws.startExecution('setup', 'manual');
  ws.within(ex, () => {
    const projects = ss.getSheets()[0];
    projects.setName('Projects');
    projects.setFrozenRows(1);
    projects.getRange('A1:F1').setValues([['项目', '提交时间', '评分', '重点', '状态', '合计']]);
    projects
      .getRange('A2:F2')
      .setValues([['P1', new Date('2014-05-20T01:30:00Z'), 92, true, '待审核', '=SUM(C2:C3)']]);
    projects.getRange('A3').setValue("'=not a formula");
    projects.getRange('A2').setNote('submitted by dw@fgw.example.cn');
    projects
      .getRange('E2:E3')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(['待审核', '重点项目', '备案', '退回修改'])
          .setAllowInvalid(false)
          .build(),
      );
    projects
      .getRange('C2:C3')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 100).build());
    projects.setColumnWidth(1, 210);
    const log = ss.insertSheet('Log');
    log.getRange('A1:B1').setValues([['at', 'what']]);
    log.getRange('A2:B2').setValues([['2014-05-21', 'x'.repeat(40000)]]);
    log.hideSheet();
    const long = ss.insertSheet('Lists');
    long
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireValueInList(['a,b', 'c']).build());
  });
  return ss;
}

async function exportAndRead() {
  const ss = campaign();
  const file = join(dir, 'out', 'workbook.xlsx');
  await exportXlsx(ss._snapshot(), file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('exportXlsx', () => {
  test('writes every sheet in order (hidden ones stay hidden)', async () => {
    const wb = await exportAndRead();
    const sheets = wb.worksheets.filter((w) => w.name !== '_lists');
    expect(sheets.map((w) => w.name)).toEqual(['Projects', 'Log', 'Lists']);
    expect(wb.getWorksheet('Log')!.state).toBe('hidden');
  });

  test('dates are real Excel dates showing the spreadsheet wall-clock time, with a date format', async () => {
    const wb = await exportAndRead();
    const cell = wb.getWorksheet('Projects')!.getCell('B2');
    expect(cell.value).toBeInstanceOf(Date);
    // 01:30Z is 09:30 in Shanghai; Excel dates carry no zone, so the wall time is written.
    expect((cell.value as Date).toISOString()).toBe('2014-05-20T09:30:00.000Z');
    expect(cell.numFmt).toBe('M/d/yyyy H:mm:ss');
    const typed = wb.getWorksheet('Log')!.getCell('A2');
    expect((typed.value as Date).toISOString()).toBe('2014-05-21T00:00:00.000Z');
    expect(typed.numFmt).toBe('yyyy-mm-dd');
  });

  test('numbers and booleans keep their types; quote-prefixed text stays text', async () => {
    const ws = (await exportAndRead()).getWorksheet('Projects')!;
    expect(ws.getCell('C2').value).toBe(92);
    expect(ws.getCell('D2').value).toBe(true);
    expect(ws.getCell('A3').value).toBe('=not a formula');
    expect(ws.getCell('A3').formula).toBeUndefined();
  });

  test('formulas are formula cells a reader can detect', async () => {
    const cell = (await exportAndRead()).getWorksheet('Projects')!.getCell('F2');
    expect(cell.formula).toBe('SUM(C2:C3)');
  });

  test('notes become comments', async () => {
    const cell = (await exportAndRead()).getWorksheet('Projects')!.getCell('A2');
    const note = cell.note as string | { texts: { text: string }[] };
    const text = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
    expect(text).toBe('submitted by dw@fgw.example.cn');
  });

  test('dropdowns become list validations (stop when invalid input is rejected); numbers decimal rules', async () => {
    const ws = (await exportAndRead()).getWorksheet('Projects')!;
    expect(ws.getCell('E3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"待审核,重点项目,备案,退回修改"'],
      showErrorMessage: true,
    });
    expect(ws.getCell('E3').dataValidation.errorStyle ?? 'stop').toBe('stop');
    expect(ws.getCell('C2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
      errorStyle: 'warning',
    });
  });

  test('a list item holding a comma is referenced from a hidden list sheet', async () => {
    const wb = await exportAndRead();
    const dv = wb.getWorksheet('Lists')!.getCell('A1').dataValidation;
    expect(dv.type).toBe('list');
    expect(String(dv.formulae[0])).toMatch(/_lists/);
    const lists = wb.getWorksheet('_lists')!;
    expect(lists.getCell('A1').value).toBe('a,b');
    expect(lists.state).toBe('veryHidden');
  });

  test('the frozen header row is frozen and bold; column widths follow the sheet', async () => {
    const ws = (await exportAndRead()).getWorksheet('Projects')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(8);
  });

  test('text longer than Excel’s 32,767 characters is cut, with a comment saying so', async () => {
    const cell = (await exportAndRead()).getWorksheet('Log')!.getCell('B2');
    expect((cell.value as string).length).toBe(32767);
    expect(JSON.stringify(cell.note)).toMatch(/cut to 32767/);
  });
});
