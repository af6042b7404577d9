import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScriptApp } from '../../src/offline/emulator/script-app';
import { CampaignHarness } from '../../src/offline/harness';
import type { RunResult } from '../../src/offline/sandbox/sandbox';

const ADMIN = 'admin@campaign.example';
const STAFF = 'zzb@campaign.example';
const OUTSIDER = 'someone@elsewhere.example';
const GHOST = 'former-admin@campaign.example';
const START = Date.parse('2014-06-20T11:00:00+08:00');

/**
 * A toy bundle: setup makes a 审核 sheet (column A protected so only the owner may edit it,
 * column C a status dropdown that rejects other input) and installs an edit trigger; the handler
 * logs what Apps Script hands it.
 */
const INSTALLABLE = String.raw`
function setup() {
  var ss = SpreadsheetApp.getActive();
  var sheet = ss.insertSheet('审核');
  sheet.getRange('A1:D1').setValues([['编号', '评分', '状态', '意见']]);
  sheet.getRange('A2:D3').setValues([['P-1', 80, '通过', ''], ['P-2', '', '', '']]);
  var p = sheet.getRange('A1:A100').protect();
  p.removeEditors(p.getEditors());
  sheet.getRange('C2:C100').setDataValidation(
    SpreadsheetApp.newDataValidation().requireValueInList(['通过', '不通过']).setAllowInvalid(false).build()
  );
  ScriptApp.newTrigger('onReviewEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}

function onReviewEdit(e) {
  console.log(JSON.stringify({
    range: e.range.getA1Notation(), value: e.value, oldValue: e.oldValue, user: e.user.getEmail(),
    runAs: Session.getEffectiveUser().getEmail(), authMode: String(e.authMode),
    uid: e.triggerUid, sheet: e.source.getId() === SpreadsheetApp.getActive().getId()
  }));
  return e.range.getValues();
}
`;

