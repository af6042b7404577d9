import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECTS_SHEET } from '../../../sheets-templates/data-sheets';
import { CampaignHarness } from '../../../src/offline/harness';
import { REPLAYERS, type ReplayContext } from '../../../src/offline/rehearsal/engine';
import {
  replayReview,
  reviewReplayNotes,
  type ReviewReplayResult,
} from '../../../src/offline/rehearsal/replay-review';
import type { ReviewEvent, Scenario } from '../../../src/offline/rehearsal/scenario';

const ADMIN = 'admin@campaign.example';
const STAFF = 'zzb@campaign.example';
const START = Date.parse('2014-06-20T11:00:00+08:00');

const label = (key: string) => {
  const column = PROJECTS_SHEET.columns.find((c) => c.key === key);
  if (!column) throw new Error(`no column ${key}`);
  return column.label.zh;
};

/**
 * A toy bundle: setup makes the 项目库 sheet (the test lays out its header) with the project id
 * column protected, and installs the edit trigger. The handler logs each edit; typing 插行 makes it
 * insert a row at the top, moving every project down one row.
 */
const BUNDLE = String.raw`
function setup() {
  var ss = SpreadsheetApp.getActive();
  var sheet = ss.insertSheet('项目库');
  var p = sheet.getRange('B1:B1000').protect();
  p.removeEditors(p.getEditors());
  ScriptApp.newTrigger('onReviewEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}

function onReviewEdit(e) {
  console.log(JSON.stringify({
    range: e.range.getA1Notation(), value: e.value, oldValue: e.oldValue, user: e.user.getEmail()
  }));
  if (e.value === '插行') e.range.getSheet().insertRowBefore(2);
}
`;

// Columns deliberately out of the template's order: the replay must go by header labels.
const HEADER = ['status', 'projectId', 'unitId', 'projectName', 'score', 'comment', 'unitName'];
const ROWS = [
  ['', 'P-001', 'U01', '社区服务站', '', '', '组织部'],
  ['', 'P-002', 'U02', '便民热线', '', '', '宣传部'],
  ['', 'P-003', 'U01', '便民热线', '', '', '组织部'],
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-review-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), BUNDLE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function prepared(options: { share?: boolean } = {}) {
  const harness = new CampaignHarness({
    now: START,
    seed: 7,
    owner: ADMIN,
    bundlePath: path.join(dir, 'Code.js'),
  });
  const run = harness.run({
    handler: 'setup',
    trigger: 'manual',
    effectiveUser: ADMIN,
    activeUser: ADMIN,
  });
  expect(run.error).toBeUndefined();
  harness.paste('项目库', 1, [HEADER.map(label), ...ROWS], ADMIN);
  if (options.share !== false) harness.shareWith([STAFF]);
  const context: ReplayContext = { scenario: {} as Scenario, responses: new Map() };
  return { harness, context };
}

function review(fields: Partial<ReviewEvent>): ReviewEvent {
  const at = '2014-06-20T11:00:00+08:00';
  return {
    type: 'review',
    by: STAFF,
    project: { projectId: 'P-001' },
    set: {},
    at,
    atMs: Date.parse(at),
    line: 3,
    ...fields,
  };
}

const replay = (h: CampaignHarness, e: ReviewEvent, c: ReplayContext) =>
  replayReview(h, e, c) as ReviewReplayResult;
const logged = (runs: ReviewReplayResult) => runs.map((r) => r.execution.logs[0]?.json);

