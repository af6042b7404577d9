import { Workspace } from '../../../src/offline/emulator/core';
import {
  Sheet,
  SpreadsheetApp,
  createBoundSpreadsheet,
} from '../../../src/offline/emulator/spreadsheet-app';
import { DataValidation } from '../../../src/offline/emulator/spreadsheet-validation';

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type PType = GoogleAppsScript.Spreadsheet.ProtectionType;

const OWNER = 'admin@example.cn';
const STAFF = 'zzb@example.cn';
const OTHER = 'unit@example.cn';

function setup() {
  const ws = new Workspace({ now: Date.parse('2014-05-20T01:00:00Z'), owner: OWNER });
  const ss = createBoundSpreadsheet(ws, 'Campaign');
  ss.addEditors([STAFF, OTHER]);
  const app = new SpreadsheetApp(ws);
  const ex = ws.startExecution('setup', 'manual');
  const run = <T>(fn: () => T): T => ws.within(ex, fn);
  const sheet = ss.getSheets()[0] as Sheet;
  return { ws, ss, app, run, sheet };
}

describe('Protection', () => {
  test('a new protection mirrors the spreadsheet: every editor can still edit', () => {
    const { sheet, run } = setup();
    const p = run(() => sheet.getRange('J2:J').protect());
    expect(p._canEdit(OTHER)).toBe(true);
    expect(sheet._canEdit(OTHER, 5, 10)).toBe(true);
  });

  test('the documented pattern (add me, remove getEditors()) leaves only the owner and staff', () => {
    const { sheet, run } = setup();
    run(() => {
      const p = sheet.getRange('J2:J').protect().setDescription('review');
      p.addEditor(OWNER);
      p.removeEditors(p.getEditors().map((u) => u.getEmail()));
      p.addEditors([STAFF]);
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
      expect(p.getDescription()).toBe('review');
      expect(p.canEdit()).toBe(true);
    });
    expect(sheet._canEdit(OTHER, 5, 10)).toBe(false);
    expect(sheet._canEdit(OTHER, 5, 9)).toBe(true);
    expect(sheet._canEdit(STAFF, 5, 10)).toBe(true);
    expect(sheet._canEdit(OWNER, 5, 10)).toBe(true);
  });

  test('the owner can never be removed from a protection', () => {
    const { sheet, run } = setup();
    const p = run(() => sheet.getRange('A1').protect().removeEditor(OWNER));
    expect(p.getEditors().map((u) => u.getEmail())).toContain(OWNER);
  });

  test('a warning-only protection lets every editor edit', () => {
    const { sheet, run } = setup();
    run(() => {
      const p = sheet.getRange('A1').protect();
      p.removeEditors([STAFF, OTHER]);
      p.setWarningOnly(true);
      expect(p.isWarningOnly()).toBe(true);
    });
    expect(sheet._canEdit(OTHER, 1, 1)).toBe(true);
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script.
  test('a warning-only protection lists no editors, not even the owner (gas-fakes live suite)', () => {
    const { sheet, run } = setup();
    run(() => {
      expect(sheet.protect().setWarningOnly(true).getEditors()).toEqual([]);
      expect(sheet.getRange('A1').protect().setWarningOnly(true).getEditors()).toEqual([]);
    });
  });

  // Source: https://developers.google.com/apps-script/reference/spreadsheet/protection#getEditors()
  // "If the user does not have permission to edit the protected range, this method throws an
  // exception" (and #canDomainEdit()).
  test('getEditors() and canDomainEdit() throw for a user who cannot edit the protected range (reference: Protection#getEditors)', () => {
    const { ws, sheet, run } = setup();
    const p = run(() => {
      const made = sheet.getRange('A1').protect();
      made.removeEditors([STAFF, OTHER]);
      made.addEditor(STAFF);
      return made;
    });
    const asUser = <T>(user: string, fn: () => T): T =>
      ws.within(ws.startExecution('menu', 'menu', { effectiveUser: user, activeUser: user }), fn);
    asUser(OTHER, () => {
      expect(p.canEdit()).toBe(false);
      expect(() => p.getEditors()).toThrow('cannot edit the protected range');
      expect(() => p.canDomainEdit()).toThrow('cannot edit the protected range');
    });
    asUser(STAFF, () => {
      expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, STAFF]);
      expect(p.canDomainEdit()).toBe(false);
    });
  });

  test('a sheet protection with unprotected ranges leaves only those cells open', () => {
    const { sheet, run } = setup();
    run(() => {
      const p = sheet.protect();
      p.removeEditors([STAFF, OTHER]);
      p.setUnprotectedRanges([sheet.getRange('C2:C')]);
      expect(sheet.getProtections('SHEET' as unknown as PType)).toHaveLength(1);
      expect(sheet.protect().getProtectionType()).toBe('SHEET');
    });
    expect(sheet._canEdit(OTHER, 1, 1)).toBe(false);
    expect(sheet._canEdit(OTHER, 3, 3)).toBe(true);
  });

  test('getProtections(RANGE) lists range protections; remove() deletes one', () => {
    const { ss, sheet, run } = setup();
    run(() => {
      sheet.getRange('A1').protect();
      const second = sheet.getRange('B1').protect();
      expect(ss.getProtections('RANGE' as unknown as PType)).toHaveLength(2);
      second.remove();
      expect(sheet.getProtections('RANGE' as unknown as PType)).toHaveLength(1);
    });
  });

  test('a protected range moves down when rows are inserted above it', () => {
    const { sheet, run } = setup();
    run(() => {
      sheet.getRange('A5:B6').protect().removeEditors([OTHER]);
      sheet.insertRowsBefore(1, 2);
      expect(
        sheet
          .getProtections('RANGE' as unknown as PType)[0]
          .getRange()
          .getA1Notation(),
      ).toBe('A7:B8');
    });
    expect(sheet._canEdit(OTHER, 7, 1)).toBe(false);
    expect(sheet._canEdit(OTHER, 5, 1)).toBe(true);
  });

  test('a script running as a user without permission gets the protected-cell error', () => {
    const { ws, sheet, run } = setup();
    run(() => sheet.getRange('A1').protect().removeEditors([OTHER]));
    const asOther = ws.startExecution('onEdit', 'simple', { effectiveUser: OTHER });
    expect(() => ws.within(asOther, () => sheet.getRange('A1').setValue('x'))).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(ws.within(asOther, () => sheet.getRange('B1').setValue('ok').getValue())).toBe('ok');
  });
});

