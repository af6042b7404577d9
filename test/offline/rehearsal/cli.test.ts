/**
 * `npm start` as a user runs it: the real CLI in a child process (`node scripts/run-ts.mjs
 * src/offline/rehearsal/cli.ts …`, which is what the npm script runs), outputs in a temp folder.
 * A full rehearsal of the sample takes a few seconds, so each one runs once and its outputs are
 * shared by the assertions about it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readScenario } from '../../../src/offline/rehearsal/scenario';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = path.join(ROOT, 'sheets-templates/sample-campaign');
const EXAMPLE = path.resolve(ROOT, 'sheets-templates/example-2014');

const CONFIG_SHEETS = ['系统设置', '单位名册', '阶段设置', '运行状况'];
/** A progress line of one simulated day: `2014-05-20 周二  onDailyTick …`. */
const DAY_LINE = /^(\d{4}-\d{2}-\d{2}) 周([日一二三四五六]) /;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const ISO_WITH_CHINA_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): CliResult {
  const result = spawnSync(
    process.execPath,
    ['scripts/run-ts.mjs', 'src/offline/rehearsal/cli.ts', ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' } },
  );
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearsal-cli-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Day arithmetic of its own (UTC calendar days), so the test does not reuse the code it checks.
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** rehearsal-format.md: the day before the earliest opensOn to 14 days after the last deadline. */
function defaultDays(dir: string): string[] {
  const { stages } = readScenario(dir);
  const column = (key: string) => stages.rows.map((r) => r[stages.header.indexOf(key)]).sort();
  return daysFrom(addDays(column('opensOn')[0], -1), addDays(column('deadline').at(-1)!, 14));
}

function dayLines(stdout: string): { day: string; weekday: string }[] {
  return stdout
    .split('\n')
    .map((line) => DAY_LINE.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ day: m[1], weekday: m[2] }));
}

interface RunLogLine {
  at: string;
  handler: string;
  trigger: string;
  ok: boolean;
  ms: number;
  calls: Record<string, number>;
  mailRecipients: number;
  log: unknown[];
}

function readRunLog(out: string): { raw: string[]; lines: RunLogLine[] } {
  const raw = fs.readFileSync(path.join(out, 'run-log.jsonl'), 'utf8').split('\n');
  expect(raw.at(-1)).toBe(''); // ends with a line break
  raw.pop();
  return { raw, lines: raw.map((line) => JSON.parse(line) as RunLogLine) };
}