describe('replay of review events', () => {
  test('the engine replays review events with this replayer', () => {
    expect(REPLAYERS.review).toBe(replayReview);
  });

  test('a staff member edits the named cells of the project, one edit per cell in the order given, each firing the edit trigger', () => {
    const { harness, context } = prepared();
    const runs = replay(
      harness,
      review({ set: { score: 92, status: '重点项目', comment: '材料齐全' } }),
      context,
    );
    expect(runs.notes).toEqual([]);
    expect(runs.map((r) => [r.execution.handler, r.execution.activeUser, r.ok])).toEqual([
      ['onReviewEdit', STAFF, true],
      ['onReviewEdit', STAFF, true],
      ['onReviewEdit', STAFF, true],
    ]);
    expect(logged(runs)).toEqual([
      { range: 'E2', value: '92', user: STAFF },
      { range: 'A2', value: '重点项目', user: STAFF },
      { range: 'F2', value: '材料齐全', user: STAFF },
    ]);
    const row = harness.values('项目库')?.[1];
    expect(row).toEqual(['重点项目', 'P-001', 'U01', '社区服务站', 92, '材料齐全', '组织部']);
  });

  test('a project named by unit and exact project name is found among projects sharing the name', () => {
    const { harness, context } = prepared();
    const runs = replay(
      harness,
      review({ project: { unitId: 'U01', projectName: '便民热线' }, set: { score: 60 } }),
      context,
    );
    expect(logged(runs)).toEqual([{ range: 'E4', value: '60', user: STAFF }]);
  });

  test('the unit may be given by its name, as the forms show it', () => {
    const { harness, context } = prepared();
    const runs = replay(
      harness,
      review({ project: { unitId: '宣传部', projectName: '便民热线' }, set: { score: 61 } }),
      context,
    );
    expect(logged(runs)).toEqual([{ range: 'E3', value: '61', user: STAFF }]);
  });

  test('a number is typed as a number and a string as typed text (Sheets reads "0088" as 88, as typing does); null clears the cell', () => {
    const { harness, context } = prepared();
    replay(harness, review({ set: { score: 88, comment: '0088' } }), context);
    expect(harness.values('项目库')?.[1].slice(4, 6)).toEqual([88, 88]);
    const runs = replay(harness, review({ set: { score: null } }), context);
    expect(logged(runs)).toEqual([{ range: 'E2', oldValue: '88', user: STAFF }]);
    expect(harness.values('项目库')?.[1][4]).toBe('');
  });

  test('a project that is not in the sheet (not submitted yet, or rejected) gives a note and no edits', () => {
    const { harness, context } = prepared();
    const runs = replay(
      harness,
      review({ project: { projectId: 'P-404' }, set: { score: 1 } }),
      context,
    );
    expect(runs).toHaveLength(0);
    expect(runs.notes).toEqual([
      {
        line: 3,
        type: 'review',
        by: STAFF,
        project: 'P-404',
        problem: 'project P-404 is not in 项目库 (not submitted yet, or rejected)',
      },
    ]);
    expect(reviewReplayNotes(context)).toEqual(runs.notes);
  });

  test('a reviewer the spreadsheet is not shared with is shared with first, and the replay says so', () => {
    const { harness, context } = prepared({ share: false });
    expect(harness.isEditor(STAFF)).toBe(false);
    const runs = replay(harness, review({ set: { score: 70 } }), context);
    expect(harness.isEditor(STAFF)).toBe(true);
    expect(runs).toHaveLength(1);
    expect(runs.notes.map((n) => n.problem)).toEqual([
      `${STAFF} was not an editor of the spreadsheet; the owner shared it with them first`,
    ]);
  });

  test('a protected cell is refused by Sheets (nothing fires) and an unknown key is dropped; the other cells are still edited', () => {
    const { harness, context } = prepared();
    const runs = replay(
      harness,
      review({ set: { projectId: 'P-999', rating: 5, score: 77 } }),
      context,
    );
    expect(logged(runs)).toEqual([{ range: 'E2', value: '77', user: STAFF }]);
    expect(runs.notes.map((n) => n.problem)).toEqual([
      'edit of "projectId" (B2) refused by Sheets: protected',
      '"rating" dropped: 项目库 has no such column',
    ]);
    expect(harness.values('项目库')?.[1][1]).toBe('P-001');
  });

  test('the project is found again before each cell, so a trigger that moves rows does not misdirect the next edit', () => {
    const { harness, context } = prepared();
    const runs = replay(harness, review({ set: { comment: '插行', score: 50 } }), context);
    expect(logged(runs).map((e) => (e as { range: string }).range)).toEqual(['F2', 'E3']);
    expect(harness.values('项目库')?.[2].slice(1, 6)).toEqual([
      'P-001',
      'U01',
      '社区服务站',
      50,
      '插行',
    ]);
  });

  test('two projects matching the same unit and name are ambiguous: a note, no edits', () => {
    const { harness, context } = prepared();
    harness.paste('项目库', 5, [['', 'P-004', 'U01', '便民热线', '', '', '组织部']], ADMIN);
    const runs = replay(
      harness,
      review({ project: { unitId: 'U01', projectName: '便民热线' }, set: { score: 1 } }),
      context,
    );
    expect(runs).toHaveLength(0);
    expect(runs.notes[0].problem).toMatch(/matches rows 4, 5/);
  });
});
