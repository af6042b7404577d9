import { Workspace } from '../../../src/offline/emulator/core';
import {
  SpreadsheetApp,
  createBoundSpreadsheet,
} from '../../../src/offline/emulator/spreadsheet-app';
import { LockService, SCRIPT_LOCK } from '../../../src/offline/emulator/lock-service';

type ButtonSet = GoogleAppsScript.Base.ButtonSet;

function setup(trigger: 'simple' | 'time' | 'menu' = 'simple') {
  const ws = new Workspace({ now: Date.parse('2014-05-20T01:00:00Z') });
  createBoundSpreadsheet(ws, 'Campaign');
  const app = new SpreadsheetApp(ws);
  const ex = ws.startExecution('onOpen', trigger);
  return { ws, app, run: <T>(fn: () => T): T => ws.within(ex, fn) };
}

describe('Ui', () => {
  // Source: https://developers.google.com/apps-script/reference/base/ui#alert(String) (and
  // #prompt(String)): "LockService locks don't persist across the suspension".
  test.each(['alert', 'prompt'] as const)(
    'a %s releases every lock the execution holds (reference: Ui#alert "locks don\'t persist across the suspension")',
    (dialog) => {
      const { ws, app, run } = setup('menu');
      const locks = new LockService(ws);
      run(() => {
        const script = locks.getScriptLock();
        const user = locks.getUserLock();
        script.waitLock(1000);
        user.waitLock(1000);
        app.getUi()[dialog]('Go on?');
        expect(script.hasLock()).toBe(false);
        expect(user.hasLock()).toBe(false);
        expect(LockService._held(ws)).toEqual([]);
        // The lock can be taken again after the dialog.
        expect(script.tryLock(0)).toBe(true);
      });
      expect(LockService._isHeld(ws, SCRIPT_LOCK)).toBe(true);
    },
  );

  test('createMenu().addItem().addSeparator().addSubMenu().addToUi() is recorded with its items', () => {
    const { app, run } = setup();
    run(() => {
      const ui = app.getUi();
      ui.createMenu('Campaign')
        .addItem('Set up', 'setup')
        .addSeparator()
        .addSubMenu(ui.createMenu('Reports').addItem('Daily', 'dailyReport'))
        .addToUi();
    });
    expect(app._ui()._menus()).toEqual([
      {
        caption: 'Campaign',
        executionId: 1,
        entries: [
          { kind: 'item', caption: 'Set up', functionName: 'setup' },
          { kind: 'separator' },
          {
            kind: 'subMenu',
            caption: 'Reports',
            entries: [{ kind: 'item', caption: 'Daily', functionName: 'dailyReport' }],
          },
        ],
      },
    ]);
  });

  test('adding a menu with the same caption again (onOpen on every open) replaces it', () => {
    const { app, run } = setup();
    run(() => app.getUi().createMenu('Campaign').addItem('A', 'a').addToUi());
    run(() => app.getUi().createMenu('Campaign').addItem('B', 'b').addToUi());
    const menus = app._ui()._menus();
    expect(menus).toHaveLength(1);
    expect(menus[0].entries).toEqual([{ kind: 'item', caption: 'B', functionName: 'b' }]);
  });

  test('alert is recorded and returns Button.OK, or the answer the host scripted', () => {
    const { app, run } = setup('menu');
    run(() => {
      const ui = app.getUi();
      expect(ui.alert('Done')).toBe(ui.Button.OK);
      app._ui()._scriptAnswers([{ button: 'NO' }]);
      expect(ui.alert('Sure?', 'Delete all?', ui.ButtonSet.YES_NO as unknown as ButtonSet)).toBe(
        'NO',
      );
      expect(ui.alert('Continue?', ui.ButtonSet.YES_NO as unknown as ButtonSet)).toBe('YES');
    });
    expect(app._ui()._alerts()).toMatchObject([
      { kind: 'alert', title: '', prompt: 'Done', buttons: 'OK', answer: 'OK' },
      { kind: 'alert', title: 'Sure?', prompt: 'Delete all?', buttons: 'YES_NO', answer: 'NO' },
      { kind: 'alert', title: '', prompt: 'Continue?', buttons: 'YES_NO', answer: 'YES' },
    ]);
  });

  test('prompt returns the scripted text and button', () => {
    const { app, run } = setup('menu');
    app._ui()._scriptAnswers([{ button: 'OK', text: '2014-06-01' }]);
    const res = run(() => app.getUi().prompt('Deadline?'));
    expect(res.getResponseText()).toBe('2014-06-01');
    expect(String(res.getSelectedButton())).toBe('OK');
  });

  test("getUi() in a time-driven run throws 'Cannot call SpreadsheetApp.getUi() from this context.'", () => {
    const { app, run } = setup('time');
    expect(() => run(() => app.getUi())).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});
