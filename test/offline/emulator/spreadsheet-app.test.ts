import { Workspace } from '../../../src/offline/emulator/core';
import {
  Sheet,
  Spreadsheet,
  SpreadsheetApp,
  createBoundSpreadsheet,
} from '../../../src/offline/emulator/spreadsheet-app';

function setup(timeZone = 'Asia/Shanghai') {
  const ws = new Workspace({ now: Date.parse('2014-05-20T01:00:00Z'), timeZone });
  const ss = createBoundSpreadsheet(ws, 'Campaign');
  const app = new SpreadsheetApp(ws);
  const ex = ws.startExecution('t', 'manual');
  const run = <T>(fn: () => T): T => ws.within(ex, fn);
  return { ws, ss, app, run, sheet: ss.getSheets()[0] as Sheet };
}

describe('SpreadsheetApp and Spreadsheet', () => {
  test('getActiveSpreadsheet returns the bound spreadsheet; openById/openByUrl find it by id', () => {
    const { app, ss, run } = setup();
    run(() => {
      expect(app.getActiveSpreadsheet().getId()).toBe(ss.getId());
      expect(app.getActive().getName()).toBe('Campaign');
      expect(app.openById(ss.getId()).getName()).toBe('Campaign');
      expect(app.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    });
  });

  test('getActiveSpreadsheet is null in a standalone script (no container)', () => {
    const ws = new Workspace({ now: 0 });
    expect(new SpreadsheetApp(ws).getActiveSpreadsheet()).toBeNull();
  });

  test('openById with an unknown id throws Apps Script’s generic openById error', () => {
    const { app, run } = setup();
    expect(() => run(() => app.openById('nope'))).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  test('create(name) adds another spreadsheet with one 1000×26 sheet named Sheet1', () => {
    const { app, run, ss } = setup();
    const other = run(() => app.create('Archive'));
    expect(other.getId()).not.toBe(ss.getId());
    const sheets = other.getSheets();
    expect(sheets.map((s) => s.getName())).toEqual(['Sheet1']);
    expect(sheets[0].getMaxRows()).toBe(1000);
    expect(sheets[0].getMaxColumns()).toBe(26);
    expect(app._all()).toHaveLength(2);
  });

  test('insertSheet(name[, index]) places sheets; a duplicate name throws the Sheets message', () => {
    const { ss, run } = setup();
    run(() => {
      ss.insertSheet('Units');
      ss.insertSheet('Settings', 0);
      expect(ss.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Sheet1', 'Units']);
      expect(() => ss.insertSheet('units')).toThrow(
        'A sheet with the name "units" already exists. Please enter another name.',
      );
      expect(ss.getActiveSheet().getName()).toBe('Settings');
    });
  });

  test('deleteSheet removes a sheet but refuses to remove the last one', () => {
    const { ss, run } = setup();
    run(() => {
      const units = ss.insertSheet('Units');
      ss.deleteSheet(units);
      expect(ss.getSheetByName('Units')).toBeNull();
      expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow(
        "You can't remove all the sheets in a document.",
      );
    });
  });

  test("getRange('Sheet!A1:B2') addresses another sheet; getSheetById finds by id", () => {
    const { ss, run } = setup();
    run(() => {
      const units = ss.insertSheet('My Units');
      units.getRange('B2').setValue('x');
      expect(ss.getRange("'My Units'!B2").getValue()).toBe('x');
      expect(ss.getSheetById(units.getSheetId())?.getName()).toBe('My Units');
    });
  });

  test('toast is recorded with its title and default timeout', () => {
    const { ss, run } = setup();
    run(() => ss.toast('Saved', 'Campaign'));
    expect(ss._toasts()).toMatchObject([
      { message: 'Saved', title: 'Campaign', timeoutSeconds: 5 },
    ]);
  });

  test('getEditors lists the owner and added editors; getOwner is the owner', () => {
    const { ss } = setup();
    ss.addEditors(['staff@example.cn']);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([
      'admin@example.cn',
      'staff@example.cn',
    ]);
    expect(ss.getOwner().getEmail()).toBe('admin@example.cn');
  });
});

describe('Range values', () => {
  test('getValues returns Date for date cells, numbers, booleans and "" for empty, always rectangular', () => {
    const { sheet, run } = setup();
    run(() => {
      const when = new Date('2014-05-20T01:00:00Z');
      sheet.getRange('A1:C1').setValues([[when, 42, true]]);
      const values = sheet.getRange('A1:D2').getValues();
      expect(values).toHaveLength(2);
      expect(values.every((r) => r.length === 4)).toBe(true);
      expect(values[0][0]).toBeInstanceOf(Date);
      expect((values[0][0] as Date).getTime()).toBe(when.getTime());
      expect(values[0][1]).toBe(42);
      expect(values[0][2]).toBe(true);
      expect(values[0][3]).toBe('');
      expect(values[1]).toEqual(['', '', '', '']);
    });
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script.
  test("Sheet.getRange reads absolute R1C1 ('R5C3', 'R2C1:R3C4') as live Apps Script does (gas-fakes live suite)", () => {
    const { sheet, run } = setup();
    run(() => {
      const cell = sheet.getRange('R5C3');
      expect([cell.getRow(), cell.getColumn(), cell.getNumRows(), cell.getNumColumns()]).toEqual([
        5, 3, 1, 1,
      ]);
      expect(cell.getA1Notation()).toBe('C5');
      expect(sheet.getRange('R2C1:R3C4').getA1Notation()).toBe('A2:D3');
    });
  });

  test('a returned Date is a copy: mutating it does not change the cell', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A1').setValue(new Date('2014-05-20T01:00:00Z'));
      (sheet.getRange('A1').getValue() as Date).setFullYear(2000);
      expect((sheet.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2014);
    });
  });

  test('setValues throws the exact row-count message when the data has the wrong number of rows', () => {
    const { sheet, run } = setup();
    expect(() =>
      run(() =>
        sheet.getRange('A1:B3').setValues([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test('setValues throws the exact column-count message when a row has the wrong length', () => {
    const { sheet, run } = setup();
    expect(() => run(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]]))).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('setValues coerces strings as Sheets does and keeps undefined/null as empty', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A1:F1').setValues([['123', 'TRUE', "'0123", '2014-05-20', null, undefined]]);
      expect(sheet.getRange('A1:F1').getValues()[0]).toEqual([
        123,
        true,
        '0123',
        new Date('2014-05-20T00:00:00+08:00'),
        '',
        '',
      ]);
      expect(sheet.getRange('D1').getDisplayValue()).toBe('2014-05-20');
    });
  });

  test("a string starting with '=' becomes a formula: getFormulas returns it, getValues returns ''", () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A1:B1').setValues([['=1+1', 'plain']]);
      expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=1+1', '']]);
      expect(sheet.getRange('A1').getValue()).toBe('');
      expect(sheet.getLastRow()).toBe(1);
      sheet.getRange('C1').setFormula('=A1*2');
      expect(sheet.getRange('C1').getFormula()).toBe('=A1*2');
    });
  });

  test("a cell formatted '@' keeps '=…' and numeric text verbatim (no formula, no number)", () => {
    const { sheet, run } = setup();
    run(() => {
      const r = sheet.getRange('A1:B1');
      r.setNumberFormat('@');
      r.setValues([['=HYPERLINK("x")', '007']]);
      expect(r.getValues()).toEqual([['=HYPERLINK("x")', '007']]);
      expect(r.getFormulas()).toEqual([['', '']]);
    });
  });

  test('a cell over 50,000 characters throws and leaves the whole range unchanged', () => {
    const { sheet, run } = setup();
    run(() => {
      expect(() => sheet.getRange('A1:B1').setValues([['ok', 'x'.repeat(50001)]])).toThrow(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
      expect(sheet.getRange('A1').getValue()).toBe('');
      expect(() => sheet.getRange('A1').setValue('y'.repeat(50001))).toThrow(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
    });
  });

  test('setValue on a block writes every cell; getValue reads the top-left cell', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('B2:C3').setValue(7);
      expect(sheet.getRange('B2:C3').getValues()).toEqual([
        [7, 7],
        [7, 7],
      ]);
      expect(sheet.getRange('B2:C3').getValue()).toBe(7);
    });
  });

  test('a number written into a date-formatted cell reads back as a Date (the format decides)', () => {
    const { sheet, run } = setup();
    run(() => {
      const r = sheet.getRange('A1');
      r.setValue(new Date('2014-05-20T01:00:00Z'));
      expect(r.getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
      r.setValue(41779);
      expect(r.getValue()).toEqual(new Date('2014-05-20T00:00:00+08:00'));
      r.setNumberFormat('0.00');
      expect(r.getValue()).toBe(41779);
      expect(r.getDisplayValue()).toBe('41779.00');
    });
  });

  test('getDisplayValues formats numbers, booleans and dates in the spreadsheet time zone', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A1:C1').setValues([[1234.5, false, new Date('2014-05-20T16:30:00Z')]]);
      sheet.getRange('A1').setNumberFormat('#,##0.00');
      expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
        ['1,234.50', 'FALSE', '5/21/2014 0:30:00'],
      ]);
    });
  });

  test('changing the spreadsheet time zone keeps the wall time of stored dates', () => {
    const { ss, sheet, run } = setup();
    run(() => {
      sheet.getRange('A1').setValue('2014-05-20 09:00');
      ss.setSpreadsheetTimeZone('Europe/London');
      expect(sheet.getRange('A1').getValue()).toEqual(new Date('2014-05-20T09:00:00+01:00'));
    });
  });
});

