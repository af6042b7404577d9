import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  defaultWindow,
  parseInstant,
  readScenario,
  ScenarioError,
  type Scenario,
} from '../../../src/offline/rehearsal/scenario';

const EXAMPLE = path.resolve(__dirname, '../../../sheets-templates/example-2014');

const GOOD: Record<string, string> = {
  'settings.csv':
    'key,value\ncampaignName,测试活动\nstaffEmails.org,zzb@x.example\nkeyProjectQuota,3\n',
  'units.csv':
    'unitId,name,category,email,active\n' +
    'U01,甲单位,机关事业单位,a@x.example;b@x.example,true\n' +
    'U02,乙单位,驻深企业,c@y.example,false\n',
  'stages.csv':
    'stageId,name,opensOn,deadline,form,audience,remindDaysBefore,overdueEveryDays\n' +
    'apply,申报,2014-05-20,2014-05-30,application,allUnits,"7,3,1",3\n' +
    'summarize,总结,2015-01-05,2015-02-15,selfAssessment,allProjects,"7,3,1",3\n',
  'events.jsonl': [
    '{"id":"e1","at":"2014-05-21T10:03:00+08:00","type":"submit","form":"application","email":"a@x.example","answers":{"unitId":"U01","projectName":"项目","themes":["服务民生"]}}',
    '',
    '{"at":"2014-05-22T16:40:00+08:00","type":"edit","of":"e1","answers":{"measures":"新措施"}}',
    '{"at":"2014-06-20T11:00:00Z","type":"review","by":"zzb@x.example","project":{"unitId":"U01","projectName":"项目"},"set":{"status":"重点项目","score":92}}',
    '{"at":"2014-06-21T11:00:00+08:00","type":"review","by":"zzb@x.example","project":{"projectId":"SJXM-2014-001"},"set":{"status":"备案"}}',
    '',
  ].join('\n'),
};