describe('DataValidation', () => {
  test('requireValueInList records criteria VALUE_IN_LIST with [values, showDropdown]', () => {
    const { app, run } = setup();
    const rule = run(() =>
      app
        .newDataValidation()
        .requireValueInList(['待审核', '重点项目'], false)
        .setAllowInvalid(false)
        .setHelpText('pick one')
        .build(),
    );
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['待审核', '重点项目'], false]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe('pick one');
    expect(String(rule.copy().requireTextIsEmail().build().getCriteriaType())).toBe(
      'TEXT_IS_VALID_EMAIL',
    );
  });

  test('a new rule allows invalid data (shows a warning) unless setAllowInvalid(false)', () => {
    const { app } = setup();
    const rule = app.newDataValidation().requireNumberBetween(0, 100).build();
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule._isValid(150)).toBe(true);
    expect(rule._matches(150)).toBe(false);
  });

  test('_isValid rejects what Sheets rejects when allowInvalid is false', () => {
    const { app } = setup();
    const strict = (b: ReturnType<typeof app.newDataValidation>) =>
      b.setAllowInvalid(false).build();
    const list = strict(app.newDataValidation().requireValueInList(['优秀', '合格']));
    expect(list._isValid('优秀')).toBe(true);
    expect(list._isValid('良好')).toBe(false);
    expect(list._isValid('')).toBe(true);
    const score = strict(app.newDataValidation().requireNumberBetween(0, 100));
    expect(score._isValid(92)).toBe(true);
    expect(score._isValid(101)).toBe(false);
    expect(score._isValid('92 points')).toBe(false);
    const funding = strict(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0));
    expect(funding._isValid(-1)).toBe(false);
    const date = strict(app.newDataValidation().requireDate());
    expect(date._isValid(new Date(0))).toBe(true);
    expect(date._isValid('tomorrow')).toBe(false);
    const email = strict(app.newDataValidation().requireTextIsEmail());
    expect(email._isValid('a@b.cn')).toBe(true);
    expect(email._isValid('a@b')).toBe(false);
    const box = strict(app.newDataValidation().requireCheckbox());
    expect(box._isValid(true)).toBe(true);
    expect(box._isValid('yes')).toBe(false);
  });

  test('requireValueInRange reads the allowed values from the range at check time', () => {
    const { app, ss, run } = setup();
    run(() => {
      const lists = ss.insertSheet('Lists');
      lists.getRange('A1:A2').setValues([['A'], ['B']]);
      const rule = app
        .newDataValidation()
        .requireValueInRange(lists.getRange('A1:A3'))
        .setAllowInvalid(false)
        .build();
      expect(rule._isValid('C')).toBe(false);
      lists.getRange('A3').setValue('C');
      expect(rule._isValid('C')).toBe(true);
      expect(rule._snapshot().values[0]).toBe("'Lists'!A1:A3");
    });
  });

  test('setValue ignores validation: the script may write a value the rule would reject', () => {
    const { app, sheet, run } = setup();
    run(() => {
      const rule = app
        .newDataValidation()
        .requireNumberBetween(0, 100)
        .setAllowInvalid(false)
        .build();
      sheet.getRange('B2').setDataValidation(rule);
      sheet.getRange('B2').setValue(500);
      expect(sheet.getRange('B2').getValue()).toBe(500);
      expect(sheet.getRange('B2:B3').getDataValidations()[1][0]).toBeNull();
      sheet.getRange('B2').clearDataValidations();
      expect(sheet.getRange('B2').getDataValidation()).toBeNull();
    });
  });

  test('withCriteria rebuilds a rule from an enum value and arguments', () => {
    const { app } = setup();
    const rule = app
      .newDataValidation()
      .withCriteria('NUMBER_LESS_THAN' as unknown as Criteria, [5])
      .build() as DataValidation;
    expect(rule._matches(4)).toBe(true);
    expect(rule._matches(5)).toBe(false);
  });
});