describe('Range geometry and errors', () => {
  test.each([
    ['A1:C3', 1, 1, 3, 3, 'A1:C3'],
    ['A:A', 1, 1, 1000, 1, 'A:A'],
    ['2:2', 2, 1, 1, 26, '2:2'],
    ['B2:D', 2, 2, 999, 3, 'B2:D'],
  ])('getRange(%p) spans the sheet as Sheets does', (a1, row, col, nr, nc, back) => {
    const { sheet, run } = setup();
    const r = run(() => sheet.getRange(a1));
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([
      row,
      col,
      nr,
      nc,
    ]);
    expect(r.getA1Notation()).toBe(back);
  });

  test('getRange(row, col, numRows, numCols) and getLastRow/getLastColumn of the range', () => {
    const { sheet, run } = setup();
    const r = run(() => sheet.getRange(2, 3, 4, 5));
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(r.getLastRow()).toBe(5);
    expect(r.getLastColumn()).toBe(7);
    expect(r.getCell(2, 2).getA1Notation()).toBe('D3');
    expect(r.offset(1, -1, 1, 1).getA1Notation()).toBe('B3');
  });

  test('row or column 0 throws "The starting row/column of the range is too small."', () => {
    const { sheet, run } = setup();
    expect(() => run(() => sheet.getRange(0, 1))).toThrow(
      'The starting row of the range is too small.',
    );
    expect(() => run(() => sheet.getRange(1, 0))).toThrow(
      'The starting column of the range is too small.',
    );
    expect(() => run(() => sheet.getRange(1, 1, 0, 1))).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });

  test('a range beyond the max rows throws "The coordinates of the range are outside the dimensions of the sheet."', () => {
    const { sheet, run } = setup();
    const msg = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => run(() => sheet.getRange(1000, 1, 2, 1))).toThrow(msg);
    expect(() => run(() => sheet.getRange('A1001'))).toThrow(msg);
    expect(run(() => sheet.getRange(1000, 26).getValue())).toBe('');
  });

  test('a missing argument (e.g. an undefined column index) throws the signature mismatch message', () => {
    const { sheet, run } = setup();
    const col = undefined as unknown as number;
    expect(() => run(() => sheet.getRange(2, col, 1, 1))).toThrow(
      "The parameters (number,null,number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  test('getDataRange covers A1 to the last row and column with content', () => {
    const { sheet, run } = setup();
    run(() => {
      expect(sheet.getDataRange().getA1Notation()).toBe('A1');
      sheet.getRange('C4').setValue('x');
      sheet.getRange('A6').setNote('notes are not content');
      expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
      expect(sheet.getLastRow()).toBe(4);
      expect(sheet.getLastColumn()).toBe(3);
    });
  });
});