/** The same checks for every scenario rehearsed over its default window. */
function fullRehearsal(title: string, scenarioDir: string, t: typeof test, scenarioArgs: string[]) {
  describe(title, () => {
    let out: string;
    let run: CliResult;
    let days: string[];
    beforeAll(() => {
      if (!fs.existsSync(scenarioDir)) return;
      out = path.join(tmp, path.basename(scenarioDir));
      run = cli([...scenarioArgs, '--out', out, '--verbose']);
      days = defaultDays(scenarioDir);
    }, 300_000);

    t('exits 0 and prints one line per simulated day of the default window, then a summary', () => {
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      const printed = dayLines(run.stdout);
      expect(printed.map((l) => l.day)).toEqual(days);
      // Sanity of the window itself: a whole campaign, not a day or two.
      expect(days.length).toBeGreaterThan(100);
      for (const { day, weekday } of printed) {
        expect(weekday).toBe(WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]);
      }
      expect(run.stdout).toContain(`：${days[0]} → ${days.at(-1)}`);
      // The summary comes after the last day line and agrees with the run log.
      const lines = run.stdout.trimEnd().split('\n');
      const lastDay = lines.map((l) => DAY_LINE.test(l)).lastIndexOf(true);
      const summary = lines.slice(lastDay + 1).join('\n');
      const executions = readRunLog(out).lines.length;
      expect(summary).toMatch(
        new RegExp(`^完成（[\\d.]+ 秒）：执行 ${executions} 次，失败 0 次；`, 'm'),
      );
      for (const name of ['workbook.xlsx', 'outbox/', 'reports/', 'run-log.jsonl']) {
        expect(summary).toContain(name);
      }
    });

    t(
      'writes workbook.xlsx with the configuration sheets, every unit and real stage dates',
      async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(out, 'workbook.xlsx'));
        const names = workbook.worksheets.map((s) => s.name);
        expect(names).toEqual(expect.arrayContaining(CONFIG_SHEETS));

        const rowsOf = (name: string) => {
          const rows: ExcelJS.CellValue[][] = [];
          workbook.getWorksheet(name)!.eachRow((row) => {
            rows.push((row.values as ExcelJS.CellValue[]).slice(1));
          });
          return rows.slice(1); // below the header
        };
        const scenario = readScenario(scenarioDir);

        const unitRows = rowsOf('单位名册');
        const idAt = scenario.units.header.indexOf('unitId');
        const nameAt = scenario.units.header.indexOf('name');
        expect(unitRows).toHaveLength(scenario.units.rows.length);
        for (const unit of scenario.units.rows) {
          const row = unitRows.find((r) => r.includes(unit[idAt]));
          expect(row).toBeDefined();
          expect(row).toContain(unit[nameAt]);
        }

        const stageRows = rowsOf('阶段设置');
        const at = (key: string) => scenario.stages.header.indexOf(key);
        expect(stageRows).toHaveLength(scenario.stages.rows.length);
        for (const stage of scenario.stages.rows) {
          const row = stageRows.find((r) => r.includes(stage[at('stageId')]))!;
          expect(row).toBeDefined();
          // Real dates (an Excel date shows the sheet's wall-clock time, so a date is UTC midnight).
          const dates = row.filter((v): v is Date => v instanceof Date).map((d) => d.toISOString());
          expect(dates).toEqual(
            expect.arrayContaining([
              `${stage[at('opensOn')]}T00:00:00.000Z`,
              `${stage[at('deadline')]}T00:00:00.000Z`,
            ]),
          );
        }
      },
    );

    t('writes outbox/ and reports/ folders holding what the summary counts', () => {
      for (const folder of ['outbox', 'reports']) {
        expect(fs.statSync(path.join(out, folder)).isDirectory()).toBe(true);
      }
      const emails = fs.readdirSync(path.join(out, 'outbox'));
      for (const name of emails) expect(name).toMatch(/^\d{5}-[^/]+\.eml$/);
      expect(run.stdout).toMatch(new RegExp(`邮件 ${emails.length} 封`));
      const reports = fs.readdirSync(path.join(out, 'reports'));
      for (const name of reports) expect(name).toMatch(/\.docx$/);
      expect(run.stdout).toMatch(new RegExp(`报告 ${reports.length} 份`));
    });

    t('writes run-log.jsonl: one well-formed line per execution, every one ok', () => {
      const { raw, lines } = readRunLog(out);
      expect(lines.length).toBeGreaterThan(days.length);
      lines.forEach((line, i) => {
        const where = `run-log.jsonl:${i + 1}: ${raw[i].slice(0, 120)}`;
        expect({ where, keys: Object.keys(line).sort() }).toEqual({
          where,
          keys: ['at', 'calls', 'handler', 'log', 'mailRecipients', 'ms', 'ok', 'trigger'],
        });
        expect({ where, at: line.at }).toEqual({
          where,
          at: expect.stringMatching(ISO_WITH_CHINA_OFFSET),
        });
        expect({ where, ok: line.ok }).toEqual({ where, ok: true });
        expect(typeof line.handler).toBe('string');
        expect(typeof line.trigger).toBe('string');
        expect(line.ms).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(line.mailRecipients)).toBe(true);
        expect(Array.isArray(line.log)).toBe(true);
        expect(line.calls).not.toBeNull();
        expect(typeof line.calls).toBe('object');
        expect(Array.isArray(line.calls)).toBe(false);
        for (const [name, count] of Object.entries(line.calls)) {
          expect(name).toMatch(/^[A-Za-z]+(\.[A-Za-z][A-Za-z0-9]*)+$/);
          expect(Number.isInteger(count) && count > 0).toBe(true);
        }
      });
      // In time order, as the executions happened.
      const times = lines.map((l) => Date.parse(l.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // The administrator's first steps run the script's setup and activation.
      expect(lines.slice(0, 3).map((l) => l.handler)).toEqual(['onOpen', 'setup', 'activate']);
    });

    t('fires the daily trigger once a day after activation, at 09:xx local time', () => {
      const { lines } = readRunLog(out);
      const activated = Date.parse(lines.find((l) => l.handler === 'activate')!.at);
      const ticks = lines.filter((l) => l.handler === 'onDailyTick');
      for (const tick of ticks) {
        expect(tick.trigger).toBe('time');
        expect(tick.at).toMatch(/T09:\d{2}:\d{2}\+08:00$/);
        expect(Date.parse(tick.at)).toBeGreaterThan(activated);
      }
      // Activation happens at midnight of the first day, so that day's 09:xx firing follows it.
      expect(ticks.map((t) => t.at.slice(0, 10))).toEqual(days);
      // A daily trigger keeps its minute for life (drawn once when it is created).
      expect(new Set(ticks.map((t) => t.at.slice(11, 19))).size).toBe(1);
    });

    t(
      'runs 运行自检 right after activation and at the end of the window: every check passes',
      () => {
        const { lines } = readRunLog(out);
        const checks = lines.filter((l) => l.handler === 'selfCheck');
        expect(checks.map((l) => l.trigger)).toEqual(['menu', 'menu']);
        expect(lines.indexOf(checks[0])).toBe(3); // onOpen, setup, activate, then the self-check
        expect(lines.indexOf(checks[1])).toBe(lines.length - 1);
        for (const check of checks) {
          const records = (check.log as { event?: string; ok?: boolean; line?: string }[]).filter(
            (r) => r.event === 'selfCheck',
          );
          expect(records.length).toBeGreaterThan(10);
          expect(records.filter((r) => r.ok !== true).map((r) => r.line)).toEqual([]);
          for (const when of ['启动后', '结束时']) {
            expect(run.stdout).toContain(`运行自检（${when}）：${records.length} 项通过\n`);
          }
        }
      },
    );
  });
}