const dirs: string[] = [];
function scenarioDir(files: Record<string, string | null>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenario-test-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries({ ...GOOD, ...files })) {
    if (text !== null) fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The problem lines of a ScenarioError (everything after its heading line). */
function problems(dir: string): string[] {
  try {
    readScenario(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    const lines = (e as Error).message.split('\n');
    expect(lines[0]).toMatch(/cannot be read \(\d+ problems?\):$/);
    expect(lines.length - 1).toBe((e as ScenarioError).problems.length);
    return lines.slice(1);
  }
  throw new Error('readScenario did not throw');
}

const events = (...lines: string[]): string => lines.join('\n') + '\n';
const submit = (id: string, at: string, extra = ''): string =>
  `{"id":"${id}","at":"${at}","type":"submit","form":"application","email":"a@x.example","answers":{}${extra}}`;

describe('readScenario on valid input', () => {
  let s: Scenario;
  beforeAll(() => {
    s = readScenario(scenarioDir({}));
  });

  test('settings keep file order and raw values; staffEmails.<dept> is accepted', () => {
    expect(s.settings).toEqual([
      { key: 'campaignName', value: '测试活动' },
      { key: 'staffEmails.org', value: 'zzb@x.example' },
      { key: 'keyProjectQuota', value: '3' },
    ]);
  });

  test('units and stages are raw strings under their header keys', () => {
    expect(s.units.header).toEqual(['unitId', 'name', 'category', 'email', 'active']);
    expect(s.units.rows[0]).toEqual([
      'U01',
      '甲单位',
      '机关事业单位',
      'a@x.example;b@x.example',
      'true',
    ]);
    expect(s.stages.rows[0][6]).toBe('7,3,1');
  });

  test('events are typed, with line and epoch ms; blank lines are skipped', () => {
    expect(s.events.map((e) => [e.type, e.line])).toEqual([
      ['submit', 1],
      ['edit', 3],
      ['review', 4],
      ['review', 5],
    ]);
    expect(s.events[0].atMs).toBe(Date.parse('2014-05-21T02:03:00Z'));
    expect(s.events[2].atMs).toBe(Date.parse('2014-06-20T11:00:00Z'));
  });

  test('an edit inherits the respondent and form of the submission it edits', () => {
    const edit = s.events[1];
    expect(edit).toMatchObject({
      type: 'edit',
      of: 'e1',
      submitId: 'e1',
      email: 'a@x.example',
      form: 'application',
      answers: { measures: '新措施' },
    });
  });

  test('review projects are named by unitId + projectName or by projectId', () => {
    expect(s.events[2]).toMatchObject({ project: { unitId: 'U01', projectName: '项目' } });
    expect(s.events[3]).toMatchObject({ project: { projectId: 'SJXM-2014-001' } });
  });

  test('a menu event names who clicks and which item; an edit of it and unknown fields are refused', () => {
    const menu =
      '{"id":"m1","at":"2015-02-28T10:00:00+08:00","type":"menu","by":"zzb@x.example","item":"generateDossiers"}';
    const s = readScenario(scenarioDir({ 'events.jsonl': `${GOOD['events.jsonl']}${menu}\n` }));
    expect(s.events.at(-1)).toMatchObject({
      type: 'menu',
      by: 'zzb@x.example',
      item: 'generateDossiers',
    });
    const bad = problems(
      scenarioDir({
        'events.jsonl': [
          GOOD['events.jsonl'].trimEnd(),
          menu,
          '{"at":"2015-02-28T11:00:00+08:00","type":"edit","of":"m1","answers":{}}',
          '{"at":"2015-02-28T12:00:00+08:00","type":"menu","by":"zzb@x.example","item":"x","set":{}}',
        ].join('\n'),
      }),
    );
    expect(bad).toEqual([
      'events.jsonl:7: edit of "m1", which is a menu (line 6); only submissions can be edited',
      expect.stringMatching(
        /^events\.jsonl:8: unknown field "set" in a menu event \(known: id, at, type, by, item\)/,
      ),
    ]);
  });

  test('environment.json is optional: defaults quota 1500, seed 1', () => {
    expect(s.environment).toEqual({ mailDailyQuota: 1500, seed: 1, latencyScale: 1, faultRate: 0 });
    const withEnv = readScenario(scenarioDir({ 'environment.json': '{"mailDailyQuota":100}' }));
    expect(withEnv.environment).toEqual({
      mailDailyQuota: 100,
      seed: 1,
      latencyScale: 1,
      faultRate: 0,
    });
    const instant = readScenario(
      scenarioDir({ 'environment.json': '{"latencyScale":0,"faultRate":0.02}' }),
    );
    expect(instant.environment).toMatchObject({ latencyScale: 0, faultRate: 0.02 });
  });

  test('values inside the campaign are passed through for the script to handle', () => {
    const s2 = readScenario(
      scenarioDir({
        'settings.csv': 'key,value\nkeyProjectQuota,lots\nlocale,fr\n',
        'units.csv':
          'unitId,name,category,email\nU01,甲,外星单位,not-an-email\nU01,甲,机关事业单位,\n',
        'stages.csv':
          'stageId,name,opensOn,deadline,audience\napply,申报,2014-05-30,2014-05-20,everyone\n',
        'events.jsonl': events(
          '{"at":"2014-05-21T10:00:00+08:00","type":"submit","form":"application","email":"z@q.example","answers":{"unitId":"U99","themes":"not-a-list","budget":-5}}',
          '{"at":"2014-06-20T10:00:00+08:00","type":"review","by":"s@x.example","project":{"projectId":"NOPE"},"set":{"status":"随便","score":1000}}',
        ),
      }),
    );
    expect(s2.settings).toContainEqual({ key: 'keyProjectQuota', value: 'lots' });
    expect(s2.units.rows).toEqual([
      ['U01', '甲', '外星单位', 'not-an-email'],
      ['U01', '甲', '机关事业单位', ''],
    ]);
    expect(s2.stages.rows[0]).toEqual(['apply', '申报', '2014-05-30', '2014-05-20', 'everyone']);
    expect(s2.events[0]).toMatchObject({ answers: { themes: 'not-a-list', budget: -5 } });
    expect(s2.events[1]).toMatchObject({ set: { status: '随便', score: 1000 } });
  });

  test('reads the public example-2014 scenario', () => {
    const ex = readScenario(EXAMPLE);
    expect(ex.units.rows).toHaveLength(8);
    expect(ex.stages.rows.map((r) => r[0])).toEqual([
      'apply',
      'screen',
      'plan',
      'implement',
      'summarize',
    ]);
    expect(ex.events).toHaveLength(27);
    expect(ex.environment).toMatchObject({ mailDailyQuota: 1500, seed: 7, latencyScale: 1 });
    expect(ex.settings.find((x) => x.key === 'keyProjectQuota')?.value).toBe('3');
    expect(ex.events.filter((e) => e.type === 'edit')).toEqual([
      expect.objectContaining({ of: 'a1', email: 'dw@fgw.example', line: 4 }),
    ]);
    expect(defaultWindow(ex)).toEqual({ fromDay: '2014-05-19', toDay: '2015-03-01' });
  });
});

describe('readScenario rejects an unreadable scenario, naming file and line', () => {
  test('missing required files are all reported; environment.json is not required', () => {
    expect(problems(scenarioDir({ 'units.csv': null, 'events.jsonl': null }))).toEqual([
      'units.csv: required file is missing',
      'events.jsonl: required file is missing',
    ]);
  });

  test('a missing folder is reported', () => {
    expect(() => readScenario('/nonexistent/scenario-dir')).toThrow(/scenario folder not found/);
  });

  test('unknown column, with the known keys and a suggestion', () => {
    const p = problems(
      scenarioDir({ 'units.csv': 'unitId,name,category,emial\nU01,甲,机关事业单位,a@x\n' }),
    );
    expect(p).toEqual([
      'units.csv:1: unknown column "emial" (known: unitId, name, category, secretary, contactName, email, phone, memberCount, active, lastElection, termYears); did you mean "email"?',
      'units.csv:1: missing required column "email" for a unit',
    ]);
  });

  test('duplicate columns and missing required stage columns', () => {
    const p = problems(
      scenarioDir({ 'stages.csv': 'stageId,name,name,opensOn\nx,a,b,2014-01-01\n' }),
    );
    expect(p).toEqual([
      'stages.csv:1: column "name" appears twice',
      'stages.csv:1: missing required column "deadline" for a stage',
    ]);
  });

  test('unknown setting keys and a bad settings header', () => {
    expect(
      problems(scenarioDir({ 'settings.csv': 'key,value\ncampaignNmae,x\nstaffEmails.hr,y\n' })),
    ).toEqual([
      expect.stringMatching(
        /^settings\.csv:2: unknown setting "campaignNmae" \(known: campaignName, .*staffEmails\.<dept>, routing\.<category>\); did you mean "campaignName"\?$/,
      ),
    ]);
    expect(problems(scenarioDir({ 'settings.csv': 'name,val\nlocale,en\n' }))).toEqual([
      'settings.csv:1: header must be "key,value" (got "name,val")',
    ]);
  });

  test('bad CSV quoting and wrong field counts name their lines', () => {
    const p = problems(
      scenarioDir({
        'units.csv':
          'unitId,name,category,email\nU01,甲,机关事业单位,a@x\nU02,"乙"单位,机关事业单位,b@x\nU03,丙,机关事业单位\n',
        'stages.csv':
          'stageId,name,opensOn,deadline\napply,"申报,2014-05-20,2014-05-30\nscreen,筛选,2014-06-01,2014-06-30\n',
      }),
    );
    expect(p).toEqual([
      expect.stringMatching(/^units\.csv:3: unexpected text "单位" after a closing quote/),
      'units.csv:4: 3 fields but the header (line 1) has 4',
      expect.stringMatching(/^stages\.csv:2: unterminated quoted field/),
      'stages.csv:2: 2 fields but the header (line 1) has 4',
    ]);
  });

  test('stage dates must be real YYYY-MM-DD dates', () => {
    const p = problems(
      scenarioDir({
        'stages.csv':
          'stageId,name,opensOn,deadline\na,A,2014-5-20,2014-05-30\nb,B,2014-02-29,2014-06-31\nc,C,,2014-07-01\n',
      }),
    );
    expect(p).toEqual([
      'stages.csv:2: opensOn "2014-5-20" is not a date (expected YYYY-MM-DD)',
      'stages.csv:3: opensOn "2014-02-29" is not a real calendar date',
      'stages.csv:3: deadline "2014-06-31" is not a real calendar date',
      'stages.csv:4: opensOn "" is not a date (expected YYYY-MM-DD)',
    ]);
  });

  test('events out of order name both times', () => {
    const p = problems(
      scenarioDir({
        'events.jsonl': events(
          submit('a', '2014-05-21T10:00:00+08:00'),
          submit('b', '2014-05-22T10:00:00+08:00'),
          submit('c', '2014-05-21T12:00:00+08:00'),
          // Same instant written in another offset: not out of order.
          submit('d', '2014-05-21T04:00:00Z'),
        ),
      }),
    );
    expect(p).toEqual([
      'events.jsonl:3: events out of order (2014-05-21T12:00:00+08:00 before 2014-05-22T10:00:00+08:00 on line 2); events must be in non-decreasing "at" order',
    ]);
  });

  test('edits must name an earlier submission; ids are unique', () => {
    const p = problems(
      scenarioDir({
        'events.jsonl': events(
          submit('a', '2014-05-21T10:00:00+08:00'),
          '{"at":"2014-05-21T11:00:00+08:00","type":"edit","of":"zzz","answers":{}}',
          '{"at":"2014-05-21T11:00:00+08:00","type":"edit","of":"later","answers":{}}',
          submit('later', '2014-05-21T12:00:00+08:00'),
          submit('a', '2014-05-21T13:00:00+08:00'),
          '{"id":"r","at":"2014-06-20T10:00:00+08:00","type":"review","by":"s@x.example","project":{"projectId":"P1"},"set":{}}',
          '{"at":"2014-06-21T10:00:00+08:00","type":"edit","of":"r","answers":{}}',
          '{"at":"2014-06-21T10:00:00+08:00","type":"edit","of":"a","email":"other@x.example","answers":{}}',
        ),
      }),
    );
    expect(p).toEqual([
      'events.jsonl:2: edit of unknown event id "zzz"',
      'events.jsonl:3: edit of "later", which comes later (line 4); an edit must follow the submission it edits',
      'events.jsonl:5: duplicate event id "a" (first on line 1)',
      'events.jsonl:7: edit of "r", which is a review (line 6); only submissions can be edited',
      'events.jsonl:8: an edit comes from the respondent who submitted (a@x.example), not other@x.example',
    ]);
  });

  test('an edit of an edit resolves to the original submission', () => {
    const s = readScenario(
      scenarioDir({
        'events.jsonl': events(
          submit('a', '2014-05-21T10:00:00+08:00'),
          '{"id":"a2","at":"2014-05-21T11:00:00+08:00","type":"edit","of":"a","answers":{"x":1}}',
          '{"at":"2014-05-21T12:00:00+08:00","type":"edit","of":"a2","answers":{"x":2}}',
        ),
      }),
    );
    expect(s.events[2]).toMatchObject({ of: 'a2', submitId: 'a', email: 'a@x.example' });
  });

  test('event shapes: JSON, type, offset, form, required fields, unknown fields, project', () => {
    const p = problems(
      scenarioDir({
        'events.jsonl': events(
          '{"at":"2014-05-21T10:00:00+08:00",',
          '["not","an","object"]',
          '{"at":"2014-05-21T10:00:00+08:00","type":"sumbit"}',
          '{"at":"2014-05-21T10:00:00","type":"submit","form":"application","email":"a@x.example","answers":{}}',
          '{"at":"2014-05-21T10:00:00+08:00","type":"submit","form":"report","email":"a@x.example","answers":[]}',
          '{"at":"2014-05-21T10:00:00+08:00","type":"submit","form":"plan","answers":{},"anwsers":{}}',
          '{"at":"2014-05-21T25:00:00+08:00","type":"review","by":"s@x.example","project":{"unitId":"U01"},"set":{}}',
        ),
      }),
    );
    expect(p).toEqual([
      expect.stringMatching(/^events\.jsonl:1: not valid JSON \(/),
      'events.jsonl:2: expected a JSON object',
      'events.jsonl:3: "type" must be one of submit, edit, review, menu (got "sumbit")',
      'events.jsonl:4: "at" "2014-05-21T10:00:00" has no UTC offset (write e.g. 2014-05-21T10:00:00+08:00)',
      'events.jsonl:5: "form" must be one of application, plan, ledger, selfAssessment, meeting, dualLife, rating, progress (got "report")',
      'events.jsonl:5: "answers": expected an object',
      'events.jsonl:6: missing "email"',
      'events.jsonl:6: unknown field "anwsers" in a submit event (known: id, at, type, form, email, answers); did you mean "answers"?',
      'events.jsonl:7: "at" "2014-05-21T25:00:00+08:00" is not a real date and time',
      'events.jsonl:7: "project" must be {"projectId": …} or {"unitId": …, "projectName": …}',
    ]);
  });

  test('environment.json: bad JSON names its line; unknown keys and bad values are reported', () => {
    expect(problems(scenarioDir({ 'environment.json': '{\n  "seed": 1,\n}\n' }))).toEqual([
      expect.stringMatching(/^environment\.json:3: not valid JSON/),
    ]);
    expect(
      problems(
        scenarioDir({
          'environment.json': '{\n"mailDailyQuota": "100",\n"sed": 4,\n"faultRate": 1\n}',
        }),
      ),
    ).toEqual([
      'environment.json:2: "mailDailyQuota" must be a whole number ≥ 0 (got "100")',
      'environment.json:3: unknown key "sed" (known: mailDailyQuota, seed, latencyScale, faultRate, accountType, spreadsheetTimeZone); did you mean "seed"?',
      'environment.json:4: "faultRate" must be a number from 0 up to (not including) 1 (got 1)',
    ]);
  });

  test('problems from every file are reported together, one per line', () => {
    const p = problems(
      scenarioDir({
        'settings.csv': 'key,value\nbogus,1\n',
        'units.csv': 'unitId,name,category,email,emial\nU01,甲,机关事业单位,a@x,\n',
        'stages.csv': 'stageId,name,opensOn,deadline\napply,"申报,2014-05-20,2014-05-30\n',
        'events.jsonl': events(
          submit('a', '2014-05-22T10:00:00+08:00'),
          submit('b', '2014-05-21T10:00:00+08:00'),
          '{"at":"2014-05-23T10:00:00+08:00","type":"edit","of":"x","answers":{}}',
        ),
        'environment.json': null,
      }),
    );
    expect(p.map((l) => l.split(': ')[0])).toEqual([
      'settings.csv:2',
      'units.csv:1',
      'stages.csv:2',
      'stages.csv:2',
      'events.jsonl:2',
      'events.jsonl:3',
    ]);
  });
});

describe('parseInstant', () => {
  test('honours the offset; accepts Z and minutes-only times', () => {
    expect(parseInstant('2014-05-21T10:03:00+08:00')).toBe(Date.UTC(2014, 4, 21, 2, 3));
    expect(parseInstant('2014-05-21T10:03-05:30')).toBe(Date.UTC(2014, 4, 21, 15, 33));
    expect(parseInstant('2014-05-21T10:03:00.250Z')).toBe(Date.UTC(2014, 4, 21, 10, 3, 0, 250));
    expect(parseInstant('2014-05-21')).toEqual({ error: expect.stringMatching(/not an ISO 8601/) });
  });
});

describe('defaultWindow', () => {
  test('runs from the day before the earliest opensOn to 14 days after the last deadline', () => {
    expect(defaultWindow(readScenario(scenarioDir({})))).toEqual({
      fromDay: '2014-05-19',
      toDay: '2015-03-01',
    });
  });

  test('ignores unparsable dates and crosses month and year ends', () => {
    const stages = {
      header: ['stageId', 'opensOn', 'deadline'],
      rows: [
        ['a', '2014-03-01', '2014-12-20'],
        ['b', 'soon', 'later'],
        ['c', '2014-01-01', ''],
      ],
    };
    expect(defaultWindow({ stages })).toEqual({ fromDay: '2013-12-31', toDay: '2015-01-03' });
  });

  test('throws when there is nothing to derive a window from', () => {
    expect(() => defaultWindow({ stages: { header: ['stageId'], rows: [['a']] } })).toThrow(
      /pass --from and --to/,
    );
  });
});