describe('Sheet structure', () => {
  test('appendRow writes after the last row and grows max rows when the sheet is full', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange(1000, 1).setValue('last');
      sheet.appendRow(['a', '2', '=A1']);
      expect(sheet.getMaxRows()).toBe(1001);
      expect(sheet.getLastRow()).toBe(1001);
      expect(sheet.getRange('A1001:C1001').getValues()).toEqual([['a', 2, '']]);
      expect(sheet.getRange('C1001').getFormula()).toBe('=A1');
      sheet.appendRow(Array.from({ length: 30 }, (_, i) => i));
      expect(sheet.getMaxColumns()).toBe(30);
    });
  });

  test('deleteRows shifts the rows below up and reduces max rows', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A1:A5').setValues([['h'], ['r2'], ['r3'], ['r4'], ['r5']]);
      sheet.deleteRows(2, 2);
      expect(sheet.getRange('A1:A3').getValues()).toEqual([['h'], ['r4'], ['r5']]);
      expect(sheet.getLastRow()).toBe(3);
      expect(sheet.getMaxRows()).toBe(998);
      sheet.deleteRow(1);
      expect(sheet.getRange('A1').getValue()).toBe('r4');
    });
  });

  test('deleting rows past the end throws "Those rows are out of bounds."; deleting all throws', () => {
    const { sheet, run } = setup();
    expect(() => run(() => sheet.deleteRows(999, 5))).toThrow('Those rows are out of bounds.');
    expect(() => run(() => sheet.deleteRows(1, 1000))).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  test('insertRowsAfter moves content down, grows the sheet and copies the row format', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A1:A2').setValues([['h'], ['r2']]);
      sheet.getRange('A1').setFontWeight('bold');
      sheet.insertRowsAfter(1, 2);
      expect(sheet.getMaxRows()).toBe(1002);
      expect(sheet.getRange('A4').getValue()).toBe('r2');
      expect(sheet.getRange('A2').getValue()).toBe('');
      expect(sheet.getRange('A2').getFontWeight()).toBe('bold');
      sheet.insertRowBefore(1);
      expect(sheet.getRange('A2').getValue()).toBe('h');
      sheet.insertColumnsAfter(1, 1);
      expect(sheet.getMaxColumns()).toBe(27);
    });
  });

  test('frozen rows, column widths, hidden columns, tab colour and hidden sheets are recorded', () => {
    const { ss, sheet, run } = setup();
    run(() => {
      sheet.setFrozenRows(1);
      sheet.setColumnWidth(2, 240);
      sheet.hideColumns(3);
      sheet.setTabColor('#ff0000');
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getColumnWidth(2)).toBe(240);
      expect(sheet.isColumnHiddenByUser(3)).toBe(true);
      expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
      ss.insertSheet('Other');
      sheet.hideSheet();
      expect(sheet.isSheetHidden()).toBe(true);
    });
  });

  test('autoResizeColumns sizes a column to its longest displayed text (CJK glyphs are wide)', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A1:B1').setValues([['ab', '专项经费（万元）']]);
      sheet.autoResizeColumns(1, 2);
      expect(sheet.getColumnWidth(1)).toBeLessThan(sheet.getColumnWidth(2));
    });
  });

  test('clear removes contents and formats; clearContents keeps formats', () => {
    const { sheet, run } = setup();
    run(() => {
      const r = sheet.getRange('A1');
      r.setValue(5).setNumberFormat('0.00').setBackground('#eeeeee');
      sheet.clearContents();
      expect(r.getValue()).toBe('');
      expect(r.getNumberFormat()).toBe('0.00');
      sheet.clear();
      expect(r.getBackground()).toBe('#ffffff');
      expect(r.isBlank()).toBe(true);
    });
  });
});

