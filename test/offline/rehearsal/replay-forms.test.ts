import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FormApp } from '../../../src/offline/emulator/form-app';
import { ScriptApp } from '../../../src/offline/emulator/script-app';
import { CampaignHarness } from '../../../src/offline/harness';
import { REPLAYERS, type ReplayContext } from '../../../src/offline/rehearsal/engine';
import {
  formReplayNotes,
  type FormReplayResult,
  type ReplayedResponse,
} from '../../../src/offline/rehearsal/replay-forms';
import type {
  EditEvent,
  Scenario,
  ScenarioEvent,
  SubmitEvent,
} from '../../../src/offline/rehearsal/scenario';

const ADMIN = 'admin@campaign.example';
const GHOST = 'former-admin@campaign.example';
const START = Date.parse('2014-05-19T10:00:00+08:00');

/**
 * A tiny stand-in for the product bundle: activate creates the application form, records the
 * properties contract and installs the submit triggers; onFormSubmit logs each response once
 * (deduplicated by response id + timestamp under the script lock, as the real script must).
 */
const BUNDLE = String.raw`
function activate() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var form = FormApp.create('申报表', true).setTitle('申报表');
  form.setCollectEmail(true).setAllowResponseEdits(true);
  var unit = form.addListItem().setTitle('申报单位').setChoiceValues(['组织部', '宣传部']);
  var name = form.addTextItem().setTitle('项目名称');
  var themes = form.addCheckboxItem().setTitle('服务主题').setChoiceValues(['服务民生', '服务群众']);
  var due = form.addDateItem().setTitle('完成期限');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  var props = PropertiesService.getScriptProperties();
  props.setProperty('form.application.id', form.getId());
  props.setProperty('form.application.items', JSON.stringify({
    unitId: unit.getId(), projectName: name.getId(), themes: themes.getId(), dueDate: due.getId()
  }));
  ScriptApp.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create();
  ScriptApp.newTrigger('onSheetSubmit').forSpreadsheet(ss).onFormSubmit().create();
  ss.insertSheet('log').appendRow(['responseId', 'email', 'unit', 'themes', 'due', 'name', 'runAs']);
  ss.insertSheet('sheetlog').appendRow(['row', 'name', 'values']);
}

function onFormSubmit(e) {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  try {
    var r = e.response;
    var key = 'seen.' + r.getId() + '.' + r.getTimestamp().getTime();
    var props = PropertiesService.getScriptProperties();
    if (props.getProperty(key)) return 'duplicate';
    props.setProperty(key, '1');
    var answers = {};
    r.getItemResponses().forEach(function (ir) { answers[ir.getItem().getTitle()] = ir.getResponse(); });
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('log').appendRow([
      r.getId(), r.getRespondentEmail(), answers['申报单位'], (answers['服务主题'] || []).join('|'),
      "'" + answers['完成期限'], "'" + answers['项目名称'], Session.getEffectiveUser().getEmail()
    ]);
    return 'recorded';
  } finally {
    lock.releaseLock();
  }
}

function onSheetSubmit(e) {
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('sheetlog').appendRow([
    e.range.getRow(), "'" + e.namedValues['项目名称'][0], e.values.length
  ]);
  return e.source.getId();
}

function scriptSubmit() {
  var form = FormApp.openById(PropertiesService.getScriptProperties().getProperty('form.application.id'));
  var name = form.getItems(FormApp.ItemType.TEXT)[0].asTextItem();
  return form.createResponse().withItemResponse(name.createResponse('脚本代交')).submit().getId();
}
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replay-forms-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), BUNDLE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function activated() {
  const harness = new CampaignHarness({
    now: START,
    seed: 3,
    owner: ADMIN,
    bundlePath: path.join(dir, 'Code.js'),
  });
  const run = harness.run({
    handler: 'activate',
    trigger: 'manual',
    effectiveUser: ADMIN,
    activeUser: ADMIN,
  });
  expect(run.error).toBeUndefined();
  const context: ReplayContext = { scenario: {} as Scenario, responses: new Map() };
  return { harness, context };
}

function submit(at: string, fields: Partial<SubmitEvent>): SubmitEvent {
  return {
    type: 'submit',
    form: 'application',
    email: 'dw@fgw.example.cn',
    answers: {},
    at,
    atMs: Date.parse(at),
    line: 1,
    ...fields,
  };
}

function edit(at: string, of: string, answers: EditEvent['answers']): EditEvent {
  return {
    type: 'edit',
    of,
    submitId: of,
    form: 'application',
    email: 'dw@fgw.example.cn',
    answers,
    at,
    atMs: Date.parse(at),
    line: 2,
  };
}

function replay(harness: CampaignHarness, event: ScenarioEvent, context: ReplayContext) {
  harness.advanceTo(event.atMs);
  const replayer = REPLAYERS[event.type];
  if (!replayer) throw new Error(`no replayer for ${event.type}`);
  return replayer(harness, event, context) as FormReplayResult;
}

describe('replaying submit and edit events through the installed triggers', () => {
  test('the engine registers replayers for submit and edit', () => {
    expect(typeof REPLAYERS.submit).toBe('function');
    expect(typeof REPLAYERS.edit).toBe('function');
  });

  test('a submit fires the form trigger and the spreadsheet trigger with their Apps Script events; an unknown answer key is dropped and noted', () => {
    const { harness, context } = activated();
    const runs = replay(
      harness,
      submit('2014-05-21T10:03:00+08:00', {
        id: 'e1',
        answers: {
          unitId: '组织部',
          projectName: '=1+1',
          themes: ['服务民生', '服务群众'],
          dueDate: '2014-12-20',
          budget: 5,
        },
      }),
      context,
    );
    expect(runs.map((r) => [r.execution.handler, r.execution.trigger, r.ok, r.value])).toEqual([
      ['onFormSubmit', 'form', true, 'recorded'],
      ['onSheetSubmit', 'form', true, expect.stringMatching(/^1EmuSS/)],
    ]);
    expect(runs.notes.map((n) => n.problem)).toEqual([
      'answer "budget" dropped: the form has no item for it',
    ]);
    expect(formReplayNotes(context)).toHaveLength(1);
    const responseId = (context.responses.get('e1') as ReplayedResponse).responseId;
    expect(harness.values('log')?.[1]).toEqual([
      responseId,
      'dw@fgw.example.cn',
      '组织部',
      '服务民生|服务群众',
      '2014-12-20',
      '=1+1',
      ADMIN,
    ]);
    expect(harness.values('sheetlog')?.[1]).toEqual([2, '=1+1', 6]);
    expect(harness.values('表单回复 1')?.[1][3]).toBe('=1+1');
  });

  test("a ghost trigger (another account's) fires too, as its owner; the idempotent handler ignores the duplicate", () => {
    const { harness, context } = activated();
    const formId = FormApp._forms(harness.ws)[0].getId();
    ScriptApp._as(harness.ws, GHOST)
      .newTrigger('onFormSubmit')
      .forForm(formId)
      .onFormSubmit()
      .create();
    const runs = replay(
      harness,
      submit('2014-05-21T10:03:00+08:00', { id: 'e1', answers: { projectName: 'A' } }),
      context,
    );
    expect(runs.map((r) => [r.execution.handler, r.execution.effectiveUser, r.value])).toEqual([
      ['onFormSubmit', ADMIN, 'recorded'],
      ['onSheetSubmit', ADMIN, expect.any(String)],
      ['onFormSubmit', GHOST, 'duplicate'],
    ]);
    expect(harness.values('log')).toHaveLength(2);
  });

  test('an edit keeps the response id, rewrites the same response-sheet row, and fires the triggers again', () => {
    const { harness, context } = activated();
    replay(
      harness,
      submit('2014-05-21T10:03:00+08:00', {
        id: 'e1',
        answers: { projectName: '旧名', themes: ['服务民生'] },
      }),
      context,
    );
    replay(
      harness,
      submit('2014-05-21T11:00:00+08:00', {
        id: 'e2',
        email: 'other@unit.example.cn',
        answers: { projectName: '别的' },
      }),
      context,
    );
    const runs = replay(
      harness,
      edit('2014-05-22T09:00:00+08:00', 'e1', { projectName: '新名' }),
      context,
    );
    expect(runs.map((r) => [r.execution.handler, r.value])).toEqual([
      ['onFormSubmit', 'recorded'],
      ['onSheetSubmit', expect.any(String)],
    ]);
    const log = harness.values('log') ?? [];
    expect(log).toHaveLength(4);
    expect(log[3][0]).toBe(log[1][0]);
    expect(log[3][3]).toBe('服务民生');
    expect(log[3][5]).toBe('新名');
    const responses = harness.values('表单回复 1') ?? [];
    expect(responses).toHaveLength(3);
    expect(responses[1][3]).toBe('新名');
    expect(responses[1][0]).toEqual(new Date(Date.parse('2014-05-22T09:00:00+08:00')));
    expect(responses[2][3]).toBe('别的');
    expect(harness.values('sheetlog')?.[3][0]).toBe(2);
  });

  test('a response submitted by the script itself (FormResponse.submit) fires no trigger', () => {
    const { harness } = activated();
    const before = harness.ws.executions.length;
    const run = harness.run({ handler: 'scriptSubmit', trigger: 'manual', effectiveUser: ADMIN });
    expect(run.ok).toBe(true);
    expect(harness.ws.executions.length).toBe(before + 1);
    expect(harness.values('表单回复 1')?.[1][3]).toBe('脚本代交');
    expect(harness.values('log')).toHaveLength(1);
  });

  test('a submit to a form the campaign does not have is noted and skipped; the rehearsal goes on', () => {
    const { harness, context } = activated();
    const runs = replay(
      harness,
      submit('2014-05-21T10:03:00+08:00', { id: 'p1', form: 'plan', answers: { x: 1 } }),
      context,
    );
    expect(runs).toHaveLength(0);
    expect(runs.notes[0].problem).toMatch(/form\.plan\.id is not set/);
    const orphan = replay(harness, edit('2014-05-22T10:00:00+08:00', 'p1', { x: 2 }), context);
    expect(orphan).toHaveLength(0);
    expect(orphan.notes[0].problem).toMatch(/not submitted/);
  });

  test('a submit to a closed form is refused by Google Forms: noted, no trigger fires', () => {
    const { harness, context } = activated();
    FormApp._forms(harness.ws)[0].setAcceptingResponses(false);
    const runs = replay(harness, submit('2014-05-21T10:03:00+08:00', { id: 'e1' }), context);
    expect(runs).toHaveLength(0);
    expect(runs.notes[0].problem).toMatch(/refused by Google Forms \(closed\)/);
    expect(context.responses.has('e1')).toBe(false);
  });
});