fullRehearsal('npm start on the bundled sample campaign (--out only)', SAMPLE, test, []);

fullRehearsal('npm start --scenario sheets-templates/example-2014', EXAMPLE, test, [
  '--scenario',
  path.relative(ROOT, EXAMPLE),
]);

describe('a scenario that cannot be read stops the rehearsal before anything runs', () => {
  function brokenCopy(name: string, file: string, edit: (lines: string[]) => string[]): string {
    const dir = path.join(tmp, name);
    fs.cpSync(SAMPLE, dir, { recursive: true });
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    fs.writeFileSync(path.join(dir, file), edit(text.split('\n')).join('\n'));
    return dir;
  }

  test('an unterminated quote on units.csv line 4: exit 1, stderr names units.csv:4, no output folder', () => {
    const dir = brokenCopy('bad-csv', 'units.csv', (lines) => {
      const fields = lines[3].split(',');
      fields[1] = `"${fields[1]}`;
      lines[3] = fields.join(',');
      return lines;
    });
    const out = path.join(tmp, 'bad-csv-out');
    const run = cli(['--scenario', dir, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/units\.csv:4: unterminated quoted field/);
    expect(dayLines(run.stdout)).toEqual([]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an existing output folder is left untouched when the scenario cannot be read', () => {
    const dir = brokenCopy('bad-csv-2', 'units.csv', (lines) => {
      lines[3] = lines[3].replace(',', ',"');
      return lines;
    });
    const out = path.join(tmp, 'kept-out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'earlier-run.txt'), 'keep me');
    const run = cli(['--scenario', dir, '--out', out]);
    expect(run.status).toBe(1);
    expect(fs.readdirSync(out)).toEqual(['earlier-run.txt']);
  });

  test('events out of order: exit 1, stderr names events.jsonl and the later line', () => {
    let swappedLine = 0;
    const dir = brokenCopy('bad-events', 'events.jsonl', (lines) => {
      // Swap the first adjacent pair with different times: the second line then goes back in time.
      const at = (l: string) => (JSON.parse(l) as { at: string }).at;
      const i = lines.findIndex((l, k) => l && lines[k + 1] && at(l) < at(lines[k + 1]));
      [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      swappedLine = i + 2;
      return lines;
    });
    const out = path.join(tmp, 'bad-events-out');
    const run = cli(['--scenario', dir, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`events.jsonl:${swappedLine}: events out of order`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('arguments', () => {
  test('an unknown flag: exit 1, names the flag and prints the usage once', () => {
    const run = cli(['--frobnicate']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown option "--frobnicate"');
    expect(run.stderr.split('Usage: npm start --')).toHaveLength(2);
    expect(run.stdout).toBe('');
  });

  test('--help: exit 0 and the usage on stdout', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm start -- [--scenario DIR] [--out DIR]');
    expect(run.stderr).toBe('');
  });

  test('--from/--to narrow the window: only those days are rehearsed and printed', () => {
    const out = path.join(tmp, 'narrow');
    const run = cli(['--out', out, '--from', '2014-05-29', '--to', '2014-06-02', '--verbose']);
    expect(run.status).toBe(0);
    const days = ['2014-05-29', '2014-05-30', '2014-05-31', '2014-06-01', '2014-06-02'];
    expect(dayLines(run.stdout).map((l) => l.day)).toEqual(days);
    const { lines } = readRunLog(out);
    expect(lines.every((l) => l.at.slice(0, 10) >= days[0] && l.at.slice(0, 10) <= days[4])).toBe(
      true,
    );
    expect(lines.filter((l) => l.handler === 'onDailyTick').map((l) => l.at.slice(0, 10))).toEqual(
      days,
    );
  });
});