describe('notes, checkboxes, snapshot', () => {
  test('notes are set, read and cleared per cell', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A1:B1').setNotes([['first', null]]);
      expect(sheet.getRange('A1:B1').getNotes()).toEqual([['first', '']]);
      sheet.getRange('A1').clearNote();
      expect(sheet.getRange('A1').getNote()).toBe('');
    });
  });

  test('insertCheckboxes puts a CHECKBOX rule and false into empty cells; check/uncheck/isChecked follow', () => {
    const { sheet, run } = setup();
    run(() => {
      const r = sheet.getRange('A1:A2');
      r.insertCheckboxes();
      expect(r.getValues()).toEqual([[false], [false]]);
      expect(String(r.getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
      expect(r.isChecked()).toBe(false);
      r.getCell(1, 1).check();
      expect(r.isChecked()).toBeNull();
      r.check();
      expect(r.isChecked()).toBe(true);
      r.uncheck();
      expect(r.getValues()).toEqual([[false], [false]]);
      r.removeCheckboxes();
      expect(r.getValues()).toEqual([[''], ['']]);
      expect(r.getDataValidation()).toBeNull();
    });
  });

  test('_snapshot gives typed values, formulas, notes, formats and frozen rows for every sheet', () => {
    const { ss, sheet, run } = setup();
    run(() => {
      sheet.setName('Projects');
      sheet.setFrozenRows(1);
      sheet
        .getRange('A1:C1')
        .setValues([['id', 'when', 'total']])
        .setFontWeight('bold');
      sheet.getRange('A2:C2').setValues([['P1', new Date('2014-05-20T01:00:00Z'), '=1+1']]);
      sheet.getRange('A2').setNote('a note');
      ss.insertSheet('Log');
    });
    const snap = ss._snapshot();
    expect(snap.timeZone).toBe('Asia/Shanghai');
    expect(snap.sheets.map((s) => s.name)).toEqual(['Projects', 'Log']);
    const p = snap.sheets[0];
    expect(p.frozenRows).toBe(1);
    expect(p.cells[1][0]).toBe('P1');
    expect(p.cells[1][1]).toBeInstanceOf(Date);
    expect(p.formulas[1][2]).toBe('=1+1');
    expect(p.notes[1][0]).toBe('a note');
    expect(p.numberFormats[1][1]).toBe('M/d/yyyy H:mm:ss');
    expect(p.styles[0][0]).toEqual({ fontWeight: 'bold' });
    expect(snap.sheets[1].cells).toEqual([]);
  });
});

// Keeps the Spreadsheet import used for type-only references in other suites.
export type { Spreadsheet };