describe('_userEdit (a person typing into a cell)', () => {
  function reviewSheet() {
    const env = setup();
    const { app, sheet, run } = env;
    run(() => {
      sheet.setName('Projects');
      sheet.getRange('A1:C1').setValues([['project', 'status', 'score']]);
      sheet.getRange('A2').setValue('P1');
      sheet
        .getRange('B2:B')
        .setDataValidation(
          app
            .newDataValidation()
            .requireValueInList(['待审核', '重点项目'])
            .setAllowInvalid(false)
            .build(),
        );
      sheet.getRange('B2').setValue('待审核');
      const p = sheet.getRange('B2:C').protect();
      p.removeEditors([OTHER]);
    });
    return env;
  }

  test('an accepted edit stores the coerced value and returns onEdit data with string values', () => {
    const { ss } = reviewSheet();
    const res = ss._userEdit('Projects', 'C2', '92', STAFF);
    expect(res.accepted).toBe(true);
    expect(res.oldValue).toBe('');
    expect(res.newValue).toBe(92);
    expect(res.event?.value).toBe('92');
    expect(res.event).not.toHaveProperty('oldValue');
    expect(res.event?.user.getEmail()).toBe(STAFF);
    expect(res.event?.range.getA1Notation()).toBe('C2');
    expect(ss._sheet('Projects').getRange('C2').getValue()).toBe(92);
  });

  test('an edit that fails a rejecting validation rule is refused and nothing changes', () => {
    const { ss } = reviewSheet();
    const res = ss._userEdit('Projects', 'B2', '随便', STAFF);
    expect(res).toMatchObject({ accepted: false, reason: 'invalid', oldValue: '待审核' });
    expect(ss._sheet('Projects').getRange('B2').getValue()).toBe('待审核');
    const ok = ss._userEdit('Projects', 'B2', '重点项目', STAFF);
    expect(ok.accepted).toBe(true);
    expect(ok.event?.oldValue).toBe('待审核');
  });

  test('an edit of a protected cell by a user who is not a protection editor is refused', () => {
    const { ss } = reviewSheet();
    expect(ss._userEdit('Projects', 'C2', '50', OTHER)).toMatchObject({
      accepted: false,
      reason: 'protected',
    });
    expect(ss._userEdit('Projects', 'A2', 'P1-renamed', OTHER).accepted).toBe(true);
    expect(ss._canEdit(OWNER, 'Projects', 2, 3)).toBe(true);
  });

  test('a person who is not an editor of the spreadsheet cannot edit at all', () => {
    const { ss } = reviewSheet();
    expect(ss._userEdit('Projects', 'A2', 'x', 'stranger@example.com')).toMatchObject({
      accepted: false,
      reason: 'not an editor of the spreadsheet',
    });
  });

  test('a date typed by a person becomes a Date; onEdit receives its serial number as text', () => {
    const { ss } = reviewSheet();
    const res = ss._userEdit('Projects', 'D2', '2014-05-20', STAFF);
    expect(res.newValue).toEqual(new Date('2014-05-20T00:00:00+08:00'));
    expect(res.event?.value).toBe('41779');
  });
});