/** The same, plus a simple onEdit (no installable trigger of its own). */
const WITH_SIMPLE =
  INSTALLABLE +
  String.raw`
function onEdit(e) {
  console.log(JSON.stringify({
    simple: true, range: e.range.getA1Notation(), value: e.value, oldValue: e.oldValue,
    user: e.user.getEmail(), runAs: Session.getEffectiveUser().getEmail(),
    authMode: String(e.authMode), uid: e.triggerUid === undefined ? null : e.triggerUid
  }));
}
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-'));
  fs.writeFileSync(path.join(dir, 'installable.js'), INSTALLABLE);
  fs.writeFileSync(path.join(dir, 'simple.js'), WITH_SIMPLE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function harnessWith(bundle: 'installable' | 'simple'): CampaignHarness {
  const harness = new CampaignHarness({
    now: START,
    seed: 5,
    owner: ADMIN,
    bundlePath: path.join(dir, `${bundle}.js`),
  });
  const run = harness.run({
    handler: 'setup',
    trigger: 'manual',
    effectiveUser: ADMIN,
    activeUser: ADMIN,
  });
  expect(run.error).toBeUndefined();
  harness.shareWith([STAFF]);
  return harness;
}

const logged = (runs: RunResult[]) => runs.map((r) => r.execution.logs.map((l) => l.json)[0]);

describe('CampaignHarness.edit: a person types into one cell', () => {
  test('an installable onEdit trigger fires once, as its owner, with e.range, e.value, e.oldValue and e.user', () => {
    const harness = harnessWith('installable');
    const uid = harness.triggers().find((t) => t.handler === 'onReviewEdit')?.id;
    const outcome = harness.edit(STAFF, '审核', 'B2', 92);
    expect(outcome.accepted).toBe(true);
    expect(outcome.runs).toHaveLength(1);
    const [run] = outcome.runs;
    expect(run.ok).toBe(true);
    expect(run.execution.trigger).toBe('spreadsheet');
    expect(run.execution.effectiveUser).toBe(ADMIN);
    expect(run.execution.activeUser).toBe(STAFF);
    expect(logged(outcome.runs)).toEqual([
      {
        range: 'B2',
        value: '92',
        oldValue: '80',
        user: STAFF,
        runAs: ADMIN,
        authMode: 'FULL',
        uid,
        sheet: true,
      },
    ]);
    expect(harness.values('审核')?.[1][1]).toBe(92);
  });

  test('typing into an empty cell gives no e.oldValue; typed text is coerced as Sheets coerces it', () => {
    const harness = harnessWith('installable');
    const outcome = harness.edit(STAFF, '审核', 'B3', '75');
    const [entry] = logged(outcome.runs) as Record<string, unknown>[];
    expect(entry.value).toBe('75');
    expect('oldValue' in entry).toBe(false);
    expect(harness.values('审核')?.[2][1]).toBe(75);
  });

  test('an edit of a protected cell by someone not among its editors is refused and fires nothing', () => {
    const harness = harnessWith('installable');
    const outcome = harness.edit(STAFF, '审核', 'A2', 'P-9');
    expect(outcome).toEqual({ accepted: false, reason: 'protected', runs: [] });
    expect(harness.ws.executions.map((e) => e.handler)).toEqual(['setup']);
    expect(harness.values('审核')?.[1][0]).toBe('P-1');
  });

  test('someone the spreadsheet is not shared with cannot edit it at all', () => {
    const harness = harnessWith('installable');
    const outcome = harness.edit(OUTSIDER, '审核', 'D2', '好');
    expect(outcome).toEqual({
      accepted: false,
      reason: 'not an editor of the spreadsheet',
      runs: [],
    });
    harness.shareWith([OUTSIDER]);
    expect(harness.isEditor(OUTSIDER)).toBe(true);
    expect(harness.edit(OUTSIDER, '审核', 'D2', '好').accepted).toBe(true);
  });

  test('input rejected by data validation is not stored and fires nothing', () => {
    const harness = harnessWith('installable');
    const outcome = harness.edit(STAFF, '审核', 'C2', '待定');
    expect(outcome).toEqual({ accepted: false, reason: 'invalid', runs: [] });
    expect(harness.values('审核')?.[1][2]).toBe('通过');
  });

  test('the owner edits protected cells (owners are never locked out)', () => {
    const harness = harnessWith('installable');
    expect(harness.edit(ADMIN, '审核', 'A3', 'P-3').accepted).toBe(true);
  });

  test('a simple onEdit(e) runs too, as the editor in LIMITED mode without a triggerUid', () => {
    const harness = harnessWith('simple');
    const outcome = harness.edit(STAFF, '审核', 'D2', '材料齐全');
    expect(outcome.runs.map((r) => [r.execution.handler, r.execution.trigger])).toEqual([
      ['onEdit', 'simple'],
      ['onReviewEdit', 'spreadsheet'],
    ]);
    expect(logged(outcome.runs)[0]).toEqual({
      simple: true,
      range: 'D2',
      value: '材料齐全',
      user: STAFF,
      runAs: STAFF,
      authMode: 'LIMITED',
      uid: null,
    });
  });

  test('no simple trigger runs when the bundle has no top-level onEdit', () => {
    const harness = harnessWith('installable');
    const handlers = harness.edit(STAFF, '审核', 'D2', 'x').runs.map((r) => r.execution.handler);
    expect(handlers).toEqual(['onReviewEdit']);
  });

  test("another account's (ghost) edit trigger fires too, as that account", () => {
    const harness = harnessWith('installable');
    ScriptApp._as(harness.ws, GHOST)
      .newTrigger('onReviewEdit')
      .forSpreadsheet(harness.spreadsheet.getId())
      .onEdit()
      .create();
    const outcome = harness.edit(STAFF, '审核', 'B2', 60);
    expect(outcome.runs.map((r) => r.execution.effectiveUser)).toEqual([ADMIN, GHOST]);
    expect(logged(outcome.runs).map((e) => (e as { runAs: string }).runAs)).toEqual([ADMIN, GHOST]);
  });

  test('an onChange trigger of the spreadsheet fires for an edit with changeType EDIT; other spreadsheets’ and other events’ triggers do not', () => {
    const harness = harnessWith('installable');
    const as = ScriptApp._as(harness.ws, ADMIN);
    as.newTrigger('onReviewEdit').forSpreadsheet('1SomeOtherSpreadsheet').onEdit().create();
    as.newTrigger('onReviewEdit').forSpreadsheet(harness.spreadsheet.getId()).onOpen().create();
    as.newTrigger('onChange').forSpreadsheet(harness.spreadsheet.getId()).onChange().create();
    const outcome = harness.edit(STAFF, '审核', 'B2', 61);
    expect(outcome.runs.map((r) => r.execution.handler)).toEqual(['onReviewEdit', 'onChange']);
    const changed = outcome.runs[1];
    // The toy bundle has no onChange function: the run fails, but it was fired.
    expect(changed.ok).toBe(false);
  });
});

describe('CampaignHarness.pasteBlock: a person pastes a block of cells', () => {
  test('the edit trigger fires once for the whole block, with e.range the block and no e.value / e.oldValue', () => {
    const harness = harnessWith('installable');
    const outcome = harness.pasteBlock(STAFF, '审核', 'B2:D3', [
      [90, '通过', '好'],
      ['70', '不通过', ''],
    ]);
    expect(outcome.accepted).toBe(true);
    expect(outcome.refused).toEqual([]);
    expect(outcome.runs).toHaveLength(1);
    const [entry] = logged(outcome.runs) as Record<string, unknown>[];
    expect(entry.range).toBe('B2:D3');
    expect(entry.user).toBe(STAFF);
    expect('value' in entry).toBe(false);
    expect('oldValue' in entry).toBe(false);
    expect(outcome.runs[0].value).toEqual([
      [90, '通过', '好'],
      [70, '不通过', ''],
    ]);
  });

  test('a paste that covers a protected cell is refused as a whole: nothing written, nothing fired', () => {
    const harness = harnessWith('installable');
    const outcome = harness.pasteBlock(STAFF, '审核', 'A2:B2', [['P-9', 99]]);
    expect(outcome.accepted).toBe(false);
    expect(outcome.refused).toEqual([{ a1: 'A2', reason: 'protected' }]);
    expect(outcome.runs).toEqual([]);
    expect(harness.values('审核')?.[1].slice(0, 2)).toEqual(['P-1', 80]);
  });

  test('a paste with a value a rejecting validation refuses is refused as a whole', () => {
    const harness = harnessWith('installable');
    const outcome = harness.pasteBlock(STAFF, '审核', 'B3:C3', [[55, '待定']]);
    expect(outcome.accepted).toBe(false);
    expect(outcome.refused).toEqual([{ a1: 'C3', reason: 'invalid' }]);
    expect(harness.values('审核')?.[2].slice(1, 3)).toEqual(['', '']);
    expect(outcome.runs).toEqual([]);
  });

  test('a one-cell paste is a single-cell edit: e.value and e.oldValue are given', () => {
    const harness = harnessWith('installable');
    const outcome = harness.pasteBlock(STAFF, '审核', 'B2', [[85]]);
    expect(logged(outcome.runs)[0]).toMatchObject({ range: 'B2', value: '85', oldValue: '80' });
  });

  test('values that do not fit the block are a host error', () => {
    const harness = harnessWith('installable');
    expect(() => harness.pasteBlock(STAFF, '审核', 'B2:C3', [[1, 2]])).toThrow(/2×2/);
  });
});

describe('CampaignHarness.editTogether: two people edit at the same moment', () => {
  test('both edits land, and both trigger executions run (interleaved)', () => {
    const harness = harnessWith('installable');
    const { outcomes, runs } = harness.editTogether(
      [
        { user: STAFF, sheetTitle: '审核', a1: 'B2', typed: 1 },
        { user: ADMIN, sheetTitle: '审核', a1: 'B3', typed: 2 },
        { user: STAFF, sheetTitle: '审核', a1: 'A3', typed: 'no' },
      ],
      { seed: 9 },
    );
    expect(outcomes).toEqual([
      { accepted: true },
      { accepted: true },
      { accepted: false, reason: 'protected' },
    ]);
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.ok)).toBe(true);
    const ranges = logged(runs).map((e) => (e as { range: string }).range);
    expect(ranges.sort()).toEqual(['B2', 'B3']);
  });
});
